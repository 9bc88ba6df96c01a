"""Item 11: a database made by the landed schema (0003) upgrades to the workflow schema with
everything found again: statuses mapped, users linked to revisions, audit events and
articles, counts equal."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from alembic import command
from sqlalchemy.pool import NullPool

from editor_app.core.articles import ArticleService
from editor_app.core.db import _alembic_config, open_database
from editor_app.core.models import Article, AuditEvent, Revision
from editor_app.core.profiles import Role, local_profile
from editor_app.core.workflow.service import WorkflowService
from editor_app.core.workflow.statuses import Status

WHEN = datetime(2026, 6, 1, 9, 30)

_ARTICLE = sa.text(
    "INSERT INTO articles (id, uuid, headline, dek, body, slug, language, category, "
    "dateline_place, dateline_date, status, created_at, updated_at, version, trashed, "
    "trashed_at, byline_text) VALUES (:id, :uuid, :headline, '', :body, :slug, 'hi', '', "
    "'', NULL, :status, :at, :at, :version, :trashed, NULL, '')")
_REVISION = sa.text(
    "INSERT INTO revisions (article_id, parent_id, article_version, author, created_at, "
    "headline, dek, body, metadata_json, note) VALUES (:article, NULL, 1, :author, :at, "
    ":headline, '', :body, '{}', 'created')")
_AUDIT = sa.text('INSERT INTO audit_events (at, "user", action, article_id, detail_json) '
                 "VALUES (:at, :user, :action, :article, '{}')")

#: (id, old status, first revision's author) as the landed build wrote them.
OLD = [(1, "draft", "सीमा यादव"), (2, "in_review", "सीमा यादव"),
       (3, "published", "पुराना संवाददाता"), (4, "changes_requested", "सीमा यादव")]


def test_upgrade_from_the_landed_schema_keeps_and_links_everything(empty_db_url) -> None:
    engine = sa.create_engine(empty_db_url, poolclass=NullPool)
    cfg = _alembic_config(empty_db_url)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0003_list_indexes")
    with engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO user_profiles (name, role, email, created_at) "
                             "VALUES ('सीमा यादव', 'reporter', '', :at)"), {"at": WHEN})
        for article_id, status, author in OLD:
            conn.execute(_ARTICLE, {"id": article_id,
                                    "uuid": f"{article_id:08d}-0000-4000-8000-000000000000",
                                    "headline": f"खबर {article_id}", "body": "पाठ।\n",
                                    "slug": f"khabar-{article_id}", "status": status,
                                    "at": WHEN, "version": 1, "trashed": False})
            conn.execute(_REVISION, {"article": article_id, "author": author, "at": WHEN,
                                     "headline": f"खबर {article_id}", "body": "पाठ।\n"})
            conn.execute(_AUDIT, {"at": WHEN, "user": author, "action": "article.create",
                                  "article": article_id})
        conn.execute(_AUDIT, {"at": WHEN, "user": "सीमा यादव", "action": "dictionary.add",
                              "article": None})
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    engine.dispose()

    db = open_database(empty_db_url)
    try:
        me = local_profile(db)
        assert me is not None and me.name == "सीमा यादव" and me.role == Role.REPORTER
        assert me.active and me.login is None
        with db.session() as session:
            statuses: dict[int, str] = {
                i: s for i, s in session.execute(sa.select(Article.id, Article.status))}
            assert statuses == {1: "draft", 2: "in_copy_edit", 3: "exported", 4: "returned"}
            owners: dict[int, int | None] = {
                i: o for i, o in session.execute(sa.select(Article.id, Article.owner_id))}
            assert owners == {1: me.id, 2: me.id, 3: me.id, 4: me.id}  # unknown → local
            revisions = session.execute(sa.select(Revision.author, Revision.author_id)
                                        .order_by(Revision.id)).all()
            assert [tuple(r) for r in revisions] == [
                ("सीमा यादव", me.id), ("सीमा यादव", me.id), ("पुराना संवाददाता", None),
                ("सीमा यादव", me.id)]
            events = session.execute(sa.select(AuditEvent.user, AuditEvent.user_id)
                                     .order_by(AuditEvent.id)).all()
            assert len(events) == len(OLD) + 1
            assert [e.user_id for e in events] == [me.id, me.id, None, me.id, me.id]
        service = ArticleService(db, me)
        assert len(service.list_articles()) == len(OLD)
        assert [len(service.revisions(i)) for i, _, _ in OLD] == [1, 1, 1, 1]
        # the carried-over articles work with the new rules: the reporter resubmits
        record = WorkflowService(db, me).transition(4, Status.SUBMITTED)
        assert record.status == "submitted"
    finally:
        db.close()
