"""The user's preferences as one value: read from :class:`Config` and the local profile,
stored back atomically (``settings.toml`` through :meth:`Config.save_settings`, the names
through :meth:`editor_app.core.users.UserService.rename`, acting as that profile).

Contract of :func:`store_preferences`: the settings file is written first (atomically, so a
crash leaves the old or the new file, never half of one); when that fails the in-memory
settings are put back as they were and the typed error is raised, so what the window shows
and what is on disk never disagree. The profile is renamed only when a name changed.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from typing import Any

from editor_app.config import DEFAULT_SETTINGS, DEFAULT_THEME, THEME_SETTING, THEMES, Config
from editor_app.core.db import Database
from editor_app.core.profiles import ProfileInfo
from editor_app.core.text.spell import EN_TAG, HI_TAG
from editor_app.core.text.spell_dicts import ENGLISH_SETTING, HINDI_SETTING
from editor_app.core.users import UserService

__all__ = ["AUTOSAVE_MAX_RANGE", "AUTOSAVE_RANGE", "DEFAULT_THEME", "FONT_SIZE_RANGE",
           "HOUSE_STYLE_SETTING", "THEMES", "THEME_SETTING", "Preferences", "read_preferences",
           "store_preferences"]

log = logging.getLogger(__name__)

HOUSE_STYLE_SETTING = "house_style_sheet"
#: Allowed ranges (inclusive) the dialog offers and :meth:`Preferences.clamped` enforces.
FONT_SIZE_RANGE = (6, 72)
AUTOSAVE_RANGE = (0.5, 120.0)
AUTOSAVE_MAX_RANGE = (2.0, 600.0)


@dataclass(frozen=True, slots=True)
class Preferences:
    """Everything the Preferences dialog edits."""

    ui_language: str
    font_family: str
    font_size: int
    autosave_seconds: float
    autosave_max_seconds: float
    house_style_sheet: str
    spell_hindi: str
    spell_english: str  # "" = Latin words are not checked
    phonetic_typing: bool
    name: str
    name_latin: str
    theme: str = DEFAULT_THEME  # one of THEMES

    def clamped(self) -> Preferences:
        """The same preferences with numbers inside the allowed ranges (the longest wait
        is never shorter than the idle wait)."""
        size = min(max(self.font_size, FONT_SIZE_RANGE[0]), FONT_SIZE_RANGE[1])
        idle = min(max(self.autosave_seconds, AUTOSAVE_RANGE[0]), AUTOSAVE_RANGE[1])
        longest = min(max(self.autosave_max_seconds, AUTOSAVE_MAX_RANGE[0], idle),
                      AUTOSAVE_MAX_RANGE[1])
        theme = self.theme if self.theme in THEMES else DEFAULT_THEME
        return replace(self, font_size=size, autosave_seconds=idle,
                       autosave_max_seconds=longest, theme=theme)

    def settings(self) -> dict[str, Any]:
        """The ``settings.toml`` keys these preferences set."""
        return {
            "ui_language": self.ui_language,
            "font_family": self.font_family,
            "font_size": self.font_size,
            "autosave_seconds": self.autosave_seconds,
            "autosave_max_seconds": self.autosave_max_seconds,
            HOUSE_STYLE_SETTING: self.house_style_sheet,
            HINDI_SETTING: self.spell_hindi,
            ENGLISH_SETTING: self.spell_english,
            "phonetic_typing": self.phonetic_typing,
            THEME_SETTING: self.theme,
        }


def read_preferences(config: Config, profile: ProfileInfo) -> Preferences:
    """The current preferences (settings with their defaults, names from ``profile``)."""
    english = config.settings.get(ENGLISH_SETTING, EN_TAG)
    return Preferences(
        ui_language=config.get_str("ui_language") or str(DEFAULT_SETTINGS["ui_language"]),
        font_family=config.get_str("font_family"),
        font_size=int(config.get_float("font_size")),
        autosave_seconds=config.get_float("autosave_seconds"),
        autosave_max_seconds=config.get_float("autosave_max_seconds"),
        house_style_sheet=config.get_str(HOUSE_STYLE_SETTING) or "default",
        spell_hindi=config.get_str(HINDI_SETTING) or HI_TAG,
        spell_english=english if isinstance(english, str) else EN_TAG,
        phonetic_typing=bool(config.settings.get("phonetic_typing")),
        name=profile.name,
        name_latin=profile.name_latin,
        theme=config.get_str(THEME_SETTING) or DEFAULT_THEME,
    ).clamped()


def store_preferences(config: Config, db: Database, profile: ProfileInfo,
                      preferences: Preferences) -> ProfileInfo:
    """Save ``preferences`` (see the module contract); return the (renamed) profile."""
    chosen = preferences.clamped()
    before = dict(config.settings)
    config.settings.update(chosen.settings())
    try:
        config.save_settings()
    except Exception:
        config.settings.clear()
        config.settings.update(before)
        raise
    if (chosen.name, chosen.name_latin) == (profile.name, profile.name_latin):
        return profile
    renamed = UserService(db, profile).rename(profile.id, chosen.name, chosen.name_latin)
    log.info("profile %s renamed to %r (%r)", profile.id, renamed.name, renamed.name_latin)
    return renamed
