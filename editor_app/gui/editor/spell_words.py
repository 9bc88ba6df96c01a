"""The words the spell highlighter judges, and their compact per-block form.

Contract: :func:`checkable_words` gives ``(word, start, end)`` in UTF-16 offsets of every
word of a block the checker should judge (the highlighter, the spell menu and the spelling
dialog use it, so they agree on words and offsets). :class:`BlockWords` holds one block's
result packed for the highlighter's cache and iterates as the same triples.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator

import regex

from editor_app.core.text.markup_spans import non_prose_spans
from editor_app.core.text.tokenize import Script, word_spans
from editor_app.gui.editor.utf16 import Utf16Map

__all__ = ["BlockWords", "checkable_words"]

_ASTRAL_RE = regex.compile(r"[\U00010000-\U0010FFFF]")


def checkable_words(text: str, *, skip_markup: bool = True) -> tuple[tuple[str, int, int], ...]:
    """``(word, start, end)`` of every word of ``text`` the checker should judge.

    Core tokenizer words without numbers and other scripts; with ``skip_markup`` the
    Markdown-ish non-words of the module contract are left out. Offsets are UTF-16.
    """
    skips = non_prose_spans(text) if skip_markup else []
    mapping = Utf16Map(text) if _ASTRAL_RE.search(text) else None
    words: list[tuple[str, int, int]] = []
    append = words.append
    for word, start, end, script in word_spans(text):
        if script is Script.OTHER:
            continue
        if skips and any(a <= start < b for a, b in skips):
            continue
        if mapping is None:
            append((word, start, end))
        else:
            append((word, mapping.to_utf16(start), mapping.to_utf16(end)))
    return tuple(words)


class BlockWords:
    """The candidates of one block, packed: the words (each distinct word one shared
    ``str``) and their UTF-16 ``start, end`` pairs in one ``array('I')``. About 16 bytes a
    word where a tuple of ``(word, start, end)`` tuples took ~200."""

    __slots__ = ("spans", "words")

    def __init__(self, found: Iterable[tuple[str, int, int]], pool: dict[str, str]) -> None:
        words: list[str] = []
        spans = array("I")
        for word, start, end in found:
            words.append(pool.setdefault(word, word))
            spans.append(start)
            spans.append(end)
        self.words = tuple(words)
        self.spans = spans

    def __len__(self) -> int:
        return len(self.words)

    def __iter__(self) -> Iterator[tuple[str, int, int]]:
        spans = self.spans
        for index, word in enumerate(self.words):
            yield word, spans[2 * index], spans[2 * index + 1]
