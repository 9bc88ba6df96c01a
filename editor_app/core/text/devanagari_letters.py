"""Devanagari letters and marks as the spelling code names them, and the consonant skeleton.

Constants only (code points, sets of them and :data:`VARIANT_FOLD`, the fold under which
a word and its typical-typo variants agree), plus :func:`skeleton`: a word without its
vowel signs, nukta and nasal marks (viramas kept), which typo models and the suggestion
ranker compare. Pure; no I/O.
"""

from __future__ import annotations

__all__ = [
    "ANUSVARA",
    "CHANDRABINDU",
    "CONSONANTS",
    "HARD_NUKTA_BASES",
    "INDEPENDENT_LENGTH",
    "INDEPENDENT_VOWELS",
    "LENGTH_SWAPS",
    "MARKS",
    "NON_HINDI_LETTERS",
    "NUKTA",
    "RA",
    "SOFT_NUKTA_BASES",
    "VARIANT_FOLD",
    "VIRAMA",
    "VOWEL_SIGNS",
    "skeleton",
]

NUKTA = "\u093c"
VIRAMA = "\u094d"
ANUSVARA = "\u0902"
CHANDRABINDU = "\u0901"
RA = "\u0930"
# Consonants whose missing nukta is a clear typo (ड़ ढ़ are separate sounds in Hindi).
HARD_NUKTA_BASES = frozenset("डढ")
# Consonants whose nukta is often a house-style matter (ज़/ज, फ़/फ): suggestions only.
SOFT_NUKTA_BASES = frozenset("कखगजफ")
VOWEL_SIGNS = frozenset("\u093e\u093f\u0940\u0941\u0942\u0943\u0945\u0947\u0948\u0949\u094b\u094c")
MARKS = VOWEL_SIGNS | frozenset((ANUSVARA, CHANDRABINDU, "\u0903", NUKTA, VIRAMA))
CONSONANTS = frozenset(chr(c) for c in range(0x0915, 0x093A))
INDEPENDENT_VOWELS = frozenset(chr(c) for c in range(0x0904, 0x0915))
INDEPENDENT_LENGTH = {"इ": "ई", "ई": "इ", "उ": "ऊ", "ऊ": "उ"}
LENGTH_SWAPS = {"\u093f": "\u0940", "\u0940": "\u093f", "\u0941": "\u0942", "\u0942": "\u0941"}
NON_HINDI_LETTERS = {"\u0931": "\u0930", "\u0929": "\u0928", "\u0934": "\u0933"}  # ऱ ऩ ऴ

#: Folds away every difference :func:`~editor_app.core.text.suggest.repair_variants` can make
#: (nukta, nasal marks and virama dropped; short/long vowels and ऱ ऩ ऴ merged with their
#: partners), so ``variant.translate(VARIANT_FOLD) == word.translate(VARIANT_FOLD)`` for
#: every variant it yields (tested).
VARIANT_FOLD = str.maketrans({
    **dict.fromkeys((NUKTA, ANUSVARA, CHANDRABINDU, VIRAMA)),
    **{k: max(k, v) for k, v in (*LENGTH_SWAPS.items(), *INDEPENDENT_LENGTH.items())},
    **NON_HINDI_LETTERS,
})
_SKELETON_DROP = str.maketrans({m: None for m in MARKS - {VIRAMA}})


def skeleton(text: str) -> str:
    """``text`` without vowel signs, nukta and nasal marks (consonant skeleton, viramas kept)."""
    return text.translate(_SKELETON_DROP)

