"""The one background runner of the GUI: every database call goes through it.

Contract of :class:`TaskRunner`:
- :meth:`TaskRunner.run` calls ``work()`` on a worker thread and then, on the GUI thread,
  ``done(result)`` or ``failed(error)``. The GUI thread never waits for the database.
- Writes (``write=True``: saves, creates, trash) run one at a time in submission order on a
  single writer thread, so two saves of one article can never overtake each other; reads run
  on a small pool beside it.
- ``key`` makes a job *newest wins*: when a newer job with the same key was submitted before
  an older one finished, the older one's result (or error) is dropped, so a slow search for
  "भा" can never overwrite the results for "भारत".
- An error with no ``failed`` handler goes to the runner's ``error_handler`` (the window
  turns typed core errors into dialogs); a handler's own exception is logged, never lost.
- ``wrote(kind)`` is emitted after a write job was delivered (its ``done`` or ``failed`` ran):
  views that summarise the database (the desk dashboard) re-read on it.
- ``busy_changed(bool)`` drives the progress indicator; :meth:`wait_idle` (tests, closing)
  spins the event loop until every job has been delivered.
"""

from __future__ import annotations

import functools
import itertools
import logging
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Signal

__all__ = ["TaskRunner"]

log = logging.getLogger(__name__)

T = TypeVar("T")


class _Relay(QObject):
    """Lives on the GUI thread; a signal emitted from a worker is delivered queued."""

    finished = Signal(int, object)


class TaskRunner(QObject):
    """Background jobs with GUI-thread delivery (see the module contract)."""

    busy_changed = Signal(bool)
    wrote = Signal(str)

    def __init__(self, parent: QObject | None = None, *, readers: int = 2) -> None:
        super().__init__(parent)
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sampadak-write")
        self._readers = ThreadPoolExecutor(max_workers=readers,
                                           thread_name_prefix="sampadak-read")
        self._relay = _Relay(self)
        self._relay.finished.connect(self._deliver)
        self._ids = itertools.count(1)
        self._jobs: dict[int, tuple[str | None, Callable[[Any], None] | None,
                                    Callable[[BaseException], None] | None]] = {}
        self._latest: dict[str, int] = {}
        self._writes: dict[int, str] = {}
        self._closed = False
        self.error_handler: Callable[[BaseException], None] = self._log_error
        #: Jobs submitted, by kind: tests check that saves and searches come through here.
        self.submitted: list[str] = []

    # ---------------------------------------------------------------- submitting
    def run(self, work: Callable[[], T], *, done: Callable[[T], None] | None = None,
            failed: Callable[[BaseException], None] | None = None, key: str | None = None,
            write: bool = False, kind: str = "") -> int:
        """Run ``work`` in the background; return the job number (0, and nothing runs,
        once the runner is shut down: a timer firing after the window closed)."""
        if self._closed:
            log.debug("task runner shut down: %s not run", kind or key or "job")
            return 0
        job = next(self._ids)
        was_idle = not self._jobs
        self._jobs[job] = (key, done, failed)
        if key is not None:
            self._latest[key] = job
        self.submitted.append(kind or key or "job")
        if write:
            self._writes[job] = kind or key or "write"
        executor = self._writer if write else self._readers
        future = executor.submit(work)
        future.add_done_callback(functools.partial(self._finished, job))
        if was_idle:
            self.busy_changed.emit(True)
        return job

    @property
    def idle(self) -> bool:
        """True when no job is waiting to be delivered."""
        return not self._jobs

    def wait_idle(self, timeout: float = 10.0) -> bool:
        """Spin the event loop until every job is delivered (tests, closing); False on
        timeout. Results and errors are delivered as usual while waiting."""
        deadline = time.monotonic() + timeout
        while self._jobs:
            if time.monotonic() > deadline:
                return False
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            time.sleep(0.002)
        return True

    def shutdown(self) -> None:
        """Finish running jobs and stop the threads (results are no longer delivered)."""
        self._closed = True
        self._writer.shutdown(wait=True)
        self._readers.shutdown(wait=True, cancel_futures=True)

    # ---------------------------------------------------------------- delivering
    def _finished(self, job: int, future: Future[Any]) -> None:
        """Worker thread: hand the finished future to the GUI thread."""
        try:
            self._relay.finished.emit(job, future)
        except RuntimeError:  # the window (and its relay) is gone
            log.debug("job %d finished after its runner was deleted", job)

    def _deliver(self, job: int, future: Future[Any]) -> None:
        key, done, failed = self._jobs.pop(job, (None, None, None))
        wrote = self._writes.pop(job, None)
        try:
            self._deliver_result(job, key, done, failed, future)
        finally:
            if wrote is not None:
                try:
                    self.wrote.emit(wrote)
                except RuntimeError:  # a handler closed the window (and this runner)
                    log.debug("write %d delivered after its runner was deleted", job)

    def _deliver_result(self, job: int, key: str | None, done: Callable[[Any], None] | None,
                        failed: Callable[[BaseException], None] | None,
                        future: Future[Any]) -> None:
        if not self._jobs:
            self.busy_changed.emit(False)
        if key is not None and self._latest.get(key) != job:
            log.debug("job %d (%s) superseded; result dropped", job, key)
            return
        if key is not None:
            self._latest.pop(key, None)
        error = future.exception() if not future.cancelled() else None
        try:
            if error is not None:
                (failed or self.error_handler)(error)
            elif done is not None:
                done(future.result())
        except Exception:  # a handler's bug must not kill the event loop
            log.exception("handling the result of background job %d failed", job)

    @staticmethod
    def _log_error(error: BaseException) -> None:
        log.error("background job failed: %s", error, exc_info=error)
