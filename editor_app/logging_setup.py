"""Logging: a rotating log file in the log folder, plus stderr for warnings."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

__all__ = ["LOG_FILE_NAME", "setup_logging"]

LOG_FILE_NAME = "sampadak.log"


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
    stderr = logging.StreamHandler()
    stderr.setLevel(logging.DEBUG if verbose else logging.WARNING)
    stderr.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    stderr._sampadak = True  # type: ignore[attr-defined]
    root.addHandler(stderr)
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        path = log_dir / LOG_FILE_NAME
        file_handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1024 * 1024, backupCount=5, encoding="utf-8")
    except OSError as exc:
        logging.getLogger(__name__).warning("cannot write log file in %s: %s", log_dir, exc)
        return None
    file_handler.setFormatter(logging.Formatter(
        "%(asctime)s %(levelname)s %(name)s: %(message)s"))
    file_handler._sampadak = True  # type: ignore[attr-defined]
    root.addHandler(file_handler)
    return path
