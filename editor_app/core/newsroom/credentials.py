"""Connecting to a newsroom database with a login and password, and the system keyring.

Contracts:
- :func:`needs_login`: a PostgreSQL URL that carries no password. Such a URL is first
  tried as it is (libpq then uses ``PGPASSWORD``, ``~/.pgpass``, or a server that needs
  no password); only a refused login makes the app (dialog) or CLI (terminal) ask.
- :func:`open_as` opens the database as ``login`` with ``password``: the login goes into
  the URL, the password only to the driver (:func:`editor_app.core.db.open_database`),
  so no URL string, setting, log line or error message holds it.
- The keyring (the ``keyring`` library: the system's secret service, macOS Keychain,
  Windows Credential Locker) stores a password only when the user asks for it.
  :func:`keyring_problem` says why it cannot (no working backend), and then
  :func:`save_password` refuses (:class:`ConfigError`) and nothing is stored. Entries are
  keyed by :func:`keyring_service` (host, port and database of the URL) and the login.
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from editor_app.core.db import Database, open_database
from editor_app.core.errors import ConfigError

__all__ = ["delete_password", "keyring_problem", "keyring_service", "load_password",
           "needs_login", "open_as", "save_password", "url_login", "with_login"]

log = logging.getLogger(__name__)


def needs_login(url: str) -> bool:
    """Whether ``url`` names a PostgreSQL database without a password in it."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return False
    return parsed.get_backend_name() == "postgresql" and not parsed.password


def url_login(url: str) -> str:
    """The user name written in ``url`` ('' when none)."""
    try:
        return make_url(url).username or ""
    except ArgumentError:
        return ""


def with_login(url: str, login: str) -> str:
    """``url`` with ``login`` as its user name and no password."""
    given = make_url(url)  # URL.set() cannot clear a field: build it anew
    parsed = URL.create(given.drivername, username=login or None, password=None,
                        host=given.host, port=given.port, database=given.database,
                        query=given.query)
    return parsed.render_as_string(hide_password=False)


def open_as(url: str, login: str, password: str | None) -> Database:
    """Open ``url`` as ``login`` (see the module contract); raises
    :class:`~editor_app.core.errors.LoginRequired` when the server refuses."""
    target = with_login(url, login) if login else url
    return open_database(target, password=password or None)


def keyring_service(url: str) -> str:
    """The keyring service name for the database of ``url``."""
    parsed = make_url(url)
    return f"sampadak:{parsed.host or 'localhost'}:{parsed.port or 5432}/{parsed.database}"


def _backend() -> Any:
    import keyring  # imported only when a login is asked for

    return keyring.get_keyring()


def keyring_problem() -> str | None:
    """``None`` when a keyring backend works, else why not (for the dialog to show)."""
    try:
        backend = _backend()
    except Exception as exc:  # I/O boundary: a broken keyring must not stop a login
        return f"the system keyring cannot be used: {exc}"
    priority = getattr(backend, "priority", 0)
    name = type(backend).__module__
    if name.startswith("keyring.backends.fail") or (
            isinstance(priority, int | float) and priority <= 0):
        return "no system keyring is available (install and unlock one to remember passwords)"
    return None


def load_password(url: str, login: str) -> str | None:
    """The remembered password of ``login`` for ``url``, ``None`` when none or when no
    keyring works."""
    if not login or keyring_problem() is not None:
        return None
    try:
        value = _backend().get_password(keyring_service(url), login)
    except Exception as exc:  # I/O boundary
        log.info("keyring lookup failed: %s", type(exc).__name__)
        return None
    return value if isinstance(value, str) and value else None


def save_password(url: str, login: str, password: str) -> None:
    """Remember ``password`` in the keyring; :class:`ConfigError` when no keyring works
    (then nothing is stored anywhere)."""
    problem = keyring_problem()
    if problem is not None:
        raise ConfigError(problem)
    try:
        _backend().set_password(keyring_service(url), login, password)
    except Exception as exc:  # I/O boundary; the message never holds the password
        raise ConfigError(f"the keyring did not store the password ({type(exc).__name__})"
                          ) from None
    log.info("password of %s remembered in the system keyring", login)


def delete_password(url: str, login: str) -> None:
    """Forget a remembered password (a refused one); silent when there is none."""
    if keyring_problem() is not None:
        return
    try:
        _backend().delete_password(keyring_service(url), login)
    except Exception as exc:  # I/O boundary: nothing stored, or a locked keyring
        log.info("keyring delete: %s", type(exc).__name__)
