"""A field bundle edited on both sides: both versions side by side, a choice per field.

Each differing field is one row: the desk's version ("mine") and the bundle's ("theirs")
with the changed words marked, who changed it since the common revision, and a choice:
मेरा (mine), उनका (theirs) or दोनों (both: mine stays, theirs is kept as a new copy). Nothing
is written by the dialog; :meth:`BundleMergeDialog.choices` goes to
:func:`editor_app.core.intake.merge.resolve`.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.article_data import BylineData, RelatedLink
from editor_app.core.intake.merge import Choice, FieldDiff
from editor_app.core.intake.word_diff import word_diff
from editor_app.core.review.history import FIELD_LABELS
from editor_app.gui.accessibility import name_from_labels
from editor_app.gui.display_names import field_label
from editor_app.gui.i18n import QT_TRANSLATE_NOOP, translate
from editor_app.gui.theme import colours

__all__ = ["FIELD_LABELS", "BundleMergeDialog", "value_text"]

_CHANGED_BY = {"mine": QT_TRANSLATE_NOOP("BundleMergeDialog", "changed here"),
               "theirs": QT_TRANSLATE_NOOP("BundleMergeDialog", "changed in the bundle"),
               "both": QT_TRANSLATE_NOOP("BundleMergeDialog", "changed on both sides")}
_CHOICES: tuple[tuple[Choice, str], ...] = (
    ("mine", QT_TRANSLATE_NOOP("BundleMergeDialog", "mine")),
    ("theirs", QT_TRANSLATE_NOOP("BundleMergeDialog", "theirs")),
    ("both", QT_TRANSLATE_NOOP("BundleMergeDialog", "both: copy")))


def value_text(value: Any) -> str:
    """A field value as plain text (tags and bylines one a line)."""
    if value is None:
        return ""
    if isinstance(value, tuple):
        return "\n".join(v.display() if isinstance(v, BylineData | RelatedLink) else str(v)
                         for v in value)
    return str(value)


def _marked(pieces: Sequence[tuple[str, str]], colour: str) -> str:
    out = []
    for kind, text in pieces:
        escaped = html.escape(text).replace("\n", "<br>")
        out.append(f'<span style="background:{colour}">{escaped}</span>'
                   if kind == "changed" else escaped)
    return "".join(out)


class BundleMergeDialog(QDialog):
    """Choose mine/theirs/both per differing field (see module contract)."""

    def __init__(self, diffs: Sequence[FieldDiff], headline: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("BundleMergeDialog", "Bundle conflict"))
        self.resize(1000, 560)
        self._diffs = list(diffs)
        intro = QLabel(f"<b>{html.escape(headline)}</b><br>" + html.escape(translate(
            "BundleMergeDialog", "This story changed here and in the bundle: choose per field. "
            "Nothing is lost: with \"both\" theirs is kept as a copy.")))
        intro.setWordWrap(True)
        self.table = QTableWidget(len(self._diffs), 4)
        self.table.setHorizontalHeaderLabels([
            translate("BundleMergeDialog", "Field"), translate("BundleMergeDialog", "Mine"),
            translate("BundleMergeDialog", "Theirs"), translate("BundleMergeDialog", "Choose")])
        self.combos: dict[str, QComboBox] = {}
        for row, diff in enumerate(self._diffs):
            changed = translate("BundleMergeDialog", _CHANGED_BY[diff.changed_by])
            label = QLabel(f"{html.escape(field_label(diff.name))}<br>"
                           f"<small>{html.escape(changed)}</small>")
            mine, theirs = word_diff(value_text(diff.mine), value_text(diff.theirs))
            theme = colours()
            cells = [label, QLabel(_marked(mine, theme.diff_removed)),
                     QLabel(_marked(theirs, theme.diff_added))]
            for column, cell in enumerate(cells):
                cell.setWordWrap(True)
                self.table.setCellWidget(row, column, cell)
            combo = QComboBox()
            for key, text in _CHOICES:
                combo.addItem(translate("BundleMergeDialog", text), key)
            combo.setCurrentIndex(1 if diff.changed_by == "theirs" else 0)
            self.combos[diff.name] = combo
            self.table.setCellWidget(row, 3, combo)
        self.table.setColumnWidth(0, 170)
        self.table.setColumnWidth(1, 340)
        self.table.setColumnWidth(2, 340)
        self.table.resizeRowsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = buttons.addButton(translate("BundleMergeDialog", "Apply"),
                                              QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.table.setAccessibleName(translate("BundleMergeDialog", "Fields that differ"))
        name_from_labels(self)

    def choices(self) -> dict[str, Choice]:
        """The chosen side per field."""
        return {name: combo.currentData() for name, combo in self.combos.items()}
