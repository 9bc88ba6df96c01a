"""Newsroom-scale benchmark on PostgreSQL (issue 8 item 7): the core figures of
:mod:`benchmarks.bench_scale` (bulk create, save, list first page, search) on a server.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_scale_pg.py \\
        --server postgresql+psycopg://postgres@127.0.0.1:54340/postgres \\
        [--sizes 10000,100000] [--sqlite] [--json out.json]

``--server`` names any database on the server (the maintenance database ``postgres`` will
do): one database per archive, ``sampadak_bench_<N>_<seed>_<schema>``, is created next to
it, migrated by the app and filled with ``COPY`` from the cached SQLite archive of the same
size (:mod:`benchmarks.pg_copy_archive`: the rows ``create_many`` made there, search
vectors computed by the server from the same keys), or with ``--build create_many``
through ``ArticleService.create_many`` on the server; then ``VACUUM ANALYZE``d (what
autovacuum does soon after a bulk import; without statistics the planner guesses). A built
database is reused while its build figures exist in the cache folder (``--rebuild`` drops
it). ``--sqlite`` also measures the SQLite archive of each size in the same run, for the
comparison.

Start a throwaway server the way ``packaging/postgres_test.sh`` does (see docs/BENCHMARKS.md).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from pathlib import Path
from typing import Any

_ROOT = Path(__file__).resolve().parent.parent
if str(_ROOT) not in sys.path:
    sys.path.insert(0, str(_ROOT))

import sqlalchemy as sa  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402
from sqlalchemy.pool import NullPool  # noqa: E402

from benchmarks.bench_scale import _commit, _machine, core_figures, report  # noqa: E402
from benchmarks.gen_archive import (  # noqa: E402
    CACHE_DIR,
    PROFILE_NAME,
    _progress,
    ensure_archive,
    schema_head,
)
from benchmarks.newsgen import GENERATOR_VERSION, article  # noqa: E402
from benchmarks.pg_copy_archive import copy_archive  # noqa: E402
from editor_app.core.articles import ArticleService  # noqa: E402
from editor_app.core.db import open_database, sqlite_url_for  # noqa: E402
from editor_app.core.profiles import Role, create_profile, local_profile  # noqa: E402

log = logging.getLogger("bench_scale_pg")


def database_name(count: int, seed: int) -> str:
    """The server database holding the archive of ``count`` articles."""
    schema = schema_head().replace(".", "_")
    return f"sampadak_bench_{count}_{seed}_g{GENERATOR_VERSION}_{schema}"


def _admin(server: str) -> sa.Engine:
    return sa.create_engine(server, isolation_level="AUTOCOMMIT", poolclass=NullPool)


def _url(server: str, name: str) -> str:
    return make_url(server).set(database=name).render_as_string(hide_password=False)


def build(server: str, count: int, seed: int, *, method: str = "copy",
          chunk_size: int = 500) -> dict[str, Any]:
    """Create the archive database of ``count`` articles afresh; return the build figures.

    ``method="copy"`` (the default) loads the cached SQLite archive of the same size with
    :func:`benchmarks.pg_copy_archive.copy_archive` (the rows ``create_many`` made there;
    the server computes its search vectors from the same keys); ``"create_many"`` builds
    through the article service on the server, ~40 min per 100k on the shared machine."""
    name = database_name(count, seed)
    admin = _admin(server)
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    if method == "copy":
        path, source = ensure_archive(count, seed)
        start = time.perf_counter()
        figures = copy_archive(path, _url(server, name))
        seconds = time.perf_counter() - start
        with admin.connect() as conn:
            size = int(conn.execute(sa.text("SELECT pg_database_size(:n)"),
                                    {"n": name}).scalar_one())
        admin.dispose()
        created = figures["rows"]["articles"]
        return {"count": created, "seed": seed,
                "method": "COPY from the SQLite archive (rows made by create_many)",
                "seconds": seconds, "rate_per_s": created / seconds if seconds else 0.0,
                "copy": figures, "source": {"path": str(path), **source},
                "vacuum_analyze_s": figures["vacuum_analyze_s"], "bytes": size,
                "bytes_per_article": size / max(created, 1), "database": name}
    db = open_database(_url(server, name))
    try:
        profile = local_profile(db) or create_profile(db, PROFILE_NAME, Role.DESK_CHIEF)
        service = ArticleService(db, profile.name)
        start = time.perf_counter()
        ids = service.create_many(_progress((article(seed, i) for i in range(count)), count),
                                  chunk_size=chunk_size, note="imported")
        seconds = time.perf_counter() - start
    finally:
        db.close()
    with admin.connect() as conn:
        analysed = time.perf_counter()
        target = _admin(_url(server, name))
        with target.connect() as tconn:
            tconn.execute(sa.text("VACUUM ANALYZE"))
        target.dispose()
        analyse_s = time.perf_counter() - analysed
        size = int(conn.execute(sa.text("SELECT pg_database_size(:n)"), {"n": name}).scalar_one())
    admin.dispose()
    return {"count": len(ids), "seed": seed, "method": "create_many (PostgreSQL)",
            "seconds": seconds, "rate_per_s": len(ids) / seconds if seconds else 0.0,
            "vacuum_analyze_s": analyse_s, "bytes": size,
            "bytes_per_article": size / max(len(ids), 1), "database": name}


def ensure(server: str, count: int, seed: int, *, rebuild: bool = False,
           method: str = "copy") -> tuple[str, dict[str, Any]]:
    """URL and build figures of the archive database (built first when missing)."""
    name = database_name(count, seed)
    server_id = make_url(server).set(database="", username=None, password=None)
    meta_path = CACHE_DIR / f"pg-{server_id.host}-{server_id.port}-{name}.json"
    admin = _admin(server)
    with admin.connect() as conn:
        exists = conn.execute(sa.text("SELECT 1 FROM pg_database WHERE datname = :n"),
                              {"n": name}).first() is not None
    admin.dispose()
    if exists and meta_path.exists() and not rebuild:
        meta: dict[str, Any] = json.loads(meta_path.read_text(encoding="utf-8"))
        meta["cached"] = True
        return _url(server, name), meta
    meta = build(server, count, seed, method=method)
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    meta_path.write_text(json.dumps(meta, indent=2), encoding="utf-8")
    meta["cached"] = False
    return _url(server, name), meta


def server_index_rows(url: str, saves: int = 5) -> dict[str, int]:
    """Rows the server wrote per save in each index table (max over ``saves`` saves).

    ``core_figures`` counts the index rows the app writes (``search_documents``); on
    PostgreSQL its trigger also writes the article's ``search_vectors`` row (migration
    0009). Counted by the transaction id that wrote the saved article's index row."""
    from dataclasses import replace

    db = open_database(url)
    try:
        profile = local_profile(db)
        service = ArticleService(db, profile.name if profile else "bench")
        with db.engine.connect() as conn:
            ids = list(conn.execute(sa.text(
                "SELECT id FROM articles ORDER BY id DESC LIMIT :n"), {"n": saves}).scalars())
        most = {"search_documents": 0, "search_vectors": 0}
        for article_id in ids:
            record = service.get(article_id)
            body = record.data.body.rstrip("\n") + f"\n\nगिनती {time.time_ns()}।\n"
            service.save(article_id, replace(record.data, body=body), record.version)
            with db.engine.connect() as conn:
                for table in most:
                    count = int(conn.execute(sa.text(
                        f"SELECT count(*) FROM {table} WHERE xmin = (SELECT xmin FROM "
                        "search_documents WHERE article_id = :id)"), {"id": article_id})
                        .scalar_one())
                    most[table] = max(most[table], count)
    finally:
        db.close()
    return most


def _server_line(server: str) -> str:
    admin = _admin(server)
    with admin.connect() as conn:
        version = conn.execute(sa.text("SHOW server_version")).scalar()
        settings = {name: conn.execute(sa.text(f"SHOW {name}")).scalar()
                    for name in ("shared_buffers", "work_mem", "fsync")}
    admin.dispose()
    return f"PostgreSQL {version} ({', '.join(f'{k}={v}' for k, v in settings.items())})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--server", required=True,
                        help="SQLAlchemy URL of any database on the PostgreSQL server")
    parser.add_argument("--sizes", default="10000,100000", help="archive sizes (comma-separated)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--sqlite", action="store_true",
                        help="also measure the SQLite archives of the same sizes")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the server databases")
    parser.add_argument("--build", choices=("copy", "create_many"), default="copy",
                        help="how a missing server archive is made (default: COPY from the "
                             "cached SQLite archive)")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    targets: dict[str, tuple[str, dict[str, Any]]] = {}
    for size in sizes:
        if args.sqlite:
            log.info("SQLite archive of %d articles…", size)
            path, meta = ensure_archive(size, args.seed)
            targets[f"SQLite {size:,}"] = (sqlite_url_for(path), meta)
        log.info("PostgreSQL archive of %d articles…", size)
        targets[f"PostgreSQL {size:,}"] = ensure(args.server, size, args.seed,
                                                 rebuild=args.rebuild, method=args.build)
    results: dict[str, Any] = {
        "machine": _machine(), "commit": _commit(), "rounds": 0, "platform": "no GUI",
        "server": _server_line(args.server),
        "archives": {name: meta for name, (_url_, meta) in targets.items()},
        "core": {},
    }
    for name, (url, meta) in targets.items():
        log.info("core figures on %s…", name)
        results["core"][name] = core_figures(url, meta["count"], args.seed)
        if name.startswith("PostgreSQL"):
            results["core"][name]["server_index_rows_per_save"] = server_index_rows(url)
    text = f"server: {results['server']}\n" + report(results)
    for name, fig in results["core"].items():
        if "server_index_rows_per_save" in fig:
            text += (f"\n{name}: rows the server wrote per save: "
                     f"{fig['server_index_rows_per_save']}")
    sys.stdout.write(text + "\n")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False),
                             encoding="utf-8")


if __name__ == "__main__":
    main()
