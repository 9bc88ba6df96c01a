"""Spell-check speed in CPU time (``time.process_time``), for A/B runs on a busy machine.

Wall-clock medians in ``bench_core.py`` move by 2x when other jobs share the cores; CPU time
of this process moves far less. Cold = a fresh checker's first full pass over the 20,000-word
benchmark article (word lists and indexes already loaded, as after the warm-up); warm = the
same checker again (cached verdicts). Also the warm-up cost of the word lists.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_spell_cpu.py [--rounds 7]

Run it alternately on two checkouts and compare medians (docs/BENCHMARKS.md).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_core import make_article

from editor_app.core.text.spell import SpellChecker, create_spell_checker


def _cpu_ms(action: Callable[[], object]) -> float:
    start = time.process_time()
    action()
    return (time.process_time() - start) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args(argv)
    text = make_article()
    warmup = _cpu_ms(lambda: create_spell_checker(None, None).preload())
    cold: list[float] = []
    warm: list[float] = []
    findings = 0
    for _ in range(args.rounds):
        checker = create_spell_checker(None, None)

        def full_pass(checker: SpellChecker = checker) -> object:
            return checker.check(text, suggestions=False)

        cold.append(_cpu_ms(full_pass))
        warm.append(_cpu_ms(full_pass))
        findings = len(checker.check(text, suggestions=False))
    print(f"warm-up (word lists) {warmup:.0f} ms CPU; 20k words cold "
          f"{statistics.median(cold):.0f} ms, warm {statistics.median(warm):.0f} ms CPU "
          f"(medians of {args.rounds}); {findings} findings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
