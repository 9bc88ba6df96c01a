"""Opening the window: a skeleton painted from the database file first, the real window next.

The real window needs SQLAlchemy, the models, the services and ~600 modules before it can
paint (0.8–1 s on a slow machine). :func:`run_window` paints a
:class:`~editor_app.gui.skeleton.SkeletonWindow` first, from a read with the standard
``sqlite3`` module, and imports the rest on a thread behind it.

Contract of :func:`run_window`:
- A skeleton is shown only when :func:`skeleton_page` finds one: the skeleton is not
  switched off (``SAMPADAK_SKELETON=0``; no packaging smoke run), the database URL is a
  SQLite file that exists, not a backup view, no edits wait in the local journal (their
  replay changes what the window opens first), and
  :func:`~editor_app.core.first_page.read_first_page` accepts the file (schema at the
  migration head, a local profile, readable). Otherwise, or on any error while reading
  (logged at debug), the window opens exactly as before: :func:`~editor_app.gui.
  application.run_gui`. PostgreSQL never gets a skeleton.
- Nothing on the way to the skeleton's first paint imports SQLAlchemy, Alembic, the
  core's database layer or the window's modules. After that paint, a thread imports
  :data:`HEAVY_MODULES` (importing is safe off the GUI thread; no module creates a Qt
  object at import) while the skeleton keeps painting and scrolling.
- When the imports are done, the GUI thread builds the real window as :func:`run_gui`
  does (:func:`~editor_app.gui.application.start_window`), opening the skeleton's
  :attr:`~editor_app.gui.skeleton.SkeletonWindow.chosen_id`. A dialog on that way (damaged
  file, an error) hides the skeleton first. The real window takes the skeleton's geometry
  and is shown once its article is in the editor (or its list came back empty, or after
  :data:`REVEAL_TIMEOUT_MS`); then the skeleton closes, and a row clicked in it while the
  window was being built is opened. If no window can be built the
  skeleton closes and the exit code is :func:`run_gui`'s (1: nothing to show; 0: cancelled).
  An import or a build that raises closes the skeleton; the exception is raised from
  :func:`run_window` once the loop has ended (as :func:`run_gui` would raise it).
- Closing the skeleton quits, as closing the window would.
"""

from __future__ import annotations

import importlib
import logging
import os
import threading
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog

from editor_app.config import Config
from editor_app.core.errors import SampadakError
from editor_app.core.first_page import FirstPage, read_article, read_first_page
from editor_app.core.sqlite_urls import sqlite_file_of
from editor_app.gui import i18n, theme
from editor_app.gui.app_instance import ensure_application
from editor_app.gui.fonts import choose_font, load_bundled_fonts
from editor_app.gui.layout_state import LIST_SORT_KEY
from editor_app.gui.skeleton import SkeletonWindow

if TYPE_CHECKING:
    from editor_app.core.db import Database
    from editor_app.gui.main_window import MainWindow

__all__ = ["HEAVY_MODULES", "REVEAL_TIMEOUT_MS", "SKELETON_ENV", "Handover", "run_window",
           "skeleton_page"]

log = logging.getLogger(__name__)

#: ``SAMPADAK_SKELETON=0`` opens the window without the skeleton (as before).
SKELETON_ENV = "SAMPADAK_SKELETON"
_SMOKE_ENV = "SAMPADAK_SMOKE_SCREENSHOT"  # gui.smoke_run.SMOKE_ENV (that module is heavy)
_BACKUP_VIEWS = "backup-views"  # gui.application.BACKUP_VIEW_FOLDER
_JOURNAL = "unsaved-journal"  # core.save_journal.JOURNAL_FOLDER
#: Imported on the thread behind the skeleton: the window and what it builds on.
HEAVY_MODULES = ("editor_app.gui.application",)
#: The real window is shown after this long even if its first article has not arrived.
REVEAL_TIMEOUT_MS = 4000
#: The imports start after the skeleton's first paint, or after this long at the latest.
_PAINT_WAIT_MS = 500


def _sort_setting(config: Config) -> tuple[str, bool]:
    stored = config.settings.get(LIST_SORT_KEY)  # as layout_state.restore_window reads it
    if isinstance(stored, list) and len(stored) == 2 and isinstance(stored[0], str) \
            and isinstance(stored[1], bool):
        return stored[0], stored[1]
    return "updated", True


def _skeleton_file(config: Config, environ: Mapping[str, str]) -> Path | None:
    if environ.get(SKELETON_ENV, "1") == "0" or environ.get(_SMOKE_ENV):
        log.debug("skeleton switched off")
        return None
    path = sqlite_file_of(config.database_url)
    if path is None:
        log.debug("no skeleton: %s is not a SQLite file URL", config.database_url)
        return None
    if (config.cache_dir / _BACKUP_VIEWS) in path.resolve().parents:
        log.debug("no skeleton: %s is a backup view", path)
        return None
    journal = config.data_dir / _JOURNAL
    if journal.is_dir() and any(journal.iterdir()):
        log.debug("no skeleton: edits wait in the journal %s", journal)
        return None
    return path


def skeleton_page(config: Config, environ: Mapping[str, str] | None = None
                  ) -> tuple[Path, FirstPage] | None:
    """The database file and the first page to paint, or ``None`` when no skeleton should
    be shown (see the module contract; the reason is logged at debug)."""
    try:
        path = _skeleton_file(config, os.environ if environ is None else environ)
        if path is None:
            return None
        sort, descending = _sort_setting(config)
        return path, read_first_page(path, sort=sort, descending=descending)
    except Exception as exc:
        log.debug("no skeleton: %s", exc)
        return None


class _Imports(QObject):
    """Imports :data:`HEAVY_MODULES` on a thread; ``done`` (queued to the GUI thread)
    carries ``None`` or the exception."""

    done = Signal(object)

    def start(self) -> None:
        threading.Thread(target=self._run, name="sampadak-imports", daemon=True).start()

    def _run(self) -> None:
        failure: BaseException | None = None
        try:
            for name in HEAVY_MODULES:
                importlib.import_module(name)
        except BaseException as exc:
            failure = exc
        self.done.emit(failure)


class _HideOnDialog(QObject):
    """While the real window is built: a dialog about to show hides the skeleton."""

    def __init__(self, skeleton: SkeletonWindow) -> None:
        super().__init__()
        self._skeleton = skeleton

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Show and isinstance(watched, QDialog):
            self._skeleton.window.hide()
        return False


class _FirstPaint(QObject):
    """Calls ``then`` once, after the skeleton's list first painted (or a timeout)."""

    def __init__(self, skeleton: SkeletonWindow, then: Any) -> None:
        super().__init__()
        self._then, self._fired = then, False
        self._viewport = skeleton.table.viewport()
        self._viewport.installEventFilter(self)
        QTimer.singleShot(_PAINT_WAIT_MS, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Paint and not self._fired:
            QTimer.singleShot(0, self._fire)  # after this paint is done
        return False

    def _fire(self) -> None:
        if self._fired:
            return
        self._fired = True
        self._viewport.removeEventFilter(self)
        self._then()


class Handover(QObject):
    """The skeleton, then the real window (see the module contract)."""

    def __init__(self, config: Config, app: QApplication, skeleton: SkeletonWindow,
                 quit_with: Callable[[int], None] | None = None) -> None:
        super().__init__()
        self.config, self.app, self.skeleton = config, app, skeleton
        #: Ends the event loop with an exit code (``app.exit``; tests record it instead).
        self.quit_with = quit_with if quit_with is not None else app.exit
        self.db: Database | None = None
        self.window: MainWindow | None = None
        self.failure: BaseException | None = None
        self._revealed = False
        self._opened: int | None = None  # the story start_window was asked to open
        self._imports = _Imports()
        self._imports.done.connect(self._imported)

    def start(self) -> None:
        """Show the skeleton; the imports start once it has painted."""
        self.skeleton.show()
        self._waiting = _FirstPaint(self.skeleton, self._imports.start)

    def _imported(self, failure: BaseException | None) -> None:
        if failure is not None:
            log.error("cannot load the window: %s", failure)
            self.failure = failure
            self.skeleton.close()
            self.quit_with(1)
            return
        if not self.skeleton.window.isVisible():
            return  # closed by the user meanwhile: the loop is ending
        application = importlib.import_module("editor_app.gui.application")
        self.app.setQuitOnLastWindowClosed(False)  # the skeleton may hide for a dialog
        hide_on_dialog = _HideOnDialog(self.skeleton)
        self.app.installEventFilter(hide_on_dialog)
        self._opened = self.skeleton.chosen_id
        try:
            self.db, self.window = application.start_window(
                self.config, first_article=self._opened)
        except BaseException as exc:  # raised from run_window, as run_gui would raise it
            self.failure = exc
            self.db = self.window = None
        finally:
            self.app.removeEventFilter(hide_on_dialog)
        window = self.window
        if self.db is None or window is None:
            self.skeleton.close()
            self.app.setQuitOnLastWindowClosed(True)
            self.quit_with(1 if self.db is None else 0)
            return
        shown = self.skeleton.window  # where the user sees it now (maybe moved meanwhile)
        if shown.isMaximized() or shown.isFullScreen():
            window.setWindowState(shown.windowState())
        else:
            window.setGeometry(shown.geometry())
        window.article_shown.connect(lambda _record: self.reveal())
        window.list_loaded.connect(self._list_loaded)
        QTimer.singleShot(REVEAL_TIMEOUT_MS, self.reveal)

    def _list_loaded(self) -> None:
        if self.window is not None and self.window.article_list.model.rowCount() == 0:
            self.reveal()  # no article will be opened

    def reveal(self) -> None:
        """Show the real window and close the skeleton (once)."""
        if self._revealed or self.window is None:
            return
        self._revealed = True
        window, chosen = self.window, self.skeleton.chosen_id
        window.show()
        self.skeleton.close()
        self.app.setQuitOnLastWindowClosed(True)
        if chosen is not None and chosen != self._opened and window.record is not None:
            window.open_article(chosen)  # a row clicked while the window was being built


def run_window(config: Config) -> int:
    """Open the window (through the skeleton when one can be shown); return the exit code."""
    found = skeleton_page(config)
    if found is None:
        return _run_gui(config)
    path, page = found
    app = ensure_application()
    i18n.setup(config.get_str(i18n.SETTING))
    load_bundled_fonts()
    theme.apply_theme(config.get_str(theme.SETTING))
    font = choose_font(config.get_str("font_family"), int(config.get_float("font_size")))

    def load_article(article_id: int) -> Any:
        try:
            return read_article(path, article_id)
        except SampadakError as exc:
            log.debug("skeleton: %s", exc)
            return None

    skeleton = SkeletonWindow(config, page, font, load_article, sort=_sort_setting(config))
    handover = Handover(config, app, skeleton)
    handover.start()
    try:
        code = app.exec()
    finally:
        if handover.db is not None:
            handover.db.close()
    if handover.failure is not None:
        raise handover.failure
    return code


def _run_gui(config: Config) -> int:
    application = importlib.import_module("editor_app.gui.application")
    code: int = application.run_gui(config)
    return code
