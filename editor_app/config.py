"""One :class:`Config` object: paths (platformdirs or a profile folder), settings, overrides.

Precedence for the database: ``--database URL`` > ``SAMPADAK_DATABASE_URL`` > a SQLite file
``sampadak.sqlite`` in the data folder. ``--profile DIR`` puts data, config, cache and logs
under ``DIR`` (tests use it), otherwise platformdirs' per-user folders are used.
Settings live in ``settings.toml`` in the config folder and are written atomically.

Light on purpose: nothing here imports SQLAlchemy or the database layer, so the window's
start-up (:mod:`editor_app.gui.startup`) can read the configuration before those load.
"""

from __future__ import annotations

import logging
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs
import tomli_w

from editor_app import APP_NAME
from editor_app.core.errors import ConfigError
from editor_app.core.fileio import atomic_write_text
from editor_app.core.sqlite_urls import sqlite_url_for

__all__ = ["DATABASE_ENV", "DEFAULT_THEME", "THEMES", "THEME_SETTING", "Config", "load_config"]

log = logging.getLogger(__name__)

DATABASE_ENV = "SAMPADAK_DATABASE_URL"
SETTINGS_FILE = "settings.toml"
#: The colour theme (applied by ``editor_app.gui.theme``, offered by ``editor_app.preferences``):
#: follow the desktop, or choose. Here so that the theme needs no import of the preferences.
THEME_SETTING = "theme"
THEMES = ("system", "light", "dark")
DEFAULT_THEME = "system"
DEFAULT_SETTINGS: dict[str, Any] = {
    "font_family": "",
    "font_size": 13,
    "autosave_seconds": 2.0,
    # Continuous typing is still saved at least this often (seconds).
    "autosave_max_seconds": 10.0,
    "phonetic_typing": False,
    # editor_app.gui.i18n: "" = the system language (Hindi for a hi* locale, else English),
    # "hi", "en", "hi-en" (हिंदी (English))
    "ui_language": "",
    # Preferences (editor_app.preferences): the newsroom house style sheet to use and the
    # enchant dictionaries (spell_english "" = Latin words unchecked).
    "house_style_sheet": "default",
    "spell_hindi": "hi_IN",
    "spell_english": "en_US",
    "theme": "system",  # editor_app.gui.theme: "system" (follow the desktop), "light", "dark"
    # Field sync (wip-pgsync): the newsroom's database URL last synced with (no password).
    "sync_url": "",
}


@dataclass
class Config:
    """Resolved paths and settings for one run of the app or CLI."""

    data_dir: Path
    config_dir: Path
    cache_dir: Path
    log_dir: Path
    database_url: str
    settings: dict[str, Any] = field(default_factory=lambda: dict(DEFAULT_SETTINGS))

    @property
    def settings_path(self) -> Path:
        """Where :meth:`save_settings` writes."""
        return self.config_dir / SETTINGS_FILE

    def ensure_dirs(self) -> None:
        """Create the data, config, cache and log folders."""
        for folder in (self.data_dir, self.config_dir, self.cache_dir, self.log_dir):
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise ConfigError(f"cannot create {folder}: {exc}") from exc

    def save_settings(self) -> None:
        """Write settings atomically."""
        atomic_write_text(self.settings_path, tomli_w.dumps(self.settings))

    def get_str(self, key: str) -> str:
        """A string setting ('' when unset or of another type)."""
        value = self.settings.get(key, DEFAULT_SETTINGS.get(key, ""))
        return value if isinstance(value, str) else ""

    def get_float(self, key: str) -> float:
        """A numeric setting, falling back to the default on a bad value."""
        value = self.settings.get(key, DEFAULT_SETTINGS.get(key, 0))
        if isinstance(value, bool) or not isinstance(value, int | float):
            return float(DEFAULT_SETTINGS.get(key, 0))
        return float(value)


def load_config(profile: str | Path | None = None, database: str | None = None,
                environ: Mapping[str, str] | None = None) -> Config:
    """Resolve folders, database URL and settings. Never touches the database itself."""
    env = os.environ if environ is None else environ
    if profile is not None:
        root = Path(profile).expanduser().resolve()
        data_dir, config_dir = root / "data", root / "config"
        cache_dir, log_dir = root / "cache", root / "logs"
    else:
        dirs = platformdirs.PlatformDirs(APP_NAME, appauthor=False)
        data_dir, config_dir = Path(dirs.user_data_dir), Path(dirs.user_config_dir)
        cache_dir, log_dir = Path(dirs.user_cache_dir), Path(dirs.user_log_dir)
    url = database or env.get(DATABASE_ENV) or sqlite_url_for(data_dir / "sampadak.sqlite")
    config = Config(data_dir=data_dir, config_dir=config_dir, cache_dir=cache_dir,
                    log_dir=log_dir, database_url=url)
    config.settings.update(_read_settings(config.settings_path))
    return config


def _read_settings(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        return {}
    except (OSError, tomllib.TOMLDecodeError) as exc:
        log.warning("ignoring unreadable settings file %s: %s", path, exc)
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str)}
