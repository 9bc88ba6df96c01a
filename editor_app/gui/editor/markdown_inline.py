"""Inline Markdown of the canonical subset: runs of text with strong, emphasis and links.

No Qt here (pure Python, unit-testable). The *canonical inline form*:

- ``**strong**``, ``*emphasis*``; both at once as ``***x***`` (strong outside). Marks nest;
  the mark that lasts longer is opened first, so ``**a *b* c**``.
- ``[text](url)``; emphasis never crosses a link edge (it is closed before ``[`` and
  reopened inside), so spans are computed per *link segment*.
- Text escapes: ``\\`` `````` ``*`` ``_`` ``[`` ``]`` ``#`` always get a backslash, ``<``
  is written ``&lt;`` and ``&`` is written ``&amp;`` when it would start an entity. At the
  start of a block ``>``, ``-``, ``+`` and the ``.``/``)`` after leading digits are escaped,
  so text never turns into a quote, list or ordered list.
- URLs: ``\\``, ``(`` and ``)`` are backslash-escaped (spaces are %20 in the model).

The parser reads the canonical form exactly and is lenient with hand-written Markdown
(``_x_``, ``__x__``, titles after link URLs, HTML entities ``&lt; &gt; &amp; &quot; &#..;``).
"""

from __future__ import annotations

import html
import logging
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from itertools import groupby

import regex

__all__ = ["Run", "escape_text", "escape_url", "merge_runs", "parse_inline", "render_inline"]

log = logging.getLogger(__name__)

_ALWAYS_ESCAPE = frozenset("\\`*_[]#")
_ASCII_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_ENTITY_AHEAD = regex.compile(r"#?[A-Za-z0-9]+;")
_ENTITY = regex.compile(r"&(?:lt|gt|amp|quot|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});")
_BLOCK_START_DIGITS = regex.compile(r"([0-9]+)([.)])")


@dataclass(frozen=True, slots=True)
class Run:
    """A piece of text with one formatting. ``href`` is ``None`` outside links."""

    text: str
    strong: bool = False
    emphasis: bool = False
    href: str | None = None

    def same_format(self, other: Run) -> bool:
        """True when ``other`` has the same strong/emphasis/href."""
        return (self.strong, self.emphasis, self.href) == (other.strong, other.emphasis,
                                                           other.href)


def merge_runs(runs: list[Run]) -> list[Run]:
    """Drop empty runs and join neighbours with the same format."""
    merged: list[Run] = []
    for run in runs:
        if not run.text:
            continue
        if merged and merged[-1].same_format(run):
            merged[-1] = replace(merged[-1], text=merged[-1].text + run.text)
        else:
            merged.append(run)
    return merged


# --------------------------------------------------------------------------- rendering

def escape_text(text: str, *, block_start: bool = False) -> str:
    """Escape Markdown-special characters of plain ``text`` (see module docstring)."""
    out: list[str] = []
    for index, char in enumerate(text):
        if char in _ALWAYS_ESCAPE:
            out.append("\\" + char)
        elif char == "<":
            out.append("&lt;")
        elif char == "&" and _ENTITY_AHEAD.match(text, index + 1):
            out.append("&amp;")
        else:
            out.append(char)
    if block_start and text:
        first = text[0]
        if first in ">-+":
            out[0] = "\\" + first
        else:
            m = _BLOCK_START_DIGITS.match(text)
            if m:
                dot = m.end(1)
                out[dot] = "\\" + out[dot]
    return "".join(out)


def escape_url(url: str) -> str:
    """Escape a link or image destination for ``(...)``."""
    return "".join("\\" + c if c in "\\()" else c for c in url)


def _extent(runs: list[Run], start: int, mark: str) -> int:
    count = 0
    for run in runs[start:]:
        if not getattr(run, mark):
            break
        count += 1
    return count


_DELIM = {"strong": "**", "emphasis": "*"}


def _render_marks(runs: list[Run], block_start: bool) -> str:
    """Render one link segment; try nesting orders until the result parses back exactly."""
    first = ""
    for order in _ORDERS:
        rendered = _render_marks_with(runs, block_start, order)
        if _parse_segment(rendered, runs[0].href if runs else None) == runs:
            return rendered
        first = first or rendered
    log.debug("no exact Markdown for runs %r; canonical form will differ", runs)
    return first


def _longest_first(runs: list[Run], index: int, mark: str) -> tuple[int, bool]:
    return -_extent(runs, index, mark), mark != "strong"


def _strong_outer(runs: list[Run], index: int, mark: str) -> tuple[int, bool]:
    return 0, mark != "strong"


def _emphasis_outer(runs: list[Run], index: int, mark: str) -> tuple[int, bool]:
    return 0, mark == "strong"


_ORDERS = (_longest_first, _strong_outer, _emphasis_outer)


def _render_marks_with(runs: list[Run], block_start: bool,
                       order: Callable[[list[Run], int, str], tuple[int, bool]]) -> str:
    out: list[str] = []
    stack: list[str] = []
    for index, run in enumerate(runs):
        need = {m for m in ("strong", "emphasis") if getattr(run, m)}
        cut = next((k for k, m in enumerate(stack) if m not in need), None)
        if cut is not None:
            out.extend(_DELIM[m] for m in reversed(stack[cut:]))
            del stack[cut:]
        missing = sorted(need - set(stack), key=lambda m: order(runs, index, m))
        for mark in missing:
            out.append(_DELIM[mark])
            stack.append(mark)
        at_start = block_start and index == 0 and not stack
        out.append(escape_text(run.text, block_start=at_start))
    out.extend(_DELIM[m] for m in reversed(stack))
    return "".join(out)


def render_inline(runs: list[Run], *, block_start: bool = True) -> str:
    """Canonical Markdown for canonical ``runs`` (see ``markdown_model.canonical_runs``)."""
    out: list[str] = []
    first = block_start
    for href, group in groupby(runs, key=lambda r: r.href):
        segment = list(group)
        if href is None:
            out.append(_render_marks(segment, first))
        else:
            out.append(f"[{_render_marks(segment, False)}]({escape_url(href)})")
        first = False
    return "".join(out)


# --------------------------------------------------------------------------- parsing

@dataclass(slots=True)
class _Node:
    text: str
    strong: bool = False
    emphasis: bool = False
    delim: str = ""  # "*" or "_" for a delimiter run
    count: int = 0
    length: int = 0
    can_open: bool = False
    can_close: bool = False


def _scan_link(src: str, start: int) -> tuple[int, int, str] | None:
    """At ``[``: return (text_end, after, url) of ``[text](url)`` or ``None``."""
    depth, i = 0, start + 1
    while i < len(src):
        char = src[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            depth += 1
        elif char == "]":
            if depth == 0:
                break
            depth -= 1
        i += 1
    else:
        return None
    text_end = i
    if not src.startswith("(", text_end + 1):
        return None
    i, depth, dest_start = text_end + 2, 0, text_end + 2
    while i < len(src):
        char = src[i]
        if char == "\\":
            i += 2
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                return text_end, i + 1, _clean_destination(src[dest_start:i])
            depth -= 1
        i += 1
    return None


def _clean_destination(raw: str) -> str:
    dest = raw.strip()
    if dest.startswith("<") and ">" in dest:
        dest = dest[1:dest.index(">")]
    else:
        dest = regex.split(r"\s+", dest, maxsplit=1)[0] if dest else ""
    return unescape(dest)


def unescape(text: str) -> str:
    """Resolve backslash escapes of ASCII punctuation and the few entities we write."""
    out: list[str] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text) and text[i + 1] in _ASCII_PUNCT:
            out.append(text[i + 1])
            i += 2
            continue
        if char == "&":
            m = _ENTITY.match(text, i)
            if m:
                out.append(html.unescape(m.group()))
                i = m.end()
                continue
        out.append(char)
        i += 1
    return "".join(out)


def _is_punct(char: str) -> bool:
    return unicodedata.category(char)[0] in "PS"


def _flanking(delim: str, before: str, after: str) -> tuple[bool, bool]:
    """CommonMark (0.31) can-open/can-close of a delimiter run between two characters."""
    left = not after.isspace() and (not _is_punct(after) or before.isspace()
                                    or _is_punct(before))
    right = not before.isspace() and (not _is_punct(before) or after.isspace()
                                      or _is_punct(after))
    if delim == "*":
        return left, right
    return left and (not right or _is_punct(before)), right and (not left or _is_punct(after))


def _tokenize(src: str) -> list[_Node]:
    nodes: list[_Node] = []
    i = 0
    while i < len(src):
        char = src[i]
        if char == "\\" and i + 1 < len(src) and src[i + 1] in _ASCII_PUNCT:
            nodes.append(_Node(src[i + 1]))
            i += 2
        elif char == "&" and (m := _ENTITY.match(src, i)):
            nodes.append(_Node(html.unescape(m.group())))
            i = m.end()
        elif char in "*_":
            j = i
            while j < len(src) and src[j] == char:
                j += 1
            can_open, can_close = _flanking(char, src[i - 1] if i else " ",
                                            src[j] if j < len(src) else " ")
            nodes.append(_Node("", delim=char, count=j - i, length=j - i, can_open=can_open,
                               can_close=can_close))
            i = j
        else:
            nodes.append(_Node(char))
            i += 1
    return nodes


def _matches(opener: _Node, closer: _Node) -> bool:
    if not (opener.can_open and opener.count > 0 and opener.delim == closer.delim):
        return False
    # CommonMark "rule of 3" for runs that can both open and close.
    if (opener.can_close or closer.can_open) and (opener.length + closer.length) % 3 == 0:
        return opener.length % 3 == 0 and closer.length % 3 == 0
    return True


def _process_emphasis(nodes: list[_Node]) -> None:
    delims = [n for n in nodes if n.delim]
    position = {id(n): k for k, n in enumerate(nodes)}
    i = 0
    while i < len(delims):
        closer = delims[i]
        if not closer.can_close or closer.count == 0:
            i += 1
            continue
        j = i - 1
        while j >= 0 and not _matches(delims[j], closer):
            j -= 1
        if j < 0:
            i += 1
            continue
        opener = delims[j]
        use = 2 if opener.count >= 2 and closer.count >= 2 else 1
        mark = "strong" if use == 2 else "emphasis"
        for node in nodes[position[id(opener)] + 1:position[id(closer)]]:
            setattr(node, mark, True)
        opener.count -= use
        closer.count -= use
        del delims[j + 1:i]
        i = j + 1
        if opener.count == 0:
            del delims[j]
            i -= 1
        if closer.count == 0:
            del delims[i]


def _parse_segment(src: str, href: str | None) -> list[Run]:
    nodes = _tokenize(src)
    _process_emphasis(nodes)
    runs = [Run(n.delim * n.count if n.delim else n.text, n.strong, n.emphasis, href)
            for n in nodes]
    return merge_runs(runs)


def parse_inline(src: str) -> list[Run]:
    """Parse inline Markdown into merged runs (not yet canonicalised)."""
    runs: list[Run] = []
    plain_start = i = 0
    while i < len(src):
        char = src[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            link = _scan_link(src, i)
            if link is not None:
                text_end, after, url = link
                runs += _parse_segment(src[plain_start:i], None)
                runs += _parse_segment(src[i + 1:text_end], url or None)
                plain_start = i = after
                continue
        i += 1
    runs += _parse_segment(src[plain_start:], None)
    return merge_runs(runs)
