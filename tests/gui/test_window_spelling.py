"""Issue bar, end to end in the main window: type Hindi (also phonetically), see a typo
underlined, fix it from the context menu, add a name to the newsroom dictionary and see the
underline vanish in a second article."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from editor_app.core.article_data import ArticleData
from editor_app.core.articles import ArticleService
from editor_app.core.dictionary import NewsroomDictionary
from editor_app.gui.editor.spell_menu import add_label
from tests.conftest import skip_unless_spelling
from tests.gui.test_spell_highlighter import all_underlines
from tests.gui.typing import type_text

NAME = "खटखटौली"  # a village no word list knows (no place suffix such as -पुर)


def settle(window, qtbot):
    assert window.tasks.wait_idle()  # background loads and saves delivered
    QApplication.processEvents()
    qtbot.waitUntil(lambda: not window.spell_highlighter.warming, timeout=5000)
    QApplication.processEvents()


def menu_at(edit, text_index):
    cursor = QTextCursor(edit.document())
    cursor.setPosition(text_index)
    return edit.build_context_menu(edit.cursorRect(cursor).center())


def test_typo_underlined_fixed_from_menu_and_dictionary_shared(qtbot, make_window, gui_db):
    window = make_window()
    if not window.spell_highlighter.available:
        skip_unless_spelling(window.spell_highlighter.unavailable_reason)
    window.new_action.trigger()
    assert window.tasks.wait_idle()
    edit = window.editor.text_edit
    window.phonetic_action.trigger()
    type_text(edit, "sarkar ne ")  # phonetic: सरकार ने
    window.phonetic_action.trigger()
    type_text(edit, f"सडक बनाई और {NAME} गाँव तक पहुँचाई।")
    settle(window, qtbot)
    text = edit.toPlainText()
    assert text.startswith("सरकार ने सडक")
    flagged = {word for _pos, _len, word in all_underlines(edit)}
    assert flagged == {"सडक", NAME}

    menu = menu_at(edit, text.index("सडक") + 1)
    suggestion = menu.actions()[0]
    assert suggestion.text() == "सड़क"
    suggestion.trigger()
    menu.deleteLater()
    settle(window, qtbot)
    assert "सड़क बनाई" in edit.toPlainText()

    menu = menu_at(edit, edit.toPlainText().index(NAME) + 2)
    add = next(a for a in menu.actions() if a.text() == add_label())
    add.trigger()
    menu.deleteLater()
    assert NAME in NewsroomDictionary(gui_db).words()
    settle(window, qtbot)
    assert all_underlines(edit) == []

    second = ArticleService(gui_db, "x").create(
        ArticleData(headline="दूसरी ख़बर", body=f"{NAME} में नया पुल बना।\n"))
    window.reload_list(second.id)
    window.open_article(second.id)
    settle(window, qtbot)
    assert window.editor.text_edit.toPlainText().startswith(NAME)
    assert all_underlines(window.editor.text_edit) == []
