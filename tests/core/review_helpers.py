"""Helpers for the tracked-changes tests: users of each role and a story in copy edit."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from editor_app.core.article_data import ArticleData, ArticleRecord
from editor_app.core.articles import ArticleService
from editor_app.core.db import Database
from editor_app.core.models import Article
from editor_app.core.profiles import Actor, Role, create_profile
from editor_app.core.review.tracking import start_tracking
from editor_app.core.workflow.statuses import Status


@dataclass(frozen=True)
class Desk:
    """A small newsroom: a reporter, two copy editors, a desk chief."""

    reporter: Actor
    editor: Actor
    editor2: Actor
    chief: Actor


def make_desk(db: Database) -> Desk:
    return Desk(create_profile(db, "रमेश कुमार", Role.REPORTER),
                create_profile(db, "नेहा त्रिपाठी", Role.COPY_EDITOR),
                create_profile(db, "अमित वर्मा", Role.COPY_EDITOR),
                create_profile(db, "सुनीता राव", Role.DESK_CHIEF))


def set_status(db: Database, article_id: int, status: Status, *,
               owner: Actor | None = None, track: bool = False) -> None:
    """Move the story straight to ``status`` (the workflow service does this for real)
    and, with ``track``, start tracking it."""
    with db.session() as session:
        article = session.get(Article, article_id)
        assert article is not None
        article.status = status.value
        if owner is not None:
            article.owner_id = owner.id
        session.flush()
        if track:
            start_tracking(session, article, owner)


def story_in_copy_edit(db: Database, desk: Desk, body: str, headline: str = "शीर्षक",
                       dek: str = "") -> ArticleRecord:
    """A reporter's story, submitted and taken into copy edit (tracking started)."""
    record = ArticleService(db, desk.reporter).create(
        ArticleData(headline=headline, dek=dek, body=body))
    set_status(db, record.id, Status.IN_COPY_EDIT, owner=desk.reporter, track=True)
    return ArticleService(db, desk.reporter).get(record.id)


def edit(db: Database, actor: Actor, article_id: int, **fields: Any) -> ArticleRecord:
    """Save new field texts as ``actor`` over the stored version."""
    service = ArticleService(db, actor)
    record = service.get(article_id)
    return service.save(article_id, replace(record.data, **fields), record.version)
