"""Dialogs of the workflow: the note a move needs, the reasons a move was refused (with
"override" for a desk chief) and the override's written reason.

Each is a small function so tests (and other callers) can patch it; the refusal dialog is a
real :class:`QDialog` whose reasons are in :attr:`RefusalDialog.reasons` (a list widget).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.workflow.service import TransitionRefused
from editor_app.gui.accessibility import name_from_labels
from editor_app.gui.i18n import translate

__all__ = ["RefusalDialog", "ask_note", "ask_override_reason", "show_refusal"]


def ask_note(parent: QWidget | None, label: str) -> str | None:
    """The note for a move (``None``: cancelled; an empty note is asked again by core)."""
    text, ok = QInputDialog.getMultiLineText(
        parent, translate("Dialogs", "Note"), f"{label}: " + translate("Dialogs", "why?"), "")
    return text if ok else None


def ask_override_reason(parent: QWidget | None) -> str | None:
    """The desk chief's written reason for overriding the approval gate."""
    text, ok = QInputDialog.getText(
        parent, translate("Dialogs", "Override"),
        translate("Dialogs", "reason for the override, goes into the audit log") + ":")
    return text if ok and text.strip() else None


class RefusalDialog(QDialog):
    """Every reason a move was refused; an "override" button when the actor may."""

    OVERRIDE = 2

    def __init__(self, error: TransitionRefused, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("RefusalDialog", "Status not changed"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(translate("RefusalDialog", "every reason") + ":"))
        self.reasons = QListWidget()
        self.reasons.setWordWrap(True)
        self.reasons.addItems(error.reasons)
        layout.addWidget(self.reasons)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.override_button: QPushButton | None = None
        if error.may_override:
            self.override_button = QPushButton(translate("RefusalDialog", "Override…"))
            self.override_button.setObjectName("workflowOverride")
            buttons.addButton(self.override_button, QDialogButtonBox.ButtonRole.ActionRole)
            self.override_button.clicked.connect(lambda: self.done(self.OVERRIDE))
        layout.addWidget(buttons)
        name_from_labels(self)


def show_refusal(parent: QWidget | None, error: TransitionRefused) -> str | None:
    """Show why a move was refused; the override reason when a desk chief chose to
    override (and wrote one), else ``None``."""
    dialog = RefusalDialog(error, parent)
    if dialog.exec() != RefusalDialog.OVERRIDE:
        return None
    return ask_override_reason(parent)
