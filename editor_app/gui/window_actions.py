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

from editor_app.gui.export_actions import ExportActions
from editor_app.gui.focus_chain import FocusTarget, make_focus_actions
from editor_app.gui.i18n import QT_TRANSLATE_NOOP, plain_label, short_label, translate
from editor_app.gui.layout_state import LIST_INDEX, SIDE_INDEX

if TYPE_CHECKING:
    from editor_app.gui.main_window import MainWindow

__all__ = ["install_actions"]


# The import and sync dialogs (and the intake and sync stacks under them, ~0.1 s of imports)
# load when their menu entry is first used, not at start-up (issue 7).
def _open_import(window: MainWindow) -> None:
    from editor_app.gui.dialogs.import_dialog import open_import

    open_import(window)


def _open_clipboard_import(window: MainWindow) -> None:
    from editor_app.gui.dialogs.import_dialog import open_clipboard_import

    open_clipboard_import(window)


def _open_sync(window: MainWindow) -> None:
    from editor_app.gui.dialogs.sync_dialog import open_sync

    open_sync(window)


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

    articles, tools = window.article_commands, window.tools

    window.new_action = action(translate("WindowActions", "&New"), articles.new_article,
                               QKeySequence.StandardKey.New)
    window.duplicate_action = action(translate("WindowActions", "&Duplicate"),
                                     articles.duplicate_article,
                                     "Ctrl+Shift+D")
    # Ctrl+Delete deletes a word in text fields, so window-wide it is Ctrl+Shift+Delete;
    # in the list (Alt+4) plain Del or Ctrl+Delete.
    window.trash_action = action(translate("WindowActions", "&Trash"), articles.trash_article,
                               "Ctrl+Shift+Delete")
    window.trash_action.setToolTip(translate(
        "WindowActions", "Move to the trash; Undo brings it back (Ctrl+Shift+Delete; Del in "
        "the list)"))
    window.list_trash_action = QAction(translate("WindowActions", "Trash, in the list"),
                                     window.article_list.table)
    window.list_trash_action.setShortcuts([QKeySequence(Qt.Key.Key_Delete),
                                         QKeySequence("Ctrl+Delete")])
    window.list_trash_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    window.list_trash_action.triggered.connect(articles.trash_article)
    window.article_list.table.addAction(window.list_trash_action)
    window.close_find_action = QAction(translate("WindowActions", "Close find bar"),
                                     window.editor.find_bar)
    window.close_find_action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
    window.close_find_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    window.close_find_action.triggered.connect(window.editor.find_bar.close_bar)
    window.editor.find_bar.addAction(window.close_find_action)
    window.restore_action = action(translate("WindowActions", "&Restore"), articles.restore_article)
    window.save_action = action(translate("WindowActions", "&Save now"), lambda: window.save_now(),
                              QKeySequence.StandardKey.Save)
    window.font_action = action(translate("WindowActions", "&Font…"), tools.choose_font)
    window.shortcuts_action = action(translate("WindowActions", "&Keyboard shortcuts"),
                                   tools.show_shortcuts, QKeySequence.StandardKey.HelpContents)
    window.toggle_list_action = action(translate("WindowActions", "Article &list panel"),
                                     lambda: window.panels.toggle_panel(LIST_INDEX), "F9")
    window.toggle_side_action = action(translate("WindowActions", "&Side panel"),
                                     lambda: window.panels.toggle_panel(SIDE_INDEX), "Shift+F9")
    window.side_tab_actions = [
        action(label, partial(window.show_side_tab, i), f"Alt+{5 + i}")
        for i, label in enumerate((translate("WindowActions", "&Details tab"),
                                   translate("WindowActions", "&Checks tab"),
                                   translate("WindowActions", "&Images tab")))]
    window.focus_actions = make_focus_actions(window, [
        FocusTarget("headline", lambda: window.metadata.headline),
        FocusTarget("dek", lambda: window.metadata.dek),
        FocusTarget("body", lambda: window.editor.source_edit if window.editor.is_source_mode()
                    else window.editor.text_edit),
        FocusTarget("list", lambda: window.article_list.table),
        FocusTarget("search", lambda: window.article_list.search_box),
    ], window.panels.reveal)
    window.style_action = action(translate("WindowActions", "&House style…"),
                                 tools.edit_house_style)
    window.spelling_action = action(translate("WindowActions", "&Check spelling…"),
                                    tools.check_spelling,
                                  "Shift+F7")
    window.check_action = action(translate("WindowActions", "&Run checks"),
                                 tools.run_checks, "F7")
    window.phonetic_action = QAction(translate("WindowActions", "&Phonetic Hindi typing"), window)
    window.phonetic_action.setCheckable(True)
    window.phonetic_action.setIconText(short_label(
        "WindowActions", QT_TRANSLATE_NOOP("WindowActions", "अ→ Phonetic")))
    window.phonetic_action.setShortcut(QKeySequence("Ctrl+Shift+H"))
    window.phonetic_action.setToolTip(
        translate("WindowActions", "Type in Roman letters, get Devanagari: bharat → भारत")
        + " (Ctrl+Shift+H)")
    window.phonetic_action.toggled.connect(tools.set_phonetic)
    window.phonetic_action.setChecked(bool(window.config.settings.get("phonetic_typing")))
    tools.show_mode(window.phonetic_action.isChecked())
    window.quit_action = action(translate("WindowActions", "&Quit"), window.close,
                                QKeySequence.StandardKey.Quit)
    window.import_action = action(translate("WindowActions", "&Import…"),
                                  lambda: _open_import(window),
                                  QKeySequence.StandardKey.Open)
    window.import_clipboard_action = action(translate("WindowActions", "Import from clip&board"),
                                            lambda: _open_clipboard_import(window))
    # field sync (wip-pgsync, issue 8 item 6)
    window.sync_action = action(translate("MainWindow", "Sync with &newsroom…"),
                                lambda: _open_sync(window))
    file_menu = window.menuBar().addMenu(translate("WindowActions", "&File"))
    file_menu.setObjectName("file_menu")
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
    file_menu.addAction(window.sync_action)
    file_menu.addSeparator()
    file_menu.addAction(window.quit_action)
    format_menu = window.menuBar().addMenu(translate("WindowActions", "&Edit"))
    format_menu.setObjectName("edit_menu")
    for act in window.editor.actions():
        format_menu.addAction(act)
    format_menu.addSeparator()
    format_menu.addAction(window.phonetic_action)
    view_menu = window.menuBar().addMenu(translate("WindowActions", "&View"))
    view_menu.setObjectName("view_menu")
    view_menu.addAction(window.font_action)
    view_menu.addSeparator()
    view_menu.addActions(list(window.focus_actions.values()))
    view_menu.addSeparator()
    view_menu.addActions(window.side_tab_actions)
    view_menu.addAction(window.toggle_list_action)
    view_menu.addAction(window.toggle_side_action)
    checks_menu = window.menuBar().addMenu(translate("WindowActions", "&Checks"))
    checks_menu.setObjectName("checks_menu")
    checks_menu.addAction(window.check_action)
    checks_menu.addAction(window.spelling_action)
    checks_menu.addAction(window.style_action)
    help_menu = window.menuBar().addMenu(translate("WindowActions", "&Help"))
    help_menu.setObjectName("help_menu")
    help_menu.addAction(window.shortcuts_action)
    toolbar = window.addToolBar(translate("WindowActions", "Article"))
    toolbar.setObjectName("article_toolbar")
    for act in (window.new_action, window.duplicate_action, window.trash_action,
                window.restore_action):
        act.setIconText(plain_label(act.text()))  # no "(N)" of the Hindi mnemonic
        toolbar.addAction(act)
    toolbar.addSeparator()
    toolbar.addAction(window.phonetic_action)
