"""Build (and cache) an archive database of N generated Hindi news articles.

    PYTHONPATH=. .venv/bin/python benchmarks/gen_archive.py 10000 [--seed 1] [--path FILE]

Articles come from :mod:`benchmarks.newsgen` and go in through the article service, as an
import would: ``ArticleService.create_many`` (the batch API) when it exists, otherwise
``ArticleService.create`` one by one (only allowed for small N: before the batch API, each
create re-indexed every other article of its byline people, so large N would take hours).
The database also gets a local profile, so the GUI opens it without the first-run dialog.

Cache: ``/tmp/sampadak-bench/archive-<N>-<seed>-g<generator>-<schema head>.sqlite`` plus a ``.json``
with the build figures (seconds, articles/s, bytes per article). A cached archive is reused
when both files exist; the build writes to a temporary name and renames at the end, so an
interrupted build is never reused.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import os
import sqlite3
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

_ROOT = Path(__file__).resolve().parent.parent
if str(_ROOT) not in sys.path:
    sys.path.insert(0, str(_ROOT))

from benchmarks.newsgen import GENERATOR_VERSION, article  # noqa: E402
from editor_app.core.article_data import ArticleData  # noqa: E402
from editor_app.core.articles import ArticleService  # noqa: E402
from editor_app.core.db import open_database, sqlite_url_for  # noqa: E402
from editor_app.core.profiles import Role, create_profile, local_profile  # noqa: E402
from editor_app.core.resources import resource_path  # noqa: E402
from editor_app.core.sample import create_sample_article  # noqa: E402

__all__ = ["CACHE_DIR", "PROFILE_NAME", "archive_path", "build_archive", "ensure_archive",
           "ensure_sample_db", "has_batch_api", "schema_head"]

log = logging.getLogger("gen_archive")

CACHE_DIR = Path(os.environ.get("SAMPADAK_BENCH_CACHE", "/tmp/sampadak-bench"))
PROFILE_NAME = "बेंच संपादक"
#: Largest N built through one-by-one ``create`` (the pre-batch-API fallback).
SLOW_PATH_LIMIT = 3_000


def schema_head() -> str:
    """The newest migration's revision prefix plus a hash of every migration file (part of
    the cache key: a migration edited in place also invalidates cached archives)."""
    versions = _ROOT / "editor_app" / "core" / "migrations" / "versions"
    files = sorted(versions.glob("[0-9]*.py"))
    digest = hashlib.sha1(b"".join(f.read_bytes() for f in files)).hexdigest()[:8]
    return f"{files[-1].stem.split('_')[0]}.{digest}" if files else "0"


def has_batch_api() -> bool:
    """True when ``ArticleService.create_many`` exists (issue 7's batch API)."""
    return callable(getattr(ArticleService, "create_many", None))


def archive_path(count: int, seed: int) -> Path:
    """Cache location of the archive of ``count`` articles seeded with ``seed``."""
    return CACHE_DIR / f"archive-{count}-{seed}-g{GENERATOR_VERSION}-{schema_head()}.sqlite"


def _progress(items: Iterable[ArticleData], total: int) -> Iterator[ArticleData]:
    start = time.perf_counter()
    for i, item in enumerate(items, 1):
        yield item
        if i % 10_000 == 0:
            rate = i / (time.perf_counter() - start)
            log.info("%d / %d articles (%.0f/s)", i, total, rate)


def _checkpoint(path: Path) -> None:
    """Fold the WAL into the main file so its size is the database's size."""
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def build_archive(path: Path, count: int, seed: int = 1, *, chunk_size: int = 500,
                  allow_slow: bool = False) -> dict[str, Any]:
    """Create ``path`` holding ``count`` generated articles; return the build figures."""
    schema = schema_head()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    db = open_database(sqlite_url_for(path))
    try:
        profile = local_profile(db) or create_profile(db, PROFILE_NAME, Role.DESK_CHIEF)
        service = ArticleService(db, profile.name)
        items = _progress((article(seed, i) for i in range(count)), count)
        start = time.perf_counter()
        if has_batch_api():
            method = "create_many"
            ids = service.create_many(items, chunk_size=chunk_size, note="imported")
            created = len(ids)
        else:
            if count > SLOW_PATH_LIMIT and not allow_slow:
                raise SystemExit(f"no ArticleService.create_many yet: one-by-one create of "
                                 f"{count} articles is quadratic; use N <= {SLOW_PATH_LIMIT} "
                                 f"or --allow-slow")
            method = "create"
            created = 0
            for item in items:
                service.create(item, note="imported")
                created += 1
        seconds = time.perf_counter() - start
    finally:
        db.close()
    _checkpoint(path)
    size = path.stat().st_size
    return {"count": created, "seed": seed, "method": method, "seconds": seconds,
            "rate_per_s": created / seconds if seconds else 0.0, "bytes": size,
            "bytes_per_article": size / max(created, 1), "schema": schema}


def ensure_archive(count: int, seed: int = 1, *, rebuild: bool = False,
                   allow_slow: bool = False) -> tuple[Path, dict[str, Any]]:
    """The cached archive of ``count`` articles (built first if missing) and its figures."""
    path = archive_path(count, seed)
    meta_path = path.with_suffix(".json")
    if not rebuild and path.exists() and meta_path.exists():
        meta: dict[str, Any] = json.loads(meta_path.read_text(encoding="utf-8"))
        meta["cached"] = True
        return path, meta
    tmp = path.with_name(path.name + ".building")
    meta = build_archive(tmp, count, seed, allow_slow=allow_slow)
    for suffix in ("-wal", "-shm"):
        Path(f"{tmp}{suffix}").unlink(missing_ok=True)
    tmp.replace(path)
    meta_path.write_text(json.dumps(meta, indent=2), encoding="utf-8")
    meta["cached"] = False
    return path, meta


def ensure_sample_db(folder: Path) -> Path:
    """A fresh database in ``folder`` with the profile and the first-run sample article
    (what a new user's window opens on)."""
    path = folder / f"sample-{schema_head()}.sqlite"
    if path.exists():
        return path
    folder.mkdir(parents=True, exist_ok=True)
    db = open_database(sqlite_url_for(path))
    try:
        profile = create_profile(db, PROFILE_NAME, Role.DESK_CHIEF)
        create_sample_article(ArticleService(db, profile.name),
                              resource_path("samples", "sample_article.md"))
    finally:
        db.close()
    _checkpoint(path)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description="build a cached archive of N articles")
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--path", type=Path, help="build here (no cache) instead")
    parser.add_argument("--rebuild", action="store_true", help="ignore the cache")
    parser.add_argument("--allow-slow", action="store_true",
                        help="allow one-by-one create() for large N (no batch API)")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if args.path:
        meta = build_archive(args.path, args.count, args.seed, allow_slow=args.allow_slow)
        path = args.path
    else:
        path, meta = ensure_archive(args.count, args.seed, rebuild=args.rebuild,
                                    allow_slow=args.allow_slow)
    sys.stdout.write(json.dumps({"path": str(path), **meta}) + "\n")


if __name__ == "__main__":
    main()
