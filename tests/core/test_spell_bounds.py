"""Spell-check work is bounded: no input makes ``sampadak check`` (or the GUI's spell worker)
hang. Counts the analysis calls the judge makes instead of timing anything."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from editor_app.core.checking import check_text
from editor_app.core.resources import resource_path
from editor_app.core.text import judge_suggest, word_judge
from editor_app.core.text.hindi_lexicon import HindiLexicon, load_lexicon
from editor_app.core.text.spell import SpellChecker, create_spell_checker
from editor_app.core.text.word_judge import MAX_ANALYSED_LENGTH, MAX_SUGGESTED_LENGTH, WordJudge
from tests.conftest import skip_unless_spelling

_COUNTED = ("split_compound_points", "analyses", "repair_variants", "neighbour_edits",
            "candidate_edits", "orthographic_fixes", "akshara_split")


@pytest.fixture
def speller() -> SpellChecker:
    checker = create_spell_checker(None, None)
    if not checker.available:
        skip_unless_spelling(checker.unavailable_reason)
    return checker


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> Iterator[Counter[str]]:
    """Counts every call the judge makes to its analysis helpers (and to hunspell)."""
    counter: Counter[str] = Counter()

    def counting(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            counter[name] += 1
            return function(*args, **kwargs)
        return wrapper

    for name in _COUNTED:  # the judge's helpers live in word_judge and judge_suggest
        for module in (word_judge, judge_suggest):
            if hasattr(module, name):
                monkeypatch.setattr(module, name, counting(name, getattr(module, name)))
    for name in ("_hunspell", "_compound"):
        monkeypatch.setattr(WordJudge, name, counting(name, getattr(WordJudge, name)))
    yield counter


def _sixty_letter_words() -> list[str]:
    solid = "भारतसरकारकिसानयोजनाविकासनगरनिगमजलभरावहैंडपंपविद्यालयशिक्षाप्रधानमंत्री"
    return ["क" * 60, ("कमल" * 20)[:60], solid[:60], ("कि" * 30)]


_OVERLONG = {"10000-ka": "क" * 10_000, "10000-kamal": ("कमल" * 3334)[:10_000],
             **{f"60-{i}": w for i, w in enumerate(_sixty_letter_words())}}


@pytest.mark.parametrize("word", list(_OVERLONG.values()), ids=list(_OVERLONG))
def test_overlong_word_gets_no_analysis(speller: SpellChecker, calls: Counter[str],
                                        word: str) -> None:
    """A 60- or 10,000-letter word is flagged at the cost of a look-up: no compound split,
    morphology, variant, suggestion or hunspell call, whatever its length."""
    findings = check_text(word, speller)
    spelling = [f for f in findings if f.rule == "spelling"]
    assert [(f.text, f.suggestions) for f in spelling] == [(word, ())]
    assert {name: count for name, count in calls.items() if count} == {}


def test_words_around_an_overlong_word_are_still_judged(speller: SpellChecker) -> None:
    findings = check_text(f"यह {'क' * 60} है और मजूबत", speller)
    assert [f.text for f in findings if f.rule == "spelling"] == ["क" * 60, "मजूबत"]


def test_work_does_not_grow_with_an_overlong_word(speller: SpellChecker,
                                                  calls: Counter[str]) -> None:
    """Structural linearity: the judge's call counts are the same for 100, 1,000 and 10,000
    letters (only hashing the word grows with it)."""
    seen = []
    for length in (100, 1_000, 10_000):
        speller.clear_cache()
        calls.clear()
        speller.check("कमल" * (length // 3) + "क" * (length % 3))
        seen.append(dict(calls))
    assert seen[0] == seen[1] == seen[2]


def test_compound_analysis_splits_aksharas_once_per_word(speller: SpellChecker,
                                                         calls: Counter[str]) -> None:
    """Below the cap a compound analysis segments the word once, not once per split point
    (that made a 40-letter word cost seconds and a 60-letter one over a minute)."""
    word = "क" * MAX_ANALYSED_LENGTH
    assert not speller.is_correct(word)
    speller.suggest(word)
    assert calls["_compound"] > 0
    # one segmentation per compound analysis, plus a few for other rules per word judged
    assert calls["akshara_split"] <= 3 * calls["_compound"] + 3 * calls["analyses"]
    assert calls["akshara_split"] < 20 * calls["_compound"]


def test_cap_is_above_every_dictionary_word(speller: SpellChecker) -> None:
    """No word the dictionaries know is longer than the cap, so no verdict on a real word
    changes because of it; the newsroom list still accepts an overlong entry."""
    judge = WordJudge(_AllWords(), HindiLexicon.empty(), extra_words=["क" * 50])
    assert judge.is_correct("क" * 50)
    assert not judge.is_correct("ख" * 50)
    lexicon = load_lexicon(resource_path("spelling"))
    known = (*lexicon.zipf, *lexicon.hunspell_words, *lexicon.supplement, *lexicon.valid_forms)
    assert max(len(word) for word in known) < MAX_ANALYSED_LENGTH


class _AllWords:
    """A dictionary that knows every word (so only the cap can reject one)."""

    def check(self, word: str) -> bool:
        return True

    def suggest(self, word: str) -> list[str]:
        return []


def test_analyses_by_last_letter_match_the_full_tables() -> None:
    """``analyses`` compares a word only with suffixes ending in its last letter; the
    result (and its order) is what scanning every suffix gives."""
    from editor_app.core.text import inflection

    def reference(word: str) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        for suffix, replacements in inflection._NOMINAL_SORTED:
            if len(word) > len(suffix) and word.endswith(suffix):
                stem = word[: -len(suffix)]
                if inflection._plausible_stem(stem):
                    for repl in replacements:
                        pair = (stem + repl, inflection.NOMINAL)
                        if stem + repl != word and pair not in out:
                            out.append(pair)
        for suffix in inflection._VERBAL_SORTED:
            if len(word) > len(suffix) and word.endswith(suffix):
                stem = word[: -len(suffix)]
                pair = (stem, inflection.VERBAL)
                if inflection._plausible_stem(stem) and pair not in out:
                    out.append(pair)
        return out

    lexicon = load_lexicon(resource_path("spelling"))
    words = [*sorted(lexicon.zipf)[::7], "लड़कियों", "करवाएंगे", "खंगाले", "दरों", "न", "ों"]
    for word in words:
        assert list(inflection.analyses(word)) == reference(word), word


def test_long_words_get_no_edit_suggestions(speller: SpellChecker, calls: Counter[str]) -> None:
    """Above MAX_SUGGESTED_LENGTH no edit of the word is generated or judged."""
    word = "क" * (MAX_SUGGESTED_LENGTH + 1)
    assert speller.suggest(word) == []
    assert calls["candidate_edits"] == 0
    short = "मजूबत"
    assert speller.suggest(short)[0] == "मजबूत"
    assert calls["candidate_edits"] == 1
