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
- Nothing lost when the connection drops: a save failing with :class:`ConnectionLost` (the
  server went away or refused the connection) writes the newest editor text to the local
  journal (:class:`~editor_app.core.save_journal.SaveJournal`, fsynced, keyed by article
  UUID and base version) and the controller goes *offline*: the status bar says the
  changes are kept on this computer (no dialog interrupts the typing), autosaves only
  update the journal, and the server is retried with exponential backoff (capped,
  :class:`~editor_app.core.journal_replay.Backoff`). The retry saves over the base version
  (a stale base is the normal conflict choice; a save that landed before the answer was
  lost counts as saved). The journal entry is removed only once the save landed;
  :attr:`kept_locally_all` tells the window it may close meanwhile (start-up replays the
  journal: :mod:`editor_app.gui.journal_startup`). A journal that cannot be written falls
  back to the ordinary failure handling above.
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
    ConnectionLost,
    DatabaseDamaged,
    ReadOnlyDatabase,
    SampadakError,
    StorageError,
)
from editor_app.core.journal_replay import Backoff, same_save, store_entry
from editor_app.core.review.conflict import ConflictComparison, compare_with_stored
from editor_app.core.save_journal import JournalEntry, SaveJournal
from editor_app.gui.dialogs.conflict import ConflictChoice
from editor_app.gui.i18n import translate
from editor_app.gui.tasks import TaskRunner

__all__ = ["CONFLICT_COPY_MARK", "RETRY_CAP_SECONDS", "RETRY_FIRST_SECONDS", "RETRY_MS",
           "SaveController", "offline_message",
           "unreachable_message"]

log = logging.getLogger(__name__)

RETRY_MS = 10_000
# Backoff of retries while the database is unreachable: 1 s, 2 s, 4 s, … at most 60 s.
RETRY_FIRST_SECONDS = 1.0
RETRY_CAP_SECONDS = 60.0
CONFLICT_COPY_MARK = "[टकराव की प्रति — conflict copy]"


def unreachable_message() -> str:
    """The status bar's text when a read (list, article) could not reach the database."""
    return translate("SaveController", "The server cannot be reached — trying again later")


def offline_message() -> str:
    """The status bar's text while edits wait in the local journal."""
    return translate("SaveController",
                     "Connection to the server lost — changes kept safe on this computer")


class SaveController(QObject):
    """Dirty state, autosave timers and background saves of one window's open article."""

    saved = Signal(object)  # ArticleRecord just stored
    replaced = Signal(object)  # ArticleRecord to show instead (theirs, or the copy)
    abandoned = Signal()  # a save the user asked for did not happen (conflict cancelled)
    message = Signal(str)  # for the status bar's save label
    kept_locally = Signal()  # the database is unreachable; the edits are in the journal

    def __init__(self, runner: TaskRunner, service: ArticleService,
                 snapshot: Callable[[], ArticleData], *, idle_seconds: float,
                 max_seconds: float,
                 ask_conflict: Callable[[str, ConflictComparison | None], ConflictChoice],
                 show_error: Callable[[str, Exception], None],
                 journal: SaveJournal | None = None, backoff: Backoff | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.backoff = backoff or Backoff(RETRY_FIRST_SECONDS, RETRY_CAP_SECONDS)
        self._offline = False
        self._journaled_edits: int | None = None  # edits the journal entry holds
        self._runner, self._service, self._snapshot = runner, service, snapshot
        self._ask_conflict, self._show_error = ask_conflict, show_error
        self.record: ArticleRecord | None = None
        self._edits = 0  # edits since the article was shown
        self._saved_edits = 0  # edits included in the last stored save
        self._in_flight = False
        self._again = False
        self._waiting: list[Callable[[], None]] = []
        self._error_shown = False
        self.idle_timer = self._timer(int(idle_seconds * 1000), self._autosave)
        self.max_timer = self._timer(int(max(0.5, max_seconds) * 1000), self._autosave)
        self.retry_timer = self._timer(RETRY_MS, self.save)
        # server probes while offline, on the backoff's schedule (interval set per start)
        self.reconnect_timer = self._timer(int(RETRY_FIRST_SECONDS * 1000), self.save)

    def _timer(self, msec: int, action: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(msec)
        timer.timeout.connect(lambda: action())
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

    @property
    def offline(self) -> bool:
        """True while the database is unreachable and edits go to the local journal."""
        return self._offline

    @property
    def kept_locally_all(self) -> bool:
        """True while offline with every edit of the open article in the journal (the
        window may close: start-up saves them)."""
        return self._offline and (not self.dirty or self._journaled_edits == self._edits)

    def set_record(self, record: ArticleRecord | None) -> None:
        """A new article is shown: nothing is dirty, pending timers stop."""
        self.record = record
        self._edits = self._saved_edits = 0
        self._journaled_edits = None
        self._again = False
        self._stop_timers()
        if self._offline and record is not None:
            self.reconnect_timer.start()  # the next save attempt doubles as the server probe

    def edited(self) -> None:
        """The user changed the open article."""
        if self.record is None:
            return
        self._edits += 1
        self.idle_timer.start()
        if not self.max_timer.isActive():
            self.max_timer.start()

    # ---------------------------------------------------------------- journal
    def keep_locally(self) -> bool:
        """Write the open article's unsaved edits to the journal now; True when every edit
        is there (nothing to write counts), False without a journal or when it failed."""
        if not self.dirty or self._journaled_edits == self._edits:
            return True
        if self.record is None:
            return True
        return self._journal(self.record, self._snapshot(), self._edits)

    def _journal(self, record: ArticleRecord, data: ArticleData, edits: int) -> bool:
        if self.journal is None:
            return False
        try:
            self.journal.put(JournalEntry(record.id, record.uuid, record.version, data,
                                          self._service.author))
        except StorageError as exc:
            log.error("cannot write the local journal: %s", exc)
            return False
        self._journaled_edits = edits
        return True

    def _autosave(self) -> None:
        """Idle and maximum-interval timers: offline, they only update the journal (the
        server is probed on the backoff's schedule); online, they save."""
        if self._offline:
            self.keep_locally()
            if self._in_flight or self.reconnect_timer.isActive():
                return
        self.save()

    def _forget_journal(self, record: ArticleRecord) -> None:
        """The save of ``record`` landed: drop its journal entry, or move it onto the new
        version when newer edits are still unsaved."""
        if self.journal is None or self._journaled_edits is None:
            return
        try:
            if self.dirty:
                self._journaled_edits = None
                self._journal(record, self._snapshot(), self._edits)
            else:
                self.journal.remove(record.uuid)
                self._journaled_edits = None
        except StorageError as exc:  # the entry stays; replaying it later finds it saved
            log.warning("journal entry of article %d not removed: %s", record.id, exc)

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
        if self._offline:  # the newest text is safe here before the server is tried
            if self._journaled_edits != edits:
                self._journal(record, data, edits)
        else:
            self.message.emit(translate("SaveController", "saving…"))
        offline = self._offline
        self._runner.run(lambda: self._store(record, data, offline),
                         done=lambda stored: self._stored(stored, edits),
                         failed=lambda error: self._failed(error, data, edits),
                         write=True, kind="save")

    def _store(self, record: ArticleRecord, data: ArticleData,
               offline: bool) -> ArticleRecord:
        """Writer thread: the save itself. After a lost connection the save may have
        landed without its answer arriving: :func:`store_entry` then finds it stored."""
        if offline:
            entry = JournalEntry(record.id, record.uuid, record.version, data)
            return store_entry(self._service, entry)
        return self._service.save(record.id, data, record.version)

    def _stored(self, record: ArticleRecord, edits: int) -> None:
        self._in_flight = False
        self._error_shown = False
        if self._offline:
            log.info("database reachable again: article %d saved", record.id)
        self._offline = False
        self.backoff.reset()
        if self.record is None or self.record.id != record.id:
            self._drop_entry_if_saved(record)
            self._run_waiting()  # another article is shown by now; this one is stored
            return
        self.record = record
        self._saved_edits = edits
        self._forget_journal(record)
        self.saved.emit(record)
        if self.dirty and (self._again or self._waiting):
            self._again = False
            self.save()
            return
        self._again = False
        if self.dirty:  # typed during the save: the idle timer is already running
            return
        self._run_waiting()

    def _drop_entry(self, uuid: str) -> None:
        if self.journal is None:
            return
        try:
            self.journal.remove(uuid)
        except StorageError as exc:
            log.warning("journal entry of %s not removed: %s", uuid, exc)

    def _drop_entry_if_saved(self, record: ArticleRecord) -> None:
        """``record`` (no longer shown) is stored: drop its entry if it holds that text."""
        entry = self.journal.get(record.uuid) if self.journal is not None else None
        if entry is not None and same_save(self._service, record.data, entry.data):
            self._drop_entry(record.uuid)

    def _failed(self, error: BaseException, mine: ArticleData, edits: int) -> None:
        self._in_flight = False
        self._again = False
        if isinstance(error, ConflictError):
            self._compare_then_ask(error, mine, edits)
            return
        if isinstance(error, ConnectionLost) and self._went_offline(error, mine, edits):
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

    def _went_offline(self, error: ConnectionLost, mine: ArticleData, edits: int) -> bool:
        """Keep the newest text in the journal and retry on the backoff's schedule; False
        when the journal could not take it (the ordinary failure handling follows)."""
        if self.record is None:
            return False
        if self._journaled_edits == self._edits:
            kept = True
        elif self._edits == edits:
            kept = self._journal(self.record, mine, edits)
        else:  # typed while the save was in flight: keep what the editor holds now
            kept = self._journal(self.record, self._snapshot(), self._edits)
        if not kept:
            return False
        if not self._offline:
            log.warning("database unreachable, edits kept in the local journal: %s", error)
        self._offline = True
        delay = self.backoff.next_delay()
        self.reconnect_timer.start(int(delay * 1000))
        log.info("next save attempt in %.1f s", delay)
        self.message.emit(offline_message())
        self._waiting.clear()
        self.kept_locally.emit()
        self.abandoned.emit()
        return True

    # ---------------------------------------------------------------- conflicts
    def _compare_then_ask(self, error: ConflictError, mine: ArticleData, edits: int) -> None:
        """Read theirs and compare it with mine (a background read; saves wait), then ask."""
        assert self.record is not None
        article_id, uuid = self.record.id, self.record.uuid
        self._offline = False  # the server answered
        self.backoff.reset()
        self._in_flight = True

        def failed(exc: BaseException) -> None:
            log.warning("cannot compare with the stored version of article %d: %s",
                        article_id, exc)
            self._resolve_conflict(article_id, uuid, error, mine, edits, None)

        self._runner.run(lambda: compare_with_stored(self._service, article_id, mine),
                         done=lambda comparison: self._resolve_conflict(
                             article_id, uuid, error, mine, edits, comparison),
                         failed=failed, kind="conflict")

    def _resolve_conflict(self, article_id: int, uuid: str, error: ConflictError,
                          mine: ArticleData, edits: int,
                          comparison: ConflictComparison | None) -> None:
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
                             done=lambda stored: self._replace_with(stored, uuid),
                             failed=self._failed_elsewhere,
                             write=True, kind="save")
        elif choice is ConflictChoice.LOAD_THEIRS:
            self._in_flight = True
            self._runner.run(lambda: self._service.get(article_id),
                             done=lambda theirs: self._replace_with(theirs, uuid),
                             failed=self._failed_elsewhere, kind="open")
        else:
            self._waiting.clear()
            self._stop_timers()
            self.message.emit(translate("SaveController",
                                        "conflict not resolved: changes not saved"))
            self.abandoned.emit()

    def _replace_with(self, record: ArticleRecord, dropped: str = "") -> None:
        """Show ``record`` instead; ``dropped``: the UUID whose journaled edits are now
        stored as a copy or deliberately dropped (load theirs)."""
        if dropped and self._journaled_edits is not None:
            self._drop_entry(dropped)
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
        for timer in (self.idle_timer, self.max_timer, self.retry_timer,
                      self.reconnect_timer):
            timer.stop()

    def _run_waiting(self) -> None:
        waiting, self._waiting = self._waiting, []
        for callback in waiting:
            callback()
