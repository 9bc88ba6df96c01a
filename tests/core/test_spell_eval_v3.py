"""Issue 9 on ``tests/data/spelling/eval_v3``: real misspellings from published Hindi pages
and correct published news prose, collected for the third round by two collectors who ran
no spell checker, and frozen before the third round's mechanisms reached main (see its
README). It was the third round's evaluation set (scored twice: baseline and after the
merge); **since the fourth round it is development data**: its misses were read and the
fourth round's mechanisms were designed from its classes (with eval_v2, dev_v2 and dev_v3
checked for each class). A new frozen set, eval_v4, measures unseen text; the bars here are
development bars, and they no longer say how the checker does on unseen misspellings.

The rules that keep it honest: it is big enough and every row cites its source; it shares
no misspelling and no source page with any earlier set (eval_v2 became development data
when eval_v3 replaced it, so nothing tuned on eval_v2 can be scored here by word); no
curated list holds any of its words (``LIST_DISJOINT_SETS`` in test_spell_eval_v2.py).
The bars sit just under the figures measured after the fourth round (docs/SPELLING.md):
they catch a regression; no goal of the issue is met on this set.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.spell_quality import Scores, score
from editor_app.core import resources
from editor_app.core.text.spell import SpellChecker
from tests.conftest import every_source_speller
from tests.core.frozen_sets import check_frozen_data, checker_without_curated_list, report

#: Every earlier set with cited pages (tuned on or scored before eval_v3 existed).
EARLIER_CITED = ("eval_v2", "dev_v2", "dev_v3")
#: Every earlier typo set, cited or not.
EARLIER_TYPOS = (*EARLIER_CITED, "tune", "heldout", "heldout2")
RESOURCES = Path(resources.resource_path("spelling"))


# ------------------------------------------------------------------ the data


def test_frozen_data_is_sound_and_new() -> None:
    check_frozen_data("eval_v3", EARLIER_CITED, EARLIER_TYPOS)


# ------------------------------------------------------------------ the bars


@pytest.fixture(scope="module")
def speller() -> SpellChecker:
    return every_source_speller()


@pytest.fixture(scope="module")
def full_scores(speller: SpellChecker) -> Scores:
    return score(speller, "eval_v3")


def test_bars_on_the_frozen_set(full_scores: Scores) -> None:
    print(report("eval_v3", full_scores))
    assert full_scores.cases >= 200
    # Baseline (main before the third round): recall 0.842, first 0.673, false flags
    # 2.05 % in context, 3.03 % isolated. After the third round, scored once: recall
    # 0.859 (goal 0.95), first 0.696 (goal 0.85), false flags 1.90 % in context (goal
    # 1.0 %), 3.03 % isolated. Fourth round (eval_v3 as development data): recall 0.910,
    # first 0.761, false flags 1.90 % / 3.03 %. No goal is met; the bars sit just under.
    assert full_scores.recall >= 0.905
    assert full_scores.first_right >= 0.755
    assert full_scores.false_flag_rate <= 0.0180  # fifth round 1.76 % (fourth 1.90 %)
    assert full_scores.isolated_false_flag_rate <= 0.0302  # fifth round 3.00 %


def test_bars_on_the_mechanisms_alone() -> None:
    """The same checker with the curated misspelling list emptied: the issue's bar on the
    mechanism alone is recall >= 0.92 (not met: 0.910 in the fourth round, as with the
    list; 0.859 in the third)."""
    scores = score(checker_without_curated_list(), "eval_v3")
    assert scores.recall >= 0.905  # fourth round 0.910 (third 0.859, baseline 0.842)
    assert scores.first_right >= 0.755  # fourth round 0.761 (third 0.693, baseline 0.670)


def test_against_bare_hunspell(full_scores: Scores) -> None:
    """hunspell-hi alone on the same set: recall 0.941, first 0.392, false flags 15.3 %.
    The checker's first suggestions and false flags are far better; its recall is still
    LOWER (0.910; 0.859 before the fourth round): the evidence that accepts names,
    loanwords and inflections hunspell-hi lacks also accepts misspellings hunspell-hi
    rejects (docs/SPELLING.md, fourth round, tabulates which)."""
    assert full_scores.first_right > 0.392 * 1.7
    assert full_scores.false_flag_rate < 0.1527 / 7
