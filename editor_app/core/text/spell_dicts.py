"""Enchant's dictionaries: opening them (:func:`load_enchant_dicts`), which are installed,
and the spell-check loader the settings choose.

:func:`load_enchant_dicts` raises :class:`SpellCheckUnavailable` when the enchant library
or the Hindi dictionary cannot be used (the message says what to install).

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
from typing import Any, Protocol

from editor_app.core.errors import SpellCheckUnavailable

__all__ = [
    "ENGLISH_SETTING",
    "EN_TAG",
    "HINDI_SETTING",
    "HI_TAG",
    "INSTALL_HINT",
    "InstalledDictionary",
    "SpellDict",
    "installed_dictionaries",
    "load_enchant_dicts",
    "settings_loader",
]

log = logging.getLogger(__name__)

HI_TAG = "hi_IN"
EN_TAG = "en_US"
INSTALL_HINT = (
    "install libenchant-2-2 and hunspell-hi (Debian/Ubuntu: "
    "apt install libenchant-2-2 hunspell-hi hunspell-en-us; Fedora: enchant2 hunspell-hi; "
    "macOS: brew install enchant plus a hi_IN hunspell dictionary)"
)



# --------------------------------------------------------------------------- enchant


class SpellDict(Protocol):
    """What the checker needs from an enchant ``Dict`` (tests pass fakes)."""

    def check(self, word: str) -> bool: ...

    def suggest(self, word: str) -> list[str]: ...


def load_enchant_dicts(hindi_tag: str = HI_TAG, english_tag: str | None = EN_TAG,
                       ) -> tuple[SpellDict, SpellDict | None]:
    """Open enchant's Hindi (``hi_IN``) and, optionally, English (``en_US``) dictionaries.

    Raises :class:`SpellCheckUnavailable` when the enchant library cannot be loaded or the
    Hindi one is missing; a missing English one only logs a warning (Latin words then pass).
    ``english_tag=None`` leaves Latin words unchecked (the Preferences' choice).
    """
    try:
        import enchant  # lazy: the C library may be absent
    except (ImportError, OSError, AssertionError) as exc:  # a bad PYENCHANT_LIBRARY_PATH asserts
        raise SpellCheckUnavailable(
            f"spell-check unavailable: the enchant library could not be loaded ({exc}); "
            f"{INSTALL_HINT}"
        ) from exc
    try:
        hindi: SpellDict = enchant.Dict(hindi_tag)
    except Exception as exc:  # I/O boundary: DictNotFoundError or a broken dictionary
        raise SpellCheckUnavailable(
            f"spell-check unavailable: no usable {hindi_tag} dictionary ({exc}); {INSTALL_HINT}"
        ) from exc
    english: SpellDict | None = None
    if english_tag is None:
        return hindi, None
    try:
        english = enchant.Dict(english_tag)
    except Exception as exc:  # I/O boundary
        log.warning("no %s dictionary (%s): Latin words are not checked", english_tag, exc)
    return hindi, english


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
