"""The evidence a Hindi word judgement asks for: is the word listed (hunspell-hi, the
lexicon's supplement, the newsroom list, apertium-hin), attested on the web (wordfreq),
inflected from or compounded of known words, a verb form; and how many sources vote for it.

:class:`JudgeSources` is a mixin of :class:`editor_app.core.text.word_judge.WordJudge`,
which holds the dictionaries and caches it reads (declared below) and makes the decisions
from this evidence. Contract: every method is a pure question about one NFC word (the
answers are memoised in the judge's dicts, filled idempotently, so readers on several
threads are safe); a word longer than :data:`MAX_ANALYSED_LENGTH` gets no compound analysis.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from editor_app.core.text.devanagari_letters import NON_HINDI_LETTERS
from editor_app.core.text.hindi_lexicon import HindiLexicon
from editor_app.core.text.inflection import (
    NOMINAL,
    VERBAL,
    analyses,
    split_compound_points,
    verb_evidence,
)
from editor_app.core.text.judge_suggest import _Dict
from editor_app.core.text.tokenize import akshara_split

__all__ = ["ACCEPT_ZIPF", "FUNCTION_WORD_ZIPF", "MAX_ANALYSED_LENGTH", "JudgeSources"]

#: wordfreq Zipf at or above which a word counts as attested (the list starts at 3.0).
ACCEPT_ZIPF = 3.0
#: Parts of a solid compound must be content words: rarer than this Zipf.
FUNCTION_WORD_ZIPF = 5.6
#: Longest word (code points) that gets any analysis beyond a look-up; see the contract of
#: :mod:`editor_app.core.text.word_judge`. Two of the longest dictionary words written
#: solid still fit.
MAX_ANALYSED_LENGTH = 40
_NON_HINDI_SET = frozenset(NON_HINDI_LETTERS)


class JudgeSources:
    """Evidence look-ups of :class:`~editor_app.core.text.word_judge.WordJudge`."""

    _hindi: _Dict
    _lex: HindiLexicon
    _extra: frozenset[str]
    _base: dict[str, bool]
    _in_hunspell: dict[str, bool]
    _known: dict[str, bool]
    _verb_cache: dict[str, dict[str, float]]
    _votes: dict[str, int]

    if TYPE_CHECKING:  # provided by WordJudge and JudgeSuggestions (no runtime stubs: they
        # would come first in WordJudge's method order and hide the real methods)
        def preferred_form(self, word: str) -> str | None: ...

        def zipf(self, word: str) -> float: ...

    def _lexicon_votes(self, word: str) -> int:
        """Lexicons that list ``word`` itself (hunspell-hi, Apertium, the curated lists)."""
        lex = self._lex
        return (int(self._hunspell(word)) + int(self._morph_knows(word))
                + int(word in self._extra or word in lex.supplement or word in lex.valid_forms))

    def _listed_or_attested(self, word: str) -> bool:
        return self.votes(word) >= 1 or self._lex.zipf.get(word, 0.0) >= ACCEPT_ZIPF

    def _listed_itself_or_attested(self, word: str) -> bool:
        return self._lexicon_votes(word) >= 1 or self._lex.zipf.get(word, 0.0) >= ACCEPT_ZIPF

    def _set_listed(self, word: str) -> bool:
        lex = self._lex
        return (word in lex.hunspell_words or word in self._extra or word in lex.supplement
                or word in lex.valid_forms)

    def _sparse_trusted(self, word: str) -> bool:
        return ((self.votes(word) >= 1 or self._is_known(word, depth=2))
                and self.preferred_form(word) is None)

    def is_curated_misspelling(self, word: str) -> bool:
        """``word`` is an entry of the curated misspelling list."""
        return word in self._lex.misspellings

    def votes(self, word: str) -> int:
        """How many independent lexicons vouch for ``word`` (see :mod:`agreement`):
        hunspell-hi, Apertium, the curated/newsroom lists; a regular inflection of a word
        they know counts as one vote when none lists the form itself."""
        cached = self._votes.get(word)
        if cached is None:
            lex = self._lex
            cached = (int(self._hunspell(word)) + int(self._morph_knows(word))
                      + int(word in self._extra or word in lex.supplement
                            or word in lex.valid_forms))
            if cached == 0 and self._inflected_from_listed(word):
                cached = 1
            self._votes[word] = cached
        return cached

    def _inflected_from_listed(self, word: str) -> bool:
        return any(kind == NOMINAL and len(akshara_split(lemma)) >= 2
                   and lemma not in self._lex.misspellings and self._listed(lemma)
                   for lemma, kind in analyses(word)) or self._is_verb_form(word)

    def _listed(self, word: str) -> bool:
        lex = self._lex
        return (self._hunspell(word) or self._morph_knows(word)
                or word in self._extra or word in lex.supplement)

    def _is_trusted_lemma(self, word: str) -> bool:
        """``word`` is known and neither it nor its inflection's lemma is a misspelling."""
        if self._is_base(word):
            return self.preferred_form(word) is None
        return any(self._is_base(lemma) and self.preferred_form(lemma) is None
                   for lemma, kind in analyses(word) if kind == NOMINAL) or any(
            self._is_verb_stem(lemma) and self.preferred_form(lemma + "ना") is None
            for lemma, kind in analyses(word) if kind == VERBAL)

    def _is_dictionary_word(self, word: str) -> bool:
        """In a curated dictionary (newsroom, supplement, valid forms, hunspell)."""
        return (word in self._extra or word in self._lex.supplement
                or word in self._lex.valid_forms or self._hunspell(word))

    def _is_verb_form(self, word: str) -> bool:
        """True when ``word`` is a form of a confirmed verb (stem + ending, stem attested)."""
        return any(kind == VERBAL and len(lemma) >= 2 and self._is_verb_stem(lemma)
                   for lemma, kind in analyses(word))

    def _is_verb_stem(self, stem: str) -> bool:
        """Strict (overrides a variant, देखे/देखें): infinitive and two other forms known."""
        key = f"v\x00{stem}"
        if (cached := self._known.get(key)) is not None:
            return cached
        result = False
        if stem and self._is_base(stem + "ना"):
            others = ("ने", "ता", "ती", "ते", "कर", "ें", "ेगा", "ेंगे", "ा", "ी", "े", "या",
                      "ई", "ए", "ो", "गा", "ंगे")
            result = sum(1 for end in others if self._is_base(stem + end)) >= 2
        self._known[key] = result
        return result

    def _is_rare_verb_stem(self, stem: str, word: str) -> bool:
        """Lenient, for a word no variant contradicts (खंगाले): other forms' :func:`verb_evidence`
        adds up to 1 (an infinitive that hunspell-hi or Apertium lists counts 1 alone); a
        stem of one akshara (गु: गुना, गुनी) is too short to trust."""
        if len(akshara_split(stem)) < 2:
            return False
        evidence = self._verb_cache.get(stem)
        if evidence is None:
            evidence = self._verb_cache[stem] = verb_evidence(stem, self._attested)
            infinitive = stem + "ना"
            if infinitive in evidence and (self._hunspell(infinitive)
                                           or self._morph_knows(infinitive)):
                evidence[infinitive] = 1.0  # a lexicon lists the verb (बंधाना -> बंधाया)
        return sum(weight for form, weight in evidence.items() if form != word) >= 1.0

    def _attested(self, word: str) -> bool:
        """Curated (set look-ups, no enchant call) or frequent, and not a misspelling."""
        lex = self._lex
        return word not in lex.misspellings and (
            word in self._extra or word in lex.supplement or word in lex.valid_forms
            or word in lex.hunspell_words or lex.zipf.get(word, 0.0) >= ACCEPT_ZIPF)

    def _only_wordfreq_knows(self, word: str) -> bool:
        """No curated list and not hunspell-hi: only wordfreq and/or Apertium vouch."""
        return (word not in self._lex.supplement and word not in self._lex.valid_forms
                and (word in self._lex.zipf or self._morph_knows(word))
                and not self._hunspell(word))

    def _morph_knows(self, word: str) -> bool:
        """Apertium's analyser accepts ``word`` (``False`` when it is not installed)."""
        morph = self._lex.morph
        return morph is not None and morph.knows(word)

    @staticmethod
    def _has_non_hindi_letter(word: str) -> bool:
        if _NON_HINDI_SET.isdisjoint(word):
            return False
        # Marathi eyelash ra (RRA + virama + ZWJ) is legitimate.
        return "\u0931\u094d\u200d" not in word

    def _is_trusted(self, word: str) -> bool:
        """A word good enough to be the correct form of a variant misspelling."""
        if word in self._lex.misspellings or self._has_non_hindi_letter(word):
            return False
        if word in self._extra or word in self._lex.supplement or word in self._lex.valid_forms:
            return True
        return self._hunspell(word) or self._is_known(word, depth=1)

    def _hunspell(self, word: str) -> bool:
        """``hindi.check(word)``, memoised (the dictionary is fixed for a judge's lifetime:
        a newsroom change builds a new judge). One word is asked up to four times per
        verdict (variant margin, dictionary word, wordfreq-only, base), ~5 µs each."""
        cached = self._in_hunspell.get(word)
        if cached is None:
            cached = self._in_hunspell[word] = bool(self._hindi.check(word))
        return cached

    def _is_base(self, word: str) -> bool:
        """Known without morphology: newsroom, supplement, hunspell or wordfreq."""
        cached = self._base.get(word)
        if cached is not None:
            return cached
        result = word not in self._lex.misspellings and (
            word in self._extra
            or word in self._lex.supplement
            or word in self._lex.valid_forms
            or self._lex.zipf.get(word, 0.0) >= ACCEPT_ZIPF
            or self._hunspell(word)
        )
        self._base[word] = result
        return result

    def _is_known(self, word: str, depth: int) -> bool:
        key = f"{depth}\x00{word}"
        cached = self._known.get(key)
        if cached is not None:
            return cached
        # Compounds only for the word itself: a lemma or a variant proved by a compound
        # analysis is too weak (अधिकरी -> अधिकरा -> अधि + करा).
        result = self._is_base(word) or (depth > 0 and self._inflected(word, depth)) or (
            depth >= 2 and self._compound(word, depth))
        self._known[key] = result
        return result

    def _inflected(self, word: str, depth: int) -> bool:
        for lemma, kind in analyses(word):
            if kind == NOMINAL:
                if len(akshara_split(lemma)) >= 2 and self._is_known(lemma, depth - 1):
                    return True
            elif self._is_verb_stem(lemma) or (
                    depth == 2 and self._is_rare_verb_stem(lemma, word)):
                return True
        return False

    def _compound(self, word: str, depth: int) -> bool:
        """Two content words written solid (जलभराव, हैंडपंप); not function-word merges."""
        if len(word) > MAX_ANALYSED_LENGTH:
            return False
        aksharas = akshara_split(word)
        if len(aksharas) < 4:
            return False
        # Akshara boundaries (code-point index -> aksharas before it), computed once.
        bounds: dict[int, int] = {}
        offset = 0
        for count, cluster in enumerate(aksharas):
            bounds[offset] = count
            offset += len(cluster)
        bounds[offset] = len(aksharas)
        for index in split_compound_points(word, min_part=2):
            left, right = word[:index], word[index:]
            before = bounds.get(index)
            if before is not None:  # the common case: the split falls between aksharas
                left_count, right_count = before, len(aksharas) - before
            else:
                left_count, right_count = len(akshara_split(left)), len(akshara_split(right))
            if left_count < 2 or right_count < 2:
                continue
            if (self.zipf(left) >= FUNCTION_WORD_ZIPF or self.zipf(right) >= FUNCTION_WORD_ZIPF
                    or left in self._lex.function_words or right in self._lex.function_words):
                continue
            if before is not None:
                doubled = aksharas[before - 1] == aksharas[before]
            else:
                doubled = akshara_split(left)[-1] == akshara_split(right)[0]
            if left.endswith(right) or doubled:
                continue  # चुना|नाव, परिवार|वार: a doubled syllable, not a compound
            if (self._is_base(left) and self.preferred_form(left) is None
                    and self._is_known(right, depth - 1) and self.preferred_form(right) is None):
                return True
        return False
