"""Pure algorithms of tracked changes: no database, no Qt.

A field under tracking has a *base* (the accepted text) and a *current* text; its open
suggestions are :class:`Span` objects, each saying that ``old_text`` at
``base_start``–``base_end`` of the base became ``new_text``. The invariant every function
here keeps: ``rebuild(base, spans) == current``, each span with an author; after a save the
spans are exactly ``diff_text(base, current)`` (same offsets and texts), after a decision
they are the undecided ones moved exactly (:func:`move_base`; a rejection moves nothing).

Contracts:
- :func:`plan_save` matches the hunks of ``diff_text(base, current)`` to the open spans
  after a save. A hunk equal to a span (same old/new text, the nearest base position) keeps
  that span (its id, author, time). A new hunk that touches no span is new, by the saver.
  A changed hunk that touches exactly one span by the same person updates that span in
  place (same id). A changed hunk that touches spans of other people (it grew over them, or
  someone edited inside another's change) becomes a NEW span by the saver and the spans it
  covers are closed as withdrawn (superseded, decided by the saver): the latest editor owns
  the text they typed, so one colour per person stays true. A span with no hunk any more was
  undone: withdrawn. On an untracked save (see :func:`carry_untracked`) a leftover hunk is
  given to the author of the span it touches (or the saver when it touches none).
- :func:`carry_untracked` takes a change made outside tracking (the reporter edits a
  returned story) into the base too, mapped through the open spans, so it never shows as a
  suggestion. An untracked edit that overlaps an open span absorbs it: the base takes the
  edited text of the whole region and the span is reported as absorbed (the caller records
  it as accepted by the person who edited it).
- :func:`move_base` applies accepted spans to the base (the current text already has them);
  :func:`revert` undoes rejected spans in the current text (the base is unchanged).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from editor_app.core.errors import ValidationError
from editor_app.core.review.diff import Hunk, apply_hunks, diff_text, invert, map_offset

__all__ = ["Author", "Carry", "Plan", "Span", "as_hunks", "carry_untracked", "edited_ranges",
           "move_base", "plan_save", "rebuild", "revert"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Author:
    """Who made a change: a user id (``None`` for an unattributed maintenance actor) and
    the display name at the time."""

    id: int | None
    name: str


@dataclass(frozen=True, slots=True)
class Span:
    """One open suggestion of one field, in base offsets (code points)."""

    id: int
    base_start: int
    base_end: int
    old_text: str
    new_text: str
    author: Author


@dataclass(frozen=True, slots=True)
class Plan:
    """What a save does to the open spans of one field (see :func:`plan_save`)."""

    #: span id -> its hunk (unchanged text; offsets may have moved)
    keep: dict[int, Hunk] = field(default_factory=dict)
    #: span id -> its new hunk (the same person changed their own suggestion)
    update: dict[int, Hunk] = field(default_factory=dict)
    #: new suggestions and their authors
    create: list[tuple[Hunk, Author]] = field(default_factory=list)
    #: span ids closed as withdrawn (undone, or superseded by another person's edit)
    withdraw: list[int] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Carry:
    """The result of :func:`carry_untracked`."""

    base: str
    #: the spans that were not absorbed, their offsets moved to the new base
    spans: list[Span]
    #: ids of the spans an overlapping untracked edit absorbed into the base
    absorbed: list[int]


def as_hunks(spans: Sequence[Span]) -> list[Hunk]:
    """The spans as hunks from the base to the current text (sorted by base offset)."""
    hunks: list[Hunk] = []
    delta = 0
    for span in sorted(spans, key=lambda s: (s.base_start, s.base_end)):
        start = span.base_start + delta
        hunks.append(Hunk(span.base_start, span.base_end, start, start + len(span.new_text),
                          span.old_text, span.new_text))
        delta += len(span.new_text) - (span.base_end - span.base_start)
    return hunks


def rebuild(base: str, spans: Sequence[Span]) -> str:
    """The current text the spans describe (:class:`ValidationError` when they do not fit
    the base any more)."""
    return apply_hunks(base, as_hunks(spans))


def _touches(hunk: Hunk, span: Span) -> bool:
    """Whether ``hunk`` (base offsets) overlaps or touches ``span``."""
    return hunk.old_start <= span.base_end and span.base_start <= hunk.old_end


def plan_save(base: str, current: str, spans: Sequence[Span], saver: Author, *,
              tracked: bool = True,
              edited: Sequence[tuple[int, int]] | None = None) -> Plan:
    """Match ``diff_text(base, current)`` to the open ``spans`` (see the module contract).

    ``edited``: the stretches of ``current`` this save changed (see :func:`edited_ranges`).
    On a tracked save a new hunk outside them is not the saver's: the diff only aligned
    someone's earlier change differently (repeated words), so it goes to the author of the
    span it touches, else of the nearest span."""
    plan = Plan()
    free: dict[int, Span] = {s.id: s for s in spans}
    unmatched: list[Hunk] = []
    for hunk in diff_text(base, current):
        candidates = [s for s in free.values()
                      if s.old_text == hunk.old_text and s.new_text == hunk.new_text]
        if candidates:
            best = min(candidates, key=lambda s: (abs(s.base_start - hunk.old_start), s.id))
            plan.keep[best.id] = hunk
            del free[best.id]
        else:
            unmatched.append(hunk)
    for hunk in unmatched:
        covered = [s for s in free.values() if _touches(hunk, s)]
        if tracked and (edited is None or _in_edit(hunk, edited)):
            author = saver
        elif covered:
            author = min(covered, key=lambda s: s.id).author
        elif spans:
            author = min(spans, key=lambda s: (_distance(hunk, s), s.id)).author
        else:
            author = saver
        if len(covered) == 1 and covered[0].author == author:
            plan.update[covered[0].id] = hunk
        else:
            plan.create.append((hunk, author))
            plan.withdraw.extend(s.id for s in covered)
        for span in covered:
            del free[span.id]
    plan.withdraw.extend(free)
    return plan


def edited_ranges(previous: str, current: str) -> list[tuple[int, int]]:
    """The stretches of ``current`` that differ from ``previous`` (insert points too)."""
    return [(h.new_start, h.new_end) for h in diff_text(previous, current)]


def _in_edit(hunk: Hunk, edited: Sequence[tuple[int, int]]) -> bool:
    return any(hunk.new_start <= end and start <= hunk.new_end for start, end in edited)


def _distance(hunk: Hunk, span: Span) -> int:
    if span.base_end < hunk.old_start:
        return hunk.old_start - span.base_end
    return max(0, span.base_start - hunk.old_end)


def _overlaps(edit: Hunk, span_hunk: Hunk) -> bool:
    """Whether an untracked ``edit`` (previous-text offsets) reaches into the current
    text of a suggestion (``span_hunk.new_*``). Touching at an edge is not overlapping."""
    if edit.old_start == edit.old_end:  # an insertion: only strictly inside
        return span_hunk.new_start < edit.old_start < span_hunk.new_end
    if span_hunk.new_start == span_hunk.new_end:  # a deletion suggestion: a point
        return edit.old_start < span_hunk.new_start < edit.old_end
    return edit.old_start < span_hunk.new_end and span_hunk.new_start < edit.old_end


@dataclass(slots=True)
class _Region:
    lo: int
    hi: int
    touched: set[int]


def carry_untracked(base: str, previous: str, current: str,
                    spans: Sequence[Span]) -> Carry:
    """Take the untracked change ``previous`` → ``current`` into the base (see the module
    contract). ``previous`` must equal ``rebuild(base, spans)``."""
    ordered = sorted(spans, key=lambda s: (s.base_start, s.base_end))
    sugg = as_hunks(ordered)
    back = invert(sugg)  # previous -> base
    edits = diff_text(previous, current)
    regions: list[_Region] = []
    for edit in edits:
        touched = {i for i, h in enumerate(sugg) if _overlaps(edit, h)}
        lo = min([edit.old_start, *(sugg[i].new_start for i in touched)])
        hi = max([edit.old_end, *(sugg[i].new_end for i in touched)])
        if regions and (lo < regions[-1].hi or touched & regions[-1].touched):
            last = regions[-1]
            last.lo, last.hi = min(last.lo, lo), max(last.hi, hi)
            last.touched |= touched
        else:
            regions.append(_Region(lo, hi, touched))
    base_hunks: list[Hunk] = []
    delta = 0
    for region in regions:
        b_lo = map_offset(back, region.lo, prefer="end")
        b_hi = max(b_lo, map_offset(back, region.hi, prefer="start"))
        text = current[map_offset(edits, region.lo, prefer="start"):
                       map_offset(edits, region.hi, prefer="end")]
        base_hunks.append(Hunk(b_lo, b_hi, b_lo + delta, b_lo + delta + len(text),
                               base[b_lo:b_hi], text))
        delta += len(text) - (b_hi - b_lo)
    new_base = apply_hunks(base, base_hunks)
    absorbed_idx = set().union(*(r.touched for r in regions)) if regions else set()
    kept: list[Span] = []
    for i, span in enumerate(ordered):
        if i in absorbed_idx:
            continue
        start = map_offset(base_hunks, span.base_start, prefer="end")
        end = max(start, map_offset(base_hunks, span.base_end, prefer="start"))
        kept.append(replace(span, base_start=start, base_end=end))
    return Carry(new_base, kept, [ordered[i].id for i in sorted(absorbed_idx)])


def move_base(base: str, spans: Sequence[Span], accepted: Iterable[int]) -> tuple[str, list[Span]]:
    """The base with the ``accepted`` spans applied, and the other spans moved to it."""
    chosen = set(accepted)
    taken = [h for s, h in _paired(spans) if s.id in chosen]
    # offsets of the accepted hunks on the base side only: recompute their new side
    moved: list[Hunk] = []
    delta = 0
    for h in taken:
        moved.append(Hunk(h.old_start, h.old_end, h.old_start + delta,
                          h.old_start + delta + len(h.new_text), h.old_text, h.new_text))
        delta += len(h.new_text) - (h.old_end - h.old_start)
    new_base = apply_hunks(base, moved)
    rest: list[Span] = []
    for span in spans:
        if span.id in chosen:
            continue
        start = map_offset(moved, span.base_start, prefer="end")
        end = max(start, map_offset(moved, span.base_end, prefer="start"))
        rest.append(replace(span, base_start=start, base_end=end))
    return new_base, rest


def revert(base: str, current: str, spans: Sequence[Span], rejected: Iterable[int]) -> str:
    """``current`` with the ``rejected`` spans undone (their base text back)."""
    chosen = set(rejected)
    if rebuild(base, spans) != current:
        raise ValidationError("the suggestions do not describe the current text")
    undo = [h.inverted() for s, h in _paired(spans) if s.id in chosen]
    return apply_hunks(current, undo)


def _paired(spans: Sequence[Span]) -> list[tuple[Span, Hunk]]:
    ordered = sorted(spans, key=lambda s: (s.base_start, s.base_end))
    return list(zip(ordered, as_hunks(ordered), strict=True))
