"""Turn errors into dialogs: typed core errors as messages, anything else via the excepthook.

The excepthook logs the traceback to the log file and shows a dialog instead of letting the
app vanish; it never re-enters itself when a dialog is already showing.
"""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from editor_app.core.errors import SampadakError

__all__ = ["install_excepthook", "show_error"]

log = logging.getLogger(__name__)
_showing = False


def show_error(parent: QWidget | None, title: str, error: BaseException | str) -> None:
    """Show ``error`` in a modal message box (typed errors show just their message)."""
    text = str(error) if isinstance(error, SampadakError | str) else (
        f"{type(error).__name__}: {error}")
    QMessageBox.critical(parent, title, text)


def _hook(exc_type: type[BaseException], exc: BaseException,
          tb: TracebackType | None) -> None:
    global _showing
    log.error("unhandled error:\n%s", "".join(traceback.format_exception(exc_type, exc, tb)))
    if issubclass(exc_type, KeyboardInterrupt):
        QApplication.quit()
        return
    if _showing or QApplication.instance() is None:
        return
    _showing = True
    try:
        box = QMessageBox(QMessageBox.Icon.Critical, "Sampadak — त्रुटि (error)",
                          "Something went wrong. Your text is autosaved; details are in the "
                          "log file.\nकुछ गड़बड़ हुई। आपका लेख सुरक्षित है।")
        box.setDetailedText("".join(traceback.format_exception(exc_type, exc, tb)))
        box.exec()
    finally:
        _showing = False


def install_excepthook() -> None:
    """Log unhandled exceptions and show them in a dialog."""
    sys.excepthook = _hook
