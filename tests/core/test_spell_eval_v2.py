"""Issue 9 bars on ``tests/data/spelling/eval_v2`` (real misspellings from published Hindi
pages, correct published news prose), and the rules that keep the data honest: it is big
enough, every row cites its source, no curated list holds any word of eval_v2 or of any
evaluation set, and the development sets collected against it are disjoint from it.

eval_v2 was the frozen evaluation set of issue 9's first two rounds. It was scored four
times and then, for the third round, retired: it is DEVELOPMENT data now (its misses were
read and mechanisms designed from their classes). The bars below are development bars:
they catch regressions, they do not measure the mechanisms on unseen data (the lead's
frozen eval_v3 does: tests/core/test_spell_eval_v3.py; this file reads eval_v3's words only to keep
them out of the curated lists). eval_v2's words still never enter a curated list.

Measured on 2026-12-01 (docs/SPELLING.md). Before issue 9: recall 0.842, first suggestion
0.647, false flags 2.14 %. First round: 0.916 / 0.758 / 1.79 %. Second round: 0.907 /
0.767 / 1.17 % in context (1.52 % judging each word alone). Third round (eval_v2 as
development data): recall 0.944, first 0.837, false flags 0.77 % in context, 1.52 %
isolated, the same with the curated list emptied. Fourth round (2026-12-02): recall 0.944,
first 0.847, false flags unchanged. The bars sit just under these figures.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from pathlib import Path

import pytest

from benchmarks.spell_quality import Scores, prose_words, read_typos, score
from editor_app.core import resources
from editor_app.core.text.hindi_lexicon import load_lexicon
from editor_app.core.text.spell import SpellChecker, load_enchant_dicts
from tests.conftest import every_source_speller

DATA = Path(__file__).resolve().parent.parent / "data" / "spelling"
EVAL = DATA / "eval_v2"
DEV = DATA / "dev_v2"
#: Development sets (their misses may be read and mechanisms designed from them).
DEV_SETS = ("eval_v2", "dev_v2", "dev_v3")
#: Development sets collected, when eval_v2 was still frozen, to share nothing with it.
COLLECTED_AGAINST_EVAL_V2 = ("dev_v2", "dev_v3")
#: Typo sets still scored as held-out sets (never used for tuning).
EVAL_TYPO_SETS = ("heldout", "heldout2")
#: Sets no curated list may hold a word of: the frozen evaluation sets (eval_v3 on), the
#: held-out sets and eval_v2, which stays out of the lists as a development set
#: (mechanisms, not lists, must catch its words).
LIST_DISJOINT_SETS = ("eval_v5", "eval_v4", "eval_v3", "eval_v2", *EVAL_TYPO_SETS)
RESOURCES = Path(resources.resource_path("spelling"))


def _rows(path: Path) -> list[list[str]]:
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def _eval_typos() -> set[str]:
    words = {case.typo for name in LIST_DISJOINT_SETS for case in read_typos(name)}
    words |= {row[0] for row in _rows(DATA / "verbs_typos.tsv")}
    return words


# ------------------------------------------------------------------ the data


def test_eval_v2_is_big_cited_and_nfc() -> None:
    rows = _rows(EVAL / "typos.tsv")
    assert len(rows) >= 200
    assert len({row[0] for row in rows}) == len(rows)  # each misspelling once
    for typo, correct, kind, url, fragment in rows:
        assert url.startswith(("http://", "https://")), typo
        assert typo in fragment, typo  # the word as it was printed
        assert typo != correct and kind
        assert unicodedata.normalize("NFC", typo) == typo
    text = (EVAL / "prose.txt").read_text(encoding="utf-8")
    assert unicodedata.normalize("NFC", text) == text
    sources = [line for line in text.splitlines() if line.startswith("@@ ")]
    assert len(sources) >= 30 and all(" http" in line for line in sources)
    assert len(prose_words("eval_v2")) >= 3000


def test_no_curated_list_holds_a_word_of_an_evaluation_set() -> None:
    typos = _eval_typos()
    misspellings = {row[0].strip() for row in _rows(RESOURCES / "hi_misspellings.tsv")}
    assert not misspellings & typos, sorted(misspellings & typos)
    for name in ("hi_supplement.txt", "hi_valid_forms.txt", "hi_function_words.txt"):
        listed = {line.split("#", 1)[0].strip()
                  for line in (RESOURCES / name).read_text(encoding="utf-8").splitlines()}
        assert not listed & typos, (name, sorted(listed & typos))
    # The loaded lexicon agrees (NFC applied on load).
    lexicon = load_lexicon(RESOURCES)
    assert not set(lexicon.misspellings) & typos


def _pages(path: Path) -> set[str]:
    return {line[3:].strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.startswith("@@ ")}


@pytest.mark.parametrize("dev_name", COLLECTED_AGAINST_EVAL_V2)
def test_development_set_is_disjoint_from_eval_v2(dev_name: str) -> None:
    dev = _rows(DATA / dev_name / "typos.tsv")
    frozen = _rows(EVAL / "typos.tsv")
    assert not {row[0] for row in dev} & {row[0] for row in frozen}
    assert not {row[3] for row in dev} & {row[3] for row in frozen}
    # No source page in common either way (typo rows and prose passages).
    eval_pages = _pages(EVAL / "prose.txt") | {row[3] for row in frozen}
    dev_pages = _pages(DATA / dev_name / "prose.txt") | {row[3] for row in dev}
    assert not dev_pages & eval_pages


def test_development_set_v3_shares_no_misspelling_with_any_evaluation_set() -> None:
    """dev_v3 was filtered against every evaluation set (dev_v2 only against eval_v2)."""
    dev = {row[0] for row in _rows(DATA / "dev_v3" / "typos.tsv")}
    assert not dev & _eval_typos(), sorted(dev & _eval_typos())


def test_development_set_v3_is_cited_and_big_enough() -> None:
    rows = _rows(DATA / "dev_v3" / "typos.tsv")
    assert len(rows) >= 50
    for typo, correct, kind, url, fragment in rows:
        assert url.startswith(("http://", "https://")) and typo in fragment and kind, typo
        assert unicodedata.normalize("NFC", typo) == typo and typo not in correct.split("|")
    assert len(prose_words("dev_v3")) >= 1500


# ------------------------------------------------------------------ the bars


@pytest.fixture(scope="module")
def speller() -> SpellChecker:
    return every_source_speller()


@pytest.fixture(scope="module")
def full_scores(speller: SpellChecker) -> Scores:
    return score(speller, "eval_v2")


def test_development_bars_on_eval_v2(full_scores: Scores) -> None:
    print(f"\n[eval_v2] recall={full_scores.recall:.3f} "
          f"first={full_scores.first_right:.3f} top5={full_scores.top5_right:.3f} "
          f"false-flags={full_scores.false_flag_rate:.4f}")
    assert full_scores.cases >= 200
    # Third round (development data): recall 0.944 (second round 0.907, first 0.916, before
    # 0.842), first 0.837 (0.767, 0.758, 0.647), false flags in context 0.77 % (1.17 %),
    # each word alone 1.52 % (1.52 %, 1.79 %, 2.14 %).
    assert full_scores.recall >= 0.94
    assert full_scores.first_right >= 0.849  # fifth 0.851 (fourth 0.847: the oblique plural)
    assert full_scores.false_flag_rate <= 0.0075  # fifth round 0.72 % (fourth 0.77 %)
    assert full_scores.isolated_false_flag_rate <= 0.0155


def test_bars_on_the_mechanisms_alone(speller: SpellChecker) -> None:
    lexicon = load_lexicon(RESOURCES)
    hindi, english = load_enchant_dicts()
    bare = SpellChecker(hindi, english, lexicon=dataclasses.replace(lexicon, misspellings={}))
    scores = score(bare, "eval_v2")
    assert scores.recall >= 0.94  # third round 0.944 (0.907, 0.916, before 0.837)
    assert scores.first_right >= 0.849  # fifth 0.851 (fourth 0.847, third 0.837)


def test_beats_bare_hunspell_on_every_measure(full_scores: Scores) -> None:
    """hunspell-hi alone on the same set: recall 0.874, first 0.344, false flags 11.7 %."""
    assert full_scores.recall > 0.874
    assert full_scores.first_right > 0.344 * 2
    assert full_scores.false_flag_rate < 0.1166 / 5
