"""Status-bar notice after moving an article to the trash, with an Undo button.

Trashing asks nothing (it is undoable): the window calls :meth:`TrashNotice.show_trashed`
and the notice says which article went to the trash. Its button, and the window's
``undo_action`` (File menu), emit ``undo_requested(article_id)``; the window restores the
article. The notice hides itself after :data:`NOTICE_MS` or when another message replaces
it; the action stays usable until something else is trashed or the article is restored.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from editor_app.gui.i18n import QT_TRANSLATE_NOOP, short_label, translate

__all__ = ["NOTICE_MS", "TrashNotice"]

NOTICE_MS = 30_000
_HEADLINE_CHARS = 40
#: One string, so the quotes around the headline are checked as a pair.
_TRASHED = QT_TRANSLATE_NOOP("TrashNotice", "“{headline}” moved to trash")


class TrashNotice(QWidget):
    """``“headline” रद्दी में डाला गया (moved to trash)  [वापस लाएं (Undo)]``."""

    undo_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._article_id: int | None = None
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.undo_action = QAction(translate("TrashNotice", "&Undo trash"), self)
        self.undo_action.setObjectName("undo_trash")
        self.undo_action.setEnabled(False)
        self.undo_action.triggered.connect(self.undo)
        self.button = QToolButton()
        self.button.setText("↶ " + translate("TrashNotice", "Undo"))
        self.button.setToolTip(translate("TrashNotice", "Restore the article"))
        self.button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.button.clicked.connect(self.undo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.button)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(NOTICE_MS)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def article_id(self) -> int | None:
        """The article an Undo would restore, or None."""
        return self._article_id

    def show_trashed(self, article_id: int, headline: str) -> None:
        """Say that ``article_id`` went to the trash and offer Undo."""
        self._article_id = article_id
        short = " ".join(headline.split()) or translate("TrashNotice", "untitled")
        if len(short) > _HEADLINE_CHARS:
            short = short[:_HEADLINE_CHARS].rstrip() + "…"
        self.label.setText(short_label("TrashNotice", _TRASHED).format(headline=short))
        self.undo_action.setEnabled(True)
        self.show()
        self._timer.start()

    def clear(self) -> None:
        """Forget the trashed article (after it was restored some other way)."""
        self._article_id = None
        self.undo_action.setEnabled(False)
        self._timer.stop()
        self.hide()

    def undo(self) -> None:
        """Ask the window to restore the article (once)."""
        article_id = self._article_id
        self.clear()
        if article_id is not None:
            self.undo_requested.emit(article_id)
