"""Keyboard on the desk: Tab between fields, go-to shortcuts, the shortcuts page, trash + Undo."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QToolBar

from editor_app.core.articles import ArticleService
from editor_app.gui.i18n import short_label, translate
from editor_app.gui.shortcuts import (
    KEYS_WITHOUT_ACTIONS,
    ShortcutsDialog,
    action_label,
    collect_shortcuts,
    find_conflicts,
    key_text,
    shortcut_actions,
)
from tests.gui.typing import type_text


def settle(window) -> None:
    """Let the window's background jobs (saves, loads, trash, restore) deliver."""
    assert window.tasks.wait_idle()


def focused():
    return QApplication.focusWidget()


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    widget = focused()
    assert widget is not None
    qtbot.keyClick(widget, key, modifier)


def test_tab_walks_headline_dek_body_and_on_without_typing_tabs(qtbot, make_window):
    window = make_window()
    meta = window.metadata
    meta.headline.setFocus()
    qtbot.waitUntil(lambda: focused() is meta.headline)
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is meta.dek
    type_text(meta.dek, "सार")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is window.editor.text_edit
    assert "\t" not in meta.dek.toPlainText()
    body_before = window.editor.text_edit.toPlainText()
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is meta.bylines.table  # the rest of the details follows the body
    assert window.editor.text_edit.toPlainText() == body_before
    press(qtbot, Qt.Key.Key_Tab)  # leaves the table instead of walking its cells
    assert focused() is meta.bylines.add_button
    for _ in range(3):
        press(qtbot, Qt.Key.Key_Backtab)
    assert focused() is meta.dek
    press(qtbot, Qt.Key.Key_Backtab)
    assert focused() is meta.headline
    assert "\t" not in meta.headline.text()


def test_tab_in_phonetic_mode_converts_and_moves_on(qtbot, make_window):
    window = make_window()
    window.new_action.trigger()
    settle(window)
    window.phonetic_action.setChecked(True)
    headline = window.metadata.headline
    headline.setFocus()
    type_text(headline, "bharat")
    press(qtbot, Qt.Key.Key_Tab)
    assert headline.text() == "भारत"
    assert focused() is window.metadata.dek


def test_go_to_shortcuts_focus_fields_even_in_hidden_tabs_and_panels(qtbot, make_window):
    window = make_window()
    window.side_tabs.setCurrentIndex(2)  # images tab: the headline is hidden
    window.panels.set_panel_open(0, False)  # list collapsed
    window.editor.text_edit.setFocus()
    qtbot.waitUntil(lambda: focused() is window.editor.text_edit)
    press(qtbot, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert focused() is window.metadata.headline
    assert window.side_tabs.currentIndex() == 0
    press(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert focused() is window.metadata.dek
    press(qtbot, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert focused() is window.editor.text_edit
    press(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert focused() is window.article_list.search_box
    assert not window.panels.is_collapsed(0)  # the list opened to show the search box
    press(qtbot, Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)
    assert focused() is window.article_list.table
    press(qtbot, Qt.Key.Key_6, Qt.KeyboardModifier.AltModifier)
    assert window.side_tabs.currentIndex() == 1


def test_shortcut_page_lists_every_action_with_a_shortcut(qtbot, make_window):
    window = make_window()
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    shown = {(row.action, row.keys) for row in dialog.shown_rows()}
    actions = shortcut_actions(window)
    assert len(actions) >= 30
    for action in actions:
        keys = tuple(key_text(k) for k in action.shortcuts())
        assert (action_label(action), keys) in shown, action.text()
    for key_name, what in KEYS_WITHOUT_ACTIONS:
        assert (translate("ShortcutsDialog", what),
                (short_label("ShortcutsDialog", key_name),)) in shown
    assert len(dialog.shown_rows()) == len(collect_shortcuts(window))
    labels = {row.action for row in dialog.shown_rows()}
    for expected in ("शीर्षक पर जाएं (Go to headline)", "खोज पर जाएं (Go to search)",
                     "रद्दी में डालें (Trash)", "गहरा (Bold)"):
        assert expected in labels


def test_shortcut_page_opens_from_the_help_menu_with_f1(qtbot, make_window, monkeypatch):
    window = make_window()
    opened: list[ShortcutsDialog] = []
    def fake_exec(self: ShortcutsDialog) -> int:
        opened.append(self)
        return 0

    monkeypatch.setattr(ShortcutsDialog, "exec", fake_exec)
    help_menu = next(a.menu() for a in window.menuBar().actions() if "Help" in a.text())
    assert window.shortcuts_action in help_menu.actions()
    window.editor.text_edit.setFocus()
    qtbot.waitUntil(lambda: focused() is window.editor.text_edit)
    press(qtbot, Qt.Key.Key_F1)
    assert len(opened) == 1


def test_no_two_actions_share_a_key_and_every_toolbar_action_is_in_a_menu(qtbot, make_window):
    window = make_window()
    assert find_conflicts(window.findChildren(QAction)) == []
    in_menus: set[int] = set()
    for menu in window.findChildren(QMenu):
        in_menus.update(id(a) for a in menu.actions())
    for toolbar in window.findChildren(QToolBar):
        for action in toolbar.actions():
            if not action.isSeparator() and action.text():
                assert id(action) in in_menus, action.text()


def test_conflict_finder_catches_a_duplicate(qtbot, make_window):
    window = make_window()
    clash = QAction("दूसरा (Other)", window)
    clash.setShortcut("Ctrl+L")
    window.addAction(clash)
    conflicts = find_conflicts(window.findChildren(QAction))
    assert conflicts == [("Ctrl+L", ["खोज पर जाएं (Go to search)", "दूसरा (Other)"])]


def test_delete_in_list_trashes_without_asking_and_undo_restores(qtbot, make_window, gui_db):
    window = make_window()
    article = window.record
    window.article_list.table.setFocus()
    qtbot.waitUntil(lambda: focused() is window.article_list.table)
    press(qtbot, Qt.Key.Key_Delete)  # no dialog: a QMessageBox would block here
    settle(window)
    service = ArticleService(gui_db)
    assert service.get(article.id).trashed
    notice = window.trash_notice
    assert notice.isVisible() and "रद्दी में डाला गया" in notice.label.text()
    assert article.data.headline[:20] in notice.label.text()
    qtbot.mouseClick(notice.button, Qt.MouseButton.LeftButton)
    settle(window)
    assert not service.get(article.id).trashed
    assert window.record.id == article.id and not window.record.trashed
    assert window.article_list.current_id() == article.id
    assert not notice.isVisible() and not notice.undo_action.isEnabled()


def test_trash_keys_never_eat_word_deletion_in_a_field(qtbot, make_window, gui_db):
    window = make_window()
    article = window.record
    service = ArticleService(gui_db)
    headline = window.metadata.headline
    headline.setFocus()
    headline.setCursorPosition(0)
    qtbot.waitUntil(lambda: focused() is headline)
    before = headline.text()
    for key in (Qt.Key.Key_Delete,):
        press(qtbot, key, Qt.KeyboardModifier.ControlModifier)
    assert not service.get(article.id).trashed  # in a text field Ctrl+Delete deletes a word
    assert headline.text() != before and before.endswith(headline.text())
    window.article_list.table.setFocus()
    qtbot.waitUntil(lambda: focused() is window.article_list.table)
    press(qtbot, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    settle(window)
    assert service.get(article.id).trashed
    window.trash_notice.undo_action.trigger()  # File → Undo trash
    settle(window)
    assert not service.get(article.id).trashed
    window.editor.text_edit.setFocus()  # window-wide: Ctrl+Shift+Delete, from any field
    qtbot.waitUntil(lambda: focused() is window.editor.text_edit)
    press(qtbot, Qt.Key.Key_Delete,
          Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    settle(window)
    assert service.get(article.id).trashed


def test_escape_closes_the_find_bar_and_returns_to_the_text(qtbot, make_window):
    window = make_window()
    body = window.editor.text_edit
    body.setFocus()
    qtbot.waitUntil(lambda: focused() is body)
    press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.editor.find_bar
    assert bar.isVisible() and focused() is bar.find_edit
    press(qtbot, Qt.Key.Key_Escape)
    assert not bar.isVisible() and focused() is body
