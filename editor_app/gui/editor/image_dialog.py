"""Image chooser: pick one of the article's assets and confirm alt text, caption and credit."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.markdown_model import ImageBlock
from editor_app.core.text.normalize import to_nfc
from editor_app.gui.accessibility import name_from_labels
from editor_app.gui.i18n import translate

__all__ = ["AssetProvider", "ImageChooserDialog", "choose_image"]

log = logging.getLogger(__name__)

AssetProvider = Callable[[], list[tuple[str, str, str, str]]]
"""``provider() -> [(ref, caption, credit, alt), ...]`` for the current article."""


class ImageChooserDialog(QDialog):
    """Lists the provider's assets; the fields start from the chosen asset and can be edited.

    With no assets the reference can be typed (``asset:ID`` or a URL).
    """

    def __init__(self, assets: list[tuple[str, str, str, str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ImageChooserDialog", "Insert image"))
        self._assets = assets
        self._list = QListWidget(self)
        for ref, caption, _credit, _alt in assets:
            item = QListWidgetItem(f"{caption or ref}  —  {ref}")
            self._list.addItem(item)
        self._list.currentRowChanged.connect(self._fill)
        self._list.setAccessibleName(translate("ImageChooserDialog", "Images of the article"))
        self.ref = QLineEdit(self)
        self.alt = QLineEdit(self)
        self.caption = QLineEdit(self)
        self.credit = QLineEdit(self)
        form = QFormLayout()
        form.addRow(translate("ImageChooserDialog", "Ref"), self.ref)
        form.addRow(translate("ImageChooserDialog", "Alt"), self.alt)
        form.addRow(translate("ImageChooserDialog", "Caption"), self.caption)
        form.addRow(translate("ImageChooserDialog", "Credit"), self.credit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self._list)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._list.setVisible(bool(assets))
        if assets:
            self._list.setCurrentRow(0)
        name_from_labels(self)

    def _fill(self, row: int) -> None:
        if 0 <= row < len(self._assets):
            ref, caption, credit, alt = self._assets[row]
            self.ref.setText(ref)
            self.caption.setText(caption)
            self.credit.setText(credit)
            self.alt.setText(alt)

    def image(self) -> ImageBlock | None:
        """The image described by the fields, or ``None`` without a reference."""
        ref = self.ref.text().strip()
        if not ref:
            return None
        return ImageBlock(ref, to_nfc(self.alt.text().strip()),
                          to_nfc(self.caption.text().strip()),
                          to_nfc(self.credit.text().strip()))


def choose_image(parent: QWidget | None, provider: AssetProvider | None) -> ImageBlock | None:
    """Run the chooser modally; ``None`` when cancelled."""
    assets: list[tuple[str, str, str, str]] = []
    if provider is not None:
        try:
            assets = list(provider())
        except Exception:  # the provider reads storage: an I/O boundary
            log.exception("asset provider failed")
    dialog = ImageChooserDialog(assets, parent)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.image()
        return None
    finally:
        dialog.deleteLater()
