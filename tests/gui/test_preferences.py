"""Edit → Preferences: set every choice through the dialog's widgets, see what applies live,
restart (a new window on a freshly loaded config) and find everything applied."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu

from editor_app.config import load_config
from editor_app.core.errors import StorageError
from editor_app.core.house_style import default_style, save_style
from editor_app.core.profiles import local_profile
from editor_app.gui import i18n
from editor_app.gui.application import open_main_window
from editor_app.gui.dialogs.preferences_dialog import PreferencesDialog
from editor_app.gui.main_window import MainWindow
from tests.conftest import skip_unless_spelling
from tests.gui.typing import type_text

NEW_NAME = "नेहा त्रिपाठी शर्मा"
NEW_LATIN = "Neha Tripathi Sharma"


@pytest.fixture(autouse=True)
def _reset_language():
    yield
    i18n.setup(i18n.DEFAULT_LANGUAGE)  # a test below restarts in English


def _open_dialog(qtbot, window: MainWindow) -> PreferencesDialog:
    window.preferences_action.trigger()
    dialog = window.preferences_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def _retype(qtbot, widget, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    type_text(widget, text)  # QTest.keyClicks aborts on Devanagari


def _choose(qtbot, combo, value: str) -> None:
    """Pick the item with data ``value`` with the keyboard (Home, then Down)."""
    index = combo.findData(value)
    assert index >= 0, (value, [combo.itemData(i) for i in range(combo.count())])
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(index):
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == value


def _ok(dialog: PreferencesDialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_preferences_is_in_the_edit_menu_and_ctrl_comma_opens_it(qtbot, make_window):
    window = make_window()
    menus = [a.menu() for a in window.menuBar().actions() if isinstance(a.menu(), QMenu)]
    [edit] = [m for m in menus if isinstance(m, QMenu) and "Edit" in m.title()]
    assert window.preferences_action in edit.actions()
    assert window.preferences_action.shortcut().toString() == "Ctrl+,"
    window.activateWindow()
    window.article_list.table.setFocus()
    qtbot.keyClick(window.article_list.table, Qt.Key.Key_Comma,
                   Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.preferences_dialog is not None
                    and window.preferences_dialog.isVisible())
    window.preferences_dialog.reject()


def test_preferences_round_trip_live_and_after_restart(qtbot, make_window, gui_db,
                                                       profile_dir, db_url):
    window = make_window()
    if not window.speller.available:
        skip_unless_spelling(window.speller.unavailable_reason)
    assert not window.speller.is_correct("teh")  # en_US checks Latin words by default
    save_style(gui_db, default_style(), user="desk", name="magazine")
    dialog = _open_dialog(qtbot, window)
    role = window.profile.role
    assert dialog.role_label.text() == role.label  # shown, not editable
    assert "hi_IN" in dialog.installed_label.text()
    _choose(qtbot, dialog.language, "en")
    _retype(qtbot, dialog.font_size.lineEdit(), "19")
    _retype(qtbot, dialog.autosave_idle.lineEdit(), "4.5")
    _retype(qtbot, dialog.autosave_max.lineEdit(), "40")
    qtbot.mouseClick(dialog.phonetic, Qt.MouseButton.LeftButton)
    _choose(qtbot, dialog.house_style, "magazine")
    _choose(qtbot, dialog.spell_english, "")
    _retype(qtbot, dialog.name_edit, NEW_NAME)
    _retype(qtbot, dialog.name_latin, NEW_LATIN)
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    # live: font size, autosave intervals, phonetic mode, house style sheet
    assert window.editor.text_edit.font().pointSize() == 19
    assert window.saver.idle_timer.interval() == 4500
    assert window.saver.max_timer.interval() == 40_000
    assert window.phonetic_action.isChecked()
    assert window.house_style.name == "magazine"
    assert "next start" in window.statusBar().currentMessage()

    # restart: a new config read from disk, a new window on the same database
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible())
    config = load_config(profile_dir, database=db_url, environ={})
    assert config.settings["font_size"] == 19
    assert config.settings["spell_english"] == ""
    again = open_main_window(config, gui_db, lambda: pytest.fail("profile exists"))
    assert again is not None
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert again.tasks.wait_idle()
    assert i18n.current_language() == "en"
    assert again.editor.text_edit.font().pointSize() == 19
    assert again.saver.idle_timer.interval() == 4500
    assert again.saver.max_timer.interval() == 40_000
    assert again.phonetic_action.isChecked()
    assert again.house_style.name == "magazine"
    assert again.speller.is_correct("teh")  # no English dictionary: Latin words pass
    me = local_profile(gui_db)
    assert me is not None and (me.name, me.name_latin) == (NEW_NAME, NEW_LATIN)
    assert me.role is role
    reopened = _open_dialog(qtbot, again)
    assert reopened.name_edit.text() == NEW_NAME
    assert reopened.language.currentData() == "en"
    assert reopened.spell_english.currentData() == ""
    reopened.reject()


def test_ok_is_disabled_without_a_name_and_cancel_changes_nothing(qtbot, make_window,
                                                                  gui_config):
    window = make_window()
    before = dict(gui_config.settings)
    size = window.editor.text_edit.font().pointSize()
    dialog = _open_dialog(qtbot, window)
    _retype(qtbot, dialog.font_size.lineEdit(), "30")
    _retype(qtbot, dialog.name_edit, "")
    assert not _ok(dialog).isEnabled()
    qtbot.keyClicks(dialog.name_edit, "  ")
    assert not _ok(dialog).isEnabled()
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel),
                     Qt.MouseButton.LeftButton)
    assert gui_config.settings == before
    assert window.editor.text_edit.font().pointSize() == size
    assert not gui_config.settings_path.exists() or "30" not in \
        gui_config.settings_path.read_text("utf-8")


def test_autosave_longest_wait_follows_the_idle_wait(qtbot, make_window):
    window = make_window()
    dialog = _open_dialog(qtbot, window)
    _retype(qtbot, dialog.autosave_max.lineEdit(), "10")
    _retype(qtbot, dialog.autosave_idle.lineEdit(), "60")
    dialog.autosave_idle.interpretText()
    assert dialog.autosave_max.value() >= 60
    assert dialog.preferences().autosave_max_seconds >= dialog.preferences().autosave_seconds
    dialog.reject()


def test_a_failed_save_is_shown_and_nothing_applies(qtbot, make_window, gui_config,
                                                    monkeypatch):
    window = make_window()
    shown: list[str] = []
    monkeypatch.setattr("editor_app.gui.preferences_actions.show_error",
                        lambda _parent, title, _exc: shown.append(title))

    def full_disk() -> None:
        raise StorageError("disk full")

    monkeypatch.setattr(gui_config, "save_settings", full_disk)
    size = window.editor.text_edit.font().pointSize()
    before = dict(gui_config.settings)
    dialog = _open_dialog(qtbot, window)
    _retype(qtbot, dialog.font_size.lineEdit(), "25")
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    assert shown and "Preferences not saved" in shown[0]
    assert window.editor.text_edit.font().pointSize() == size
    assert gui_config.settings == before
    QApplication.processEvents()
