"""Tag editor: type a tag (autocomplete from existing tags), Enter adds it; tags show as
chips (:mod:`editor_app.gui.tag_chips`), removed with a chip's ``×``, Delete on the selected
chip, or the remove button."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.text.normalize import to_nfc
from editor_app.gui.i18n import QT_TRANSLATE_NOOP, short_label, translate
from editor_app.gui.tag_chips import CHIP_PADDING_Y, ChipDelegate

__all__ = ["TagEditor"]


class _TagList(QListWidget):
    delete_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_pressed.emit()
            return
        super().keyPressEvent(event)


class TagEditor(QWidget):
    """Emits ``changed`` when a tag is added or removed."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.input = QLineEdit()
        self.input.setPlaceholderText(translate("TagEditor", "type a tag, press Enter"))
        self._completion_model = QStringListModel(self)
        completer = QCompleter(self._completion_model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.input.setCompleter(completer)
        self.list = _TagList()
        self.list.setFlow(QListWidget.Flow.LeftToRight)
        self.list.setWrapping(True)
        self.list.setSpacing(3)
        self._fit_height()
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setUniformItemSizes(False)
        self.chips = ChipDelegate(self.list)
        self.list.setItemDelegate(self.chips)
        self.remove_button = QPushButton("× " + short_label(
            "TagEditor", QT_TRANSLATE_NOOP("TagEditor", "Remove")))
        self.remove_button.setToolTip(translate("TagEditor", "Remove selected tag"))
        row = QHBoxLayout()
        row.addWidget(self.input, 1)
        row.addWidget(self.remove_button)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.list)
        self.input.returnPressed.connect(self._add_from_input)
        self.remove_button.clicked.connect(self.remove_selected)
        self.list.delete_pressed.connect(self.remove_selected)
        self.chips.remove_requested.connect(self.remove_row)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """Keep room for two rows of chips when the font changes."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_height()

    def _fit_height(self) -> None:
        chip = self.list.fontMetrics().height() + CHIP_PADDING_Y * 2 + 2
        self.list.setFixedHeight(2 * chip + 3 * self.list.spacing() + 2 * self.list.frameWidth()
                                 + 4)

    def set_known_tags(self, tags: Sequence[str]) -> None:
        """Tags offered by autocomplete."""
        self._completion_model.setStringList(list(tags))

    def set_tags(self, tags: Sequence[str]) -> None:
        """Replace the shown tags (does not emit ``changed``)."""
        self.list.clear()
        for tag in tags:
            self.list.addItem(tag)

    def tags(self) -> tuple[str, ...]:
        """The tags, in the order shown."""
        return tuple(self.list.item(i).text() for i in range(self.list.count()))

    def add_tag(self, text: str) -> bool:
        """Add ``text`` as a tag unless empty or already present (case-insensitive)."""
        tag = " ".join(to_nfc(text).split())
        if not tag or tag.casefold() in {t.casefold() for t in self.tags()}:
            return False
        self.list.addItem(tag)
        self.changed.emit()
        return True

    def remove_selected(self) -> None:
        """Remove the selected tag(s)."""
        rows = sorted((self.list.row(i) for i in self.list.selectedItems()), reverse=True)
        for row in rows:
            self.list.takeItem(row)
        if rows:
            self.changed.emit()

    def remove_row(self, row: int) -> None:
        """Remove the tag in ``row`` (a chip's ``×``)."""
        if 0 <= row < self.list.count():
            self.list.takeItem(row)
            self.changed.emit()

    def _add_from_input(self) -> None:
        if self.add_tag(self.input.text()):
            self.input.clear()
