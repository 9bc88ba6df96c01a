"""The benchmark news generator: deterministic, varied, with bylines, tags and dates."""

from __future__ import annotations

import unicodedata
from datetime import date

import regex

from benchmarks.newsgen import (
    FIRST_DATE,
    LAST_DATE,
    REPORTERS,
    _typo,
    article,
    articles,
    news_document,
    tag_pool,
)

_WORD = regex.compile(r"[\p{L}\p{M}]+")


def test_same_seed_and_index_give_the_same_article_whatever_the_batch() -> None:
    batch = list(articles(7, 40))
    assert batch == list(articles(7, 40))
    assert article(7, 25) == batch[25]
    assert list(articles(7, 5, start=30)) == batch[30:35]
    assert article(8, 25) != batch[25]


def test_articles_differ_and_carry_bylines_tags_dates_and_subheads() -> None:
    batch = list(articles(3, 200))
    assert len({a.body for a in batch}) == 200
    assert len({a.headline for a in batch}) > 190
    pool = set(tag_pool())
    assert 250 <= len(pool) <= 350
    for item in batch:
        assert item.headline and item.dek and item.category and item.dateline_place
        assert 1 <= len(item.bylines) <= 3
        assert all(b.name and b.name_latin and b.designation and b.outlet
                   for b in item.bylines)
        assert set(item.bylines) <= set(REPORTERS)
        assert 1 <= len(item.tags) <= 5 and set(item.tags) <= pool
        assert item.dateline_date is not None
        assert FIRST_DATE <= item.dateline_date <= LAST_DATE
        for text in (item.headline, item.dek, item.body):
            assert unicodedata.normalize("NFC", text) == text
    dates = sorted(a.dateline_date for a in batch if a.dateline_date)
    assert (dates[-1] - dates[0]).days > 600  # spread over the two years
    assert sum("\n## " in a.body for a in batch) > 100
    assert len({b for a in batch for b in a.bylines}) > 60
    assert len({t for a in batch for t in a.tags}) > 150
    words = [len(a.body.split()) for a in batch]
    assert min(words) >= 100 and max(words) <= 900


def test_prose_mixes_scripts_digits_quotes_and_typos() -> None:
    batch = list(articles(5, 100))
    text = "\n".join(a.body for a in batch)
    assert regex.search(r"\b(GST|IPL|Covid|UPI|FIR|CCTV)\b", text)
    assert regex.search(r"[०-९]", text) and regex.search(r"[0-9]", text)
    assert "“" in text and "”" in text
    assert "ऱ" in text  # RRA typed for र, a typo the desk must catch
    clean = "\n".join(article(5, i, typo_rate=0.0).body for i in range(100))
    assert "ऱ" not in clean
    typo_words = set(_WORD.findall(text)) - set(_WORD.findall(clean))
    assert len(typo_words) > 200


def test_typos_are_the_realistic_kinds() -> None:
    import random

    seen = {_typo("स्वागत", random.Random(i)) for i in range(200)}
    assert "सवागत" in seen  # half letter typed as a full one
    assert "सड़क" not in {_typo("सड़क", random.Random(i)) for i in range(50)}
    assert "सडक" in {_typo("सड़क", random.Random(i)) for i in range(50)}  # nukta dropped


def test_news_document_is_a_long_markdown_story() -> None:
    doc = news_document(20_000, seed=11)
    assert 20_000 <= len(doc.split()) <= 22_000
    assert doc.count("\n## ") > 40
    assert doc == news_document(20_000, seed=11)
    assert date(2024, 1, 1) < FIRST_DATE
