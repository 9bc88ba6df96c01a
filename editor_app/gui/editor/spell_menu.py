"""Context-menu actions for a misspelled word, and their installation on any text editor.

Contract
--------
- :func:`build_spell_actions` returns, for one misspelled span (document positions,
  UTF-16): up to :data:`SUGGESTION_LIMIT` suggestion actions (computed now, when the menu
  opens; a disabled "no suggestions" entry when there are none), a separator,
  "शब्दकोश में जोड़ें (Add to newsroom dictionary)" and "अनदेखा करें (Ignore)".
- A suggestion replaces exactly the word, as one undo step, keeping the character format of
  the word (bold stays bold) and the surrounding text; nothing happens if the document no
  longer holds the word at that place.
- Add puts the word on the shared newsroom dictionary, Ignore on the user's personal
  ignore list; then every live highlighter sharing the checker rechecks the word
  (:func:`~editor_app.gui.editor.spell_highlighter.notify_dictionary_changed`). A highlighter
  with *another* checker on the same database sees the word after ``checker.refresh()``
  and ``rehighlight_all()``. Storage errors are logged and shown, never raised.
- :func:`install_spell_context_menu` works with any ``QTextEdit``/``QPlainTextEdit``: it uses
  the rich editor's ``set_context_menu_provider`` hook when the widget has one, otherwise it
  switches the widget to ``Qt.CustomContextMenu`` and shows the standard menu with the
  spelling actions on top.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction, QTextCursor, QTextDocument
from PySide6.QtWidgets import QMenu, QMessageBox, QPlainTextEdit, QTextEdit, QWidget

from editor_app.core.errors import SampadakError
from editor_app.core.text.normalize import to_nfc
from editor_app.core.text.spell import SpellChecker
from editor_app.gui.editor.menu_extensions import extend_menu
from editor_app.gui.editor.spell_highlighter import (
    MisspelledSpan,
    SpellHighlighter,
    checker_lock,
    notify_dictionary_changed,
)
from editor_app.gui.i18n import translate

__all__ = [
    "SUGGESTION_LIMIT",
    "SpellContextMenu",
    "add_label",
    "add_to_dictionary",
    "build_spell_actions",
    "ignore_label",
    "ignore_word",
    "install_spell_context_menu",
    "no_suggestions_label",
    "replace_span",
]

log = logging.getLogger(__name__)

SUGGESTION_LIMIT = 5


def add_label() -> str:
    """The menu entry that adds the word to the newsroom dictionary."""
    return translate("SpellMenu", "Add to newsroom dictionary")


def ignore_label() -> str:
    """The menu entry that ignores the word in this article."""
    return translate("SpellMenu", "Ignore")


def no_suggestions_label() -> str:
    """The disabled entry shown when the dictionary has no suggestion."""
    return "(" + translate("SpellMenu", "no suggestions") + ")"


TextEditor = QTextEdit | QPlainTextEdit


def replace_span(document: QTextDocument, span: MisspelledSpan, text: str) -> bool:
    """Replace ``span`` (document positions) by ``text`` as one undo step.

    The replacement takes the character format of the word's first character. Returns
    ``False`` (and changes nothing) when the document no longer holds ``span.word`` there.
    """
    cursor = QTextCursor(document)
    cursor.setPosition(span.start)
    cursor.setPosition(span.end, QTextCursor.MoveMode.KeepAnchor)
    if to_nfc(cursor.selectedText()) != to_nfc(span.word):
        log.info("spelling: %r is no longer at %d; not replaced", span.word, span.start)
        return False
    probe = QTextCursor(document)
    probe.setPosition(span.start + 1 if span.end > span.start else span.start)
    cursor.beginEditBlock()
    cursor.insertText(to_nfc(text), probe.charFormat())
    cursor.endEditBlock()
    return True


def _accept_word(checker: SpellChecker, word: str, change: Callable[[str], object],
                 failure: str, parent: QWidget | None) -> bool:
    """Run ``change(word)`` under the checker lock, then recheck the word everywhere."""
    try:
        with checker_lock(checker):
            change(word)
    except (SampadakError, OSError) as exc:  # storage boundary
        log.exception("could not accept %r", word)
        _warn(parent, f"{failure}: {exc}")
        return False
    notify_dictionary_changed(checker, word)
    return True


def add_to_dictionary(checker: SpellChecker, word: str, parent: QWidget | None = None) -> bool:
    """Add ``word`` to the newsroom dictionary and recheck it everywhere; ``False`` on error."""
    return _accept_word(checker, word, checker.add_to_newsroom,
                        translate("SpellMenu", "Could not add the word"), parent)


def ignore_word(checker: SpellChecker, word: str, parent: QWidget | None = None) -> bool:
    """Put ``word`` on the personal ignore list and recheck it everywhere."""
    return _accept_word(checker, word, checker.ignore,
                        translate("SpellMenu", "Could not ignore the word"), parent)


def _warn(parent: QWidget | None, text: str) -> None:
    QMessageBox.warning(parent, translate("SpellMenu", "Spelling"), text)


def build_spell_actions(highlighter: SpellHighlighter, span: MisspelledSpan,
                        parent: QObject, *,
                        replace: Callable[[MisspelledSpan, str], object] | None = None,
                        limit: int = SUGGESTION_LIMIT) -> list[QAction]:
    """The spelling actions for ``span`` (document positions); see the module contract.

    ``replace(span, text)`` defaults to :func:`replace_span` on the highlighter's document.
    Actions are children of ``parent``.
    """
    document = highlighter.document()
    if replace is None:
        def replace(s: MisspelledSpan, text: str) -> bool:
            return document is not None and replace_span(document, s, text)

    checker = highlighter.checker
    with checker_lock(checker):
        suggestions = checker.suggest(span.word, limit)
    widget = parent if isinstance(parent, QWidget) else None
    actions: list[QAction] = []
    for suggestion in suggestions[:limit]:
        action = QAction(suggestion, parent)
        font = action.font()
        font.setBold(True)
        action.setFont(font)
        action.triggered.connect(
            lambda _=False, s=suggestion, do=replace: do(span, s))
        actions.append(action)
    if not actions:
        empty = QAction(no_suggestions_label(), parent)
        empty.setEnabled(False)
        actions.append(empty)
    separator = QAction(parent)
    separator.setSeparator(True)
    actions.append(separator)
    add = QAction(add_label(), parent)
    add.triggered.connect(lambda: add_to_dictionary(checker, span.word, widget))
    ignore = QAction(ignore_label(), parent)
    ignore.triggered.connect(lambda: ignore_word(checker, span.word, widget))
    actions += [add, ignore]
    return actions


class SpellContextMenu(QObject):
    """Spelling entries in one editor's context menu (made by
    :func:`install_spell_context_menu`; keeps the actions of the last menu alive)."""

    def __init__(self, text_edit: TextEditor, highlighter: SpellHighlighter) -> None:
        super().__init__(text_edit)
        self.text_edit = text_edit
        self.highlighter = highlighter
        self._last: list[QAction] = []
        self.exec_menu: Callable[[QMenu, QPoint], object] = QMenu.exec
        """Shows the menu at a global position (modal); replaceable in tests."""
        provider_hook = getattr(text_edit, "set_context_menu_provider", None)
        self.uses_provider_hook = callable(provider_hook)
        if callable(provider_hook):
            provider_hook(self.provide)
        else:
            text_edit.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            text_edit.customContextMenuRequested.connect(self.show_menu)

    def actions_at(self, position: int) -> list[QAction]:
        """Spelling actions for the misspelled word at document ``position`` (or none)."""
        for action in self._last:
            action.deleteLater()
        self._last = []
        if not self.highlighter.available or not self.highlighter.is_enabled():
            return []
        span = self.highlighter.misspelling_at(position)
        if span is None:
            return []
        self._last = build_spell_actions(self.highlighter, span, self.text_edit)
        return self._last

    def provide(self, word: str, start: int, end: int) -> list[QAction]:
        """``RichTextEdit`` provider hook: actions when ``word`` at [start, end) is wrong."""
        span = self.highlighter.misspelling_at(start)
        if span is None or (span.start, span.end) != (start, end):
            return []
        return self.actions_at(start)

    def build_menu(self, pos: QPoint) -> QMenu:
        """The standard menu for viewport ``pos`` with the spelling actions on top."""
        edit = self.text_edit
        cursor = edit.cursorForPosition(pos)
        doc_pos = QPoint(pos.x() + edit.horizontalScrollBar().value(),
                         pos.y() + edit.verticalScrollBar().value())
        menu = edit.createStandardContextMenu(doc_pos)
        extend_menu(edit, menu)  # entries of other features (comments)
        actions = self.actions_at(cursor.position())
        existing = menu.actions()
        if actions and existing:
            menu.insertActions(existing[0], actions)
            menu.insertSeparator(existing[0])
        elif actions:
            menu.addActions(actions)
        return menu

    def show_menu(self, pos: QPoint) -> None:
        """``customContextMenuRequested`` slot: ``pos`` is in viewport coordinates."""
        menu = self.build_menu(pos)
        self.exec_menu(menu, self.text_edit.viewport().mapToGlobal(pos))
        menu.deleteLater()


def install_spell_context_menu(text_edit: TextEditor,
                               highlighter: SpellHighlighter) -> SpellContextMenu:
    """Give ``text_edit``'s context menu the spelling actions of ``highlighter``.

    The returned object is a child of ``text_edit`` (no need to keep a reference).
    """
    return SpellContextMenu(text_edit, highlighter)
