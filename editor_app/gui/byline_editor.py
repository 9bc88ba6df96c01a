"""Byline editor: several people, each with Latin name, designation and outlet, reorderable.

With :meth:`BylineEditor.attach_spelling` the Devanagari cells are spell-checked
(:mod:`editor_app.gui.spell_delegate`).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.article_data import BylineData
from editor_app.core.text.spell import SpellChecker
from editor_app.gui.i18n import QT_TRANSLATE_NOOP, short_label, translate
from editor_app.gui.spell_delegate import SpellingDelegate, spell_check_table

__all__ = ["BylineEditor"]

_HEADERS = (QT_TRANSLATE_NOOP("BylineEditor", "Name"), QT_TRANSLATE_NOOP("BylineEditor", "Latin"),
            QT_TRANSLATE_NOOP("BylineEditor", "Designation"),
            QT_TRANSLATE_NOOP("BylineEditor", "Outlet"))
#: Columns spell-checked once :meth:`BylineEditor.attach_spelling` is called (not Latin).
SPELLED_COLUMNS = (0, 2, 3)
_HEADER_TIPS = (QT_TRANSLATE_NOOP("BylineEditor", "Name in Devanagari"),
                QT_TRANSLATE_NOOP("BylineEditor", "Name in Latin letters"),
                QT_TRANSLATE_NOOP("BylineEditor", "Designation, e.g. Correspondent"),
                QT_TRANSLATE_NOOP("BylineEditor", "Outlet"))


class BylineEditor(QWidget):
    """Table of bylines with add / remove / move up / move down. Emits ``changed``.

    When a typed name matches a known person and the other cells are empty, they are filled
    from that person's last byline.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._known: dict[str, BylineData] = {}
        self.spelling: SpellingDelegate | None = None
        self.table = QTableWidget(0, len(_HEADERS))
        self.table.setHorizontalHeaderLabels([short_label("BylineEditor", h) for h in _HEADERS])
        for column, tip in enumerate(_HEADER_TIPS):
            header_item = self.table.horizontalHeaderItem(column)
            if header_item is not None:
                header_item.setToolTip(translate("BylineEditor", tip))
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Columns fit their content (no "Neha ..." elision); a narrow panel scrolls sideways.
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setMinimumSectionSize(60)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setFixedHeight(120)
        self.add_button = QPushButton("+ " + short_label("BylineEditor",
                                                         QT_TRANSLATE_NOOP("BylineEditor", "Add")))
        self.add_button.setToolTip(translate("BylineEditor", "Add byline"))
        self.remove_button = QPushButton("− " + short_label(
            "BylineEditor", QT_TRANSLATE_NOOP("BylineEditor", "Remove")))
        self.remove_button.setToolTip(translate("BylineEditor", "Remove byline"))
        self.up_button = QPushButton("▲")
        self.down_button = QPushButton("▼")
        self.up_button.setToolTip(translate("BylineEditor", "Move up"))
        self.down_button.setToolTip(translate("BylineEditor", "Move down"))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(lambda: self.add_byline(BylineData(""), edit=True))
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.table.itemChanged.connect(self._on_item_changed)

    def attach_spelling(self, checker: SpellChecker) -> None:
        """Underline misspellings in the name, designation and outlet cells; editing such a
        cell (or right-clicking it) offers the spelling menu."""
        self.spelling = spell_check_table(self.table, checker, SPELLED_COLUMNS)

    def set_known_people(self, people: Sequence[BylineData]) -> None:
        """People offered for auto-fill."""
        self._known = {p.name: p for p in people if p.name}

    def set_bylines(self, bylines: Sequence[BylineData]) -> None:
        """Replace the table content (does not emit ``changed``)."""
        with QSignalBlocker(self.table):
            self.table.setRowCount(0)
            for byline in bylines:
                self._append_row(byline)

    def bylines(self) -> tuple[BylineData, ...]:
        """The bylines in table order (rows with no name are left out)."""
        result = []
        for row in range(self.table.rowCount()):
            cells = [self._text(row, c) for c in range(len(_HEADERS))]
            if cells[0] or cells[1]:
                result.append(BylineData(*cells))
        return tuple(result)

    def add_byline(self, byline: BylineData, *, edit: bool = False) -> None:
        """Append a row; with ``edit`` start editing its name cell."""
        with QSignalBlocker(self.table):
            row = self._append_row(byline)
        self.table.setCurrentCell(row, 0)
        item = self.table.item(row, 0)
        if edit and item is not None:
            self.table.editItem(item)
        self.changed.emit()

    def remove_current(self) -> None:
        """Remove the selected row."""
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.changed.emit()

    def move_current(self, delta: int) -> None:
        """Move the selected row up (-1) or down (+1)."""
        row = self.table.currentRow()
        target = row + delta
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        with QSignalBlocker(self.table):
            cells = [self._text(row, c) for c in range(len(_HEADERS))]
            self.table.removeRow(row)
            self.table.insertRow(target)
            for column, text in enumerate(cells):
                self.table.setItem(target, column, QTableWidgetItem(text))
        self.table.setCurrentCell(target, 0)
        self.changed.emit()

    def _append_row(self, byline: BylineData) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        values = (byline.name, byline.name_latin, byline.designation, byline.outlet)
        for column, text in enumerate(values):
            self.table.setItem(row, column, QTableWidgetItem(text))
        return row

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == 0:
            known = self._known.get(item.text().strip())
            if known is not None:
                row = item.row()
                with QSignalBlocker(self.table):
                    for column, value in ((1, known.name_latin), (2, known.designation)):
                        if value and not self._text(row, column):
                            self.table.setItem(row, column, QTableWidgetItem(value))
        self.changed.emit()

