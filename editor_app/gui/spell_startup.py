"""The spell checker's start in the window: background preload and the quality note.

Contract (:class:`SpellStartup`, made by the main window once its list controller exists):

- The word lists load off the GUI thread (``window.tasks``), started only after the first
  list page has been shown: loading them holds the GIL for ~0.5 s, and started earlier it
  slowed building and painting the window (issue 7). When they are loaded (or when there
  is nothing to load) the start-up objects leave the garbage collector
  (:func:`~editor_app.gui.gc_tuning.freeze_long_lived`).
- A warm-up that finished clears its "checking…" message; once the lists are loaded the
  status bar says, once, when an evidence source is missing (``speller.quality_note``).
  The lists may finish loading in a warm-up that was cancelled (another article opened
  meanwhile), so readiness is polled every 500 ms until it is reached.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from editor_app.gui.gc_tuning import freeze_long_lived

if TYPE_CHECKING:
    from editor_app.gui.main_window import MainWindow

__all__ = ["SpellStartup"]

log = logging.getLogger(__name__)

#: How long the quality note stays in the status bar.
NOTE_MS = 15_000


class SpellStartup(QObject):
    """Preload after the first list page; the status bar notes of ``window.speller``."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        speller = window.speller
        window.spell_highlighter.warmup_finished.connect(self._warmed)
        self._quality_timer = QTimer(self)
        self._quality_timer.setInterval(500)
        self._quality_timer.timeout.connect(self._report_quality)
        self._quality_timer.start()
        self._preload_pending = speller.available and not speller.ready
        self._freeze_on_load = not self._preload_pending  # nothing to load: freeze now
        window.lists.loaded.connect(self._after_list_shown)

    def _after_list_shown(self) -> None:
        """After each list page: the first time, once the page has painted, start the
        background spell preload (or freeze the start-up objects when nothing loads)."""
        if self._freeze_on_load:
            freeze_long_lived()
        elif self._preload_pending:
            self._preload_pending = False
            QTimer.singleShot(0, self._start_preload)

    def _start_preload(self) -> None:
        self.window.tasks.run(self.window.speller.preload,
                              done=lambda _r: freeze_long_lived(), kind="spell")

    def _warmed(self) -> None:
        """A warm-up finished: clear "checking…"; repeat the quality note if there is one
        (the "checking…" message of the warm-up has just replaced it)."""
        bar = self.window.statusBar()
        bar.clearMessage()
        speller = self.window.speller
        if speller.ready and (note := speller.quality_note):
            bar.showMessage(note, NOTE_MS)
        self._report_quality()

    def _report_quality(self) -> None:
        """Once the word lists are loaded, say (once) if an evidence source is missing."""
        if not self._quality_timer.isActive():
            return
        speller = self.window.speller
        if not speller.available:  # nothing loads; the unavailable reason was shown
            self._quality_timer.stop()
            return
        if not speller.ready:
            return
        self._quality_timer.stop()
        if note := speller.quality_note:
            self.window.statusBar().showMessage(note, NOTE_MS)
