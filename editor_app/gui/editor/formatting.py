"""Formatting commands of the editor, each one undo step, in the bridge's representation.

Every command works on the cursor's selection (or the word/block at the cursor) and keeps
the document in the shape ``markdown_bridge`` reads: weight 700 for strong (600 is the
subheading's own weight), italic for emphasis, anchors for links, heading levels, one
``QTextList`` per list, ``BlockQuoteLevel`` for quotes. Character ranges are widened to
whole grapheme clusters first, so a format never splits a conjunct (that breaks shaping).
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtGui import QBrush, QColor, QTextBlock, QTextCharFormat, QTextCursor, QTextListFormat

from editor_app.core.markdown_model import BlockKind
from editor_app.core.text.tokenize import tokenize
from editor_app.gui.editor.markdown_bridge import (
    base_char_format,
    block_format,
    heading_level,
    is_quote,
    is_strong,
    plain_weight,
    strong_weight,
)
from editor_app.gui.editor.utf16 import Utf16Map, snap_span
from editor_app.gui.theme import colours

__all__ = [
    "current_block_kind",
    "select_word",
    "set_block_kind",
    "set_link",
    "snapped",
    "toggle_emphasis",
    "toggle_list",
    "toggle_strong",
]

_NUMBERED = QTextListFormat.Style.ListDecimal
_BULLET = QTextListFormat.Style.ListDisc


def _snap_position(block: QTextBlock, position: int, forward: bool) -> int:
    text = block.text()
    mapping = Utf16Map(text)
    index = mapping.to_code_point(position - block.position())
    lo, hi = snap_span(text, index, index + 1 if forward and index < len(text) else index)
    return block.position() + mapping.to_utf16(hi if forward else lo)


def snapped(cursor: QTextCursor) -> QTextCursor:
    """A copy of ``cursor`` whose selection is widened to whole grapheme clusters."""
    if not cursor.hasSelection():
        return QTextCursor(cursor)
    doc = cursor.document()
    start, end = cursor.selectionStart(), cursor.selectionEnd()
    new_start = _snap_position(doc.findBlock(start), start, forward=False)
    end_block = doc.findBlock(end)
    new_end = end if end == end_block.position() else _snap_position(end_block, end - 1, True)
    result = QTextCursor(doc)
    result.setPosition(new_start)
    result.setPosition(max(new_end, end), QTextCursor.MoveMode.KeepAnchor)
    return result


def select_word(cursor: QTextCursor) -> QTextCursor:
    """The selection, or else the word the cursor is strictly inside, as a new cursor.

    Words follow the core tokenizer (letters + marks, so a matra never ends a word). At a
    word's start or end nothing is selected: Ctrl+B after typing a word formats what is
    typed next, not the word before.
    """
    result = QTextCursor(cursor)
    if result.hasSelection():
        return snapped(result)
    block = cursor.block()
    text = block.text()
    mapping = Utf16Map(text)
    index = mapping.to_code_point(cursor.position() - block.position())
    for token in tokenize(text):
        if token.start < index < token.end:
            result.setPosition(block.position() + mapping.to_utf16(token.start))
            result.setPosition(block.position() + mapping.to_utf16(token.end),
                               QTextCursor.MoveMode.KeepAnchor)
            break
    return result


def _pieces(cursor: QTextCursor) -> Iterator[tuple[QTextCursor, int]]:
    """Per-block sub-selections of ``cursor`` with each block's heading level."""
    doc = cursor.document()
    start, end = cursor.selectionStart(), cursor.selectionEnd()
    block = doc.findBlock(start)
    while block.isValid() and block.position() <= end:
        lo = max(start, block.position())
        hi = min(end, block.position() + block.length() - 1)
        if hi > lo:
            piece = QTextCursor(doc)
            piece.setPosition(lo)
            piece.setPosition(hi, QTextCursor.MoveMode.KeepAnchor)
            yield piece, heading_level(block.blockFormat())
        block = block.next()


def _apply_chars(editor_cursor: QTextCursor, fmt_for_level: dict[int, QTextCharFormat],
                 set_typing: bool = True) -> QTextCursor:
    cursor = select_word(editor_cursor)
    level_here = heading_level(editor_cursor.block().blockFormat())
    if not cursor.hasSelection():
        # Nothing to format: change what the next typed characters look like.
        typing = QTextCursor(editor_cursor)
        typing.mergeCharFormat(fmt_for_level[level_here])
        return typing
    cursor.beginEditBlock()
    for piece, level in _pieces(cursor):
        piece.mergeCharFormat(fmt_for_level[level])
    cursor.endEditBlock()
    return editor_cursor


def _weight_formats(strong: bool) -> dict[int, QTextCharFormat]:
    formats: dict[int, QTextCharFormat] = {}
    for level in (0, 2, 3):
        fmt = QTextCharFormat()
        fmt.setFontWeight(strong_weight(level) if strong else plain_weight(level))
        formats[level] = fmt
    return formats


def toggle_strong(cursor: QTextCursor, currently: bool) -> QTextCursor:
    """Make the selection (or word) strong, or plain when ``currently`` strong."""
    return _apply_chars(cursor, _weight_formats(not currently))


def toggle_emphasis(cursor: QTextCursor, currently: bool) -> QTextCursor:
    """Make the selection (or word) emphasised, or not when ``currently`` emphasised."""
    fmt = QTextCharFormat()
    fmt.setFontItalic(not currently)
    return _apply_chars(cursor, {0: fmt, 2: fmt, 3: fmt})


def set_link(cursor: QTextCursor, href: str | None) -> QTextCursor:
    """Link the selection (or word) to ``href``; ``None``/empty removes the link.

    With no selection and no word at the cursor, ``href`` itself is inserted as link text.
    """
    fmt = QTextCharFormat()
    if href:
        fmt.setAnchor(True)
        fmt.setAnchorHref(href)
        fmt.setFontUnderline(True)
        fmt.setForeground(QBrush(QColor(colours().link)))
    else:
        fmt.setAnchor(False)
        fmt.setAnchorHref("")
        fmt.setFontUnderline(False)
        fmt.setForeground(QBrush())
    target = select_word(cursor)
    if not target.hasSelection():
        if href:
            level = heading_level(cursor.block().blockFormat())
            link_fmt = base_char_format(level)
            link_fmt.merge(fmt)
            cursor.insertText(href, link_fmt)
            cursor.setCharFormat(base_char_format(level))
        return cursor
    target.beginEditBlock()
    for piece, _level in _pieces(target):
        piece.mergeCharFormat(fmt)
    target.endEditBlock()
    return cursor


def current_block_kind(cursor: QTextCursor) -> BlockKind:
    """The model kind of the block holding the cursor."""
    block = cursor.block()
    text_list = block.textList()
    if text_list is not None:
        numbered = text_list.format().style() == _NUMBERED
        return BlockKind.NUMBERED if numbered else BlockKind.BULLET
    level = heading_level(block.blockFormat())
    if level:
        return BlockKind.HEADING2 if level == 2 else BlockKind.HEADING3
    return BlockKind.QUOTE if is_quote(block.blockFormat()) else BlockKind.PARAGRAPH


def _blocks(cursor: QTextCursor) -> list[QTextBlock]:
    doc = cursor.document()
    block = doc.findBlock(cursor.selectionStart())
    last = doc.findBlock(cursor.selectionEnd())
    blocks = [block]
    while block != last and block.isValid():
        block = block.next()
        blocks.append(block)
    return blocks


def _restyle_chars(block: QTextBlock, old_level: int, new_level: int) -> None:
    """Move a block's characters from one heading level's look to another's."""
    if old_level == new_level:
        return
    doc = block.document()
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        it += 1
        fmt = fragment.charFormat()
        if fmt.isImageFormat():
            continue
        new = base_char_format(new_level)
        strong = is_strong(fmt, old_level)
        fmt.setProperty(new.Property.FontSizeAdjustment,
                        new.property(new.Property.FontSizeAdjustment))
        fmt.setFontWeight(strong_weight(new_level) if strong else plain_weight(new_level))
        piece = QTextCursor(doc)
        piece.setPosition(fragment.position())
        piece.setPosition(fragment.position() + fragment.length(),
                          QTextCursor.MoveMode.KeepAnchor)
        piece.setCharFormat(fmt)
    QTextCursor(block).setBlockCharFormat(base_char_format(new_level))


def set_block_kind(cursor: QTextCursor, kind: BlockKind) -> None:
    """Turn every block touched by the selection into ``kind`` (one undo step)."""
    edit = QTextCursor(cursor)
    edit.beginEditBlock()
    blocks = _blocks(cursor)
    new_level = {BlockKind.HEADING2: 2, BlockKind.HEADING3: 3}.get(kind, 0)
    for block in blocks:
        text_list = block.textList()
        if text_list is not None:
            text_list.remove(block)
        old_level = heading_level(block.blockFormat())
        block_cursor = QTextCursor(block)
        block_cursor.setBlockFormat(block_format(kind))
        _restyle_chars(block, old_level, new_level)
    if kind in (BlockKind.BULLET, BlockKind.NUMBERED):
        style = _NUMBERED if kind is BlockKind.NUMBERED else _BULLET
        first = QTextCursor(blocks[0])
        text_list = first.createList(style)
        for block in blocks[1:]:
            text_list.add(block)
        _join_neighbour_lists(blocks[0], blocks[-1], style)
    edit.endEditBlock()


def _join_neighbour_lists(first: QTextBlock, last: QTextBlock,
                          style: QTextListFormat.Style) -> None:
    """Merge the new list with an adjacent list of the same style (one list in Markdown)."""
    current = first.textList()
    if current is None:
        return
    prev, nxt = first.previous(), last.next()
    for other_block in (prev, nxt):
        other = other_block.textList() if other_block.isValid() else None
        if other is not None and other is not current and other.format().style() == style:
            for index in reversed(range(other.count())):
                block = other.item(index)
                other.remove(block)
                current.add(block)


def toggle_list(cursor: QTextCursor, numbered: bool) -> None:
    """Bullets/numbers on the touched blocks, or back to paragraphs if already so."""
    kind = BlockKind.NUMBERED if numbered else BlockKind.BULLET
    target = BlockKind.PARAGRAPH if current_block_kind(cursor) is kind else kind
    set_block_kind(cursor, target)
