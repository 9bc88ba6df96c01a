"""Engine and session factory, SQLite pragmas, and the migration runner.

Contract of :func:`open_database`:
- The URL may be any SQLAlchemy URL; SQLite file databases get WAL journaling, foreign keys,
  ``synchronous=FULL`` (a laptop may lose power mid-sentence) and a busy timeout. A plain
  ``postgresql://`` URL means psycopg 3 (``pip install 'sampadak[postgres]'``), the driver
  the project tests with; server connections are pinged before reuse, so a desk left open
  overnight survives a dropped connection, and give up within seconds on a server that
  vanished (:data:`SERVER_CONNECT_ARGS`: connect timeout, TCP keepalives, user timeout).
- The stored revision is read with a plain ``SELECT`` and compared with
  :data:`~editor_app.core.migrations.HEAD_REVISION`; Alembic is imported only when they
  differ. A revision this code does not know (a database made by a newer Sampadak) raises
  :class:`DatabaseTooNew` before anything is written or copied.
- Alembic migrations are applied on open, in one transaction, by one opener at a time
  (SQLite: ``BEGIN IMMEDIATE``; PostgreSQL: a transaction-scoped advisory lock), so desks
  starting together after an update do not migrate twice. When an existing SQLite file
  needs an upgrade, it is first copied beside it (:func:`~editor_app.core.backups.
  pre_migration_backup`: once per upgrade, old backups pruned); a failed upgrade raises
  :class:`MigrationError` naming that backup.
- Storage faults of every statement become typed errors (:mod:`editor_app.core.db_faults`):
  a damaged file :class:`DatabaseDamaged`, a full disk :class:`DiskFull`. A write that fails
  is rolled back whole, so the previously stored data stays intact.
- ``read_only=True`` opens an up-to-date SQLite file with ``PRAGMA query_only``: every write
  raises :class:`ReadOnlyDatabase`.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from editor_app.core.backups import pre_migration_backup, working_copy
from editor_app.core.db_faults import install_fault_translation, typed_storage_error
from editor_app.core.errors import (
    ConfigError,
    DatabaseTooNew,
    MigrationError,
    StorageError,
)
from editor_app.core.live.actor_tag import install_actor_tag
from editor_app.core.migrations import HEAD_REVISION
from editor_app.core.search_index import install_search_sync
from editor_app.core.sqlite_urls import sqlite_url_for

if TYPE_CHECKING:
    from alembic.config import Config as AlembicConfig

__all__ = ["Database", "open_backup_view", "open_database", "sqlite_url_for", "stored_revisions"]

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
BUSY_TIMEOUT_MS = 10_000
#: PostgreSQL advisory lock key held while migrating ("SAMP").
MIGRATION_LOCK_KEY = 0x53414D50
#: Driver used for ``postgresql://`` URLs that name none (SQLAlchemy would pick psycopg2).
POSTGRES_DRIVER = "psycopg"
#: libpq settings for server connections (the URL's own query parameters win): give up
#: connecting after 10 s, notice a dead peer by TCP keepalives within ~25 s and unanswered
#: writes within 30 s.
SERVER_CONNECT_ARGS: dict[str, Any] = {"connect_timeout": 10, "keepalives": 1,
                                       "keepalives_idle": 10, "keepalives_interval": 5,
                                       "keepalives_count": 3, "tcp_user_timeout": 30_000}


@dataclass
class Database:
    """An open, migrated database: the engine plus a session factory.

    ``path`` is the SQLite file (``None`` for in-memory and server databases);
    ``backup_path`` the pre-migration backup made (or reused) by this open.
    """

    url: str
    engine: Engine
    session_factory: sessionmaker[Session]
    backup_path: Path | None = None
    path: Path | None = None
    read_only: bool = False
    #: The login's password when it was given to :func:`open_database` (not in ``url``):
    #: for code that opens a connection of its own (the live listener). Never shown.
    password: str | None = field(default=None, repr=False)

    @property
    def is_sqlite(self) -> bool:
        """True when the backend is SQLite (FTS5 search, file backups)."""
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session that commits on success and rolls back on any error.

        A storage fault (damaged file, full disk) raises its typed
        :class:`StorageError`; nothing of the failed transaction is kept.
        """
        session = self.session_factory()
        try:
            yield session
            session.commit()
        except BaseException as exc:
            try:
                session.rollback()
            except SQLAlchemyError as rollback_exc:  # the connection may be unusable now
                log.info("rollback after %r failed: %s", exc, rollback_exc)
            typed = (typed_storage_error(exc, db_file=self.path, label=self.label,
                                         read_only=self.read_only)
                     if isinstance(exc, SQLAlchemyError | sqlite3.Error) else None)
            if typed is not None:
                raise typed from exc
            raise
        finally:
            session.close()

    @property
    def label(self) -> str:
        """The database for messages: its file, or its URL without a password."""
        if self.path is not None:
            return str(self.path)
        return make_url(self.url).render_as_string(hide_password=True)

    def close(self) -> None:
        """Release every pooled connection (checkpoints the WAL on SQLite)."""
        self.engine.dispose()


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        _enable_wal(cursor)
        cursor.execute("PRAGMA synchronous=FULL")
    finally:
        cursor.close()


def _enable_wal(cursor: Any) -> None:
    """``PRAGMA journal_mode=WAL``, retried while another opener holds the file: SQLite
    can answer "database is locked" at once here, without waiting the busy timeout, when
    a second desk opens a new database that the first one is just setting up."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _set_query_only(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA query_only=ON")
    finally:
        cursor.close()


def _alembic_config(url: str) -> AlembicConfig:
    from alembic.config import Config as AlembicConfig  # only when migrating (0.6 s)

    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def stored_revisions(conn: Connection) -> tuple[str, ...]:
    """The revisions in ``alembic_version`` (empty for a new database), without Alembic."""
    if not inspect(conn).has_table("alembic_version"):
        return ()
    rows = conn.execute(text("SELECT version_num FROM alembic_version"))
    return tuple(sorted(str(row[0]) for row in rows))


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


def open_database(url: str, *, echo: bool = False, read_only: bool = False,
                  backup_before_migrating: bool = True,
                  password: str | None = None) -> Database:
    """Open (creating if needed) and migrate the database at ``url``.

    Raises :class:`ConfigError` for a malformed URL, :class:`StorageError` when the database
    cannot be reached (:class:`DatabaseDamaged` when the file is damaged),
    :class:`DatabaseTooNew` for a database of a newer Sampadak, :class:`MigrationError`
    when an upgrade fails. ``read_only`` databases are never migrated (an outdated one
    raises :class:`StorageError`).
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
    elif read_only:
        raise ConfigError("only SQLite files can be opened read-only")
    else:
        if password is not None:
            connect_args["password"] = password
        if parsed.get_backend_name() == "postgresql":
            # a server that vanished without a word (cable, Wi-Fi, VPN) must fail in
            # seconds, not after the OS's TCP timeouts, so the local journal takes over
            connect_args.update({k: v for k, v in SERVER_CONNECT_ARGS.items()
                                 if k not in parsed.query})
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
    label = str(db_file) if db_file else parsed.render_as_string(hide_password=True)
    install_fault_translation(engine, db_file=db_file, label=label, read_only=read_only)
    if is_sqlite:
        event.listen(engine, "connect", _set_sqlite_pragmas)
        if read_only:
            event.listen(engine, "connect", _set_query_only)
    try:
        backup = _migrate(engine, url, db_file, read_only=read_only,
                          backup=backup_before_migrating)
    except BaseException:
        engine.dispose()
        raise
    install_search_sync()
    install_actor_tag()  # names the acting user in live notifications (PostgreSQL)
    factory = sessionmaker(engine, expire_on_commit=False)
    return Database(url=url, engine=engine, session_factory=factory, backup_path=backup,
                    path=db_file, read_only=read_only,
                    password=None if is_sqlite else password)


def open_backup_view(backup: Path, folder: Path) -> Database:
    """Open a read-only view of the SQLite ``backup``: a migrated working copy in
    ``folder``; the backup file itself is never written."""
    copy = working_copy(backup, folder)
    migrated = open_database(sqlite_url_for(copy), backup_before_migrating=False)
    migrated.close()
    return open_database(sqlite_url_for(copy), read_only=True)


def _read_revisions(engine: Engine) -> tuple[str, ...]:
    try:
        with engine.connect() as conn:
            return stored_revisions(conn)
    except StorageError:
        raise
    except SQLAlchemyError as exc:
        raise StorageError(f"cannot open database: {exc}") from exc


def _check_known(cfg: AlembicConfig, revisions: tuple[str, ...]) -> None:
    """Raise :class:`DatabaseTooNew` when a stored revision is not in this code."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(cfg)
    for revision in revisions:
        try:
            known = script.get_revision(revision) is not None
        except Exception:  # alembic raises several types for an unknown id
            known = False
        if not known:
            raise DatabaseTooNew(
                f"the database was made by a newer version of Sampadak (schema revision "
                f"{revision!r}; this version knows up to {HEAD_REVISION!r}): update Sampadak",
                revision=revision)


def _migrate(engine: Engine, url: str, db_file: Path | None, *, read_only: bool,
             backup: bool) -> Path | None:
    current = _read_revisions(engine)
    if current == (HEAD_REVISION,):
        return None
    cfg = _alembic_config(url)
    _check_known(cfg, current)
    if read_only:
        raise StorageError(f"the database {db_file} needs an upgrade and is open read-only")
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    made: Path | None = None
    if backup and db_file is not None and db_file.exists() and _has_user_tables(engine):
        source = current[0] if len(current) == 1 else ("base" if not current else "merge")
        made = pre_migration_backup(db_file, source, HEAD_REVISION)
    try:
        with engine.connect() as conn:
            _lock_for_migration(conn)
            # Another desk may have migrated while we waited for the lock.
            now = MigrationContext.configure(conn).get_current_revision()
            if now != HEAD_REVISION:
                log.info("migrating database from %s to %s", now, HEAD_REVISION)
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
            conn.commit()
    except StorageError:
        raise
    except Exception as exc:  # I/O boundary: any failure here leaves the backup to restore
        where = f"; the pre-upgrade copy is {made}" if made else ""
        raise MigrationError(f"database upgrade failed: {exc}{where}") from exc
    return made
