"""ArticleService with an acting user: attribution and the edit-rights matrix."""

from __future__ import annotations

import json
from dataclasses import replace
from itertools import product

import pytest
from sqlalchemy import func, select

from editor_app.core.articles import ArticleService
from editor_app.core.db import Database
from editor_app.core.dictionary import NewsroomDictionary
from editor_app.core.errors import PermissionDenied
from editor_app.core.house_style import default_style, save_style
from editor_app.core.models import Article, AuditEvent, NewsroomWord, Revision
from editor_app.core.profiles import ProfileInfo, Role
from editor_app.core.workflow.statuses import EDIT_RIGHTS, Status
from tests.core.workflow.conftest import COMPLETE, StoryFactory, Team, set_status


def _revision_count(db: Database, article_id: int) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(Revision)
                              .where(Revision.article_id == article_id)) or 0


def test_create_and_save_record_the_acting_user(db: Database, team: Team) -> None:
    reporter = team[Role.REPORTER]
    service = ArticleService(db, reporter)
    record = service.create(COMPLETE)
    service.save(record.id, replace(COMPLETE, dek="नया सार"), record.version)
    with db.session() as session:
        article = session.get(Article, record.id)
        assert article is not None and article.owner_id == reporter.id
        revisions = list(session.scalars(select(Revision).where(
            Revision.article_id == record.id).order_by(Revision.id)))
        assert [(r.author, r.author_id, r.status) for r in revisions] == [
            (reporter.name, reporter.id, "draft")] * 2
        event = session.scalar(select(AuditEvent).where(AuditEvent.action == "article.create"))
        assert event is not None and (event.user, event.user_id) == (reporter.name, reporter.id)


def test_a_refused_save_says_who_status_and_who_may_and_writes_nothing(
        db: Database, team: Team, story: StoryFactory) -> None:
    article_id = story(Status.SUBMITTED)
    service = ArticleService(db, team[Role.REPORTER])
    before = service.get(article_id)
    with pytest.raises(PermissionDenied) as caught:
        service.save(article_id, replace(COMPLETE, headline="बदला"), before.version)
    message = str(caught.value)
    assert "सीमा यादव" in message and Status.SUBMITTED.label in message
    assert Role.DESK_CHIEF.label in message and "may not edit" in message
    assert service.get(article_id) == before
    assert _revision_count(db, article_id) == 1


def test_a_copy_editor_edits_only_in_copy_edit(db: Database, team: Team,
                                               story: StoryFactory) -> None:
    editor = ArticleService(db, team[Role.COPY_EDITOR])
    with pytest.raises(PermissionDenied):
        editor.create(COMPLETE)  # a draft is the reporter's
    article_id = story(Status.IN_COPY_EDIT)
    saved = editor.save(article_id, replace(COMPLETE, dek="कसा हुआ सार"),
                        editor.get(article_id).version)
    assert saved.data.dek == "कसा हुआ सार"
    with db.session() as session:
        last = session.scalars(select(Revision).where(Revision.article_id == article_id)
                               .order_by(Revision.id.desc())).first()
        assert last is not None and last.status == "in_copy_edit"
        assert last.author_id == team[Role.COPY_EDITOR].id


@pytest.mark.parametrize(("role", "status"), list(product(Role, Status)))
def test_edit_rights_matrix(db: Database, team: Team, story: StoryFactory, role: Role,
                            status: Status) -> None:
    """Every role in every status: save and trash succeed exactly where EDIT_RIGHTS says."""
    article_id = story(status)
    service = ArticleService(db, team[role])
    allowed = role in EDIT_RIGHTS[status]
    current = service.get(article_id)
    changed = replace(current.data, dek=current.data.dek + " और")
    if allowed:
        saved = service.save(article_id, changed, current.version)
        assert saved.data.dek == changed.dek
        assert service.trash(article_id).trashed
        assert not service.restore(article_id).trashed
    else:
        with pytest.raises(PermissionDenied):
            service.save(article_id, changed, current.version)
        with pytest.raises(PermissionDenied):
            service.trash(article_id)
        assert service.get(article_id) == current


def test_a_string_actor_keeps_full_rights(db: Database, story: StoryFactory) -> None:
    article_id = story(Status.APPROVED)
    service = ArticleService(db, "maintenance")
    current = service.get(article_id)
    assert service.save(article_id, replace(current.data, dek="ठीक"), current.version)
    with db.session() as session:
        last = session.scalars(select(Revision).where(Revision.article_id == article_id)
                               .order_by(Revision.id.desc())).first()
        assert last is not None and (last.author, last.author_id) == ("maintenance", None)
    reporter = ArticleService(db, "x").acting_as(
        ProfileInfo(7, "रवि", Role.REPORTER))
    assert reporter.actor_id == 7 and reporter.author == "रवि"
    with pytest.raises(PermissionDenied):
        reporter.save(article_id, replace(current.data, dek="नहीं"), current.version + 1)


def test_house_style_saves_check_the_actor_in_core(db: Database, team: Team) -> None:
    for role in (Role.REPORTER, Role.COPY_EDITOR):
        with pytest.raises(PermissionDenied, match="may not change the house style"):
            save_style(db, default_style(), user=team[role])
    chief = team[Role.DESK_CHIEF]
    info = save_style(db, replace(default_style(), digits="any"), user=chief)
    assert info.updated_by == chief.name
    with db.session() as session:
        event = session.scalar(select(AuditEvent).where(AuditEvent.action == "house_style.save"))
        assert event is not None and event.user_id == chief.id


def test_newsroom_dictionary_records_the_user_id(db: Database, team: Team) -> None:
    editor = team[Role.COPY_EDITOR]
    assert NewsroomDictionary(db).add("टीकाकरण", editor)
    assert NewsroomDictionary(db).remove("टीकाकरण", editor)
    with db.session() as session:
        row = session.scalar(select(NewsroomWord))
        assert row is not None and row.added_by == editor.name == row.removed_by
        events = list(session.scalars(select(AuditEvent).where(
            AuditEvent.action.startswith("dictionary."))))
        assert [(e.action, e.user_id) for e in events] == [
            ("dictionary.add", editor.id), ("dictionary.remove", editor.id)]
        assert json.loads(events[0].detail_json) == {"word": "टीकाकरण"}


def test_trash_is_refused_for_a_reporter_once_submitted(db: Database, team: Team,
                                                       story: StoryFactory) -> None:
    article_id = story()
    service = ArticleService(db, team[Role.REPORTER])
    set_status(db, article_id, Status.SUBMITTED)
    with pytest.raises(PermissionDenied, match="trash"):
        service.trash(article_id)
