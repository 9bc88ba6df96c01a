"""Edit → Preferences… (Ctrl+,): open the dialog, store the result, apply it to the window.

Contract: :func:`install_preferences` adds ``window.preferences_action`` to the menu that
holds the phonetic-typing toggle (Edit), with the platform's Preferences key (else
Ctrl+,) and menu role.
:func:`open_preferences` shows :class:`PreferencesDialog` window-modal (not blocking) and
keeps it as ``window.preferences_dialog``; on OK :func:`apply_preferences` stores the
values (``settings.toml``, atomically; the profile's names in the database) and applies at
once what can be applied live: the editor font and size, both autosave intervals, the
phonetic-typing mode, the colour theme and the house style sheet (checks re-run). UI
language and the spelling dictionaries take effect at the next start; the status bar says
so when they changed. A failed save is shown and changes nothing.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from editor_app.core.errors import SampadakError
from editor_app.core.house_style import load_style, stored_style_names
from editor_app.core.text.spell_dicts import installed_dictionaries
from editor_app.gui.dialogs.errors import show_error
from editor_app.gui.dialogs.preferences_dialog import PreferencesDialog, next_start
from editor_app.gui.fonts import choose_font
from editor_app.gui.i18n import translate
from editor_app.gui.theme import apply_theme
from editor_app.preferences import Preferences, read_preferences, store_preferences

if TYPE_CHECKING:
    from editor_app.gui.main_window import MainWindow

__all__ = ["apply_preferences", "install_preferences", "open_preferences"]

log = logging.getLogger(__name__)


def install_preferences(window: MainWindow) -> QAction:
    """Create the Preferences action and put it in the Edit menu (see the contract)."""
    action = QAction(translate("PreferencesActions", "&Preferences…"), window)
    # The platform's key (Cmd+, on macOS); most Linux desktops define none: Ctrl+,.
    keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences)
    action.setShortcuts(keys or [QKeySequence("Ctrl+,")])
    action.setMenuRole(QAction.MenuRole.PreferencesRole)
    action.triggered.connect(lambda: open_preferences(window))
    window.preferences_action = action
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if isinstance(menu, QMenu) and window.phonetic_action in menu.actions():
            menu.addSeparator()
            menu.addAction(action)
            break
    else:
        window.addAction(action)  # still reachable by its key
    return action


def open_preferences(window: MainWindow) -> PreferencesDialog:
    """Show the dialog on the current preferences; OK stores and applies them."""
    current = read_preferences(window.config, window.profile)
    dialog = PreferencesDialog(current, window.profile, stored_style_names(window.service.db),
                               installed_dictionaries(), window)
    dialog.accepted.connect(lambda: apply_preferences(window, dialog.preferences()))
    dialog.finished.connect(dialog.deleteLater)
    window.preferences_dialog = dialog
    dialog.open()
    return dialog


def apply_preferences(window: MainWindow, chosen: Preferences) -> bool:
    """Store ``chosen`` and apply it to ``window``; False (error shown) when not stored."""
    before = read_preferences(window.config, window.profile)
    try:
        profile = store_preferences(window.config, window.service.db, window.profile, chosen)
    except SampadakError as exc:
        log.error("preferences not saved: %s", exc)
        show_error(window, translate("PreferencesActions", "Preferences not saved"), exc)
        return False
    after = read_preferences(window.config, profile)
    window.profile = profile
    if window.service.actor.id == profile.id:
        window.service.actor = profile  # new revisions carry the new name
    if (after.font_family, after.font_size) != (before.font_family, before.font_size):
        window.apply_font(choose_font(after.font_family, after.font_size))
    window.saver.idle_timer.setInterval(int(after.autosave_seconds * 1000))
    window.saver.max_timer.setInterval(int(after.autosave_max_seconds * 1000))
    if window.phonetic_action.isChecked() != after.phonetic_typing:
        window.phonetic_action.setChecked(after.phonetic_typing)
    if after.theme != before.theme:
        apply_theme(after.theme)  # palette and the app's own colours, live
    if after.house_style_sheet != before.house_style_sheet:
        window.house_style = load_style(window.service.db, after.house_style_sheet)
        window.phonetic.set_house_style(window.house_style)
        window.metadata.set_headline_limit(window.house_style.limit_for("headline"))
        window.checks.refresh()
    later = ((after.ui_language, after.spell_hindi, after.spell_english, after.name)
             != (before.ui_language, before.spell_hindi, before.spell_english, before.name))
    message = translate("PreferencesActions", "Preferences saved")
    window.statusBar().showMessage(f"{message}; {next_start()}" if later else message, 8000)
    return True
