"""A first-run smoke check of the installed (or frozen) app: ``SAMPADAK_SMOKE_SCREENSHOT``.

Contract: when the environment variable :data:`SMOKE_ENV` names a PNG path, :func:`run_gui`
starts a :class:`SmokeRun` before building the window. It drives the real start-up from
outside, the way a person would: it answers the first-run profile dialog (types a name into
its field and clicks OK), waits until the main window shows an article (on a new profile
that is the sample article), lets it settle, saves ``window.grab()`` to the PNG and writes a
JSON report beside it (same name, ``.json``): window title, the open article's headline,
whether spell-check is available (and why not), the Qt platform plugin, the elapsed
times, and the wall-clock time the article was shown (``benchmarks/bench_startup.py``
measures start-up with it). Then it quits the application with exit code 0, or 3 when no
window with an article appeared within the time limit (the report then holds ``"error"``).

It exists so a packaged build can be checked where nobody can click: the frozen-build test
runs ``sampadak --profile DIR`` under ``xvfb-run`` with it. Without the variable nothing
of this module runs.
"""

from __future__ import annotations

import json
import logging
import os
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from editor_app.gui.dialogs.profile_dialog import ProfileDialog
from editor_app.gui.main_window import MainWindow

__all__ = ["SMOKE_ENV", "SMOKE_NAME", "SmokeRun", "smoke_target", "start_smoke_run"]

log = logging.getLogger(__name__)

SMOKE_ENV = "SAMPADAK_SMOKE_SCREENSHOT"
#: The name typed into the first-run dialog.
SMOKE_NAME = "स्मोक जांच"
_POLL_MS = 200


def smoke_target(environ: dict[str, str] | None = None) -> Path | None:
    """The PNG path the environment asks for, or ``None`` (no smoke run)."""
    value = (os.environ if environ is None else environ).get(SMOKE_ENV, "").strip()
    return Path(value) if value else None


class SmokeRun(QObject):
    """Answers the profile dialog, waits for an article, saves PNG + JSON, quits."""

    def __init__(self, app: QApplication, out: Path, settle_seconds: float = 3.0,
                 limit_seconds: float = 90.0) -> None:
        super().__init__(app)
        self.app = app
        self.out = out
        self.settle_ms = int(settle_seconds * 1000)
        self.limit_seconds = limit_seconds
        self.started = time.monotonic()
        self.answered_at: float | None = None
        self.window_at: float | None = None
        self.window_unix: float | None = None  # wall clock, for start-up benchmarks
        self._settling = False
        self.poll = QTimer(self)
        self.poll.setInterval(_POLL_MS)
        self.poll.timeout.connect(self._tick)
        self.poll.start()

    def _elapsed(self) -> float:
        return round(time.monotonic() - self.started, 3)

    def _tick(self) -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, ProfileDialog) and modal.isVisible():
            modal.name_edit.setText(SMOKE_NAME)
            modal.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
            self.answered_at = self._elapsed()
            return
        window = self._window()
        if window is not None and window.record is not None and not self._settling:
            self._settling = True
            self.window_at = self._elapsed()
            self.window_unix = time.time()
            QTimer.singleShot(self.settle_ms, lambda: self._finish(window))
            return
        if not self._settling and self._elapsed() > self.limit_seconds:
            self._write({"error": f"no main window with an article after "
                                  f"{self.limit_seconds:.0f} s"}, None)
            self.poll.stop()
            self.app.exit(3)

    @staticmethod
    def _window() -> MainWindow | None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                return widget
        return None

    def _finish(self, window: MainWindow) -> None:
        self.poll.stop()
        saved = window.grab().save(str(self.out), "PNG")
        record = window.record
        report: dict[str, Any] = {
            "title": window.windowTitle(),
            "headline": record.data.headline if record is not None else "",
            "spell_available": window.speller.available,
            "spell_reason": window.speller.unavailable_reason,
            "platform": QGuiApplication.platformName(),
            "profile_answered_s": self.answered_at,
            "article_shown_s": self.window_at,
            "article_shown_unix": self.window_unix,
            "png_saved": bool(saved),
        }
        self._write(report, window)
        window.close()
        self.app.exit(0 if saved else 3)

    def _write(self, report: dict[str, Any], window: MainWindow | None) -> None:
        report.setdefault("elapsed_s", self._elapsed())
        if window is None:
            report.setdefault("top_level", [type(w).__name__
                                            for w in QApplication.topLevelWidgets()])
        path = self.out.with_suffix(".json")
        path.write_text(json.dumps(report, ensure_ascii=False, indent=2), "utf-8")
        log.info("smoke run report written to %s", path)


def start_smoke_run(app: QApplication) -> SmokeRun | None:
    """A :class:`SmokeRun` when :data:`SMOKE_ENV` is set (see the module contract)."""
    out = smoke_target()
    if out is None:
        return None
    log.warning("smoke run: answering the first-run dialog, saving %s, then quitting", out)
    return SmokeRun(app, out)
