"""Shared editor hooks: named extra-selection layers and context-menu extensions."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QMenu, QTextEdit

from editor_app.gui.editor.menu_extensions import add_menu_extension
from editor_app.gui.editor.selection_layers import layer, set_layer


def _selection(edit: QTextEdit, start: int, end: int) -> QTextEdit.ExtraSelection:
    selection = QTextEdit.ExtraSelection()
    cursor = QTextCursor(edit.document())
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    selection.cursor = cursor
    return selection


def test_layers_do_not_wipe_each_other(qtbot):
    edit = QTextEdit()
    qtbot.addWidget(edit)
    edit.setPlainText("सरकार ने मजबूत योजना बनाई")
    set_layer(edit, "comments", [_selection(edit, 0, 5)])
    set_layer(edit, "suggestions", [_selection(edit, 9, 14), _selection(edit, 15, 20)])
    assert len(edit.extraSelections()) == 3
    set_layer(edit, "comments", [])
    assert [s.cursor.selectedText() for s in edit.extraSelections()] == ["मजबूत", "योजना"]
    assert layer(edit, "comments") == []
    assert edit.toPlainText() == "सरकार ने मजबूत योजना बनाई"  # never in the document


def test_menu_extension_adds_entries_and_a_broken_one_is_skipped(rich):
    edit = rich.text_edit

    def broken(_menu: QMenu) -> None:
        raise RuntimeError("bug in a feature")

    def good(menu: QMenu) -> None:
        menu.addAction(QAction("विशेष (Special)", menu))

    add_menu_extension(edit, broken)
    add_menu_extension(edit, good)
    menu = edit.build_context_menu(QPoint(2, 2))
    texts = [a.text() for a in menu.actions()]
    assert texts[-1] == "विशेष (Special)"
    assert len(texts) > 2  # the standard entries are still there
