"""``LineTextEdit``: a one-line text field that is a ``QPlainTextEdit`` underneath.

Why: ``QSyntaxHighlighter`` (and so the spell underlines and their context menu) only works
on a ``QTextDocument``; ``QLineEdit`` has none. Headline, image caption and byline cells use
this widget so that they share the body's :class:`SpellHighlighter` and spelling menu.

Contract (it behaves like a ``QLineEdit``)
--------
- The text never holds a line break: typed Enter/Return inserts nothing (it emits
  :attr:`returnPressed` and :attr:`editingFinished` and is passed on to the parent, so a
  dialog's default button still works); pasted or :meth:`setText` line breaks (``\\n``,
  ``\\r``, U+2028, U+2029) become spaces.
- Tab and Shift+Tab move the focus (never a tab character). No wrapping, no scroll bars:
  long text scrolls sideways with the cursor. With ``fit_height`` (default) the widget is
  one text line high, like a line edit, and follows font changes.
- ``QLineEdit``-style API: :meth:`text`, :meth:`setText` (clears undo, like ``QLineEdit``),
  :meth:`insert` (one undoable edit replacing the selection), :meth:`home`, :meth:`end`,
  :meth:`cursorPosition`,
  :meth:`setCursorPosition`, :meth:`setSelection`, :meth:`hasSelectedText`,
  :meth:`selectedText`. Positions are UTF-16 units, as in Qt. ``textChanged`` is the
  inherited argument-less signal; :attr:`editingFinished` is also emitted when the widget
  loses focus after an edit.
"""

from __future__ import annotations

import regex
from PySide6.QtCore import QEvent, QMimeData, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QTextCursor, QTextOption
from PySide6.QtWidgets import QFrame, QPlainTextEdit, QSizePolicy, QWidget

__all__ = ["LineTextEdit", "one_line"]

_LINE_BREAKS = regex.compile(r"\r\n|[\n\r\u2028\u2029\v\f]")
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def one_line(text: str) -> str:
    """``text`` with every line break replaced by a space."""
    return _LINE_BREAKS.sub(" ", text)


class LineTextEdit(QPlainTextEdit):
    """A single-line field with a ``QTextDocument`` (see the module contract)."""

    returnPressed = Signal()  # noqa: N815 (QLineEdit's name)
    editingFinished = Signal()  # noqa: N815 (QLineEdit's name)

    def __init__(self, parent: QWidget | None = None, *, fit_height: bool = True) -> None:
        super().__init__(parent)
        self._fit_height = fit_height
        self._edited = False
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setWordWrapMode(QTextOption.WrapMode.NoWrap)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.textChanged.connect(self._mark_edited)
        if fit_height:
            self._fit()
        else:
            self.setFrameShape(QFrame.Shape.NoFrame)
            self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    # ------------------------------------------------------------------ QLineEdit API

    def text(self) -> str:
        """The field's text (one line)."""
        return self.toPlainText()

    def setText(self, text: str) -> None:  # noqa: N802 (QLineEdit API)
        """Replace the text (line breaks become spaces); the cursor goes to the end."""
        self.setPlainText(one_line(text))
        self.moveCursor(QTextCursor.MoveOperation.End)
        self._edited = False

    def insert(self, text: str) -> None:
        """Replace the selection (or insert at the cursor) as one undoable edit."""
        self.textCursor().insertText(one_line(text))

    def cursorPosition(self) -> int:  # noqa: N802 (QLineEdit API)
        """The cursor position in UTF-16 units."""
        return self.textCursor().position()

    def setCursorPosition(self, position: int) -> None:  # noqa: N802 (QLineEdit API)
        """Put the cursor at UTF-16 ``position`` (clamped) and show it."""
        cursor = self.textCursor()
        cursor.setPosition(max(0, min(position, len(self.text().encode("utf-16-le")) // 2)))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def home(self, mark: bool) -> None:
        """Cursor to the start; with ``mark`` select up to there."""
        self._move(QTextCursor.MoveOperation.Start, mark)

    def end(self, mark: bool) -> None:
        """Cursor to the end; with ``mark`` select up to there."""
        self._move(QTextCursor.MoveOperation.End, mark)

    def _move(self, operation: QTextCursor.MoveOperation, mark: bool) -> None:
        mode = QTextCursor.MoveMode.KeepAnchor if mark else QTextCursor.MoveMode.MoveAnchor
        cursor = self.textCursor()
        cursor.movePosition(operation, mode)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def setSelection(self, start: int, length: int) -> None:  # noqa: N802 (QLineEdit API)
        """Select ``length`` UTF-16 units from ``start``."""
        cursor = self.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def hasSelectedText(self) -> bool:  # noqa: N802 (QLineEdit API)
        """True when some text is selected."""
        return self.textCursor().hasSelection()

    def selectedText(self) -> str:  # noqa: N802 (QLineEdit API)
        """The selected text."""
        return self.textCursor().selectedText()

    # ------------------------------------------------------------------ behaviour

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        """Enter/Return insert nothing: they finish the edit and go to the parent."""
        if event.key() in _ENTER_KEYS:
            self.returnPressed.emit()
            self._finish()
            event.ignore()
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 (Qt override)
        """Paste as plain text on one line."""
        if source.hasText():
            self.insert(source.text())

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt override)
        super().focusOutEvent(event)
        if self._edited:
            self._finish()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and self._fit_height:
            self._fit()

    def _mark_edited(self) -> None:
        self._edited = True

    def _finish(self) -> None:
        self._edited = False
        self.editingFinished.emit()

    def _fit(self) -> None:
        """One text line high, plus the frame and the document margin."""
        margins = self.contentsMargins()
        line = self.fontMetrics().lineSpacing()
        height = (line + 2 * int(self.document().documentMargin()) + margins.top()
                  + margins.bottom() + 2)
        self.setFixedHeight(height)
