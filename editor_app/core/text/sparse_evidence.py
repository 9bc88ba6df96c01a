"""Typo evidence for words the web barely uses: a stem's family, and a dropped mark.

The agreement rules (:mod:`editor_app.core.text.agreement`) compare a word's own frequency
with its variants'. Two classes of misspelling escape that comparison because the typo *or*
its correction is too rare for wordfreq to list:

- an inflected form whose stem is misspelled (सौपेंगे for सौंपेंगे, टुटते for टूटते): neither
  form is in wordfreq, but the correct stem's *family* (सौंपा, सौंपने, सौंपी ...) is frequent
  and the typo's family is absent from the web;
- a word whose typo dropped one mark a typical Hindi typo drops (a vowel glide typed as व:
  शुरुवात for शुरुआत; the र of a conjunct: टैक्टर for ट्रैक्टर; a ा: न्यायधीश for
  न्यायाधीश), and which no lexicon lists while its repair is listed and frequent.

Contract:
- :func:`family_zipf` is the highest Zipf of ``stem`` + any of ``endings``.
- :func:`family_variants` yields ``(variant stem, suffix)`` candidates for the lemma of an
  inflected word: stems of frequent words that fold alike (:data:`~editor_app.core.text.
  suggest.VARIANT_FOLD`: nasal marks, nukta, virama, vowel length) and whose family is at
  least :data:`FAMILY_MIN_ZIPF`. It reads ``by_fold`` (frequent words grouped by that fold)
  and never scans the whole lexicon: a few dict look-ups per ending.
- :func:`restored_mark_variants` yields the words one dropped mark away (see above).
- :func:`sparse_variant` decides with the caller's lexicon tests: ``votes(w)`` (0-3
  independent lexicons, as in :mod:`agreement`), ``trusted(w)`` (``w`` is a known word
  and no misspelling). A word wordfreq lacks (Zipf < :data:`UNATTESTED_FAMILY_ZIPF`), that
  at most two lexicons list and whose stem family the web does not use, is a misspelling of
  a form a lexicon lists (``votes`` >= 1) and ``trusted`` on a stem whose family is
  frequent. A word no lexicon lists is a
  misspelling of a restored-mark variant that a lexicon lists and that is
  :data:`RESTORED_MARGIN` more frequent. ``None`` otherwise.
- Pure functions; thread-safe.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from editor_app.core.text.devanagari_letters import CONSONANTS, VARIANT_FOLD, VIRAMA
from editor_app.core.text.inflection import NOMINAL, VERBAL, analyses
from editor_app.core.text.tokenize import akshara_split

__all__ = [
    "FAMILY_MIN_ZIPF",
    "NOMINAL_FAMILY_ENDINGS",
    "RESTORED_MARGIN",
    "UNATTESTED_FAMILY_ZIPF",
    "VERB_FAMILY_ENDINGS",
    "family_variants",
    "family_zipf",
    "restored_mark_variants",
    "sparse_variant",
]

#: Endings whose forms make up a verb stem's family (infinitive, participles, future ...).
VERB_FAMILY_ENDINGS = ("ना", "ने", "ा", "ी", "े", "ता", "ती", "ते", "कर")
#: Endings whose forms make up a noun or adjective lemma's family (direct, oblique, plural).
NOMINAL_FAMILY_ENDINGS = ("", "ा", "ी", "े", "ों", "ें")
#: A stem family at least this frequent is evidence for the stem (टूट: टूटा, टूटी ...).
FAMILY_MIN_ZIPF = 4.0
#: A word's own stem family below this Zipf is one the web does not use (wordfreq's list
#: starts at 3.0: the family is absent).
UNATTESTED_FAMILY_ZIPF = 3.0
#: How much more frequent (Zipf) a restored-mark variant must be than a word no lexicon
#: lists (2.6 is assumed for a word wordfreq lacks).
RESTORED_MARGIN = 1.0
#: A word at least this frequent is not judged by the restored-mark rule (its repair would
#: have to be among the commonest words of the language).
RESTORED_MAX_ZIPF = 4.5
#: Fewest aksharas a word needs for the restored-mark rule (short words collide: डल/डाल).
RESTORED_MIN_AKSHARAS = 3

#: Each family ending folded once (the ending's part of a folded form).
_FOLDED_ENDINGS = {end: end.translate(VARIANT_FOLD)
                   for end in (*VERB_FAMILY_ENDINGS, *NOMINAL_FAMILY_ENDINGS)}
_AA = "\u093e"
_RA = "\u0930"
#: A glide व typed between ु/ू and a vowel: the vowel is meant as a letter (शुरुवात -> शुरुआत,
#: हुवा -> हुआ, हुवे -> हुए).
_GLIDES = (("\u0941व\u093e", "\u0941आ"), ("\u0941व\u0947", "\u0941ए"), ("\u0941व\u0940", "\u0941ई"),
           ("\u0941व\u094b", "\u0941ओ"), ("\u0942व\u093e", "\u0942आ"), ("\u0942व\u0947", "\u0942ए"))


def family_zipf(stem: str, endings: tuple[str, ...], zipf: Mapping[str, float]) -> float:
    """The highest Zipf of ``stem + ending`` over ``endings`` (0.0 when none is listed)."""
    get = zipf.get
    return max((get(stem + end, 0.0) for end in endings), default=0.0)


def family_variants(lemma: str, endings: tuple[str, ...], zipf: Mapping[str, float],
                    by_fold: Mapping[str, tuple[str, ...]]) -> Iterator[str]:
    """Stems other than ``lemma`` that fold like it and whose family reaches
    :data:`FAMILY_MIN_ZIPF` (see the module contract); each stem once."""
    seen = {lemma}
    folded = lemma.translate(VARIANT_FOLD)
    get = zipf.get
    for end in endings:
        bucket = by_fold.get(folded + _FOLDED_ENDINGS.get(end, end), ())
        for word in bucket:
            if not word.endswith(end) or get(word, 0.0) < FAMILY_MIN_ZIPF:
                continue
            stem = word[: len(word) - len(end)] if end else word
            if stem not in seen and stem.translate(VARIANT_FOLD) == folded:
                seen.add(stem)
                yield stem


def restored_mark_variants(word: str, clusters: list[str]) -> Iterator[str]:
    """Words one dropped mark away from ``word`` (``clusters``: its aksharas): a glide व
    typed for a vowel letter, the र of a conjunct, a ा after a bare consonant (not on the
    last akshara). Empty for words of fewer than :data:`RESTORED_MIN_AKSHARAS` aksharas."""
    if len(clusters) < RESTORED_MIN_AKSHARAS:
        return
    for typed, meant in _GLIDES:
        start = word.find(typed)
        while start >= 0:
            yield word[:start] + meant + word[start + len(typed):]
            start = word.find(typed, start + 1)
    for index in range(1, len(word)):  # टैक्टर -> ट्रैक्टर, पभाव -> प्रभाव
        if word[index - 1] in CONSONANTS and word[index] != VIRAMA:
            yield word[:index] + VIRAMA + _RA + word[index:]
    for i in range(len(clusters) - 1):  # न्यायधीश -> न्यायाधीश
        if clusters[i][-1] in CONSONANTS:
            yield "".join([*clusters[:i], clusters[i] + _AA, *clusters[i + 1:]])


def sparse_variant(word: str, zipf: Mapping[str, float], by_fold: Mapping[str, tuple[str, ...]],
                   votes: Callable[[str], int], trusted: Callable[[str], bool],
                   absent_zipf: float, listed: Callable[[str], bool] = lambda _w: False,
                   ) -> str | None:
    """The correct form of ``word`` by the two rules of the module contract, or ``None``.
    ``absent_zipf``: the Zipf assumed for a word wordfreq lacks; ``listed``: a cheap test
    (set look-ups) that a curated list or hunspell-hi holds ``word`` (such a word has a
    vote, so the restored-mark rule is skipped without counting votes)."""
    own = zipf.get(word, 0.0)
    if own < UNATTESTED_FAMILY_ZIPF:
        found = _family_repair(word, zipf, by_fold, votes, trusted)
        if found is not None:
            return found
    if own >= RESTORED_MAX_ZIPF or listed(word):
        return None
    clusters = akshara_split(word)
    floor = max(own, absent_zipf) + RESTORED_MARGIN
    best: str | None = None
    best_zipf = floor
    for variant in restored_mark_variants(word, clusters):
        value = zipf.get(variant, 0.0)
        if value >= best_zipf and variant != word:
            best, best_zipf = variant, value
    if best is None or votes(word) != 0 or votes(best) < 1 or not trusted(best):
        return None
    return best


def _family_repair(word: str, zipf: Mapping[str, float], by_fold: Mapping[str, tuple[str, ...]],
                   votes: Callable[[str], int], trusted: Callable[[str], bool]) -> str | None:
    for lemma, kind in analyses(word):
        if not word.startswith(lemma) or kind not in (VERBAL, NOMINAL):
            continue  # a lemma that restores a vowel (नालों -> नाला): its suffix is unknown
        endings = VERB_FAMILY_ENDINGS if kind == VERBAL else NOMINAL_FAMILY_ENDINGS
        suffix = word[len(lemma):]
        own_family: float | None = None  # computed only when a variant stem exists
        for stem in family_variants(lemma, endings, zipf, by_fold):
            if own_family is None:
                own_family = family_zipf(lemma, endings, zipf)
            if own_family >= UNATTESTED_FAMILY_ZIPF:
                break
            candidate = stem + suffix
            if (candidate != word and votes(candidate) >= 1 and votes(word) <= 2
                    and trusted(candidate)):
                return candidate
    return None
