"""Core speed benchmark (no GUI): lint, spell-check and search, each against a baseline
measured in the same run.

    .venv/bin/python benchmarks/bench_core.py [--rounds 5]

- lint: ``lint_text`` on a 20,000-word article vs a bare word scan of the same text
  (``regex`` ``[\\p{L}\\p{M}]+``): how many times a plain pass over the words the full
  copy-desk check costs.
- spell: ``SpellChecker.check`` (cold = fresh checker, warm = cached) vs raw enchant
  ``hi_IN`` ``check`` on every word (no inflection, no frequency evidence, no cache).
- canonical body: ``canonical_markdown`` (what every save applies) on a 20,000-word
  Markdown article, cold (empty caches, as for ``sampadak new``) and warm (an autosave
  right after the editor wrote the same text) vs the NFC pass every save already made.
- check one huge word: ``sampadak check`` (in-process, a temporary profile) on a file
  holding one 10,000-letter Devanagari word vs the same command on 10,000 letters of
  ordinary prose (before the word-length cap, a single 60-letter word took over a minute).
- search: indexing 500 generated articles (ORM insert with the index kept in sync) vs the
  same insert with search sync switched off; a 3-word query vs a Python substring scan of
  all headlines and bodies.
Medians over the rounds; figures go in docs/BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import random
import statistics
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_editor import make_article

from editor_app.app import main as sampadak_main
from editor_app.core import markdown_inline, markdown_model
from editor_app.core.db import open_database
from editor_app.core.models import Article
from editor_app.core.search import install_search_sync, search, uninstall_search_sync
from editor_app.core.text.lint import lint_text
from editor_app.core.text.spell import create_spell_checker

_WORD = regex.compile(r"[\p{L}\p{M}]+")


def _median_ms(fn: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _articles(count: int, words: list[str], seed: int) -> list[Article]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        body = " ".join(rng.choice(words) for _ in range(rng.randint(200, 600)))
        headline = " ".join(rng.choice(words) for _ in range(8))
        out.append(Article(headline=headline, body=body))
    return out


def _check_huge_word(prose: str, rounds: int) -> tuple[float, float]:
    """ms of ``sampadak check`` on one 10,000-letter word, and on 10,000 letters of prose."""
    with tempfile.TemporaryDirectory() as folder:
        huge = Path(folder) / "huge.txt"
        huge.write_text("क" * 10_000 + "\n", encoding="utf-8")
        normal = Path(folder) / "prose.txt"
        normal.write_text(prose[:10_000] + "\n", encoding="utf-8")
        profile = str(Path(folder) / "profile")

        def check(path: Path) -> Callable[[], object]:
            def run() -> object:
                with contextlib.redirect_stdout(io.StringIO()):
                    return sampadak_main(["--profile", profile, "check", str(path)])
            return run

        check(normal)()  # create the profile database once
        return _median_ms(check(huge), rounds), _median_ms(check(normal), rounds)


def bench(rounds: int) -> list[tuple[str, float, float]]:
    """Rows of (what, sampadak ms, baseline ms)."""
    text = make_article()
    rows = []
    lint_text(text[:3000])  # warm the lint caches
    rows.append(("lint 20k words", _median_ms(lambda: lint_text(text), rounds),
                 _median_ms(lambda: _WORD.findall(text), rounds)))
    checker = create_spell_checker(None, None)
    if checker.available:
        import enchant

        raw = enchant.Dict("hi_IN")
        cold = _median_ms(lambda: create_spell_checker(None, None).check(
            text, suggestions=False), rounds)
        checker.check(text, suggestions=False)
        warm = _median_ms(lambda: checker.check(text, suggestions=False), rounds)
        base = _median_ms(lambda: [raw.check(w) for w in _WORD.findall(text)], rounds)
        rows.append(("spell-check 20k words, cold", cold, base))
        rows.append(("spell-check 20k words, warm", warm, base))

    def cold_canonical() -> object:
        markdown_model._canonical_cache.clear()
        markdown_inline._parse_inline.cache_clear()
        markdown_inline._render_inline.cache_clear()
        return markdown_model.canonical_markdown(text)

    nfc = _median_ms(lambda: unicodedata.normalize("NFC", text), rounds)
    rows.append(("canonical body 20k words, cold", _median_ms(cold_canonical, rounds), nfc))
    markdown_model.canonical_markdown(text)
    rows.append(("canonical body 20k words, warm",
                 _median_ms(lambda: markdown_model.canonical_markdown(text), rounds), nfc))
    rows.append(("`sampadak check`, one 10,000-letter word",
                 *_check_huge_word(text, rounds)))
    words = _WORD.findall(text)
    with tempfile.TemporaryDirectory() as folder:
        synced = open_database(f"sqlite:///{folder}/a.sqlite")
        start = time.perf_counter()
        with synced.session() as session:
            session.add_all(_articles(500, words, 1))
        with_index = (time.perf_counter() - start) * 1000
        uninstall_search_sync()
        try:
            plain = open_database(f"sqlite:///{folder}/b.sqlite")
            start = time.perf_counter()
            with plain.session() as session:
                session.add_all(_articles(500, words, 1))
            without = (time.perf_counter() - start) * 1000
        finally:
            install_search_sync()
        rows.append(("insert 500 articles (index synced)", with_index, without))

        def query() -> object:
            with synced.session() as session:
                return search(session, "नगर निगम बजट", limit=50)

        def scan() -> object:
            with synced.session() as session:
                needles = ("नगर", "निगम", "बजट")
                return [a.id for a in session.query(Article)
                        if all(n in a.headline or n in a.body for n in needles)]

        rows.append(("search 3 words over 500", _median_ms(query, rounds),
                     _median_ms(scan, rounds)))
        synced.close()
        plain.close()
    return rows


def main() -> None:
    """Print a Markdown table of the figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    print("| what | sampadak ms | baseline ms | ratio |")
    print("|---|---|---|---|")
    for what, ours, base in bench(args.rounds):
        print(f"| {what} | {ours:.1f} | {base:.1f} | {ours / base:.2f}x |")


if __name__ == "__main__":
    main()
