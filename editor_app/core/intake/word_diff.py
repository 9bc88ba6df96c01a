"""A word-level diff for showing two versions of a field side by side.

Contract: :func:`word_diff` splits both texts into words and the whitespace between them
(never inside a word, so a Devanagari cluster is never split) and returns the pieces of
each side tagged ``"same"`` or ``"changed"``; joining a side's pieces gives that text back
exactly. (When the review issue lands its word + akshara diff, the dialog can use that.)
"""

from __future__ import annotations

import difflib
from typing import Literal

import regex

__all__ = ["Piece", "word_diff"]

Piece = tuple[Literal["same", "changed"], str]
_TOKENS = regex.compile(r"\s+|[^\s]+")


def word_diff(mine: str, theirs: str) -> tuple[list[Piece], list[Piece]]:
    """``(pieces of mine, pieces of theirs)`` (see module contract)."""
    a, b = _TOKENS.findall(mine), _TOKENS.findall(theirs)
    left: list[Piece] = []
    right: list[Piece] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        kind: Literal["same", "changed"] = "same" if op == "equal" else "changed"
        if i2 > i1:
            left.append((kind, "".join(a[i1:i2])))
        if j2 > j1:
            right.append((kind, "".join(b[j1:j2])))
    return left, right
