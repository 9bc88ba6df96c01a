"""User profiles and roles. On SQLite the local profile is the user.

Contract: :func:`local_profile` returns the first profile (the person using this database
file) or ``None`` on a first run; :func:`create_profile` validates name and role.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select

from editor_app.core.db import Database
from editor_app.core.errors import ValidationError
from editor_app.core.models import UserProfile
from editor_app.core.text.normalize import to_nfc

__all__ = ["STYLE_EDITORS", "Actor", "ProfileInfo", "Role", "create_profile", "local_profile"]


class Role(StrEnum):
    """Newsroom roles, from least to most rights."""

    REPORTER = "reporter"
    COPY_EDITOR = "copy_editor"
    DESK_CHIEF = "desk_chief"
    ADMIN = "admin"

    @property
    def label(self) -> str:
        """Bilingual label for menus and dialogs."""
        return _LABELS[self]


_LABELS = {
    Role.REPORTER: "संवाददाता (Reporter)",
    Role.COPY_EDITOR: "उप-संपादक (Copy editor)",
    Role.DESK_CHIEF: "डेस्क प्रमुख (Desk chief)",
    Role.ADMIN: "प्रशासक (Admin)",
}


@dataclass(frozen=True, slots=True)
class ProfileInfo:
    """A user as the services see them: the acting user of a call (see :data:`Actor`)."""

    id: int
    name: str
    role: Role
    name_latin: str = ""
    login: str | None = None
    active: bool = True


#: The acting user passed to every core service that changes data.
Actor = ProfileInfo


def local_profile(db: Database) -> ProfileInfo | None:
    """The local user's profile, or ``None`` before the first-run dialog."""
    with db.session() as session:
        row = session.scalars(select(UserProfile).order_by(UserProfile.id).limit(1)).first()
        if row is None:
            return None
        return ProfileInfo(row.id, row.name, _role(row.role), row.name_latin or "", row.login,
                           bool(row.active))


def create_profile(db: Database, name: str, role: Role | str) -> ProfileInfo:
    """Store a profile without a rights check (first run, tests, maintenance scripts);
    :class:`ValidationError` for an empty name or unknown role. Everything else adds
    users through :class:`editor_app.core.users.UserService`."""
    clean = " ".join(to_nfc(name).split())
    if not clean:
        raise ValidationError("a profile needs a name")
    try:
        role_value = Role(role)
    except ValueError as exc:
        raise ValidationError(f"unknown role {role!r}") from exc
    with db.session() as session:
        row = UserProfile(name=clean, role=role_value.value)
        session.add(row)
        session.flush()
        return ProfileInfo(row.id, row.name, role_value)


#: Roles that may change the newsroom's house style sheet.
STYLE_EDITORS = frozenset({Role.DESK_CHIEF, Role.ADMIN})


def _role(value: str) -> Role:
    try:
        return Role(value)
    except ValueError:
        return Role.REPORTER
