"""House style sheet editor: the newsroom's TOML sheet, validated live, import/export.

Everyone can read it; only a desk chief or admin can save or import (core's
``save_style`` checks the acting user before anything is written; the disabled buttons are
only a hint).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.db import Database
from editor_app.core.errors import SampadakError, ValidationError
from editor_app.core.fileio import atomic_write_text, read_text_file
from editor_app.core.house_style import (
    HouseStyle,
    export_style_toml,
    import_style_toml,
    stored_style_info,
    style_from_toml,
)
from editor_app.core.profiles import STYLE_EDITORS, ProfileInfo
from editor_app.gui.accessibility import name_from_labels
from editor_app.gui.dialogs.errors import show_error
from editor_app.gui.i18n import translate
from editor_app.gui.theme import colours

__all__ = ["HouseStyleDialog"]


class HouseStyleDialog(QDialog):
    """Edit, validate, import and export the stored house style."""

    def __init__(self, db: Database, profile: ProfileInfo,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("HouseStyleDialog", "House style"))
        self.resize(760, 640)
        self._db, self._profile = db, profile
        self.saved_style: HouseStyle | None = None
        self.can_edit = profile.role in STYLE_EDITORS
        self.info = QLabel()
        self.editor = QPlainTextEdit()
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.editor.setPlainText(export_style_toml(db))
        self.editor.setReadOnly(not self.can_edit)
        self.status = QLabel()
        self.import_button = QPushButton(translate("HouseStyleDialog", "Import TOML…"))
        self.export_button = QPushButton(translate("HouseStyleDialog", "Export TOML…"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Close)
        row = QHBoxLayout()
        row.addWidget(self.import_button)
        row.addWidget(self.export_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.status)
        layout.addLayout(row)
        layout.addWidget(self.buttons)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setEnabled(self.can_edit)
        self.import_button.setEnabled(self.can_edit)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.import_button.clicked.connect(self.import_file)
        self.export_button.clicked.connect(self.export_file)
        self.editor.textChanged.connect(self.validate)
        self._show_info()
        self.validate()
        self.editor.setAccessibleName(translate("HouseStyleDialog", "House style sheet, TOML"))
        name_from_labels(self)

    def _show_info(self) -> None:
        stored = stored_style_info(self._db)
        who = (translate("HouseStyleDialog", "last changed")
               + f": {stored.updated_by}, {stored.updated_at:%d-%m-%Y %H:%M}"
               if stored else translate("HouseStyleDialog", "shipped default"))
        rights = "" if self.can_edit else " — " + translate("HouseStyleDialog", "desk chief only")
        self.info.setText(who + rights)

    def validate(self) -> bool:
        """Check the TOML as typed; show the problem and disable Save when invalid."""
        try:
            style_from_toml(self.editor.toPlainText())
        except ValidationError as exc:
            self.status.setText(f"⚠ {exc}")
            self.status.setStyleSheet(f"color: {colours().error_text};")
            self.save_button.setEnabled(False)
            return False
        self.status.setText("✓ " + translate("HouseStyleDialog", "valid"))
        self.status.setStyleSheet(f"color: {colours().ok_text};")
        self.save_button.setEnabled(self.can_edit)
        return True

    def save(self) -> None:
        """Store the sheet for the whole newsroom."""
        try:
            self.saved_style = import_style_toml(self._db, self.editor.toPlainText(),
                                                 user=self._profile)
        except SampadakError as exc:
            show_error(self, translate("HouseStyleDialog", "Not saved"), exc)
            return
        self.accept()

    def import_file(self) -> None:
        """Load a TOML file into the editor (saved only on Save)."""
        path, _ = QFileDialog.getOpenFileName(
            self, translate("HouseStyleDialog", "House style TOML"), "",
            "TOML (*.toml);;" + translate("HouseStyleDialog", "All files") + " (*)")
        if not path:
            return
        try:
            text = read_text_file(Path(path), max_bytes=1024 * 1024)
            style_from_toml(text)
        except SampadakError as exc:
            show_error(self, translate("HouseStyleDialog", "Import failed"), exc)
            return
        self.editor.setPlainText(text)

    def export_file(self) -> None:
        """Write the editor's TOML to a file."""
        path, _ = QFileDialog.getSaveFileName(
            self, translate("HouseStyleDialog", "House style TOML"), "house_style.toml",
            "TOML (*.toml)")
        if not path:
            return
        try:
            atomic_write_text(Path(path), self.editor.toPlainText())
        except SampadakError as exc:
            show_error(self, translate("HouseStyleDialog", "Export failed"), exc)
