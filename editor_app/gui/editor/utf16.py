"""Code-point <-> UTF-16 offsets, and akshara (grapheme cluster) snapping.

Python strings index code points; ``QTextCursor`` positions and ``QString`` indices count
UTF-16 code units. They differ only after astral characters (emoji, some symbols): every
character above U+FFFF takes two units. Devanagari is in the BMP, but a headline with an
emoji must still map correctly, so all GUI code converts through :class:`Utf16Map`.
"""

from __future__ import annotations

from bisect import bisect_right

import regex

__all__ = ["Utf16Map", "cluster_bounds", "snap_span", "utf16_len"]

_CLUSTER = regex.compile(r"\X")
_ASTRAL = regex.compile(r"[^\u0000-\uffff]")


def utf16_len(text: str) -> int:
    """Length of ``text`` in UTF-16 code units."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


class Utf16Map:
    """Offset conversion for one string; O(1) when it has no astral characters."""

    def __init__(self, text: str) -> None:
        # one C-speed scan first: most texts have no astral character at all
        self._astral = ([i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
                        if _ASTRAL.search(text) else [])
        self._length = len(text)
        # UTF-16 index at which each astral character starts, for the reverse lookup.
        self._astral16 = [i + k for k, i in enumerate(self._astral)]

    def to_utf16(self, index: int) -> int:
        """UTF-16 offset of code-point ``index`` (``0 <= index <= len(text)``)."""
        return index + bisect_right(self._astral, index - 1)

    def to_code_point(self, offset: int) -> int:
        """Code-point index of UTF-16 ``offset``; an offset inside a pair maps to its start."""
        before = bisect_right(self._astral16, offset - 1)
        if before and self._astral16[before - 1] == offset - 1:
            return offset - before  # middle of a surrogate pair: snap back
        return min(offset - before, self._length)


def cluster_bounds(text: str) -> list[int]:
    """Code-point offsets of every grapheme-cluster boundary of ``text`` (0 and len incl.)."""
    bounds = [0]
    for m in _CLUSTER.finditer(text):
        bounds.append(m.end())
    return bounds


def snap_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen the code-point span ``[start, end)`` to whole grapheme clusters."""
    bounds = cluster_bounds(text)
    lo = bounds[max(0, bisect_right(bounds, start) - 1)]
    index = bisect_right(bounds, end - 1) if end > start else bisect_right(bounds, end)
    hi = bounds[min(index, len(bounds) - 1)] if end > lo else lo
    return lo, max(hi, lo)
