"""Devanagari -> IAST letter by letter, for :mod:`~editor_app.core.text.romanize`.

Romanisation (slugs, Latin forms of names, the spell checker's English-loanword evidence)
needs only one direction of one pair of schemes. ``indic-transliteration`` loads *all* of
its ~70 schemes from TOML when it is first imported: ~7 MiB of Python heap and ~14 MiB of
resident memory in a process that only ever asks for Devanagari -> IAST, loaded as soon as
the spell checker met its first unknown word that looks English. This module is that one
table (written from the IAST convention) and the reading rule, so ``indic-transliteration``
is imported only by phonetic typing (:mod:`~editor_app.core.text.transliterate`).

Contract: :func:`to_iast` gives what ``sanscript.transliterate(text, DEVANAGARI, IAST)``
gives for the text :func:`romanize_word <editor_app.core.text.romanize.romanize_word>`
passes it, once both are folded to ASCII the way romanisation does (a test compares the two
on every single Devanagari code point, every consonant with every sign, and the words of
hunspell-hi, wordfreq's Hindi list and the sample article). The rule: a consonant carries
an inherent ``a`` unless a vowel sign or a virama follows it; a consonant followed by a
nukta is read as one letter when the pair has a letter of its own (``क़`` -> ``q``);
anything else passes through unchanged.
"""

from __future__ import annotations

__all__ = ["to_iast"]

VIRAMA = "\u094d"
NUKTA = "\u093c"

_CONSONANTS: dict[str, str] = {
    "क": "k", "ख": "kh", "ग": "g", "घ": "gh", "ङ": "ṅ",
    "च": "c", "छ": "ch", "ज": "j", "झ": "jh", "ञ": "ñ",
    "ट": "ṭ", "ठ": "ṭh", "ड": "ḍ", "ढ": "ḍh", "ण": "ṇ",
    "त": "t", "थ": "th", "द": "d", "ध": "dh", "न": "n",
    "प": "p", "फ": "ph", "ब": "b", "भ": "bh", "म": "m",
    "य": "y", "र": "r", "ल": "l", "व": "v",
    "श": "ś", "ष": "ṣ", "स": "s", "ह": "h", "ळ": "ḻ",
    # consonant + nukta (NFC keeps these decomposed)
    "क" + NUKTA: "q", "ख" + NUKTA: "k͟h", "ग" + NUKTA: "ġ", "ज" + NUKTA: "z",
    "ड" + NUKTA: "r̤", "ढ" + NUKTA: "r̤h", "फ" + NUKTA: "f", "य" + NUKTA: "ẏ",
    "ऩ": "ṉ", "ऱ": "ṟ", "ऴ": "l̤",
}
_VOWEL_SIGNS: dict[str, str] = {
    "\u093e": "ā", "\u093f": "i", "\u0940": "ī", "\u0941": "u", "\u0942": "ū",
    "\u0943": "ṛ", "\u0944": "ṝ", "\u0962": "ḷ", "\u0963": "ḹ",
    "\u0947": "e", "\u0948": "ai", "\u094b": "o", "\u094c": "au",
    "\u0946": "è", "\u094a": "ò",  # short e, o (Dravidian); candra e/o have no IAST
}
_OTHERS: dict[str, str] = {
    "अ": "a", "आ": "ā", "इ": "i", "ई": "ī", "उ": "u", "ऊ": "ū",
    "ऋ": "ṛ", "ॠ": "ṝ", "ऌ": "ḷ", "ॡ": "ḹ",
    "ए": "e", "ऐ": "ai", "ओ": "o", "औ": "au", "ऎ": "è", "ऒ": "ò",
    "\u0902": "ṃ", "\u0903": "ḥ", "\u0901": "~", "ऽ": "'", "ॐ": "oṃ",
    "\u0951": "\u032d", "\u0952": "\u0331",  # Vedic udatta, anudatta
    "०": "0", "१": "1", "२": "2", "३": "3", "४": "4",
    "५": "5", "६": "6", "७": "7", "८": "8", "९": "9",
    "।": "|", "॥": "||",
}
_LETTERS: dict[str, str] = {**_OTHERS, **_CONSONANTS}
_YOGAVAHAS = "\u0901\u0902\u0903"
_ACCENTS = "\u0951\u0952"


def to_iast(text: str) -> str:
    """``text`` (NFC Devanagari) in IAST letters; characters without a letter pass through.

    A Vedic accent written after anusvara, visarga or chandrabindu is read before it."""
    if "\u0951" in text or "\u0952" in text:
        text = _swap_accents(text)
    out: list[str] = []
    append = out.append
    after_consonant = False
    i, n = 0, len(text)
    while i < n:
        pair = text[i:i + 2]
        token = pair if len(pair) == 2 and pair in _CONSONANTS else text[i]
        if token in _VOWEL_SIGNS:
            append(_VOWEL_SIGNS[token])
            after_consonant = False
        elif token == VIRAMA:
            after_consonant = False
        else:
            if after_consonant:
                append("a")
            append(_LETTERS.get(token, token))
            after_consonant = token in _CONSONANTS
        i += len(token)
    if after_consonant:
        append("a")
    return "".join(out)


def _swap_accents(text: str) -> str:
    chars = list(text)
    i = 0
    while i + 1 < len(chars):
        if chars[i] in _YOGAVAHAS and chars[i + 1] in _ACCENTS:
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
            i += 2
        else:
            i += 1
    return "".join(chars)
