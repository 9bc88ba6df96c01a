"""Conflict dialog: somebody else saved the article since it was opened here.

Contract:
- :func:`ask_conflict` shows :class:`ConflictDialog` modally and returns the user's
  :class:`ConflictChoice`; closing the dialog any other way is :attr:`ConflictChoice.CANCEL`.
  Their version is never discarded without this choice: both versions stay in the revision
  history whatever is chosen, except "load theirs", which drops the unsaved local edits (the
  dialog says so).
- With a :class:`~editor_app.core.review.conflict.ConflictComparison` the dialog shows their
  stored version beside my unsaved text, side by side by default (inline on request), with
  the review diff's marks (:mod:`editor_app.gui.review.diff_view`): text only they have is
  struck through in red on the left, text only I have underlined in green on the right.
  Without one (theirs could not be read) it says so and still offers every choice.
"""

from __future__ import annotations

import html
import logging
from enum import Enum

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.review.conflict import ConflictComparison
from editor_app.gui.i18n import translate
from editor_app.gui.review.diff_view import DiffView, RenderedDiff, render_field

__all__ = ["ConflictChoice", "ConflictDialog", "ask_conflict", "render_conflict"]

log = logging.getLogger(__name__)


class ConflictChoice(Enum):
    """What to do with the local text after a conflict."""

    KEEP_MINE = "keep_mine"
    LOAD_THEIRS = "load_theirs"
    SAVE_AS_COPY = "save_as_copy"
    CANCEL = "cancel"


def _their_heading(comparison: ConflictComparison) -> str:
    when = (comparison.their_saved_at.astimezone().strftime("%d-%m-%Y %H:%M")
            if comparison.their_saved_at is not None else "")
    return translate("ConflictDialog", "Theirs: stored version {version}, saved by {author} "
                     "at {when}").format(version=comparison.their_version,
                                         author=comparison.their_author or "?", when=when)


def render_conflict(comparison: ConflictComparison) -> RenderedDiff:
    """HTML of the comparison in both modes: a heading per side, then each changed field
    (theirs is the old side, mine the new). Plain Python, no widget."""
    theirs = html.escape(_their_heading(comparison))
    mine = html.escape(translate("ConflictDialog", "Mine: not saved yet"))
    if comparison.identical:
        same = html.escape(translate(
            "ConflictDialog", "Your text is the same as theirs: nothing would be lost."))
        text = f"<p><b>{theirs}</b></p><p>{same}</p>"
        return RenderedDiff(text, text)
    side_heading = (f'<table width="100%" cellspacing="0" cellpadding="3"><tr>'
                    f'<td width="50%"><b>{theirs}</b></td>'
                    f'<td width="50%"><b>{mine}</b></td></tr></table>')
    legend = html.escape(translate(
        "ConflictDialog", "Struck through in red: only in theirs. Underlined in green: only "
        "in mine."))
    inline_heading = f"<p><b>{theirs}</b><br><b>{mine}</b></p><p>{legend}</p>"
    inline = "".join(render_field(change, "inline") for change in comparison.changes)
    side = "".join(render_field(change, "side") for change in comparison.changes)
    return RenderedDiff(inline_heading + inline, side_heading + side)


class ConflictDialog(QDialog):
    """The four choices after a conflict, above a comparison of theirs and mine."""

    def __init__(self, parent: QWidget | None, detail: str,
                 comparison: ConflictComparison | None = None) -> None:
        super().__init__(parent)
        self.choice = ConflictChoice.CANCEL
        self.setWindowTitle(translate("ConflictDialog", "Conflict"))
        self.setModal(True)
        layout = QVBoxLayout(self)
        headline = QLabel(translate("ConflictDialog",
                                    "Someone else saved this article after you opened it."))
        font = headline.font()
        font.setBold(True)
        headline.setFont(font)
        headline.setWordWrap(True)
        layout.addWidget(headline)
        self.detail_label = QLabel(detail)  # the core message, as it is
        self.detail_label.setWordWrap(True)
        layout.addWidget(self.detail_label)

        self.diff_view = DiffView()
        self.inline_box = QCheckBox(translate("ConflictDialog", "Show inline"))
        self.inline_box.toggled.connect(
            lambda inline: self.diff_view.set_mode("inline" if inline else "side"))
        if comparison is not None:
            self.diff_view.set_mode("side")
            self.diff_view.show_diff(render_conflict(comparison))
        else:
            self.diff_view.show_message(translate(
                "ConflictDialog", "Their version could not be read, so it cannot be shown "
                "here; every choice below still works."))
            self.inline_box.setEnabled(False)
        layout.addWidget(self.diff_view, 1)
        layout.addWidget(self.inline_box)

        advice = QLabel(translate(
            "ConflictDialog", "Save yours as a copy, keep yours as the newest version "
            "(theirs stays in the history), or load theirs and drop your unsaved changes."))
        advice.setWordWrap(True)
        layout.addWidget(advice)
        self.buttons = QDialogButtonBox()
        self.copy_button = self._button(translate("ConflictDialog", "Save mine as copy"),
                                        ConflictChoice.SAVE_AS_COPY,
                                        QDialogButtonBox.ButtonRole.AcceptRole)
        self.mine_button = self._button(translate("ConflictDialog", "Keep mine"),
                                        ConflictChoice.KEEP_MINE,
                                        QDialogButtonBox.ButtonRole.DestructiveRole)
        self.theirs_button = self._button(translate("ConflictDialog", "Load theirs"),
                                          ConflictChoice.LOAD_THEIRS,
                                          QDialogButtonBox.ButtonRole.ResetRole)
        self.cancel_button = self._button(translate("ConflictDialog", "Cancel"),
                                          ConflictChoice.CANCEL,
                                          QDialogButtonBox.ButtonRole.RejectRole)
        self.copy_button.setDefault(True)
        layout.addWidget(self.buttons)
        self.resize(900, 600)

    def _button(self, text: str, choice: ConflictChoice,
                role: QDialogButtonBox.ButtonRole) -> QPushButton:
        button = QPushButton(text)
        button.setProperty("choice", choice.value)
        button.setAutoDefault(False)
        self.buttons.addButton(button, role)
        button.clicked.connect(lambda: self._choose(choice))
        return button

    def _choose(self, choice: ConflictChoice) -> None:
        self.choice = choice
        if choice is ConflictChoice.CANCEL:
            self.reject()
        else:
            self.accept()


def ask_conflict(parent: QWidget | None, detail: str,
                 comparison: ConflictComparison | None = None) -> ConflictChoice:
    """Ask the user (see the module contract)."""
    dialog = ConflictDialog(parent, detail, comparison)
    dialog.exec()
    log.info("conflict on article %s: the user chose %s",
             comparison.article_id if comparison is not None else "?", dialog.choice.value)
    return dialog.choice
