"""Qt's own strings (OK/Cancel, context menus, scroll bars, calendar) in the UI language.

Sampadak's labels go through :mod:`editor_app.gui.i18n`; this module does the same for the
strings Qt itself draws. Contract of :func:`install_qt_translations` (called right after
``i18n.setup`` with the same ``ui_language``):

1. Qt's own ``qtbase_hi.qm`` from ``QLibraryInfo.path(TranslationsPath)`` is loaded if the Qt
   in use ships it. PySide6 (checked up to 6.11) ships ``qtbase_*.qm`` for 33 languages but
   no Hindi, so this is usually missing: the report says so, and it is logged.
2. Sampadak's own ``resources/translations/qtbase_hi.qm`` (standard buttons, text and
   line-edit context menus, spin boxes, scroll bars, message-box details, Qt's own file
   dialog; Hindi in the house style) is loaded on top, so those strings are Hindi either
   way. A file-dialog filter keeps its pattern last: ``सभी फ़ाइलें (All Files) (*)``.
3. ``"hi-en"`` shows them like the app's labels, ``"हिंदी (English)"`` with
   the mnemonic in the English part (``पूर्ववत (&Undo)``); ``"hi"`` shows the Hindi alone;
   ``"en"`` installs nothing. A string with no Hindi stays Qt's English.
4. For Hindi the default ``QLocale`` becomes Hindi (India): calendar popups show Hindi
   month and day names (जनवरी, सोमवार); digits stay ASCII as in Qt's Hindi locale.

Calling it again replaces the earlier translators (tests switch languages).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

from editor_app.core.resources import resource_path

__all__ = ["QT_CATALOG", "QtHindiTranslator", "TranslationReport", "install_qt_translations",
           "qt_translations_dir"]

log = logging.getLogger(__name__)

QT_CATALOG = "qtbase"
_HINDI_LANGUAGES = ("hi-en", "hi")


@dataclass
class TranslationReport:
    """What :func:`install_qt_translations` loaded and what was not there."""

    language: str
    loaded: list[Path] = field(default_factory=list)
    missing: list[Path] = field(default_factory=list)

    def describe(self) -> str:
        """One line for the log or an About box."""
        if self.language not in _HINDI_LANGUAGES:
            return f"Qt strings: English (ui_language {self.language})"
        parts = [f"loaded {p.name} from {p.parent}" for p in self.loaded]
        parts += [f"missing {p.name} in {p.parent} (no Hindi Qt translation there)"
                  for p in self.missing]
        return "Qt strings in Hindi: " + "; ".join(parts)


class QtHindiTranslator(QTranslator):
    """A ``.qm`` of Hindi for Qt's strings, shown bilingual when ``bilingual``.

    Answers ``None`` (not ``""``) for strings it does not have, so Qt asks the next
    translator and finally falls back to its English source."""

    def __init__(self, bilingual: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bilingual = bilingual

    def translate(self, context: str, source: str,
                  disambiguation: str | None = None, n: int = -1) -> str | None:
        hindi = super().translate(context, source, disambiguation, n)
        if not hindi:
            return None
        if not self.bilingual or hindi == source:
            return hindi
        plain = "&&".join(part.replace("&", "") for part in hindi.split("&&"))
        dots = "..." if source.endswith("...") and plain.endswith("...") else ""
        words, pattern = _split_pattern(source)
        hindi_words, hindi_pattern = _split_pattern(plain.removesuffix(dots))
        if pattern and pattern == hindi_pattern:
            # a file-dialog filter, "All Files (*)": the pattern must stay last, alone in
            # its brackets, or QFileDialog stops filtering by it
            return f"{hindi_words} ({words}) {pattern}"
        return f"{plain.removesuffix(dots)} ({source})"


def _split_pattern(text: str) -> tuple[str, str]:
    """``("All Files", "(*)")`` for a file-dialog filter ``"All Files (*)"``, else
    ``(text, "")``."""
    head, sep, tail = text.rpartition(" (")
    if sep and tail.endswith(")") and "(" not in tail and any(c in tail for c in "*?."):
        return head, f"({tail}"
    return text, ""


@dataclass
class _State:
    translators: list[QTranslator] = field(default_factory=list)


_state = _State()


def qt_translations_dir() -> Path:
    """Where this Qt keeps its own ``.qm`` files."""
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def _load(app: QCoreApplication, path: Path, bilingual: bool) -> bool:
    translator = QtHindiTranslator(bilingual, app)
    if not path.is_file() or not translator.load(str(path)):
        translator.deleteLater()
        return False
    app.installTranslator(translator)
    _state.translators.append(translator)
    return True


def install_qt_translations(app: QCoreApplication | None, language: str = "hi-en",
                            qt_dir: Path | None = None,
                            own_dir: Path | None = None) -> TranslationReport:
    """Install translators for Qt's strings on ``app`` (None: the running application;
    see the module docstring). ``qt_dir`` and ``own_dir`` override where Qt's and
    Sampadak's ``.qm`` files are looked for (tests)."""
    app = app or QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install_qt_translations() needs a QApplication")
    for translator in _state.translators:
        app.removeTranslator(translator)
        translator.deleteLater()
    _state.translators.clear()
    report = TranslationReport(language)
    if language not in _HINDI_LANGUAGES:
        QLocale.setDefault(QLocale.system())
        return report
    QLocale.setDefault(QLocale(QLocale.Language.Hindi, QLocale.Country.India))
    bilingual = language == "hi-en"
    name = f"{QT_CATALOG}_hi.qm"
    qt_file = (qt_dir or qt_translations_dir()) / name
    (report.loaded if _load(app, qt_file, bilingual) else report.missing).append(qt_file)
    own_file = (own_dir or resource_path("translations")) / name
    (report.loaded if _load(app, own_file, bilingual) else report.missing).append(own_file)
    if report.missing:
        log.info("%s", report.describe())
    return report
