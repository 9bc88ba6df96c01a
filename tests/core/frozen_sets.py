"""Checks shared by the frozen spelling evaluation sets' tests (eval_v3, eval_v4): the
data is big, cited and NFC, and shares no misspelling and no source page with the sets
that came before it. Not a test module: the per-set modules call these."""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from benchmarks.spell_quality import Scores, prose_words, read_typos
from editor_app.core import resources
from editor_app.core.text.hindi_lexicon import load_lexicon
from editor_app.core.text.spell import SpellChecker, load_enchant_dicts

DATA = Path(__file__).resolve().parent.parent / "data" / "spelling"
RESOURCES = Path(resources.resource_path("spelling"))


def rows(path: Path) -> list[list[str]]:
    """The tab-separated rows of a typo file (comments and blank lines left out)."""
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def pages(folder: Path) -> set[str]:
    """Every source page a set cites: its typo rows' URLs and its prose passages' ones."""
    prose = folder / "prose.txt"
    cited = {line[3:].strip() for line in prose.read_text(encoding="utf-8").splitlines()
             if line.startswith("@@ ")} if prose.is_file() else set()
    return cited | {row[3] for row in rows(folder / "typos.tsv")}


def frozen_typos(name: str) -> set[str]:
    """The misspellings of the set folder ``name``."""
    return {row[0] for row in rows(DATA / name / "typos.tsv")}


def check_big_cited_and_nfc(name: str, *, min_typos: int = 200, min_pages: int = 30,
                            min_tokens: int = 3000) -> None:
    """Each misspelling once, as printed in its cited fragment, NFC; enough cited prose."""
    folder = DATA / name
    table = rows(folder / "typos.tsv")
    assert len(table) >= min_typos
    assert len({row[0] for row in table}) == len(table)  # each misspelling once
    for row in table:
        assert len(row) == 5, row
        typo, correct, kind, url, fragment = row
        assert url.startswith(("http://", "https://")), typo
        assert typo in fragment, typo  # the word as it was printed
        assert typo not in correct.split("|") and kind, typo
        assert unicodedata.normalize("NFC", typo) == typo
    text = (folder / "prose.txt").read_text(encoding="utf-8")
    assert unicodedata.normalize("NFC", text) == text
    sources = [line for line in text.splitlines() if line.startswith("@@ ")]
    assert len(sources) >= min_pages and all(" http" in line for line in sources)
    assert len(prose_words(name)) >= min_tokens


def shared_misspellings(name: str, earlier: Iterable[str]) -> set[str]:
    """Misspellings of ``name`` that an earlier typo set (or verbs_typos.tsv) holds."""
    words = {case.typo for other in earlier for case in read_typos(other)}
    words |= {row[0] for row in rows(DATA / "verbs_typos.tsv")}
    return frozen_typos(name) & words


def shared_pages(name: str, earlier_folder: str) -> set[str]:
    """Source pages ``name`` shares with the set folder ``earlier_folder``."""
    return pages(DATA / name) & pages(DATA / earlier_folder)


def check_frozen_data(name: str, earlier_cited: Iterable[str],
                      earlier_typos: Iterable[str]) -> None:
    """Every data rule of a frozen set at once: big, cited, NFC; no misspelling shared with
    ``earlier_typos``; no source page shared with any of ``earlier_cited``."""
    check_big_cited_and_nfc(name)
    shared = shared_misspellings(name, earlier_typos)
    assert not shared, sorted(shared)
    for other in earlier_cited:
        pages_shared = shared_pages(name, other)
        assert not pages_shared, (other, sorted(pages_shared))


def checker_without_curated_list() -> SpellChecker:
    """The full checker's sources with the curated misspelling list emptied (the issue's
    bars on the mechanisms alone)."""
    lexicon = load_lexicon(RESOURCES)
    hindi, english = load_enchant_dicts()
    return SpellChecker(hindi, english, lexicon=dataclasses.replace(lexicon, misspellings={}))


def report(name: str, scores: Scores) -> str:
    """One line of figures, printed by the bar tests (``pytest -s`` shows it)."""
    return (f"\n[{name}] recall={scores.recall:.3f} first={scores.first_right:.3f} "
            f"top5={scores.top5_right:.3f} false-flags={scores.false_flag_rate:.4f} "
            f"isolated={scores.isolated_false_flag_rate:.4f}")


def assert_unlisted(labelled: Iterable[str], words: Iterable[str]) -> None:
    """None of ``words`` is in a curated list or is a word (typo or correction) of one of
    the ``labelled`` sets: the mechanism tests' words must be new to every list."""
    lexicon = load_lexicon(RESOURCES)
    listed = {*lexicon.misspellings, *lexicon.misspellings.values(), *lexicon.supplement,
              *lexicon.valid_forms, *lexicon.function_words}
    for name in labelled:
        for case in read_typos(name):
            listed |= {case.typo, *case.correct}
    shared = listed & set(words)
    assert not shared, sorted(shared)
