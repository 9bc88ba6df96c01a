"""Load a cached SQLite archive into a PostgreSQL database with ``COPY`` (benchmark side only).

Building 100k articles through ``ArticleService.create_many`` costs ~40 min per backend on
the shared 2-core machine (the Python side — canonical Markdown, folding, revisions — is
most of it, and it is the same work on either backend). The SQLite archive of
:mod:`benchmarks.gen_archive` already holds every row that work produced, so the server
archive is made from it:

1. the target database is created empty and migrated to head by ``open_database`` (the
   app's own migrations: tables, indexes, the search functions and generated columns);
2. every table the migrations made (except ``alembic_version``) is truncated and filled with
   the SQLite archive's rows of the same columns, in foreign-key order, with ``COPY``
   (``session_replication_role = replica`` for the load: the rows are a consistent copy, so
   no trigger or foreign-key check has anything to add);
3. PostgreSQL computes the search vectors from the copied ``search_documents`` keys — the
   same folded keys the app's index hook wrote during ``create_many`` — exactly as it does
   when the app itself inserts a row: the generated ``rank_vector`` column, and the rows of
   the narrow ``search_vectors`` table (migration 0009), which its trigger writes as each
   index row arrives (``search_documents`` is copied with ``session_replication_role =
   origin`` so that trigger fires; the table is in no SQLite archive, it is the server's);
4. sequences are moved past the copied ids, then ``VACUUM ANALYZE``.

So the server holds the same articles and the same index contents as an app-built archive;
only the path the rows took differs. A column the server has but the archive lacks (other
than a generated one) is an error, not a silent default.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.pool import NullPool

from editor_app.core.db import open_database
from editor_app.core.search_postgres import VECTOR_TABLE

__all__ = ["copy_archive"]

#: Tables the server fills itself from a copied table, by trigger: table -> its source.
SERVER_FILLED = {VECTOR_TABLE: "search_documents"}

log = logging.getLogger("pg_copy_archive")


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _sqlite_columns(src: sqlite3.Connection, table: str) -> set[str]:
    return {row[1] for row in src.execute(f"PRAGMA table_info({_quote(table)})")}


def copy_archive(sqlite_path: Path, url: str) -> dict[str, Any]:
    """Fill the (existing, empty) PostgreSQL database at ``url`` from ``sqlite_path``; return
    the load figures (seconds per phase, rows per table)."""
    start = time.perf_counter()
    open_database(url).close()  # migrate to head with the app's own migrations
    migrated = time.perf_counter()
    engine = sa.create_engine(url, poolclass=NullPool)
    metadata = sa.MetaData()
    metadata.reflect(engine)
    tables = [t for t in metadata.sorted_tables if t.name != "alembic_version"]
    copied_tables = [t for t in tables if t.name not in SERVER_FILLED]
    fires = set(SERVER_FILLED.values())
    src = sqlite3.connect(f"file:{sqlite_path}?mode=ro", uri=True)
    rows: dict[str, int] = {}
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql("SET session_replication_role = replica")
            conn.exec_driver_sql("TRUNCATE " + ", ".join(_quote(t.name) for t in tables))
            raw: Any = conn.connection.driver_connection
            for table in copied_tables:
                if table.name in fires:  # its trigger fills a server table as rows arrive
                    conn.exec_driver_sql("SET session_replication_role = origin")
                columns = [c.name for c in table.columns if c.computed is None]
                have = _sqlite_columns(src, table.name)
                missing = [c for c in columns if c not in have]
                if missing:
                    raise RuntimeError(f"{table.name}: the archive lacks {missing}")
                names = ", ".join(_quote(c) for c in columns)
                count = 0
                with raw.cursor() as cursor, cursor.copy(
                        f"COPY {_quote(table.name)} ({names}) FROM STDIN") as copy:
                    for row in src.execute(f"SELECT {names} FROM {_quote(table.name)}"):
                        copy.write_row(row)
                        count += 1
                rows[table.name] = count
                if table.name in fires:
                    conn.exec_driver_sql("SET session_replication_role = replica")
                log.info("copied %s: %d rows", table.name, count)
                for column in table.primary_key.columns:
                    sequence = conn.execute(sa.text("SELECT pg_get_serial_sequence(:t, :c)"),
                                            {"t": table.name, "c": column.name}).scalar()
                    if sequence and count:
                        conn.execute(sa.text(
                            f"SELECT setval(:s, (SELECT max({_quote(column.name)}) "
                            f"FROM {_quote(table.name)}))"), {"s": sequence})
            conn.exec_driver_sql("SET session_replication_role = origin")
            for table, source in SERVER_FILLED.items():
                rows[table] = int(conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar())
                if rows[table] != rows[source]:
                    raise RuntimeError(f"{table}: {rows[table]} rows for {rows[source]} "
                                       f"rows of {source}")
        copied = time.perf_counter()
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE")
        done = time.perf_counter()
    finally:
        src.close()
        engine.dispose()
    return {"migrate_s": migrated - start, "copy_s": copied - migrated,
            "vacuum_analyze_s": done - copied, "rows": rows}
