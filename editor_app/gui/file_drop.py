"""Dropping files on a widget (the article list): an event filter, no dialog.

Kept apart from :mod:`editor_app.gui.dialogs.import_dialog` so the main window can accept
drops from the start without importing the import dialog and the intake stack; those load
when the first file is dropped or File → Import is used.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QDragEnterEvent, QDropEvent

__all__ = ["FileDropFilter"]


class FileDropFilter(QObject):
    """Event filter: files dropped on the watched widget go to ``on_files``."""

    def __init__(self, on_files: Callable[[list[Path]], object], parent: QObject) -> None:
        super().__init__(parent)
        self._on_files = on_files

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            drag = event
            assert isinstance(drag, QDragEnterEvent | QDropEvent)
            if drag.mimeData().hasUrls():
                drag.acceptProposedAction()
                return True
        elif event.type() == QEvent.Type.Drop:
            drop = event
            assert isinstance(drop, QDropEvent)
            paths = [Path(u.toLocalFile()) for u in drop.mimeData().urls() if u.isLocalFile()]
            if paths:
                drop.acceptProposedAction()
                self._on_files(paths)
                return True
        return super().eventFilter(watched, event)
