"""Block model of the canonical article Markdown, its canonical form, parser and renderer.

:func:`canonical_markdown` is THE canonical form of an article body: exactly what the editor
writes when it loads a body and saves it without an edit. ``ArticleService`` applies it on
every save (CLI, import and editor alike), so loading and saving without an edit changes
nothing and an edit changes only what was edited. A body is text, not HTML: raw HTML and
entities are literal text (see :mod:`markdown_inline`), and constructs outside the subset
(tables, code blocks and spans, nested lists, rules, HTML) keep their visible text.

Pure Python (no Qt); ``gui.editor.markdown_bridge`` maps this model to and from a ``QTextDocument``.

Canonical Markdown (what :func:`render_markdown` writes, a fixed point of parse + render):

- Blocks are separated by exactly one blank line; the text ends with one ``\\n`` (an empty
  document is ``""``). Items of one list are on consecutive lines.
- Paragraph: its inline text on one line (no hard line breaks; line breaks become spaces).
- Subheadings: ``## text`` and ``### text`` (``#`` reads as ``##``, ``####``+ as ``###``).
- Lists (single level): ``- item``; numbered ``1. item``, ``2. item`` ... (numbers restart at
  1 in each list; the numbers in the source are ignored when reading).
- Quote: ``> text``, one paragraph per quote block.
- Image block, alone on its line: ``![alt](asset:ID "caption | credit")``. The title holds
  the caption, then `` | `` and the credit when there is one; inside the title ``\\``,
  ``"``, ``|`` and ``&`` are backslash-escaped. With neither caption nor credit the title
  is left out. Images are blocks only, never inline.
- Inline text: see :mod:`markdown_inline`.
- Not in the subset, read as text so that nothing visible is lost: a fenced code block
  (```` ``` ```` or ``~~~``) gives one literal paragraph per non-blank line, fences included;
  table rows, indented code and HTML blocks are paragraph text; nested lists are flattened;
  a backslash at the end of a paragraph line (a hard line break) becomes a space like any
  line break; thematic breaks (``---``) are dropped.
- Text is NFC, with formatting boundaries on grapheme-cluster (akshara) boundaries: a
  cluster takes the format of its first character, so a format never splits a conjunct.
  Leading and trailing spaces of a block are dropped; a mark never starts or ends on a
  space (``** a **`` is not emphasis in Markdown); control characters, tabs and line or
  paragraph separators become spaces; U+FFFC is dropped. Empty blocks are dropped.
- Formatting that CommonMark cannot write exactly (a mark change inside a word next to
  punctuation, e.g. ``क**(ख)**``) takes the form the written Markdown reads back as.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from dataclasses import dataclass, replace
from enum import StrEnum
from itertools import accumulate

import regex

from editor_app.core.markdown_inline import (
    Run,
    escape_text,
    escape_url,
    merge_runs,
    parse_inline,
    render_inline,
    unescape,
)

__all__ = [
    "Block",
    "BlockKind",
    "ImageBlock",
    "Run",
    "TextBlock",
    "canonical_blocks",
    "canonical_markdown",
    "parse_markdown",
    "render_markdown",
]


class BlockKind(StrEnum):
    """Kinds of text block of the canonical subset."""

    PARAGRAPH = "p"
    HEADING2 = "h2"
    HEADING3 = "h3"
    BULLET = "ul"
    NUMBERED = "ol"
    QUOTE = "quote"


@dataclass(frozen=True, slots=True)
class TextBlock:
    """A paragraph, subheading, list item or quote paragraph made of inline runs."""

    kind: BlockKind
    runs: tuple[Run, ...]

    @property
    def text(self) -> str:
        """The plain text of the block."""
        return "".join(r.text for r in self.runs)


@dataclass(frozen=True, slots=True)
class ImageBlock:
    """An image (usually ``asset:ID``) with alt text, caption and credit."""

    ref: str
    alt: str = ""
    caption: str = ""
    credit: str = ""


Block = TextBlock | ImageBlock

_CLUSTER = regex.compile(r"\X")
_SPACE_LIKE = regex.compile(r"[\p{Cc}\u2028\u2029\u0085]")
_DROP = regex.compile(r"[\ufffc\ufffe\uffff\p{Cs}]")
_UNCLEAN = regex.compile(r"[\p{Cc}\u2028\u2029\u0085\ufffc\ufffe\uffff\p{Cs}]")


def _clean(text: str) -> str:
    return _SPACE_LIKE.sub(" ", _DROP.sub("", text))


def _clean_field(text: str) -> str:
    return unicodedata.normalize("NFC", _clean(text)).strip(" ")


def _canonical_href(href: str | None) -> str | None:
    if href is None:
        return None
    cleaned = _clean(href).strip(" ")
    cleaned = cleaned.replace(" ", "%20").replace("<", "%3C").replace(">", "%3E")
    return unicodedata.normalize("NFC", cleaned) or None


def _trim_marks(chars: list[tuple[str, Run]]) -> None:
    """Remove strong/emphasis from space clusters at the edges of each mark span."""
    for mark in ("strong", "emphasis"):
        index = 0
        while index < len(chars):
            if not getattr(chars[index][1], mark):
                index += 1
                continue
            end = index
            href = chars[index][1].href
            while end < len(chars) and getattr(chars[end][1], mark) \
                    and chars[end][1].href == href:
                end += 1
            lo, hi = index, end
            while lo < hi and chars[lo][0][0].isspace():
                lo += 1
            while hi > lo and chars[hi - 1][0][0].isspace():
                hi -= 1
            for k in [*range(index, lo), *range(hi, end)]:
                cluster, fmt = chars[k]
                chars[k] = (cluster, replace(fmt, **{mark: False}))
            index = end


def _cluster_pass(current: list[Run]) -> list[Run]:
    """One exact canonicalising pass before the Markdown round trip, cluster by cluster:
    clean, a format per grapheme cluster (its first character's), NFC per cluster, strip
    the block's edge spaces, trim marks off edge spaces, merge."""
    text = _clean("".join(r.text for r in current))
    formats: list[Run] = []
    for run in current:
        formats.extend([Run("", run.strong, run.emphasis, _canonical_href(run.href))]
                       * len(_clean(run.text)))
    chars: list[tuple[str, Run]] = []
    offset = 0
    for cluster in _CLUSTER.findall(text):
        chars.append((unicodedata.normalize("NFC", cluster), formats[offset]))
        offset += len(cluster)
    while chars and chars[0][0][0] == " ":
        chars[0] = (chars[0][0][1:], chars[0][1])
        if not chars[0][0]:
            chars.pop(0)
    while chars and chars[-1][0][-1] == " ":
        chars[-1] = (chars[-1][0][:-1], chars[-1][1])
        if not chars[-1][0]:
            chars.pop()
    _trim_marks(chars)
    return merge_runs([Run(cluster, fmt.strong, fmt.emphasis, fmt.href)
                       for cluster, fmt in chars])


def _settled(runs: list[Run]) -> bool:
    """True when :func:`_cluster_pass` would return ``runs`` unchanged.

    Checked with C-level scans instead of a Python loop per cluster. Conservative: every
    condition below is necessary for the pass to be the identity, and together they are
    sufficient (``False`` only costs the exact pass). Conditions: runs non-empty and
    merged, hrefs canonical, nothing for ``_clean`` to change, no edge space, every run
    boundary on a cluster boundary, every cluster NFC (checked as "the whole text is NFC",
    which implies it and is slightly stronger), no mark span starting or ending with a
    space-led cluster.
    """
    if not runs:
        return True
    previous: Run | None = None
    for run in runs:
        if not run.text or (previous is not None and run.same_format(previous)):
            return False
        if run.href is not None and _canonical_href(run.href) != run.href:
            return False
        previous = run
    text = "".join(r.text for r in runs)
    if text[0] == " " or text[-1] == " " or _UNCLEAN.search(text):
        return False
    # Every cluster NFC: a substring of NFC text is NFC (the whole-text check is one C
    # call; it may say no to text whose clusters are each NFC, which only costs time).
    if not unicodedata.is_normalized("NFC", text):
        return False
    if len(runs) == 1 and not (runs[0].strong or runs[0].emphasis):
        return True  # no run boundary and no mark span to check
    clusters = _CLUSTER.findall(text)
    ends = list(accumulate(map(len, clusters)))  # cluster k is text[ends[k-1]:ends[k]]
    bounds = list(accumulate(len(r.text) for r in runs))
    for bound in bounds[:-1]:
        k = bisect_left(ends, bound)
        if ends[k] != bound:
            return False
    for mark in ("strong", "emphasis"):
        span_start = 0
        for index, run in enumerate(runs):
            start = bounds[index] - len(run.text)
            if not getattr(run, mark):
                continue
            if index == 0 or not getattr(runs[index - 1], mark) \
                    or runs[index - 1].href != run.href:
                span_start = start
                if text[span_start].isspace():
                    return False
            last = index + 1 == len(runs)
            if last or not getattr(runs[index + 1], mark) or runs[index + 1].href != run.href:
                k = bisect_left(ends, bounds[index])  # the span's last cluster is cluster k
                if text[ends[k - 1] if k else 0].isspace():
                    return False
    return True


_CANONICAL_CACHE_SIZE = 8192
_canonical_cache: dict[tuple[Run, ...], tuple[Run, ...]] = {}


def _remember(key: tuple[Run, ...], value: tuple[Run, ...]) -> None:
    if len(_canonical_cache) >= _CANONICAL_CACHE_SIZE:
        _canonical_cache.pop(next(iter(_canonical_cache), key), None)  # oldest first
    _canonical_cache[key] = value


def canonical_runs(runs: list[Run] | tuple[Run, ...]) -> list[Run]:
    """The canonical form of a block's runs (see the module docstring).

    A pure function, memoised (bounded): loading a document, reading it back and every
    autosave canonicalise mostly the same blocks. A converged result is remembered as its
    own canonical form too (it is a fixed point: one more pass returns it unchanged).
    """
    key = tuple(runs)
    cached = _canonical_cache.get(key)
    if cached is not None:
        return list(cached)
    current = list(key)
    converged = False
    for _ in range(4):  # NFC and re-clustering settle in one or two passes
        result = current if _settled(current) else _cluster_pass(current)
        # What Markdown cannot express exactly (rare intraword mark changes next to
        # punctuation) is decided by what the rendered Markdown reads back as.
        result = parse_inline(render_inline(result))
        if result == current:
            converged = True
            break
        current = result
    value = tuple(current)
    _remember(key, value)
    if converged:
        _remember(value, value)
    return current


def canonical_blocks(blocks: list[Block]) -> list[Block]:
    """Canonical form of a block list: clean text and fields, drop empty blocks."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, ImageBlock):
            ref = _canonical_href(block.ref)
            if ref:
                out.append(ImageBlock(ref, _clean_field(block.alt), _clean_field(block.caption),
                                      _clean_field(block.credit)))
            continue
        runs = canonical_runs(block.runs)
        if runs:
            out.append(TextBlock(block.kind, tuple(runs)))
    return out


# --------------------------------------------------------------------------- rendering

_PREFIX = {BlockKind.PARAGRAPH: "", BlockKind.HEADING2: "## ", BlockKind.HEADING3: "### ",
           BlockKind.BULLET: "- ", BlockKind.QUOTE: "> "}


def _escape_title(text: str) -> str:
    return "".join("\\" + c if c in '\\"|&' else c for c in text)


def _render_image(block: ImageBlock) -> str:
    title = _escape_title(block.caption)
    if block.credit:
        title = f"{title} | {_escape_title(block.credit)}"
    alt = escape_text(block.alt)
    suffix = f' "{title}"' if title else ""
    return f"![{alt}]({escape_url(block.ref)}{suffix})"


def render_markdown(blocks: list[Block]) -> str:
    """Canonical Markdown of ``blocks`` (canonicalised first)."""
    lines: list[str] = []
    previous: BlockKind | None = None
    number = 0
    for block in canonical_blocks(blocks):
        kind = block.kind if isinstance(block, TextBlock) else None
        same_list = kind in (BlockKind.BULLET, BlockKind.NUMBERED) and kind == previous
        if lines:
            lines.append("\n" if same_list else "\n\n")
        if isinstance(block, ImageBlock):
            lines.append(_render_image(block))
        else:
            number = number + 1 if same_list else 1
            prefix = f"{number}. " if block.kind is BlockKind.NUMBERED else _PREFIX[block.kind]
            lines.append(prefix + render_inline(list(block.runs)))
        previous = kind
    return "".join(lines) + "\n" if lines else ""


# --------------------------------------------------------------------------- parsing

_HEADING = regex.compile(r"(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*")
_BULLET = regex.compile(r"[-*+](?:[ \t]+(.*))?")
_ORDERED = regex.compile(r"[0-9]{1,9}[.)](?:[ \t]+(.*))?")
_QUOTE = regex.compile(r">[ ]?(.*)")
_RULE = regex.compile(r"(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})")
_FENCE = regex.compile(r"(`{3,}(?=[^`]*\Z)|~{3,}).*")
_IMAGE = regex.compile(
    r'!\[((?:\\.|[^\\\]])*)\]\(\s*((?:\\.|[^\\()\s])+)(?:\s+"((?:\\.|[^\\"])*)")?\s*\)',
    regex.DOTALL)


def _split_title(title: str) -> tuple[str, str]:
    parts: list[str] = []
    current: list[str] = []
    i = 0
    while i < len(title):
        if title[i] == "\\" and i + 1 < len(title):
            current.append(title[i + 1])
            i += 2
            continue
        if title[i] == "|" and not parts:
            parts.append("".join(current))
            current = []
        else:
            current.append(title[i])
        i += 1
    parts.append("".join(current))
    caption = parts[0].strip(" ")
    credit = parts[1].strip(" ") if len(parts) > 1 else ""
    return caption, credit


_HARD_BREAK = regex.compile(r"(?<!\\)(?:\\\\)*\\\Z")


def _finish(kind: BlockKind, lines: list[str]) -> Block:
    # An odd number of backslashes ending a line that is not the block's last is a hard
    # line break (CommonMark); like every line break in the subset it becomes a space.
    text = " ".join([line[:-1] if _HARD_BREAK.search(line) else line for line in lines[:-1]]
                    + lines[-1:])
    if kind is BlockKind.PARAGRAPH:
        m = _IMAGE.fullmatch(text)
        if m:
            caption, credit = _split_title(m.group(3) or "")
            return ImageBlock(unescape(m.group(2)), unescape(m.group(1)), caption, credit)
    return TextBlock(kind, tuple(parse_inline(text)))


def parse_markdown(markdown: str) -> list[Block]:
    """Parse Markdown of the subset into canonical blocks (lenient with other Markdown).

    Nested lists are flattened, code blocks are literal text, other block syntax is read
    as paragraph text (see the module docstring).
    """
    blocks: list[Block] = []
    kind: BlockKind | None = None
    lines: list[str] = []
    fence = ""  # the opening fence while inside a fenced code block

    def flush() -> None:
        nonlocal kind, lines
        if kind is not None:
            blocks.append(_finish(kind, lines))
        kind, lines = None, []

    for raw in markdown.splitlines():
        line = raw.strip(" \t")
        opening = None if fence else _FENCE.fullmatch(line)
        if fence or opening:
            flush()
            if opening:
                fence = opening.group(1)
            elif line.startswith(fence) and not line.strip(fence[0]):
                fence = ""  # the closing fence: as long as the opening one, nothing else
            if line:
                blocks.append(TextBlock(BlockKind.PARAGRAPH, (Run(line),)))
            continue
        if not line:
            flush()
            continue
        heading = _HEADING.fullmatch(line)
        if heading:
            flush()
            level = BlockKind.HEADING3 if len(heading.group(1)) >= 3 else BlockKind.HEADING2
            blocks.append(_finish(level, [heading.group(2) or ""]))
            continue
        if _RULE.fullmatch(line):
            flush()
            continue
        quote = _QUOTE.fullmatch(line)
        if quote:
            content = quote.group(1).strip(" \t")
            if kind is not BlockKind.QUOTE or not content:
                flush()
            if content:
                kind = BlockKind.QUOTE
                lines.append(content)
            continue
        item = _BULLET.fullmatch(line) or _ORDERED.fullmatch(line)
        if item:
            flush()
            kind = BlockKind.BULLET if line[0] in "-*+" else BlockKind.NUMBERED
            lines.append((item.group(1) or "").strip(" \t"))
            continue
        if kind is None:
            kind = BlockKind.PARAGRAPH
        lines.append(line)
    flush()
    return canonical_blocks(blocks)


def canonical_markdown(markdown: str) -> str:
    """The canonical form of an article body (``parse_markdown`` then ``render_markdown``).

    Contract: ``canonical_markdown(canonical_markdown(x)) == canonical_markdown(x)`` for
    any string, and the editor loads a canonical body and writes it back unchanged. Text is
    kept: entities and raw HTML stay literal text, unsupported constructs keep their
    visible text (see the module docstring). Bodies stored before this rule are
    canonicalised only when they are next saved; until then they are stored as written.
    """
    return render_markdown(parse_markdown(markdown))
