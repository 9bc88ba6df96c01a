"""GUI start-up: QApplication, fonts, database, first-run profile and sample, main window.

:func:`open_main_window` does everything but the event loop, so tests and the crash-safety
child process can drive a real window; :func:`run_gui` adds the loop.

A damaged database (found when opening it or while building the window) goes through
:func:`recover_from_damage`: a dialog says the file is damaged and offers the latest backup,
read-only (a migrated working copy in the cache folder; the backup is never written) or
restored in place (the damaged file is kept aside). Nothing there claims the text is safe.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QLabel

from editor_app.config import Config
from editor_app.core.articles import ArticleService
from editor_app.core.backups import BackupInfo, latest_backup, restore_backup
from editor_app.core.db import Database, open_backup_view, open_database
from editor_app.core.errors import DatabaseDamaged, SampadakError
from editor_app.core.newsroom.identity import database_actor
from editor_app.core.profiles import ProfileInfo, Role, local_profile
from editor_app.core.resources import resource_path
from editor_app.core.sample import create_sample_article
from editor_app.core.users import UserService
from editor_app.core.workflow.statuses import Status, may_edit
from editor_app.gui import i18n, theme
from editor_app.gui.app_instance import ensure_application
from editor_app.gui.dialogs.damaged_database import (
    DamagedChoice,
    build_damaged_dialog,
    choice_of,
)
from editor_app.gui.dialogs.errors import install_excepthook, show_error
from editor_app.gui.dialogs.profile_dialog import ProfileDialog
from editor_app.gui.fonts import choose_font, load_bundled_fonts
from editor_app.gui.i18n import translate
from editor_app.gui.journal_startup import replay_at_start
from editor_app.gui.main_window import MainWindow
from editor_app.gui.newsroom_login import LoginAsker, ask_login_with_dialog, open_with_login
from editor_app.gui.smoke_run import start_smoke_run
from editor_app.gui.theme import apply_theme, colours
from editor_app.gui.translations import install_qt_translations

__all__ = ["BACKUP_VIEW_FOLDER", "DamageAsker", "ProfileAsker", "ask_damage_with_dialog",
           "ask_profile_with_dialog", "build_window", "ensure_application", "open_gui_database",
           "open_main_window", "recover_from_damage", "run_gui", "start_window"]

log = logging.getLogger(__name__)

#: Asks who the user is on first run; returns (name, role) or None when cancelled.
ProfileAsker = Callable[[], tuple[str, Role] | None]
#: Asks what to do about a damaged database, given the newest backup (or None).
DamageAsker = Callable[[DatabaseDamaged, BackupInfo | None], DamagedChoice]
#: Folder under the cache folder holding read-only working copies of backups.
BACKUP_VIEW_FOLDER = "backup-views"


def ask_profile_with_dialog() -> tuple[str, Role] | None:
    """The first-run profile dialog."""
    dialog = ProfileDialog()
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.name(), dialog.role()


def ask_damage_with_dialog(error: DatabaseDamaged, backup: BackupInfo | None) -> DamagedChoice:
    """The damaged-database dialog."""
    box = build_damaged_dialog(None, error, backup)
    box.exec()
    return choice_of(box)


def recover_from_damage(config: Config, error: DatabaseDamaged,
                        ask: DamageAsker = ask_damage_with_dialog) -> Database | None:
    """Ask what to do about the damaged database; return the database to work on, or
    ``None`` to quit. A failure while opening or restoring the backup is shown."""
    log.error("database damaged: %s", error)
    backup = latest_backup(error.path) if error.path is not None else None
    choice = ask(error, backup)
    if backup is None or error.path is None or choice is DamagedChoice.QUIT:
        return None
    try:
        if choice is DamagedChoice.OPEN_BACKUP_READ_ONLY:
            return open_backup_view(backup.path, config.cache_dir / BACKUP_VIEW_FOLDER)
        aside = restore_backup(error.path, backup.path)
        log.warning("backup %s restored; damaged file kept as %s", backup.path, aside)
        return open_database(config.database_url)
    except SampadakError as exc:
        log.error("cannot use the backup %s: %s", backup.path, exc)
        show_error(None, translate("Application", "Cannot use the backup"), exc)
        return None


def open_gui_database(config: Config,
                      ask_damage: DamageAsker = ask_damage_with_dialog,
                      ask_login: LoginAsker = ask_login_with_dialog) -> Database | None:
    """Open the configured database for the window; ``None`` when it cannot be used (the
    user was told why) or the user chose to quit. A PostgreSQL newsroom URL without a
    password asks for the user's database login (:mod:`editor_app.gui.newsroom_login`)."""
    try:
        return open_with_login(config, ask_login)
    except DatabaseDamaged as exc:
        return recover_from_damage(config, exc, ask_damage)
    except SampadakError as exc:
        log.error("cannot open database: %s", exc)
        show_error(None, translate("Application", "Cannot open database"), exc)
        return None


def _first_run(db: Database, ask_profile: ProfileAsker) -> ProfileInfo | None:
    answer = ask_profile()
    if answer is None:
        return None
    name, role = answer
    profile = UserService(db, None).create(name, role)  # the first user: no rights needed
    # the sample is the app's own story: owned by the user when their role writes drafts
    service = ArticleService(db, profile if may_edit(profile.role, Status.DRAFT)
                             else profile.name)
    if not service.list_articles(trashed=None, limit=1):  # an empty database
        create_sample_article(service, resource_path("samples", "sample_article.md"))
    return profile


def open_main_window(config: Config, db: Database,
                     ask_profile: ProfileAsker = ask_profile_with_dialog, *,
                     first_article: int | None = None) -> MainWindow | None:
    """Build the main window on ``db``; on first run ask for a profile and add the sample.
    On a PostgreSQL newsroom the acting user is the one whose login the database runs as.
    Edits the local journal kept while the database was unreachable are saved first
    (:func:`~editor_app.gui.journal_startup.replay_at_start`). The window opens
    ``first_article`` (the row picked in the start-up skeleton) when given, else the list's
    first story.

    Returns ``None`` when the user cancels the first-run dialog.
    """
    app = ensure_application()
    i18n.setup(config.get_str(i18n.SETTING))
    load_bundled_fonts()
    install_qt_translations(app, i18n.current_language())
    apply_theme(config.get_str(theme.SETTING))  # light, dark or the desktop's (live later)
    # a newsroom login is its user; else the local profile, else the first run
    profile = database_actor(db) or local_profile(db) or _first_run(db, ask_profile)
    if profile is None:
        return None
    font_size = int(config.get_float("font_size"))
    font = choose_font(config.get_str("font_family"), font_size)
    window = MainWindow(ArticleService(db, profile), config, font, profile)
    replay_at_start(window)  # edits kept locally while the server was away (issue 8)
    window.open_first(first_article)
    return window


def _mark_read_only(window: MainWindow, db: Database) -> None:
    label = QLabel(translate("Application", "read-only backup") + f" — {db.label}")
    label.setObjectName("readOnlyBackupLabel")
    label.setStyleSheet(f"color: {colours().error_text}; font-weight: bold")
    window.statusBar().addPermanentWidget(label)


def build_window(config: Config, ask_profile: ProfileAsker = ask_profile_with_dialog,
                 ask_damage: DamageAsker = ask_damage_with_dialog,
                 ask_login: LoginAsker = ask_login_with_dialog, *,
                 first_article: int | None = None
                 ) -> tuple[Database | None, MainWindow | None]:
    """The database and the main window on it, through the damaged-database dialog when
    needed. ``(None, None)``: nothing to show; ``(db, None)``: the profile dialog was
    cancelled (the caller closes ``db``). ``first_article``: see :func:`open_main_window`."""
    db = open_gui_database(config, ask_damage, ask_login)
    if db is None:
        return None, None
    if db.backup_path is not None:
        log.info("database upgraded; backup at %s", db.backup_path)
    try:
        window = open_main_window(config, db, ask_profile, first_article=first_article)
    except DatabaseDamaged as exc:  # damage past what opening the file reads
        db.close()
        db = recover_from_damage(config, exc, ask_damage)
        if db is None:
            return None, None
        try:
            window = open_main_window(config, db, ask_profile)
        except SampadakError as again:
            db.close()
            show_error(None, translate("Application", "Cannot open database"), again)
            return None, None
    if window is not None and db.read_only:
        _mark_read_only(window, db)
    return db, window


def start_window(config: Config, first_article: int | None = None
                 ) -> tuple[Database | None, MainWindow | None]:
    """The QApplication's error hook, then :func:`build_window` (the window is not shown):
    what :func:`run_gui` does before its event loop, and what the start-up skeleton
    (:mod:`editor_app.gui.startup`) calls inside its loop once the imports are done."""
    app = ensure_application()
    install_excepthook()
    start_smoke_run(app)  # only with SAMPADAK_SMOKE_SCREENSHOT (packaging checks); app owns it
    return build_window(config, first_article=first_article)


def run_gui(config: Config) -> int:
    """Open the window and run the event loop; return the exit code."""
    app = ensure_application()
    db, window = start_window(config)
    if db is None:
        return 1
    try:
        if window is None:
            return 0
        window.show()
        return app.exec()
    finally:
        db.close()
