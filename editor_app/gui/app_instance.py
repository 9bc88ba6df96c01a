"""The one ``QApplication`` of the process, named for desktop integration.

Light on purpose (PySide6 and the resource paths only): the start-up skeleton creates the
application before the window's modules are imported, and the window's start-up path
(:mod:`editor_app.gui.application`) uses the same function.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from editor_app import APP_ID, APP_NAME, __version__
from editor_app.core.resources import resource_path

__all__ = ["ensure_application"]


def ensure_application() -> QApplication:
    """The QApplication (created once), named for desktop integration."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName(APP_ID)
    icon = resource_path("icons", "sampadak.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    return app
