"""Issue 9 on the frozen evaluation set ``tests/data/spelling/eval_v5``: real misspellings
from published Hindi pages and correct published news prose, collected for the fifth round
by two collectors who ran no spell checker, and frozen before the fifth round's mechanisms
reached main (see its README).

The rules that keep it honest: it is big enough and every row cites its source; it shares
no misspelling and no source page with any earlier set (eval_v4 became development data
when eval_v5 replaced it); no curated list holds any of its words (``LIST_DISJOINT_SETS``
in test_spell_eval_v2.py). The bars sit just under the figures measured on it
(docs/SPELLING.md, "Fifth round"): they catch a regression; no goal of the issue is met.
"""

from __future__ import annotations

import pytest

from benchmarks.spell_quality import Scores, score
from editor_app.core.text.spell import SpellChecker
from tests.conftest import every_source_speller
from tests.core.frozen_sets import check_frozen_data, checker_without_curated_list, report

NAME = "eval_v5"
#: Every earlier set with cited pages (tuned on or scored before eval_v5 existed).
EARLIER_CITED = ("eval_v4", "eval_v3", "eval_v2", "dev_v2", "dev_v3")


def test_frozen_data_is_sound_and_new() -> None:
    check_frozen_data(NAME, EARLIER_CITED, (*EARLIER_CITED, "tune", "heldout", "heldout2"))


@pytest.fixture(scope="module")
def speller() -> SpellChecker:
    return every_source_speller()


@pytest.fixture(scope="module")
def full_scores(speller: SpellChecker) -> Scores:
    return score(speller, NAME)


def test_bars_on_the_frozen_set(full_scores: Scores) -> None:
    print(report(NAME, full_scores))
    assert full_scores.cases >= 200
    # Baseline (main 4a472cb, after the fourth round): recall 0.866 (goal 0.95), first
    # 0.724 (goal 0.85), false flags 2.08 % in context (goal 1.0 %), 3.44 % isolated.
    # After the fifth round, scored once: 0.866 / 0.724 / 1.85 % / 3.46 %.
    assert (full_scores.recall, full_scores.first_right) >= (0.86, 0.72)
    assert full_scores.false_flag_rate <= 0.0190
    assert full_scores.isolated_false_flag_rate <= 0.0350


def test_bars_on_the_mechanisms_alone() -> None:
    """Curated misspelling list emptied: the issue's bar on the mechanisms alone is recall
    >= 0.92 (not met: 0.866 and first 0.724, before and after the fifth round)."""
    scores = score(checker_without_curated_list(), NAME)
    assert scores.recall >= 0.86 and scores.first_right >= 0.72


def test_against_bare_hunspell(full_scores: Scores) -> None:
    """hunspell-hi alone: recall 0.966, first 0.414, false flags 16.7 %. The checker's first
    suggestions and false flags are far better; its recall is lower."""
    assert full_scores.first_right > 0.414 * 1.6
    assert full_scores.false_flag_rate < 0.1667 / 7
