r""""Check spelling" dialog: walks through every misspelled word of the story's fields in order.

Contract
--------
- The dialog walks one editor, or a sequence of :class:`SpellField` stops (the main window
  passes headline, dek, body, then each image caption); the field being checked is named
  above the word. A field's ``prepare`` runs before it is searched (it may skip it), its
  ``commit`` after the dialog changed its text.
- In each field, errors are found from position ``start`` (default 0; the first field) to
  the end, in order, with
  the same words and offsets as the highlighter (``checkable_words`` + the checker); each is
  selected in the editor and shown in context with up to :data:`SUGGESTION_LIMIT`
  suggestions (computed when the word is shown; the first one pre-fills "Change to").
- Buttons: **Change** (this occurrence), **Change all** (every occurrence of the same word,
  one undo step), **Skip/Next** (leave this occurrence), **Ignore** (skip this word for the
  rest of this check), **Ignore all** (the personal ignore list, every document),
  **Add to dictionary** (the shared newsroom dictionary), **Close**. Replacements keep the
  word's character format; the search goes on after the replacement.
- **Change all** changes the word in every field that needs no ``prepare`` (headline, dek,
  body) and in the current one, one undo step per field.
- The context line shows whole aksharas and whole words: it is cut at a space (or, inside
  one huge word, at a grapheme cluster boundary, regex ``\X``), never inside a cluster, so
  no dotted circle starts it and no word is cut in half at its end; a cut is marked ``…``.
- When nothing is left the dialog says so and disables the word buttons. An unavailable
  checker shows its reason and checks nothing.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Sequence

import regex
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
from editor_app.gui.accessibility import name_from_labels
from editor_app.gui.editor.spell_fields import SpellField
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
from editor_app.gui.editor.utf16 import Utf16Map
from editor_app.gui.i18n import translate
from editor_app.gui.theme import colours

__all__ = ["SpellingDialog", "context_snippet", "find_misspellings"]

log = logging.getLogger(__name__)



def done_text() -> str:
    """What the dialog says when no misspelling is left."""
    return translate("SpellingDialog", "Spelling check complete")

_CONTEXT_CHARS = 60
_CLUSTER = regex.compile(r"\X")
_SPACE = regex.compile(r"\s")
ELLIPSIS = "…"


def context_snippet(text: str, start: int, end: int,
                    limit: int = _CONTEXT_CHARS) -> tuple[str, str, str]:
    """``(before, word, after)`` around code points ``[start, end)`` of ``text``.

    ``before`` and ``after`` hold at most about ``limit`` code points each; when cut they
    are cut at a space (whole words) or, with no space near, at a grapheme cluster boundary,
    and marked with ``…``. A cut never falls inside an akshara.
    """
    before, word, after = text[:start], text[start:end], text[end:]
    if len(before) > limit:
        tail = before[-limit:]
        space = _SPACE.search(tail)
        if space is not None and space.end() < len(tail):
            tail = tail[space.end():]
        else:
            kept: list[str] = []
            size = 0
            for cluster in reversed(_CLUSTER.findall(before)):
                if kept and size + len(cluster) > limit:
                    break
                kept.append(cluster)
                size += len(cluster)
            tail = "".join(reversed(kept))
        before = ELLIPSIS + tail
    if len(after) > limit:
        head = after[:limit + 1]
        spaces = [m.start() for m in _SPACE.finditer(head)]
        if spaces and spaces[-1] > 0:
            head = head[:spaces[-1]]
        else:
            kept, size = [], 0
            for cluster in _CLUSTER.findall(after):
                if kept and size + len(cluster) > limit:
                    break
                kept.append(cluster)
                size += len(cluster)
            head = "".join(kept)
        after = head + ELLIPSIS
    return before, word, after


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
    """Walks the misspellings of one editor or of several fields (see the module contract)."""

    def __init__(self, editor: QTextEdit | QPlainTextEdit | Sequence[SpellField],
                 checker: SpellChecker, highlighter: SpellHighlighter | None = None,
                 parent: QWidget | None = None, *, start: int = 0) -> None:
        if isinstance(editor, QTextEdit | QPlainTextEdit):
            fields: list[SpellField] = [SpellField("", editor, highlighter)]
        else:
            fields = list(editor)
        if not fields:
            raise ValueError("SpellingDialog needs at least one field")
        super().__init__(parent if parent is not None else fields[0].widget.window())
        self.setWindowTitle(translate("SpellingDialog", "Check spelling"))
        self.fields = fields
        self.checker = checker
        self._field = 0
        self._prepared = False
        self._position = start
        self._session_ignored: set[str] = set()
        self.current: MisspelledSpan | None = None

        self.field_label = QLabel()
        self.status = QLabel(translate("SpellingDialog", "Not in dictionary") + ":")
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
            ("change", translate("SpellingDialog", "Change"), self.change),
            ("change_all", translate("SpellingDialog", "Change all"), self.change_all),
            ("skip", translate("SpellingDialog", "Skip/Next"), self.skip),
            ("ignore", translate("SpellingDialog", "Ignore"), self.ignore),
            ("ignore_all", translate("SpellingDialog", "Ignore all"), self.ignore_all),
            ("add", translate("SpellingDialog", "Add to dictionary"), self.add_to_dictionary),
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
        # Enter (in "Change to" or the list) changes the word; Escape closes
        self.buttons["change"].setDefault(True)

        layout = QVBoxLayout(self)
        layout.addWidget(self.field_label)
        layout.addWidget(self.status)
        layout.addWidget(self.context)
        layout.addWidget(QLabel(translate("SpellingDialog", "Change to") + ":"))
        layout.addWidget(self.change_to)
        layout.addWidget(QLabel(translate("SpellingDialog", "Suggestions") + ":"))
        layout.addWidget(self.suggestions)
        layout.addLayout(grid)
        layout.addWidget(close)
        self.resize(520, 420)
        name_from_labels(self)

        if not checker.available:
            self._finish(checker.unavailable_reason or "spell-check unavailable")
        else:
            self.next_error()

    # ------------------------------------------------------------------ walking

    @property
    def field(self) -> SpellField:
        """The field being checked (the last one once the walk is over)."""
        return self.fields[min(self._field, len(self.fields) - 1)]

    @property
    def editor(self) -> QTextEdit | QPlainTextEdit:
        """The widget of the field being checked."""
        return self.field.widget

    @property
    def highlighter(self) -> SpellHighlighter | None:
        """The highlighter of the field being checked (if any)."""
        return self.field.highlighter

    @property
    def document(self) -> QTextDocument:
        """The document being checked."""
        return self.editor.document()

    def next_error(self) -> MisspelledSpan | None:
        """Show (and select) the next misspelling from the current position, going on to
        the next fields; None at the end of the last one."""
        skip = frozenset(self._session_ignored)
        while self._field < len(self.fields):
            field = self.fields[self._field]
            if not self._prepared:
                self._prepared = True
                if field.prepare is not None and not field.prepare():
                    self._advance_field()
                    continue
            found = find_misspellings(field.widget.document(), self.checker, self._position,
                                      skip)
            if found:
                self.current = span = found[0]
                self._show(span)
                return span
            self._advance_field()
        self.current = None
        self._finish(done_text())
        return None

    def _advance_field(self) -> None:
        self._field += 1
        self._position = 0
        self._prepared = False

    def _show(self, span: MisspelledSpan) -> None:
        cursor = QTextCursor(self.document)
        cursor.setPosition(span.start)
        cursor.setPosition(span.end, QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.editor.ensureCursorVisible()
        block = self.document.findBlock(span.start)
        text, base = block.text(), block.position()
        mapping = Utf16Map(text)
        a, b = mapping.to_code_point(span.start - base), mapping.to_code_point(span.end - base)
        left, word, right = context_snippet(text, a, b)
        self.context.setText(
            f"{html.escape(left)}<b><span style='color:{colours().error_text}'>{html.escape(word)}"
            f"</span></b>{html.escape(right)}")
        label = self.field.label
        self.field_label.setText(f"<b>{html.escape(label)}</b>" if label else "")
        self.status.setText(translate("SpellingDialog", "Not in dictionary") + f": {span.word}")
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
        self.field_label.clear()
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
            self._commit(self.field)
        else:
            self._position = span.end
        self.next_error()

    def change_all(self) -> None:
        """Replace every occurrence of this word by "Change to" in every field that needs no
        preparing and in this one (one undo step per field)."""
        span = self.current
        new = to_nfc(self.change_to.text()).strip()
        if span is None or not new:
            return
        word = to_nfc(span.word)
        current = self.field
        before = sum(1 for s in find_misspellings(self.document, self.checker)
                     if to_nfc(s.word) == word and s.start < span.start)
        for field in self.fields:
            other = field.prepare is None and field.widget is not current.widget
            if (field is current or other) and self._change_everywhere(
                    field.widget.document(), word, new):
                self._commit(field)
        delta = len(new.encode("utf-16-le")) // 2 - (span.end - span.start)
        self._position = span.start + before * delta + (span.end - span.start) + delta
        self.next_error()

    def _change_everywhere(self, document: QTextDocument, word: str, new: str) -> int:
        """Replace every misspelled ``word`` in ``document`` by ``new`` (one undo step)."""
        targets = [s for s in find_misspellings(document, self.checker)
                   if to_nfc(s.word) == word]
        if not targets:
            return 0
        cursor = QTextCursor(document)
        cursor.beginEditBlock()
        for target in reversed(targets):  # from the end: earlier positions stay valid
            probe = QTextCursor(document)
            probe.setPosition(target.start + 1)
            cursor.setPosition(target.start)
            cursor.setPosition(target.end, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(new, probe.charFormat())
        cursor.endEditBlock()
        log.info("spelling: changed %d x %r to %r", len(targets), word, new)
        return len(targets)

    @staticmethod
    def _commit(field: SpellField) -> None:
        if field.commit is not None:
            field.commit()

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
