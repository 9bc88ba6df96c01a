"""Images panel: the article's pictures with caption, credit and alt text.

Add a picture from a file (type checked by core), edit its caption/credit/alt text (saved
when a field is left or Enter is pressed; the caption is spell-checked once
:meth:`ImagesPanel.attach_spelling` is called), remove it, or insert it into the body at
the cursor. The panel also serves the rich editor: :meth:`ImagesPanel.provider` lists the
images for its chooser and :meth:`ImagesPanel.resolve` gives a cached local file for an
``asset:ID`` reference.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor_app.core import assets
from editor_app.core.assets import AssetInfo
from editor_app.core.db import Database
from editor_app.core.errors import SampadakError
from editor_app.core.fileio import atomic_write_bytes
from editor_app.core.text.spell import SpellChecker
from editor_app.gui.dialogs.errors import show_error
from editor_app.gui.editor.line_text_edit import LineTextEdit
from editor_app.gui.editor.spell_fields import SpellField, spell_check_field
from editor_app.gui.editor.spell_highlighter import SpellHighlighter
from editor_app.gui.i18n import QT_TRANSLATE_NOOP, short_label, translate

__all__ = ["ImagesPanel"]

log = logging.getLogger(__name__)
_ID_ROLE = int(Qt.ItemDataRole.UserRole)
InsertImage = Callable[[str, str, str, str], None]


class ImagesPanel(QWidget):
    """List of the article's images plus an editor for the selected one."""

    images_changed = Signal()

    def __init__(self, db: Database, user: str, cache_dir: Path,
                 insert: InsertImage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self._user, self._cache = db, user, cache_dir / "assets"
        self._insert = insert
        self._article_id: int | None = None
        self._assets: dict[int, AssetInfo] = {}
        self.list = QListWidget()
        self.list.setAccessibleName(translate("ImagesPanel", "Images of the article"))
        self.list.setIconSize(QSize(96, 64))
        self.caption = LineTextEdit()
        self.caption_highlighter: SpellHighlighter | None = None
        self.caption.setPlaceholderText(translate("ImagesPanel", "Caption"))
        self.credit = QLineEdit()
        self.credit.setPlaceholderText(translate("ImagesPanel", "Credit"))
        self.alt_text = QLineEdit()
        self.alt_text.setPlaceholderText(translate("ImagesPanel", "Alt text"))
        self.add_button = QPushButton("+ " + translate("ImagesPanel", "Add image…"))
        self.remove_button = QPushButton("− " + translate("ImagesPanel", "Remove"))
        self.insert_button = QPushButton(translate("ImagesPanel", "Insert in text"))
        form = QFormLayout()
        # one language: the side panel is narrow
        form.addRow(short_label("ImagesPanel", QT_TRANSLATE_NOOP("ImagesPanel", "Caption")),
                    self.caption)
        form.addRow(short_label("ImagesPanel", QT_TRANSLATE_NOOP("ImagesPanel", "Credit")),
                    self.credit)
        form.addRow(short_label("ImagesPanel", QT_TRANSLATE_NOOP("ImagesPanel", "Description")),
                    self.alt_text)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.insert_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.choose_and_add)
        self.remove_button.clicked.connect(self.remove_current)
        self.insert_button.clicked.connect(self.insert_current)
        self.list.currentItemChanged.connect(lambda _c, _p: self._show_current())
        for field in (self.caption, self.credit, self.alt_text):
            field.editingFinished.connect(self.save_current)
        self._show_current()

    # ------------------------------------------------------------ data
    def set_article(self, article_id: int | None) -> None:
        """Show the images of ``article_id``."""
        self._article_id = article_id
        self.reload()

    def reload(self, select_id: int | None = None) -> None:
        """Re-read the images from the database."""
        rows = assets.list_assets(self._db, self._article_id) if self._article_id else []
        self._assets = {a.id: a for a in rows}
        self.list.blockSignals(True)
        self.list.clear()
        for info in rows:
            item = QListWidgetItem(self._icon(info), info.caption or info.filename)
            item.setData(_ID_ROLE, info.id)
            item.setToolTip(f"{info.filename} · {info.size // 1024} KiB · {info.credit}")
            self.list.addItem(item)
            if info.id == select_id:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self._show_current()

    def provider(self) -> list[tuple[str, str, str, str]]:
        """``(ref, caption, credit, alt)`` of every image, for the editor's chooser."""
        return [(a.ref, a.caption, a.credit, a.alt_text) for a in self._assets.values()]

    def resolve(self, ref: str) -> Path | None:
        """A local file holding the image ``ref`` (cached), or ``None``."""
        asset_id = assets.parse_asset_ref(ref)
        if asset_id is None:
            return None
        try:
            media_type, data = assets.image_data(self._db, asset_id)
        except SampadakError:
            return None
        path = self._cache / f"{asset_id}.{assets.EXTENSIONS.get(media_type, 'img')}"
        if not path.exists() or path.stat().st_size != len(data):
            try:
                atomic_write_bytes(path, data)
            except SampadakError as exc:
                log.warning("cannot cache image %s: %s", ref, exc)
                return None
        return path

    # ------------------------------------------------------------ spelling
    def attach_spelling(self, checker: SpellChecker) -> None:
        """Underline misspellings in the caption field (shared ``checker``)."""
        self.caption_highlighter = spell_check_field(self.caption, checker)

    def spelling_fields(self) -> list[SpellField]:
        """One stop per image, in list order: its caption, shown in the caption field.

        Preparing a stop stores the caption being edited and selects that image; after the
        dialog changes a caption it is stored (:meth:`save_current`).
        """
        if self.caption_highlighter is None:
            return []
        fields = []

        def chooser(row: int) -> Callable[[], bool]:
            return lambda: self._select_row(row)

        for row in range(self.list.count()):
            item = self.list.item(row)
            name = item.text() if item is not None else ""
            label = translate("ImagesPanel", "Caption") + f" {row + 1}: {name}"
            fields.append(SpellField(label, self.caption,
                                     self.caption_highlighter,
                                     prepare=chooser(row),
                                     commit=self.save_current))
        return fields

    def _select_row(self, row: int) -> bool:
        self.save_current()
        if not 0 <= row < self.list.count():
            return False
        self.list.setCurrentRow(row)
        return self.caption.isEnabled()

    # ------------------------------------------------------------ actions
    def current(self) -> AssetInfo | None:
        """The selected image."""
        item = self.list.currentItem()
        return self._assets.get(item.data(_ID_ROLE)) if item is not None else None

    def choose_and_add(self) -> None:
        """Ask for an image file and attach it."""
        path, _ = QFileDialog.getOpenFileName(
            self, translate("ImagesPanel", "Choose image"), "",
            translate("ImagesPanel", "Images") + " (*.jpg *.jpeg *.png *.gif *.webp)")
        if path:
            self.add_file(Path(path))

    def add_file(self, path: Path) -> AssetInfo | None:
        """Attach ``path``; errors (not an image, too big) are shown, nothing stored."""
        if self._article_id is None:
            return None
        try:
            info = assets.add_image(self._db, self._article_id, path, user=self._user)
        except SampadakError as exc:
            show_error(self, translate("ImagesPanel", "Image not added"), exc)
            return None
        self.reload(info.id)
        self.caption.setFocus()
        self.images_changed.emit()
        return info

    def save_current(self) -> None:
        """Store the edited caption, credit and alt text of the selected image."""
        info = self.current()
        if info is None:
            return
        new = (self.caption.text(), self.credit.text(), self.alt_text.text())
        if new == (info.caption, info.credit, info.alt_text):
            return
        try:
            updated = assets.update_asset(self._db, info.id, caption=new[0], credit=new[1],
                                          alt_text=new[2], user=self._user)
        except SampadakError as exc:
            show_error(self, translate("ImagesPanel", "Not saved"), exc)
            return
        self._assets[updated.id] = updated
        item = self.list.currentItem()
        if item is not None:
            item.setText(updated.caption or updated.filename)
        self.images_changed.emit()

    def remove_current(self) -> None:
        """Delete the selected image."""
        info = self.current()
        if info is None:
            return
        try:
            assets.remove_asset(self._db, info.id, user=self._user)
        except SampadakError as exc:
            show_error(self, translate("ImagesPanel", "Not removed"), exc)
            return
        self.reload()
        self.images_changed.emit()

    def insert_current(self) -> None:
        """Insert the selected image (with caption and credit) into the body."""
        self.save_current()
        info = self.current()
        if info is not None:
            self._insert(info.ref, info.alt_text, info.caption, info.credit)

    def _show_current(self) -> None:
        info = self.current()
        for field, value in ((self.caption, info.caption if info else ""),
                             (self.credit, info.credit if info else ""),
                             (self.alt_text, info.alt_text if info else "")):
            field.blockSignals(True)
            field.setText(value)
            field.setEnabled(info is not None)
            field.blockSignals(False)
        self.remove_button.setEnabled(info is not None)
        self.insert_button.setEnabled(info is not None)
        self.add_button.setEnabled(self._article_id is not None)

    def _icon(self, info: AssetInfo) -> QIcon:
        pixmap = QPixmap()
        try:
            _media, data = assets.image_data(self._db, info.id)
            pixmap.loadFromData(data)
        except SampadakError:
            pass
        return QIcon(pixmap) if not pixmap.isNull() else QIcon()
