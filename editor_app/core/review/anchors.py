"""Comment anchors: a text range of one field plus its quote and context, and how an anchor
follows edits (pure functions, no storage).

Contracts:
- Offsets are code points into a field's *visible* text: the headline and dek as stored,
  and for the body the text a reader sees (:func:`visible_body`: the canonical Markdown's
  blocks without markup, joined by ``\\n``, an image block as U+FFFC). That is exactly what
  the editor's ``QTextDocument.toPlainText()`` shows, so a selection in the editor, an
  ``--anchor`` searched on the command line and a quote all mean the same characters.
- Every anchor made here covers whole grapheme clusters (aksharas, ``regex`` ``\\X``) and
  neither starts nor ends with whitespace: a highlight never splits a conjunct or
  detaches a matra. Text is NFC.
- :func:`follow_edit` moves an anchor through one edit of its field: both ends are mapped
  through :func:`~editor_app.core.review.diff.diff_text` with
  :func:`~editor_app.core.review.diff.map_offset`; text typed exactly at an end stays
  outside, an edit inside changes the quote. When none of the range's own characters is
  left (deleted, or all typed over; unchanged aksharas inside a corrected word count as
  left), the quote is searched again by its context (a moved paragraph is re-found);
  failing that the anchor is orphaned: it keeps its last quote and context (a later edit
  that brings the text back, such as an undo, re-finds it) and is never dropped.
"""

from __future__ import annotations

import logging
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import regex

from editor_app.core.errors import ValidationError
from editor_app.core.markdown_model import TextBlock, parse_markdown
from editor_app.core.review.diff import Hunk, diff_text, map_offset
from editor_app.core.text.normalize import to_nfc

__all__ = [
    "CONTEXT_CHARS",
    "FIELDS",
    "Anchor",
    "field_text",
    "find_anchor",
    "follow_edit",
    "make_anchor",
    "map_range",
    "visible_body",
]

log = logging.getLogger(__name__)

#: The fields a comment can be anchored in.
FIELDS = ("body", "headline", "dek")
#: How much text either side of the quote is kept to find it again.
CONTEXT_CHARS = 40
#: Context characters that must match for a re-found quote (fewer when the stored context
#: is shorter, at the start or end of a field).
MIN_CONTEXT_MATCH = 8
#: A quote this long that occurs exactly once is re-found even without matching context.
DISTINCT_QUOTE_CHARS = 20

_GRAPHEME = regex.compile(r"\X")
#: How far to look for whitespace around an offset before segmenting a whole line.
_WINDOW = 256
_IMAGE_CHAR = "\ufffc"


@dataclass(frozen=True, slots=True)
class Anchor:
    """``quote`` is ``text[start:end]`` of the field it was made on, with up to
    :data:`CONTEXT_CHARS` of ``context_before``/``context_after``. An anchor with an empty
    quote is about the field (or article) as a whole: it never moves and is never
    orphaned."""

    start: int
    end: int
    quote: str
    context_before: str = ""
    context_after: str = ""

    @property
    def whole_field(self) -> bool:
        """True for an anchor on no particular text."""
        return not self.quote


#: The anchor of a comment on the article as a whole.
NO_ANCHOR = Anchor(0, 0, "")


@lru_cache(maxsize=16)
def visible_body(markdown: str) -> str:
    """The body as the editor shows it (see the module contract). Cached: one save's new
    body is the next save's old one, and the panel reads the stored one after each save."""
    return "\n".join(block.text if isinstance(block, TextBlock) else _IMAGE_CHAR
                     for block in parse_markdown(markdown))


def field_text(field: str, stored: str) -> str:
    """The visible text of ``field`` whose stored value is ``stored``."""
    check_field(field)
    return visible_body(stored) if field == "body" else stored


def check_field(field: str) -> None:
    """Raise :class:`ValidationError` unless ``field`` is one of :data:`FIELDS`."""
    if field not in FIELDS:
        raise ValidationError(f"comments can be anchored in {', '.join(FIELDS)}, "
                              f"not {field!r}")


def _cluster_start_before(text: str, position: int) -> int:
    """A grapheme-cluster boundary at or before ``position`` near it: the nearest
    whitespace character (a cluster never continues into whitespace from before: UAX 29
    has no Prepend letters in the scripts a Hindi desk writes), else the line start."""
    lowest = max(0, position - _WINDOW)
    for index in range(min(position, len(text) - 1), lowest - 1, -1):
        if text[index].isspace():
            return index - 1 if text[index - 1:index + 1] == "\r\n" else index
    return text.rfind("\n", 0, position) + 1


def _cluster_end_after(text: str, position: int) -> int:
    """A grapheme-cluster boundary at or after ``position`` near it (see above)."""
    highest = min(len(text), position + _WINDOW)
    for index in range(position, highest):
        if text[index].isspace():
            if index > 0 and text[index - 1:index + 1] == "\r\n":  # one cluster
                return index - 1 if index - 1 >= position else index + 1
            return index
    line = text.find("\n", position)
    return len(text) if line < 0 else line


def _snap(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` widened to whole grapheme clusters, then trimmed of whitespace.

    Only the words around the range are segmented (from the whitespace before it to the
    whitespace after it, or the line ends: a line break is always a cluster boundary,
    UAX 29 GB4/GB5), so a long body costs no more than the words at the range's ends."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    if end <= start:
        return start, start
    lo = _snap_down(text, start)
    hi = _snap_up(text, end)
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return lo, hi


def _segment(text: str, first: int, last: int) -> list[int]:
    bounds = [first]
    bounds.extend(first + m.end() for m in _GRAPHEME.finditer(text[first:last]))
    return bounds


def _snap_down(text: str, position: int) -> int:
    if position >= len(text):
        return len(text)
    first = _cluster_start_before(text, position)
    bounds = _segment(text, first, _cluster_end_after(text, position + 1))
    return bounds[bisect_right(bounds, position) - 1]


def _snap_up(text: str, position: int) -> int:
    if position <= 0:
        return 0
    first = _cluster_start_before(text, position - 1)
    bounds = _segment(text, first, _cluster_end_after(text, position))
    return bounds[min(bisect_left(bounds, position), len(bounds) - 1)]


def _context(text: str, start: int, end: int) -> tuple[str, str]:
    return text[max(0, start - CONTEXT_CHARS):start], text[end:end + CONTEXT_CHARS]


def make_anchor(text: str, start: int, end: int) -> Anchor:
    """The anchor on ``text[start:end]`` (snapped and trimmed, see the module contract).

    Raises :class:`ValidationError` for offsets outside the text or a range with no text
    but whitespace."""
    if not 0 <= start < end <= len(text):
        raise ValidationError(f"the range {start}–{end} is not inside the text "
                              f"(0–{len(text)} characters)")
    lo, hi = _snap(text, start, end)
    if lo >= hi:
        raise ValidationError("a comment needs some text to be anchored to, not only spaces")
    before, after = _context(text, lo, hi)
    return Anchor(lo, hi, text[lo:hi], before, after)


def find_anchor(text: str, needle: str) -> Anchor:
    """The anchor on the first occurrence of ``needle`` (NFC) in ``text``;
    :class:`ValidationError` when it does not occur."""
    wanted = to_nfc(needle).strip()
    if not wanted:
        raise ValidationError("the anchor text is empty")
    index = text.find(wanted)
    if index < 0:
        raise ValidationError(f"{wanted!r} does not occur in the text")
    return make_anchor(text, index, index + len(wanted))


def _map_end(hunks: Sequence[Hunk], offset: int, side: Literal["start", "end"]) -> int:
    """Where an anchor end lands: like :func:`map_offset`, except that text inserted
    exactly at the end stays outside the range (typing right before or after a commented
    phrase does not join it)."""
    for hunk in hunks:
        if hunk.old_start == hunk.old_end == offset:
            return hunk.new_end if side == "start" else hunk.new_start
        if hunk.old_start > offset:
            break
    return map_offset(hunks, offset, prefer=side)


def map_range(old: str, new: str, start: int, end: int,
              hunks: Sequence[Hunk] | None = None) -> tuple[int, int]:
    """Where ``old[start:end]`` lies in ``new`` (an empty range when all of it is gone).

    The result is snapped to whole clusters and trimmed of whitespace; pass ``hunks`` when
    the diff of ``old`` and ``new`` is already at hand."""
    if old == new:
        return _snap(new, start, end)
    changes = diff_text(old, new) if hunks is None else hunks
    lo = _map_end(changes, start, "start")
    hi = max(lo, _map_end(changes, end, "end"))
    if lo == hi:
        return lo, hi
    return _snap(new, lo, hi)


def _survives(hunks: Sequence[Hunk], old: str, start: int, end: int) -> bool:
    """True when some non-space character of ``old[start:end]`` is left unchanged (the
    akshara runs inside a changed word count: मजूबत → मजबूत keeps म and त)."""
    position = start
    for hunk in hunks:
        for part in hunk.inner or (hunk,):
            if part.old_end <= position or part.old_start == part.old_end:
                continue
            if part.old_start >= end:
                break
            if old[position:part.old_start].strip():
                return True
            position = max(position, part.old_end)
        if position >= end or hunk.old_start >= end:
            break
    return bool(old[position:end].strip())


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _refind(anchor: Anchor, new: str, near: int) -> Anchor | None:
    """The quote found again in ``new`` by its context, or ``None``."""
    candidates: list[tuple[int, int, int]] = []  # (score, -distance, position)
    position = new.find(anchor.quote)
    while position >= 0:
        end = position + len(anchor.quote)
        score = (_common_prefix(anchor.context_before[::-1], new[:position][::-1])
                 + _common_prefix(anchor.context_after, new[end:]))
        candidates.append((score, -abs(position - near), position))
        position = new.find(anchor.quote, position + 1)
    if not candidates:
        return None
    score, _distance, position = max(candidates)
    needed = min(MIN_CONTEXT_MATCH, len(anchor.context_before) + len(anchor.context_after))
    distinct = len(candidates) == 1 and len(anchor.quote) >= DISTINCT_QUOTE_CHARS
    if score < needed and not distinct:
        return None
    lo, hi = _snap(new, position, position + len(anchor.quote))
    if lo >= hi:
        return None
    before, after = _context(new, lo, hi)
    return Anchor(lo, hi, new[lo:hi], before, after)


def follow_edit(anchor: Anchor, orphaned: bool, old: str, new: str,
                hunks: Sequence[Hunk] | None = None) -> tuple[Anchor, bool]:
    """The anchor and orphaned flag after its field changed from ``old`` to ``new``.

    See the module contract; an orphaned anchor is only searched for again (its range was
    already gone)."""
    if anchor.whole_field or old == new:
        return anchor, orphaned
    if not orphaned and old[anchor.start:anchor.end] != anchor.quote:
        # the stored range does not fit the old text (written by a path that did not
        # re-anchor): find the quote in the old text first
        resynced = _refind(anchor, old, anchor.start)
        if resynced is None:
            return follow_edit(anchor, True, old, new, hunks)
        anchor = resynced
    changes = diff_text(old, new) if hunks is None else hunks
    if orphaned:
        near = min(_map_end(changes, anchor.start, "start"), len(new))
        found = _refind(anchor, new, near)
        if found is None:
            return Anchor(near, near, anchor.quote, anchor.context_before,
                          anchor.context_after), True
        return found, False
    lo, hi = map_range(old, new, anchor.start, anchor.end, changes)
    if lo < hi and _survives(changes, old, anchor.start, anchor.end):
        before, after = _context(new, lo, hi)
        return Anchor(lo, hi, new[lo:hi], before, after), False
    found = _refind(anchor, new, lo)
    if found is not None:
        log.debug("anchor %r re-found by context at %d", anchor.quote, found.start)
        return found, False
    return Anchor(lo, lo, anchor.quote, anchor.context_before, anchor.context_after), True
