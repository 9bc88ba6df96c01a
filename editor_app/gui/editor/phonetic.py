"""Phonetic typing mode: type Roman letters, get Devanagari when the word ends.

:class:`PhoneticTyping` is an event filter installed on any number of text widgets (the body
editor, headline, dek). While enabled, a word-ending key (space, punctuation, Enter) first
converts the Roman word before the cursor with core's :func:`find_conversion`, then types the
key — both in ONE undo step, so Ctrl+Z brings back exactly the Roman letters typed.
Conversion logic lives in ``editor_app.core.text.transliterate``; this module only edits.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from editor_app.core.text import transliterate_lazy as transliterate
from editor_app.gui.editor.utf16 import Utf16Map

__all__ = ["PhoneticTyping"]

log = logging.getLogger(__name__)

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class PhoneticTyping(QObject):
    """Roman-to-Devanagari conversion at word end, for the widgets it is attached to."""

    toggled = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._enabled = False
        self._widgets: list[QWidget] = []

    def attach(self, widget: QLineEdit | QPlainTextEdit | QTextEdit) -> None:
        """Watch ``widget``'s key presses."""
        widget.installEventFilter(self)
        self._widgets.append(widget)

    def is_enabled(self) -> bool:
        """True while Roman typing is converted."""
        return self._enabled

    def set_enabled(self, enabled: bool) -> None:
        """Turn the mode on or off (emits ``toggled`` on change)."""
        if enabled != self._enabled:
            self._enabled = enabled
            self.toggled.emit(enabled)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if not self._enabled or event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        if event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                | Qt.KeyboardModifier.AltModifier
                                | Qt.KeyboardModifier.MetaModifier):
            return False
        text = event.text()
        enter = event.key() in _ENTER_KEYS
        if not enter and not (len(text) == 1 and transliterate.is_word_end(text)):
            return False
        if isinstance(watched, QLineEdit):
            return self._convert_line(watched, "" if enter else text)
        if isinstance(watched, QTextEdit | QPlainTextEdit):
            return self._convert_document(watched, text, enter)
        return False

    def _convert_line(self, line: QLineEdit, typed: str) -> bool:
        if line.isReadOnly() or line.hasSelectedText():
            return False
        text = line.text()
        position = Utf16Map(text).to_code_point(line.cursorPosition())
        edit = transliterate.find_conversion(text[:position])
        if edit is None:
            return False
        mapping = Utf16Map(text)
        start16, end16 = mapping.to_utf16(edit.start), mapping.to_utf16(edit.end)
        line.setSelection(start16, end16 - start16)
        line.insert(edit.replacement + typed)  # one undoable edit
        return True

    def _convert_document(self, widget: QTextEdit | QPlainTextEdit, typed: str,
                          enter: bool) -> bool:
        if widget.isReadOnly():
            return False
        cursor = widget.textCursor()
        if cursor.hasSelection():
            return False
        block = cursor.block()
        before16 = cursor.position() - block.position()
        block_text = block.text()
        before = block_text[:Utf16Map(block_text).to_code_point(before16)]
        edit = transliterate.find_conversion(before)
        if edit is None:
            return False
        mapping = Utf16Map(block_text)
        cursor.beginEditBlock()
        try:
            cursor.setPosition(block.position() + mapping.to_utf16(edit.start))
            cursor.setPosition(block.position() + mapping.to_utf16(edit.end),
                               QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(edit.replacement)
            if not enter:
                cursor.insertText(typed)
        finally:
            cursor.endEditBlock()
        widget.setTextCursor(cursor)
        log.debug("phonetic: %r -> %r", before[edit.start:edit.end], edit.replacement)
        # Enter still goes through the editor's own handling (lists, headings).
        return not enter
