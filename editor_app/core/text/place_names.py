"""Indian place names are open-ended, but most are built one way: a name + a place suffix.

Contract: :func:`looks_like_place_name` is true for an NFC Devanagari word that ends in one of
:data:`PLACE_SUFFIXES` after a stem of at least :data:`MIN_STEM_AKSHARAS` aksharas
(भगवानपुरा, मेदिनीनगर, भारतगढ़, चिरईगांव, पलियाकलां). The spell checker accepts such a word
only when no typo rule explains it as a misspelling first, so a misspelled common word that
happens to end like a place (a typo of नगर itself) is still caught. Pure function.
"""

from __future__ import annotations

import regex

__all__ = ["MIN_STEM_AKSHARAS", "PLACE_SUFFIXES", "looks_like_place_name"]

#: Suffixes of village, town and district names (Hindi belt): -pur, -nagar, -garh, -gaon ...
PLACE_SUFFIXES = ("पुर", "पुरा", "नगर", "गढ़", "गांव", "गाँव", "खेड़ा", "खेड़ी", "डीह", "कलां",
                  "खुर्द", "बाद", "गंज", "पाली", "वाड़ा", "वाड़ी", "घाट", "टोला", "पट्टी")
MIN_STEM_AKSHARAS = 2
_GRAPHEME = regex.compile(r"\X")
_BY_LENGTH = tuple(sorted(PLACE_SUFFIXES, key=len, reverse=True))


def looks_like_place_name(word: str, function_words: frozenset[str] = frozenset()) -> bool:
    """True when ``word`` is a stem of two or more aksharas plus a place suffix, and the stem
    does not end in one of ``function_words`` (इसकेबाद is इसके बाद merged, not a place)."""
    for suffix in _BY_LENGTH:
        if word.endswith(suffix) and len(word) > len(suffix):
            stem = word[: -len(suffix)]
            if any(stem.endswith(f) for f in function_words if len(f) >= 2):
                continue
            # The stem must end on an akshara boundary (not "...पु" + "र").
            if len(_GRAPHEME.findall(stem)) >= MIN_STEM_AKSHARAS and _whole(word, stem):
                return True
    return False


def _whole(word: str, stem: str) -> bool:
    """``stem`` ends on an akshara boundary of ``word``."""
    offset = 0
    for cluster in _GRAPHEME.findall(word):
        offset += len(cluster)
        if offset == len(stem):
            return True
        if offset > len(stem):
            return False
    return False
