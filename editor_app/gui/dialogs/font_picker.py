"""Font picker for Hindi text: Devanagari fonts first, a Devanagari sample, then the size.

``QFontDialog`` lists every family alphabetically with a Latin "AaBbYyZz" sample and has no
API to preselect a writing system, so a copy editor cannot see which fonts can write Hindi.
:class:`FontPicker` lists the families that support ``QFontDatabase.WritingSystem.
Devanagari`` first (preferred ones on top, see :mod:`editor_app.gui.fonts`); the others
follow under their own heading only when "सभी फ़ॉन्ट (All fonts)" is ticked. The sample is a
line of Devanagari with conjuncts, nukta, matras and digits, drawn in the chosen font and
size; the user may type their own.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from editor_app.gui.accessibility import name_from_labels
from editor_app.gui.fonts import devanagari_families
from editor_app.gui.i18n import translate

__all__ = ["DEVANAGARI_SAMPLE", "FontPicker", "pick_font"]

DEVANAGARI_SAMPLE = "प्रधानमंत्री ने क्षेत्रीय समाचार पर ज़्यादा ध्यान दिया — श्रृंखला 2026"
_HEADER_ROLE = Qt.ItemDataRole.UserRole + 1


class FontPicker(QDialog):
    """Choose family and size; :meth:`selected_font` is the result."""

    def __init__(self, current: QFont, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("FontPicker", "Choose font"))
        self._current = QFont(current)
        self.families = QListWidget()
        self.families.setObjectName("fontFamilies")
        self.show_all = QCheckBox(translate("FontPicker", "All fonts"))
        self.size_box = QSpinBox()
        self.size_box.setRange(6, 72)
        self.size_box.setValue(max(6, current.pointSize()))
        self.size_box.setSuffix(" pt")
        self.sample = QLineEdit(DEVANAGARI_SAMPLE)
        self.sample.setObjectName("fontSample")
        self.sample.setMinimumHeight(56)
        self.sample.setToolTip(translate("FontPicker", "Sample: type your own"))
        self.note = QLabel()
        self.note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(translate("FontPicker", "&Size"), self.size_box)
        layout = QVBoxLayout(self)
        heading = QLabel(translate("FontPicker", "&Font"))
        heading.setBuddy(self.families)
        layout.addWidget(heading)
        layout.addWidget(self.families, 1)
        layout.addWidget(self.show_all)
        layout.addLayout(form)
        layout.addWidget(QLabel(translate("FontPicker", "Sample")))
        layout.addWidget(self.sample)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.show_all.toggled.connect(lambda _on: self._fill())
        self.families.currentItemChanged.connect(lambda _c, _p: self._update_sample())
        self.size_box.valueChanged.connect(lambda _v: self._update_sample())
        self._fill()
        self.resize(520, 560)
        name_from_labels(self)

    # ------------------------------------------------------------ API
    def family_names(self) -> list[str]:
        """Families listed now, in order (headings left out)."""
        return [item.text() for item in self._items() if not item.data(_HEADER_ROLE)]

    def select_family(self, family: str) -> bool:
        """Make ``family`` current; False when it is not listed."""
        for item in self._items():
            if item.text() == family and not item.data(_HEADER_ROLE):
                self.families.setCurrentItem(item)
                return True
        return False

    def selected_font(self) -> QFont:
        """The chosen family and size."""
        font = QFont(self._current)
        item = self.families.currentItem()
        if item is not None and not item.data(_HEADER_ROLE):
            font.setFamily(item.text())
        font.setPointSize(self.size_box.value())
        return font

    # ------------------------------------------------------------ internals
    def _items(self) -> list[QListWidgetItem]:
        return [item for i in range(self.families.count())
                if (item := self.families.item(i)) is not None]

    def _heading(self, text: str) -> None:
        item = QListWidgetItem(text)
        item.setData(_HEADER_ROLE, True)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        font = item.font()
        font.setBold(True)
        item.setFont(font)
        self.families.addItem(item)

    def _fill(self) -> None:
        wanted = self.selected_font().family() if self.families.count() else \
            self._current.family()
        self.families.clear()
        deva = devanagari_families()
        self._heading(translate("FontPicker", "Devanagari fonts"))
        for family in deva:
            self.families.addItem(family)
        if self.show_all.isChecked():
            self._heading(translate("FontPicker", "Other fonts: no Devanagari"))
            for family in sorted(set(QFontDatabase.families()) - set(deva)):
                self.families.addItem(family)
        if not self.select_family(wanted) and deva:
            self.select_family(deva[0])
        self._update_sample()

    def _update_sample(self) -> None:
        font = self.selected_font()
        self.sample.setFont(font)
        writes_hindi = font.family() in devanagari_families()
        self.note.setText("" if writes_hindi else
                          translate("FontPicker", "This font has no Devanagari."))


def pick_font(current: QFont, parent: QWidget | None = None) -> QFont | None:
    """Show the picker; the chosen font, or None when cancelled."""
    dialog = FontPicker(current, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.selected_font()
