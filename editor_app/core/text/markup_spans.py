"""Spans of text that are not prose: URLs, e-mail addresses, Markdown link targets and image
references, inline code, HTML tags, hashtags and @handles.

One definition shared by spell-check (core ``SpellChecker.check`` and the editor's
highlighter) and copy-desk lint, so a URL is never "misspelled" and never "missing a space
after the full stop". Offsets are code points into the string given, merged and sorted.
"""

from __future__ import annotations

from bisect import bisect_right

import regex

__all__ = ["NonProse", "non_prose_spans"]

_NON_PROSE_RE = regex.compile(
    r"""
      !\[[^\]\n]*\]\([^)\n]*\)                    # image reference ![alt](ref)
    | \]\([^)\n]*\)                               # link target ](url)
    | (?i:(?:https?|ftp|file)://[^\s<>"“”‘’)\]]+)  # URLs
    | (?i:www\.[^\s<>"“”‘’)\]]+)
    | [^\s@<>()\[\]"“”‘’,;]+@[^\s@<>()\[\]"“”‘’,;]+\.[A-Za-z]{2,}   # e-mail
    | (?i:\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|in|org|net|gov|edu|co|io|news|info)\b
         (?:/[^\s<>"“”‘’)\]]*)?)                   # bare domains: example.gov.in/page
    | `[^`\n]*`                                   # inline code
    | <[^>\n]+>                                   # HTML tags
    | (?<![\p{L}\p{M}\p{Nd}])[#@][\p{L}\p{M}\p{Nd}_]+   # hashtags, handles
    """,
    regex.VERBOSE | regex.VERSION1,
)
# Every pattern above needs one of these characters: a cheap test before the regex runs.
_TRIGGERS = frozenset(":/@#`<].")


def non_prose_spans(text: str) -> list[tuple[int, int]]:
    """Sorted, merged ``(start, end)`` code-point spans of non-prose in ``text``."""
    if _TRIGGERS.isdisjoint(text):
        return []
    merged: list[tuple[int, int]] = []
    for match in _NON_PROSE_RE.finditer(text):
        start, end = match.span()
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


class NonProse:
    """Fast "is this offset inside non-prose?" lookups for one text."""

    def __init__(self, text: str) -> None:
        self.spans = non_prose_spans(text)
        self._starts = [start for start, _ in self.spans]

    def __bool__(self) -> bool:
        return bool(self.spans)

    def covers(self, position: int) -> bool:
        """True when ``position`` lies inside a non-prose span."""
        index = bisect_right(self._starts, position) - 1
        return index >= 0 and position < self.spans[index][1]
