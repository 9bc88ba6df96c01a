"""A laptop and a newsroom for the sync tests: two databases with their users.

The laptop is always a SQLite file; the newsroom is the database under test (SQLite on the
default run, PostgreSQL when ``SAMPADAK_TEST_POSTGRES_URL`` is set), so the same tests
cover SQLite ↔ SQLite and SQLite ↔ PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import func, select

from editor_app.core.article_data import ArticleData
from editor_app.core.articles import ArticleService
from editor_app.core.db import Database, open_database
from editor_app.core.models import Article, Revision
from editor_app.core.profiles import Actor
from editor_app.core.users import UserService
from editor_app.core.workflow.service import WorkflowService

LOGIN = "meera"


@dataclass
class Field:
    """The two databases and the people on them."""

    laptop: Database
    newsroom: Database
    newsroom_url: str
    reporter: Actor  # on the laptop
    reporter_there: Actor  # the same login in the newsroom (another id)
    desk: Actor  # a desk chief in the newsroom

    def write(self, headline: str, body: str, *, submit: bool = True) -> int:
        """A story written on the laptop (submitted unless ``submit`` is False)."""
        record = ArticleService(self.laptop, self.reporter).create(
            ArticleData(headline=headline, body=body))
        if submit:
            WorkflowService(self.laptop, self.reporter).transition(record.id, "submitted")
        return record.id


@pytest.fixture
def field_dbs(tmp_path: Path, db_url: str) -> Iterator[Field]:
    laptop = open_database(f"sqlite:///{tmp_path / 'laptop.sqlite'}")
    newsroom = open_database(db_url)
    try:
        admin = UserService(newsroom, None).create("प्रशासक", "admin", login="admin")
        desk = UserService(newsroom, admin).create("रवि", "desk_chief", login="ravi")
        # a user first, so the reporter's newsroom id differs from the laptop's
        UserService(newsroom, admin).create("अनिल", "reporter", login="anil")
        there = UserService(newsroom, admin).create("मीरा शर्मा", "reporter", login=LOGIN)
        reporter = UserService(laptop, None).create("मीरा", "reporter", login=LOGIN)
        yield Field(laptop, newsroom, db_url, reporter, there, desk)
    finally:
        laptop.close()
        newsroom.close()


def count_articles(db: Database, headline: str | None = None) -> int:
    with db.session() as session:
        query = select(func.count()).select_from(Article)
        if headline is not None:
            query = query.where(Article.headline == headline)
        return int(session.scalar(query) or 0)


def count_revisions(db: Database) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.count()).select_from(Revision)) or 0)


def bodies(db: Database) -> set[str]:
    """Every current body and every revision body in ``db`` (ends stripped)."""
    with db.session() as session:
        return {b.strip() for b in session.scalars(select(Article.body))} | {
            b.strip() for b in session.scalars(select(Revision.body))}


def current_bodies(db: Database) -> list[str]:
    with db.session() as session:
        return sorted(b.strip() for b in session.scalars(select(Article.body)))
