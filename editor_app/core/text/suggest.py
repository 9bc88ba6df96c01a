"""Typo models for Hindi (and a little Latin) spell-check: where a misspelling came from.

Contract:
- :func:`repair_variants` yields the forms a *typical Hindi typo* would have come from:
  nukta added (``सडक`` -> ``सड़क``), anusvara/chandrabindu added (``लोगो`` -> ``लोगों``),
  vowel length swapped (``शुरु`` -> ``शुरू``), RRA/NNNA made र/न (``औऱ`` -> ``और``). The
  checker uses them to flag a dictionary form whose repaired variant is much more frequent.
- :func:`candidate_edits` yields ``(candidate, cost)`` pairs from all typo models (the
  repairs above, transposed aksharas, a vowel sign on the neighbouring akshara, reph typed
  after its syllable (``कायर्क्रम``), a legacy converter's i-matra inside a conjunct
  (``पौषिटक``), one of two syllables on one consonant dropped (``तत्वाधान``), a glide for a
  vowel letter (``समस्यायों``, ``हुवे``), an anusvara for a geminate's first half (``गंढे``),
  doubled syllables, one-code-point edits). Candidates are whole words; nothing here
  decides whether they are words.
- Ranking the candidates is :mod:`editor_app.core.text.suggestion_rank`'s; the letters and
  marks are named in :mod:`editor_app.core.text.devanagari_letters`.
- Pure functions; no I/O.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping

import regex

from editor_app.core.text.devanagari_letters import (
    ANUSVARA,
    CHANDRABINDU,
    CONSONANTS,
    HARD_NUKTA_BASES,
    INDEPENDENT_LENGTH,
    INDEPENDENT_VOWELS,
    LENGTH_SWAPS,
    MARKS,
    NON_HINDI_LETTERS,
    NUKTA,
    RA,
    SOFT_NUKTA_BASES,
    VARIANT_FOLD,
    VIRAMA,
    VOWEL_SIGNS,
    skeleton,
)

__all__ = ["candidate_edits", "frequent_by_fold", "neighbour_edits", "non_hindi_repairs",
           "orthographic_fixes", "repair_variants"]

# Alphabet for generic one-code-point edits.
_ALPHABET = tuple(
    sorted(CONSONANTS | INDEPENDENT_VOWELS | VOWEL_SIGNS | {ANUSVARA, CHANDRABINDU, NUKTA, VIRAMA})
)
_GRAPHEME = regex.compile(r"\X")


def _can_take_nasal(word: str, index: int) -> bool:
    """True when a nasal mark may be inserted at ``index`` (right after a full syllable)."""
    if index == 0 or (index < len(word) and word[index] in MARKS):
        return False
    prev = word[index - 1]
    return prev in VOWEL_SIGNS or prev in CONSONANTS or prev in INDEPENDENT_VOWELS or prev == NUKTA


def repair_variants(word: str, *, soft_nukta: bool = False) -> Iterator[tuple[str, str]]:
    """Yield ``(variant, kind)`` forms one typical typo away from ``word`` (module contract).

    ``kind`` is ``nukta``; ``nasal-final`` (a nasal added at the end or before a final
    गे/गी/गा/ने: ``लोगो``, ``करेगे``, ``मैने``) or ``nasal`` (elsewhere); ``length-ra``
    (ु/ू after र, the most confused pair) or ``length``; ``letter`` (ऱ ऩ ऴ); ``virama``
    (a doubled consonant typed without virama: ``मिटटी``).
    Soft nukta bases (ज फ क ख ग) are included only when ``soft_nukta`` is true.
    """
    bare_hard = [i for i, ch in enumerate(word) if ch in HARD_NUKTA_BASES
                 and (i + 1 >= len(word) or word[i + 1] != NUKTA)]
    if len(bare_hard) >= 2:  # तोडफोड -> तोड़फोड़
        yield "".join(ch + NUKTA if i in bare_hard else ch for i, ch in enumerate(word)), "nukta"
    for index, char in enumerate(word):
        nxt = word[index + 1] if index + 1 < len(word) else ""
        if char in INDEPENDENT_LENGTH:  # ईलाज -> इलाज
            yield word[:index] + INDEPENDENT_LENGTH[char] + word[index + 1 :], "length"
        hard = char in HARD_NUKTA_BASES
        if (hard or (soft_nukta and char in SOFT_NUKTA_BASES)) and nxt != NUKTA:
            yield word[: index + 1] + NUKTA + word[index + 1 :], "nukta"
        if char in LENGTH_SWAPS:
            after_ra = index > 0 and word[index - 1] == RA and char in "\u0941\u0942"
            kind = "length-ra" if after_ra else "length"
            yield word[:index] + LENGTH_SWAPS[char] + word[index + 1 :], kind
        if char in NON_HINDI_LETTERS:
            yield word[:index] + NON_HINDI_LETTERS[char] + word[index + 1 :], "letter"
        if char in CONSONANTS and nxt == char:  # मिटटी -> मिट्टी: geminate without virama
            yield word[: index + 1] + VIRAMA + word[index + 1 :], "virama"
    for index in range(1, len(word) + 1):
        if _can_take_nasal(word, index):
            final = index == len(word) or word[index:] in _NASAL_ENDINGS
            kind = "nasal-final" if final else "nasal"
            yield word[:index] + ANUSVARA + word[index:], kind
            yield word[:index] + CHANDRABINDU + word[index:], kind


_NASAL_ENDINGS = frozenset({"गे", "गी", "गा", "ने"})

_fold_indexes: dict[tuple[int, float], tuple[Mapping[str, float], dict[str, tuple[str, ...]]]] = {}
_fold_lock = threading.Lock()


def frequent_by_fold(zipf: Mapping[str, float], min_zipf: float) -> dict[str, tuple[str, ...]]:
    """The words of ``zipf`` at or above ``min_zipf``, grouped by :data:`VARIANT_FOLD`.

    A repair variant of ``word`` can only be such a word if another word shares the fold of
    ``word``. Built once per mapping (by identity; ~10 ms for wordfreq's Hindi list) and
    shared; the mapping must not change afterwards.
    """
    with _fold_lock:
        entry = _fold_indexes.get((id(zipf), min_zipf))
        if entry is not None and entry[0] is zipf:
            return entry[1]
        index: dict[str, list[str]] = {}
        for word, value in zipf.items():
            if value >= min_zipf:
                index.setdefault(word.translate(VARIANT_FOLD), []).append(word)
        frozen = {key: tuple(words) for key, words in index.items()}
        if len(_fold_indexes) >= 8:
            _fold_indexes.clear()
        _fold_indexes[(id(zipf), min_zipf)] = (zipf, frozen)
        return frozen


def _akshara_starts(word: str) -> list[int]:
    return [m.start() for m in _GRAPHEME.finditer(word)]


def _syllable_start(word: str, end: int) -> int:
    """Start of the orthographic syllable that ends just before ``end`` (conjuncts included)."""
    j = end - 1
    while j > 0 and word[j] in MARKS and word[j] != VIRAMA:
        j -= 1
    while j >= 2 and word[j - 1] == VIRAMA:
        j -= 2
    return max(j, 0)


def _reph_fixes(word: str) -> Iterator[str]:
    """``कायर्क्रम`` -> ``कार्यक्रम``: move a र् typed after its syllable to before it."""
    start = 0
    while True:
        index = word.find(RA + VIRAMA, start)
        if index < 0:
            return
        start = index + 1
        if index == 0:
            continue
        target = _syllable_start(word, index)
        if target < index:
            yield word[:target] + RA + VIRAMA + word[target:index] + word[index + 2 :]


def _matra_moves(clusters: list[str]) -> Iterator[str]:
    """``मजूबत`` -> ``मजबूत``: a vowel sign typed on the neighbouring akshara."""
    for i in range(len(clusters) - 1):
        left, right = clusters[i], clusters[i + 1]
        for a, b, forward in ((left, right, True), (right, left, False)):
            if a and a[-1] in VOWEL_SIGNS and b and b[-1] not in MARKS:
                moved_a, moved_b = a[:-1], b + a[-1]
                pair = (moved_a, moved_b) if forward else (moved_b, moved_a)
                yield "".join(clusters[:i]) + pair[0] + pair[1] + "".join(clusters[i + 2 :])


def _split_marks(cluster: str) -> tuple[str, str]:
    """``(consonant part, trailing marks)`` of an akshara: ``"कि"`` -> ``("क", "ि")``."""
    end = len(cluster)
    while end > 0 and cluster[end - 1] in MARKS and cluster[end - 1] != VIRAMA:
        end -= 1
    return cluster[:end], cluster[end:]


def _consonant_swaps(clusters: list[str]) -> Iterator[str]:
    """``पुसिल`` -> ``पुलिस``: neighbouring consonants swapped, vowel signs left in place."""
    for i in range(len(clusters) - 1):
        (base_a, marks_a), (base_b, marks_b) = _split_marks(clusters[i]), _split_marks(
            clusters[i + 1])
        if base_a and base_b and base_a != base_b and marks_a != marks_b:
            yield "".join([*clusters[:i], base_b + marks_a, base_a + marks_b, *clusters[i + 2 :]])


def candidate_edits(word: str) -> Iterator[tuple[str, float]]:
    """Yield ``(candidate, cost)`` for every typo model (see the module contract)."""
    for variant, kind in repair_variants(word, soft_nukta=True):
        yield variant, (0.3 if kind in ("nukta", "letter", "nasal-final", "length-ra") else 0.35)
    # Removing a nukta or a nasal mark, or swapping anusvara and chandrabindu.
    for index, char in enumerate(word):
        if char in (NUKTA, ANUSVARA, CHANDRABINDU):
            yield word[:index] + word[index + 1 :], 0.45
        if char in (ANUSVARA, CHANDRABINDU):
            other = CHANDRABINDU if char == ANUSVARA else ANUSVARA
            yield word[:index] + other + word[index + 1 :], 0.3
    for fixed in _reph_fixes(word):
        yield fixed, 0.35
    for fixed, _rule in orthographic_fixes(word):
        yield fixed, 0.2
    for fixed in _reph_later(word):
        yield fixed, 0.35
    clusters = [m.group() for m in _GRAPHEME.finditer(word)]
    for moved in _matra_moves(clusters):
        yield moved, 0.45
    for moved in _aspiration_moves(clusters):
        yield moved, 0.45
    for fixed in _confusable_swaps(word):
        yield fixed, 0.45
    for fixed in _suggestion_swaps(word):
        yield fixed, 0.45
    for fixed in _glide_repairs(word):
        yield fixed, 0.3
    for fixed in _nasal_for_geminate(word):
        yield fixed, 0.4
    for fixed in non_hindi_repairs(word):
        yield fixed, 0.2
    for fixed in _legacy_i_matra(word):
        yield fixed, 0.3
    for fixed in _aa_insertions(clusters):
        yield fixed, 0.5
    for fixed in _haplology_repairs(clusters):
        yield fixed, 0.45
    yield from ((fixed, 0.45) for fixed in _geminations(word))
    for index in range(1, len(word)):  # उदयोग -> उद्योग, कार्यकम -> कार्यक्रम
        if word[index - 1] in CONSONANTS and word[index] != VIRAMA:
            if word[index] in CONSONANTS:
                yield word[:index] + VIRAMA + word[index:], 0.45
            yield word[:index] + VIRAMA + RA + word[index:], 0.5
    yield from ((fixed, 0.6) for fixed in _double_length_swaps(word))
    for swapped in _consonant_swaps(clusters):
        yield swapped, 0.5
    n = len(clusters)
    for i in range(n - 1):  # transposed aksharas
        yield "".join([*clusters[:i], clusters[i + 1], clusters[i], *clusters[i + 2 :]]), 0.6
    for size in (1, 2):  # doubled syllables: drop a repeated or near-repeated span
        for i in range(n - size + 1):
            span = clusters[i : i + size]
            rest = clusters[:i] + clusters[i + size :]
            nearby = "".join(clusters[max(0, i - size - 1) : i]) + "".join(
                clusters[i + size : i + 2 * size + 1])
            repeated = skeleton("".join(span)) in skeleton(nearby)
            yield "".join(rest), (0.45 if repeated else float(size))
    yield from ((edit, 1.0) for edit in _generic_edits(word))


_CONFUSABLE = (("श", "स"), ("ष", "श"), ("ष", "स"), ("ब", "व"), ("ण", "न"), ("छ", "क्ष"),
               ("ऋ", "रि"), ("ृ", "्र"), ("ृ", "्रि"), ("ृ", "्री"), ("े", "ै"), ("ो", "ौ"))
#: Aspirated consonant -> its unaspirated partner. A geminate aspirate is written
#: unaspirated + aspirated in Hindi (पट्ठा, गड्ढा, बुद्ध, बच्चा, पत्थर).
ASPIRATE_PAIRS = {"ख": "क", "घ": "ग", "छ": "च", "झ": "ज", "ठ": "ट", "ढ": "ड", "थ": "त",
                  "ध": "द", "फ": "प", "भ": "ब"}
_ASPIRATED_OF = {plain: aspirate for aspirate, plain in ASPIRATE_PAIRS.items()}
#: Future endings with the nasal on the wrong syllable, and their standard forms.
_MISPLACED_NASAL = (("ेगें", "ेंगे"), ("एगें", "एंगे"), ("ोगें", "ोंगे"), ("ेगीं", "ेंगी"),
                    ("एगीं", "एंगी"))
#: Future plural endings typed without their nasal (never standard: करेगे, जाएगे).
_BARE_FUTURE = (("ेगे", "ेंगे"), ("एगे", "एंगे"))
_FIXED_ENDINGS = tuple(wrong for wrong, _right in (*_MISPLACED_NASAL, *_BARE_FUTURE))


def orthographic_fixes(word: str) -> Iterator[tuple[str, str]]:
    """Yield ``(fixed, rule)`` for spellings that Hindi orthography never allows.

    Rules: ``geminate-aspirate`` (``इकठ्ठा`` -> ``इकट्ठा``: an aspirate is doubled with its
    unaspirated partner), ``conjunct-order`` (``युध्द`` -> ``युद्ध``: ध्द typed for द्ध),
    ``legacy-i`` (``गर्इ`` -> ``गई``: a legacy-font converter's reph + इ for ई),
    ``aw-nasal`` (``मॉं`` -> ``मां``: a legacy converter's ॉ for ा before an anusvara),
    ``nasal-place`` (``करेगें`` -> ``करेंगे``) and ``future-nasal`` (``उठाएगे`` ->
    ``उठाएंगे``). The caller still checks that the fixed form is a word.
    """
    if VIRAMA in word:  # the first three rules all need a virama (the common word has none)
        fixed = word
        for aspirate, plain in ASPIRATE_PAIRS.items():
            fixed = fixed.replace(aspirate + VIRAMA + aspirate, plain + VIRAMA + aspirate)
        if fixed != word:
            yield fixed, "geminate-aspirate"
        if "ध" + VIRAMA + "द" in word:
            yield word.replace("ध" + VIRAMA + "द", "द" + VIRAMA + "ध"), "conjunct-order"
        if RA + VIRAMA + "इ" in word:
            yield word.replace(RA + VIRAMA + "इ", "ई"), "legacy-i"
    if "\u0949\u0902" in word:  # मॉं -> मां: ॉ (English o) is never nasalised in Hindi
        yield word.replace("\u0949\u0902", "\u093e\u0902"), "aw-nasal"
    if not word.endswith(_FIXED_ENDINGS):
        return
    for wrong, right in _MISPLACED_NASAL:
        if word.endswith(wrong) and len(word) > len(wrong):
            yield word[: -len(wrong)] + right, "nasal-place"
    for wrong, right in _BARE_FUTURE:
        if word.endswith(wrong) and len(word) > len(wrong):
            yield word[: -len(wrong)] + right, "future-nasal"


def _reph_later(word: str) -> Iterator[str]:
    """``सर्मथन`` -> ``समर्थन``, ``अन्र्तगत`` -> ``अन्तर्गत``: a reph typed one syllable too
    early, at the start of an akshara or inside its conjunct (after a virama)."""
    clusters = [m.group() for m in _GRAPHEME.finditer(word)]
    for i in range(len(clusters) - 1):
        cluster = clusters[i]
        if clusters[i + 1][0] not in CONSONANTS:
            continue
        at = cluster.find(RA + VIRAMA)
        while at >= 0:
            if (at == 0 or cluster[at - 1] == VIRAMA) and len(cluster) > at + 2:
                yield "".join([*clusters[:i], cluster[:at] + cluster[at + 2:],
                               RA + VIRAMA + clusters[i + 1], *clusters[i + 2 :]])
            at = cluster.find(RA + VIRAMA, at + 1)


def _aspiration_moves(clusters: list[str]) -> Iterator[str]:
    """``स्तिथि`` -> ``स्थिति``: aspiration typed on the neighbouring consonant."""
    for i in range(len(clusters) - 1):
        (base_l, marks_l), (base_r, marks_r) = _split_marks(clusters[i]), _split_marks(
            clusters[i + 1])
        if not base_l or not base_r:
            continue
        last, first = base_l[-1], base_r[0]
        if last in _ASPIRATED_OF and first in ASPIRATE_PAIRS:  # aspiration moves left
            new_last, new_first = _ASPIRATED_OF[last], ASPIRATE_PAIRS[first]
        elif last in ASPIRATE_PAIRS and first in _ASPIRATED_OF:  # aspiration moves right
            new_last, new_first = ASPIRATE_PAIRS[last], _ASPIRATED_OF[first]
        else:
            continue
        yield "".join([*clusters[:i], base_l[:-1] + new_last + marks_l,
                       new_first + base_r[1:] + marks_r, *clusters[i + 2 :]])


def _aa_insertions(clusters: list[str]) -> Iterator[str]:
    """``जानकरी`` -> ``जानकारी``: a dropped ा after a bare consonant (not the last one)."""
    for i in range(len(clusters) - 1):
        cluster = clusters[i]
        if cluster[-1] in CONSONANTS:
            yield "".join([*clusters[:i], cluster + "\u093e", *clusters[i + 1 :]])


def _haplology_repairs(clusters: list[str]) -> Iterator[str]:
    """``तत्वाधान`` -> ``तत्वावधान``: one of two neighbouring syllables on the same consonant
    dropped; the consonant of an akshara is inserted bare right after it or before it."""
    for i, cluster in enumerate(clusters):
        base, _marks = _split_marks(cluster)
        consonant = base[-1:] if base else ""
        if consonant not in CONSONANTS:
            continue
        yield "".join([*clusters[: i + 1], consonant, *clusters[i + 1 :]])
        if i > 0:
            yield "".join([*clusters[:i], consonant, *clusters[i:]])


def _geminations(word: str) -> Iterator[str]:
    """``उज्वल`` -> ``उज्ज्वल`` (a half letter dropped from a geminate) and ``पद्दति`` ->
    ``पद्धति`` (a geminate typed unaspirated)."""
    for index, char in enumerate(word):
        if char not in CONSONANTS:
            continue
        if index + 1 < len(word) and word[index + 1] == VIRAMA:
            yield word[:index] + char + VIRAMA + word[index:]
            if index + 2 < len(word) and word[index + 2] == char and char in _ASPIRATED_OF:
                yield word[: index + 2] + _ASPIRATED_OF[char] + word[index + 3 :]


def _double_length_swaps(word: str) -> Iterator[str]:
    """Two vowel lengths swapped at once (``सुचि`` -> ``सूची``, ``पूरूष`` -> ``पुरुष``)."""
    positions = [i for i, ch in enumerate(word) if ch in LENGTH_SWAPS]
    for n, i in enumerate(positions):
        for j in positions[n + 1 :]:
            chars = list(word)
            chars[i], chars[j] = LENGTH_SWAPS[chars[i]], LENGTH_SWAPS[chars[j]]
            yield "".join(chars)


def neighbour_edits(word: str) -> Iterator[tuple[str, str]]:
    """``(form, kind)`` a *non-repair* typo of ``word`` may have come from (used to judge
    words that only a web frequency list vouches for). Kinds: ``reph`` (a reph typed late or
    early), ``matra`` (a vowel sign on the neighbouring akshara, aspiration on the
    neighbouring consonant), ``virama`` (added or dropped), ``letter`` (a confusable letter:
    श/स/ष, ब/व, ण/न, छ/क्ष, ऋ/रि, े/ै, ो/ौ), ``aa`` (a dropped ा). Whole-akshara
    transpositions and doubled syllables are *not* evidence against an attested word
    (Hindi has many anagram pairs and reduplicated words: मीट/टीम, मनमाना); they serve
    suggestions only (:func:`candidate_edits`)."""
    for fixed in _reph_fixes(word):
        yield fixed, "reph"
    for fixed in _reph_later(word):
        yield fixed, "reph"
    clusters = [m.group() for m in _GRAPHEME.finditer(word)]
    for fixed in _matra_moves(clusters):
        yield fixed, "matra"
    for fixed in _aspiration_moves(clusters):
        yield fixed, "matra"
    for index, char in enumerate(word):
        if char == VIRAMA:
            yield word[:index] + word[index + 1 :], "virama"
        elif char in CONSONANTS and index + 1 < len(word) and word[index + 1] in CONSONANTS:
            yield word[: index + 1] + VIRAMA + word[index + 1 :], "virama"
    if word and word[-1] in CONSONANTS:
        yield word + VIRAMA + "य", "virama"
    for fixed in _confusable_swaps(word):
        yield fixed, "letter"
    for fixed in _aa_insertions(clusters):
        yield fixed, "aa"


#: Spellings confused in print that are too often both words to count as evidence against
#: an attested word (गई/गयी, नई/नयी are both standard): suggestions only. ई/यी
#: (धराशाई -> धराशायी), ध/द्य (a legacy keyboard's ध for द्य: खाध -> खाद्य), ए/इ at the
#: start (एकलौता -> इकलौता).
_SUGGESTION_SWAPS = (("ई", "यी"), ("ध", "द्य"))


#: A glide (य, व) typed for a vowel letter after a vowel sign, as (typed, meant):
#: समस्यायों -> समस्याओं, दुर्घटनाये -> दुर्घटनाएं, हुवे -> हुए.
_GLIDE_REPAIRS = (("ायों", "ाओं"), ("ायें", "ाएं"), ("ाये", "ाएं"), ("ाये", "ाए"),
                  ("ुवे", "ुए"), ("ुवा", "ुआ"), ("ुयें", "ुएं"), ("ुये", "ुए"))


def _nasal_for_geminate(word: str) -> Iterator[str]:
    """``गंढे`` -> ``गड्ढे``, ``चिंठी`` -> ``चिट्ठी``: an anusvara typed for the first half of a
    geminate (the unaspirated partner + virama before an aspirate, the consonant itself
    before a plain stop)."""
    start = word.find(ANUSVARA, 1)
    while start > 0:
        nxt = word[start + 1] if start + 1 < len(word) else ""
        if nxt in CONSONANTS and word[start + 2:start + 3] != VIRAMA:
            half = ASPIRATE_PAIRS.get(nxt, nxt)
            yield word[:start] + half + VIRAMA + word[start + 1:]
        start = word.find(ANUSVARA, start + 1)


def _glide_repairs(word: str) -> Iterator[str]:
    for typed, meant in _GLIDE_REPAIRS:
        start = word.find(typed)
        while start >= 0:
            yield word[:start] + meant + word[start + len(typed):]
            start = word.find(typed, start + 1)


def _suggestion_swaps(word: str) -> Iterator[str]:
    for a, b in _SUGGESTION_SWAPS:
        for x, y in ((a, b), (b, a)):
            start = word.find(x)
            while start >= 0:
                yield word[:start] + y + word[start + len(x) :]
                start = word.find(x, start + 1)
    if word.startswith("ए"):
        yield "इ" + word[1:]


def _legacy_i_matra(word: str) -> Iterator[str]:
    """``पौषिटक`` -> ``पौष्टिक``: a legacy-font converter puts the ि of a conjunct after its
    first consonant and loses the virama (the i-matra is typed before the whole cluster)."""
    start = word.find("\u093f", 1)
    while start > 0:
        if (word[start - 1] in CONSONANTS and start + 1 < len(word)
                and word[start + 1] in CONSONANTS):
            yield word[:start] + VIRAMA + word[start + 1] + "\u093f" + word[start + 2:]
        start = word.find("\u093f", start + 1)


def non_hindi_repairs(word: str) -> Iterator[str]:
    """Repairs of RRA/NNNA/LLLA (ऱ ऩ ऴ), most likely first: a legacy font puts the nukta
    of ड़/ढ़ on the next letter (``पकडऩे`` -> ``पकड़ने``), else the letter is र/न/ळ
    (``औऱ`` -> ``और``)."""
    if NON_HINDI_LETTERS.keys().isdisjoint(word):
        return
    moved = word
    for letter, plain in NON_HINDI_LETTERS.items():
        for base in HARD_NUKTA_BASES:
            moved = moved.replace(base + letter, base + NUKTA + plain)
    if moved != word:
        yield moved
    yield word.translate(_NON_HINDI_TRANSLATION)


_NON_HINDI_TRANSLATION = str.maketrans(NON_HINDI_LETTERS)


def _confusable_swaps(word: str) -> Iterator[str]:
    for a, b in _CONFUSABLE:
        for x, y in ((a, b), (b, a)):
            start = word.find(x)
            while start >= 0:
                yield word[:start] + y + word[start + len(x) :]
                start = word.find(x, start + 1)
    if word.startswith("रि"):
        yield "ऋ" + word[2:]


def _generic_edits(word: str) -> Iterator[str]:
    """All strings one code-point deletion, transposition, substitution or insertion away."""
    for i in range(len(word)):
        yield word[:i] + word[i + 1 :]
        if i + 1 < len(word):
            yield word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        for char in _ALPHABET:
            if char != word[i]:
                yield word[:i] + char + word[i + 1 :]
    for i in range(len(word) + 1):
        for char in _ALPHABET:
            yield word[:i] + char + word[i:]
