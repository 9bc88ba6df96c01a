"""Diagnostics: rotating log file, excepthook that logs and shows a dialog."""

from __future__ import annotations

import logging
import sys

from PySide6.QtWidgets import QMessageBox

from editor_app.gui.dialogs import errors
from editor_app.logging_setup import LOG_FILE_NAME, setup_logging


def test_excepthook_logs_traceback_and_shows_dialog(qtbot, tmp_path, monkeypatch):
    log_file = setup_logging(tmp_path)
    assert log_file is not None and log_file == tmp_path / LOG_FILE_NAME
    shown: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(box.detailedText())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    errors.install_excepthook()
    try:
        raise ValueError("टूटा हुआ मान")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    assert shown and "ValueError: टूटा हुआ मान" in shown[0]
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = log_file.read_text("utf-8")
    assert "unhandled error" in text and "टूटा हुआ मान" in text
    sys.excepthook = sys.__excepthook__


def test_unwritable_log_folder_falls_back_to_stderr(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    assert setup_logging(blocker / "logs") is None
