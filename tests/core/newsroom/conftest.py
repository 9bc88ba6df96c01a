"""Fixtures for the newsroom tests on PostgreSQL: a newsroom set up with a unique role
prefix, one login per role (unique names: roles are cluster-wide), dropped afterwards."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date

import pytest

from editor_app.core.article_data import ArticleData, BylineData
from editor_app.core.db import Database
from editor_app.core.newsroom.credentials import open_as
from editor_app.core.newsroom.policies import drop_newsroom_roles, init_newsroom
from editor_app.core.newsroom.roles import drop_login
from editor_app.core.profiles import ProfileInfo, Role
from editor_app.core.users import UserService

#: A story that passes the approval gate.
STORY = ArticleData(
    headline="पटना में बारिश से राहत",
    dek="मौसम विभाग ने अगले दो दिन और बारिश की बात कही",
    body="पटना में रविवार को अच्छी बारिश हुई।\n\nलोगों को गर्मी से राहत मिली।\n",
    category="शहर",
    dateline_place="पटना",
    dateline_date=date(2026, 7, 1),
    tags=("मौसम",),
    bylines=(BylineData("सीमा यादव", "Seema Yadav", "संवाददाता"),),
    slug="patna-barish",
)


@dataclass
class Newsroom:
    """A newsroom database: the maintainer's connection (``db``), its URL, the role
    prefix, the users by key and their passwords; :meth:`connect` opens it as a user."""

    url: str
    db: Database
    prefix: str
    tag: str
    users: dict[str, ProfileInfo] = field(default_factory=dict)
    passwords: dict[str, str] = field(default_factory=dict)
    opened: list[Database] = field(default_factory=list)

    def login(self, key: str) -> str:
        login = self.users[key].login
        assert login is not None
        return login

    def connect(self, key: str) -> Database:
        """The database opened with ``key``'s own login and password."""
        db = open_as(self.url, self.login(key), self.passwords[key])
        self.opened.append(db)
        return db

    def add(self, key: str, name: str, role: Role) -> ProfileInfo:
        """Add a user (as the admin) with a login and password of their own."""
        password = f"pw-{key}-{self.tag}"
        admin = self.users["admin"]
        user = UserService(self.db, admin).create(name, role, login=f"{key}_{self.tag}",
                                                  password=password)
        self.users[key], self.passwords[key] = user, password
        return user


@pytest.fixture
def newsroom(db: Database, db_url: str) -> Iterator[Newsroom]:
    """A newsroom with an admin (first user), two reporters, a copy editor and a desk
    chief, each a LOGIN role; everything made on the server is dropped afterwards."""
    tag = uuid.uuid4().hex[:8]
    room = Newsroom(url=db_url, db=db, prefix=f"t{tag}", tag=tag)
    admin = UserService(db, None).create("अनिल प्रशासक", Role.ADMIN, login=f"admin_{tag}")
    room.users["admin"] = admin
    init_newsroom(db, room.prefix)
    room.passwords["admin"] = f"pw-admin-{tag}"
    UserService(db, admin).set_password(admin.id, room.passwords["admin"])
    room.add("seema", "सीमा यादव", Role.REPORTER)
    room.add("ravi", "रवि कुमार", Role.REPORTER)
    room.add("neha", "नेहा त्रिपाठी", Role.COPY_EDITOR)
    room.add("sudha", "सुधा वर्मा", Role.DESK_CHIEF)
    try:
        yield room
    finally:
        for opened in room.opened:
            opened.close()
        with db.engine.begin() as conn:
            for user in room.users.values():
                if user.login:
                    drop_login(conn, user.login)
        drop_newsroom_roles(db, room.prefix)


Connect = Callable[[str], Database]
