"""A log file that cannot be written (disk full) degrades quietly: no logging tracebacks."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from editor_app.logging_setup import LOG_FILE_NAME, QuietRotatingFileHandler, setup_logging


@pytest.fixture
def restore_root_logging():
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def test_full_disk_log_file_gives_one_line_and_no_traceback(tmp_path, capfd,
                                                             restore_root_logging):
    log_dir = tmp_path / "logs"
    log_dir.mkdir()
    (log_dir / LOG_FILE_NAME).symlink_to(Path("/dev/full"))  # every write: ENOSPC
    assert setup_logging(log_dir) == log_dir / LOG_FILE_NAME
    log = logging.getLogger("sampadak.test")
    for n in range(5):
        log.info("सूचना %d", n)
        log.error("त्रुटि %d", n)
    _, err = capfd.readouterr()
    assert "Traceback" not in err and "Logging error" not in err
    warnings = [line for line in err.splitlines() if "cannot write the log file" in line]
    assert len(warnings) == 1 and "No space left on device" in warnings[0]
    assert [line for line in err.splitlines() if line.startswith("ERROR:")] == [
        f"ERROR: त्रुटि {n}" for n in range(5)]  # stderr logging still works


def test_file_logging_resumes_when_writes_work_again(tmp_path, capfd, restore_root_logging):
    log_dir = tmp_path / "logs"
    path = setup_logging(log_dir)
    assert path is not None
    handler = next(h for h in logging.getLogger().handlers
                   if isinstance(h, QuietRotatingFileHandler))

    class FullStream:
        def write(self, _text: str) -> int:
            raise OSError(28, "No space left on device")

        def flush(self) -> None:
            raise OSError(28, "No space left on device")

        def close(self) -> None:
            raise OSError(28, "No space left on device")

    handler.stream = FullStream()  # type: ignore[assignment]
    logging.getLogger("sampadak.test").warning("खो गया")
    logging.getLogger("sampadak.test").warning("फिर लिखा")
    handler.flush()
    _, err = capfd.readouterr()
    assert "Traceback" not in err
    text = path.read_text("utf-8")
    assert "फिर लिखा" in text and "खो गया" not in text


def test_broken_stderr_drops_records_silently(tmp_path, capfd, restore_root_logging):
    setup_logging(tmp_path / "logs")
    stderr_handler = next(h for h in logging.getLogger().handlers
                          if getattr(h, "_sampadak", False)
                          and not isinstance(h, logging.FileHandler))

    class ClosedPipe:
        def write(self, _text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

        def flush(self) -> None:
            raise BrokenPipeError(32, "Broken pipe")

    assert isinstance(stderr_handler, logging.StreamHandler)
    stderr_handler.setStream(ClosedPipe())
    logging.getLogger("sampadak.test").error("कहीं नहीं")
    _, err = capfd.readouterr()
    assert err == ""
