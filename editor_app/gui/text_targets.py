"""Uniform access to the text widgets that checks run on (headline, dek, body).

Findings carry code-point offsets into a field's plain text; Qt widgets count UTF-16 units.
A :class:`TextTarget` converts, selects a span for the user, and replaces several spans as
ONE undo step (right to left, so earlier offsets stay valid).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from editor_app.gui.editor.utf16 import Utf16Map

__all__ = ["TextTarget"]


class TextTarget:
    """One checkable field backed by a QLineEdit, QPlainTextEdit or QTextEdit."""

    def __init__(self, name: str, widget: QLineEdit | QPlainTextEdit | QTextEdit) -> None:
        self.name = name
        self.widget = widget

    def text(self) -> str:
        """The field's plain text (what findings' offsets refer to)."""
        if isinstance(self.widget, QLineEdit):
            return self.widget.text()
        return self.widget.toPlainText()

    def select(self, start: int, end: int) -> None:
        """Select code points ``[start, end)`` and show them."""
        mapping = Utf16Map(self.text())
        begin, finish = mapping.to_utf16(start), mapping.to_utf16(end)
        self.widget.setFocus()
        if isinstance(self.widget, QLineEdit):
            self.widget.setSelection(begin, finish - begin)
            return
        cursor = self.widget.textCursor()
        cursor.setPosition(begin)
        cursor.setPosition(finish, QTextCursor.MoveMode.KeepAnchor)
        self.widget.setTextCursor(cursor)
        self.widget.ensureCursorVisible()

    def replace_spans(self, edits: Sequence[tuple[int, int, str]]) -> None:
        """Replace each code-point span with its text, all in one undo step."""
        if not edits:
            return
        ordered = sorted(edits, key=lambda e: e[0], reverse=True)
        if isinstance(self.widget, QLineEdit):
            text = self.text()
            for start, end, new in ordered:
                text = text[:start] + new + text[end:]
            self.widget.selectAll()
            self.widget.insert(text)  # one undoable edit, unlike setText()
            return
        mapping = Utf16Map(self.text())
        cursor = QTextCursor(self.widget.document())
        cursor.beginEditBlock()
        try:
            for start, end, new in ordered:
                cursor.setPosition(mapping.to_utf16(start))
                cursor.setPosition(mapping.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
                cursor.insertText(new)
        finally:
            cursor.endEditBlock()

    def focus_widget(self) -> QWidget:
        """The widget to focus when jumping here."""
        return self.widget
