"""Two versions of a field as same/changed pieces, for showing them side by side.

Contract: :func:`word_diff` returns the pieces of each side tagged ``"same"`` or
``"changed"``; joining a side's pieces gives that text back exactly. The changes are the
review diff's (:func:`editor_app.core.review.diff.diff_text`: whole words, never a split
akshara), so the merge dialog and the history show the same differences.
"""

from __future__ import annotations

from typing import Literal

from editor_app.core.review.diff import diff_text

__all__ = ["Piece", "word_diff"]

Piece = tuple[Literal["same", "changed"], str]


def word_diff(mine: str, theirs: str) -> tuple[list[Piece], list[Piece]]:
    """``(pieces of mine, pieces of theirs)`` (see module contract)."""
    left: list[Piece] = []
    right: list[Piece] = []
    at_mine = at_theirs = 0
    for hunk in diff_text(mine, theirs):
        if hunk.old_start > at_mine:
            left.append(("same", mine[at_mine:hunk.old_start]))
        if hunk.new_start > at_theirs:
            right.append(("same", theirs[at_theirs:hunk.new_start]))
        if hunk.old_text:
            left.append(("changed", hunk.old_text))
        if hunk.new_text:
            right.append(("changed", hunk.new_text))
        at_mine, at_theirs = hunk.old_end, hunk.new_end
    if at_mine < len(mine):
        left.append(("same", mine[at_mine:]))
    if at_theirs < len(theirs):
        right.append(("same", theirs[at_theirs:]))
    return left, right
