"""Phonetic Hindi typing: one Roman word -> Devanagari, with Hindi schwa handling.

The GUI converts a word when it ends (space or punctuation typed); see
:func:`find_conversion`. Everything here is pure Python and deterministic for a given
lexicon.

How a word is converted
-----------------------
1. The Roman word is parsed (longest match first) into consonants, vowels and marks using
   the table below. Letters and vowel signs come from indic-transliteration's ITRANS tables.
2. Hindi rules choose a *default* spelling: the inherent ``a`` is written implicitly; a
   word-final consonant keeps no virama (final schwa deletion: ``kamal`` -> कमल); a typed
   final ``a`` is आ (``kya`` -> क्या); a final ``i`` is ई (``dilli`` -> दिल्ली); ``n``/``m``
   before a consonant become anusvara (house style: ``hindi`` -> हिंदी, ``mumbai`` -> मुंबई);
   two consonants between vowels are split by a silent schwa (medial schwa deletion read
   backwards: ``karna`` -> करना) unless they are a geminate (``dilli``), end in ``y``/``r``/``v``
   (``zyada`` -> ज़्यादा, ``mantri`` -> मंत्री) or are a common conjunct (``st``, ``kt``, ...).
3. With a *lexicon* (by default the Hindi word-frequency list of ``wordfreq``), spellings
   that differ from the default only where casual typing is ambiguous (a/aa, i/ii, u/uu,
   t/ट, d/ड/ड़, sh/ष, ai/अई, conjunct/schwa, anusvara/न्) are scored by frequency minus a
   cost per change, and the best known word wins: ``bharat`` -> भारत, ``samachar`` ->
   समाचार, ``pradhanmantri`` -> प्रधानमंत्री. What the user typed explicitly (``aa``, ``ee``,
   capitals, ``z``, ``f``, ``q``) is never changed. Unknown words keep the rule spelling.

Output is NFC, never contains ऱ (U+0931), and anusvara is preferred to a nasal conjunct.

Scheme (shown in the app's help)
--------------------------------
=============================  ==================================================
Roman                          Devanagari
=============================  ==================================================
a  aa/A  i  ii/ee/I  u  uu/oo/U  अ आ इ ई उ ऊ (as vowel signs after a consonant)
e  ai  o  au  O  ei              ए ऐ ओ औ ऑ; ``ei`` is ए (``mein`` -> में)
RRi                            ऋ / ृ (``kRRishi`` -> कृषि; ``krishi`` also works)
k kh g gh                      क ख ग घ   (``gy`` -> ज्ञ: ``gyan`` -> ज्ञान)
ch chh j jh                    च छ ज झ
T Th D Dh N                    ट ठ ड ढ ण (capitals: retroflex)
t th d dh n                    त थ द ध न
p ph/f b bh m                  प फ/फ़ ब भ म  (``f`` -> फ़)
y r l v/w L                    य र ल व ळ
sh S/Sh/shh s h                श ष स ह
x  ksh                         क्ष
z f q                          ज़ फ़ क़ (nukta letters)
R  Rh                          ड़ ढ़ (``paRh`` -> पढ़); ``R`` never gives ऱ
M  ~                           anusvara ं, chandrabindu ँ (``ha~s`` -> हँस)
=============================  ==================================================
Other capitals are read as lowercase. Non-letters pass through unchanged.
"""

from __future__ import annotations

import bisect
import logging
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, Protocol

import regex

from editor_app.core.text.normalize import to_nfc

__all__ = [
    "FrequencyLexicon",
    "Lexicon",
    "PhoneticEdit",
    "default_lexicon",
    "find_conversion",
    "is_word_end",
    "transliterate_word",
]

log = logging.getLogger(__name__)

VIRAMA = "\u094d"
ANUSVARA = "\u0902"
CHANDRABINDU = "\u0901"
_MAX_COST = 3.2
_MIN_SCORE = 2.5
_MAX_WORD = 40


def _deva(itrans: str) -> str:
    """Devanagari for ITRANS consonants (``rah``: र, schwa, ह), without a final virama, NFC."""
    from indic_transliteration import sanscript  # 0.3 s to import: only when used

    out = sanscript.transliterate(itrans, sanscript.ITRANS, sanscript.DEVANAGARI)
    return to_nfc(out.removesuffix(VIRAMA))


# Roman consonant -> options (Devanagari base letter, cost). First option is the default.
_CONS_SPEC: dict[str, list[tuple[str, float]]] = {
    "ksh": [("kSh", 0)], "kSh": [("kSh", 0)], "x": [("kSh", 0)],
    "chh": [("Ch", 0)], "ch": [("ch", 0), ("Ch", 1.0)],
    "c": [("k", 0), ("s", 0.5), ("ch", 0.8)], "c_soft": [("s", 0), ("k", 0.7), ("ch", 0.8)],
    "kh": [("kh", 0), ("K", 0.7)], "k": [("k", 0)], "q": [("q", 0)],
    "gh": [("gh", 0)], "gy": [("GY", 0), ("gy", 0.5)], "g": [("g", 0), ("G", 0.7)],
    "jh": [("jh", 0)], "j": [("j", 0), ("z", 0.4)], "z": [("z", 0)],
    "Th": [("Th", 0)], "th": [("th", 0), ("Th", 0.8)], "T": [("T", 0)],
    "t": [("t", 0), ("T", 0.8)],
    "Dh": [("Dh", 0), (".Dh", 0.5)], "dh": [("dh", 0), ("Dh", 0.8), (".Dh", 0.8)],
    "D": [("D", 0), (".D", 0.5)], "d": [("d", 0), ("D", 0.8), (".D", 0.8)],
    "Rh": [(".Dh", 0)], "R": [(".D", 0)], "rh": [(".Dh", 0), ("rah", 0.8)],
    "N": [("N", 0)], "n": [("n", 0), ("N", 1.0)],
    "ph": [("ph", 0), ("f", 0.5)], "f": [("f", 0)], "p": [("p", 0)],
    "bh": [("bh", 0)], "b": [("b", 0)], "m": [("m", 0)],
    "y": [("y", 0)], "r": [("r", 0)], "l": [("l", 0)], "L": [("L", 0)],
    "v": [("v", 0)], "w": [("v", 0)],
    "shh": [("Sh", 0)], "Sh": [("Sh", 0)], "S": [("Sh", 0)],
    "sh": [("sh", 0), ("Sh", 0.5)], "s": [("s", 0), ("sh", 1.0)], "h": [("h", 0)],
}
_CONS: dict[str, list[tuple[str, float]]] = {
    roman: [(_deva(code), cost) for code, cost in opts] for roman, opts in _CONS_SPEC.items()
}
# Roman vowel -> (matra options, independent options, final matra options); "" = schwa.
_V = tuple[list[tuple[str, float]], list[tuple[str, float]], list[tuple[str, float]]]
_VOWELS: dict[str, _V] = {
    "aa": ([("ा", 0)], [("आ", 0)], [("ा", 0)]),
    "A": ([("ा", 0)], [("आ", 0)], [("ा", 0)]),
    "a": ([("", 0), ("ा", 1.0)], [("अ", 0), ("आ", 1.0)], [("ा", 0), ("", 0.8)]),
    "ii": ([("ी", 0)], [("ई", 0)], [("ी", 0)]),
    "ee": ([("ी", 0)], [("ई", 0)], [("ी", 0)]),
    "I": ([("ी", 0)], [("ई", 0)], [("ी", 0)]),
    "i": ([("ि", 0), ("ी", 0.8)], [("इ", 0), ("ई", 0.8)], [("ी", 0), ("ि", 0.6)]),
    "uu": ([("ू", 0)], [("ऊ", 0)], [("ू", 0)]),
    "oo": ([("ू", 0)], [("ऊ", 0)], [("ू", 0)]),
    "U": ([("ू", 0)], [("ऊ", 0)], [("ू", 0)]),
    "u": ([("ु", 0), ("ू", 0.8)], [("उ", 0), ("ऊ", 0.8)], [("ु", 0), ("ू", 0.6)]),
    "ei": ([("े", 0), ("ै", 0.8)], [("ए", 0)], [("े", 0), ("ै", 0.8)]),
    "e": ([("े", 0)], [("ए", 0)], [("े", 0)]),
    "ai": ([("ै", 0), ("ई", 0.7), ("ाई", 0.9), ("इ", 1.0)], [("ऐ", 0), ("अई", 1.0)],
           [("ै", 0), ("ई", 0.7), ("ाई", 0.9), ("इ", 1.0)]),
    "au": ([("ौ", 0), ("ाउ", 0.8), ("उ", 1.0)], [("औ", 0)], [("ौ", 0), ("ाउ", 0.8)]),
    "o": ([("ो", 0)], [("ओ", 0)], [("ो", 0)]),
    "O": ([("ॉ", 0)], [("ऑ", 0)], [("ॉ", 0)]),
    "RRi": ([("ृ", 0)], [("ऋ", 0)], [("ृ", 0)]),
}
# "ri" straight after a consonant may be ृ (krishi -> कृषि).
_RI_AFTER_CONS: _V = ([(VIRAMA + "रि", 0), ("ृ", 0.8), (VIRAMA + "री", 0.8)], [],
                      [(VIRAMA + "री", 0), (VIRAMA + "रि", 0.6), ("ृ", 1.0)])
_MARKS = {"M": ANUSVARA, "~": CHANDRABINDU}
_KEEP_CAPS = frozenset("AIUOTDNRLSM")
_TOKEN_RE = regex.compile(
    "|".join(regex.escape(k) for k in sorted([*_CONS, *_VOWELS, *_MARKS], key=len, reverse=True))
    + "|."
)
_NASALS = frozenset({"n", "m"})
_ASPIRATE_OF = {"k": "kh", "g": "gh", "ch": "chh", "j": "jh", "t": "th", "d": "dh",
                "T": "Th", "D": "Dh", "p": "ph", "b": "bh"}
_STOPS = frozenset({"k", "kh", "T", "Th", "t", "th", "p", "ph", "b", "bh", "ch", "chh"})
_CONJ_PAIRS = frozenset({("k", "t"), ("f", "t"), ("k", "sh"), ("t", "m"), ("t", "n"), ("d", "m"),
                         ("p", "t"), ("sh", "n"), ("sh", "m"), ("d", "bh"), ("d", "g")})
_LONG_BEFORE_NASAL = frozenset({"ai", "ei", "e", "ii", "ee", "I", "o", "oo", "uu", "U", "au"})


@dataclass(frozen=True, slots=True)
class _Unit:
    kind: str  # "cons", "vowel", "ri", "mark", "lit"
    roman: str


class Lexicon(Protocol):
    """Known words with frequencies: used to choose among ambiguous spellings."""

    def zipf(self, word: str) -> float:
        """Zipf frequency of the NFC ``word`` (0.0 when unknown)."""
        ...

    def has_prefix(self, prefix: str) -> bool:
        """Whether some known word starts with the NFC ``prefix``."""
        ...


class FrequencyLexicon:
    """A :class:`Lexicon` over a mapping word -> frequency (proportion, as wordfreq gives)."""

    def __init__(self, frequencies: dict[str, float] | Iterable[tuple[str, float]]) -> None:
        items = frequencies.items() if isinstance(frequencies, dict) else frequencies
        self._zipf: dict[str, float] = {}
        for word, freq in items:
            if freq > 0:
                key = to_nfc(word)
                self._zipf[key] = max(self._zipf.get(key, 0.0), math.log10(freq) + 9.0)
        self._sorted = sorted(self._zipf)

    def zipf(self, word: str) -> float:
        return self._zipf.get(word, 0.0)

    def has_prefix(self, prefix: str) -> bool:
        index = bisect.bisect_left(self._sorted, prefix)
        return index < len(self._sorted) and self._sorted[index].startswith(prefix)


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon | None:
    """The wordfreq Hindi list (about 26k words), loaded once; None if wordfreq is missing.

    Call ``default_lexicon.cache_clear()`` to reload (tests).
    """
    try:
        import wordfreq
    except ImportError:  # optional at run time: rules alone still work
        log.warning("wordfreq is not installed: phonetic typing uses rules only")
        return None
    deva = regex.compile(r"[\p{sc=Deva}\p{M}]+")
    freqs = wordfreq.get_frequency_dict("hi")
    return FrequencyLexicon((w, f) for w, f in freqs.items() if deva.fullmatch(w))


def transliterate_word(roman: str,
                       lexicon: Lexicon | Literal["default"] | None = "default") -> str:
    """Convert one Roman word to NFC Devanagari (see the module docstring for the scheme).

    Runs of ASCII letters (and ``~``) are converted; any other character is kept as it is
    and splits the word. ``lexicon=None`` gives the rule spelling only; by default the
    wordfreq Hindi list ranks alternatives. Never returns ऱ (U+0931).
    """
    lex = default_lexicon() if lexicon == "default" else lexicon
    out = _SEGMENT_RE.sub(lambda m: _convert(m.group(), lex), roman)
    return to_nfc(out).replace("\u0931", "\u0930")


_SEGMENT_RE = regex.compile(r"[A-Za-z][A-Za-z~]*")


def _parse(roman: str) -> list[_Unit]:
    text = "".join(c if c in _KEEP_CAPS else c.lower() for c in roman)
    units: list[_Unit] = []
    for match in _TOKEN_RE.finditer(text):
        tok = match.group()
        after_vowel = bool(units) and units[-1].kind == "vowel"
        if tok == "c" and text[match.end():match.end() + 1] in ("e", "i", "y"):
            units.append(_Unit("cons", "c_soft"))
        elif tok == "rh" and not after_vowel:
            units += [_Unit("cons", "r"), _Unit("cons", "h")]
        elif tok == "y" and match.end() == len(text) and units and units[-1].kind == "cons":
            units.append(_Unit("vowel", "i"))  # English-style final y: party -> पार्टी
        elif tok in _CONS:
            units.append(_Unit("cons", tok))
        elif tok in _VOWELS:
            if tok == "i" and units and units[-1] == _Unit("cons", "r") and len(units) > 1 \
                    and units[-2].kind == "cons":
                units[-1] = _Unit("ri", "ri")
            else:
                if tok == "a" and after_vowel and units[-1].roman in ("i", "ii", "ee", "I"):
                    units.append(_Unit("cons", "y"))  # hiatus: sonia -> सोनिया
                units.append(_Unit("vowel", tok))
        elif tok in _MARKS:
            units.append(_Unit("mark", tok))
        else:
            units.append(_Unit("lit", tok))
    return units


def _join_options(units: list[_Unit], i: int, prev_vowel: bool) -> list[tuple[str, float]]:
    """How consonant ``i`` joins the consonant ``i+1``: "conj", "schwa" or "anus"."""
    c1, c2 = units[i].roman, units[i + 1].roman
    final = i + 2 >= len(units) or units[i + 2].kind not in ("vowel", "ri", "cons")
    nasal_ok = c1 in _NASALS and c2 not in {"y", "r", "v", "w", "h", "n", "m"}
    if nasal_ok and (c1 == "n" or c2 in {"p", "ph", "b", "bh"}):
        return [("anus", 0), ("conj", 0.6), ("schwa", 0.6)]
    if nasal_ok and prev_vowel:
        return [("schwa", 0), ("anus", 0.6), ("conj", 0.6)]
    if not prev_vowel or final:
        return [("conj", 0), ("schwa", 0.7)]
    geminate = c1 == c2 or _ASPIRATE_OF.get(c1) == c2
    conj = (geminate or c2 in {"y", "r"} or (c2 in {"v", "w"} and c1 != "r")
            or (c1 in {"s", "sh", "Sh", "S"} and c2 in _STOPS) or (c1, c2) in _CONJ_PAIRS
            or (c1 in _NASALS and c2 == "h"))
    return [("conj", 0), ("schwa", 0.7)] if conj else [("schwa", 0), ("conj", 0.7)]


def _convert(roman: str, lex: Lexicon | None) -> str:
    units = _parse(roman[:_MAX_WORD])
    best: list[tuple[float, float, str]] = []  # (score, cost, text)
    default = _render(units, None, 0.0, best)
    if lex is not None and len(units) <= 24:
        _render(units, lex, _MAX_COST, best)
    if best:
        best.sort(key=lambda t: (-t[0], t[1]))
        score, _cost, text = best[0]
        if score >= _MIN_SCORE:
            return text + roman[_MAX_WORD:]
    return default + roman[_MAX_WORD:]


def _render(units: list[_Unit], lex: Lexicon | None, max_cost: float,
            found: list[tuple[float, float, str]]) -> str:
    """Depth-first over spelling options; with ``lex`` None, return the default only."""
    result: list[str] = []
    n = len(units)

    def emit(i: int, out: str, cost: float, after_cons: bool, prev_vowel: bool) -> None:
        if cost > max_cost + 1e-9:
            return
        if lex is not None and out and not lex.has_prefix(out):
            return
        if i >= n:
            if lex is None:
                result.append(out)
            elif (z := lex.zipf(out)) > 0:
                found.append((z - cost, cost, out))
            return
        unit = units[i]
        follower = units[i + 1] if i + 1 < n else None
        if unit.kind == "cons":
            nxt_cons = follower is not None and follower.kind == "cons"
            is_final = follower is None or follower.kind in ("lit", "mark")
            for base, c in _choices(_CONS[unit.roman], lex):
                if nxt_cons:
                    for mode, jc in _choices(_join_options(units, i, prev_vowel), lex):
                        text = ANUSVARA if mode == "anus" else base + (
                            VIRAMA if mode == "conj" else "")
                        emit(i + 1, out + text, cost + c + jc, mode == "conj",
                             mode != "conj")
                elif is_final and unit.roman == "n" and i > 0 and units[i - 1].kind == "vowel":
                    opts = [(ANUSVARA, 0.0), (base, 0.6)]
                    if units[i - 1].roman not in _LONG_BEFORE_NASAL:
                        opts = [(base, 0.0), (ANUSVARA, 0.6)]
                    for text, nc in _choices(opts, lex):
                        emit(i + 1, out + text, cost + c + nc, False, True)
                else:
                    emit(i + 1, out + base, cost + c, True, True)
            return
        if unit.kind in ("vowel", "ri"):
            matras, independents, finals = _RI_AFTER_CONS if unit.kind == "ri" else _VOWELS[
                unit.roman]
            last = follower is None or follower.kind == "lit"
            options = (finals if last else matras) if after_cons else independents
            for text, c in _choices(options, lex):
                emit(i + 1, out + text, cost + c, False, True)
            return
        text = _MARKS.get(unit.roman, unit.roman)
        emit(i + 1, out + text, cost, False, prev_vowel)

    emit(0, "", 0.0, False, False)
    return result[0] if result else ""


def _choices(options: list[tuple[str, float]], lex: Lexicon | None) -> list[tuple[str, float]]:
    return options if lex is not None else options[:1]


# --- Helper for the editor -------------------------------------------------------------

_WORD_END_RE = regex.compile(r"[\s\p{P}\p{S}]")
_TRAILING_RE = regex.compile(r"(?<![\p{L}\p{M}\p{Nd}_@/\\:.'’\-])[A-Za-z][A-Za-z~]*\Z")


@dataclass(frozen=True, slots=True)
class PhoneticEdit:
    """Replace ``text[start:end]`` (code points of the text given) by ``replacement``."""

    start: int
    end: int
    replacement: str


def is_word_end(char: str) -> bool:
    """Whether typing ``char`` ends a word (whitespace, punctuation, danda, symbols)."""
    return len(char) == 1 and char != "~" and _WORD_END_RE.match(char) is not None


def find_conversion(before_cursor: str,
                    convert: Callable[[str], str] = transliterate_word) -> PhoneticEdit | None:
    """The edit that converts the Roman word just before the cursor, or None.

    ``before_cursor`` is the block's text up to the cursor, *before* the word-ending
    character is inserted. Only a run of ASCII letters that starts the text or follows
    whitespace/opening punctuation is converted: ``e.g``, ``a.b``, ``x@y``, ``abc123``,
    and Roman text glued to Devanagari are left alone. The GUI applies the edit as one
    undoable step and then inserts the typed character.
    """
    match = _TRAILING_RE.search(before_cursor)
    if match is None:
        return None
    replacement = convert(match.group())
    if replacement == match.group():
        return None
    return PhoneticEdit(match.start(), match.end(), replacement)
