"""Qt's own strings in Hindi, and the Devanagari-first font picker."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import regex
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextEdit,
    QToolButton,
    QTreeView,
)

from editor_app.core.resources import resource_path
from editor_app.gui.dialogs.font_picker import DEVANAGARI_SAMPLE, FontPicker
from editor_app.gui.fonts import devanagari_families, load_bundled_fonts
from editor_app.gui.translations import install_qt_translations, qt_translations_dir
from tests.conftest import REPO_ROOT


@pytest.fixture
def hindi_qt(qtbot):
    app = QApplication.instance()
    report = install_qt_translations(app, "hi-en")
    yield report
    install_qt_translations(app, "en")


def _menu_texts(widget) -> list[str]:
    menu = widget.createStandardContextMenu()
    try:
        return [a.text().split("\t")[0] for a in menu.actions() if not a.isSeparator()]
    finally:
        menu.deleteLater()


def _button_texts(qtbot) -> set[str]:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    return {b.text() for b in buttons.buttons()}


def test_hindi_ui_gets_hindi_buttons_context_menus_and_calendar(hindi_qt, qtbot):
    assert _button_texts(qtbot) == {"ठीक है (OK)", "रद्द करें (Cancel)"}
    line = QLineEdit()
    qtbot.addWidget(line)
    assert "चिपकाएं (&Paste)" in _menu_texts(line)  # mnemonic kept in the English part
    text = QTextEdit()
    qtbot.addWidget(text)
    assert "सब चुनें (Select All)" in _menu_texts(text)
    assert QLocale().monthName(1) == "जनवरी"
    assert QLocale().toString(QDate(2026, 12, 1), "dd-MM-yyyy") == "01-12-2026"


def test_hindi_only_and_english_modes(qtbot):
    app = QApplication.instance()
    try:
        install_qt_translations(app, "hi")
        assert _button_texts(qtbot) == {"ठीक है", "रद्द करें"}
        install_qt_translations(app, "en")
        assert _button_texts(qtbot) == {"OK", "Cancel"}
    finally:
        install_qt_translations(app, "en")


def test_window_start_up_installs_qt_hindi_by_default(qtbot, make_window):
    try:
        make_window()  # gui_config sets ui_language "hi-en"
        assert _button_texts(qtbot) == {"ठीक है (OK)", "रद्द करें (Cancel)"}
    finally:
        install_qt_translations(QApplication.instance(), "en")


def test_report_says_what_qt_itself_does_not_ship(hindi_qt):
    qt_file = qt_translations_dir() / "qtbase_hi.qm"
    own = resource_path("translations", "qtbase_hi.qm")
    assert own in hindi_qt.loaded
    if qt_file.exists():
        assert qt_file in hindi_qt.loaded
    else:  # PySide6 up to 6.11 ships no Hindi
        assert hindi_qt.missing == [qt_file]
        assert "missing qtbase_hi.qm" in hindi_qt.describe()


def test_missing_own_translation_is_reported_not_fatal(qtbot, tmp_path):
    app = QApplication.instance()
    try:
        report = install_qt_translations(app, "hi-en", qt_dir=tmp_path, own_dir=tmp_path)
        assert report.loaded == [] and len(report.missing) == 2
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        qtbot.addWidget(buttons)
        assert buttons.buttons()[0].text() == "Cancel"
    finally:
        install_qt_translations(app, "en")


def test_shipped_qm_is_built_from_the_ts_source(tmp_path):
    lrelease = shutil.which("pyside6-lrelease") or str(Path(sys.executable).parent
                                                       / "pyside6-lrelease")
    source = REPO_ROOT / "resources" / "translations" / "qtbase_hi.ts"
    built = tmp_path / "qtbase_hi.qm"
    subprocess.run([lrelease, str(source), "-qm", str(built)], check=True,
                   capture_output=True)
    assert built.read_bytes() == (source.with_suffix(".qm")).read_bytes()


def test_font_picker_lists_devanagari_fonts_first_with_a_hindi_sample(qtbot):
    load_bundled_fonts()
    picker = FontPicker(QApplication.font())
    qtbot.addWidget(picker)
    deva = devanagari_families()
    assert "Noto Sans Devanagari" in deva  # bundled
    assert picker.family_names() == deva  # only fonts that write Hindi by default
    assert picker.families.item(0).flags() == Qt.ItemFlag.NoItemFlags  # a heading
    assert picker.sample.text() == DEVANAGARI_SAMPLE
    assert picker.sample.font().family() in deva
    picker.show_all.setChecked(True)
    names = picker.family_names()
    assert names[:len(deva)] == deva and len(names) >= len(deva)
    picker.size_box.setValue(19)
    picker.select_family(deva[-1])
    assert picker.sample.font().family() == deva[-1]
    assert picker.sample.font().pointSize() == 19
    chosen = picker.selected_font()
    assert (chosen.family(), chosen.pointSize()) == (deva[-1], 19)


def test_font_action_opens_the_devanagari_picker(qtbot, make_window, monkeypatch, gui_config):
    window = make_window()
    seen: list[FontPicker] = []

    def accept(self):
        seen.append(self)
        self.size_box.setValue(21)
        return FontPicker.DialogCode.Accepted

    monkeypatch.setattr(FontPicker, "exec", accept)
    window.font_action.trigger()
    assert len(seen) == 1 and seen[0].family_names()[0] in devanagari_families()
    assert window.editor.text_edit.font().pointSize() == 21
    assert "font_size = 21" in gui_config.settings_path.read_text("utf-8")


def _file_dialog_texts(qtbot: Any) -> list[str]:
    """Every label, button, tool-tip and column header of Qt's own file dialog."""
    dialog = QFileDialog(None, "", str(REPO_ROOT))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    texts = [w.text() for w in dialog.findChildren(QLabel) + dialog.findChildren(QPushButton)]
    texts += [w.toolTip() for w in dialog.findChildren(QToolButton)]
    for view in dialog.findChildren(QTreeView):
        model = view.model()
        texts += [str(model.headerData(c, Qt.Orientation.Horizontal))
                  for c in range(model.columnCount())]
    combo_items = [c.itemText(i) for c in dialog.findChildren(QComboBox)
                   for i in range(c.count())]
    dialog.close()
    return [t for t in texts + combo_items if t]


def test_hindi_file_dialog(qtbot):
    """Qt's own file dialog (used on desktops without a native one) speaks Hindi: its
    labels, buttons, tool tips and columns have no Latin words except the folder path
    and filter patterns; in the bilingual mode "All Files (*)" keeps its pattern last."""
    app = QApplication.instance()
    try:
        install_qt_translations(app, "hi")
        texts = _file_dialog_texts(qtbot)
        latin = [t for t in texts if regex.search(r"\p{Latin}", t.replace(str(REPO_ROOT), ""))]
        assert latin == []
        assert "फ़ाइल का नाम:" in texts and "सभी फ़ाइलें (*)" in texts
        install_qt_translations(app, "hi-en")
        assert "सभी फ़ाइलें (All Files) (*)" in _file_dialog_texts(qtbot)
    finally:
        install_qt_translations(app, "en")
