"""Spelling suggestions of :class:`editor_app.core.text.word_judge.WordJudge` (a mixin).

Contract: :meth:`JudgeSuggestions.suggest` returns up to ``limit`` ranked replacements for an
NFC Devanagari word: the typo models' candidates (:mod:`suggest`) that the judge accepts,
merged-word splits, the word's preferred form first, enchant's own suggestions when the
models find too few; ranked by akshara distance and frequency, attested words (or words
made of attested parts: an attested lemma's inflection, two attested words written solid)
before those only the morphology accepts, in the house style's anusvara spelling
(:mod:`suggestion_order`). Words longer than :data:`MAX_SUGGESTED_LENGTH` get only their
preferred form (bounded work). Thread-safety as for the judge.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Protocol

from editor_app.core.text.hindi_lexicon import HindiLexicon
from editor_app.core.text.inflection import NOMINAL, analyses, split_compound_points
from editor_app.core.text.suggest import candidate_edits
from editor_app.core.text.suggestion_order import attested_first, house_style_forms
from editor_app.core.text.suggestion_rank import akshara_distance, rank
from editor_app.core.text.tokenize import akshara_split

__all__ = ["MAX_SUGGESTED_LENGTH", "JudgeSuggestions"]

log = logging.getLogger(__name__)

#: Longest word (code points) that gets suggestions beyond its curated correct form:
#: suggesting judges every edit of the word, the costliest step (the longest dictionary
#: word has 19 code points, the longest typo in the labelled data 15).
MAX_SUGGESTED_LENGTH = 24
#: Weight of frequency against edit cost when ranking suggestions.
FREQ_WEIGHT = 0.3
#: Zipf assumed for a candidate absent from wordfreq.
ABSENT_ZIPF = 2.6
#: wordfreq Zipf at or above which a candidate counts as attested.
ATTESTED_ZIPF = 3.0
_ENCHANT_WHEN_FEWER_THAN = 3
ANUSVARA = "\u0902"
#: A word ending in ो after a consonant (-ियो included): the oblique plural -ों typed
#: without its nasal, the commonest Hindi typo, when its nasal form is a candidate.
_BARE_OBLIQUE = "\u094b"


class _Dict(Protocol):
    def check(self, word: str) -> bool: ...

    def suggest(self, word: str) -> list[str]: ...


class JudgeSuggestions:
    """The suggestion half of the judge; the judge provides the abstract members."""

    _hindi: _Dict
    _lex: HindiLexicon
    _extra: frozenset[str]
    _candidates: frozenset[str] | None
    _null: bool

    def is_correct(self, word: str) -> bool:  # provided by WordJudge
        raise NotImplementedError

    def preferred_form(self, word: str) -> str | None:  # provided by WordJudge
        raise NotImplementedError

    def votes(self, word: str) -> int:  # provided by WordJudge
        raise NotImplementedError

    def _is_base(self, word: str) -> bool:  # provided by WordJudge
        raise NotImplementedError

    def zipf(self, word: str) -> float:
        """wordfreq Zipf frequency of ``word`` (0.0 when absent)."""
        zipf: Mapping[str, float] = self._lex.zipf
        return zipf.get(word, 0.0)

    def candidate_words(self) -> frozenset[str]:
        """Words generic edits may land on (built on first use)."""
        if self._candidates is None:
            self._candidates = self._lex.candidate_words() | self._extra
        return self._candidates

    def suggest(self, word: str, limit: int = 5) -> list[str]:
        """Ranked replacements for the NFC Devanagari ``word`` (see the module contract)."""
        if self._null or limit <= 0:
            return []
        if len(word) > MAX_SUGGESTED_LENGTH:
            preferred = self.preferred_form(word)
            return [preferred] if preferred is not None else []
        words = self.candidate_words()
        found: list[tuple[str, float]] = []
        freq: dict[str, float] = {}
        checked: dict[str, bool] = {}

        def ok(candidate: str) -> bool:
            if candidate not in checked:
                checked[candidate] = bool(candidate) and self.is_correct(candidate)
            return checked[candidate]

        for candidate, cost in candidate_edits(word):
            if cost >= 1.0 and candidate not in words:
                continue
            if ok(candidate):
                found.append((candidate, cost))
        for left, right, cost in self._splits(word):
            pair = f"{left} {right}"
            found.append((pair, cost))
            freq[pair] = min(self.zipf(left), self.zipf(right))
        preferred = self.preferred_form(word)
        if preferred is not None:
            found.append((preferred, 0.0))
        if len({c for c, cost in found if cost < 1.0}) < _ENCHANT_WHEN_FEWER_THAN:
            for candidate in self._enchant_suggest(word):
                if " " not in candidate and ok(candidate):
                    found.append((candidate, akshara_distance(word, candidate) + 0.3))
        for candidate, _ in found:
            if candidate not in freq:
                freq[candidate] = self._lex.zipf.get(candidate, ABSENT_ZIPF)
        ranked = attested_first(rank(word, found, freq, freq_weight=FREQ_WEIGHT),
                                self._attested_suggestion)
        nasal = word + ANUSVARA
        if preferred is None and word.endswith(_BARE_OBLIQUE) and nasal in ranked:
            ranked.remove(nasal)  # ट्रांसफार्मरो: the oblique plural's nasal, not ट्रांसफार्मर
            ranked.insert(0, nasal)
        if preferred is not None and preferred in ranked:
            ranked.remove(preferred)
            ranked.insert(0, preferred)
        return house_style_forms(ranked, ok)[:limit]

    def _attested_suggestion(self, word: str) -> bool:
        """Listed by a lexicon or attested by wordfreq (not only by morphology), or made of
        attested parts: a regular inflection of a lemma wordfreq attests (गोवंशों: गोवंश)
        or two attested content words written solid (हैंडपंप, अधिकारीगण, पूजापाठ)."""
        if self.zipf(word) >= ATTESTED_ZIPF or self.votes(word) >= 1:
            return True
        if any(kind == NOMINAL and len(akshara_split(lemma)) >= 2
               and self.zipf(lemma) >= ATTESTED_ZIPF and self.preferred_form(lemma) is None
               for lemma, kind in analyses(word)):
            return True
        function_words = self._lex.function_words
        for index in split_compound_points(word, min_part=2):
            left, right = word[:index], word[index:]
            if (len(akshara_split(left)) >= 2 and len(akshara_split(right)) >= 2
                    and left not in function_words and right not in function_words
                    and self.zipf(left) >= ATTESTED_ZIPF and self.zipf(right) >= ATTESTED_ZIPF
                    and self.preferred_form(left) is None
                    and self.preferred_form(right) is None):
                return True
        return False

    def _enchant_suggest(self, word: str) -> list[str]:
        try:
            return list(self._hindi.suggest(word))
        except Exception as exc:  # I/O boundary: a broken dictionary must not break editing
            log.warning("enchant suggest failed for %r: %s", word, exc)
            return []

    def _splits(self, word: str) -> list[tuple[str, str, float]]:
        """Two known words that ``word`` may be a merge of (``केसाथ`` -> के साथ)."""
        result: list[tuple[str, str, float]] = []
        function_words = self._lex.function_words
        for index in split_compound_points(word, min_part=1):
            left, right = word[:index], word[index:]
            if len(left) < 2 or len(right) < 2 or not (self._is_base(left)
                                                       and self._is_base(right)):
                continue  # आधीन is not आधी न
            if self.preferred_form(left) or self.preferred_form(right):
                continue
            if not all(part in function_words or (
                    len(akshara_split(part)) >= 2 and self.zipf(part) >= 4.0)
                    for part in (left, right)):
                continue
            has_function_word = left in function_words or right in function_words
            result.append((left, right, 0.3 if has_function_word else 0.8))
        return result
