"""Opening a PostgreSQL newsroom as the user's own database login (issue 8 item 2).

Contract of :func:`open_with_login`:
- The URL is tried as it is first: a URL with a password, a server that needs none, or
  libpq's ``PGPASSWORD`` / ``~/.pgpass`` open without asking. Only a refused login of a
  URL without a password goes on.
- Then a password remembered in the system keyring for the last login (setting
  ``database_login``, or the URL's user) is tried; a refused one is forgotten.
- Then the login dialog (:class:`~editor_app.gui.dialogs.login_dialog.LoginDialog`) asks
  until the server accepts or the user cancels (``None``). An accepted login is kept in
  the setting ``database_login`` (the login only); the password goes to the keyring only
  when the user ticked "remember" and a keyring works — never to ``settings.toml``, a log
  line or a message.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from editor_app.config import Config
from editor_app.core.db import Database, open_database
from editor_app.core.errors import ConfigError, LoginRequired
from editor_app.core.newsroom import credentials

__all__ = ["LOGIN_SETTING", "LoginAnswer", "LoginAsker", "LoginRequest",
           "ask_login_with_dialog", "open_with_login"]

log = logging.getLogger(__name__)

#: The setting that keeps the last accepted database login (never a password).
LOGIN_SETTING = "database_login"


@dataclass(frozen=True, slots=True)
class LoginRequest:
    """What the login dialog shows."""

    label: str
    login: str
    keyring_problem: str | None
    error: str


@dataclass(frozen=True, slots=True)
class LoginAnswer:
    """What the user typed."""

    login: str
    password: str
    remember: bool


#: Asks for a login; ``None`` when the user cancels.
LoginAsker = Callable[[LoginRequest], LoginAnswer | None]


def ask_login_with_dialog(request: LoginRequest) -> LoginAnswer | None:
    """The login dialog."""
    from PySide6.QtWidgets import QDialog

    from editor_app.gui.dialogs.login_dialog import LoginDialog

    dialog = LoginDialog(request.label, request.login,
                         keyring_problem=request.keyring_problem, error=request.error)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return LoginAnswer(dialog.login(), dialog.password(), dialog.remember())


def _label(url: str) -> str:
    """The database for the dialog: its URL without login or password."""
    return credentials.with_login(url, "")


def _remember_login(config: Config, login: str) -> None:
    if config.settings.get(LOGIN_SETTING) == login:
        return
    config.settings[LOGIN_SETTING] = login
    try:
        config.save_settings()
    except OSError as exc:  # I/O boundary: only the login is lost
        log.warning("cannot save the login setting: %s", exc)


def open_with_login(config: Config, ask: LoginAsker = ask_login_with_dialog) -> Database | None:
    """The configured database opened as the user's login (see the module contract);
    other :class:`~editor_app.core.errors.SampadakError` propagate."""
    url = config.database_url
    try:
        return open_database(url)
    except LoginRequired as exc:
        if not credentials.needs_login(url):
            raise
        error = str(exc)
    login = config.get_str(LOGIN_SETTING) or credentials.url_login(url)
    remembered = credentials.load_password(url, login)
    if remembered is not None:
        try:
            db = credentials.open_as(url, login, remembered)
        except LoginRequired as exc:
            log.info("the remembered password of %s was refused; forgetting it", login)
            credentials.delete_password(url, login)
            error = str(exc)
        else:
            _remember_login(config, login)
            return db
    problem = credentials.keyring_problem()
    while True:
        answer = ask(LoginRequest(_label(url), login, problem, error))
        if answer is None:
            return None
        login = answer.login
        try:
            db = credentials.open_as(url, login, answer.password)
        except LoginRequired as exc:
            log.info("database login %s refused", login)
            error = str(exc)
            continue
        _remember_login(config, login)
        if answer.remember:
            try:
                credentials.save_password(url, login, answer.password)
            except ConfigError as exc:
                log.warning("password not remembered: %s", exc)
        return db
