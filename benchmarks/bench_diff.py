"""Diff engine speed (no GUI): ``diff_text`` on a 20,000-word Hindi article.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_diff.py [--rounds 5]

Cases, each against a baseline measured in the same run:
- few edits: 5 word edits spread over the article (what a copy editor's pass leaves);
- many edits: 200 word edits spread over the article;
- one long paragraph: the whole article as one paragraph with 5 edits (the sentence-level
  anchoring path);
- baseline: ``difflib.SequenceMatcher`` (autojunk=False) on the *lines* of the same
  texts, the cheapest diff a caller could make, and a plain token split (``regex``
  ``\\X``-based tokenisation) of the whole article.
Medians over the rounds, in milliseconds; figures go in docs/BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import difflib
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_editor import make_article

from editor_app.core.review.diff import apply_hunks, diff_text

_WORD = regex.compile(r"(?:(?=[\p{L}\p{M}\p{N}])\X)+")
_TOKENS = regex.compile(r"(?:(?=[\p{L}\p{M}\p{N}])\X)+|(?:(?=\s)\X)+|\X")


def _median_ms(fn: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _edit_words(text: str, count: int, seed: int) -> str:
    """``text`` with ``count`` words replaced, deleted or doubled at random places."""
    rng = random.Random(seed)
    spans = [m.span() for m in _WORD.finditer(text)]
    chosen = sorted(rng.sample(range(len(spans)), count), reverse=True)
    for index in chosen:
        start, end = spans[index]
        word = text[start:end]
        action = rng.choice(("replace", "delete", "insert"))
        if action == "replace":
            text = text[:start] + word[::-1][:3] + word[3:] + text[end:]
        elif action == "delete":
            text = text[:start] + text[end:]
        else:
            text = text[:end] + " नया" + text[end:]
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    article = make_article(20_000)
    one_paragraph = article.replace("\n\n", " ")
    cases = {
        "few edits (5)": (article, _edit_words(article, 5, 1)),
        "many edits (200)": (article, _edit_words(article, 200, 2)),
        "one long paragraph, 5 edits": (one_paragraph, _edit_words(one_paragraph, 5, 3)),
    }
    print(f"article: {len(_WORD.findall(article))} words, {len(article)} code points")
    baseline_lines = _median_ms(
        lambda: difflib.SequenceMatcher(None, article.splitlines(),
                                        cases["few edits (5)"][1].splitlines(),
                                        autojunk=False).get_opcodes(), args.rounds)
    baseline_tokens = _median_ms(lambda: _TOKENS.findall(article), args.rounds)
    print(f"baseline: line-level difflib {baseline_lines:.1f} ms; "
          f"tokenising the article once {baseline_tokens:.1f} ms")
    print("| case | hunks | diff_text ms | x line diff | x tokenise |")
    print("|---|---|---|---|---|")
    for name, (old, new) in cases.items():
        hunks = diff_text(old, new)
        assert apply_hunks(old, hunks) == new
        ms = _median_ms(lambda old=old, new=new: diff_text(old, new), args.rounds)
        print(f"| {name} | {len(hunks)} | {ms:.1f} | {ms / baseline_lines:.1f} | "
              f"{ms / baseline_tokens:.2f} |")


if __name__ == "__main__":
    main()
