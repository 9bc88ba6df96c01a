"""Closing the main window without losing an edit (the saving contract of
:mod:`editor_app.gui.main_window`).

:class:`WindowClosing` is a mixin of :class:`~editor_app.gui.main_window.MainWindow`:
its ``closeEvent`` saves first (in the background; the window closes once the save has
landed), stays open when a conflict is left unresolved or the save failed, and closes with
the edits in the local journal when the database is unreachable. Reads still in flight
(list pages, spell data) are waited for, then the window's runner stops and its layout is
remembered.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow

from editor_app.gui.layout_state import remember_window

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTabWidget

    from editor_app.config import Config
    from editor_app.gui.article_list import ArticleList
    from editor_app.gui.layout_state import PanelLayout
    from editor_app.gui.lint_panel import ChecksPanel
    from editor_app.gui.live_refresh import LiveRefresh
    from editor_app.gui.save_controller import SaveController
    from editor_app.gui.tasks import TaskRunner

__all__ = ["WindowClosing"]

log = logging.getLogger(__name__)


class WindowClosing:
    """``closeEvent`` and the close-after-save steps (see the module contract)."""

    if TYPE_CHECKING:  # provided by MainWindow
        saver: SaveController
        tasks: TaskRunner
        checks: ChecksPanel
        live: LiveRefresh | None
        config: Config
        side_tabs: QTabWidget
        article_list: ArticleList
        panels: PanelLayout
        _close_when_saved: bool

        def save_now(self, then: Callable[[], None] | None = None) -> None: ...

        def close(self) -> bool: ...

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Save before closing (in the background; the window closes once it landed); stay
        open if a conflict is left unresolved or the save failed. Reads still in flight
        (list pages, spell data) are waited for, then the runner stops."""
        if self.saver.offline and self.saver.keep_locally():
            # the database is unreachable and every edit is in the local journal: close;
            # the next start saves them (gui/journal_startup.py)
            log.info("closing with unsaved edits kept in the local journal")
        elif self.saver.dirty or self.saver.saving:
            event.ignore()
            if not self._close_when_saved:
                self._close_when_saved = True
                self.save_now(then=self._close_after_save)
            return
        self.tasks.wait_idle()
        self.checks.runner.wait()
        self.tasks.shutdown()
        if self.live is not None:
            self.live.stop()  # gives up this window's soft lock at once
        window = cast(QMainWindow, self)  # the mixin is only ever a MainWindow
        remember_window(self.config, window, self.side_tabs, self.article_list.sort_order())
        self.panels.save(window.size())
        event.accept()

    def _close_if_waiting(self) -> None:
        """The save a close waited for could not reach the database but the edits are in
        the journal: close after all."""
        if self._close_when_saved:
            self._close_when_saved = False
            log.info("database unreachable while closing: edits kept in the local journal")
            QTimer.singleShot(0, self.close)  # after the failed save's handlers returned

    def _close_after_save(self) -> None:
        self._close_when_saved = False
        self.close()

    def _close_cancelled(self) -> None:
        self._close_when_saved = False
