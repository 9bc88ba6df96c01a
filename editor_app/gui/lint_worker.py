"""Runs copy-desk lint off the GUI thread so typing never waits for it.

Contract: :meth:`LintRunner.request` snapshots the field texts (plain strings) and runs
``lint_article`` in Qt's global thread pool; ``finished(job, findings)`` is emitted on the
GUI thread. Only the newest job's result is delivered: older jobs finishing late are dropped.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from editor_app.core.house_style import HouseStyle
from editor_app.core.text.lint import lint_article
from editor_app.core.text.lint.engine import FieldFinding

__all__ = ["LintRunner"]

log = logging.getLogger(__name__)


class _Relay(QObject):
    done = Signal(int, object)


class _Job(QRunnable):
    def __init__(self, job: int, fields: dict[str, str], style: HouseStyle,
                 relay: _Relay) -> None:
        super().__init__()
        self.job, self.fields, self.style, self.relay = job, fields, style, relay

    def run(self) -> None:
        try:
            findings = lint_article(self.fields, self.style)
        except Exception:  # worker boundary: never let a rule bug kill the thread
            log.exception("lint job %d failed", self.job)
            findings = []
        try:
            self.relay.done.emit(self.job, findings)
        except RuntimeError:  # the panel was closed while this job ran
            log.debug("lint job %d finished after its panel closed", self.job)


class LintRunner(QObject):
    """Background lint with newest-wins delivery."""

    finished = Signal(int, object)  # job number, list[FieldFinding]

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job = 0
        self._relay = _Relay(self)
        self._relay.done.connect(self._deliver)
        self._pool = QThreadPool.globalInstance()

    @property
    def latest_job(self) -> int:
        """Number of the newest requested job."""
        return self._job

    def request(self, fields: Mapping[str, str], style: HouseStyle) -> int:
        """Start linting a snapshot of ``fields``; return the job number."""
        self._job += 1
        self._pool.start(_Job(self._job, dict(fields), style, self._relay))
        return self._job

    def wait(self, msecs: int = 5000) -> bool:
        """Block until running jobs end (tests and shutdown)."""
        return self._pool.waitForDone(msecs)

    def _deliver(self, job: int, findings: list[FieldFinding]) -> None:
        if job == self._job:
            self.finished.emit(job, findings)
