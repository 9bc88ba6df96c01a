"""Find/replace bar for the rich editor; the matching itself is ``core.text.find``.

Positions: the core works in code points on ``QTextDocument.toRawText()`` (paragraphs are
U+2029, images U+FFFC, so offsets line up with document positions except for astral
characters); :class:`~editor_app.gui.editor.utf16.Utf16Map` converts to ``QTextCursor``
positions. A match shown as the selection is widened to whole aksharas (a selection edge
inside a conjunct breaks its shaping); replacing always replaces the exact match.
Replace-all is one undo step and keeps each match's character format.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextEdit,
    QWidget,
)

from editor_app.core.text.find import (
    FindMatch,
    InvalidPatternError,
    expand_replacement,
    find_matches,
)
from editor_app.core.text.normalize import to_nfc
from editor_app.gui.editor.utf16 import Utf16Map, snap_span
from editor_app.gui.i18n import QT_TRANSLATE_NOOP, short_label, translate
from editor_app.gui.locale_format import format_count

__all__ = ["FindReplaceBar"]

log = logging.getLogger(__name__)


class FindReplaceBar(QWidget):
    """Find field, replace field, options and buttons acting on one ``QTextEdit``."""

    def __init__(self, editor: QTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._editor = editor
        self.find_edit = QLineEdit(self)
        self.find_edit.setPlaceholderText(translate("FindReplaceBar", "Find"))
        self.replace_edit = QLineEdit(self)
        self.replace_edit.setPlaceholderText(translate("FindReplaceBar", "Replace with"))
        self.match_case = QCheckBox("Aa", self)
        self.match_case.setToolTip(translate("FindReplaceBar", "Match case"))
        self.whole_word = QCheckBox(short_label(
            "FindReplaceBar", QT_TRANSLATE_NOOP("FindReplaceBar", "whole word")), self)
        self.whole_word.setToolTip(translate("FindReplaceBar", "Whole word"))
        self.regex = QCheckBox(".*", self)
        self.regex.setToolTip(translate("FindReplaceBar", "Regex"))
        self.ignore_marks = QCheckBox("ज़=ज, हँ=हं", self)
        self.ignore_marks.setToolTip(
            translate("FindReplaceBar", "Ignore nukta and nasal marks"))
        self.status = QLabel(self)
        previous = QPushButton("↑", self)
        previous.setToolTip(translate("FindReplaceBar", "Previous match") + " (Shift+Enter)")
        following = QPushButton("↓", self)
        following.setToolTip(translate("FindReplaceBar", "Next match") + " (Enter)")
        self._replace_button = QPushButton(short_label(
            "FindReplaceBar", QT_TRANSLATE_NOOP("FindReplaceBar", "Replace")), self)
        self._replace_button.setToolTip(translate("FindReplaceBar", "Replace"))
        self._replace_all_button = QPushButton(short_label(
            "FindReplaceBar", QT_TRANSLATE_NOOP("FindReplaceBar", "Replace all")), self)
        self._replace_all_button.setToolTip(translate("FindReplaceBar",
                                                      "Replace all, one undo step"))
        close = QPushButton("✕", self)
        grid = QGridLayout(self)
        grid.setContentsMargins(4, 2, 4, 2)
        grid.addWidget(self.find_edit, 0, 0)
        grid.addWidget(previous, 0, 1)
        grid.addWidget(following, 0, 2)
        grid.addWidget(self.status, 0, 3)
        grid.addWidget(close, 0, 4)
        grid.addWidget(self.replace_edit, 1, 0)
        grid.addWidget(self._replace_button, 1, 1, 1, 2)
        grid.addWidget(self._replace_all_button, 1, 3)
        options = QWidget(self)
        row = QGridLayout(options)
        row.setContentsMargins(0, 0, 0, 0)
        for column, box in enumerate((self.match_case, self.whole_word, self.regex,
                                      self.ignore_marks)):
            row.addWidget(box, 0, column)
            box.toggled.connect(self._refresh_status)
        grid.addWidget(options, 2, 0, 1, 5)
        previous.clicked.connect(lambda: self.find_next(backward=True))
        following.clicked.connect(lambda: self.find_next())
        self.find_edit.returnPressed.connect(lambda: self.find_next())
        self.find_edit.textChanged.connect(self._refresh_status)
        self._replace_button.clicked.connect(lambda: self.replace_current())
        self._replace_all_button.clicked.connect(lambda: self.replace_all())
        close.clicked.connect(self.close_bar)

    # ------------------------------------------------------------------ API

    def open(self, replace: bool = False) -> None:
        """Show the bar (with the replace row when ``replace``), seeded with the selection."""
        selected = self._editor.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.find_edit.setText(selected)
        for widget in (self.replace_edit, self._replace_button, self._replace_all_button):
            widget.setVisible(replace)
        self.show()
        self.find_edit.setFocus()
        self.find_edit.selectAll()

    def close_bar(self) -> None:
        """Hide the bar and give the focus back to the text."""
        self.hide()
        self._editor.setFocus()

    def matches(self) -> list[tuple[int, int]]:
        """All matches as document (UTF-16) position spans."""
        _text, mapping, found = self._search()
        return [(mapping.to_utf16(m.start), mapping.to_utf16(m.end)) for m in found]

    def find_next(self, backward: bool = False) -> bool:
        """Select the next (or previous) match after the cursor, wrapping; False if none."""
        text, mapping, found = self._search()
        if not found:
            return False
        cursor = self._editor.textCursor()
        here = mapping.to_code_point(cursor.selectionStart() if backward
                                     else cursor.selectionEnd())
        if backward:
            before = [m for m in found if m.end <= here and (m.start, m.end) != (
                self._selected_span(text, mapping))]
            match = before[-1] if before else found[-1]
        else:
            match = next((m for m in found if m.start >= here), found[0])
        self._select(text, mapping, match)
        return True

    def replace_current(self) -> bool:
        """Replace the selected match (if the selection is one), then find the next."""
        text, mapping, found = self._search()
        selected = self._selected_span(text, mapping)
        for match in found:
            if snap_span(text, match.start, match.end) == selected:
                self._replace(text, mapping, [match])
                self.find_next()
                return True
        return self.find_next()

    def replace_all(self) -> int:
        """Replace every match as one undo step; return how many were replaced."""
        text, mapping, found = self._search()
        if found:
            self._replace(text, mapping, found)
        self.status.setText(translate("FindReplaceBar", "{n} replaced").format(
            n=format_count(len(found))))
        return len(found)

    # ------------------------------------------------------------------ internals

    def _search(self) -> tuple[str, Utf16Map, list[FindMatch]]:
        text = self._editor.document().toRawText()
        mapping = Utf16Map(text)
        try:
            found = find_matches(text, to_nfc(self.find_edit.text()),
                                 match_case=self.match_case.isChecked(),
                                 whole_word=self.whole_word.isChecked(),
                                 regex=self.regex.isChecked(),
                                 ignore_marks=self.ignore_marks.isChecked())
        except InvalidPatternError as exc:
            self.status.setText(str(exc))
            return text, mapping, []
        return text, mapping, found

    def _selected_span(self, text: str, mapping: Utf16Map) -> tuple[int, int]:
        cursor = self._editor.textCursor()
        return (mapping.to_code_point(cursor.selectionStart()),
                mapping.to_code_point(cursor.selectionEnd()))

    def _select(self, text: str, mapping: Utf16Map, match: FindMatch) -> None:
        start, end = snap_span(text, match.start, match.end)
        cursor = self._editor.textCursor()
        cursor.setPosition(mapping.to_utf16(start))
        cursor.setPosition(mapping.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self._editor.setTextCursor(cursor)

    def _replace(self, text: str, mapping: Utf16Map, found: list[FindMatch]) -> None:
        doc = self._editor.document()
        template = self.replace_edit.text()
        use_regex = self.regex.isChecked()
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()
        for match in reversed(found):
            new_text = expand_replacement(text, match, template) if use_regex else template
            start, end = mapping.to_utf16(match.start), mapping.to_utf16(match.end)
            probe = QTextCursor(doc)
            probe.setPosition(start + 1)
            fmt = probe.charFormat()
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(to_nfc(new_text), fmt)
        cursor.endEditBlock()

    def _refresh_status(self) -> None:
        if not self.isVisible() or not self.find_edit.text():
            self.status.setText("")
            return
        _text, _mapping, found = self._search()
        if found or not self.status.text().startswith("invalid"):  # core's message
            self.status.setText(translate("FindReplaceBar", "{n} found").format(
                n=format_count(len(found))))
