"""Typo evidence against weak acceptance: words that no lexicon lists, one mark away from a
word that the lexicons and the web agree on.

Issue 9's fourth round tabulated which evidence accepted the misspellings that hunspell-hi
rejects and the checker let pass (docs/SPELLING.md, "Fourth round"). Most were accepted by
evidence that never names the word itself: web frequency alone (सम्मलित, Zipf 3.2), a
compound analysis (छापमारी = छाप + मारी, मौजदगी = मौज + दगी), the English sound pattern
(स्टेण्डर्ड, डारयेक्शन) or the inflection model (व्रतीयों, दिनोें). Each of them is one typical
typo away from a word with better evidence. This module finds that word.

Contract:
- :func:`mark_edit_variants` yields ``(variant, kind)`` for the one-mark edits a Hindi typist
  makes, on the aksharas *before* the last one (the last carries the inflection, where one
  mark makes another valid form: मंडियां/मंडियों), for words of at least
  :data:`MIN_AKSHARAS` aksharas: a vowel sign added after a bare consonant (``sign-added``:
  छापमारी -> छापेमारी, मौजदगी -> मौजूदगी) or dropped (``sign-dropped``: पुरुस्कार ->
  पुरस्कार), one vowel sign for another (``sign-swapped``: स्टेण्डर्ड -> स्टैण्डर्ड), the first
  half of a geminate restored (``geminate``: संपति -> संपत्ति), an anusvara added or dropped
  (``nasal-added``/``nasal-dropped``), a doubled consonant typed once (``double-dropped``:
  कललेक्टर -> कलेक्टर), a syllable's consonant doubled (``syllable-doubled``: अनिश्चिता ->
  अनिश्चितता), an initial अ lengthened (``vowel-lengthened``: अपराधिक -> आपराधिक) or an initial आ
  shortened in a word of four or more aksharas (``vowel-shortened``: आसफल -> असफल), two
  consonants of neighbouring aksharas transposed (``transposed``: परिहवन -> परिवहन). A
  geminate and a doubled consonant or syllable may be on the last akshara too (none of
  them makes another inflection).
- :func:`u_glide_variant`: a word-final ु + व + vowel sign no lexicon lists, written with
  the independent vowel (हुवा -> हुआ, हुवे -> हुए) when a lexicon lists that form and
  the web uses it much more.
- :func:`weak_variant` decides with the caller's tests (see its docstring). Two rules:
  *unlisted*: a word no lexicon lists (hunspell-hi, Apertium, the curated lists) and the web
  uses at most moderately (Zipf < :data:`UNLISTED_MAX_ZIPF`) is a misspelling of a
  mark-edit variant (not a vowel swap: खोकर/खाकर, मालती/मिलती are both words) that a lexicon
  lists and that is :data:`UNLISTED_MARGIN` more frequent, and at least
  :data:`VARIANT_MIN_ZIPF`; an ा dropped where a prefix meets a word that begins with आ is
  sandhi, not a typo (उपायुक्त = उप + आयुक्त, not उपयुक्त). *weak*: a word the web does not
  use (Zipf < 3) that only the English sound pattern or a compound analysis accepts is a
  misspelling of a variant the web uses (Zipf >= :data:`VARIANT_MIN_ZIPF`) that the checker
  accepts, by a vowel swap, a broad-fold difference (:mod:`agreement`), a transposition or a
  doubled consonant: a loanword's spelling is a convention, and the web's spelling is it
  (टेक्सटाईल -> टेक्सटाइल, पीकअप -> पिकअप). Differences of ब/व and श/ष/स are left out of
  the weak rule (names: रघुबर/रघुवर).
- :func:`long_i_plural` repairs the plural of a noun in -ी or -ई typed with a long vowel
  (व्रतीयों -> व्रतियों, भाईयों -> भाइयों) when the ी noun is listed and no -ीय word is
  (भारतीयों stays: भारतीय is an adjective).
- :func:`light_verb_split` splits a verb stem and a light verb typed solid (बुलालेंगे ->
  बुला लेंगे, करदिया -> कर दिया): Hindi writes compound verbs apart, so a word no lexicon
  lists that is a confirmed verb stem of two or more aksharas followed by a form of
  ले/दे/जा/चुक/सक/रह of two or more aksharas (:data:`LIGHT_VERBS`) is that pair.
- :func:`stacked_sign_repairs` yields the words left when one of two vowel signs typed on
  one consonant is taken out (दिनोें -> दिनों / दिने): Hindi never writes two.
- Pure functions; thread-safe.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from itertools import chain

import regex

from editor_app.core.text.devanagari_letters import ANUSVARA, CONSONANTS, NUKTA, VIRAMA

__all__ = [
    "LIGHT_VERBS",
    "MIN_AKSHARAS",
    "UNLISTED_MARGIN",
    "UNLISTED_MAX_ZIPF",
    "VARIANT_MIN_ZIPF",
    "light_verb_split",
    "long_i_plural",
    "mark_edit_variants",
    "stacked_sign_repairs",
    "u_glide_variant",
    "weak_variant",
]

#: Fewest aksharas a word needs for the mark-edit rules (short words collide: डल/डाल).
MIN_AKSHARAS = 3
#: A word the web uses at least this much (Zipf) is left to the agreement rules.
UNLISTED_MAX_ZIPF = 4.0
#: How much more frequent (Zipf) a listed mark-edit variant must be than an unlisted word
#: (2.6 is assumed for a word wordfreq lacks).
UNLISTED_MARGIN = 0.5
#: The least Zipf a variant needs to be evidence (wordfreq's list starts at 3.0).
VARIANT_MIN_ZIPF = 3.0
#: Zipf below which the web does not use a word (wordfreq lacks it).
UNATTESTED_ZIPF = 3.0
#: Zipf assumed for a word wordfreq lacks.
ABSENT_ZIPF = 2.6

#: Vowel signs a typist adds, drops or swaps (not ृ ॅ ॉ: rare, and ॉ has its own class).
_SIGNS = "\u093e\u093f\u0940\u0941\u0942\u0947\u0948\u094b\u094c"
_SIGN_SET = frozenset(_SIGNS)
_AA = "\u093e"
_GRAPHEME = regex.compile(r"\X")
#: Fewest aksharas for an initial आ to be shortened (आगर, a town, is not अगर).
SHORTENED_MIN_AKSHARAS = 4
#: Kinds the *unlisted* rule uses (a vowel swap makes too many valid pairs there).
_UNLISTED_KINDS = frozenset({"sign-added", "sign-dropped", "geminate", "nasal-added",
                             "nasal-dropped", "double-dropped", "transposed",
                             "syllable-doubled", "vowel-lengthened",
                             "vowel-shortened"})
#: Kinds the *weak* rule uses, besides the broad fold's variants.
_WEAK_KINDS = frozenset({"sign-swapped", "transposed", "double-dropped"})
#: Letters whose difference the weak rule ignores (names: रघुबर, शिवम/सिवम).
_NAME_PRONE = frozenset("बवशषस")
_PLURALS = ("यों", "यां", "याँ")
_STACKED = regex.compile(f"[{_SIGNS}][{_SIGNS}]")
#: Forms of the light verbs of Hindi compound verbs (two or more aksharas: दी, ली, दे are
#: too short to split off safely).
LIGHT_VERBS = ("लेंगे", "लेगा", "लेगी", "लिया", "लिये", "लिए", "दिया", "दिये", "दिए", "देंगे",
               "देगा", "देगी", "दें", "गया", "गयी", "गई", "गये", "गए", "जाएगा", "जाएगी",
               "जाएंगे", "चुका", "चुकी", "चुके", "सकता", "सकती", "सकते", "रहा", "रही", "रहे")


def _sign_edits(word: str) -> Iterator[tuple[str, str, int]]:
    """The vowel-sign and anusvara edits, as ``(variant, kind, index)``: ``index`` is the
    position of the character the edit changes or follows (an added mark belongs to the
    character before it). They keep the consonant skeleton."""
    length = len(word)
    for i in range(1, length + 1):
        prev = word[i - 1]
        nxt = word[i] if i < length else ""
        if prev in CONSONANTS and nxt not in _SIGN_SET and nxt not in (VIRAMA, NUKTA):
            for sign in _SIGNS:
                yield word[:i] + sign + word[i:], "sign-added", i - 1
        if (prev in CONSONANTS or prev in _SIGN_SET) and nxt != ANUSVARA and nxt not in _SIGN_SET:
            yield word[:i] + ANUSVARA + word[i:], "nasal-added", i - 1
    for i, char in enumerate(word):
        if char in _SIGN_SET:
            yield word[:i] + word[i + 1:], "sign-dropped", i
            for sign in _SIGNS:
                if sign != char:
                    yield word[:i] + sign + word[i + 1:], "sign-swapped", i
        elif char == ANUSVARA:
            yield word[:i] + word[i + 1:], "nasal-dropped", i


def _letter_edits(word: str, clusters: list[str]) -> Iterator[tuple[str, str, int]]:
    """The letter edits (a geminate, a doubled syllable or consonant, an initial अ, a
    transposition), as :func:`_sign_edits`."""
    length = len(word)
    for i in range(1, length + 1):
        prev = word[i - 1]
        nxt = word[i] if i < length else ""
        if prev in CONSONANTS and nxt not in (VIRAMA, NUKTA):
            yield word[:i] + VIRAMA + prev + word[i:], "geminate", i - 1  # संपति -> संपत्ति
        if nxt in CONSONANTS and prev != VIRAMA:
            yield word[:i] + nxt + word[i:], "syllable-doubled", i  # अनिश्चिता -> अनिश्चितता
        if prev in CONSONANTS and nxt == prev:
            yield word[:i] + word[i + 1:], "double-dropped", i - 1  # कललेक्टर -> कलेक्टर
    if word[:1] == "अ":
        yield "आ" + word[1:], "vowel-lengthened", 0  # अपराधिक -> आपराधिक
    elif word[:1] == "आ" and len(clusters) >= SHORTENED_MIN_AKSHARAS:
        yield "अ" + word[1:], "vowel-shortened", 0  # आसफल -> असफल (the mirror)
    offset = 0
    for i in range(len(clusters) - 1):
        first, second = clusters[i], clusters[i + 1]
        if first[0] in CONSONANTS and second[0] in CONSONANTS and first[0] != second[0]:
            swapped = [second[0] + first[1:], first[0] + second[1:]]
            yield "".join([*clusters[:i], *swapped, *clusters[i + 2:]]), "transposed", offset
        offset += len(first)


#: Kinds that never make another inflection of the same word, wherever they are.
_ANYWHERE = frozenset({"double-dropped", "geminate", "syllable-doubled"})


def mark_edit_variants(word: str) -> Iterator[tuple[str, str]]:
    """``(variant, kind)`` for the one-mark edits of the module contract, each variant once
    (its first kind), none that changes only the last akshara (a geminate, a doubled
    syllable or a doubled consonant may be anywhere: none makes an inflection)."""
    clusters = _GRAPHEME.findall(word)
    if len(clusters) < MIN_AKSHARAS:
        return
    stem_end = len(word) - len(clusters[-1])
    seen = {word}
    for variant, kind, index in chain(_sign_edits(word), _letter_edits(word, clusters)):
        if variant in seen:
            continue
        seen.add(variant)
        if index < stem_end or kind in _ANYWHERE:
            yield variant, kind


def _is_sandhi(word: str, variant: str, listed: Callable[[str], bool]) -> bool:
    """``variant`` is ``word`` without an ा that joins a listed prefix to a listed word
    beginning with आ (उपायुक्त = उप + आयुक्त)."""
    for i in range(1, len(word)):
        if (word[i] == _AA and word[:i] + word[i + 1:] == variant and listed(word[:i])
                and listed("आ" + word[i + 1:])):
            return True
    return False


def weak_variant(word: str, zipf: Mapping[str, float], *,
                 lexicon_votes: Callable[[str], int], votes: Callable[[str], int],
                 trusted: Callable[[str], bool], fold_variants: Callable[[str], Iterable[str]],
                 weakly_accepted: Callable[[str], bool],
                 accepted: Callable[[str], bool]) -> str | None:
    """The correct form of ``word`` by the *unlisted* and *weak* rules of the module
    contract, or ``None``; the most frequent qualifying variant wins.

    ``lexicon_votes(w)``: how many lexicons list ``w`` itself (no inflection credit);
    ``votes(w)``: the same with an inflection of a listed lemma counted as one;
    ``trusted(w)``: a known word and no misspelling; ``fold_variants(w)``: the broad-fold
    variants of ``w`` the web uses; ``weakly_accepted(w)``: only the English sound pattern
    or a compound analysis accepts ``w``; ``accepted(w)``: the checker accepts ``w``.
    """
    own = zipf.get(word, 0.0)
    if own >= UNLISTED_MAX_ZIPF:
        return None
    if lexicon_votes(word) != 0:
        return None  # the common case: a lexicon lists the word
    get = zipf.get
    candidates: dict[str, str] = {}
    for variant, kind in mark_edit_variants(word):
        if get(variant, 0.0) >= VARIANT_MIN_ZIPF:
            candidates[variant] = kind
    folded: set[str] = set()
    if own < UNATTESTED_ZIPF:
        folded.update(fold_variants(word))
        for variant in folded:
            candidates.setdefault(variant, "fold")
    if not candidates:
        return None
    ranked = sorted(candidates.items(), key=lambda item: -get(item[0], 0.0))
    floor = max(own, ABSENT_ZIPF) + UNLISTED_MARGIN
    weak: bool | None = None  # computed only when a weak-rule candidate exists
    for variant, kind in ranked:
        value = get(variant, 0.0)
        if (kind in _UNLISTED_KINDS and value >= floor and votes(variant) >= 1
                and trusted(variant)
                and not (kind == "sign-dropped" and _is_sandhi(word, variant, _listed(votes)))):
            return variant
        if own >= UNATTESTED_ZIPF or (kind not in _WEAK_KINDS and variant not in folded):
            continue
        if not _NAME_PRONE.isdisjoint(set(word) ^ set(variant)):
            continue
        if weak is None:
            weak = weakly_accepted(word)
        if weak and accepted(variant):
            return variant
    return None


def _listed(votes: Callable[[str], int]) -> Callable[[str], bool]:
    return lambda w: votes(w) >= 1


def long_i_plural(word: str, noun_known: Callable[[str], bool],
                  adjective_known: Callable[[str], bool]) -> str | None:
    """``व्रतीयों`` -> ``व्रतियों``, ``भाईयों`` -> ``भाइयों`` (module contract), else ``None``.
    ``noun_known(n)``: the -ी noun ``n`` is a word; ``adjective_known(a)``: a lexicon lists
    the -ीय word ``a`` itself or the web uses it (an inflection model's guess is not enough:
    it reads मौसीय as a form of मौसी)."""
    if not word.endswith(_PLURALS):
        return None  # one call for the common case
    for plural in _PLURALS:
        if not word.endswith(plural) or len(word) < len(plural) + 3:
            continue
        noun = word[: -len(plural)]
        last = noun[-1]
        if last == "\u0940":
            short = noun[:-1] + "\u093f"
        elif last == "ई":
            short = noun[:-1] + "इ"
        else:
            return None
        if noun_known(noun) and not adjective_known(noun + "य"):
            return short + plural
        return None
    return None


def light_verb_split(word: str, verb_stem: Callable[[str], bool]) -> str | None:
    """``"stem light-verb"`` for a solid compound verb (module contract), else ``None``;
    ``verb_stem(s)``: ``s`` is a confirmed verb stem (its infinitive and other forms are
    words)."""
    if not word.endswith(LIGHT_VERBS):
        return None  # one call for the common case
    for light in LIGHT_VERBS:
        if word.endswith(light) and len(word) > len(light):
            stem = word[: -len(light)]
            if len(_GRAPHEME.findall(stem)) >= 2 and verb_stem(stem):
                return f"{stem} {light}"
    return None


def stacked_sign_repairs(word: str) -> Iterator[str]:
    """``word`` with one of two adjacent vowel signs taken out, the second first
    (दिनोें -> दिनों, then दिने); nothing when no two vowel signs touch."""
    if _STACKED.search(word) is None:
        return  # the common case: one regex scan
    for i in range(1, len(word)):
        if word[i] in _SIGN_SET and word[i - 1] in _SIGN_SET:
            yield word[:i] + word[i + 1:]
            yield word[:i - 1] + word[i:]


#: A glide व typed between ु and the vowel that follows it at the end of a word (हुवा,
#: हुवी, हुवे, छुवा: spoken Hindi's glide, written हुआ, हुई, हुए, छुआ).
_U_GLIDE = regex.compile("\u0941\u0935([\u093e\u0940\u0947])(\u0902?)$")
_GLIDE_VOWELS = {"\u093e": "\u0906", "\u0940": "\u0908", "\u0947": "\u090f"}
#: How much more frequent (Zipf) the vowel form must be than the glide form.
GLIDE_MARGIN = 1.0


def u_glide_variant(word: str, zipf: Mapping[str, float],
                    lexicon_votes: Callable[[str], int]) -> str | None:
    """``हुवे`` -> ``हुए``: a word-final ु + व + vowel sign (+ anusvara) written with the
    independent vowel instead, when no lexicon lists ``word``, a lexicon lists the vowel
    form and the web uses it :data:`GLIDE_MARGIN` Zipf more. Only the last akshara: a glide
    inside a word is often the standard spelling (बुवाई, रुवाली)."""
    match = _U_GLIDE.search(word)
    if match is None or lexicon_votes(word) > 0:
        return None
    fixed = word[:match.start()] + "\u0941" + _GLIDE_VOWELS[match.group(1)] + match.group(2)
    if lexicon_votes(fixed) == 0:
        return None
    if zipf.get(fixed, 0.0) - zipf.get(word, ABSENT_ZIPF) < GLIDE_MARGIN:
        return None
    return fixed
