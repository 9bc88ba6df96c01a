"""Spell-check beyond the body: headline, dek, captions and bylines get underlines and the
spelling menu from the one shared checker; Check spelling walks headline, dek, body and
captions in that order."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import QColor, QContextMenuEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from editor_app.core import assets
from editor_app.core.article_data import BylineData
from editor_app.core.dictionary import NewsroomDictionary
from editor_app.gui.dialogs.spelling_dialog import SpellingDialog, done_text
from editor_app.gui.editor.line_text_edit import LineTextEdit
from editor_app.gui.editor.spell_highlighter import SpellHighlighter
from editor_app.gui.editor.spell_menu import SpellContextMenu, add_label
from editor_app.gui.main_window import MainWindow
from tests.conftest import skip_unless_spelling
from tests.gui.test_images_panel import png_file
from tests.gui.test_spell_highlighter import underlines
from tests.gui.typing import type_text

TYPO, FIXED = "मजूबत", "मजबूत"
NAME = "खटखटौली"  # a village no word list knows (no place suffix such as -पुर)


def spelled_window(make_window) -> MainWindow:
    window = make_window()
    if not window.spell_highlighter.available:
        skip_unless_spelling(window.spell_highlighter.unavailable_reason)
    window.new_action.trigger()
    assert window.tasks.wait_idle()
    assert isinstance(window, MainWindow)
    return window


def settle(highlighter: SpellHighlighter, qtbot: QtBot) -> None:
    QApplication.processEvents()
    qtbot.waitUntil(lambda: not highlighter.warming, timeout=5000)
    QApplication.processEvents()


def right_click(widget: LineTextEdit, index: int, monkeypatch: pytest.MonkeyPatch,
                pick: str | None = None) -> list[str]:
    """Right-click on code point ``index`` of ``widget``; trigger ``pick`` (or the first
    entry) of the menu that opens and return the menu's entries."""
    shown: list[list[str]] = []

    def fake_exec(menu: QMenu, _where: QPoint) -> None:
        texts = [a.text() for a in menu.actions()]
        shown.append(texts)
        action = menu.actions()[texts.index(pick) if pick else 0]
        action.trigger()

    menu = widget.findChild(SpellContextMenu)
    assert isinstance(menu, SpellContextMenu)
    monkeypatch.setattr(menu, "exec_menu", fake_exec)
    cursor = QTextCursor(widget.document())
    cursor.setPosition(index)
    pos = widget.cursorRect(cursor).center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos,
                              widget.viewport().mapToGlobal(pos))
    QApplication.sendEvent(widget.viewport(), event)
    assert shown, "no spelling menu opened"
    return shown[0]


def test_headline_typo_is_underlined_and_fixed_from_the_menu(
        qtbot: QtBot, make_window, monkeypatch: pytest.MonkeyPatch) -> None:
    window = spelled_window(make_window)
    headline = window.metadata.headline
    highlighter = window.metadata.spell_highlighters["headline"]
    assert highlighter.checker is window.speller  # one shared checker
    headline.setFocus()
    text = f"बाढ़ के बाद {TYPO} पुल"
    type_text(headline, text)
    settle(highlighter, qtbot)
    assert headline.text() == text
    assert underlines(headline.document().begin()) == [(text.index(TYPO), len(TYPO))]

    entries = right_click(headline, text.index(TYPO) + 1, monkeypatch)
    assert entries[0] == FIXED and add_label() in entries
    settle(highlighter, qtbot)
    assert headline.text() == text.replace(TYPO, FIXED)
    assert underlines(headline.document().begin()) == []
    window.save_now()
    assert window.tasks.wait_idle()
    assert window.record is not None and window.record.data.headline == text.replace(TYPO, FIXED)


def test_add_from_the_headline_clears_the_word_in_the_body_too(
        qtbot: QtBot, make_window, monkeypatch: pytest.MonkeyPatch, gui_db) -> None:
    window = spelled_window(make_window)
    headline = window.metadata.headline
    headline.setText(f"{NAME} में बाढ़")
    window.editor.text_edit.setPlainText(f"गाँव {NAME} में पानी भरा।")
    settle(window.spell_highlighter, qtbot)
    settle(window.metadata.spell_highlighters["headline"], qtbot)
    assert underlines(headline.document().begin()) == [(0, len(NAME))]
    body_block = window.editor.text_edit.document().begin()
    assert underlines(body_block) != []
    right_click(headline, 2, monkeypatch, pick=add_label())
    assert NAME in NewsroomDictionary(gui_db).words()
    settle(window.spell_highlighter, qtbot)
    assert underlines(headline.document().begin()) == []
    assert underlines(window.editor.text_edit.document().begin()) == []


def test_dek_is_spell_checked(qtbot: QtBot, make_window) -> None:
    window = spelled_window(make_window)
    dek = window.metadata.dek
    dek.setFocus()
    type_text(dek, "लोग पढें और जानें")
    settle(window.metadata.spell_highlighters["dek"], qtbot)
    assert underlines(dek.document().begin()) == [(4, len("पढें"))]


def test_headline_field_behaves_like_a_line_edit(qtbot: QtBot, make_window) -> None:
    window = spelled_window(make_window)
    headline = window.metadata.headline
    headline.setFocus()
    type_text(headline, "पहली पंक्ति\n")  # Enter inserts nothing
    assert headline.text() == "पहली पंक्ति"
    assert headline.document().blockCount() == 1
    with qtbot.waitSignal(headline.editingFinished, timeout=1000):
        qtbot.keyClick(headline, Qt.Key.Key_Return)
    mime = QMimeData()
    mime.setText(" दो\nपंक्तियां\r\nएक")
    headline.insertFromMimeData(mime)
    assert headline.text() == "पहली पंक्ति दो पंक्तियां एक"
    headline.setText("क\nख")
    assert headline.text() == "क ख"
    qtbot.keyClick(headline, Qt.Key.Key_Tab)  # Tab moves on, never a tab character
    assert "\t" not in headline.text()
    assert QApplication.focusWidget() is not headline
    assert headline.height() < 3 * headline.fontMetrics().lineSpacing()


def test_caption_is_underlined(qtbot: QtBot, make_window, tmp_path) -> None:
    window = spelled_window(make_window)
    panel = window.images
    assert panel.add_file(png_file(tmp_path)) is not None
    panel.caption.setFocus()
    type_text(panel.caption, f"{TYPO} बांध")
    assert panel.caption_highlighter is not None
    settle(panel.caption_highlighter, qtbot)
    assert underlines(panel.caption.document().begin()) == [(0, len(TYPO))]


def test_dialog_walks_headline_dek_body_then_captions(
        qtbot: QtBot, make_window, monkeypatch: pytest.MonkeyPatch, tmp_path, gui_db) -> None:
    window = spelled_window(make_window)
    info = window.images.add_file(png_file(tmp_path))
    assert info is not None
    window.images.caption.setText("गाँव में बाढ का पानी")
    window.images.save_current()
    window.editor.text_edit.setPlainText("सरकार ने सडक बनाई।")
    window.metadata.dek.setPlainText("लोग पढें")
    window.metadata.headline.setText(f"बाढ़ के बाद {TYPO} पुल")
    visited: list[tuple[str, str]] = []

    def walk(dialog: SpellingDialog) -> int:
        while dialog.current is not None:
            visited.append((dialog.field.label, dialog.current.word))
            if dialog.current.word == "बाढ":  # fix the caption from the dialog
                dialog.change_to.setText("बाढ़")
                dialog.buttons["change"].click()
            else:
                dialog.buttons["skip"].click()
        assert dialog.status.text() == done_text()
        return 0

    monkeypatch.setattr(SpellingDialog, "exec", walk)
    window.spelling_action.trigger()
    assert [word for _label, word in visited] == [TYPO, "पढें", "सडक", "बाढ"]
    labels = [label for label, _word in visited]
    assert "Headline" in labels[0] and "Dek" in labels[1] and "Body" in labels[2]
    assert "Caption" in labels[3]
    assert window.record is not None
    (stored,) = assets.list_assets(gui_db, window.record.id)
    assert stored.caption == "गाँव में बाढ़ का पानी"  # the dialog's change was stored


def test_byline_cells_are_underlined_and_fixed_from_a_right_click(
        qtbot: QtBot, make_window, monkeypatch: pytest.MonkeyPatch) -> None:
    window = spelled_window(make_window)
    bylines = window.metadata.bylines
    bylines.set_bylines([BylineData("नेहा त्रिपाठी", "Neha Tripathi", "संवाददता", "दैनिक ख़बर")])
    delegate = bylines.spelling
    assert delegate is not None and delegate.checker is window.speller
    assert delegate.misspelled("संवाददता") == [(0, len("संवाददता"))]
    assert delegate.misspelled("संवाददाता") == []
    table = bylines.table
    window.side_tabs.setCurrentIndex(0)
    QApplication.processEvents()
    typo_rect = table.visualRect(table.model().index(0, 2))
    fixed_rect = table.visualRect(table.model().index(0, 3))
    assert red_pixels(table, typo_rect) > 0  # the wavy underline is painted
    assert red_pixels(table, fixed_rect) == 0

    shown: list[list[str]] = []

    def fake_exec(menu: QMenu, _where: QPoint) -> None:
        shown.append([a.text() for a in menu.actions()])
        menu.actions()[0].trigger()

    monkeypatch.setattr(QMenu, "exec", fake_exec)
    assert delegate.show_spelling_menu(table, typo_rect.center())
    assert shown and shown[0][0] == "संवाददाता"
    assert delegate.editor is not None and delegate.editor.text() == "संवाददाता"
    qtbot.keyClick(delegate.editor, Qt.Key.Key_Return)  # commit the cell
    QApplication.processEvents()
    assert bylines.bylines()[0].designation == "संवाददाता"


def red_pixels(table, rect) -> int:
    image = table.viewport().grab(rect).toImage()
    count = 0
    for y in range(image.height()):
        for x in range(image.width()):
            color = QColor(image.pixel(x, y))
            if color.red() - color.green() > 60 and color.red() - color.blue() > 60:
                count += 1
    return count


def test_phonetic_typing_works_in_the_headline(qtbot: QtBot, make_window) -> None:
    window = spelled_window(make_window)
    headline = window.metadata.headline
    headline.setFocus()
    window.phonetic_action.setChecked(True)
    type_text(headline, "bharat mein barish\n")
    window.phonetic_action.setChecked(False)
    assert headline.text() == "भारत में बारिश"  # Enter converted the last word, no newline


def test_byline_painting_never_waits_for_the_word_lists(qtbot: QtBot) -> None:
    """Cells paint plain while the checker's word lists load, then get their underline."""
    from editor_app.core.text.spell import create_spell_checker
    from editor_app.gui.byline_editor import BylineEditor

    checker = create_spell_checker(None, None)
    if not checker.available:
        skip_unless_spelling(checker.unavailable_reason)
    assert not checker.ready  # lists load on first use
    editor = BylineEditor()
    qtbot.addWidget(editor)
    editor.attach_spelling(checker)
    editor.set_bylines([BylineData("नेहा", "Neha", "संवाददता", "")])
    editor.resize(520, 160)
    editor.show()
    qtbot.waitExposed(editor)
    table = editor.table
    rect = table.visualRect(table.model().index(0, 2))
    assert red_pixels(table, rect) == 0
    assert not checker.ready  # painting did not load the lists on the GUI thread
    checker.preload()
    qtbot.waitUntil(lambda: red_pixels(table, rect) > 0, timeout=3000)
