"""Inline Markdown of the canonical subset: runs of text with strong, emphasis and links.

No Qt here (pure Python, unit-testable). The *canonical inline form*:

- ``**strong**``, ``*emphasis*``; both at once as ``***x***`` (strong outside). Marks nest;
  the mark that lasts longer is opened first, so ``**a *b* c**``.
- ``[text](url)``; emphasis never crosses a link edge (it is closed before ``[`` and
  reopened inside), so spans are computed per *link segment*.
- Text escapes are CommonMark backslash escapes only: ``\\`` `````` ``*`` ``_`` ``[``
  ``]`` ``#`` ``<`` and ``&`` always get a backslash. At the start of a block only what
  would read as block syntax is escaped, so text never turns into a quote (``\\>``), a
  list (``\\- x``, ``\\+ x``, ``1\\. x``, ``2\\) x``), a rule (``\\--``) or a code
  fence (``\\~~~``); ``1.5 करोड़``, ``-5°`` and ``+91`` stay as they are.
- URLs: ``\\``, ``(``, ``)`` and an ``&`` that starts an entity are backslash-escaped
  (spaces are %20 in the model).

**A body is text, not HTML.** Raw HTML (``<b>``, ``<script>``) and entities (``&amp;``,
``&lt;``, ``&#2325;``) are literal text: ``&amp;`` in a body is five characters of text, shown
as such by the editor, and the canonical form writes it ``\\&amp;`` so that a CommonMark
renderer shows the same five characters. The parser never decodes an entity. For HTML
export, render the parsed model (``parse_markdown``) or use a CommonMark renderer:
Python-Markdown 3.11 knows neither ``\\<`` nor ``\\&`` by default, and even with both
added to ``md.ESCAPED_CHARS`` its serializer turns ``\\&amp;T`` into ``&amp;T`` (shown
``&T``).

Formatting that CommonMark cannot write (a mark whose delimiters could not open or close
there, e.g. a strong ``(ख)`` glued to a letter before it: ``क**(ख)**`` reads as literal
asterisks) is dropped from that span rather than written as literal asterisks: the text
always survives, the mark may not.

The parser reads the canonical form exactly and is lenient with hand-written Markdown
(``_x_``, ``__x__``, titles after link URLs). Code spans (`` `x` ``) are not part of the
subset: they are read as literal text, backticks included, and their content is never
markup (`` `a*b*` `` is the text `` `a*b*` ``).
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby

import regex

__all__ = ["Run", "escape_text", "escape_url", "merge_runs", "parse_inline", "render_inline"]

log = logging.getLogger(__name__)

_ASCII_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
# Always escaped with a backslash: \ ` * _ [ ] # < &.
_NEEDS_ESCAPE = regex.compile(r"[\\`*_\[\]#<&]")
# What would turn a block's text into block syntax when it starts the line: a quote, a
# list marker (followed by a space or nothing), a rule (``--``), a code fence.
_BLOCK_SYNTAX = regex.compile(r">|-(?=[ \t-]|\Z)|\+(?=[ \t]|\Z)|~~~|[0-9]+([.)])(?=[ \t]|\Z)")


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


def merge_runs(runs: Iterable[Run]) -> list[Run]:
    """Drop empty runs and join neighbours with the same format.

    Linear: each group of neighbours is joined once (``"".join``); a run that has no
    neighbour of its format is kept as the same object.
    """
    merged: list[Run] = []
    first: Run | None = None
    texts: list[str] = []
    for run in runs:
        if not run.text:
            continue
        if first is not None and run.strong == first.strong \
                and run.emphasis == first.emphasis and run.href == first.href:
            texts.append(run.text)
            continue
        if first is not None:
            merged.append(first if len(texts) == 1
                          else Run("".join(texts), first.strong, first.emphasis, first.href))
        first, texts = run, [run.text]
    if first is not None:
        merged.append(first if len(texts) == 1
                      else Run("".join(texts), first.strong, first.emphasis, first.href))
    return merged


# --------------------------------------------------------------------------- rendering

def _escape_one(match: regex.Match[str]) -> str:
    return "\\" + match.group()


def escape_text(text: str, *, block_start: bool = False) -> str:
    """Escape Markdown-special characters of plain ``text`` (see module docstring).

    One C-level regex pass; text without specials is returned as is.
    """
    out = _NEEDS_ESCAPE.sub(_escape_one, text) if _NEEDS_ESCAPE.search(text) else text
    if block_start and text:
        # The block-start characters are never escaped above, so their offsets in ``out``
        # are their offsets in ``text``.
        m = _BLOCK_SYNTAX.match(text)
        if m is not None:
            at = m.start(1) if m.group(1) else 0
            return out[:at] + "\\" + out[at:]
    return out


_URL_SPECIAL = regex.compile(r"[\\()]|&(?=#?[A-Za-z0-9]+;)")


def escape_url(url: str) -> str:
    """Escape a link or image destination for ``(...)``: ``\\``, ``(``, ``)`` and an ``&``
    that would read as an entity (entities are text here, as everywhere in a body)."""
    return _URL_SPECIAL.sub(lambda m: "\\" + m.group(), url)


def _extent(runs: list[Run], start: int, mark: str) -> int:
    count = 0
    for run in runs[start:]:
        if not getattr(run, mark):
            break
        count += 1
    return count


_DELIM = {"strong": "**", "emphasis": "*"}


def _render_marks(runs: list[Run], block_start: bool) -> str:
    """Render one link segment exactly: try nesting orders until the result parses back to
    ``runs``; when none does, drop the fewest mark spans that CommonMark cannot write (one
    span, then a whole mark, then all marks: plain escaped text is always exact)."""
    href = runs[0].href if runs else None
    for candidate in _mark_candidates(runs):
        for order in _ORDERS:
            rendered = _render_marks_with(candidate, block_start, order)
            if _parse_segment(rendered, href) == candidate:
                if candidate is not runs:
                    log.debug("no exact Markdown for runs %r; marks dropped", runs)
                return rendered
    raise AssertionError("plain escaped text must render exactly")  # pragma: no cover


def _without(runs: list[Run], mark: str, start: int = 0, end: int | None = None) -> list[Run]:
    stop = len(runs) if end is None else end
    return merge_runs(
        Run(r.text, r.strong and not (mark == "strong" and start <= k < stop),
            r.emphasis and not (mark == "emphasis" and start <= k < stop), r.href)
        for k, r in enumerate(runs))


def _mark_candidates(runs: list[Run]) -> Iterator[list[Run]]:
    yield runs
    for mark in ("emphasis", "strong"):
        index = 0
        while index < len(runs):
            extent = _extent(runs, index, mark)
            if extent:
                yield _without(runs, mark, index, index + extent)
                index += extent
            else:
                index += 1
    yield _without(runs, "emphasis")
    yield _without(runs, "strong")
    yield _without(_without(runs, "strong"), "emphasis")


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


def render_inline(runs: list[Run] | tuple[Run, ...], *, block_start: bool = True) -> str:
    """Canonical Markdown for canonical ``runs`` (see ``markdown_model.canonical_runs``).

    A pure function of ``runs``, memoised (bounded): canonicalising a block renders it and
    writing the document renders the same runs again.
    """
    return _render_inline(tuple(runs), block_start)


@lru_cache(maxsize=8192)
def _render_inline(runs: tuple[Run, ...], block_start: bool) -> str:
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
    """Resolve backslash escapes of ASCII punctuation (entities stay text)."""
    out: list[str] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text) and text[i + 1] in _ASCII_PUNCT:
            out.append(text[i + 1])
            i += 2
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


# One token per match: a backslash escape of ASCII punctuation, a delimiter run, a
# stretch of ordinary text, or a lone ``\\`` that is just text.
_TOKEN = regex.compile(
    r"\\([!-/:-@\[-`{-~])"
    r"|(\*+|_+)"
    r"|[^\\*_]+|.",
    regex.DOTALL)


def _tokenize(src: str) -> list[_Node]:
    """Nodes of ``src``: text stretches (not single characters) and delimiter runs."""
    nodes: list[_Node] = []
    for m in _TOKEN.finditer(src):
        escaped, delim = m.group(1, 2)
        if escaped is not None:
            nodes.append(_Node(escaped))
        elif delim is not None:
            i, j = m.span()
            can_open, can_close = _flanking(delim[0], src[i - 1] if i else " ",
                                            src[j] if j < len(src) else " ")
            nodes.append(_Node("", delim=delim[0], count=j - i, length=j - i,
                               can_open=can_open, can_close=can_close))
        else:
            nodes.append(_Node(m.group()))
    return nodes


def _matches(opener: _Node, closer: _Node) -> bool:
    if not (opener.can_open and opener.count > 0 and opener.delim == closer.delim):
        return False
    # CommonMark "rule of 3" for runs that can both open and close.
    if (opener.can_close or closer.can_open) and (opener.length + closer.length) % 3 == 0:
        return opener.length % 3 == 0 and closer.length % 3 == 0
    return True


_LINK_OR_ESCAPE = regex.compile(r"\\.|\[", regex.DOTALL)


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
    """Parse inline Markdown into merged runs (not yet canonicalised).

    A pure function of ``src``, memoised (bounded): canonicalising a block parses its
    rendering, which for canonical input is the text just parsed.
    """
    return list(_parse_inline(src))


_BACKTICKS = regex.compile(r"`+")
_PUNCT_CHAR = regex.compile(r"[!-/:-@\[-`{-~]")


def _literal(text: str) -> str:
    """``text`` with every ASCII punctuation character backslash-escaped (reads as text)."""
    return _PUNCT_CHAR.sub(lambda m: "\\" + m.group(), text)


def _code_spans_as_text(src: str) -> str:
    """Rewrite code spans (CommonMark: a backtick run closed by the next run of the same
    length; no escapes inside) and unmatched backtick runs as escaped literal text."""
    out: list[str] = []
    i = 0
    while i < len(src):
        tick = src.find("`", i)
        if tick < 0:
            out.append(src[i:])
            break
        slash = src.find("\\", i, tick)
        if slash >= 0:  # a backslash escape before the backtick run: copy it as is
            out.append(src[i:slash + 2])
            i = slash + 2
            continue
        opening = _BACKTICKS.match(src, tick)
        assert opening is not None
        out.append(src[i:tick])
        width = opening.end() - tick
        close = next((m for m in _BACKTICKS.finditer(src, opening.end())
                      if m.end() - m.start() == width), None)
        end = close.end() if close is not None else opening.end()
        out.append(_literal(src[tick:end]))
        i = end
    return "".join(out)


@lru_cache(maxsize=8192)
def _parse_inline(src: str) -> tuple[Run, ...]:
    if "`" in src:
        src = _code_spans_as_text(src)
    runs: list[Run] = []
    plain_start = pos = 0
    while (m := _LINK_OR_ESCAPE.search(src, pos)) is not None:
        i = m.start()
        if src[i] == "\\":  # an escaped character never opens a link
            pos = m.end()
            continue
        link = _scan_link(src, i)
        if link is None:
            pos = i + 1
            continue
        text_end, after, url = link
        runs += _parse_segment(src[plain_start:i], None)
        runs += _parse_segment(src[i + 1:text_end], url or None)
        plain_start = pos = after
    runs += _parse_segment(src[plain_start:], None)
    return tuple(merge_runs(runs))
