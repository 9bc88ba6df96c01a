"""The main window's actions, menus and toolbar, in one place so that every command has
a menu entry and the Help → Keyboard shortcuts page (built from these actions) is complete.

Contract: :func:`install_actions` creates the actions on the window (``window.new_action``
…), connects them to the window's commands and fills the menu bar and toolbar; it is
called once from ``MainWindow.__init__`` after the panels exist.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from editor_app.gui.dialogs.import_dialog import open_clipboard_import, open_import
from editor_app.gui.export_actions import ExportActions
from editor_app.gui.focus_chain import FocusTarget, make_focus_actions
from editor_app.gui.layout_state import LIST_INDEX, SIDE_INDEX

if TYPE_CHECKING:
    from editor_app.gui.main_window import MainWindow

__all__ = ["install_actions"]


def install_actions(window: MainWindow) -> None:
    """Create the window's actions, menus and toolbar (see the module contract)."""
    def action(text: str, slot: Callable[[], object],
               shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
               ) -> QAction:
        act = QAction(text, window)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        act.triggered.connect(slot)
        return act

    window.new_action = action("नया लेख (&New)", window.new_article,
                               QKeySequence.StandardKey.New)
    window.duplicate_action = action("प्रतिलिपि (&Duplicate)", window.duplicate_article,
                                   "Ctrl+Shift+D")
    # Ctrl+Delete deletes a word in text fields, so window-wide it is Ctrl+Shift+Delete;
    # in the list (Alt+4) plain Del or Ctrl+Delete.
    window.trash_action = action("रद्दी में डालें (&Trash)", window.trash_article,
                               "Ctrl+Shift+Delete")
    window.trash_action.setToolTip("रद्दी में डालें, Undo से वापस "
                                 "(Ctrl+Shift+Delete; Del in the list)")
    window.list_trash_action = QAction("रद्दी में डालें, सूची में (Trash, in the list)",
                                     window.article_list.table)
    window.list_trash_action.setShortcuts([QKeySequence(Qt.Key.Key_Delete),
                                         QKeySequence("Ctrl+Delete")])
    window.list_trash_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    window.list_trash_action.triggered.connect(window.trash_article)
    window.article_list.table.addAction(window.list_trash_action)
    window.close_find_action = QAction("खोज पट्टी बंद करें (Close find bar)",
                                     window.editor.find_bar)
    window.close_find_action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
    window.close_find_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    window.close_find_action.triggered.connect(window.editor.find_bar.close_bar)
    window.editor.find_bar.addAction(window.close_find_action)
    window.restore_action = action("वापस लाएं (&Restore)", window.restore_article)
    window.save_action = action("अभी सहेजें (&Save now)", lambda: window.save_now(),
                              QKeySequence.StandardKey.Save)
    window.font_action = action("फ़ॉन्ट… (&Font…)", window.choose_font)
    window.shortcuts_action = action("कुंजीपटल शॉर्टकट (&Keyboard shortcuts)",
                                   window.show_shortcuts, QKeySequence.StandardKey.HelpContents)
    window.toggle_list_action = action("लेख सूची दिखाएं (Article &list panel)",
                                     lambda: window.panels.toggle_panel(LIST_INDEX), "F9")
    window.toggle_side_action = action("विवरण पैनल दिखाएं (&Side panel)",
                                     lambda: window.panels.toggle_panel(SIDE_INDEX), "Shift+F9")
    window.side_tab_actions = [
        action(f"{label} टैब ({english} tab)", partial(window._show_side_tab, i),
               f"Alt+{5 + i}")
        for i, (label, english) in enumerate((("विवरण", "&Details"), ("जांच", "&Checks"),
                                              ("चित्र", "&Images")))]
    window.focus_actions = make_focus_actions(window, [
        FocusTarget("headline", lambda: window.metadata.headline),
        FocusTarget("dek", lambda: window.metadata.dek),
        FocusTarget("body", lambda: window.editor.source_edit if window.editor.is_source_mode()
                    else window.editor.text_edit),
        FocusTarget("list", lambda: window.article_list.table),
        FocusTarget("search", lambda: window.article_list.search_box),
    ], window.panels.reveal)
    window.style_action = action("हाउस स्टाइल… (&House style…)", window.edit_house_style)
    window.spelling_action = action("वर्तनी जांचें… (&Check spelling…)", window.check_spelling,
                                  "Shift+F7")
    window.check_action = action("जांच चलाएं (&Run checks)", window.run_checks, "F7")
    window.phonetic_action = QAction("अ ध्वन्यात्मक हिंदी (&Phonetic Hindi typing)", window)
    window.phonetic_action.setCheckable(True)
    window.phonetic_action.setIconText("अ→ ध्वन्यात्मक")
    window.phonetic_action.setShortcut(QKeySequence("Ctrl+Shift+H"))
    window.phonetic_action.setToolTip("Roman में लिखें, देवनागरी पाएं: bharat → भारत "
                                    "(Ctrl+Shift+H)")
    window.phonetic_action.toggled.connect(window.set_phonetic)
    window.phonetic_action.setChecked(bool(window.config.settings.get("phonetic_typing")))
    window._show_mode(window.phonetic_action.isChecked())
    window.quit_action = action("बंद करें (&Quit)", window.close, QKeySequence.StandardKey.Quit)
    window.import_action = action("आयात करें… (&Import…)", lambda: open_import(window),
                                  QKeySequence.StandardKey.Open)
    window.import_clipboard_action = action("क्लिपबोर्ड से आयात (Import from clip&board)",
                                            lambda: open_clipboard_import(window))
    file_menu = window.menuBar().addMenu("फ़ाइल (&File)")
    for act in (window.new_action, window.duplicate_action, window.save_action):
        file_menu.addAction(act)
    file_menu.addSeparator()
    file_menu.addAction(window.trash_action)
    file_menu.addAction(window.trash_notice.undo_action)
    file_menu.addAction(window.restore_action)
    window.publishing = ExportActions(window, window)  # Export…, preview, copy, print
    window.publishing.add_to(file_menu)
    file_menu.addSeparator()
    file_menu.addAction(window.import_action)
    file_menu.addAction(window.import_clipboard_action)
    file_menu.addSeparator()
    file_menu.addAction(window.quit_action)
    format_menu = window.menuBar().addMenu("संपादन (&Edit)")
    for act in window.editor.actions():
        format_menu.addAction(act)
    format_menu.addSeparator()
    format_menu.addAction(window.phonetic_action)
    view_menu = window.menuBar().addMenu("दृश्य (&View)")
    view_menu.addAction(window.font_action)
    view_menu.addSeparator()
    view_menu.addActions(list(window.focus_actions.values()))
    view_menu.addSeparator()
    view_menu.addActions(window.side_tab_actions)
    view_menu.addAction(window.toggle_list_action)
    view_menu.addAction(window.toggle_side_action)
    checks_menu = window.menuBar().addMenu("जांच (&Checks)")
    checks_menu.addAction(window.check_action)
    checks_menu.addAction(window.spelling_action)
    checks_menu.addAction(window.style_action)
    help_menu = window.menuBar().addMenu("सहायता (&Help)")
    help_menu.addAction(window.shortcuts_action)
    toolbar = window.addToolBar("लेख (Article)")
    toolbar.setObjectName("article_toolbar")
    for act in (window.new_action, window.duplicate_action, window.trash_action,
                window.restore_action):
        toolbar.addAction(act)
    toolbar.addSeparator()
    toolbar.addAction(window.phonetic_action)
