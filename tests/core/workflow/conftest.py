"""Fixtures for the workflow tests: one user per role and complete stories."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import update

from editor_app.core.article_data import ArticleData, BylineData
from editor_app.core.articles import ArticleService
from editor_app.core.db import Database
from editor_app.core.models import Article
from editor_app.core.profiles import ProfileInfo, Role
from editor_app.core.users import UserService
from editor_app.core.workflow.statuses import Status

#: A story that passes the approval gate (every field, no copy-desk errors).
COMPLETE = ArticleData(
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

Team = dict[Role, ProfileInfo]


@pytest.fixture
def team(db: Database) -> Team:
    """An admin (the first user, the local profile), then a reporter, a copy editor and a
    desk chief, each with a login."""
    admin = UserService(db, None).create("अनिल प्रशासक", Role.ADMIN, login="admin")
    users = UserService(db, admin)
    return {
        Role.ADMIN: admin,
        Role.REPORTER: users.create("सीमा यादव", Role.REPORTER, login="seema",
                                    name_latin="Seema Yadav"),
        Role.COPY_EDITOR: users.create("नेहा त्रिपाठी", Role.COPY_EDITOR, login="neha"),
        Role.DESK_CHIEF: users.create("सुधा वर्मा", Role.DESK_CHIEF, login="sudha"),
    }


StoryFactory = Callable[..., int]


@pytest.fixture
def story(db: Database, team: Team) -> StoryFactory:
    """Make a story (by the reporter) and put it straight into ``status``."""

    def make(status: Status = Status.DRAFT, **changes: object) -> int:
        data = replace(COMPLETE, **changes)  # type: ignore[arg-type]
        record = ArticleService(db, team[Role.REPORTER]).create(data)
        if status != Status.DRAFT:
            set_status(db, record.id, status)
        return record.id

    return make


def set_status(db: Database, article_id: int, status: Status) -> None:
    """Put an article into ``status`` without the workflow (test set-up only)."""
    with db.session() as session:
        session.execute(update(Article).where(Article.id == article_id)
                        .values(status=status.value, version=Article.version + 1))
