"""Database health and upkeep: the checks behind ``sampadak doctor`` and the work behind
``sampadak maintenance``.

Contract:
- :func:`diagnose` never migrates, creates or changes anything and never raises for a
  damaged or foreign file: it opens a SQLite file directly (no Alembic, no ORM), runs
  ``PRAGMA integrity_check`` and, where the FTS5 search table exists, FTS5's own
  ``integrity-check`` (inside a transaction that is rolled back), reads the stored schema
  revision, and lists the backups beside the file with times and sizes. A server database
  gets a connection check, its revision and its size. ``Diagnosis.healthy`` is False when
  any check fails or the database was made by a newer Sampadak.
- :func:`run_maintenance` works on an open, migrated :class:`Database`: always ``ANALYZE``;
  with ``optimize`` the FTS5 index b-trees are merged; with ``vacuum`` the file is rebuilt
  (refused with :class:`DiskFull` when the folder has less free space than twice the
  database, which VACUUM may need). It returns the size before and after.
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from editor_app.core.backups import BackupInfo, list_backups
from editor_app.core.db import Database
from editor_app.core.errors import DiskFull, StorageError
from editor_app.core.migrations import HEAD_REVISION, KNOWN_REVISIONS

__all__ = ["Diagnosis", "MaintenanceReport", "SizeReport", "diagnose", "measure",
           "run_maintenance"]

log = logging.getLogger(__name__)

_FTS_TABLE = "search_fts"
_MAX_PROBLEMS = 20


@dataclass(frozen=True)
class SizeReport:
    """How big the database is and how much of it each article costs."""

    database_bytes: int
    free_bytes: int
    articles: int

    @property
    def bytes_per_article(self) -> float:
        """Database size divided by the number of articles (all of it when there are none)."""
        return self.database_bytes / max(1, self.articles)

    def describe(self) -> str:
        """``1.6 MiB, 40 articles, 41.0 KiB per article (12 KiB unused)``."""
        noun = "article" if self.articles == 1 else "articles"
        return (f"{_human(self.database_bytes)}, {self.articles:,} {noun}, "
                f"{_human(int(self.bytes_per_article))} per article "
                f"({_human(self.free_bytes)} unused)")


@dataclass
class Diagnosis:
    """The outcome of :func:`diagnose`."""

    target: str
    path: Path | None
    exists: bool = True
    checks: list[tuple[str, str]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    revisions: tuple[str, ...] = ()
    size: SizeReport | None = None
    backups: list[BackupInfo] = field(default_factory=list)
    damaged: bool = False

    @property
    def healthy(self) -> bool:
        """No check failed."""
        return not self.problems


@dataclass(frozen=True)
class MaintenanceReport:
    """What :func:`run_maintenance` did and the size before and after."""

    steps: tuple[str, ...]
    before: SizeReport
    after: SizeReport


def _human(size: float) -> str:
    for unit in ("B", "KiB", "MiB", "GiB"):
        if abs(size) < 1024 or unit == "GiB":
            return f"{size:,.0f} {unit}" if unit == "B" else f"{size:,.1f} {unit}"
        size /= 1024
    return f"{size:,.1f} GiB"  # pragma: no cover - the loop always returns


def _sqlite_size(conn: sqlite3.Connection) -> SizeReport:
    page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
    pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
    free = int(conn.execute("PRAGMA freelist_count").fetchone()[0])
    try:
        articles = int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:  # no schema yet
        articles = 0
    return SizeReport(page_size * pages, page_size * free, articles)


def _revision_problem(revisions: tuple[str, ...]) -> str | None:
    # Older revisions are upgraded on the next open; only ids unknown here are a problem.
    unknown = [r for r in revisions if r not in KNOWN_REVISIONS]
    if unknown:
        return (f"made by a newer version of Sampadak (schema revision {unknown[0]!r}): "
                "update Sampadak")
    return None


def _diagnose_sqlite(db_file: Path, result: Diagnosis) -> None:
    result.backups = list_backups(db_file)
    if not db_file.exists():
        result.exists = False
        result.checks.append(("database", "not created yet (it is made on first start)"))
        return
    try:
        conn = sqlite3.connect(f"{db_file.resolve().as_uri()}?mode=rw", uri=True, timeout=10)
    except sqlite3.Error as exc:
        result.problems.append(f"cannot open the file: {exc}")
        return
    try:
        try:
            rows = [str(r[0]) for r in conn.execute(f"PRAGMA integrity_check({_MAX_PROBLEMS})")]
        except sqlite3.DatabaseError as exc:
            rows = [str(exc)]
        if rows == ["ok"]:
            result.checks.append(("integrity_check", "ok"))
        else:
            result.damaged = True
            result.checks.append(("integrity_check", "FAILED"))
            result.problems.extend(f"damaged: {row}" for row in rows)
            return
        result.size = _sqlite_size(conn)
        try:
            result.revisions = tuple(sorted(
                str(r[0]) for r in conn.execute("SELECT version_num FROM alembic_version")))
        except sqlite3.OperationalError:
            result.revisions = ()
        _check_fts(conn, result)
    finally:
        conn.close()


def _check_fts(conn: sqlite3.Connection, result: Diagnosis) -> None:
    present = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                           (_FTS_TABLE,)).fetchone()
    if present is None:
        return
    try:
        conn.execute("BEGIN")
        conn.execute(f"INSERT INTO {_FTS_TABLE}({_FTS_TABLE}, rank) "
                     "VALUES ('integrity-check', 1)")
        result.checks.append(("search index (FTS5) integrity-check", "ok"))
    except sqlite3.DatabaseError as exc:
        result.checks.append(("search index (FTS5) integrity-check", "FAILED"))
        result.problems.append(f"search index out of step with the articles: {exc} "
                               "(repair: sampadak maintenance --rebuild-search)")
    finally:
        if conn.in_transaction:
            conn.rollback()


def _diagnose_server(url: str, result: Diagnosis) -> None:
    engine = sa.create_engine(url, pool_pre_ping=True)
    try:
        with engine.connect() as conn:
            result.checks.append(("connection", "ok"))
            if sa.inspect(conn).has_table("alembic_version"):
                result.revisions = tuple(sorted(str(r[0]) for r in conn.execute(
                    sa.text("SELECT version_num FROM alembic_version"))))
            if conn.dialect.name == "postgresql":
                size = int(conn.execute(sa.text(
                    "SELECT pg_database_size(current_database())")).scalar_one())
                articles = 0
                if sa.inspect(conn).has_table("articles"):
                    articles = int(conn.execute(sa.text(
                        "SELECT count(*) FROM articles")).scalar_one())
                result.size = SizeReport(size, 0, articles)
                result.checks.append(("page checks", "done by the PostgreSQL server "
                                      "(data checksums, amcheck)"))
    except SQLAlchemyError as exc:
        result.problems.append(f"cannot connect: {' '.join(str(exc).split())[:300]}")
    finally:
        engine.dispose()


def diagnose(url: str) -> Diagnosis:
    """Check the database at ``url`` without changing it (see the module contract)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if not parsed.database or parsed.database == ":memory:":
            raise StorageError("an in-memory database has nothing to check")
        db_file = Path(parsed.database).expanduser()
        result = Diagnosis(target=str(db_file), path=db_file)
        _diagnose_sqlite(db_file, result)
    else:
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        result = Diagnosis(target=parsed.render_as_string(hide_password=True), path=None)
        _diagnose_server(parsed.render_as_string(hide_password=False), result)
    if result.exists and not result.damaged:
        problem = _revision_problem(result.revisions)
        if problem:
            result.problems.append(problem)
        rev = "+".join(result.revisions) or "none (new database)"
        result.checks.append(("schema revision", f"{rev} (this version: {HEAD_REVISION})"))
    return result


def measure(db: Database) -> SizeReport:
    """The current size of ``db``."""
    with db.engine.connect() as conn:
        if db.is_sqlite:
            raw = conn.connection.dbapi_connection
            assert isinstance(raw, sqlite3.Connection)
            return _sqlite_size(raw)
        articles = int(conn.execute(sa.text("SELECT count(*) FROM articles")).scalar_one())
        if conn.dialect.name == "postgresql":
            size = int(conn.execute(sa.text(
                "SELECT pg_database_size(current_database())")).scalar_one())
            return SizeReport(size, 0, articles)
        return SizeReport(0, 0, articles)


def _fts_present(conn: sa.Connection) -> bool:
    return conn.dialect.name == "sqlite" and conn.execute(sa.text(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :n"),
        {"n": _FTS_TABLE}).first() is not None


def _ensure_room_for_vacuum(db: Database, size: SizeReport) -> None:
    if db.path is None:
        return
    free = shutil.disk_usage(db.path.parent).free
    if free < 2 * size.database_bytes:
        raise DiskFull(f"VACUUM needs up to {_human(2 * size.database_bytes)} free beside "
                       f"{db.path}; only {_human(free)} is free (nothing was changed)")


def run_maintenance(db: Database, *, vacuum: bool = False, optimize: bool = False,
                    rebuild_search: bool = False) -> MaintenanceReport:
    """ANALYZE, and optionally rebuild/optimize the search index and VACUUM ``db``."""
    before = measure(db)
    steps: list[str] = []
    if rebuild_search:
        from editor_app.core.search import rebuild_index

        with db.session() as session:
            count = rebuild_index(session)
        steps.append(f"search index rebuilt ({count:,} articles)")
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        if optimize:
            if _fts_present(conn):
                conn.execute(sa.text(f"INSERT INTO {_FTS_TABLE}({_FTS_TABLE}) "
                                     "VALUES ('optimize')"))
                steps.append("search index optimized (FTS5 optimize)")
            else:
                steps.append("search index: nothing to optimize on this database")
        conn.execute(sa.text("ANALYZE"))
        steps.append("ANALYZE")
        if vacuum:
            _ensure_room_for_vacuum(db, before)
            conn.execute(sa.text("VACUUM"))
            steps.append("VACUUM")
        if db.is_sqlite:
            conn.execute(sa.text("PRAGMA wal_checkpoint(TRUNCATE)"))
    after = measure(db)
    log.info("maintenance of %s: %s; %s -> %s", db.label, ", ".join(steps),
             before.describe(), after.describe())
    return MaintenanceReport(tuple(steps), before, after)
