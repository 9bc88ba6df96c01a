"""Conflict dialog: somebody else saved the article since it was opened here."""

from __future__ import annotations

from enum import Enum

from PySide6.QtWidgets import QMessageBox, QWidget

from editor_app.gui.i18n import translate

__all__ = ["ConflictChoice", "ask_conflict"]


class ConflictChoice(Enum):
    """What to do with the local text after a conflict."""

    KEEP_MINE = "keep_mine"
    LOAD_THEIRS = "load_theirs"
    SAVE_AS_COPY = "save_as_copy"
    CANCEL = "cancel"


def ask_conflict(parent: QWidget | None, detail: str) -> ConflictChoice:
    """Ask the user; their version is never discarded without this choice.

    Both versions stay in the revision history whatever is chosen, except "load theirs",
    which drops the unsaved local edits (the dialog says so).
    """
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(translate("Conflict", "Conflict"))
    box.setText(translate("Conflict", "Someone else saved this article after you opened it."))
    box.setInformativeText(
        detail + "\n\n" + translate("Conflict", "Save yours as a copy, keep yours as the newest "
                                     "version (theirs stays in the history), or load theirs "
                                     "and drop your unsaved changes."))
    copy = box.addButton(translate("Conflict", "Save mine as copy"),
                         QMessageBox.ButtonRole.AcceptRole)
    mine = box.addButton(translate("Conflict", "Keep mine"), QMessageBox.ButtonRole.DestructiveRole)
    theirs = box.addButton(translate("Conflict", "Load theirs"), QMessageBox.ButtonRole.RejectRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(copy)
    box.exec()
    clicked = box.clickedButton()
    if clicked is copy:
        return ConflictChoice.SAVE_AS_COPY
    if clicked is mine:
        return ConflictChoice.KEEP_MINE
    if clicked is theirs:
        return ConflictChoice.LOAD_THEIRS
    _ = cancel
    return ConflictChoice.CANCEL
