"""What every command receives: the config, a lazily opened database, the output streams."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TextIO

from editor_app.config import Config
from editor_app.core.errors import NotFoundError, ValidationError

if TYPE_CHECKING:
    from editor_app.core.articles import ArticleService
    from editor_app.core.db import Database
    from editor_app.core.profiles import Actor

__all__ = ["MAX_ARTICLE_ID", "CliContext", "parse_article_id"]

#: Largest article id: PostgreSQL's INTEGER (SQLite's is wider; ids must fit both).
MAX_ARTICLE_ID = 2**31 - 1


def parse_article_id(text: str) -> int | None:
    """The numeric id written in ``text``, ``None`` when it is not a number at all.

    Raises :class:`ValidationError` for digits that are not ASCII (``१``: Python's ``int``
    would read it as 1) and for numbers outside 1 … :data:`MAX_ARTICLE_ID`.
    """
    stripped = text.strip()
    if not stripped or not all(ch.isdecimal() for ch in stripped):
        return None
    if not stripped.isascii():
        raise ValidationError(f"article id {text!r} is not written in ASCII digits (0-9)")
    if len(stripped) > len(str(MAX_ARTICLE_ID)) or not 1 <= int(stripped) <= MAX_ARTICLE_ID:
        raise ValidationError(f"article id {text} is out of range "
                              f"(ids are 1 to {MAX_ARTICLE_ID})")
    return int(stripped)


@dataclass
class CliContext:
    """What a command needs: the config, a lazily opened database, the output streams and
    the acting user (``--as``; :attr:`actor`)."""

    config: Config
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)
    _db: Database | None = None
    #: ``--as LOGIN|NAME`` as given (``None``: the local profile).
    acting_as: str | None = None
    _actor: Actor | None = None

    @property
    def db(self) -> Database:
        """The migrated database (opened on first use).

        A PostgreSQL URL without a password is tried as it is (libpq uses ``PGPASSWORD``
        or ``~/.pgpass``); when the server refuses, the password is asked on the terminal
        (never echoed; without a terminal the refusal stands, with a hint)."""
        if self._db is None:
            self.config.ensure_dirs()
            self._db = self._open(self.config.database_url)
        return self._db

    def _open(self, url: str) -> Database:
        from editor_app.core.db import open_database
        from editor_app.core.errors import LoginRequired
        from editor_app.core.newsroom.credentials import needs_login, open_as, url_login

        try:
            return open_database(url)
        except LoginRequired as exc:
            if not needs_login(url):
                raise
            if not sys.stdin.isatty():
                raise LoginRequired(f"{exc} (give the password in PGPASSWORD or ~/.pgpass, "
                                    "or run the command on a terminal to be asked)") from None
        import getpass
        import os

        login = url_login(url) or os.environ.get("PGUSER") or getpass.getuser()
        password = getpass.getpass(f"database password for {login}: ")
        return open_as(url, login, password)

    @property
    def actor(self) -> Actor:
        """The acting user of every command: the user named by ``--as`` (login, or name
        when logins are not set; a deactivated user is refused), else the local profile,
        else (a database without users) an unattributed maintenance actor "cli". On
        PostgreSQL, a connection whose login is a Sampadak user acts as that user, and
        ``--as`` may name only them."""
        if self._actor is None:
            from editor_app.core.newsroom.identity import database_actor, require_same_user
            from editor_app.core.profiles import local_profile
            from editor_app.core.users import maintenance_actor, resolve_actor

            logged_in = database_actor(self.db)  # PostgreSQL: the login's own user
            if logged_in is not None:
                if self.acting_as:
                    require_same_user(logged_in, resolve_actor(self.db, self.acting_as))
                self._actor = logged_in
            elif self.acting_as:
                self._actor = resolve_actor(self.db, self.acting_as)
            else:
                self._actor = local_profile(self.db) or maintenance_actor("cli")
        return self._actor

    def service(self) -> ArticleService:
        """An article service acting as :attr:`actor`."""
        from editor_app.core.articles import ArticleService

        return ArticleService(self.db, self.actor)

    def find_id(self, ident: str) -> int:
        """The id of the article named by ``ident`` (a numeric id or a UUID).

        Every command that takes an article goes through here, so ids are checked the
        same way everywhere (see :func:`parse_article_id`).
        """
        number = parse_article_id(ident)
        if number is not None:
            return number
        try:
            return self.service().get_by_uuid(ident.strip()).id
        except NotFoundError:
            raise NotFoundError(f"no article with id or UUID {ident!r}") from None

    def close(self) -> None:
        """Close the database if it was opened."""
        if self._db is not None:
            self._db.close()
            self._db = None

    def print_json(self, value: Any) -> None:
        """Pretty UTF-8 JSON on stdout (Devanagari left readable)."""
        json.dump(value, self.out, ensure_ascii=False, indent=2, default=str)
        self.out.write("\n")
