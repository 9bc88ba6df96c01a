"""The search index's key text of a long body: the same keys, a bounded transient peak.

``index_key_text`` runs on every save (the worker thread re-indexes the saved article). It
used to hold a ``str`` per token twice over (the token list and the key list joined): ~4 MiB
of Python heap at 20,000 words, allocated and freed on each autosave.
"""

from __future__ import annotations

import tracemalloc
from pathlib import Path

from editor_app.core.search_text import _DROP, index_key_text
from editor_app.core.text.normalize import fold, to_nfc
from editor_app.core.text.tokenize import iter_token_texts, token_texts

ROOT = Path(__file__).resolve().parents[2]


def _long_body(words: int = 20_000) -> str:
    """The scraped-style sample repeated (numbered, so numbers differ) to ``words`` words."""
    sample = (ROOT / "tests/data/samples/scraped-style-article-hi.txt").read_text("utf-8")
    parts: list[str] = []
    count = 0
    n = 0
    while count < words:
        n += 1
        parts.append(f"{n}. " + sample)
        count += len(sample.split()) + 1
    return "\n\n".join(parts)


def _reference(text: str) -> str:
    """The former implementation, kept here as the oracle."""
    folded = fold(to_nfc(text))
    return " ".join(key for token in token_texts(folded) if (key := token.translate(_DROP)))


def test_same_keys_as_before_on_a_long_body() -> None:
    body = _long_body()
    assert index_key_text(body) == _reference(body)
    assert list(iter_token_texts(body)) == token_texts(body)


def _peak_mib(fn, text: str) -> float:
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        result = fn(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return (peak - base - len(result) * 2) / 2**20  # the result itself is not transient


def test_transient_peak_is_bounded() -> None:
    body = _long_body()
    assert len(body.split()) >= 20_000
    before = _peak_mib(_reference, body)
    after = _peak_mib(index_key_text, body)
    assert before > 2.5  # the oracle does hold every token twice (guards the measure)
    # what is left is the folded copies of the body and one pointer per token
    assert after < 0.6 * before, f"{after:.2f} MiB at the peak (the reference: {before:.2f})"
