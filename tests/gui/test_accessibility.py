"""Accessible names (issue 13 item 5.1): every control of the main window and of every
dialog that can be built headless has a name an assistive tool can read."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QVBoxLayout, QWidget

from editor_app.core.intake.merge import FieldDiff
from editor_app.core.profiles import ProfileInfo, Role
from editor_app.core.workflow.service import TransitionRefused
from editor_app.gui.accessibility import (
    accessible_name,
    name_from_labels,
    unnamed_controls,
)
from editor_app.gui.dialogs.bundle_merge_dialog import BundleMergeDialog
from editor_app.gui.dialogs.export_dialog import ExportDialog
from editor_app.gui.dialogs.font_picker import FontPicker
from editor_app.gui.dialogs.house_style_dialog import HouseStyleDialog
from editor_app.gui.dialogs.import_dialog import open_import
from editor_app.gui.dialogs.legacy_paste_dialog import LegacyPasteDialog
from editor_app.gui.dialogs.profile_dialog import ProfileDialog
from editor_app.gui.dialogs.spelling_dialog import SpellingDialog
from editor_app.gui.editor.image_dialog import ImageChooserDialog
from editor_app.gui.preferences_actions import open_preferences
from editor_app.gui.review.desk import AssignDialog
from editor_app.gui.review.publishing_actions import EmbargoDialog
from editor_app.gui.shortcuts import ShortcutsDialog
from editor_app.gui.workflow.dialogs import RefusalDialog
from tests.conftest import OWN_SAMPLE


def _describe(widgets: list[QWidget]) -> list[str]:
    out = []
    for widget in widgets:
        path: list[str] = []
        parent: QWidget | None = widget
        while parent is not None and len(path) < 4:
            path.append(type(parent).__name__ + (f"#{parent.objectName()}"
                                                 if parent.objectName() else ""))
            parent = parent.parentWidget()
        out.append(" < ".join(path))
    return out


def test_the_check_finds_an_unnamed_field_and_accepts_a_named_one(qtbot):
    box = QWidget()
    qtbot.addWidget(box)
    edit = QLineEdit(box)
    QVBoxLayout(box).addWidget(edit)
    assert unnamed_controls(box) == [edit]
    edit.setAccessibleName("Place")
    assert unnamed_controls(box) == []
    assert accessible_name(edit) == "Place"


def test_names_come_from_the_placeholder_the_form_label_or_the_tooltip(qtbot):
    from PySide6.QtWidgets import QCheckBox, QFormLayout, QHBoxLayout, QSpinBox
    box = QWidget()
    qtbot.addWidget(box)
    form = QFormLayout(box)
    place = QLineEdit()
    place.setPlaceholderText("स्थान (Place)")
    row = QHBoxLayout()
    size = QSpinBox()
    row.addWidget(size)
    form.addRow("आकार (Size)", row)
    form.addRow(place)
    tipped = QCheckBox()
    tipped.setToolTip("तारीख के साथ (with a date)\nmore")
    form.addRow(tipped)
    assert name_from_labels(box) == []
    assert accessible_name(place) == "स्थान (Place)"
    assert accessible_name(size) == "आकार (Size)"
    assert accessible_name(tipped) == "तारीख के साथ (with a date)"


def test_every_control_of_the_main_window_has_a_name(qtbot, make_window):
    window = make_window()
    missing = unnamed_controls(window)
    assert not missing, "controls without an accessible name:\n" + "\n".join(
        _describe(missing))


def _dialogs(window, gui_config, gui_db, qtbot) -> list[QDialog]:
    profile = ProfileInfo(1, "नेहा त्रिपाठी", Role.DESK_CHIEF)
    window.metadata.headline.setPlainText("सरकार ने नई योजना की घोषणा की")
    built: list[QDialog] = [
        ExportDialog(gui_config, has_current=True),
        FontPicker(QFont(QApplication.font())),
        HouseStyleDialog(gui_db, profile),
        LegacyPasteDialog("dqN dke", "krutidev", 0.9),
        ProfileDialog(),
        SpellingDialog(window.metadata.spelling_fields(), window.speller, parent=window),
        ImageChooserDialog([("asset:1", "कैप्शन", "श्रेय", "विवरण")]),
        RefusalDialog(TransitionRefused(["शीर्षक खाली है (headline empty)"],
                                        may_override=True)),
        AssignDialog([window.profile], None, datetime(2026, 12, 1, 9, 30, tzinfo=UTC)),
        EmbargoDialog(None),
        ShortcutsDialog(window),
        BundleMergeDialog([FieldDiff("headline", "पहला", "दूसरा")], "पहला"),
        open_preferences(window),
    ]
    imported = open_import(window, [OWN_SAMPLE])
    assert imported is not None
    qtbot.waitUntil(lambda: imported._pending == 0, timeout=10000)
    built.append(imported)
    return built


def test_every_control_of_every_dialog_has_a_name(qtbot, make_window, gui_config, gui_db):
    window = make_window()
    problems: list[str] = []
    for dialog in _dialogs(window, gui_config, gui_db, qtbot):
        if dialog.parent() is None:
            qtbot.addWidget(dialog)
        dialog.show()
        missing = unnamed_controls(dialog)
        problems += [f"{type(dialog).__name__}: {d}" for d in _describe(missing)]
        dialog.reject()
    assert not problems, "controls without an accessible name:\n" + "\n".join(problems)
