"""Evidence by agreement: is a word's support only frequency, and does a typical Hindi typo
explain it as a variant of a word the lexicons know?

Sources (independent of each other): hunspell-hi, Apertium's analyser (``apertium-hin``), the
curated supplement / valid forms / newsroom dictionary (one vote together), and wordfreq's
web frequency. Being in one list is not proof of a correct spelling: hunspell-hi, Apertium
and wordfreq each list common web misspellings. A word is judged by how many *lexicons*
vouch for it (its votes, 0-3) compared with its typo variants.

Contract:
- :func:`broad_fold` folds away every difference the variant model counts as one typical
  typo: nasal marks, nukta, virama, visarga and the candra sign dropped; ि/ी, ु/ू, इ/ई, उ/ऊ,
  े/ै, ो/ौ, ए/ऐ, ओ/औ merged; श/ष/स merged; ब/व merged. Aspiration is *not* folded (too
  many valid pairs: भाला/बाला, सख्ती/सकती); :func:`conjunct_aspirate_variants` yields the
  aspiration swaps inside a conjunct, where a plain/aspirate pair is a typo (प्रसिद्द, स्थर).
- :class:`AgreementIndex` groups wordfreq's words (Zipf >= ``min_zipf``) by broad fold, once
  per frequency mapping; :meth:`AgreementIndex.variants` returns the words of ``word``'s
  fold that are at most :data:`MAX_EDITS` code-point edits away (one edit for words of one
  or two aksharas), nearest first. Nothing here decides: the caller weighs votes and
  frequency (:class:`editor_app.core.text.word_judge.WordJudge`).
- :func:`canonical_marks` repairs sign sequences that Unicode says never to emit and that
  render like a correct word (मंे -> में, काे -> को, काॅलेज and कॅालेज -> कॉलेज, एेसे -> ऐसे, बडे़ -> बड़े,
  कोटेे -> कोटे): always a typo, never a style choice.
- :func:`spelling_class_variants` yields variants outside the broad fold that a typical
  typo explains: a final म typed for the anusvara (एवम -> एवं, एवमं -> एवं) and ा typed
  for the ॉ of an English loanword (हास्पिटल -> हॉस्पिटल). The caller weighs them like
  the fold's variants; ॉ is pair-prone (कालेज/कॉलेज are both used), so only a word no
  lexicon lists is overruled on it.
- Pure functions and immutable indexes; thread-safe.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterator, Mapping

import regex

__all__ = [
    "MARGIN_ONE_VOTE",
    "MARGIN_UNLISTED",
    "MAX_EDITS",
    "AgreementIndex",
    "agreement_index",
    "agreement_variant",
    "broad_fold",
    "canonical_marks",
    "conjunct_aspirate_variants",
    "conjunct_letter_variants",
    "edit_distance",
    "spelling_class_variants",
]

#: Most code-point edits between a word and a variant (a moved anusvara is two).
MAX_EDITS = 2
_VIRAMA = "\u094d"
_NASALS = "\u0902\u0901"
_VOWEL_SIGNS = "\u093e\u093f\u0940\u0941\u0942\u0943\u0945\u0947\u0948\u0949\u094b\u094c"

BROAD_FOLD = str.maketrans({
    **dict.fromkeys("\u0902\u0901\u093c\u094d\u0903\u0945"),
    "\u0940": "\u093f", "\u0942": "\u0941", "ई": "इ", "ऊ": "उ",
    "\u0948": "\u0947", "\u094c": "\u094b", "ऐ": "ए", "औ": "ओ",
    "ष": "स", "श": "स", "ब": "व",
})
_ASPIRATES = {"ख": "क", "घ": "ग", "छ": "च", "झ": "ज", "ठ": "ट", "ढ": "ड", "थ": "त",
              "ध": "द", "फ": "प", "भ": "ब"}
_PAIR = {**_ASPIRATES, **{plain: asp for asp, plain in _ASPIRATES.items()}}
_GRAPHEME = regex.compile(r"\X")

# Sign sequences to compose (Unicode "do not emit" and legacy-font orders).
_COMPOSE = (("\u093e\u0947", "\u094b"), ("\u093e\u0948", "\u094c"), ("\u093e\u0945", "\u0949"),
            ("\u0945\u093e", "\u0949"),  # the two halves of ॉ in either order (कॅाल)
            ("अ\u093e", "आ"), ("ए\u0947", "ऐ"), ("अ\u0949", "ऑ"), ("आ\u0945", "ऑ"),
            ("अ\u094b", "ओ"), ("अ\u094c", "औ"), ("अ\u0948", "ऐ"), ("अ\u0945", "ऍ"))
_NASAL_BEFORE_SIGN = regex.compile(f"([{_NASALS}])([{_VOWEL_SIGNS}]+)")
#: A nukta typed after the vowel sign of its consonant (बडे़ for बड़े: legacy keyboards).
_NUKTA_AFTER_SIGN = regex.compile(f"([{_VOWEL_SIGNS}]+)(\u093c)")
#: The same vowel sign, nasal mark or nukta typed twice in a row (कोटेे): one is meant.
_DOUBLED_SIGN = regex.compile(f"([{_VOWEL_SIGNS}{_NASALS}\u093c])\\1+")
_NEEDS_CANON = regex.compile(
    f"[{_NASALS}][{_VOWEL_SIGNS}]|[{_VOWEL_SIGNS}]\u093c|"
    + "|".join(sign + sign for sign in f"{_VOWEL_SIGNS}{_NASALS}\u093c") + "|"
    + "|".join(regex.escape(split) for split, _ in _COMPOSE))


def broad_fold(word: str) -> str:
    """``word`` with every one-typo difference folded away (see the module contract)."""
    return word.translate(BROAD_FOLD)


def canonical_marks(word: str) -> str:
    """``word`` with a nasal mark moved after the vowel signs it precedes, a nukta moved
    before the vowel sign it follows (``बडे़`` -> ``बड़े``), a sign typed twice typed once
    (``कोटेे`` -> ``कोटे``) and split signs composed (``मंे`` -> ``में``, ``साथियांे`` ->
    ``साथियों``); ``word`` itself when fine."""
    if _NEEDS_CANON.search(word) is None:
        return word  # the common case: one regex scan
    fixed = _DOUBLED_SIGN.sub(lambda m: m.group(1), word)
    fixed = _NUKTA_AFTER_SIGN.sub(lambda m: m.group(2) + m.group(1), fixed)
    fixed = _NASAL_BEFORE_SIGN.sub(lambda m: m.group(2) + m.group(1), fixed)
    for split, whole in _COMPOSE:
        if split in fixed:
            fixed = fixed.replace(split, whole)
    return fixed


def conjunct_aspirate_variants(word: str) -> Iterator[str]:
    """Words with the aspiration of one consonant of a conjunct swapped (प्रसिद्द ->
    प्रसिद्ध, वरिष्टजनों -> वरिष्ठजनों, स्थर -> स्तर)."""
    for index, char in enumerate(word):
        partner = _PAIR.get(char)
        if partner is None:
            continue
        before = index > 0 and word[index - 1] == _VIRAMA
        after = index + 1 < len(word) and word[index + 1] == _VIRAMA
        if before or after:
            yield word[:index] + partner + word[index + 1:]


#: Only words with a virama (or an anusvara before one) can have a conjunct variant.
VIRAMA_OR_SWAP = regex.compile("\u094d")

#: Conjuncts that look alike and are confused in print (द्ध/द्व: द्धारा for द्वारा), and a
#: nasal consonant typed before a conjunct that has none (समुन्द्र, संम्भव).
_CONJUNCT_SWAPS = (("द्ध", "द्व"), ("द्व", "द्ध"), ("न्द्र", "द्र"), ("ंम्", "म्"), ("ंन्", "न्"))


def conjunct_letter_variants(word: str) -> Iterator[str]:
    """Words with one look-alike conjunct replaced (see :data:`_CONJUNCT_SWAPS`)."""
    for wrong, right in _CONJUNCT_SWAPS:
        start = word.find(wrong)
        while start >= 0:
            yield word[:start] + right + word[start + len(wrong):]
            start = word.find(wrong, start + 1)


_AA = "\u093e"
_AW = "\u0949"


#: Spellings confused in print outside the broad fold, as (typed, meant) pairs: ई/यी
#: (अनुयाई -> अनुयायी, गई/गयी are both standard) and ध for द्य (a legacy keyboard's:
#: विधालय -> विद्यालय).
_CLASS_SWAPS = (("ई", "यी"), ("यी", "ई"), ("ध", "द्य"))


def _class_fold(word: str) -> str:
    """``word`` with every *meant* form of :func:`spelling_class_variants` replaced by its
    typed form (ॉ -> ा, यी -> ई, द्य -> ध, a final consonant + ं -> + म); a variant and the
    word it is a variant of fold alike when one change separates them."""
    folded = word
    if _AW in folded:
        folded = folded.replace(_AW, _AA)
    if "यी" in folded:
        folded = folded.replace("यी", "ई")
    if "द्य" in folded:
        folded = folded.replace("द्य", "ध")
    if folded[-1:] != "\u0902":
        return folded
    if folded.endswith("म\u0902"):
        folded = folded[:-1]
    elif len(folded) >= 2 and folded[-1] == "\u0902" and "\u0915" <= folded[-2] <= "\u0939":
        folded = folded[:-1] + "म"
    return folded


def spelling_class_variants(word: str) -> Iterator[tuple[str, bool]]:
    """``(variant, unlisted_only)`` by the classes of the module contract that the broad
    fold cannot see: a final म for the anusvara (एवम, स्वयम -> एवं, स्वयं; एवमं -> एवं);
    ा for the ॉ of a loanword (हास्पिटल -> हॉस्पिटल, one ा at a time); ई/यी and ध/द्य.
    ``unlisted_only``: the class makes valid pairs too often (कालेज/कॉलेज, गई/गयी) to
    overrule a word any lexicon lists."""
    if len(word) >= 3 and word.endswith("म\u0902") and word[-3] != _VIRAMA:
        yield word[:-2] + "\u0902", False
    elif len(word) >= 3 and word.endswith("म") and word[-2] not in (_VIRAMA, *_VOWEL_SIGNS):
        yield word[:-1] + "\u0902", False
    start = word.find(_AA)
    while start > 0:
        yield word[:start] + _AW + word[start + 1:], True
        start = word.find(_AA, start + 1)
    for typed, meant in _CLASS_SWAPS:
        start = word.find(typed)
        while start >= 0:
            yield word[:start] + meant + word[start + len(typed):], True
            start = word.find(typed, start + 1)


def edit_distance(a: str, b: str, cap: int = MAX_EDITS) -> int:
    """Levenshtein distance over code points, or ``cap + 1`` once it exceeds ``cap``."""
    if abs(len(a) - len(b)) > cap:
        return cap + 1
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        low = i
        for j, char_b in enumerate(b, 1):
            value = min(previous[j] + 1, current[j - 1] + 1,
                        previous[j - 1] + (char_a != char_b))
            current.append(value)
            low = min(low, value)
        if low > cap:
            return cap + 1
        previous = current
    return previous[-1]


_STRIP_NASALS = str.maketrans(dict.fromkeys(_NASALS))
_SOFT_NUKTA = regex.compile("(?<=[कखगजफ])\u093c")


class _StyleFold:
    """ँ -> ं and a nukta on क ख ग ज फ dropped: differences of house style only."""

    @staticmethod
    def apply(word: str) -> str:
        return _SOFT_NUKTA.sub("", word).replace("\u0901", "\u0902")


def _same_without_nasals(a: str, b: str) -> bool:
    return a.translate(_STRIP_NASALS) == b.translate(_STRIP_NASALS)


def _moved_nasal(a: str, b: str) -> bool:
    """``b`` is ``a`` with its nasal mark on another akshara (same letters, same marks)."""
    return (a != b and _same_without_nasals(a, b)
            and sorted(c for c in a if c in _NASALS) == sorted(c for c in b if c in _NASALS))


def _final_nasal_dropped(word: str, variant: str) -> bool:
    """``variant`` is ``word`` without the nasal mark of its last akshara."""
    last = _GRAPHEME.findall(word)[-1:] or [""]
    # Only the last akshara's nasal goes (मंगलवारों -> मंगलवारो keeps the inner one).
    return (any(c in _NASALS for c in last[0])
            and word[: -len(last[0])] + last[0].translate(_STRIP_NASALS) == variant)


#: Letters whose swap makes too many valid pairs to overrule a listed word (ब/व, श/ष/स,
#: े/ै, ो/ौ: बात/वात, शेर/सेर, मेल/मैल, बोना/बौना; ा/ॉ: कालेज/कॉलेज are both printed).
_PAIR_PRONE = frozenset("बवशषस\u0947\u0948\u094b\u094c\u0949")


def _one_vote_margin(word: str, variant: str, short: bool) -> float | None:
    """The Zipf margin by which ``variant`` (two lexicons list it) must be more frequent
    than a once-listed ``word`` to overrule it, or ``None`` when the change never does:
    :data:`MARGIN_ONE_VOTE_NASAL` for a nasal mark added or dropped inside the word
    (सैंकड़ों/सैकड़ों, भेट/भेंट; a final nasal is a grammatical pair: की/कीं never, a
    missing one (उन्ही) at :data:`MARGIN_ONE_VOTE`),
    :data:`MARGIN_PAIR_PRONE` for a pair-prone letter (जबाब/जवाब, केम्प/कैम्प: valid pairs
    exist, but not with the variant that much more frequent), :data:`MARGIN_ONE_VOTE`
    for the other changes :func:`_one_vote_change` allows."""
    extra = SHORT_EXTRA if short else 0.0
    if _final_nasal_dropped(word, variant):
        return None
    if _same_without_nasals(word, variant) and not _final_nasal_dropped(variant, word):
        return MARGIN_ONE_VOTE_NASAL + (SHORT_EXTRA_NASAL if short else 0.0)
    if _one_vote_change(word, variant):
        return MARGIN_ONE_VOTE + extra
    removed = Counter(word) - Counter(variant)
    added = Counter(variant) - Counter(word)
    if set(removed) == {_VIRAMA} or not (set(removed) | set(added)) & _PAIR_PRONE:
        return None
    return MARGIN_PAIR_PRONE + extra


def _one_vote_change(word: str, variant: str) -> bool:
    """The difference between a once-listed ``word`` and ``variant`` is one that a listed
    word is rarely paired on: nasal, vowel length, hard nukta, independent ए/ऐ ओ/औ,
    conjuncts, a missing virama (उदघाटन); not ब/व, श/ष/स, े/ै, ो/ौ, and not a virama
    taken out (मार्ता/मारता)."""
    removed = Counter(word) - Counter(variant)
    added = Counter(variant) - Counter(word)
    changed = set(removed) | set(added)
    return not (changed & _PAIR_PRONE) and set(removed) != {_VIRAMA}


def akshara_count(word: str) -> int:
    return len(_GRAPHEME.findall(word))


class AgreementIndex:
    """Frequent words grouped by :func:`broad_fold` (built once per frequency mapping)."""

    def __init__(self, zipf: Mapping[str, float], min_zipf: float) -> None:
        # Lists, not tuples: never mutated after this loop, and converting 26k groups
        # would cost a fifth of the build (this runs in the spell warm-up).
        groups: dict[str, list[str]] = {}
        fold = BROAD_FOLD
        for word, value in zipf.items():
            if value >= min_zipf:
                key = word.translate(fold)
                group = groups.get(key)
                if group is None:
                    groups[key] = [word]
                else:
                    group.append(word)
        for group in groups.values():
            if len(group) > 1:  # most frequent first: look-ups stop at the first miss
                group.sort(key=lambda w: -zipf.get(w, 0.0))
        self._groups = groups
        self._zipf = zipf
        # Frequent words that a spelling_class_variants change can lead to, by the form
        # the typo would have (the fast path of has_class_variant).
        self._class_keys = frozenset(
            key for word, value in zipf.items()
            if value >= min_zipf and (key := _class_fold(word)) != word)

    def has_class_variant(self, word: str) -> bool:
        """True when a frequent word may be a :func:`spelling_class_variants` variant of
        ``word`` (a set look-up; most words have none)."""
        return _class_fold(word) in self._class_keys

    def variants(self, word: str, min_zipf: float = 0.0) -> list[tuple[str, int]]:
        """``(variant, edits)`` for the frequent words of ``word``'s fold, nearest first,
        then most frequent (see the module contract); only variants at least as frequent as
        ``min_zipf`` (a cheap filter before any edit distance is computed)."""
        group = self._groups.get(word.translate(BROAD_FOLD))
        if not group:
            return []
        zipf = self._zipf
        if (len(group) == 1 and group[0] == word) or zipf.get(group[0], 0.0) < min_zipf:
            return []
        kept = []
        for other in group:
            if zipf.get(other, 0.0) < min_zipf:
                break
            kept.append(other)
        group = kept
        short = akshara_count(word) <= 2
        found = []
        plain = _StyleFold.apply(word)
        for other in group:
            # ँ/ं and ज़/ज, फ़/फ are house-style choices (जाँच/जांच), never a typo's evidence.
            if other != word and _StyleFold.apply(other) != plain:
                edits = edit_distance(word, other, MAX_EDITS)
                # Short words: one edit, or a moved nasal (स्वंय -> स्वयं).
                if edits <= 1 or (edits <= MAX_EDITS and (not short or _same_without_nasals(
                        word, other))):
                    found.append((other, edits))
        found.sort(key=lambda item: (item[1], -self._zipf.get(item[0], 0.0)))
        return found


_indexes: dict[tuple[int, float], tuple[Mapping[str, float], AgreementIndex]] = {}
_lock = threading.Lock()


def agreement_index(zipf: Mapping[str, float], min_zipf: float) -> AgreementIndex:
    """The shared :class:`AgreementIndex` of ``zipf`` (by identity; must not change)."""
    with _lock:
        entry = _indexes.get((id(zipf), min_zipf))
        if entry is not None and entry[0] is zipf:
            return entry[1]
        index = AgreementIndex(zipf, min_zipf)
        if len(_indexes) >= 8:
            _indexes.clear()
        _indexes[(id(zipf), min_zipf)] = (zipf, index)
        return index


#: Zipf from which wordfreq counts as attesting a word (its list starts at 3.0).
ATTESTED_ZIPF = 3.0
#: Words at least this frequent are left to the specific rules (नही, मे are caught there).
MAX_ZIPF = 5.5
#: Zipf a variant must exceed the word's by when no lexicon knows the word (only frequency
#: vouches for it) and at least one lexicon knows the variant.
MARGIN_UNLISTED = 0.2
#: ... when one lexicon knows the word and at least two agree on the variant.
MARGIN_ONE_VOTE = 1.0
#: ... when only the anusvara moved (मंहगा/महंगा): a moved nasal rarely makes another word.
MARGIN_MOVED_NASAL = 0.5
#: ... when one lexicon knows the word, two the variant, and only a nasal mark inside the
#: word differs (सैंकड़ों/सैकड़ों): a listed word rarely pairs with a much likelier nasal form.
MARGIN_ONE_VOTE_NASAL = 0.7
#: ... when the change is a pair-prone letter (ब/व, श/स, े/ै, ो/ौ, ॉ): only a far more
#: frequent variant (जबाब/जवाब) overrules a listed word there.
MARGIN_PAIR_PRONE = 1.5
#: Extra margin for words of one or two aksharas (short words collide more often).
SHORT_EXTRA = 0.5
#: ... on the nasal margin above (भेट/भेंट are two aksharas).
SHORT_EXTRA_NASAL = 0.3
#: Zipf a variant needs to outweigh a once-listed word the web never uses (wordfreq lacks
#: it) with a single vote of its own: the variant is a lexicon's word *and* the web's.
UNATTESTED_VARIANT_ZIPF = 3.3


_FINAL_NASAL_AFTER = frozenset("\u094b\u0947\u0940\u093e")  # ो े ी ा


def agreement_variant(word: str, zipf: Mapping[str, float], index: AgreementIndex,
                      votes: Callable[[str], int], usable: Callable[[str, str], bool],
                      ) -> str | None:
    """The variant that explains ``word`` as a typo, decided by agreement, or ``None``.

    ``votes(w)``: how many independent lexicons vouch for ``w`` (0-3); ``usable(word, v)``:
    the caller's veto (``v`` is a curated misspelling or itself misspelled; ``word`` is a
    verb form whose nasal differs on purpose ...). A word's *support* is its votes plus one
    when wordfreq attests it (Zipf >= :data:`ATTESTED_ZIPF`).

    A word two lexicons vouch for is never flagged here (valid pairs such as है/हैं,
    जाति/जाती, रहे/रहें). Otherwise ``word`` is flagged when a variant has more support and
    is more frequent by :data:`MARGIN_UNLISTED` (no lexicon lists ``word``) or
    :data:`MARGIN_ONE_VOTE` (one does; then two lexicons must list the variant and the
    change must not be one that valid pairs are made of, see :func:`_one_vote_change`),
    plus :data:`SHORT_EXTRA` for words of one or two aksharas; a once-listed word wordfreq
    lacks needs only a variant one lexicon lists that is at least as frequent as
    :data:`UNATTESTED_VARIANT_ZIPF` (गड्डे -> गड्ढे). A moved anusvara (मंहगा ->
    महंगा) needs only equal support and :data:`MARGIN_MOVED_NASAL`. The nearest variant
    wins, then the most frequent.
    """
    own = zipf.get(word, 0.0)
    if own >= MAX_ZIPF:
        return None  # as frequent as नही or मे: only the specific rules judge such words
    # Fast path (most words): no variant beats the word by even the smallest margin, and
    # no final nasal is missing: no votes needed.
    floor = own + min(MARGIN_UNLISTED, MARGIN_MOVED_NASAL)
    candidates = index.variants(word, floor)
    known = {v for v, _ in candidates}
    extra: list[tuple[str, bool]] = (list(spelling_class_variants(word))
                                     if index.has_class_variant(word) else [])
    if VIRAMA_OR_SWAP.search(word):
        extra += [(v, False) for v in (*conjunct_aspirate_variants(word),
                                       *conjunct_letter_variants(word))]
    unlisted_only: set[str] = set()
    for variant, only_unlisted in extra:
        if zipf.get(variant, 0.0) >= floor and variant not in known:
            known.add(variant)
            candidates.append((variant, 1))
            if only_unlisted:
                unlisted_only.add(variant)
    nasal_candidate = (word[-1:] in _FINAL_NASAL_AFTER
                       and zipf.get(word + "\u0902", 0.0) >= own)
    if not candidates and not nasal_candidate:
        return None
    own_votes = votes(word)
    if own_votes >= 2:
        return None
    own_support = own_votes + (own >= ATTESTED_ZIPF)
    short = akshara_count(word) <= 2
    candidates.sort(key=lambda item: (item[1], -zipf.get(item[0], 0.0)))
    if own_votes == 0 and nasal_candidate:
        # A missing final nasal (प्रधानो -> प्रधानों) is the commonest Hindi typo: a listed
        # nasal form outweighs a word no lexicon lists even when wordfreq has neither.
        nasal = word + "\u0902"
        if votes(nasal) >= 1 and usable(word, nasal):
            return nasal
    margin = MARGIN_UNLISTED if own_votes == 0 else MARGIN_ONE_VOTE
    for variant, _edits in candidates:
        one_vote_margin = None
        if own_votes == 1:
            one_vote_margin = (None if variant in unlisted_only
                               else _one_vote_margin(word, variant, short))
            if one_vote_margin is None:
                continue  # की/कीं, है/हैं; बौनी/बोनी, ज़बानी/जवानी: valid pairs abound there
        theirs = zipf.get(variant, 0.0)
        moved = _moved_nasal(word, variant)
        if moved:  # मंहगा/महंगा: equal support suffices, a moved nasal rarely makes a word
            needed, extra_support = max(margin if own_votes == 0 else 0.0,
                                        MARGIN_MOVED_NASAL), 0
        elif one_vote_margin is not None:
            needed, extra_support = one_vote_margin, 1
        else:
            needed, extra_support = margin + (SHORT_EXTRA if short else 0.0), 1
        if theirs < own + needed:
            continue
        support = votes(variant) + (theirs >= ATTESTED_ZIPF)
        # A once-listed word that wordfreq lacks (गड्डे, टुटते: one lexicon, no web use)
        # loses to a variant one lexicon lists and the web uses (गड्ढे, टूटते); a once-listed
        # word the web also uses needs a variant two lexicons list.
        needed_votes = 2 if own_votes == 1 and not moved and (
            own > 0.0 or theirs < UNATTESTED_VARIANT_ZIPF) else 1
        if (support >= own_support + extra_support
                and votes(variant) >= needed_votes
                and usable(word, variant)):
            return variant
    return None
