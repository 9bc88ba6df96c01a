"""Desk fixtures for queue, assignment and dashboard tests: users and stories in a status."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa

from editor_app.core.article_data import ArticleData
from editor_app.core.articles import ArticleService
from editor_app.core.db import Database
from editor_app.core.models import Article, User
from editor_app.core.profiles import ProfileInfo, Role


def add_user(db: Database, name: str, role: Role, login: str | None = None, *,
             active: bool = True) -> ProfileInfo:
    """Store a user row (as the users service will) and return it as an actor."""
    with db.session() as session:
        row = User(name=name, role=role.value, login=login, active=active)
        session.add(row)
        session.flush()
        return ProfileInfo(row.id, row.name, role, login=login, active=active)


def add_story(db: Database, headline: str, status: str = "draft", *,
              owner: ProfileInfo | None = None, assignee: ProfileInfo | None = None,
              deadline: datetime | None = None, trashed: bool = False) -> int:
    """A story put straight into ``status`` with its desk columns (test set-up only: the
    workflow service makes real moves)."""
    record = ArticleService(db, "test").create(ArticleData(headline=headline))
    with db.session() as session:
        session.execute(sa.update(Article).where(Article.id == record.id).values(
            status=status, owner_id=owner.id if owner else None,
            assignee_id=assignee.id if assignee else None, deadline=deadline,
            trashed=trashed))
    return record.id
