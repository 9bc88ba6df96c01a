"""Phonetic typing mode: type Roman letters, get Devanagari when the word ends.

:class:`PhoneticTyping` is an event filter installed on any number of text widgets (the body
editor, headline, dek). While enabled, a word-ending key (space, punctuation, Enter) first
converts the Roman word before the cursor with core's :func:`find_conversion`, then types the
key — both in ONE undo step, so Ctrl+Z brings back exactly the Roman letters typed.
Conversion logic lives in ``editor_app.core.text.transliterate``; this module only edits.

Also:

- Tab / Shift+Tab convert the word and then move the focus as usual (no tab character is
  ever typed into a field).
- Switching the mode off converts the word in progress (the Roman letters just typed before
  the cursor in the field last typed in), as a word end would have.
- With :meth:`PhoneticTyping.set_house_style` given a style that wants danda, a ``.`` typed
  at the end of a Hindi sentence becomes ``।`` (``core.text.sentence_end``); abbreviations,
  initials, decimals and Latin text keep their ``.``.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from editor_app.core.house_style import HouseStyle
from editor_app.core.text import transliterate_lazy as transliterate
from editor_app.core.text.sentence_end import period_mark
from editor_app.gui.editor.utf16 import Utf16Map

if TYPE_CHECKING:
    from editor_app.core.text.transliterate import PhoneticEdit

__all__ = ["PhoneticTyping"]

log = logging.getLogger(__name__)

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_TAB_KEYS = (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)


class PhoneticTyping(QObject):
    """Roman-to-Devanagari conversion at word end, for the widgets it is attached to."""

    toggled = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._enabled = False
        self._widgets: list[QWidget] = []
        self._style: HouseStyle | None = None
        self._last_typed: QWidget | None = None

    def attach(self, widget: QLineEdit | QPlainTextEdit | QTextEdit) -> None:
        """Watch ``widget``'s key presses."""
        widget.installEventFilter(self)
        self._widgets.append(widget)

    def is_enabled(self) -> bool:
        """True while Roman typing is converted."""
        return self._enabled

    def set_house_style(self, style: HouseStyle | None) -> None:
        """The style deciding whether a typed sentence-end ``.`` becomes ``।``."""
        self._style = style

    def set_enabled(self, enabled: bool) -> None:
        """Turn the mode on or off (emits ``toggled`` on change). Turning it off first
        converts the word in progress (see the module docstring)."""
        if enabled != self._enabled:
            if not enabled:
                self.flush()
            self._enabled = enabled
            self.toggled.emit(enabled)

    def flush(self) -> None:
        """Convert the Roman word just before the cursor of the field last typed in, as a
        word end would (nothing happens when no Roman word ends at the cursor)."""
        widget, self._last_typed = self._last_typed, None
        if widget is None or widget not in self._widgets:
            return
        try:
            if isinstance(widget, QLineEdit):
                self._convert_line(widget, "")
            elif isinstance(widget, QTextEdit | QPlainTextEdit):
                self._convert_document(widget, "", enter=True)
        except RuntimeError:  # the widget was deleted meanwhile
            log.debug("phonetic: last widget is gone")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if not self._enabled or event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        if event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                | Qt.KeyboardModifier.AltModifier
                                | Qt.KeyboardModifier.MetaModifier):
            return False
        text = event.text()
        if event.key() in _TAB_KEYS:
            self._last_typed = watched if isinstance(watched, QWidget) else None
            self.flush()
            return False  # the focus moves on; no tab character is typed
        enter = event.key() in _ENTER_KEYS
        if not enter and not (len(text) == 1 and transliterate.is_word_end(text)):
            if text and isinstance(watched, QWidget):
                self._last_typed = watched
            return False
        if isinstance(watched, QLineEdit):
            return self._convert_line(watched, "" if enter else text)
        if isinstance(watched, QTextEdit | QPlainTextEdit):
            return self._convert_document(watched, text, enter)
        return False

    def _mark(self, typed: str, before: str, edit: PhoneticEdit | None) -> str:
        """``typed``, or ``।`` for a sentence-end ``.`` when the house style wants it."""
        if typed != "." or self._style is None:
            return typed
        if edit is not None:
            before = before[:edit.start] + edit.replacement
        return period_mark(before, self._style)

    def _convert_line(self, line: QLineEdit, typed: str) -> bool:
        if line.isReadOnly() or line.hasSelectedText():
            return False
        text = line.text()
        position = Utf16Map(text).to_code_point(line.cursorPosition())
        edit = transliterate.find_conversion(text[:position])
        mark = self._mark(typed, text[:position], edit)
        if edit is None:
            if mark == typed:
                return False
            line.insert(mark)
            return True
        mapping = Utf16Map(text)
        start16, end16 = mapping.to_utf16(edit.start), mapping.to_utf16(edit.end)
        line.setSelection(start16, end16 - start16)
        line.insert(edit.replacement + mark)  # one undoable edit
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
        mark = "" if enter else self._mark(typed, before, edit)
        if edit is None:
            if enter or mark == typed:
                return False
            cursor.insertText(mark)
            widget.setTextCursor(cursor)
            return True
        mapping = Utf16Map(block_text)
        cursor.beginEditBlock()
        try:
            cursor.setPosition(block.position() + mapping.to_utf16(edit.start))
            cursor.setPosition(block.position() + mapping.to_utf16(edit.end),
                               QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(edit.replacement)
            if mark:
                cursor.insertText(mark)
        finally:
            cursor.endEditBlock()
        widget.setTextCursor(cursor)
        log.debug("phonetic: %r -> %r", before[edit.start:edit.end], edit.replacement)
        # Enter still goes through the editor's own handling (lists, headings).
        return not enter
