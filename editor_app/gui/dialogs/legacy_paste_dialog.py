"""Offer to convert pasted legacy-font text (Kruti Dev 010, Walkman Chanakya) to Unicode.

Nothing is converted without the user's confirmation: the dialog shows the pasted text and
a live preview of the conversion, lets the user pick the font, and returns the converted text
only on "Convert". :func:`maybe_convert_paste` is the hook editors call on every plain-text
paste; it does nothing for text that does not look like a legacy font.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.text.legacy_fonts import LegacyEncoding, convert_legacy, detect_legacy
from editor_app.gui.accessibility import name_from_labels
from editor_app.gui.i18n import QT_TRANSLATE_NOOP, translate

__all__ = ["LegacyPasteDialog", "maybe_convert_paste"]

PREVIEW_CHARS = 4000
_FONTS = (("krutidev", QT_TRANSLATE_NOOP("LegacyPasteDialog", "Kruti Dev 010")),
          ("chanakya", QT_TRANSLATE_NOOP("LegacyPasteDialog", "Walkman Chanakya")))


class LegacyPasteDialog(QDialog):
    """Shows original and converted text side by side; Convert or paste as is."""

    def __init__(self, text: str, encoding: str, confidence: float,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("LegacyPasteDialog", "Legacy font text?"))
        self.resize(720, 480)
        self._text = text
        self.font_combo = QComboBox()
        for key, label in _FONTS:
            self.font_combo.addItem(translate("LegacyPasteDialog", label), key)
        self.font_combo.setCurrentIndex(max(0, self.font_combo.findData(encoding)))
        self.original = QPlainTextEdit(text[:PREVIEW_CHARS])
        self.original.setReadOnly(True)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        note = QLabel(translate(
            "LegacyPasteDialog", "The pasted text looks typed in a legacy font (confidence "
            "{confidence}). Convert it to Unicode?").format(confidence=f"{confidence:.0%}"))
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.convert_button = self.buttons.addButton(
            translate("LegacyPasteDialog", "Convert"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.as_is_button = self.buttons.addButton(
            translate("LegacyPasteDialog", "Paste as is"), QDialogButtonBox.ButtonRole.RejectRole)
        form = QFormLayout()
        form.addRow(translate("LegacyPasteDialog", "Font"), self.font_combo)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(QLabel(translate("LegacyPasteDialog", "Original")))
        layout.addWidget(self.original)
        layout.addWidget(QLabel(translate("LegacyPasteDialog", "Preview")))
        layout.addWidget(self.preview)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.font_combo.currentIndexChanged.connect(lambda _i: self._update_preview())
        self._update_preview()
        name_from_labels(self)

    def encoding(self) -> LegacyEncoding:
        """The font the user chose."""
        return cast(LegacyEncoding, self.font_combo.currentData())

    def converted(self) -> str:
        """The whole pasted text converted with the chosen font."""
        return convert_legacy(self._text, self.encoding())

    def _update_preview(self) -> None:
        self.preview.setPlainText(convert_legacy(self._text[:PREVIEW_CHARS], self.encoding()))


def maybe_convert_paste(parent: QWidget | None, text: str) -> str:
    """``text``, or its Unicode conversion when it looks legacy and the user confirms."""
    guess = detect_legacy(text)
    if guess is None:
        return text
    dialog = LegacyPasteDialog(text, guess.encoding, guess.confidence, parent)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        return dialog.converted()
    return text
