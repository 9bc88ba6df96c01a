"""Full keyboard operation (issue 13 item 5.2): mnemonics on every menu entry, a key for
every side tab that lands inside the tab, default and Escape buttons in the dialogs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QPushButton

from editor_app.gui.keyboard_access import assign_mnemonics, mnemonic
from tests.gui.test_accessibility import _dialogs


def _menus(menu: QMenu):
    yield menu
    for action in menu.actions():
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            yield from _menus(submenu)


def test_mnemonic_reads_the_letter_after_the_ampersand():
    assert mnemonic("सहेजें (&Save)") == "s"
    assert mnemonic("A && B (&Both)") == "b"
    assert mnemonic("बिना (none)") == ""


def test_assign_gives_free_letters_from_the_english_part(qtbot):
    menu = QMenu()
    first = menu.addAction("नया (&New)")
    second = menu.addAction("गहरा (Bold)")
    clash = menu.addAction("अगला (&Next)")
    hindi_only = menu.addAction("केवल हिंदी")
    assign_mnemonics([menu])
    assert first.text() == "नया (&New)"
    assert second.text() == "गहरा (&Bold)"
    assert mnemonic(clash.text()) not in ("", "n", "b")
    assert clash.text().replace("&", "") == "अगला (Next)"
    assert hindi_only.text() == "केवल हिंदी"


def test_every_menu_and_menu_entry_has_its_own_mnemonic(qtbot, make_window):
    window = make_window()
    titles = [mnemonic(a.text()) for a in window.menuBar().actions()]
    assert all(titles) and len(set(titles)) == len(titles), titles
    problems = []
    for top in window.menuBar().actions():
        for menu in _menus(top.menu()):
            menu.aboutToShow.emit()  # as when the user opens it (some menus are rebuilt)
            seen: dict[str, str] = {}
            for action in menu.actions():
                if action.isSeparator() or not action.isVisible():
                    continue
                letter = mnemonic(action.text())
                if not letter:
                    problems.append(f"{menu.title()}: {action.text()!r} has no mnemonic")
                elif letter in seen:
                    problems.append(f"{menu.title()}: {action.text()!r} and "
                                    f"{seen[letter]!r} share '{letter}'")
                else:
                    seen[letter] = action.text()
    assert not problems, "\n".join(problems)


def test_alt_letter_opens_the_view_menu_and_a_letter_picks_the_history_tab(qtbot,
                                                                             make_window):
    window = make_window()
    window.editor.text_edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.editor.text_edit)
    view = next(a.menu() for a in window.menuBar().actions() if mnemonic(a.text()) == "v")
    qtbot.keyClick(window.editor.text_edit, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is view)
    history = next(a for a in view.actions() if "History tab" in a.text())
    qtbot.keyClick(view, mnemonic(history.text()).upper())
    qtbot.waitUntil(lambda: window.history.isAncestorOf(QApplication.focusWidget()))
    assert window.side_tabs.currentWidget().isAncestorOf(window.history)


def test_alt_8_9_0_show_history_comments_and_review_with_the_focus_inside(qtbot,
                                                                          make_window):
    window = make_window()
    window.panels.set_panel_open(2, False)  # collapsed: the key opens it again
    for key, panel in ((Qt.Key.Key_8, window.history), (Qt.Key.Key_9, window.comments),
                       (Qt.Key.Key_0, window.review.panel)):
        window.editor.text_edit.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is window.editor.text_edit)
        qtbot.keyClick(window.editor.text_edit, key, Qt.KeyboardModifier.AltModifier)
        focus = QApplication.focusWidget()
        assert focus is not None and panel.isAncestorOf(focus), (key, focus)
        assert not window.panels.is_collapsed(2)


def test_alt_6_lands_on_a_control_of_the_checks_tab_not_its_scroll_area(qtbot, make_window):
    window = make_window()
    window.editor.text_edit.setFocus()
    qtbot.keyClick(window.editor.text_edit, Qt.Key.Key_6, Qt.KeyboardModifier.AltModifier)
    focus = QApplication.focusWidget()
    assert focus is not None and window.checks.isAncestorOf(focus)


def test_every_dialog_has_a_default_button_and_escape_cancels(qtbot, make_window,
                                                              gui_config, gui_db):
    window = make_window()
    for dialog in _dialogs(window, gui_config, gui_db, qtbot):
        if dialog.parent() is None:
            qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        defaults = [b for b in dialog.findChildren(QPushButton) if b.isDefault()]
        assert len(defaults) == 1, (type(dialog).__name__, [b.text() for b in defaults])
        with qtbot.waitSignal(dialog.finished, timeout=2000) as finished:
            qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Escape)
        assert finished.args == [QDialog.DialogCode.Rejected], type(dialog).__name__


def test_enter_in_the_spelling_dialog_changes_the_word_and_keeps_walking(qtbot, rich,
                                                                         checker):
    from editor_app.gui.dialogs.spelling_dialog import SpellingDialog
    from editor_app.gui.editor.spell_highlighter import SpellHighlighter
    highlighter = SpellHighlighter(checker)
    rich.attach_highlighter(highlighter)
    rich.set_markdown("सरकार ने मजूबत कदम उठाया। लोग पढें।\n")
    dialog = SpellingDialog(rich.text_edit, checker, highlighter)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.current is not None and dialog.current.word == "मजूबत"
    dialog.change_to.setFocus()
    dialog.change_to.setText("मजबूत")
    qtbot.keyClick(dialog.change_to, Qt.Key.Key_Return)
    assert "मजबूत कदम" in rich.markdown()
    assert dialog.isVisible() and dialog.current is not None
    assert dialog.current.word == "पढें"  # on to the next word, not closed
    with qtbot.waitSignal(dialog.finished, timeout=2000):
        qtbot.keyClick(dialog.change_to, Qt.Key.Key_Escape)  # Escape still closes
