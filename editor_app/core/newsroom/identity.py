"""The Sampadak user a database connection acts as.

Contract of :func:`database_actor`: on PostgreSQL, the user whose stored login equals the
connection's ``current_user`` (the LOGIN role the app connected with); ``None`` on SQLite
and for a login that is no Sampadak user (the maintainer, e.g. ``postgres``), where the
callers keep their own rules (``--as``, the local profile). A deactivated user is refused
with :class:`~editor_app.core.errors.PermissionDenied`.

:func:`connected_login` is the ``current_user`` itself (``None`` on SQLite).
"""

from __future__ import annotations

from sqlalchemy import select, text

from editor_app.core.db import Database
from editor_app.core.errors import PermissionDenied
from editor_app.core.models import User
from editor_app.core.profiles import Actor

__all__ = ["connected_login", "database_actor", "require_same_user"]


def connected_login(db: Database) -> str | None:
    """The database role the connection runs as (``None`` on SQLite)."""
    if db.is_sqlite:
        return None
    with db.session() as session:
        value = session.execute(text("SELECT current_user")).scalar()
    return str(value) if value is not None else None


def database_actor(db: Database) -> Actor | None:
    """The Sampadak user logged in to the database (see the module contract)."""
    from editor_app.core.users import user_info

    login = connected_login(db)
    if login is None:
        return None
    with db.session() as session:
        row = session.scalar(select(User).where(User.login == login))
        if row is None:
            return None
        user = user_info(row)
    if not user.active:
        raise PermissionDenied(f"{user.name} निष्क्रिय हैं (the database login {login} "
                               "belongs to a deactivated user)")
    return user


def require_same_user(logged_in: Actor, named: Actor) -> None:
    """Refuse acting as someone else than the database login's user (``--as``)."""
    if logged_in.id != named.id:
        raise PermissionDenied(
            f"{logged_in.name} के रूप में जुड़े हैं, {named.name} के रूप में काम नहीं कर "
            f"सकते (connected to the database as {logged_in.login}: cannot act as "
            f"{named.login or named.name})")
