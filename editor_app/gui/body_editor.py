"""Minimal Markdown body editor used until the rich editor is embedded.

Interface every body editor offers the main window: ``set_markdown``, ``markdown``,
``content_changed`` (user edits only), ``set_editor_font``.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QPlainTextEdit, QVBoxLayout, QWidget

from editor_app.core.text.normalize import to_nfc

__all__ = ["PlainBodyEditor"]


class PlainBodyEditor(QWidget):
    """A plain-text view of the Markdown body."""

    content_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text_edit = QPlainTextEdit()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text_edit)
        self._loading = False
        self.text_edit.textChanged.connect(self._on_changed)

    def set_markdown(self, markdown: str) -> None:
        """Show ``markdown`` without emitting ``content_changed``; resets undo."""
        self._loading = True
        try:
            self.text_edit.setPlainText(markdown)
        finally:
            self._loading = False

    def markdown(self) -> str:
        """The body as NFC Markdown."""
        return to_nfc(self.text_edit.toPlainText())

    def set_editor_font(self, font: QFont) -> None:
        """Font for the body text."""
        self.text_edit.setFont(font)

    def _on_changed(self) -> None:
        if not self._loading:
            self.content_changed.emit()
