"""Database roles of a newsroom: one group role per Sampadak role, one LOGIN role per user.

Contracts:
- The group role of :class:`~editor_app.core.profiles.Role` ``r`` is ``<prefix>_<r>``
  (``sampadak_reporter``, ``sampadak_copy_editor``, ``sampadak_desk_chief``,
  ``sampadak_admin`` for the default prefix). Roles are cluster-wide: databases of one
  server that use the same prefix share the group roles (grants stay per database).
- A user's LOGIN role is named exactly by their stored login (case-folded), so the
  database maps ``current_user`` to the Sampadak user by login. It is a member of exactly
  one group role, the user's; an admin's login also has ``CREATEROLE`` (it adds users).
- Passwords are sent only as SCRAM-SHA-256 verifiers computed on this side (libpq's
  ``PQencryptPasswordConn``): the server, its statement log and this process's logs never
  see the password itself; nothing here logs a verifier either.
- Every function runs inside the caller's transaction (PostgreSQL DDL is transactional):
  a user row and their login role are made, or neither.
- :func:`newsroom_prefix` tells whether ``sampadak newsroom init`` has run on the database.
"""

from __future__ import annotations

import logging

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from editor_app.core.errors import ConfigError, ValidationError
from editor_app.core.profiles import Role

__all__ = ["DEFAULT_PREFIX", "PREFIX_FUNCTION", "create_login", "drop_login", "group_role",
           "login_exists", "newsroom_prefix", "quote_ident", "set_login_enabled",
           "set_login_group", "set_login_password"]

log = logging.getLogger(__name__)

DEFAULT_PREFIX = "sampadak"
#: The SQL function ``newsroom init`` creates; it returns the group-role prefix.
PREFIX_FUNCTION = "sampadak_group_prefix"


def group_role(role: Role, prefix: str = DEFAULT_PREFIX) -> str:
    """The name of the group role of ``role``."""
    return f"{prefix}_{role.value}"


def quote_ident(name: str) -> str:
    """``name`` as a quoted SQL identifier (always quoted, inner quotes doubled)."""
    if "\x00" in name:
        raise ValidationError("a role name cannot hold a NUL character")
    return '"' + name.replace('"', '""') + '"'


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _conn(where: Session | Connection) -> Connection:
    return where.connection() if isinstance(where, Session) else where


def newsroom_prefix(where: Session | Connection) -> str | None:
    """The group-role prefix of this database, ``None`` when it is not a PostgreSQL
    newsroom (SQLite, or ``newsroom init`` has not run)."""
    conn = _conn(where)
    if conn.dialect.name != "postgresql":
        return None
    exists = conn.execute(text("SELECT to_regproc(:name) IS NOT NULL"),
                          {"name": PREFIX_FUNCTION}).scalar()
    if not exists:
        return None
    value = conn.execute(text(f"SELECT {PREFIX_FUNCTION}()")).scalar()
    return str(value) if value else None


def login_exists(where: Session | Connection, login: str) -> bool:
    """Whether a database role named ``login`` exists on the server."""
    conn = _conn(where)
    return bool(conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"),
                             {"n": login}).scalar())


def _verifier(conn: Connection, login: str, password: str) -> str:
    """The SCRAM-SHA-256 verifier of ``password`` for ``login``, computed by libpq here."""
    if not password:
        raise ValidationError("पासवर्ड खाली नहीं हो सकता (the password cannot be empty)")
    raw = conn.connection.dbapi_connection
    pgconn = getattr(raw, "pgconn", None)
    if pgconn is None:  # another driver than psycopg 3
        raise ConfigError("setting database passwords needs the psycopg driver")
    verifier: bytes = pgconn.encrypt_password(password.encode(), login.encode(),
                                              b"scram-sha-256")
    return verifier.decode("ascii")


def _attributes(role: Role) -> str:
    return "CREATEROLE" if role == Role.ADMIN else "NOCREATEROLE"


def create_login(where: Session | Connection, login: str, role: Role, *,
                 password: str | None, prefix: str) -> bool:
    """Create (or, when it exists, adopt) the LOGIN role ``login`` in ``role``'s group.

    ``password`` ``None`` leaves the password unset (another authentication method, or
    set later with :func:`set_login_password`). Returns True when the role was created.
    Raises a :class:`~editor_app.core.errors.PermissionDenied` from the server when the
    connected login may not create roles.
    """
    conn = _conn(where)
    created = not login_exists(conn, login)
    if created:
        conn.exec_driver_sql(f"CREATE ROLE {quote_ident(login)} LOGIN")
    else:
        conn.exec_driver_sql(f"ALTER ROLE {quote_ident(login)} LOGIN")
    if password is not None:
        set_login_password(conn, login, password)
    set_login_group(conn, login, role, prefix=prefix)
    log.info("database login %s %s in group %s", login,
             "created" if created else "adopted", group_role(role, prefix))
    return created


def set_login_password(where: Session | Connection, login: str, password: str) -> None:
    """Set the password of the LOGIN role ``login`` (sent as a verifier, never logged)."""
    conn = _conn(where)
    verifier = _verifier(conn, login, password)
    conn.exec_driver_sql(f"ALTER ROLE {quote_ident(login)} PASSWORD {_literal(verifier)}")


def set_login_group(where: Session | Connection, login: str, role: Role, *,
                    prefix: str) -> None:
    """Make ``login`` a member of ``role``'s group role and of no other Sampadak group."""
    conn = _conn(where)
    ident = quote_ident(login)
    for other in Role:
        if other != role:
            group = group_role(other, prefix)
            member = conn.execute(text(
                "SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
                "JOIN pg_roles u ON u.oid = m.member WHERE g.rolname = :g "
                "AND u.rolname = :u"), {"g": group, "u": login}).scalar()
            if member:
                conn.exec_driver_sql(f"REVOKE {quote_ident(group)} FROM {ident}")
    conn.exec_driver_sql(f"GRANT {quote_ident(group_role(role, prefix))} TO {ident}")
    conn.exec_driver_sql(f"ALTER ROLE {ident} {_attributes(role)}")


def set_login_enabled(where: Session | Connection, login: str, enabled: bool) -> None:
    """Let ``login`` connect again, or stop it (``NOLOGIN``; open sessions are refused
    every change by the newsroom rules, which check the user's ``active`` flag)."""
    conn = _conn(where)
    conn.exec_driver_sql(f"ALTER ROLE {quote_ident(login)} {'LOGIN' if enabled else 'NOLOGIN'}")


def drop_login(where: Session | Connection, login: str) -> None:
    """Drop the role ``login`` if it exists (tests and cleaning up; users are otherwise
    deactivated, never deleted)."""
    conn = _conn(where)
    conn.exec_driver_sql(f"DROP ROLE IF EXISTS {quote_ident(login)}")
