"""First-run dialog: who is using this copy of Sampadak (name and newsroom role)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from editor_app.core.profiles import Role
from editor_app.gui.accessibility import name_from_labels
from editor_app.gui.i18n import translate

__all__ = ["ProfileDialog"]


class ProfileDialog(QDialog):
    """Asks for a name and role; OK is enabled once a name is typed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Sampadak — " + translate("ProfileDialog", "Your profile"))
        layout = QFormLayout(self)
        layout.addRow(QLabel(translate("ProfileDialog", "Welcome to Sampadak.")))
        self.name_edit = QLineEdit()
        # An example of a name as the desk writes it, in every UI language.
        self.name_edit.setPlaceholderText("जैसे: नेहा त्रिपाठी")
        self.role_combo = QComboBox()
        for role in Role:
            self.role_combo.addItem(role.label, role.value)
        layout.addRow(translate("ProfileDialog", "Name"), self.name_edit)
        layout.addRow(translate("ProfileDialog", "Role"), self.role_combo)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        layout.addRow(self.buttons)
        self.name_edit.textChanged.connect(self._update_ok)
        self._update_ok()
        name_from_labels(self)

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.name_edit.text().strip()))

    def name(self) -> str:
        """The typed name, trimmed."""
        return self.name_edit.text().strip()

    def role(self) -> Role:
        """The chosen role."""
        return Role(self.role_combo.currentData())
