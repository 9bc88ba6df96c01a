"""Autosave and conflict handling for the open article, off the GUI thread.

Contract of :class:`SaveController` (nothing lost):
- :meth:`edited` marks the article dirty and restarts the *idle* timer (default 2 s after
  typing stops); the first edit after a save also starts the *maximum-interval* timer
  (default 10 s, setting ``autosave_max_seconds``), which edits do not restart, so someone
  typing without pause is still saved at least every N seconds. Neither costs more than a
  timer restart per keystroke.
- :meth:`save` snapshots the text on the GUI thread (the Markdown serialisation; measured in
  the benchmarks) and runs :meth:`ArticleService.save` on the runner's writer thread; the
  editor stays typable. Edits made while a save is in flight keep the article dirty and are
  saved next. ``then`` runs once the article is saved (at once when nothing is pending),
  never after a refused or failed save.
- A stale version raises :class:`ConflictError` in core; their stored version is read and
  compared with mine in the background (:func:`compare_with_stored`; ``None`` when that read
  fails), no other save starts meanwhile, and then the user chooses, seeing both side by
  side: keep mine (saved
  over the newest version, retried if the other side saves again meanwhile — never an
  uncaught error), save mine as a copy (a new draft whose headline says it is a conflict
  copy), load theirs (drops only the unsaved edits) or cancel (stays dirty, nothing saved,
  autosave paused until the next edit).
- Any other :class:`SampadakError` (disk full, database gone) is shown once, the text stays
  in the editor and dirty, and the save is retried every :data:`RETRY_MS` until it lands —
  except for a damaged or read-only database, where retrying cannot help: the text stays
  and the status bar says to restart (start-up offers the recovery dialog).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QObject, QTimer, Signal

from editor_app.core.article_data import ArticleData, ArticleRecord
from editor_app.core.articles import ArticleService
from editor_app.core.errors import (
    ConflictError,
    DatabaseDamaged,
    ReadOnlyDatabase,
    SampadakError,
)
from editor_app.core.review.conflict import ConflictComparison, compare_with_stored
from editor_app.gui.dialogs.conflict import ConflictChoice
from editor_app.gui.i18n import translate
from editor_app.gui.tasks import TaskRunner

__all__ = ["CONFLICT_COPY_MARK", "RETRY_MS", "SaveController"]

log = logging.getLogger(__name__)

RETRY_MS = 10_000
CONFLICT_COPY_MARK = "[टकराव की प्रति — conflict copy]"


class SaveController(QObject):
    """Dirty state, autosave timers and background saves of one window's open article."""

    saved = Signal(object)  # ArticleRecord just stored
    replaced = Signal(object)  # ArticleRecord to show instead (theirs, or the copy)
    abandoned = Signal()  # a save the user asked for did not happen (conflict cancelled)
    message = Signal(str)  # for the status bar's save label

    def __init__(self, runner: TaskRunner, service: ArticleService,
                 snapshot: Callable[[], ArticleData], *, idle_seconds: float,
                 max_seconds: float,
                 ask_conflict: Callable[[str, ConflictComparison | None], ConflictChoice],
                 show_error: Callable[[str, Exception], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner, self._service, self._snapshot = runner, service, snapshot
        self._ask_conflict, self._show_error = ask_conflict, show_error
        self.record: ArticleRecord | None = None
        self._edits = 0  # edits since the article was shown
        self._saved_edits = 0  # edits included in the last stored save
        self._in_flight = False
        self._again = False
        self._waiting: list[Callable[[], None]] = []
        self._error_shown = False
        self.idle_timer = self._timer(int(idle_seconds * 1000))
        self.max_timer = self._timer(int(max(0.5, max_seconds) * 1000))
        self.retry_timer = self._timer(RETRY_MS)

    def _timer(self, msec: int) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(msec)
        timer.timeout.connect(lambda: self.save())
        return timer

    # ---------------------------------------------------------------- state
    @property
    def dirty(self) -> bool:
        """True while the editor holds edits that are not stored."""
        return self._edits != self._saved_edits

    @property
    def saving(self) -> bool:
        """True while a save is running in the background."""
        return self._in_flight

    def set_record(self, record: ArticleRecord | None) -> None:
        """A new article is shown: nothing is dirty, pending timers stop."""
        self.record = record
        self._edits = self._saved_edits = 0
        self._again = False
        self._stop_timers()

    def edited(self) -> None:
        """The user changed the open article."""
        if self.record is None:
            return
        self._edits += 1
        self.idle_timer.start()
        if not self.max_timer.isActive():
            self.max_timer.start()

    # ---------------------------------------------------------------- saving
    def save(self, then: Callable[[], None] | None = None) -> None:
        """Store pending edits in the background; run ``then`` once they are stored."""
        if then is not None:
            self._waiting.append(then)
        if self._in_flight:
            self._again = self._again or self.dirty
            return
        self._stop_timers()
        if self.record is None or self.record.trashed or not self.dirty:
            self._run_waiting()
            return
        record, data, edits = self.record, self._snapshot(), self._edits
        self._in_flight = True
        self.message.emit(translate("SaveController", "saving…"))
        self._runner.run(lambda: self._service.save(record.id, data, record.version),
                         done=lambda stored: self._stored(stored, edits),
                         failed=lambda error: self._failed(error, data, edits),
                         write=True, kind="save")

    def _stored(self, record: ArticleRecord, edits: int) -> None:
        self._in_flight = False
        self._error_shown = False
        if self.record is None or self.record.id != record.id:
            self._run_waiting()  # another article is shown by now; this one is stored
            return
        self.record = record
        self._saved_edits = edits
        self.saved.emit(record)
        if self.dirty and (self._again or self._waiting):
            self._again = False
            self.save()
            return
        self._again = False
        if self.dirty:  # typed during the save: the idle timer is already running
            return
        self._run_waiting()

    def _failed(self, error: BaseException, mine: ArticleData, edits: int) -> None:
        self._in_flight = False
        self._again = False
        if isinstance(error, ConflictError):
            self._compare_then_ask(error, mine, edits)
            return
        if isinstance(error, SampadakError):
            log.warning("save failed: %s", error)
        else:  # a bug, not a storage fault: keep the text and retry all the same
            log.error("save failed unexpectedly", exc_info=error)
            error = SampadakError(f"unexpected error while saving: {error}")
        self._waiting.clear()
        self.abandoned.emit()
        if isinstance(error, DatabaseDamaged | ReadOnlyDatabase):
            # retrying cannot succeed: the text stays in the editor, the user is told why
            self.message.emit(translate(
                "SaveController", "not saved: the database is damaged or read-only; restart "
                "Sampadak to recover, your text is still here"))
        else:
            self.message.emit(translate("SaveController",
                                        "not saved: your text is kept here and will be retried"))
            self.retry_timer.start()
        if not self._error_shown:
            self._error_shown = True
            self._show_error(translate("SaveController", "Could not save"), error)

    # ---------------------------------------------------------------- conflicts
    def _compare_then_ask(self, error: ConflictError, mine: ArticleData, edits: int) -> None:
        """Read theirs and compare it with mine (a background read; saves wait), then ask."""
        assert self.record is not None
        article_id = self.record.id
        self._in_flight = True

        def failed(exc: BaseException) -> None:
            log.warning("cannot compare with the stored version of article %d: %s",
                        article_id, exc)
            self._resolve_conflict(article_id, error, mine, edits, None)

        self._runner.run(lambda: compare_with_stored(self._service, article_id, mine),
                         done=lambda comparison: self._resolve_conflict(
                             article_id, error, mine, edits, comparison),
                         failed=failed, kind="conflict")

    def _resolve_conflict(self, article_id: int, error: ConflictError, mine: ArticleData,
                          edits: int, comparison: ConflictComparison | None) -> None:
        self._in_flight = False
        choice = self._ask_conflict(str(error), comparison)
        if choice is ConflictChoice.KEEP_MINE:
            self._in_flight = True
            self._runner.run(lambda: self._service.save_over_latest(article_id, mine),
                             done=lambda stored: self._stored(stored, edits),
                             failed=lambda exc: self._failed(exc, mine, edits),
                             write=True, kind="save")
        elif choice is ConflictChoice.SAVE_AS_COPY:
            copy = replace(mine, headline=f"{mine.headline} {CONFLICT_COPY_MARK}".strip(),
                           slug="")
            note = f"copy saved after a conflict on article {article_id}"
            self._in_flight = True
            self._runner.run(lambda: self._service.create(copy, note=note),
                             done=self._replace_with, failed=self._failed_elsewhere,
                             write=True, kind="save")
        elif choice is ConflictChoice.LOAD_THEIRS:
            self._in_flight = True
            self._runner.run(lambda: self._service.get(article_id), done=self._replace_with,
                             failed=self._failed_elsewhere, kind="open")
        else:
            self._waiting.clear()
            self._stop_timers()
            self.message.emit(translate("SaveController",
                                        "conflict not resolved: changes not saved"))
            self.abandoned.emit()

    def _replace_with(self, record: ArticleRecord) -> None:
        self._in_flight = False
        self.set_record(record)
        self.replaced.emit(record)
        self._run_waiting()

    def _failed_elsewhere(self, error: BaseException) -> None:
        self._in_flight = False
        self._waiting.clear()
        self.abandoned.emit()
        if isinstance(error, SampadakError):
            self._show_error(translate("SaveController", "Could not save"), error)
        else:
            raise error

    # ---------------------------------------------------------------- helpers
    def _stop_timers(self) -> None:
        for timer in (self.idle_timer, self.max_timer, self.retry_timer):
            timer.stop()

    def _run_waiting(self) -> None:
        waiting, self._waiting = self._waiting, []
        for callback in waiting:
            callback()
