"""Live counts for the status bar and length limits: words, aksharas, characters, reading time.

Lengths of headlines, deks and captions are measured in aksharas (extended grapheme
clusters): ``प्रधानमंत्री`` is 12 code points but 5 aksharas.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import regex

from editor_app.core.text.tokenize import TokenKind, tokenize

__all__ = ["TextCounts", "akshara_count", "clip_text", "count_text", "total_counts"]

_GRAPHEME_RE = regex.compile(r"\X")
_SPACE_RE = regex.compile(r"\s")
# Hindi news is read more slowly than English: ~180 words a minute is a common figure.
WORDS_PER_MINUTE = 180


@dataclass(frozen=True, slots=True)
class TextCounts:
    """Counts of one text. ``characters`` excludes whitespace; ``code_points`` does not."""

    words: int
    aksharas: int
    characters: int
    code_points: int
    reading_minutes: int


def akshara_count(text: str) -> int:
    """Number of visible aksharas (grapheme clusters, whitespace excluded) in ``text``."""
    return sum(1 for g in _GRAPHEME_RE.findall(text) if not g.isspace())


def clip_text(text: str, max_chars: int, ellipsis: str = "…") -> str:
    """``text`` when it has at most ``max_chars`` code points, else its longest prefix of
    whole grapheme clusters that fits with ``ellipsis`` after it (a conjunct or a vowel
    sign is never cut off its consonant)."""
    if len(text) <= max_chars:
        return text
    room = max_chars - len(ellipsis)
    end = 0
    for match in _GRAPHEME_RE.finditer(text):
        if match.end() > room:
            break
        end = match.end()
    return text[:end].rstrip() + ellipsis


def count_text(text: str) -> TextCounts:
    """All counts of ``text`` in one pass over its tokens and clusters."""
    word_count = sum(1 for t in tokenize(text) if t.kind is TokenKind.WORD or t.kind is
                     TokenKind.NUMBER)
    return TextCounts(
        words=word_count,
        aksharas=akshara_count(text),
        characters=len(_SPACE_RE.sub("", text)),
        code_points=len(text),
        reading_minutes=max(1, math.ceil(word_count / WORDS_PER_MINUTE)) if word_count else 0,
    )


def total_counts(parts: list[TextCounts], *, separators: int = 0) -> TextCounts:
    """Counts of texts joined by ``separators`` whitespace characters (e.g. paragraphs
    joined by newlines), from the counts of each part: equal to :func:`count_text` of the
    joined text because words and aksharas never span a line break. Lets an editor count a
    long document incrementally, re-counting only the paragraphs that changed."""
    words = sum(p.words for p in parts)
    return TextCounts(
        words=words,
        aksharas=sum(p.aksharas for p in parts),
        characters=sum(p.characters for p in parts),
        code_points=sum(p.code_points for p in parts) + separators,
        reading_minutes=max(1, math.ceil(words / WORDS_PER_MINUTE)) if words else 0,
    )
