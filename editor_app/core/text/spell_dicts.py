"""Which enchant dictionaries are installed, and the spell-check loader the settings choose.

Contract: :func:`installed_dictionaries` never raises: without the enchant library it
returns an empty list (the Preferences dialog then says spell-check is unavailable).
:func:`settings_loader` turns the settings ``spell_hindi`` (default ``hi_IN``) and
``spell_english`` (default ``en_US``; ``""`` leaves Latin words unchecked) into the
``loader`` argument of :func:`editor_app.core.text.spell.create_spell_checker`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any

from editor_app.core.text.spell import EN_TAG, HI_TAG, SpellDict, load_enchant_dicts

__all__ = ["ENGLISH_SETTING", "HINDI_SETTING", "InstalledDictionary", "installed_dictionaries",
           "settings_loader"]

log = logging.getLogger(__name__)

HINDI_SETTING = "spell_hindi"
ENGLISH_SETTING = "spell_english"


@dataclass(frozen=True, slots=True)
class InstalledDictionary:
    """One enchant dictionary: its language tag (``hi_IN``) and the provider (hunspell)."""

    tag: str
    provider: str

    @property
    def is_hindi(self) -> bool:
        """True for a Hindi dictionary (``hi``, ``hi_IN``, ...)."""
        return self.tag == "hi" or self.tag.startswith("hi_")

    @property
    def is_english(self) -> bool:
        """True for an English dictionary (``en_US``, ``en_GB``, ``en_IN``, ...)."""
        return self.tag == "en" or self.tag.startswith("en_")


def installed_dictionaries() -> list[InstalledDictionary]:
    """Every dictionary enchant can open, sorted by tag (empty without enchant)."""
    try:
        import enchant
    except (ImportError, OSError, AssertionError) as exc:  # the C library may be absent
        log.info("enchant unavailable, no dictionaries to list: %s", exc)
        return []
    try:
        pairs = enchant.Broker().list_dicts()
    except Exception as exc:  # I/O boundary: a broken provider
        log.warning("enchant could not list its dictionaries: %s", exc)
        return []
    found = {InstalledDictionary(str(tag), str(getattr(provider, "name", provider)))
             for tag, provider in pairs}
    return sorted(found, key=lambda d: (d.tag, d.provider))


def _tag(settings: Mapping[str, Any], key: str, default: str) -> str:
    value = settings.get(key, default)
    return value.strip() if isinstance(value, str) else default


def settings_loader(settings: Mapping[str, Any],
                    ) -> Callable[[], tuple[SpellDict, SpellDict | None]]:
    """The dictionary loader for ``settings`` (see the module contract)."""
    hindi = _tag(settings, HINDI_SETTING, HI_TAG) or HI_TAG
    english = _tag(settings, ENGLISH_SETTING, EN_TAG)
    return partial(load_enchant_dicts, hindi, english or None)
