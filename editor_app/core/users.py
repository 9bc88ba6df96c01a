"""Users of the newsroom and the acting user every changing core call receives.

Contracts:
- A user has a Devanagari display ``name`` (NFC, spaces collapsed), a Latin name, an
  optional ``login`` (stored case-folded, unique ignoring case), a :class:`Role` and an
  ``active`` flag. Users are deactivated, never deleted (revisions keep pointing at them).
- :class:`UserService` changes users only for an admin, with two exceptions: the very first
  user of an empty database may be created by anyone (the first run), and a user may
  change their own names (:meth:`UserService.rename`, from Preferences). The first user is
  the local profile (:func:`editor_app.core.profiles.local_profile`).
- The last active admin can be neither deactivated nor demoted (nobody could add users).
- :func:`find_user` names a user by login, or by name (Devanagari or Latin) for users
  without logins; :func:`resolve_actor` does the same for ``--as`` and refuses inactive
  users.
- A plain string where an :data:`Actor` is expected means an unattributed maintenance actor
  with full rights (:func:`as_actor`): old call sites and tests; it records no user id.
- Errors are typed (:class:`PermissionDenied`, :class:`ValidationError`,
  :class:`NotFoundError`) with Hindi and English in one message.
- On a PostgreSQL newsroom (``sampadak newsroom init`` has run, issue 8) a user with a
  login is also a database LOGIN role (:mod:`editor_app.core.newsroom.roles`), made in the
  same transaction as the row: :meth:`UserService.create` creates it in the group of the
  user's role, :meth:`~UserService.set_role` moves it to the new group,
  :meth:`~UserService.set_active` turns its ``LOGIN`` on or off, and
  :meth:`~UserService.set_password` sets its password. Passwords are never stored in
  Sampadak's tables, logged or audited.
"""

from __future__ import annotations

import json
import logging

import regex
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from editor_app.core.db import Database
from editor_app.core.errors import NotFoundError, PermissionDenied, ValidationError
from editor_app.core.models import AuditEvent, User
from editor_app.core.newsroom import roles as db_roles
from editor_app.core.profiles import Actor, ProfileInfo, Role
from editor_app.core.text.normalize import to_nfc

__all__ = [
    "MAINTENANCE_ID",
    "UserService",
    "actor_id",
    "as_actor",
    "clean_login",
    "find_user",
    "list_users",
    "maintenance_actor",
    "resolve_actor",
    "user_info",
]

log = logging.getLogger(__name__)

#: The id of an unattributed maintenance actor (never a stored user).
MAINTENANCE_ID = 0

_LOGIN = regex.compile(r"^[\p{L}\p{M}\p{Nd}._@-]{1,100}$")


def maintenance_actor(name: str = "") -> Actor:
    """An unattributed actor with full rights (imports by scripts, old call sites, tests)."""
    return ProfileInfo(MAINTENANCE_ID, name, Role.ADMIN)


def as_actor(actor: Actor | str) -> Actor:
    """``actor`` itself, or a maintenance actor named by the string."""
    return maintenance_actor(actor) if isinstance(actor, str) else actor


def actor_id(actor: Actor) -> int | None:
    """The user id to record for ``actor`` (``None`` for a maintenance actor)."""
    return None if actor.id == MAINTENANCE_ID else actor.id


def clean_login(login: str | None) -> str | None:
    """The stored form of a login (NFC, case-folded) or ``None`` for no login.

    Raises :class:`ValidationError` for spaces or punctuation other than ``. _ @ -``.
    """
    if login is None or not login.strip():
        return None
    value = to_nfc(login.strip()).casefold()
    if not _LOGIN.match(value):
        raise ValidationError(f"लॉगिन {login!r} मान्य नहीं: केवल अक्षर, अंक और . _ @ - "
                              f"(login {login!r} is not valid: letters, digits and . _ @ - "
                              "only, at most 100)")
    return value


def _clean_name(name: str, what: str, *, required: bool) -> str:
    value = " ".join(to_nfc(name).split())
    if required and not value:
        raise ValidationError(f"उपयोगकर्ता का नाम ज़रूरी है ({what} is required)")
    return value


def _role(value: Role | str) -> Role:
    try:
        return Role(value)
    except ValueError:
        choices = ", ".join(r.value for r in Role)
        raise ValidationError(f"अज्ञात भूमिका {value!r} (unknown role {value!r}; "
                              f"choose one of {choices})") from None


def user_info(row: User) -> ProfileInfo:
    """The value object of a stored user (an unknown stored role reads as reporter)."""
    try:
        role = Role(row.role)
    except ValueError:
        role = Role.REPORTER
    return ProfileInfo(row.id, row.name, role, row.name_latin or "", row.login,
                       bool(row.active))


def list_users(db: Database, *, include_inactive: bool = True) -> list[ProfileInfo]:
    """Every user, oldest first (the local profile first)."""
    with db.session() as session:
        query = select(User).order_by(User.id)
        if not include_inactive:
            query = query.where(User.active.is_(True))
        return [user_info(row) for row in session.scalars(query)]


def _find_row(session: Session, ident: str) -> User:
    text = to_nfc(ident.strip())
    if not text:
        raise ValidationError("उपयोगकर्ता बताएं (name a user by login or name)")
    by_login = session.scalar(select(User).where(User.login == text.casefold()))
    if by_login is not None:
        return by_login
    name = " ".join(text.split())
    rows = list(session.scalars(select(User).where(
        (User.name == name) | (func.lower(User.name_latin) == name.lower()))
        .order_by(User.id)))
    if not rows:
        raise NotFoundError(f"कोई उपयोगकर्ता नहीं: {ident!r} (no user with login or name "
                            f"{ident!r})")
    if len(rows) > 1:
        logins = ", ".join(r.login or f"#{r.id}" for r in rows)
        raise ValidationError(f"{ident!r} नाम के कई उपयोगकर्ता हैं; लॉगिन बताएं (several users "
                              f"are called {ident!r}; name one by login: {logins})")
    return rows[0]


def find_user(db: Database, ident: str) -> ProfileInfo:
    """The user whose login is ``ident`` (any case), else whose Devanagari or Latin name is
    ``ident``. :class:`NotFoundError` when none, :class:`ValidationError` when the name is
    ambiguous."""
    with db.session() as session:
        return user_info(_find_row(session, ident))


def resolve_actor(db: Database, ident: str) -> Actor:
    """The acting user named by ``ident`` (``--as``); refuses a deactivated user."""
    user = find_user(db, ident)
    if not user.active:
        raise PermissionDenied(f"{user.name} निष्क्रिय हैं (user {user.login or user.name} "
                               "is deactivated)")
    return user


class UserService:
    """Create and change users on behalf of ``actor`` (``None``: nobody yet, first run)."""

    def __init__(self, db: Database, actor: Actor | str | None) -> None:
        self._db = db
        self.actor = None if actor is None else as_actor(actor)

    def create(self, name: str, role: Role | str = Role.REPORTER, *, login: str | None = None,
               name_latin: str = "", password: str | None = None) -> ProfileInfo:
        """Store a new active user. Admin only, except the first user of an empty database.
        On a PostgreSQL newsroom a ``login`` also becomes a LOGIN role with ``password``
        (``None``: no password set yet).

        Raises :class:`ValidationError` (empty name, unknown role, bad or taken login) or
        :class:`PermissionDenied`.
        """
        clean = _clean_name(name, "name", required=True)
        latin = _clean_name(name_latin, "Latin name", required=False)
        role_value = _role(role)
        stored_login = clean_login(login)
        with self._db.session() as session:
            first = session.scalar(select(func.count()).select_from(User)) == 0
            if not first:
                self._require_admin("उपयोगकर्ता जोड़ना (add users)")
            if stored_login is not None and session.scalar(
                    select(User.id).where(User.login == stored_login)) is not None:
                raise ValidationError(f"लॉगिन {stored_login!r} पहले से है (login "
                                      f"{stored_login!r} is taken)")
            row = User(name=clean, name_latin=latin, login=stored_login,
                       role=role_value.value, active=True)
            session.add(row)
            session.flush()
            prefix = db_roles.newsroom_prefix(session)
            if prefix is not None and stored_login is not None:
                db_roles.create_login(session, stored_login, role_value, password=password,
                                      prefix=prefix)
            self._audit(session, "user.add", {"user": row.id, "name": clean,
                                              "login": stored_login, "role": role_value.value},
                        by=user_info(row) if self.actor is None else None)
            info = user_info(row)
        log.info("user %d (%s, %s) created", info.id, info.name, info.role.value)
        return info

    def set_active(self, user_id: int, active: bool) -> ProfileInfo:
        """Activate or deactivate a user (admin only; not the last active admin)."""
        self._require_admin("उपयोगकर्ता बदलना (change users)")
        with self._db.session() as session:
            row = self._row(session, user_id)
            if not active:
                self._keep_an_admin(session, row)
            row.active = active
            if row.login and db_roles.newsroom_prefix(session) is not None and \
                    db_roles.login_exists(session, row.login):
                db_roles.set_login_enabled(session, row.login, active)
            self._audit(session, "user.activate" if active else "user.deactivate",
                        {"user": row.id})
            session.flush()
            return user_info(row)

    def set_role(self, user_id: int, role: Role | str) -> ProfileInfo:
        """Change a user's role (admin only; the last active admin keeps theirs)."""
        role_value = _role(role)
        self._require_admin("भूमिका बदलना (change roles)")
        with self._db.session() as session:
            row = self._row(session, user_id)
            if role_value != Role.ADMIN:
                self._keep_an_admin(session, row)
            old = row.role
            row.role = role_value.value
            prefix = db_roles.newsroom_prefix(session)
            if row.login and prefix is not None and db_roles.login_exists(session, row.login):
                db_roles.set_login_group(session, row.login, role_value, prefix=prefix)
            self._audit(session, "user.role", {"user": row.id, "from": old,
                                               "to": role_value.value})
            session.flush()
            return user_info(row)

    def rename(self, user_id: int, name: str, name_latin: str = "") -> ProfileInfo:
        """Change a user's Devanagari and Latin names (NFC, spaces collapsed); the role and
        login stay. The user themselves or an admin; audited as ``user.rename``. Revisions
        keep the names they were saved with."""
        clean = _clean_name(name, "name", required=True)
        latin = _clean_name(name_latin, "Latin name", required=False)
        if self.actor is None or self.actor.id != user_id:
            self._require_admin("दूसरे का नाम बदलना (rename another user)")
        with self._db.session() as session:
            row = self._row(session, user_id)
            before = {"name": row.name, "name_latin": row.name_latin}
            row.name, row.name_latin = clean, latin
            self._audit(session, "user.rename", {"user": row.id, "from": before,
                                                 "to": {"name": clean, "name_latin": latin}})
            session.flush()
            return user_info(row)

    def set_password(self, user_id: int, password: str) -> ProfileInfo:
        """Set the database password of a user's login on a PostgreSQL newsroom: the user
        themselves or an admin; an admin also creates a missing LOGIN role (a user added
        before ``newsroom init``). :class:`ValidationError` on SQLite, for a user without a
        login, or an empty password. Audited as ``user.password`` (without the password)."""
        if self.actor is None or self.actor.id != user_id:
            self._require_admin("दूसरे का पासवर्ड बदलना (set another user's password)")
        with self._db.session() as session:
            row = self._row(session, user_id)
            prefix = db_roles.newsroom_prefix(session)
            if prefix is None:
                raise ValidationError("पासवर्ड केवल PostgreSQL न्यूज़रूम पर (database passwords "
                                      "exist only on a PostgreSQL newsroom after "
                                      "'sampadak newsroom init')")
            if not row.login:
                raise ValidationError(f"{row.name} का लॉगिन नहीं है (user {row.id} has no "
                                      "login)")
            if db_roles.login_exists(session, row.login):
                db_roles.set_login_password(session, row.login, password)
            else:
                self._require_admin("डेटाबेस लॉगिन बनाना (create a database login)")
                db_roles.create_login(session, row.login, _role(row.role), password=password,
                                      prefix=prefix)
            self._audit(session, "user.password", {"user": row.id})
            return user_info(row)

    # ----------------------------------------------------------------- helpers
    def _require_admin(self, what: str) -> None:
        actor = self.actor
        if actor is None or actor.role != Role.ADMIN:
            who = f"{actor.name} ({actor.role.label})" if actor else "कोई उपयोगकर्ता नहीं (nobody)"
            raise PermissionDenied(f"{who}: {what} केवल {Role.ADMIN.label} कर सकते हैं "
                                   f"(only an admin may do this)")

    @staticmethod
    def _row(session: Session, user_id: int) -> User:
        row = session.get(User, user_id)
        if row is None:
            raise NotFoundError(f"उपयोगकर्ता {user_id} नहीं मिला (no user with id {user_id})")
        return row

    @staticmethod
    def _keep_an_admin(session: Session, row: User) -> None:
        if row.role != Role.ADMIN.value or not row.active:
            return
        admins = session.scalar(select(func.count()).select_from(User).where(
            User.role == Role.ADMIN.value, User.active.is_(True)))
        if (admins or 0) <= 1:
            raise ValidationError(f"{row.name} अंतिम सक्रिय प्रशासक हैं (the last active admin "
                                  "cannot be deactivated or demoted)")

    def _audit(self, session: Session, action: str, detail: dict[str, object], *,
               by: Actor | None = None) -> None:
        actor = by or self.actor
        session.add(AuditEvent(user=actor.name if actor else "", action=action,
                               user_id=actor_id(actor) if actor else None,
                               detail_json=json.dumps(detail, ensure_ascii=False)))
