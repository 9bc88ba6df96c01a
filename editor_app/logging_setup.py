"""Logging: a rotating log file in the log folder, plus stderr for warnings.

Contract: logging never breaks or clutters the app. A handler that cannot write (disk full,
log file removed, stderr closed) drops the record instead of printing the ``--- Logging
error ---`` traceback that :mod:`logging` prints by default; the file handler says so once
on stderr in one line, closes its file and tries again with the next record, so logging
resumes by itself when space is freed.
"""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import sys
from pathlib import Path

__all__ = ["LOG_FILE_NAME", "QuietRotatingFileHandler", "QuietStreamHandler", "setup_logging"]

LOG_FILE_NAME = "sampadak.log"


class QuietStreamHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """A stream handler that drops records it cannot write (no traceback)."""

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging API
        """Drop the record: the stream itself is what failed, so there is nowhere to say it."""


class QuietRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating file handler that degrades quietly when the file cannot be written."""

    failures = 0

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging API
        """Count the failure, report the first in one line, reopen on the next record."""
        self.failures += 1
        error = sys.exc_info()[1]
        stream, self.stream = self.stream, None
        with contextlib.suppress(OSError, ValueError):
            if stream is not None:
                stream.close()
        if self.failures == 1:
            with contextlib.suppress(OSError, ValueError, AttributeError):
                sys.stderr.write(f"sampadak: warning: cannot write the log file "
                                 f"{self.baseFilename} ({error}); log messages are dropped "
                                 "until it can\n")


def setup_logging(log_dir: Path, *, verbose: bool = False) -> Path | None:
    """Send log records to ``log_dir/sampadak.log`` (rotated at 1 MiB, 5 kept).

    Returns the log file path, or ``None`` when the folder is not writable (logging then
    goes to stderr only). Safe to call more than once.
    """
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    for handler in list(root.handlers):
        if getattr(handler, "_sampadak", False):
            root.removeHandler(handler)
            handler.close()
    stderr = QuietStreamHandler()
    stderr.setLevel(logging.DEBUG if verbose else logging.WARNING)
    stderr.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    stderr._sampadak = True  # type: ignore[attr-defined]
    root.addHandler(stderr)
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        path = log_dir / LOG_FILE_NAME
        file_handler = QuietRotatingFileHandler(
            path, maxBytes=1024 * 1024, backupCount=5, encoding="utf-8")
    except OSError as exc:
        logging.getLogger(__name__).warning("cannot write log file in %s: %s", log_dir, exc)
        return None
    file_handler.setFormatter(logging.Formatter(
        "%(asctime)s %(levelname)s %(name)s: %(message)s"))
    file_handler._sampadak = True  # type: ignore[attr-defined]
    root.addHandler(file_handler)
    return path
