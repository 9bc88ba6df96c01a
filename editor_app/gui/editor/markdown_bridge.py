"""Markdown <-> ``QTextDocument`` for the canonical article subset.

``QTextDocument.setMarkdown``/``toMarkdown`` are not used: their output is not canonical
(it wraps lines, escapes differently and drops image captions). Instead:

- :func:`set_document_markdown` parses with :mod:`editor_app.core.markdown_model` and
  builds the document through a ``QTextCursor``;
- :func:`document_markdown` walks blocks and fragments back into the block model and renders
  canonical Markdown.

How the model lives in the document (the walker reads exactly this):

===========  =================================================================
paragraph    plain block
``##/###``   ``QTextBlockFormat.headingLevel()`` 2/3 (1 reads as 2, 4+ as 3); the text is
             drawn larger (``FontSizeAdjustment``) and bold (700); **strong** inside a
             subheading is weight 900 (:func:`strong_weight`)
list items   blocks of a ``QTextList``: decimal/alpha/roman styles are numbered, others bullets
quote        ``QTextFormat.BlockQuoteLevel`` > 0 (left/right margins; the editor paints a bar)
strong       ``fontWeight() >= 700`` in body text, ``>= 900`` in a subheading
emphasis     ``fontItalic()``
link         ``isAnchor()`` and ``anchorHref()``
image        one U+FFFC with a ``QTextImageFormat`` whose name is ``sampadak-image:`` +
             base64url(JSON ref/alt/caption/credit): the data rides in the name, so it
             survives undo, copy and paste (Qt's HTML keeps ``src``). Other image names
             (pasted HTML) become image blocks with that name as ``ref``.
===========  =================================================================
"""

from __future__ import annotations

import base64
import json
import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextImageFormat,
    QTextListFormat,
)

from editor_app.core.markdown_model import (
    Block,
    BlockKind,
    ImageBlock,
    Run,
    TextBlock,
    canonical_blocks,
    parse_markdown,
    render_markdown,
)
from editor_app.core.urls import is_article_image, safe_href
from editor_app.gui.palette import LIGHT
from editor_app.gui.theme import colours

__all__ = [
    "IMAGE_SCHEME",
    "LINK_COLOR",
    "block_format",
    "decode_image_name",
    "document_blocks",
    "document_markdown",
    "encode_image_name",
    "insert_blocks",
    "is_strong",
    "run_format",
    "set_document_markdown",
]

log = logging.getLogger(__name__)

IMAGE_SCHEME = "sampadak-image"
#: The light theme's link colour; links take ``theme.colours().link`` when made.
LINK_COLOR = QColor(LIGHT.link)
HEADING_WEIGHT = 700
STRONG_WEIGHT = 700
HEADING_STRONG_WEIGHT = 900
NORMAL_WEIGHT = 400
IMAGE_WIDTH = 420
_QUOTE_LEVEL = QTextFormat.Property.BlockQuoteLevel
_SIZE_ADJUST = QTextFormat.Property.FontSizeAdjustment
_NUMBERED_STYLES = {
    QTextListFormat.Style.ListDecimal, QTextListFormat.Style.ListLowerAlpha,
    QTextListFormat.Style.ListUpperAlpha, QTextListFormat.Style.ListLowerRoman,
    QTextListFormat.Style.ListUpperRoman,
}
_HEADING_LEVEL = {BlockKind.HEADING2: 2, BlockKind.HEADING3: 3}


# --------------------------------------------------------------------------- formats

def encode_image_name(image: ImageBlock) -> str:
    """The ``QTextImageFormat`` name that carries ``image``'s data."""
    data = json.dumps([image.ref, image.alt, image.caption, image.credit], ensure_ascii=False)
    token = base64.urlsafe_b64encode(data.encode("utf-8")).decode("ascii").rstrip("=")
    return f"{IMAGE_SCHEME}:{token}"


def decode_image_name(name: str) -> ImageBlock:
    """Inverse of :func:`encode_image_name`; any other name becomes ``ImageBlock(name)``."""
    prefix = IMAGE_SCHEME + ":"
    if name.startswith(prefix):
        token = name[len(prefix):]
        try:
            raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
            ref, alt, caption, credit = (str(v) for v in json.loads(raw.decode("utf-8")))
            return ImageBlock(ref, alt, caption, credit)
        except (ValueError, TypeError) as exc:
            log.warning("unreadable image reference %r: %s", name[:60], exc)
    return ImageBlock(name)


def heading_level(block_format: QTextBlockFormat) -> int:
    """0 for body text, else 2 or 3 (the only subheading levels of the subset)."""
    level = block_format.headingLevel()
    if level <= 0:
        return 0
    return 2 if level <= 2 else 3


def is_quote(block_format: QTextBlockFormat) -> bool:
    """True when the block is a blockquote paragraph."""
    return block_format.intProperty(_QUOTE_LEVEL) > 0


def strong_weight(level: int) -> int:
    """Weight that means **strong** in a block of heading ``level`` (0 = body)."""
    return HEADING_STRONG_WEIGHT if level else STRONG_WEIGHT


def plain_weight(level: int) -> int:
    """Weight of unformatted text in a block of heading ``level``."""
    return HEADING_WEIGHT if level else NORMAL_WEIGHT


def is_strong(fmt: QTextCharFormat, level: int) -> bool:
    """True when ``fmt`` is **strong** in a block of heading ``level``."""
    return fmt.fontWeight() >= strong_weight(level)


def block_format(kind: BlockKind) -> QTextBlockFormat:
    """A fresh block format for ``kind`` (lists are attached separately)."""
    fmt = QTextBlockFormat()
    fmt.setBottomMargin(6)
    level = _HEADING_LEVEL.get(kind, 0)
    fmt.setHeadingLevel(level)
    if level:
        fmt.setTopMargin(10)
    if kind is BlockKind.QUOTE:
        fmt.setProperty(_QUOTE_LEVEL, 1)
        fmt.setLeftMargin(28)
        fmt.setRightMargin(16)
    return fmt


def base_char_format(level: int) -> QTextCharFormat:
    """Character format of unformatted text in a block of heading ``level`` (0 = body)."""
    fmt = QTextCharFormat()
    fmt.setFontWeight(plain_weight(level))
    fmt.setProperty(_SIZE_ADJUST, {0: 0, 2: 2, 3: 1}[level])
    fmt.setFontItalic(False)
    fmt.setAnchor(False)
    fmt.setAnchorHref("")
    fmt.setFontUnderline(False)
    fmt.setForeground(QBrush())
    return fmt


def run_format(run: Run, level: int = 0) -> QTextCharFormat:
    """The complete character format of ``run`` inside a block of heading ``level``."""
    fmt = base_char_format(level)
    if run.strong:
        fmt.setFontWeight(strong_weight(level))
    fmt.setFontItalic(run.emphasis)
    if run.href:
        fmt.setAnchor(True)
        fmt.setAnchorHref(run.href)
        fmt.setFontUnderline(True)
        fmt.setForeground(QBrush(QColor(colours().link)))
    return fmt


def image_format(image: ImageBlock) -> QTextImageFormat:
    """Image format for an image block (the editor's ``loadResource`` draws it)."""
    fmt = QTextImageFormat()
    fmt.setName(encode_image_name(image))
    fmt.setWidth(IMAGE_WIDTH)
    return fmt


# --------------------------------------------------------------------------- building

def insert_blocks(cursor: QTextCursor, blocks: list[Block], *, first_in_place: bool) -> None:
    """Insert ``blocks`` at ``cursor``.

    With ``first_in_place`` the first block reuses the cursor's (empty) current block;
    otherwise every block starts with ``insertBlock``. Consecutive list items of one kind
    share one ``QTextList``. Formats are built once per distinct look and reused (Qt copies
    them on insert), one ``insertText`` per run.
    """
    current_list = None
    list_kind: BlockKind | None = None
    char_formats: dict[tuple[bool, bool, str | None, int], QTextCharFormat] = {}
    base_formats: dict[int, QTextCharFormat] = {}
    for index, block in enumerate(blocks):
        kind = block.kind if isinstance(block, TextBlock) else BlockKind.PARAGRAPH
        bfmt = block_format(kind)
        level = _HEADING_LEVEL.get(kind, 0)
        base = base_formats.get(level)
        if base is None:
            base = base_formats[level] = base_char_format(level)
        if isinstance(block, ImageBlock):
            bfmt.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        if index == 0 and first_in_place:
            cursor.setBlockFormat(bfmt)
            cursor.setBlockCharFormat(base)
        else:
            cursor.insertBlock(bfmt, base)
        if kind in (BlockKind.BULLET, BlockKind.NUMBERED):
            if current_list is not None and list_kind is kind:
                current_list.add(cursor.block())
            else:
                style = (QTextListFormat.Style.ListDecimal if kind is BlockKind.NUMBERED
                         else QTextListFormat.Style.ListDisc)
                current_list = cursor.createList(style)
                list_kind = kind
        else:
            current_list, list_kind = None, None
        if isinstance(block, ImageBlock):
            cursor.insertImage(image_format(block))
            continue
        for run in block.runs:
            key = (run.strong, run.emphasis, run.href, level)
            fmt = char_formats.get(key)
            if fmt is None:
                fmt = char_formats[key] = run_format(run, level)
            cursor.insertText(run.text, fmt)


def set_document_markdown(document: QTextDocument, markdown: str) -> None:
    """Replace the whole content of ``document`` with ``markdown`` (undo stack untouched)."""
    blocks = parse_markdown(markdown)
    document.clear()
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    if blocks:
        insert_blocks(cursor, blocks, first_in_place=True)
    else:
        cursor.setBlockFormat(block_format(BlockKind.PARAGRAPH))
        cursor.setBlockCharFormat(base_char_format(0))
    cursor.endEditBlock()


# --------------------------------------------------------------------------- walking

def _block_kind(block: QTextBlock) -> BlockKind:
    text_list = block.textList()
    if text_list is not None:
        numbered = text_list.format().style() in _NUMBERED_STYLES
        return BlockKind.NUMBERED if numbered else BlockKind.BULLET
    bfmt = block.blockFormat()
    level = heading_level(bfmt)
    if level:
        return BlockKind.HEADING2 if level == 2 else BlockKind.HEADING3
    return BlockKind.QUOTE if is_quote(bfmt) else BlockKind.PARAGRAPH


def _char_run(text: str, fmt: QTextCharFormat, level: int, foreign: bool) -> Run:
    strong = is_strong(fmt, level) and not (level and foreign)
    href = fmt.anchorHref() if fmt.isAnchor() and fmt.anchorHref() else None
    if foreign:
        href = safe_href(href)
    return Run(text, strong, fmt.fontItalic(), href)


def block_to_model(block: QTextBlock, *, foreign: bool = False) -> list[Block]:
    """The model blocks of one ``QTextBlock`` (an image inside text splits the block)."""
    kind = _block_kind(block)
    level = _HEADING_LEVEL.get(kind, 0)
    out: list[Block] = []
    runs: list[Run] = []
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        it += 1
        fmt = fragment.charFormat()
        if fmt.isImageFormat():
            name = fmt.toImageFormat().name()
            image = decode_image_name(name)
            if foreign and not is_article_image(image.ref):
                continue  # pasted web images: upload the file with caption and credit
            for _ in fragment.text():
                if runs:
                    out.append(TextBlock(kind, tuple(runs)))
                    runs = []
                out.append(image)
            continue
        runs.append(_char_run(fragment.text(), fmt, level, foreign))
    if runs:
        out.append(TextBlock(kind, tuple(runs)))
    return out


def document_blocks(document: QTextDocument, *, foreign: bool = False) -> list[Block]:
    """Canonical model blocks of ``document``.

    ``foreign`` is for documents made from pasted HTML: weight is ignored inside headings
    there (HTML headings are bold by default, which is not **strong**).
    """
    blocks: list[Block] = []
    block = document.begin()
    while block.isValid():
        blocks.extend(block_to_model(block, foreign=foreign))
        block = block.next()
    return canonical_blocks(blocks)


def document_markdown(document: QTextDocument) -> str:
    """Canonical Markdown of ``document`` (NFC)."""
    return render_markdown(document_blocks(document))


def default_font_weight() -> int:
    """Weight Qt reports for unformatted text (kept for tests and callers)."""
    return int(QFont.Weight.Normal.value)
