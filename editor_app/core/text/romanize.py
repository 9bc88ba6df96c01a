"""Devanagari -> plain Latin letters, for slugs and Latin forms of names.

Hindi drops many inherent vowels (schwa) that a letter-by-letter transliteration keeps:
``सरकार`` is *sarkar*, not *sarakara*. This module marks the schwas Hindi drops (word-final,
and medially in the pattern vowel-C-C-vowel, scanning from the right), then maps
letters to IAST (:mod:`.devanagari_iast`, the same letters as ``indic-transliteration``'s
Devanagari -> IAST without loading its ~70 schemes) and folds IAST to ASCII in the way Indian
newsrooms write URLs (``श``/``ष`` -> ``sh``, ``च`` -> ``ch``, ``छ`` -> ``chh``, anusvara -> ``n``
or ``m`` before labials).

Contract: :func:`romanize` returns ASCII only (plus whatever non-Devanagari text was given,
ASCII-folded); :func:`slugify` returns ``[a-z0-9-]`` only, never empty for non-empty input
(falls back to ``"article"``).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

from editor_app.core.text.devanagari_iast import to_iast
from editor_app.core.text.normalize import to_nfc

__all__ = ["romanize", "romanize_word", "slugify"]

VIRAMA = "\u094d"
_CONSONANT = regex.compile(r"[\u0915-\u0939\u0958-\u095f]")
_VOWEL_SIGN = regex.compile(r"[\u093e-\u094c\u0962\u0963]")
_DEVA_WORD = regex.compile(r"[\p{sc=Deva}\u200c\u200d]+")
_LABIAL_AFTER_ANUSVARA = regex.compile(r"ṃ(?=[pbm])")
_PRE_MAP = str.maketrans({
    "\u0911": "\u0913",  # ऑ -> ओ
    "\u0949": "\u094b",  # ॉ -> ो
    "\u0901": "\u0902",  # chandrabindu -> anusvara
    "\u200c": None,
    "\u200d": None,
})
_IAST_TO_ASCII = [
    ("ch", "\x00"),  # IAST ch is छ
    ("c", "ch"),
    ("\x00", "chh"),
    ("ṛ", "ri"), ("ṝ", "ri"), ("r̤h", "dh"), ("r̤", "d"), ("ṟ", "r"),
    ("ś", "sh"), ("ṣ", "sh"), ("ṅ", "n"), ("ñ", "n"), ("ṇ", "n"), ("ṃ", "n"), ("ṁ", "n"),
    ("ḥ", "h"), ("ā", "a"), ("ī", "i"), ("ū", "u"), ("ṭ", "t"), ("ḍ", "d"), ("ḷ", "l"),
    ("ē", "e"), ("ō", "o"), ("~", "n"),
]


def _units(word: str) -> list[tuple[int, int, bool]]:
    """Split into (start, end, has_inherent_schwa) syllable units of consonant clusters."""
    units: list[tuple[int, int, bool]] = []
    i, n = 0, len(word)
    while i < n:
        start = i
        if _CONSONANT.match(word, i):
            i += 1
            while i < n and word[i] == "\u093c":  # nukta
                i += 1
            while i + 1 < n and word[i] == VIRAMA and _CONSONANT.match(word, i + 1):
                i += 2
                if i < n and word[i] == "\u093c":
                    i += 1
            if i < n and word[i] == VIRAMA:
                units.append((start, i + 1, False))
                i += 1
                continue
            inherent = not (i < n and _VOWEL_SIGN.match(word, i))
            if not inherent:
                i += 1
            while i < n and word[i] in "\u0901\u0902\u0903":
                i += 1
            units.append((start, i, inherent))
        else:
            i += 1
            while i < n and word[i] in "\u0901\u0902\u0903":
                i += 1
            units.append((start, i, False))
    return units


def _drop_schwas(word: str) -> str:
    """Insert a virama where Hindi pronunciation drops the inherent vowel."""
    units = _units(word)
    if len(units) < 2:
        return word
    dropped = [False] * len(units)
    last_start, last_end, last_inherent = units[-1]
    if last_inherent and word[last_end - 1] not in "\u0902\u0903":
        cluster = word[last_start:last_end]
        # keep the schwa after a final conjunct (मित्र -> mitra) and in -ीय (क्षेत्रीय)
        after_long_i = last_start > 0 and word[last_start - 1] == "\u0940" and cluster == "य"
        dropped[-1] = VIRAMA not in cluster and not after_long_i
    for k in range(len(units) - 2, 0, -1):
        start, end, inherent = units[k]
        if not inherent or word[end - 1] in "\u0902\u0903" or dropped[k + 1]:
            continue
        nxt_start, nxt_end, _ = units[k + 1]
        next_has_vowel = not dropped[k + 1]
        next_is_single = (VIRAMA not in word[nxt_start:nxt_end]
                          and _CONSONANT.match(word, nxt_start) is not None)
        prev_has_vowel = not dropped[k - 1]
        if VIRAMA in word[start:end]:
            continue
        if next_has_vowel and next_is_single and prev_has_vowel:
            dropped[k] = True
    out = []
    for (start, end, _), drop in zip(units, dropped, strict=True):
        out.append(word[start:end] + (VIRAMA if drop else ""))
    return "".join(out)


def _iast_to_ascii(text: str) -> str:
    text = _LABIAL_AFTER_ANUSVARA.sub("m", text)
    for old, new in _IAST_TO_ASCII:
        text = text.replace(old, new)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c) and ord(c) < 128)


@lru_cache(maxsize=65536)
def romanize_word(word: str) -> str:
    """One Devanagari word in plain ASCII letters with Hindi schwa deletion (memoised:
    slugs of a bulk import repeat the same words)."""
    prepared = _drop_schwas(to_nfc(word).translate(_PRE_MAP))
    return _iast_to_ascii(to_iast(prepared))


def romanize(text: str) -> str:
    """``text`` with every Devanagari word romanised and the rest ASCII-folded."""
    out: list[str] = []
    position = 0
    nfc = to_nfc(text)
    for match in _DEVA_WORD.finditer(nfc):
        out.append(_ascii_fold(nfc[position:match.start()]))
        out.append(romanize_word(match.group()))
        position = match.end()
    out.append(_ascii_fold(nfc[position:]))
    return "".join(out)


def _ascii_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c) and ord(c) < 128)


_SLUG_JUNK = regex.compile(r"[^a-z0-9]+")


def slugify(text: str, *, max_length: int = 80) -> str:
    """URL slug in Latin letters: ``"भारत का समाचार"`` -> ``"bharat-ka-samachar"``."""
    slug = _SLUG_JUNK.sub("-", romanize(text).lower()).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    return slug or "article"
