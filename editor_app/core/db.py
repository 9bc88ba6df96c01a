"""Engine and session factory, SQLite pragmas, and the migration runner.

Contract of :func:`open_database`:
- The URL may be any SQLAlchemy URL; SQLite file databases get WAL journaling, foreign keys,
  ``synchronous=FULL`` (a laptop may lose power mid-sentence) and a busy timeout. A plain
  ``postgresql://`` URL means psycopg 3 (``pip install 'sampadak[postgres]'``), the driver
  the project tests with; server connections are pinged before reuse, so a desk left open
  overnight survives a dropped connection.
- Alembic migrations are applied on open, in one transaction, by one opener at a time
  (SQLite: ``BEGIN IMMEDIATE``; PostgreSQL: a transaction-scoped advisory lock), so desks
  starting together after an update do not migrate twice. When an existing SQLite file
  needs an upgrade, it is first copied (consistently, with SQLite's backup API) to
  ``<name>.backup-<UTC timestamp>.sqlite`` beside it; a failed upgrade raises
  :class:`MigrationError` naming that backup.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config as AlembicConfig
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from editor_app.core.errors import ConfigError, MigrationError, StorageError
from editor_app.core.search_index import install_search_sync

__all__ = ["Database", "open_database", "sqlite_url_for"]

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
BUSY_TIMEOUT_MS = 10_000
#: PostgreSQL advisory lock key held while migrating ("SAMP").
MIGRATION_LOCK_KEY = 0x53414D50
#: Driver used for ``postgresql://`` URLs that name none (SQLAlchemy would pick psycopg2).
POSTGRES_DRIVER = "psycopg"


def sqlite_url_for(path: Path) -> str:
    """SQLAlchemy URL of a SQLite file at ``path``."""
    return f"sqlite:///{path}"


@dataclass
class Database:
    """An open, migrated database: the engine plus a session factory."""

    url: str
    engine: Engine
    session_factory: sessionmaker[Session]
    backup_path: Path | None = None

    @property
    def is_sqlite(self) -> bool:
        """True when the backend is SQLite (FTS5 search, file backups)."""
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session that commits on success and rolls back on any error."""
        session = self.session_factory()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def close(self) -> None:
        """Release every pooled connection (checkpoints the WAL on SQLite)."""
        self.engine.dispose()


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
    finally:
        cursor.close()


def _alembic_config(url: str) -> AlembicConfig:
    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def _current_and_head(engine: Engine, cfg: AlembicConfig) -> tuple[str | None, str | None]:
    script = ScriptDirectory.from_config(cfg)
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
    return current, script.get_current_head()


def _with_default_driver(parsed: URL) -> URL:
    """``postgresql://`` without a driver means psycopg 3 (what ``[postgres]`` installs)."""
    if parsed.drivername == "postgresql":
        return parsed.set(drivername=f"postgresql+{POSTGRES_DRIVER}")
    return parsed


def _lock_for_migration(conn: Connection) -> None:
    """Begin the migration transaction holding the lock that keeps other openers out."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("BEGIN IMMEDIATE")  # waits up to the busy timeout
    elif conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})


def _has_user_tables(engine: Engine) -> bool:
    with engine.connect() as conn:
        names = engine.dialect.get_table_names(conn)
    return any(name != "alembic_version" for name in names)


def _backup_sqlite(db_file: Path) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = db_file.with_name(f"{db_file.stem}.backup-{stamp}.sqlite")
    src = sqlite3.connect(str(db_file))
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    log.info("backed up %s to %s before migrating", db_file, target)
    return target


def open_database(url: str, *, echo: bool = False) -> Database:
    """Open (creating if needed) and migrate the database at ``url``.

    Raises :class:`ConfigError` for a malformed URL, :class:`StorageError` when the database
    cannot be reached, :class:`MigrationError` when an upgrade fails.
    """
    try:
        given = make_url(url)
    except ArgumentError as exc:
        raise ConfigError(f"not a database URL: {url!r}") from exc
    parsed = _with_default_driver(given)
    if parsed is not given:
        url = parsed.render_as_string(hide_password=False)
    is_sqlite = parsed.get_backend_name() == "sqlite"
    db_file: Path | None = None
    connect_args: dict[str, Any] = {}
    if is_sqlite:
        if parsed.database and parsed.database != ":memory:":
            db_file = Path(parsed.database).expanduser()
            try:
                db_file.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StorageError(f"cannot create folder for {db_file}: {exc}") from exc
        connect_args["timeout"] = BUSY_TIMEOUT_MS / 1000
    try:
        engine = create_engine(url, echo=echo, connect_args=connect_args, future=True,
                               pool_pre_ping=not is_sqlite)
    except ModuleNotFoundError as exc:
        hint = (" (install it with: pip install 'sampadak[postgres]')"
                if parsed.get_backend_name() == "postgresql" else "")
        raise ConfigError(f"cannot use database {parsed.render_as_string()}: the driver "
                          f"module {exc.name!r} is not installed{hint}") from exc
    except ArgumentError as exc:
        raise ConfigError(f"cannot use database {parsed.render_as_string()}: {exc}") from exc
    if is_sqlite:
        event.listen(engine, "connect", _set_sqlite_pragmas)
    backup = _migrate(engine, url, db_file)
    install_search_sync()
    factory = sessionmaker(engine, expire_on_commit=False)
    return Database(url=url, engine=engine, session_factory=factory, backup_path=backup)


def _migrate(engine: Engine, url: str, db_file: Path | None) -> Path | None:
    cfg = _alembic_config(url)
    try:
        current, head = _current_and_head(engine, cfg)
    except SQLAlchemyError as exc:
        raise StorageError(f"cannot open database: {exc}") from exc
    if current == head:
        return None
    backup: Path | None = None
    if db_file is not None and db_file.exists() and _has_user_tables(engine):
        backup = _backup_sqlite(db_file)
    try:
        with engine.connect() as conn:
            _lock_for_migration(conn)
            # Another desk may have migrated while we waited for the lock.
            current = MigrationContext.configure(conn).get_current_revision()
            if current != head:
                log.info("migrating database from %s to %s", current, head)
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
            conn.commit()
    except Exception as exc:  # I/O boundary: any failure here leaves the backup to restore
        where = f"; the pre-upgrade copy is {backup}" if backup else ""
        raise MigrationError(f"database upgrade failed: {exc}{where}") from exc
    return backup
