"""Storage faults as typed errors: damaged file, full disk, read-only database.

Contract of :func:`typed_storage_error`: given any exception raised by the database driver
(bare, or wrapped by SQLAlchemy in ``DBAPIError.orig``), return the
:class:`~editor_app.core.errors.StorageError` it means, or ``None`` for everything else
(constraint violations, lock timeouts, programming errors stay as they are):

- SQLite ``SQLITE_CORRUPT`` / ``SQLITE_NOTADB`` ("database disk image is malformed", "file is
  not a database") and PostgreSQL ``XX001``/``XX002`` → :class:`DatabaseDamaged` naming the
  file and its latest backup;
- SQLite ``SQLITE_FULL`` ("database or disk is full") and PostgreSQL ``53100`` → :class:`DiskFull`;
- SQLite ``SQLITE_READONLY`` on a database opened read-only → :class:`ReadOnlyDatabase`;
- a database that cannot be reached → :class:`ConnectionLost` (retrying later is safe):
  PostgreSQL connection failures (psycopg ``OperationalError`` without a SQLSTATE, such as
  "connection refused" or "server closed the connection unexpectedly", SQLSTATE class
  ``08`` and the shutdown states ``57P01``–``57P03``), any error SQLAlchemy marks as a
  disconnect, and SQLite ``SQLITE_CANTOPEN`` / ``SQLITE_IOERR`` (the file's folder is
  gone, e.g. a network share that dropped);
- ``OverflowError`` (an integer too large for SQLite) → :class:`ValidationError`;
- PostgreSQL ``42501`` (a missing grant, or a newsroom rule of :mod:`editor_app.core.
  newsroom` refusing the login's change) → :class:`PermissionDenied` with the server's
  message; a connect refused for want of a (right) password → :class:`LoginRequired`.

:func:`install_fault_translation` applies it to every statement, commit and connect of an
engine (SQLAlchemy's ``handle_error`` event), so ORM sessions, Core connections and the
migration runner all raise the typed errors.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from sqlalchemy import Engine, event
from sqlalchemy.engine import ExceptionContext

from editor_app.core.backups import latest_backup
from editor_app.core.errors import (
    ConnectionLost,
    DatabaseDamaged,
    DiskFull,
    LoginRequired,
    PermissionDenied,
    ReadOnlyDatabase,
    SampadakError,
    ValidationError,
)

__all__ = ["damaged_error", "install_fault_translation", "typed_storage_error"]

log = logging.getLogger(__name__)

_SQLITE_READONLY = 8
_SQLITE_IOERR = 10
_SQLITE_CANTOPEN = 14
_SQLITE_CORRUPT = 11
_SQLITE_FULL = 13
_SQLITE_NOTADB = 26
_DAMAGE_TEXT = ("database disk image is malformed", "file is not a database")
_PG_DAMAGED = frozenset({"XX001", "XX002"})
_PG_DISK_FULL = "53100"
#: insufficient_privilege: a missing grant, or a newsroom rule's trigger (core.newsroom).
_PG_NO_PRIVILEGE = "42501"
#: invalid_password, invalid_authorization_specification.
_PG_LOGIN_REFUSED = frozenset({"28P01", "28000"})
_LOGIN_TEXT = ("password authentication failed", "no password supplied",
               "password is required")
#: admin_shutdown, crash_shutdown, cannot_connect_now: the server is going or not yet back.
_PG_GONE = frozenset({"57P01", "57P02", "57P03"})


def damaged_error(where: Path | str, detail: str, db_file: Path | None) -> DatabaseDamaged:
    """The one-line :class:`DatabaseDamaged` for ``where`` (a file or a URL label)."""
    backup = latest_backup(db_file) if db_file is not None else None
    last = backup.describe() if backup else "none found"
    return DatabaseDamaged(f"the database {where} is damaged ({detail}); latest backup: {last}",
                           path=db_file, backup=backup.path if backup else None)


def _detail(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def typed_storage_error(exc: BaseException, *, db_file: Path | None = None,
                        label: str = "", read_only: bool = False) -> SampadakError | None:
    """The typed error ``exc`` stands for, or ``None`` (see the module contract)."""
    orig: BaseException = getattr(exc, "orig", None) or exc
    where: Path | str = db_file if db_file is not None else (label or "in use")
    if isinstance(orig, OverflowError):
        return ValidationError(f"a number is too large for the database ({_detail(orig)})")
    if isinstance(orig, sqlite3.Error):
        code = getattr(orig, "sqlite_errorcode", None)
        primary = code & 0xFF if isinstance(code, int) else None
        text = str(orig).lower()
        if primary in (_SQLITE_CORRUPT, _SQLITE_NOTADB) or any(t in text for t in _DAMAGE_TEXT):
            return damaged_error(where, _detail(orig), db_file)
        if primary == _SQLITE_FULL or "database or disk is full" in text:
            return DiskFull(f"cannot write to the database {where}: the disk is full "
                            "(nothing was changed; free some space and save again)")
        if read_only and (primary == _SQLITE_READONLY or "readonly database" in text):
            return ReadOnlyDatabase(f"the database {where} is open read-only: nothing can be "
                                    "saved to it")
        if primary in (_SQLITE_CANTOPEN, _SQLITE_IOERR):
            return ConnectionLost(f"the database {where} cannot be reached "
                                  f"({_detail(orig)}); nothing was changed, retry later")
        return None
    sqlstate = getattr(orig, "sqlstate", None)
    # before the connection failures: psycopg reports a refused password as an
    # OperationalError without a SQLSTATE too, and asking again is the answer, not retrying
    if _is_login_refusal(orig, sqlstate):
        return LoginRequired(f"the database {where} refused the login: {_detail(orig)}")
    if _is_connection_failure(exc, orig, sqlstate):
        return ConnectionLost(f"the database server {where} cannot be reached "
                              f"({_detail(orig)}); nothing was changed, retry later")
    if sqlstate in _PG_DAMAGED:
        return damaged_error(where, _detail(orig), None)
    if sqlstate == _PG_NO_PRIVILEGE:  # a grant or a newsroom rule (core.newsroom) refused
        return PermissionDenied(_server_message(orig))
    if sqlstate == _PG_DISK_FULL:
        return DiskFull(f"cannot write to the database {where}: the server's disk is full "
                        "(nothing was changed; save again when space is freed)")
    return None


def _server_message(orig: BaseException) -> str:
    """The server's primary message of a PostgreSQL error (without the SQL context)."""
    diag = getattr(orig, "diag", None)
    primary = getattr(diag, "message_primary", None) if diag is not None else None
    return str(primary) if primary else _detail(orig)


def _is_login_refusal(orig: BaseException, sqlstate: object) -> bool:
    """Whether a PostgreSQL connect failed for want of a (right) password."""
    if sqlstate in _PG_LOGIN_REFUSED:
        return True
    text = str(orig).lower()
    return any(t in text for t in _LOGIN_TEXT)


def _is_connection_failure(exc: BaseException, orig: BaseException,
                           sqlstate: object) -> bool:
    """True for a PostgreSQL connection that failed or broke (see the module contract)."""
    if getattr(exc, "connection_invalidated", False):
        return True
    if isinstance(sqlstate, str):
        return sqlstate.startswith("08") or sqlstate in _PG_GONE
    # psycopg reports refused and broken connections as OperationalError with no SQLSTATE
    return any(kind.__name__ == "OperationalError" and kind.__module__.startswith("psycopg")
               for kind in type(orig).__mro__)


def install_fault_translation(engine: Engine, *, db_file: Path | None, label: str,
                              read_only: bool = False) -> None:
    """Raise typed storage errors for faults of any statement, commit or connect on
    ``engine``."""

    def on_error(context: ExceptionContext) -> None:
        typed = typed_storage_error(context.original_exception, db_file=db_file, label=label,
                                    read_only=read_only)
        if isinstance(typed, ConnectionLost) and not context.is_disconnect \
                and context.connection is not None:
            context.is_disconnect = True  # the pooled connection is unusable: drop it
        if typed is not None:
            log.info("database fault: %s", typed)  # the caller reports it, once
            raise typed

    event.listen(engine, "handle_error", on_error)
