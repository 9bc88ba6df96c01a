"""Issue 9 on the frozen evaluation set ``tests/data/spelling/eval_v4``: real misspellings
from published Hindi pages and correct published news prose, collected for the fourth
round by two collectors who ran no spell checker, and frozen before the fourth round's
mechanisms reached main (see its README). It was the fourth round's evaluation set (scored
twice: baseline and after the merge); **since the fifth round it is development data**: its
misses and false flags were read and the fifth round's mechanisms were designed from its
classes (with the other correct prose sets checked for each class). A new frozen set,
eval_v5, measures unseen text; the bars here are development bars, and they no longer say
how the checker does on unseen misspellings.

The rules that keep it honest: it is big enough and every row cites its source; it shares
no misspelling and no source page with any earlier set (eval_v3 became development data
when eval_v4 replaced it); no curated list holds any of its words (``LIST_DISJOINT_SETS``
in test_spell_eval_v2.py). The bars sit just under the figures measured on it
(docs/SPELLING.md, "Fourth round" and "Fifth round"): they catch a regression.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.spell_quality import Scores, score
from editor_app.core import resources
from editor_app.core.text.spell import SpellChecker
from tests.conftest import every_source_speller
from tests.core.frozen_sets import check_frozen_data, checker_without_curated_list, report

NAME = "eval_v4"
#: Every earlier set with cited pages (tuned on or scored before eval_v4 existed).
EARLIER_CITED = ("eval_v3", "eval_v2", "dev_v2", "dev_v3")
#: Every earlier typo set, cited or not.
EARLIER_TYPOS = (*EARLIER_CITED, "tune", "heldout", "heldout2")
RESOURCES = Path(resources.resource_path("spelling"))


# ------------------------------------------------------------------ the data


def test_frozen_data_is_sound_and_new() -> None:
    check_frozen_data(NAME, EARLIER_CITED, EARLIER_TYPOS)


# ------------------------------------------------------------------ the bars


@pytest.fixture(scope="module")
def speller() -> SpellChecker:
    return every_source_speller()


@pytest.fixture(scope="module")
def full_scores(speller: SpellChecker) -> Scores:
    return score(speller, NAME)


def test_development_bars_on_eval_v4(full_scores: Scores) -> None:
    print(report(NAME, full_scores))
    assert full_scores.cases >= 200
    # Baseline (main 5c6ad23, before the fourth round): recall 0.886 (goal 0.95), first
    # 0.705 (goal 0.85), false flags 1.39 % in context (goal 1.0 %), 1.89 % isolated.
    # After the fourth round, scored once as the frozen set: 0.893 / 0.711 / 1.47 % / 2.01 %.
    # Development bars since the fifth round (designed from this set's false flags and
    # misses): 0.896 / 0.715 / 1.17 % in context / 2.01 % isolated. No goal is met.
    assert full_scores.recall >= 0.895
    assert full_scores.first_right >= 0.713
    assert full_scores.false_flag_rate <= 0.0120
    assert full_scores.isolated_false_flag_rate <= 0.0205


def test_bars_on_the_mechanisms_alone() -> None:
    """The same checker with the curated misspelling list emptied: the issue's bar on the
    mechanism alone is recall >= 0.92 (not met: 0.896 after the fifth round, 0.893 after
    the fourth, baseline 0.883)."""
    scores = score(checker_without_curated_list(), NAME)
    assert scores.recall >= 0.895  # fifth round 0.896 (fourth 0.893, baseline 0.883)
    assert scores.first_right >= 0.713  # fifth round 0.715 (fourth 0.711, baseline 0.701)


def test_against_bare_hunspell(full_scores: Scores) -> None:
    """hunspell-hi alone on the same set: recall 0.973, first 0.393, false flags 13.7 %.
    The checker's first suggestions and false flags are far better; its recall is lower."""
    assert full_scores.first_right > 0.393 * 1.7
    assert full_scores.false_flag_rate < 0.1373 / 7
