"""Measured quality bars of the spell checker on labelled data written for this project.

Data (tests/data/spelling/): ``typos_*.tsv`` (typo, correct form(s) separated by ``|``,
typo type) and ``prose_*.txt`` (correct news-style prose). The ``tune`` portion was used
while tuning the rules; the ``heldout`` portion was not. Bars: recall >= 95 %, first
suggestion right >= 70 %, correct prose <= 1 % of tokens flagged.

``heldout2`` is a second, larger held-out set (239 typos, 3,047 prose tokens) written blind
before any tuning on it; its baseline was recall 0.837, first suggestion 0.753, false flags
0.89 %. Because the curated ``hi_misspellings.tsv`` (a style-guide list) naturally shares
words with any typo set, :func:`test_mechanisms_generalise_without_curated_overlap` also
scores each held-out set with the curated entries for its own typos removed.
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from editor_app.core import resources
from editor_app.core.text.hindi_lexicon import load_lexicon
from editor_app.core.text.spell import SpellChecker, create_spell_checker, load_enchant_dicts
from editor_app.core.text.tokenize import TokenKind, tokenize
from tests.conftest import skip_unless_spelling

DATA = Path(__file__).resolve().parent.parent / "data" / "spelling"


@dataclass(frozen=True)
class Scores:
    cases: int
    recall: float
    first_right: float
    prose_tokens: int
    false_flag_rate: float


def _typos(part: str) -> Iterator[tuple[str, list[str], str]]:
    for line in (DATA / f"typos_{part}.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            typo, correct, kind = line.split("\t")
            yield typo, correct.split("|"), kind


def _prose(part: str) -> list[str]:
    lines = (DATA / f"prose_{part}.txt").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


@pytest.fixture(scope="module")
def speller() -> SpellChecker:
    checker = create_spell_checker(None, None)
    if not checker.available:
        skip_unless_spelling(checker.unavailable_reason)
    return checker


def _score(speller: SpellChecker, part: str) -> Scores:
    cases = list(_typos(part))
    flagged = first = 0
    for typo, correct, _kind in cases:
        findings = speller.check(typo)
        if findings:
            flagged += 1
            if findings[0].suggestions and findings[0].suggestions[0] in correct:
                first += 1
    tokens = [t.text for line in _prose(part) for t in tokenize(line)
              if t.kind is TokenKind.WORD]
    false_flags = sum(1 for word in tokens if not speller.is_correct(word))
    scores = Scores(len(cases), flagged / len(cases), first / len(cases), len(tokens),
                    false_flags / len(tokens))
    print(f"\n[{part}] typos={scores.cases} recall={scores.recall:.3f} "
          f"first-suggestion={scores.first_right:.3f} prose-tokens={scores.prose_tokens} "
          f"false-flag-rate={scores.false_flag_rate:.4f}")
    return scores


def test_data_is_big_enough() -> None:
    assert len(list(_typos("tune"))) >= 150
    kinds = {kind for _, _, kind in _typos("tune")}
    assert {"nukta", "nasal", "matra", "transpose", "double", "merged", "rra"} <= kinds
    prose_tokens = sum(len(list(tokenize(line))) for p in ("tune", "heldout") for line in _prose(p))
    assert prose_tokens >= 3000
    assert len(list(_typos("heldout2"))) >= 150
    assert sum(len(list(tokenize(line))) for line in _prose("heldout2")) >= 3000


def test_bars_on_tuned_data(speller: SpellChecker) -> None:
    scores = _score(speller, "tune")
    assert scores.recall >= 0.95
    assert scores.first_right >= 0.70
    assert scores.false_flag_rate <= 0.01


# Since issue 9 no curated list may hold a word of a held-out set (test_spell_eval_v2), so
# these bars measure the mechanisms (before: 0.982 / 0.965 and 0.992 / 0.987 with the
# curated overlap, 0.930 / 0.912 and 0.925 / 0.908 without it).
def test_bars_on_held_out_data(speller: SpellChecker) -> None:
    scores = _score(speller, "heldout")  # measured 0.965 / 0.965 / 0.0012
    assert scores.recall >= 0.95
    assert scores.first_right >= 0.95
    assert scores.false_flag_rate <= 0.005


def test_bars_on_second_held_out_data(speller: SpellChecker) -> None:
    scores = _score(speller, "heldout2")  # measured 0.933 / 0.921 / 0.0046
    assert scores.recall >= 0.92
    assert scores.first_right >= 0.90
    assert scores.false_flag_rate <= 0.005


@pytest.mark.parametrize(("part", "recall", "first"), [
    ("heldout", 0.95, 0.95),  # measured 0.965 / 0.965 (before issue 9: 0.930 / 0.912)
    ("heldout2", 0.92, 0.90),  # measured 0.933 / 0.921 (before issue 9: 0.925 / 0.908)
])
def test_mechanisms_generalise_without_curated_overlap(speller: SpellChecker, part: str,
                                                       recall: float, first: float) -> None:
    lexicon = load_lexicon(resources.resource_path("spelling"))
    typos = {typo for typo, _, _ in _typos(part)}
    stripped = {k: v for k, v in lexicon.misspellings.items() if k not in typos}
    hindi, english = load_enchant_dicts()
    clean = SpellChecker(hindi, english,
                         lexicon=dataclasses.replace(lexicon, misspellings=stripped))
    scores = _score(clean, part)
    assert scores.recall >= recall
    assert scores.first_right >= first


def test_typos_in_context_are_found_with_offsets(speller: SpellChecker) -> None:
    text = "सरकार ने कहा कि सडक की मरम्मत जल्द शुरु होगी औऱ लोगो को राहत मिलेगी।"
    found = {f.text: f for f in speller.check(text)}
    assert set(found) == {"सडक", "शुरु", "औऱ", "लोगो"}
    for finding in found.values():
        assert text[finding.start:finding.end] == finding.text
    assert found["औऱ"].fix == "और"


def test_cache_does_not_change_findings_on_a_20k_word_document(speller: SpellChecker) -> None:
    """Speed is measured in benchmarks/bench_core.py; here: cold and warm agree."""
    lines = _prose("tune") + _prose("heldout") + _prose("heldout2")
    rng = random.Random(7)
    words: list[str] = []
    while len(words) < 20_000:
        line = rng.choice(lines)
        words.extend(line.split())
    document = " ".join(words[:20_000])
    fresh = create_spell_checker(None, None)
    cold = fresh.check(document, suggestions=False)
    warm = fresh.check(document, suggestions=False)
    assert cold == warm
    assert len(cold) <= 0.01 * 20_000  # correct prose: at most 1% of tokens flagged


def _verbs_correct() -> list[str]:
    lines = (DATA / "verbs_correct.txt").read_text(encoding="utf-8").splitlines()
    return [w.strip() for w in lines if w.strip() and not w.startswith("#")]


def test_rare_verb_forms(speller: SpellChecker) -> None:
    """Forms of less common verbs (212 forms, 60+ verbs) and 45 verb typos (nukta, nasal,
    length). Baseline before verb evidence pooling: 107/212 (50.5 %) correct forms flagged;
    measured after: 88/212 (41.5 %), typo recall 1.0. Many rare verbs have no form in
    hunspell-hi or wordfreq at all (खंगालना, लताड़ना), which caps what evidence can do."""
    words = _verbs_correct()
    assert len(words) >= 150
    flagged = [w for w in words if not speller.is_correct(w)]
    assert len(flagged) / len(words) <= 0.43, flagged
    cases = [line.split("\t") for line in (DATA / "verbs_typos.tsv").read_text(
        encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]
    assert len(cases) >= 40
    missed = [typo for typo, _correct, _kind in cases if not speller.check(typo)]
    assert len(missed) / len(cases) <= 0.03, missed
