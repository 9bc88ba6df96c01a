"""Hindi inflection: map an inflected word form back to candidate dictionary lemmas.

The stock ``hi_IN`` hunspell dictionary has no affix rules, so every inflected form would
have to be listed; most are not (``दरों``, ``नालों``, ``विद्यालयों``, ``लेंगी``, ``कराएँ``).
This module undoes the regular Hindi endings so the spell checker can look up the lemma.

Contract:
- :func:`analyses` yields ``(lemma, kind)`` pairs for a NFC Devanagari word. ``kind`` is
  :data:`NOMINAL` (the lemma must be a known word: nouns, adjectives) or :data:`VERBAL` (the
  lemma is a verb stem: ``lemma + "ना"`` must be a known word).
- It only proposes; the caller decides with its lexicon. It never yields the word itself
  and never yields an empty lemma or a lemma that ends in a bare vowel sign it stripped.
- Pure functions, no I/O; safe to call from any thread.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Final

__all__ = ["NOMINAL", "VERBAL", "VERB_ONLY_ENDINGS", "VERB_WEAK_ENDINGS", "analyses",
           "split_compound_points", "verb_evidence", "verb_family"]

NOMINAL: Final = "nominal"
VERBAL: Final = "verbal"

_VIRAMA = "\u094d"
_VOWEL_SIGNS = frozenset("\u093e\u093f\u0940\u0941\u0942\u0943\u0945\u0947\u0948\u0949\u094b\u094c")
_MARKS = _VOWEL_SIGNS | frozenset("\u0901\u0902\u0903\u093c\u094d")

# (suffix, replacements) for nouns and adjectives: word = stem + suffix, lemma = stem + repl.
# Longest suffixes are tried first (the table is sorted below).
_NOMINAL_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ों", ("", "ा")),  # दरों, नालों (नाला)
    ("ियों", ("ी", "ि", "िया")),  # अधिकारियों, कवियों, चिड़ियों
    ("इयों", ("ई",)),  # मिठाइयों
    ("ाओं", ("ा",)),  # माताओं
    ("ुओं", ("ु", "ू")),  # वस्तुओं, बहुओं
    ("ूओं", ("ू",)),
    ("ओं", ("",)),  # after a vowel letter
    ("ें", ("",)),  # बातें, कतारें
    ("ाएं", ("ा",)),
    ("ाएँ", ("ा",)),
    ("ुएं", ("ु",)),
    ("ुएँ", ("ु",)),
    ("एं", ("",)),
    ("एँ", ("",)),
    ("ियां", ("ी", "ि", "िया")),
    ("ियाँ", ("ी", "ि", "िया")),
    ("इयां", ("ई",)),
    ("इयाँ", ("ई",)),
    ("े", ("ा",)),  # लड़के, नशीले
    ("ी", ("ा",)),  # नशीली
    ("ीय", ("", "ा")),  # राष्ट्रीय, भारतीय
    ("ाना", ("ा",)),
    ("वाला", ("",)),
    ("वाले", ("",)),
    ("वाली", ("",)),
    ("वालों", ("",)),
)

# Endings after a verb stem; the stem is valid when ``stem + "ना"`` is a word.
_VERBAL_SUFFIXES: tuple[str, ...] = (
    # infinitive and participles
    "ना", "ने", "नी", "नीं", "ता", "ती", "ते", "तीं", "कर", "के",
    # subjunctive / imperative / future after a consonant stem
    "ूं", "ूँ", "ें", "ो", "ेगा", "ेगी", "ेंगे", "ेंगी", "ेँगे", "ेँगी", "ोगे", "ोगी",
    "ूंगा", "ूंगी", "ूँगा", "ूँगी", "िए", "िये", "िएगा", "ो",
    # perfective after a consonant stem
    "ा", "ी", "े", "ीं",
    # after a vowel stem (बता, करा, ले, दे, जा)
    "या", "यी", "ये", "यीं", "ई", "ईं", "ए", "एं", "एँ", "यें", "ओ", "ऊं", "ऊँ",
    "एगा", "एगी", "एंगे", "एँगे", "एंगी", "एँगी", "ओगे", "ओगी", "ऊंगा", "ऊँगा", "ऊंगी",
    "ऊँगी", "इए", "इये", "ंगे", "ंगी", "ंगा", "ँगे", "ँगी", "ँगा", "गा", "गी", "गे",
    # causatives and passive helpers
    "वाना", "वाने", "वानी", "वाया", "वाई", "वाए", "वाएं", "वाएँ", "वाकर", "वाते", "वाती",
    "ाना", "ाने", "ाया", "ाई", "ाए", "ाएं", "ाएँ", "ाकर", "ाते", "ाती", "ाता",
)

_NOMINAL_SORTED = tuple(sorted(_NOMINAL_RULES, key=lambda rule: -len(rule[0])))
_VERBAL_SORTED = tuple(sorted(set(_VERBAL_SUFFIXES), key=len, reverse=True))
# The same tables by the suffix's last character (order kept): a word is only compared
# with the suffixes it can end with (analyses() is the spell-checker's innermost loop).
_NOMINAL_BY_LAST: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    last: tuple(rule for rule in _NOMINAL_SORTED if rule[0][-1] == last)
    for last in {rule[0][-1] for rule in _NOMINAL_SORTED}}
_VERBAL_BY_LAST: dict[str, tuple[str, ...]] = {
    last: tuple(suffix for suffix in _VERBAL_SORTED if suffix[-1] == last)
    for last in {suffix[-1] for suffix in _VERBAL_SORTED}}


#: Verb endings by weight of evidence for the stem (see ``WordJudge._verb_evidence``):
#: participles and future forms are verb-only; the infinitive/oblique (घटना, हमने) and
#: absolutive (दिनकर) endings also end nouns. Perfective endings (ा ी े) are no evidence:
#: nouns take them and hunspell-hi lists typos with them (नही, हमे).
VERB_ONLY_ENDINGS: Final = ("ता", "ती", "ते", "ेगा", "ेगी", "ेंगे", "ेंगी", "ूंगा", "ोगे")
VERB_WEAK_ENDINGS: Final = ("ना", "ने", "नी", "कर")

_AA = "\u093e"
_NUKTA = "\u093c"
# Vowel alternation between an intransitive stem and its transitive partner in the last
# syllable: उखड़/उखाड़ (अ/आ), खुल/खोल (उ/ओ), फिर/फेर (इ/ए).
_ABLAUT = {"\u0941": "\u094b", "\u094b": "\u0941", "\u093f": "\u0947", "\u0947": "\u093f"}


def _is_consonant(char: str) -> bool:
    return "\u0915" <= char <= "\u0939" or "\u0958" <= char <= "\u095f"


def verb_family(stem: str) -> tuple[str, ...]:
    """``stem`` and the stems of its regular relatives: causative (भड़क/भड़का/भड़कवा) and
    the intransitive/transitive vowel alternation of the last syllable (उखड़/उखाड़).

    Pure string operations: the caller decides with its lexicon which relatives exist.
    """
    family = [stem]
    if stem.endswith(_AA) and len(stem) >= 3:  # निपटा -> निपट (+ निपटवा)
        family.append(stem[:-1])
        family.append(stem[:-1] + "वा")
        return tuple(family)
    family.extend((stem + _AA, stem + "वा"))
    end = len(stem) - 2 if stem.endswith(_NUKTA) else len(stem) - 1
    if end < 1 or not _is_consonant(stem[end]):
        return tuple(family)
    before = stem[end - 1]
    if before == _AA and end >= 2 and _is_consonant(stem[end - 2]):
        family.append(stem[: end - 1] + stem[end:])  # उखाड़ -> उखड़
    elif _is_consonant(before) or before == _NUKTA:
        family.append(stem[:end] + _AA + stem[end:])  # उखड़ -> उखाड़
    elif before in _ABLAUT:
        family.append(stem[: end - 1] + _ABLAUT[before] + stem[end:])  # खुल -> खोल
    return tuple(family)


def _plausible_stem(stem: str) -> bool:
    """A stem must hold at least one letter and must not start with a combining mark."""
    return bool(stem) and stem[0] not in _MARKS and not stem.endswith(_VIRAMA)


def analyses(word: str) -> Iterator[tuple[str, str]]:
    """Yield ``(lemma, kind)`` candidates for ``word`` (see the module contract)."""
    seen: set[tuple[str, str]] = set()
    last = word[-1:]
    for suffix, replacements in _NOMINAL_BY_LAST.get(last, ()):
        if len(word) > len(suffix) and word.endswith(suffix):
            stem = word[: -len(suffix)]
            if not _plausible_stem(stem):
                continue
            # A bare vowel sign cannot follow a vowel sign: "नालों" -> stem "नाल".
            for repl in replacements:
                lemma = stem + repl
                if lemma != word and (lemma, NOMINAL) not in seen:
                    seen.add((lemma, NOMINAL))
                    yield lemma, NOMINAL
    for suffix in _VERBAL_BY_LAST.get(last, ()):
        if len(word) > len(suffix) and word.endswith(suffix):
            stem = word[: -len(suffix)]
            if _plausible_stem(stem) and (stem, VERBAL) not in seen:
                seen.add((stem, VERBAL))
                yield stem, VERBAL


def split_compound_points(word: str, min_part: int = 2) -> Iterator[int]:
    """Code-point indexes where ``word`` may be split into two parts of whole aksharas.

    A split point never falls before a combining mark or right after a virama, so neither
    part ends inside a conjunct. ``min_part`` is the minimum length of each part in code
    points.
    """
    for index in range(min_part, len(word) - min_part + 1):
        nxt = word[index]
        prev = word[index - 1]
        if nxt in _MARKS or prev == _VIRAMA or nxt in "\u200c\u200d":
            continue
        yield index


def verb_evidence(stem: str, attested: Callable[[str], bool]) -> dict[str, float]:
    """Attested forms of the verb ``stem`` with their weight as evidence that it is a verb.

    1 for a verb-only ending (:data:`VERB_ONLY_ENDINGS`), 1/2 for an ending nouns share
    (:data:`VERB_WEAK_ENDINGS`); the regular relatives (:func:`verb_family`) add at most 1/2
    together, under the key ``"\x00relative"``. ``attested`` is the caller's lexicon test.
    """
    evidence: dict[str, float] = {}
    if not stem:
        return evidence
    for end in VERB_ONLY_ENDINGS:
        if attested(stem + end):
            evidence[stem + end] = 1.0
    for end in VERB_WEAK_ENDINGS:
        if attested(stem + end):
            evidence[stem + end] = 0.5
    if any(attested(member + end) for member in verb_family(stem)[1:]
           for end in VERB_ONLY_ENDINGS):
        evidence["\x00relative"] = 0.5
    return evidence
