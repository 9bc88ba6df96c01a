"""Qt's own strings (OK/Cancel, context menus, scroll bars, calendar) in Hindi.

Contract of :func:`install_qt_translations` for a Hindi UI (``ui_language = "hi"``, the
default):

1. Qt's ``qtbase_hi.qm`` from ``QLibraryInfo.path(TranslationsPath)`` is loaded if the Qt in
   use ships it. PySide6 (checked up to 6.11) ships ``qtbase_*.qm`` for 33 languages but no
   Hindi, so this is usually missing: the report says so, and it is logged once.
2. Sampadak's own ``resources/translations/qtbase_hi.qm`` (buttons, text and line-edit
   context menus, spin boxes, scroll bars, message-box details; bilingual like the app's
   labels) is loaded on top, so those strings are Hindi either way.
3. The default ``QLocale`` becomes Hindi (India): calendar popups show Hindi month and day
   names (जनवरी, सोमवार); digits stay ASCII as Qt's Hindi locale uses them.

For ``"en"`` nothing is installed. Translators are parented to the application, so they
live as long as it does; calling the function again replaces the earlier ones.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from editor_app.core.resources import resource_path

__all__ = ["QT_CATALOG", "TranslationReport", "install_qt_translations",
           "qt_translations_dir"]

log = logging.getLogger(__name__)

QT_CATALOG = "qtbase"
_INSTALLED: list[QTranslator] = []


@dataclass
class TranslationReport:
    """What :func:`install_qt_translations` loaded and what was not there."""

    language: str
    loaded: list[Path] = field(default_factory=list)
    missing: list[Path] = field(default_factory=list)

    def describe(self) -> str:
        """One line for the log or an About box."""
        if self.language != "hi":
            return "Qt strings: English (UI language en)"
        parts = [f"loaded {p.name} from {p.parent}" for p in self.loaded]
        parts += [f"missing {p.name} in {p.parent} (Qt ships no Hindi translation)"
                  for p in self.missing]
        return "Qt strings in Hindi: " + "; ".join(parts)


def qt_translations_dir() -> Path:
    """Where this Qt keeps its own ``.qm`` files."""
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def _load(app: QCoreApplication, path: Path) -> bool:
    translator = QTranslator(app)
    if not path.is_file() or not translator.load(str(path)):
        translator.deleteLater()
        return False
    app.installTranslator(translator)
    _INSTALLED.append(translator)
    return True


def install_qt_translations(app: QCoreApplication, language: str = "hi",
                            qt_dir: Path | None = None,
                            own_dir: Path | None = None) -> TranslationReport:
    """Install Hindi translators for Qt's strings (see the module docstring).

    ``qt_dir`` and ``own_dir`` override where Qt's and Sampadak's ``.qm`` files are looked
    for (tests)."""
    for translator in _INSTALLED:
        app.removeTranslator(translator)
        translator.deleteLater()
    _INSTALLED.clear()
    report = TranslationReport(language)
    if language != "hi":
        QLocale.setDefault(QLocale.system())
        return report
    QLocale.setDefault(QLocale(QLocale.Language.Hindi, QLocale.Country.India))
    name = f"{QT_CATALOG}_hi.qm"
    qt_file = (qt_dir or qt_translations_dir()) / name
    (report.loaded if _load(app, qt_file) else report.missing).append(qt_file)
    own_file = (own_dir or resource_path("translations")) / name
    (report.loaded if _load(app, own_file) else report.missing).append(own_file)
    if report.missing:
        log.info("%s", report.describe())
    return report
