"""The inner ``QTextEdit`` of the rich editor: keys, paste, context menu, images, quotes.

Devanagari editing behaviour (verified with QTest key clicks, see tests):

- Arrow keys, Home/End and mouse selection move by **akshara** (Qt's grapheme clusters
  follow Unicode's conjunct rule, so ``क्षि``, ``र्त्य`` and ``ज़्या`` are single steps, the
  same clusters as the core's ``regex`` ``\\X``).
- **Backspace deletes one code point** (Qt's default, kept on purpose): a copy editor who
  typed ``कि`` and hits Backspace expects ``क`` back, i.e. the last key typed undone, not the
  whole akshara. Deleting ``ा`` from ``ज़्यादा`` leaves ``ज़्याद``.
- **Delete removes the whole next akshara** (Qt's default): forward deletion of a partial
  conjunct would leave a dangling virama or matra that the user did not type.
- Enter at the end of a subheading starts a body paragraph; Enter in an empty list item or
  quote leaves the list/quote; Shift+Enter behaves like Enter (Markdown has no soft breaks
  in the subset).
- Typing right after a link does not extend the link.
- Paste is sanitised through the Markdown model: pasted HTML keeps only the subset
  (paragraphs, subheadings, lists, quotes, strong, emphasis, links, images).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, QPoint, QRectF, Qt, QUrl
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QFont,
    QImage,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QMenu, QTextEdit, QWidget

from editor_app.core.markdown_model import BlockKind, ImageBlock
from editor_app.core.text.normalize import to_nfc
from editor_app.core.text.tokenize import tokenize
from editor_app.gui.editor.markdown_bridge import (
    IMAGE_SCHEME,
    IMAGE_WIDTH,
    base_char_format,
    block_format,
    decode_image_name,
    document_blocks,
    heading_level,
    insert_blocks,
    is_quote,
)
from editor_app.gui.editor.menu_extensions import extend_menu
from editor_app.gui.editor.utf16 import Utf16Map
from editor_app.gui.i18n import QT_TRANSLATE_NOOP, short_label
from editor_app.gui.theme import colours

__all__ = ["AssetResolver", "ContextMenuProvider", "PasteFilter", "RichTextEdit"]

log = logging.getLogger(__name__)

ContextMenuProvider = Callable[[str, int, int], list[QAction]]
"""``provider(word, start, end)``: actions for the word; positions are document positions."""
AssetResolver = Callable[[str], Path | None]
"""``resolver(ref)``: a local image file for an image reference, or ``None``."""
PasteFilter = Callable[[str], str | None]
"""``filter(text)``: the text to paste instead (e.g. converted from a legacy font), the same
text to paste normally, or ``None`` to cancel the paste."""

_PLACEHOLDER_BG = QColor("#eef1f5")


class RichTextEdit(QTextEdit):
    """``QTextEdit`` with the editor's key handling, clean paste and image rendering."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptRichText(True)
        self.setTabChangesFocus(False)
        self._menu_provider: ContextMenuProvider | None = None
        self._asset_resolver: AssetResolver | None = None
        self._paste_filter: PasteFilter | None = None
        self._reserved_shortcuts: set[str] = set()

    # ------------------------------------------------------------------ hooks

    def set_context_menu_provider(self, provider: ContextMenuProvider | None) -> None:
        """Actions to show on top of the context menu for the word under the mouse."""
        self._menu_provider = provider

    def set_asset_resolver(self, resolver: AssetResolver | None) -> None:
        """How image references become local files for display (placeholders otherwise)."""
        self._asset_resolver = resolver

    def set_paste_filter(self, paste_filter: PasteFilter | None) -> None:
        """Look at the plain text of every paste first (see :data:`PasteFilter`)."""
        self._paste_filter = paste_filter

    def reserve_shortcuts(self, keys: set[str]) -> None:
        """Shortcuts (portable ``QKeySequence`` text) that belong to the editor's actions even
        where ``QTextEdit`` has its own binding (Ctrl+K is kill-line on X11)."""
        self._reserved_shortcuts = set(keys)

    # ------------------------------------------------------------------ words

    def word_at(self, cursor: QTextCursor) -> tuple[str, int, int] | None:
        """The word (core tokenizer) touching ``cursor`` as (word, start, end) positions."""
        block = cursor.block()
        text = block.text()
        mapping = Utf16Map(text)
        index = mapping.to_code_point(cursor.position() - block.position())
        for token in tokenize(text):
            if token.start <= index <= token.end:
                return (token.text, block.position() + mapping.to_utf16(token.start),
                        block.position() + mapping.to_utf16(token.end))
        return None

    # ------------------------------------------------------------------ events

    def event(self, e: Any) -> bool:
        """Let the editor's own shortcuts win over ``QTextEdit``'s built-in bindings."""
        if e.type() == e.Type.ShortcutOverride and isinstance(e, QKeyEvent) \
                and QKeySequence(e.keyCombination()).toString() in self._reserved_shortcuts:
            e.ignore()
            return True
        return super().event(e)

    def keyPressEvent(self, e: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        """Enter handling for headings/lists/quotes; no link extension while typing."""
        if e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.isReadOnly():
            if self._handle_enter():
                return
            e = QKeyEvent(e.type(), e.key(), Qt.KeyboardModifier.NoModifier, e.text())
        elif e.text() and e.text().isprintable() and not self.textCursor().hasSelection():
            self._leave_link_at_end()
        super().keyPressEvent(e)

    def _handle_enter(self) -> bool:
        cursor = self.textCursor()
        block = cursor.block()
        bfmt = block.blockFormat()
        empty = block.length() <= 1
        level = heading_level(bfmt)
        if empty and (block.textList() is not None or is_quote(bfmt)):
            cursor.beginEditBlock()
            if block.textList() is not None:
                block.textList().remove(block)
            cursor.setBlockFormat(block_format(BlockKind.PARAGRAPH))
            cursor.endEditBlock()
            return True
        at_end = cursor.atBlockEnd() and not cursor.hasSelection()
        has_image = "\ufffc" in block.text()
        if at_end and (level or has_image):
            cursor.insertBlock(block_format(BlockKind.PARAGRAPH), base_char_format(0))
            self.setTextCursor(cursor)
            return True
        return False

    def _leave_link_at_end(self) -> None:
        cursor = self.textCursor()
        fmt = cursor.charFormat()
        if not fmt.isAnchor():
            return
        ahead = QTextCursor(cursor)
        at_end = cursor.atBlockEnd()
        if not at_end:
            ahead.movePosition(QTextCursor.MoveOperation.NextCharacter)
            at_end = ahead.charFormat().anchorHref() != fmt.anchorHref()
        if at_end:
            level = heading_level(cursor.block().blockFormat())
            plain = base_char_format(level)
            plain.setFontWeight(fmt.fontWeight())
            plain.setFontItalic(fmt.fontItalic())
            cursor.setCharFormat(plain)
            self.setTextCursor(cursor)

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 (Qt override)
        """Paste: the paste filter sees the plain text first (it may convert legacy-font
        text, which is then pasted as plain text, or cancel); then HTML goes through the
        Markdown model and plain text is inserted as NFC text."""
        if self.isReadOnly():
            return
        cursor = self.textCursor()
        if self._paste_filter is not None and source.hasText():
            original = source.text()
            filtered = self._paste_filter(original)
            if filtered is None:
                return
            if filtered != original:
                level = heading_level(cursor.block().blockFormat())
                cursor.insertText(to_nfc(filtered), base_char_format(level))
                self.setTextCursor(cursor)
                return
        if source.hasHtml():
            scratch = QTextDocument()
            scratch.setHtml(source.html())
            blocks = document_blocks(scratch, foreign=True)
            if blocks:
                cursor.beginEditBlock()
                cursor.removeSelectedText()
                first_in_place = cursor.block().length() <= 1
                insert_blocks(cursor, blocks, first_in_place=first_in_place)
                cursor.endEditBlock()
                self.setTextCursor(cursor)
                return
        if source.hasText():
            level = heading_level(cursor.block().blockFormat())
            fmt = base_char_format(level)
            cursor.insertText(to_nfc(source.text()), fmt)
            self.setTextCursor(cursor)

    def build_context_menu(self, pos: QPoint) -> QMenu:
        """The standard menu for viewport ``pos``, the provider's word actions on top."""
        menu = self.createStandardContextMenu(pos)
        extend_menu(self, menu)  # entries of other features (comments)
        if self._menu_provider is None:
            return menu
        found = self.word_at(self.cursorForPosition(pos))
        if found is None:
            return menu
        try:
            actions = self._menu_provider(*found)
        except Exception:  # a broken provider must not break the menu
            log.exception("context menu provider failed")
            actions = []
        existing = menu.actions()
        if actions and existing:
            for action in actions:
                menu.insertAction(existing[0], action)
            menu.insertSeparator(existing[0])
        elif actions:
            menu.addActions(actions)
        return menu

    def contextMenuEvent(self, e: QContextMenuEvent) -> None:  # noqa: N802 (Qt override)
        """Show :meth:`build_context_menu`."""
        menu = self.build_context_menu(e.pos())
        menu.exec(e.globalPos())
        menu.deleteLater()

    def paintEvent(self, e: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        """Text as usual, plus a bar left of quote paragraphs. Only the blocks on screen are
        visited (from the one at the viewport's top edge), so a keystroke in a 20,000-word
        story does not walk all of its paragraphs."""
        super().paintEvent(e)
        painter = QPainter(self.viewport())
        layout = self.document().documentLayout()
        offset_y = -self.verticalScrollBar().value()
        offset_x = -self.horizontalScrollBar().value()
        height = self.viewport().height()
        block = self.cursorForPosition(QPoint(0, 0)).block()
        while block.isValid():
            rect = layout.blockBoundingRect(block)
            if rect.top() + offset_y > height:
                break
            if is_quote(block.blockFormat()):
                bar = QRectF(rect.left() + 10 + offset_x, rect.top() + offset_y, 4,
                             rect.height() - block.blockFormat().bottomMargin())
                if bar.bottom() >= 0:
                    painter.fillRect(bar, QColor(colours().quote_bar))
            block = block.next()
        painter.end()

    # ------------------------------------------------------------------ images

    def loadResource(self, kind: int, name: QUrl | str) -> Any:  # noqa: N802 (Qt override)
        """Draw ``sampadak-image:`` images: the picture (if resolvable) or a placeholder
        card, with the caption and credit underneath."""
        text = name.toString() if isinstance(name, QUrl) else name
        if text.startswith(IMAGE_SCHEME + ":"):
            return self.render_image(decode_image_name(text))
        return super().loadResource(kind, name)

    def render_image(self, image: ImageBlock) -> QImage:
        """The picture shown for ``image`` in the editor."""
        picture = QImage()
        if self._asset_resolver is not None:
            try:
                path = self._asset_resolver(image.ref)
            except Exception:  # resolver is an I/O boundary
                log.exception("asset resolver failed for %s", image.ref)
                path = None
            if path is not None and picture.load(str(path)):
                picture = picture.scaledToWidth(IMAGE_WIDTH,
                                                Qt.TransformationMode.SmoothTransformation)
        font = QFont(self.document().defaultFont())
        line = max(18, int(font.pointSizeF() * 2.2)) if font.pointSizeF() > 0 else 26
        body = picture.height() if not picture.isNull() else 150
        out = QImage(IMAGE_WIDTH, body + 2 * line + 8, QImage.Format.Format_ARGB32)
        out.fill(QColor("white"))
        painter = QPainter(out)
        painter.setFont(font)
        word = short_label("TextEdit", QT_TRANSLATE_NOOP("TextEdit", "image"))
        if picture.isNull():
            painter.fillRect(0, 0, IMAGE_WIDTH, body, _PLACEHOLDER_BG)
            painter.setPen(QColor("#555"))
            painter.drawText(QRectF(0, 0, IMAGE_WIDTH, body), Qt.AlignmentFlag.AlignCenter,
                             f"[{word}]  {image.alt}\n{image.ref}")
        else:
            painter.drawImage(0, 0, picture)
        painter.setPen(QColor("#222"))
        painter.drawText(QRectF(4, body + 4, IMAGE_WIDTH - 8, line),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         image.caption or "({})".format(short_label(
                             "TextEdit", QT_TRANSLATE_NOOP("TextEdit", "no caption"))))
        painter.setPen(QColor("#777"))
        painter.drawText(QRectF(4, body + 4 + line, IMAGE_WIDTH - 8, line),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         f"© {image.credit}" if image.credit else "({})".format(short_label(
                             "TextEdit", QT_TRANSLATE_NOOP("TextEdit", "no credit"))))
        painter.end()
        return out
