""""Check spelling" dialog: walks through every misspelled word of a document in order.

Contract
--------
- Errors are found from document position ``start`` (default 0) to the end, in order, with
  the same words and offsets as the highlighter (``checkable_words`` + the checker); each is
  selected in the editor and shown in context with up to :data:`SUGGESTION_LIMIT`
  suggestions (computed when the word is shown; the first one pre-fills "Change to").
- Buttons: **Change** (this occurrence), **Change all** (every occurrence of the same word,
  one undo step), **Skip/Next** (leave this occurrence), **Ignore** (skip this word for the
  rest of this check), **Ignore all** (the personal ignore list, every document),
  **Add to dictionary** (the shared newsroom dictionary), **Close**. Replacements keep the
  word's character format; the search goes on after the replacement.
- When nothing is left the dialog says so and disables the word buttons. An unavailable
  checker shows its reason and checks nothing.
"""

from __future__ import annotations

import html
import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.text.normalize import to_nfc
from editor_app.core.text.spell import SpellChecker
from editor_app.gui.editor.spell_highlighter import (
    MisspelledSpan,
    SpellHighlighter,
    checkable_words,
    checker_lock,
)
from editor_app.gui.editor.spell_menu import (
    SUGGESTION_LIMIT,
    add_to_dictionary,
    ignore_word,
    replace_span,
)

__all__ = ["SpellingDialog", "find_misspellings"]

log = logging.getLogger(__name__)

DONE_TEXT = "वर्तनी जाँच पूरी हुई — कोई और भूल नहीं (Spelling check complete)"
_CONTEXT_CHARS = 60


def find_misspellings(document: QTextDocument, checker: SpellChecker, start: int = 0,
                      skip: frozenset[str] = frozenset()) -> list[MisspelledSpan]:
    """All misspelled words from document ``start`` on, in order (document positions).

    Words in ``skip`` (NFC) are left out. Empty when the checker is unavailable.
    """
    if not checker.available:
        return []
    found: list[MisspelledSpan] = []
    block = document.findBlock(start)
    lock = checker_lock(checker)
    while block.isValid():
        base = block.position()
        for word, a, b in checkable_words(block.text()):
            if base + a < start or to_nfc(word) in skip:
                continue
            with lock:
                ok = checker.is_correct(word)
            if not ok:
                found.append(MisspelledSpan(word, base + a, base + b))
        block = block.next()
    return found


class SpellingDialog(QDialog):
    """Walks the misspellings of ``editor``'s document (see the module contract)."""

    def __init__(self, editor: QTextEdit | QPlainTextEdit, checker: SpellChecker,
                 highlighter: SpellHighlighter | None = None, parent: QWidget | None = None,
                 *, start: int = 0) -> None:
        super().__init__(parent if parent is not None else editor.window())
        self.setWindowTitle("वर्तनी जाँच (Check spelling)")
        self.editor = editor
        self.checker = checker
        self.highlighter = highlighter
        self._position = start
        self._session_ignored: set[str] = set()
        self.current: MisspelledSpan | None = None

        self.status = QLabel("शब्दकोश में नहीं (Not in dictionary):")
        self.context = QLabel()
        self.context.setWordWrap(True)
        self.context.setTextFormat(Qt.TextFormat.RichText)
        self.change_to = QLineEdit()
        self.suggestions = QListWidget()
        self.suggestions.currentTextChanged.connect(
            lambda text: self.change_to.setText(text) if text else None)
        self.suggestions.itemDoubleClicked.connect(lambda _item: self.change())

        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        specs = [
            ("change", "बदलें (Change)", self.change),
            ("change_all", "सभी बदलें (Change all)", self.change_all),
            ("skip", "अगला (Skip/Next)", self.skip),
            ("ignore", "अनदेखा करें (Ignore)", self.ignore),
            ("ignore_all", "हमेशा अनदेखा (Ignore all)", self.ignore_all),
            ("add", "शब्दकोश में जोड़ें (Add to dictionary)", self.add_to_dictionary),
        ]
        for index, (name, label, slot) in enumerate(specs):
            button = QPushButton(label)
            button.setObjectName(f"spelling_{name}")
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            self.buttons[name] = button
            grid.addWidget(button, index // 2, index % 2)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.context)
        layout.addWidget(QLabel("इससे बदलें (Change to):"))
        layout.addWidget(self.change_to)
        layout.addWidget(QLabel("सुझाव (Suggestions):"))
        layout.addWidget(self.suggestions)
        layout.addLayout(grid)
        layout.addWidget(close)
        self.resize(520, 420)

        if not checker.available:
            self._finish(checker.unavailable_reason or "spell-check unavailable")
        else:
            self.next_error()

    # ------------------------------------------------------------------ walking

    @property
    def document(self) -> QTextDocument:
        """The document being checked."""
        return self.editor.document()

    def next_error(self) -> MisspelledSpan | None:
        """Show (and select) the next misspelling from the current position; None at end."""
        skip = frozenset(self._session_ignored)
        found = find_misspellings(self.document, self.checker, self._position, skip)
        if not found:
            self.current = None
            self._finish(DONE_TEXT)
            return None
        self.current = span = found[0]
        self._show(span)
        return span

    def _show(self, span: MisspelledSpan) -> None:
        cursor = QTextCursor(self.document)
        cursor.setPosition(span.start)
        cursor.setPosition(span.end, QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.editor.ensureCursorVisible()
        block = self.document.findBlock(span.start)
        text, base = block.text(), block.position()
        a, b = span.start - base, span.end - base
        left = text[max(0, a - _CONTEXT_CHARS):a]
        right = text[b:b + _CONTEXT_CHARS]
        self.context.setText(
            f"{html.escape(left)}<b><span style='color:#c62828'>{html.escape(text[a:b])}"
            f"</span></b>{html.escape(right)}")
        self.status.setText(f"शब्दकोश में नहीं (Not in dictionary): {span.word}")
        with checker_lock(self.checker):
            suggestions = self.checker.suggest(span.word, SUGGESTION_LIMIT)
        self.suggestions.clear()
        self.suggestions.addItems(suggestions)
        self.change_to.setText(suggestions[0] if suggestions else span.word)
        if suggestions:
            self.suggestions.setCurrentRow(0)
        for button in self.buttons.values():
            button.setEnabled(True)

    def _finish(self, message: str) -> None:
        self.status.setText(message)
        self.context.clear()
        self.suggestions.clear()
        self.change_to.clear()
        for button in self.buttons.values():
            button.setEnabled(False)

    # ------------------------------------------------------------------ actions

    def change(self) -> None:
        """Replace this occurrence by "Change to" (one undo step), then go on."""
        span = self.current
        new = to_nfc(self.change_to.text()).strip()
        if span is None or not new:
            return
        if replace_span(self.document, span, new):
            self._position = span.start + (len(new.encode("utf-16-le")) // 2)
        else:
            self._position = span.end
        self.next_error()

    def change_all(self) -> None:
        """Replace every occurrence of this word by "Change to", as one undo step."""
        span = self.current
        new = to_nfc(self.change_to.text()).strip()
        if span is None or not new:
            return
        word = to_nfc(span.word)
        targets = [s for s in find_misspellings(self.document, self.checker)
                   if to_nfc(s.word) == word]
        cursor = QTextCursor(self.document)
        cursor.beginEditBlock()
        for target in reversed(targets):  # from the end: earlier positions stay valid
            probe = QTextCursor(self.document)
            probe.setPosition(target.start + 1)
            cursor.setPosition(target.start)
            cursor.setPosition(target.end, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(new, probe.charFormat())
        cursor.endEditBlock()
        log.info("spelling: changed %d x %r to %r", len(targets), word, new)
        delta = len(new.encode("utf-16-le")) // 2 - (span.end - span.start)
        before = sum(1 for t in targets if t.start < span.start)
        self._position = span.start + before * delta + (span.end - span.start) + delta
        self.next_error()

    def skip(self) -> None:
        """Leave this occurrence as it is and show the next error."""
        if self.current is not None:
            self._position = self.current.end
        self.next_error()

    def ignore(self) -> None:
        """Skip every occurrence of this word for the rest of this check."""
        if self.current is not None:
            self._session_ignored.add(to_nfc(self.current.word))
        self.skip()

    def ignore_all(self) -> None:
        """Put this word on the personal ignore list (all documents) and go on."""
        span = self.current
        if span is None:
            return
        if ignore_word(self.checker, span.word, self):
            self.skip()

    def add_to_dictionary(self) -> None:
        """Add this word to the shared newsroom dictionary and go on."""
        span = self.current
        if span is None:
            return
        if add_to_dictionary(self.checker, span.word, self):
            self.skip()
