"""GUI start-up: QApplication, fonts, database, first-run profile and sample, main window.

:func:`open_main_window` does everything but the event loop, so tests and the crash-safety
child process can drive a real window; :func:`run_gui` adds the loop.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable

from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QDialog

from editor_app import APP_ID, APP_NAME, __version__
from editor_app.config import Config
from editor_app.core.articles import ArticleService
from editor_app.core.db import Database, open_database
from editor_app.core.errors import SampadakError
from editor_app.core.profiles import ProfileInfo, Role, create_profile, local_profile
from editor_app.core.resources import resource_path
from editor_app.core.sample import create_sample_article
from editor_app.gui import i18n
from editor_app.gui.dialogs.errors import install_excepthook, show_error
from editor_app.gui.dialogs.profile_dialog import ProfileDialog
from editor_app.gui.fonts import choose_font, load_bundled_fonts
from editor_app.gui.main_window import MainWindow
from editor_app.gui.translations import install_qt_translations

__all__ = ["ProfileAsker", "ask_profile_with_dialog", "ensure_application", "open_main_window",
           "run_gui"]

log = logging.getLogger(__name__)

#: Asks who the user is on first run; returns (name, role) or None when cancelled.
ProfileAsker = Callable[[], tuple[str, Role] | None]


def ask_profile_with_dialog() -> tuple[str, Role] | None:
    """The first-run profile dialog."""
    dialog = ProfileDialog()
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.name(), dialog.role()


def ensure_application() -> QApplication:
    """The QApplication (created once), named for desktop integration."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName(APP_ID)
    icon = resource_path("icons", "sampadak.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def _first_run(db: Database, ask_profile: ProfileAsker) -> ProfileInfo | None:
    answer = ask_profile()
    if answer is None:
        return None
    profile = create_profile(db, *answer)
    service = ArticleService(db, profile.name)
    if not service.list_articles(trashed=None):
        create_sample_article(service, resource_path("samples", "sample_article.md"))
    return profile


def open_main_window(config: Config, db: Database,
                     ask_profile: ProfileAsker = ask_profile_with_dialog) -> MainWindow | None:
    """Build the main window on ``db``; on first run ask for a profile and add the sample.

    Returns ``None`` when the user cancels the first-run dialog.
    """
    app = ensure_application()
    i18n.setup(config.get_str(i18n.SETTING))
    load_bundled_fonts()
    install_qt_translations(app, i18n.current_language())
    profile = local_profile(db) or _first_run(db, ask_profile)
    if profile is None:
        return None
    font_size = int(config.get_float("font_size"))
    font = choose_font(config.get_str("font_family"), font_size)
    window = MainWindow(ArticleService(db, profile.name), config, font, profile)
    window.open_first()
    return window


def run_gui(config: Config) -> int:
    """Open the window and run the event loop; return the exit code."""
    app = ensure_application()
    install_excepthook()
    try:
        db = open_database(config.database_url)
    except SampadakError as exc:
        log.error("cannot open database: %s", exc)
        show_error(None, "डेटाबेस नहीं खुला (Cannot open database)", exc)
        return 1
    if db.backup_path is not None:
        log.info("database upgraded; backup at %s", db.backup_path)
    try:
        window = open_main_window(config, db)
        if window is None:
            return 0
        window.show()
        return app.exec()
    finally:
        db.close()
