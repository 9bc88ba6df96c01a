"""Ranking spelling suggestions: a weighted akshara distance, frequency and typo-model cost.

Contract:
- :func:`akshara_distance` is a weighted Damerau-Levenshtein distance over grapheme
  clusters (``\\X``), so a conjunct is never split when comparing; clusters that differ only
  in vowel signs, nukta or nasal marks cost less than unrelated clusters.
- :func:`rank` orders candidates (from :func:`~editor_app.core.text.suggest.candidate_edits`
  or elsewhere) best first by typo-model cost or distance, less a weight of their frequency.
- Pure functions; no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import regex

from editor_app.core.text.devanagari_letters import MARKS, VIRAMA, skeleton

__all__ = ["MARK_COST", "SHORTER_PENALTY", "akshara_distance", "rank"]

_GRAPHEME = regex.compile(r"\X")

#: Cost of each vowel sign, nasal mark or nukta that differs between two aksharas with the
#: same consonants (ड -> ड़ is one, डा -> ड़ two), capped below an unrelated akshara.
MARK_COST = 0.25
_MARK_COST_CAP = 0.9
#: Added to a candidate with fewer aksharas than the typo when no typo model explains the
#: lost akshara cheaply (rank): typists drop letters far more often than they add a whole
#: syllable, so रक्दान is रक्तदान before रन.
SHORTER_PENALTY = 0.5


def _cluster_cost(a: str, b: str) -> float:
    if a == b:
        return 0.0
    if skeleton(a) == skeleton(b):
        marks_a = [c for c in a if c in MARKS and c != VIRAMA]
        marks_b = [c for c in b if c in MARKS and c != VIRAMA]
        differing = sum(1 for c in marks_a if c not in marks_b) + sum(
            1 for c in marks_b if c not in marks_a)
        return min(_MARK_COST_CAP, MARK_COST * max(differing, 1))
    return 1.0


@lru_cache(maxsize=65536)
def akshara_distance(a: str, b: str) -> float:
    """Weighted Damerau-Levenshtein distance between ``a`` and ``b`` over aksharas."""
    x = [m.group() for m in _GRAPHEME.finditer(a)]
    y = [m.group() for m in _GRAPHEME.finditer(b)]
    rows = len(x) + 1
    cols = len(y) + 1
    dist = [[0.0] * cols for _ in range(rows)]
    for i in range(rows):
        dist[i][0] = float(i)
    for j in range(cols):
        dist[0][j] = float(j)
    for i in range(1, rows):
        for j in range(1, cols):
            best = min(
                dist[i - 1][j] + 1.0,
                dist[i][j - 1] + 1.0,
                dist[i - 1][j - 1] + _cluster_cost(x[i - 1], y[j - 1]),
            )
            if i > 1 and j > 1 and x[i - 1] == y[j - 2] and x[i - 2] == y[j - 1]:
                best = min(best, dist[i - 2][j - 2] + 0.6)
            dist[i][j] = best
    return dist[-1][-1]


def rank(
    word: str,
    candidates: Iterable[tuple[str, float]],
    zipf: dict[str, float],
    *,
    freq_weight: float = 0.3,
) -> list[str]:
    """Order ``candidates`` (``(candidate, model_cost)``) best first.

    The score is ``min(model_cost, akshara_distance) - freq_weight * zipf`` (lower is better);
    ``zipf`` gives each candidate's Zipf frequency (missing means 0). Duplicates keep their
    lowest cost; ``word`` itself is never returned.
    """
    best: dict[str, float] = {}
    for candidate, cost in candidates:
        if candidate == word:
            continue
        if candidate not in best or cost < best[candidate]:
            best[candidate] = cost
    scored = []
    size = len(_GRAPHEME.findall(word))
    for candidate, cost in best.items():
        length = len(_GRAPHEME.findall(candidate))
        if " " not in candidate and size >= 2 and length < max(2, (size + 1) // 2):
            continue  # far shorter than the word: not a plausible correction
        distance = cost if " " in candidate else min(cost, akshara_distance(word, candidate))
        if length < size and distance >= 1.0 and " " not in candidate:
            distance += SHORTER_PENALTY  # a whole akshara is rarely typed in excess
        scored.append((distance - freq_weight * zipf.get(candidate, 0.0), candidate))
    scored.sort()
    return [candidate for _, candidate in scored]
