"""Decide whether one Devanagari word is spelled correctly, and what to suggest instead.

This is the Hindi part of :class:`editor_app.core.text.spell.SpellChecker` (which adds the
newsroom and personal lists, Latin words, caching per user and findings). See the contract
in :mod:`editor_app.core.text.spell`; the numbers below are its tuning constants.

Contract:
- :meth:`WordJudge.is_correct` takes an NFC Devanagari word; :meth:`preferred_form` returns the
  correct form when the word is a known misspelling (curated or variant rule), else ``None``;
  :meth:`suggest` returns ranked replacements (it may call enchant's slow ``suggest``).
- Bounded work: a word longer than :data:`MAX_ANALYSED_LENGTH` code points (no Hindi word
  is; the longest in the dictionaries has 19) gets no morphology, compound, variant or
  suggestion analysis: it is correct only when the newsroom list holds it, it has no
  suggestions, and judging it costs one hash of the word. Suggestions are computed for
  words of at most :data:`MAX_SUGGESTED_LENGTH` code points (longer ones get only their
  curated or variant-rule correct form). Below the cap a compound analysis
  splits the word's aksharas once (not once per split point). So checking a text of N
  characters costs O(N), whatever its words; a single 10,000-letter "word" does not hang
  ``sampadak check`` or the GUI's spell worker.
- Thread-safe for readers: caches are plain dicts filled idempotently.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Protocol

from editor_app.core.text.affixes import affix_splits, soft_nukta_forms
from editor_app.core.text.agreement import agreement_index, agreement_variant, canonical_marks
from editor_app.core.text.devanagari_letters import NON_HINDI_LETTERS, VARIANT_FOLD
from editor_app.core.text.hindi_lexicon import HindiLexicon
from editor_app.core.text.inflection import (
    VERBAL,
    analyses,
    split_compound_points,
)
from editor_app.core.text.judge_sources import ACCEPT_ZIPF, MAX_ANALYSED_LENGTH, JudgeSources
from editor_app.core.text.judge_suggest import MAX_SUGGESTED_LENGTH, JudgeSuggestions
from editor_app.core.text.name_evidence import is_spelled_acronym
from editor_app.core.text.place_names import looks_like_place_name
from editor_app.core.text.sparse_evidence import sparse_variant
from editor_app.core.text.suggest import (
    frequent_by_fold,
    neighbour_edits,
    non_hindi_repairs,
    orthographic_fixes,
    repair_variants,
)
from editor_app.core.text.suggestion_order import anusvara_form, e_form
from editor_app.core.text.tokenize import akshara_split
from editor_app.core.text.weak_evidence import (
    light_verb_split,
    long_i_plural,
    stacked_sign_repairs,
    u_glide_variant,
    weak_variant,
)

__all__ = ["MAX_ANALYSED_LENGTH", "MAX_SUGGESTED_LENGTH", "WordJudge"]

log = logging.getLogger(__name__)

#: Zipf assumed for a word absent from wordfreq when comparing it with its variants.
ABSENT_ZIPF = 2.6
#: How much more frequent (in Zipf units, log10) a repaired variant must be to flag a word.
VARIANT_MARGIN = {
    "nukta": 0.3,  # ड/ढ without nukta: nearly always a typo
    "nasal-final": 0.45,  # लोगो, मे, करेगे: missing plural/verb nasal
    "nasal": 1.2,  # inside a word many pairs are both words (घटा/घंटा, सजीव/संजीव)
    "length-ra": 0.45,  # रु/रू: the most confused pair (पुरूष, रूपये)
    "length": 0.9,  # other ि/ी ु/ू swaps: many valid pairs (जाति/जाती)
    "letter": 0.0,
    "virama": 0.5,  # मिटटी: a geminate typed without virama
}
#: Margin taken off when the word is not in the curated dictionaries (hunspell, supplement)
#: but its variant is: the dictionary has chosen the variant (रात्री/रात्रि, प्रभू/प्रभु).
DICT_BACKED_BONUS = 0.5
#: Margin (Zipf units) by which a typo neighbour must be more frequent than a word only
#: wordfreq vouches for, by kind of neighbour edit (see ``suggest.neighbour_edits``).
NEIGHBOUR_MARGINS = {"reph": 0.8, "matra": 1.0, "virama": 1.0, "letter": 1.0, "aa": 1.5}
#: Margin for ``X + नें`` -> ``X + ने`` (an extra nasal); larger when ``X + न`` is a noun
#: whose plural ``X + नें`` is possible (बहनें).
EXTRA_NASAL_MARGIN = 0.5
EXTRA_NASAL_NOUN_MARGIN = 2.0
#: Extra neighbour margin when Apertium also lists the word (two sources, not one: राख/रखा).
MORPH_NEIGHBOUR_EXTRA = 0.5
#: A word this frequent in wordfreq is not treated as two merged words.
MERGE_MAX_ZIPF = 4.0
#: Words below this many aksharas are too short for the dropped-ा neighbour rule.
AA_MIN_AKSHARAS = 3
#: Extra margin for words of one or two aksharas (short words collide more often).
SHORT_WORD_EXTRA = 0.5
#: A word that only wordfreq vouches for is a misspelling when a neighbour (reph, matra
#: move, transposition, virama, confusable letter) is this much more frequent (Zipf units).
NEIGHBOUR_MARGIN = 1.0
#: ... or when it splits into two words each at least this frequent (केलिए -> के लिए).
SPLIT_PART_ZIPF = 5.0
#: A repaired variant must be at least this frequent to count as evidence.
VARIANT_MIN_ZIPF = 3.5
#: Minimum Zipf of a frequent neighbour that vetoes a compound analysis (समचार: सम+चार).
COMPOUND_VETO_ZIPF = 4.0
#: Repair kinds that are near-certain typos when the variant is a word (ड/ढ nukta, रु/रू,
#: a geminate without virama).
_SURE_KINDS = frozenset({"nukta", "length-ra", "virama"})
_NON_HINDI_TABLE = {ord(k): v for k, v in NON_HINDI_LETTERS.items()}
_NASALISED_POSTPOSITIONS = {"नें": "ने", "सें": "से", "कों": "को"}
_NO_NASALS = str.maketrans(dict.fromkeys("\u0901\u0902"))


class _Dict(Protocol):
    def check(self, word: str) -> bool: ...

    def suggest(self, word: str) -> list[str]: ...


class _AcceptAll:
    def check(self, word: str) -> bool:
        return True

    def suggest(self, word: str) -> list[str]:
        return []


class WordJudge(JudgeSources, JudgeSuggestions):
    """Hindi word judgement over enchant + lexicon + extra (newsroom) words: the decisions
    (acceptance, preferred forms, variant and neighbour rules) over the evidence of
    :class:`~editor_app.core.text.judge_sources.JudgeSources`."""

    def __init__(self, hindi: _Dict, lexicon: HindiLexicon,
                 extra_words: Iterable[str] = ()) -> None:
        self._hindi = hindi
        self._lex = lexicon
        self._extra = frozenset(extra_words)
        self._base: dict[str, bool] = {}
        self._in_hunspell: dict[str, bool] = {}
        self._known: dict[str, bool] = {}
        self._preferred: dict[str, str | None] = {}
        self._verb_cache: dict[str, dict[str, float]] = {}
        self._candidates: frozenset[str] | None = None
        self._null = False
        # Words frequent enough to be a variant's evidence, by fold (shared, built once).
        self._by_fold = frequent_by_fold(lexicon.zipf, VARIANT_MIN_ZIPF)
        self._agreement = agreement_index(lexicon.zipf, ACCEPT_ZIPF)
        self._votes: dict[str, int] = {}
        self._weak_corrections: set[str] = set()

    @classmethod
    def null(cls) -> WordJudge:
        """A judge that accepts everything and suggests nothing."""
        judge = cls(_AcceptAll(), HindiLexicon.empty())
        judge._null = True
        return judge

    # -- acceptance ---------------------------------------------------------------------
    def is_correct(self, word: str) -> bool:
        """True when the NFC Devanagari ``word`` is acceptable (module contract)."""
        if self._null:
            return True
        if word in self._extra:
            return True
        if len(word) > MAX_ANALYSED_LENGTH:
            return False  # not a word (module contract: bounded work)
        if self.preferred_form(word) is not None or self._has_non_hindi_letter(word):
            return False
        if self._is_base(word) or self._morph_knows(word) or self._inflected(word, 2):
            return True
        if is_spelled_acronym(word):
            return True  # एसडीओ, एनआईसी: English letter names
        if self._formed_from_listed(word):
            return True  # नाजिर (नाज़िर), समाजजनों (समाज + जनों)
        if looks_like_place_name(word, self._lex.function_words):
            return True  # भगवानपुरा, मेदिनीनगर: a name + a place suffix
        if self._compound(word, 2) and self._close_frequent_word(word) is None:
            return True
        loans = self._lex.loanwords
        return loans is not None and loans.explains(word)  # डस्टबिन: dustbin

    def _formed_from_listed(self, word: str) -> bool:
        """``word`` is a listed word without its optional nukta, or a productive affix on a
        word a lexicon lists (:mod:`affixes`); never when a frequent word is one typical typo
        away (the compound veto)."""
        for form in soft_nukta_forms(word):
            if self.votes(form) >= 1 and self.preferred_form(form) is None:
                return True
        for stem, _affix in affix_splits(word):
            if (self.votes(stem) >= 1 and self.preferred_form(stem) is None
                    and stem not in self._lex.function_words
                    and self._close_frequent_word(word) is None):
                return True
        return False

    def preferred_form(self, word: str) -> str | None:
        """The correct form when ``word`` is a known misspelling, else ``None``.

        A preferred form that is itself a misspelling is followed (``पूरूष`` -> ``पुरूष``
        -> ``पुरुष``); cycles stop at the last new form.
        """
        if self._null or word in self._extra:
            return None
        if len(word) > MAX_ANALYSED_LENGTH:
            return self._lex.misspellings.get(word)
        if word in self._preferred:
            return self._preferred[word]
        self._preferred[word] = None  # guards against cycles while computing
        result = self._compute_preferred(word)
        if result is not None and " " not in result:
            seen = {word, result}
            nxt = self.preferred_form(result)
            while nxt is not None and nxt not in seen and " " not in nxt:
                seen.add(nxt)
                result, nxt = nxt, self.preferred_form(nxt)
        if result is not None and " " not in result:
            # House style: सम्भव -> संभव, यहाँ -> यहां; दुर्घटनायें -> दुर्घटनाएं.
            for styled in (e_form(anusvara_form(result)), anusvara_form(result)):
                if styled != result and styled != word and self.is_correct(styled):
                    result = styled
                    break
        self._preferred[word] = result
        return result

    def _compute_preferred(self, word: str) -> str | None:
        curated = self._lex.misspellings.get(word)
        if curated is not None:
            return curated
        if self._has_non_hindi_letter(word):
            for repaired in non_hindi_repairs(word):
                if self._is_known(repaired, depth=2):
                    return repaired
            return None
        canonical = canonical_marks(word)
        if canonical != word:
            return canonical  # मंे, काे: signs in an order Unicode never emits
        for fixed in stacked_sign_repairs(word):  # दिनोें: two vowel signs on one consonant
            if self._is_known(fixed, depth=2) and self.preferred_form(fixed) is None:
                return fixed
        if word in self._lex.valid_forms or word in self._lex.supplement:
            return None
        for fixed, _rule in orthographic_fixes(word):
            if fixed != word and self._is_known(fixed, depth=2):
                return fixed
        own = self._lex.zipf.get(word, ABSENT_ZIPF)
        extra_nasal = self._extra_nasal(word)
        if extra_nasal is not None:
            return extra_nasal
        plural = long_i_plural(word, self._listed_or_attested, self._listed_itself_or_attested)
        if plural is not None:  # व्रतीयों -> व्रतियों
            return plural
        glide = u_glide_variant(word, self._lex.zipf, self._lexicon_votes)
        if glide is not None:  # हुवे -> हुए: a glide before the final vowel
            return glide
        best = self._frequent_variant(word, own)
        if best is None and self._only_wordfreq_knows(word):
            extra = MORPH_NEIGHBOUR_EXTRA if self._morph_knows(word) else 0.0
            best = self._frequent_neighbour(word, own, extra)
        if best is None:  # votes are only counted when a variant could win (fast path)
            best = agreement_variant(word, self._lex.zipf, self._agreement,
                                     self.votes, self._agreement_usable)
        if best is None:  # सौपेंगे, टुटते (a stem family), शुरुवात, टैक्टर (a dropped mark)
            best = sparse_variant(word, self._lex.zipf, self._by_fold, self.votes,
                                  self._sparse_trusted, ABSENT_ZIPF, self._set_listed)
        if best is None:  # छापमारी, सम्मलित, स्टेण्डर्ड: only weak evidence accepts them
            best = weak_variant(word, self._lex.zipf, lexicon_votes=self._lexicon_votes,
                                votes=self.votes, trusted=self._sparse_trusted,
                                fold_variants=self._attested_fold_variants,
                                weakly_accepted=self._weakly_accepted,
                                accepted=self.is_correct)
            if best is not None and self._lex.zipf.get(word, 0.0) < ACCEPT_ZIPF:
                self._weak_corrections.add(word)
        if best is None:  # बुलालेंगे -> बुला लेंगे
            split = light_verb_split(word, self._is_verb_stem)
            if split is not None and self._lexicon_votes(word) == 0:
                best = split
        return best

    def has_weak_correction(self, word: str) -> bool:
        """``word``'s preferred form rests on weak evidence only: the web does not use
        ``word`` and a one-mark edit of it is a word (:func:`weak_variant`). A name
        (नामिक, केराई) looks like that too, so its context may still mark it a name."""
        return self.preferred_form(word) is not None and word in self._weak_corrections




    def _attested_fold_variants(self, word: str) -> list[str]:
        return [variant for variant, _edits in self._agreement.variants(word, ACCEPT_ZIPF)]

    def _weakly_accepted(self, word: str) -> bool:
        """Only the English sound pattern or a compound analysis would accept ``word``
        (not a place name: मैनपुर)."""
        if looks_like_place_name(word, self._lex.function_words):
            return False
        loans = self._lex.loanwords
        return (loans is not None and loans.explains(word)) or (
            self._compound(word, 2) and self._close_frequent_word(word) is None)







    def _agreement_usable(self, word: str, variant: str) -> bool:
        if variant in self._lex.misspellings or self.preferred_form(variant) is not None:
            return False
        # देखे/देखें, खेलो/खेलों: a verb form whose nasal differs on purpose.
        if word.translate(_NO_NASALS) != variant.translate(_NO_NASALS):
            return True
        lenient = self.votes(word) >= 1  # weak verb evidence only protects a listed form
        return not any(kind == VERBAL and (self._is_verb_stem(lemma) or (
            lenient and self._is_rare_verb_stem(lemma, word)))
                       for lemma, kind in analyses(word))

    def _frequent_variant(self, word: str, own: float) -> str | None:
        """A nukta/nasal/length/virama variant much more frequent than ``word``."""
        bucket = self._by_fold.get(word.translate(VARIANT_FOLD), ())
        if not bucket or bucket == (word,):
            # No variant can reach VARIANT_MIN_ZIPF: only the morphology-only rule can fire
            # (the common path; same verdicts as the full loop below).
            if word in self._lex.zipf or self._is_dictionary_word(word):
                return None
            for variant, kind in repair_variants(word):
                if (kind in _SURE_KINDS and self._is_known(variant, depth=2)
                        and self._is_trusted_lemma(variant)):
                    return variant
            return None
        short = len(akshara_split(word)) <= 2
        verb: dict[str, bool] = {}  # verb checks are costly: computed only when needed

        def verb_form() -> bool:
            if "form" not in verb:
                verb["form"] = self._is_verb_form(word)
            return verb["form"]

        def verb_ending() -> bool:
            if "ending" not in verb:
                verb["ending"] = (len(word) >= 3 and word[-1] in "ोेीा"
                                  and self._is_verb_stem(word[:-1]))
            return verb["ending"]

        undictionaried = not (word in self._extra or self._hunspell(word))
        best: str | None = None
        best_zipf = 0.0
        morphology_only = word not in self._lex.zipf and not self._is_dictionary_word(word)
        for variant, kind in repair_variants(word):
            if (morphology_only and kind in _SURE_KINDS
                    and self._is_known(variant, depth=2) and self._is_trusted_lemma(variant)):
                return variant  # पढेंगे: only a misspelled stem (पढ) vouches for the word
            variant_zipf = self._lex.zipf.get(variant)
            if variant_zipf is None or variant_zipf < VARIANT_MIN_ZIPF:
                continue
            margin = VARIANT_MARGIN[kind]
            if short and kind in ("nasal", "length"):
                margin += SHORT_WORD_EXTRA
            if (kind == "nasal-final" and verb_ending()) or (
                    kind in ("length", "length-ra") and verb_form()):
                continue  # देखे, भागो, जीतना: a verb form, not a missing nasal
            if undictionaried and self._is_dictionary_word(variant):
                margin -= DICT_BACKED_BONUS
            if variant_zipf - own < margin or variant_zipf <= best_zipf:
                continue
            if self._is_trusted(variant):
                best, best_zipf = variant, variant_zipf
        return best



    def _extra_nasal(self, word: str) -> str | None:
        """``हमनें``/``करनें`` -> ``हमने``/``करने``: the ergative ने and the oblique
        infinitive never take a nasal; ``जानें`` (जान + ें) and ``बहनें`` (बहन + ें) do.
        The postpositions ने, से, को never do either (``नें``, ``सें``)."""
        if word in _NASALISED_POSTPOSITIONS:
            return _NASALISED_POSTPOSITIONS[word]
        if word.endswith("\u0947\u0902") and len(word) >= 4:
            # बच्चें, मुकदमें: the plural of a masculine -ा noun (बच्चा -> बच्चे) never takes a
            # nasal; a verb's subjunctive (रहें) and a feminine plural (उड़ानें) do.
            plain, stem = word[:-1], word[:-2]
            if (self._listed(stem + "\u093e") and not self._listed(stem)
                    and not (self._is_verb_stem(stem) or self._is_rare_verb_stem(stem, word))
                    and self.zipf(plain) >= self.zipf(word) and self.votes(plain) >= 1):
                return plain
        if not word.endswith("नें") or len(word) < 4:
            return None
        plain = word[:-1]
        stem = word[:-2]  # हमन, करन, जान, बहन
        if self._is_verb_stem(stem):
            return None
        noun = len(akshara_split(stem)) >= 2 and self._is_dictionary_word(stem)
        margin = EXTRA_NASAL_NOUN_MARGIN if noun else EXTRA_NASAL_MARGIN
        plain_zipf = self.zipf(plain)
        if plain_zipf < VARIANT_MIN_ZIPF or plain_zipf - self._lex.zipf.get(
                word, ABSENT_ZIPF) < margin:
            return None
        return plain if self._is_trusted(plain) or self.preferred_form(plain) else None







    def _frequent_neighbour(self, word: str, own: float, extra: float = 0.0) -> str | None:
        best: str | None = None
        best_zipf = 0.0
        long_enough = len(akshara_split(word)) >= AA_MIN_AKSHARAS
        for candidate, kind in neighbour_edits(word):
            if kind == "aa" and not long_enough:
                continue
            zipf = self._lex.zipf.get(candidate, 0.0)
            if (zipf >= own + NEIGHBOUR_MARGINS[kind] + extra and zipf > best_zipf
                    and candidate != word and self._is_trusted(candidate)):
                best, best_zipf = candidate, zipf
        if best is not None:
            return best
        return self._merged_split(word, own + extra) if own < MERGE_MAX_ZIPF else None

    def _close_frequent_word(self, word: str) -> str | None:
        """A frequent trusted word one typical typo away from ``word`` (vetoes compounds)."""
        for candidate, _kind in (*repair_variants(word), *neighbour_edits(word)):
            if (candidate != word and self.zipf(candidate) >= COMPOUND_VETO_ZIPF
                    and self._is_trusted(candidate)):
                return candidate
        return None

    def _merged_split(self, word: str, own: float) -> str | None:
        """``left right`` when ``word`` is a function word merged with a frequent word.

        In a word a lexicon lists, as for the suggestions' splits, no part is a lone
        letter (न: उठान is not उठा न) and a part that is not a function word has two or
        more aksharas (काटी is not का टी, कोली not को ली): one-akshara content words are
        where a listed word's own syllables look like a merge. A word no lexicon lists
        keeps every split (आधीन -> आधी न; दन -> द न, which keeps खरीदन from being the
        compound खरी + दन)."""
        function_words = self._lex.function_words
        strict = self._lexicon_votes(word) >= 1
        for index in split_compound_points(word, min_part=1):
            left, right = word[:index], word[index:]
            if left not in function_words and right not in function_words:
                continue
            if strict and (len(left) < 2 or len(right) < 2 or any(
                    part not in function_words and len(akshara_split(part)) < 2
                    for part in (left, right))):
                continue
            low = min(self.zipf(left), self.zipf(right))
            if low >= SPLIT_PART_ZIPF - 1.0 and low >= own + NEIGHBOUR_MARGIN:
                return f"{left} {right}"
        return None







