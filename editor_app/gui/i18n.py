"""The UI language: Qt's own translation mechanism behind one call, :func:`translate`.

Source strings are English. Their Hindi lives in the Qt Linguist catalogue
``resources/translations/sampadak_hi.ts``, compiled to ``sampadak_hi.qm`` (both committed;
``packaging/update_translations.sh`` extracts new strings with ``pyside6-lupdate`` and
compiles with ``pyside6-lrelease``). :func:`setup` installs that catalogue as a
``QTranslator``; :func:`translate` then gives a label in the form the setting
``ui_language`` (``settings.toml``) asks for:

- ``"hi"``: Hindi only; ``"en"``: English only;
- ``"hi-en"`` (the old shipped style): ``"हिंदी (English)"``, e.g. ``"नाम (Name)"``;
- ``""`` (the default: nothing chosen): the system's language, see :func:`system_language`
  (a ``hi*`` locale gives ``"hi"``, anything else ``"en"``).

A string without a Hindi translation shows its English source in every mode, so a missing
translation is visible, never blank. The language is chosen at start-up (a change applies
at the next start; Preferences says so). ``pyside6-lupdate`` finds every
``translate("Context", "Source")`` call by that name, so call it as ``translate(...)`` or
``i18n.translate(...)`` with literal strings (not inside an f-string, not with keyword
arguments: lupdate does not see those), and format placeholders after translating:
``translate("C", "{n} words").format(...)``. Tables built at import time mark their
English with :func:`QT_TRANSLATE_NOOP` and translate where shown.
See docs/TRANSLATION.md.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import regex
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from editor_app.core.resources import resource_path

__all__ = ["DEFAULT_LANGUAGE", "LANGUAGES", "QT_TRANSLATE_NOOP", "SETTING", "SYSTEM",
           "current_language", "in_language", "normalise_language", "plain_label", "setup",
           "short_label", "system_language", "translate"]

log = logging.getLogger(__name__)

SETTING = "ui_language"
LANGUAGES = ("hi-en", "hi", "en")
#: The setting's value for "follow the system" (also what an absent setting means).
SYSTEM = ""
#: What :func:`translate` uses before any :func:`setup` (tests that build widgets alone).
DEFAULT_LANGUAGE = "hi-en"
CATALOGUE = "sampadak_hi.qm"


@dataclass
class _State:
    """What :func:`setup` installed; :func:`setup` replaces it, so tests can reset it."""

    language: str = DEFAULT_LANGUAGE
    translator: QTranslator | None = None


_state = _State()


def system_language(locale_name: str | None = None) -> str:
    """The UI language for a system locale (default: ``QLocale.system()``, which follows
    ``LC_ALL`` / ``LC_MESSAGES`` / ``LANG`` on Linux and the OS setting elsewhere):
    ``"hi"`` (Hindi alone) for any Hindi locale (``hi``, ``hi_IN``, ``hi_IN.UTF-8``),
    ``"en"`` for everything else, ``C`` included. A Hindi desktop gets Hindi, not the
    bilingual form: people who set their system to Hindi read Hindi; "hi-en" stays a
    choice in Preferences."""
    name = QLocale.system().name() if locale_name is None else locale_name
    return "hi" if name.lower().replace("-", "_").split("_")[0] == "hi" else "en"


def normalise_language(value: object) -> str:
    """``value`` when it is one of :data:`LANGUAGES`; for :data:`SYSTEM` (or ``None``) the
    :func:`system_language`; anything else is logged and also gives the system's."""
    if isinstance(value, str) and value in LANGUAGES:
        return value
    fallback = system_language()
    if value not in (SYSTEM, None):
        log.warning("unknown %s %r: using %r (choices: %s)", SETTING, value,
                    fallback, ", ".join(LANGUAGES))
    return fallback


def catalogue_path() -> Path:
    """The compiled Hindi catalogue shipped in resources/translations."""
    return resource_path("translations", CATALOGUE)


def setup(language: object, catalogue: Path | None = None) -> bool:
    """Use ``language`` for :func:`translate` from now on; True when Hindi is loaded.

    Replaces whatever an earlier call installed. Needs the QCoreApplication to exist.
    ``"en"`` installs no catalogue. A missing or unreadable catalogue is logged and
    leaves every label in English (the app still runs).
    """
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("i18n.setup() needs a QApplication")
    if _state.translator is not None:
        app.removeTranslator(_state.translator)
        _state.translator = None
    _state.language = normalise_language(language)
    if _state.language == "en":
        return False
    path = catalogue if catalogue is not None else catalogue_path()
    translator = QTranslator(app)
    if not translator.load(str(path)):
        log.warning("Hindi UI catalogue not loaded from %s: labels stay English", path)
        return False
    app.installTranslator(translator)
    _state.translator = translator
    return True


def current_language() -> str:
    """The language :func:`setup` chose (the default before any call)."""
    return _state.language


def _mnemonic(text: str) -> str:
    """The character after ``text``'s ``&`` marker (``"&File"`` → ``"F"``), or ``""``."""
    for part in text.split("&&"):
        at = part.find("&")
        if 0 <= at < len(part) - 1:
            return part[at + 1]
    return ""


def _with_mnemonic(hindi: str, source: str) -> str:
    """``hindi`` with the source's mnemonic added as ``" (&F)"`` when it has none of its own
    (as Chinese and Japanese translations do): Alt + a Latin letter works on every keyboard
    layout, a Devanagari one only on a Hindi layout. An ellipsis stays last."""
    key = _mnemonic(source)
    if not key or _mnemonic(hindi):
        return hindi
    mark = f" (&{key.upper()})"
    if hindi.endswith("…"):
        return hindi[:-1] + mark + "…"
    return hindi + mark


def _without_mnemonic(text: str) -> str:
    """``text`` with its ``&`` mnemonic markers removed (a literal ``&&`` stays)."""
    return "&&".join(part.replace("&", "") for part in text.split("&&"))


_ADDED_KEY = regex.compile(r" \(&[^&\s]\)(?=…?$)")


def plain_label(text: str) -> str:
    """A label without mnemonics, for toolbar buttons: ``फ़ाइल (&F)`` → ``फ़ाइल``,
    ``नया लेख (&New)`` → ``नया लेख (New)``, ``&&`` → ``&``."""
    return _without_mnemonic(_ADDED_KEY.sub("", text)).replace("&&", "&")


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # noqa: N802 (lupdate's name)
    """Mark ``source`` for the catalogue without translating it: for tables built at import
    time, before :func:`setup`. Translate the value where it is shown:
    ``translate(context, value)`` with the same context."""
    del context
    return source


def translate(context: str, source: str, disambiguation: str | None = None) -> str:
    """The label for English ``source`` in ``context`` (a class name) in the UI language.

    In ``"hi-en"`` the Hindi comes first and the English source in brackets; a mnemonic
    (``&File``) is kept in the English part only, as in the existing labels. In ``"hi"``
    a Hindi without its own ``&`` gets the source's key: ``फ़ाइल (&F)``.
    """
    if _state.language == "en":
        return source
    hindi = QCoreApplication.translate(context, source, disambiguation)
    if hindi == source:
        return hindi
    if _state.language == "hi":
        return _with_mnemonic(hindi, source)
    return f"{_without_mnemonic(hindi)} ({source})"


def short_label(context: str, source: str, disambiguation: str | None = None) -> str:
    """Like :func:`translate`, but one language only where space is short (toolbar texts,
    column headers): the Hindi in ``"hi"`` and ``"hi-en"``, the English in ``"en"``."""
    if _state.language == "en":
        return source
    return QCoreApplication.translate(context, source, disambiguation)


def in_language(hindi: str, english: str, joiner: str = " ") -> str:
    """A text core gives in both languages (lint rule titles, finding messages) in the form
    of the UI language: ``hindi`` in ``"hi"``, ``english`` in ``"en"``, both in ``"hi-en"``
    (``"हिंदी (English)"`` with the default ``joiner``; ``"\\n"`` puts them on two lines
    without brackets). An empty side falls back to the other."""
    if _state.language == "en":
        return english or hindi
    if _state.language == "hi" or not english or english == hindi:
        return hindi or english
    if not hindi:
        return english
    return f"{hindi}{joiner}({english})" if joiner == " " else f"{hindi}{joiner}{english}"
