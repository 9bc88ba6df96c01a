"""Helpers for storage-fault tests: a populated SQLite file, and damaging it."""

from __future__ import annotations

import random
from pathlib import Path

from editor_app.core.article_data import ArticleData, BylineData
from editor_app.core.articles import ArticleService
from editor_app.core.db import open_database
from editor_app.core.profiles import create_profile

PAGE = 4096


def populated_sqlite(path: Path, articles: int = 30) -> None:
    """A migrated SQLite file with a profile and ``articles`` articles of a few pages each,
    closed (WAL checkpointed) so the file alone holds everything."""
    path.parent.mkdir(parents=True, exist_ok=True)
    db = open_database(f"sqlite:///{path}")
    try:
        create_profile(db, "सीमा", "reporter")
        service = ArticleService(db, "सीमा")
        for n in range(articles):
            service.create(ArticleData(
                headline=f"जयपुर में बारिश {n}", body="पहला अनुच्छेद। बारिश हुई। " * 200,
                tags=("मौसम",), bylines=(BylineData(name="सीमा"),)))
    finally:
        db.close()
    assert not path.with_name(path.name + "-wal").exists()


def damage_pages(path: Path, *, first_page: int = 2, keep_header: bool = True) -> None:
    """Overwrite pages from ``first_page`` (1-based) to the end with random bytes."""
    rng = random.Random(7)
    size = path.stat().st_size
    with path.open("r+b") as handle:
        start = (first_page - 1) * PAGE
        if not keep_header:
            start = 0
        handle.seek(start)
        handle.write(bytes(rng.randrange(256) for _ in range(size - start)))
