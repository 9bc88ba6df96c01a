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

from editor_app.core.errors import DatabaseDamaged, SampadakError, StorageError
from editor_app.gui.i18n import translate

__all__ = ["install_excepthook", "show_error", "unhandled_error_text"]

log = logging.getLogger(__name__)
_showing = False


def show_error(parent: QWidget | None, title: str, error: BaseException | str) -> None:
    """Show ``error`` in a modal message box (typed errors show just their message)."""
    text = str(error) if isinstance(error, SampadakError | str) else (
        f"{type(error).__name__}: {error}")
    QMessageBox.critical(parent, title, text)


def unhandled_error_text(exc: BaseException) -> str:
    """What the excepthook dialog says: never "your text is autosaved" when the error is
    that the database cannot be written or read."""
    if isinstance(exc, DatabaseDamaged):
        return translate("Errors", "The database is damaged. Changes since the last save may "
                         "not be stored. Close Sampadak and start it again to open or restore "
                         "the latest backup.") + f"\n\n{exc}"
    if isinstance(exc, StorageError):
        return translate("Errors", "Sampadak could not write to the database; your latest "
                         "changes are not saved yet.") + f"\n\n{exc}"
    return translate("Errors", "Something went wrong. Your text is autosaved; details are in "
                     "the log file.")


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
        box = QMessageBox(QMessageBox.Icon.Critical, "Sampadak — " + translate("Errors", "error"),
                          unhandled_error_text(exc))
        box.setDetailedText("".join(traceback.format_exception(exc_type, exc, tb)))
        box.exec()
    finally:
        _showing = False


def install_excepthook() -> None:
    """Log unhandled exceptions and show them in a dialog."""
    sys.excepthook = _hook
