"""WorkflowService.transition, tested against the table itself: every (role, source,
target) combination — allowed moves succeed, all others are refused — plus notes, the
optimistic lock, audit events and the tracking base."""

from __future__ import annotations

import json
from dataclasses import replace
from itertools import product

import pytest
from sqlalchemy import select

from editor_app.core.articles import ArticleService
from editor_app.core.db import Database
from editor_app.core.errors import ConflictError, NotFoundError
from editor_app.core.models import AuditEvent, Revision, TrackingBase
from editor_app.core.profiles import Role
from editor_app.core.review.tracking import TrackingService
from editor_app.core.workflow.service import TransitionRefused, WorkflowService
from editor_app.core.workflow.statuses import TRANSITIONS, Status, Transition, move
from tests.core.workflow.conftest import StoryFactory, Team

NOTE = "कारण: तथ्य जांचें"


def _events(db: Database, article_id: int) -> list[dict[str, object]]:
    with db.session() as session:
        rows = session.scalars(select(AuditEvent).where(
            AuditEvent.article_id == article_id,
            AuditEvent.action == "workflow.transition").order_by(AuditEvent.id))
        return [{"user": r.user, "user_id": r.user_id, **json.loads(r.detail_json)}
                for r in rows]


@pytest.mark.parametrize("role", list(Role))
def test_every_move_of_the_table_for_every_role(db: Database, team: Team,
                                                story: StoryFactory, role: Role) -> None:
    actor = team[role]
    workflow = WorkflowService(db, actor)
    done = refused = 0
    for source, target in product(Status, Status):
        article_id = story(source)
        before = ArticleService(db, "test").get(article_id)
        rule = move(source, target)
        if rule is not None and role in rule.roles:
            record = workflow.transition(article_id, target, note=NOTE,
                                         expected_version=before.version)
            assert record.status == target.value
            assert record.version == before.version + 1
            (event,) = _events(db, article_id)
            assert event == {"user": actor.name, "user_id": actor.id, "from": source.value,
                             "to": target.value, "action": rule.action, "note": NOTE}
            done += 1
        else:
            with pytest.raises(TransitionRefused) as caught:
                workflow.transition(article_id, target, note=NOTE)
            assert caught.value.reasons
            assert ArticleService(db, "test").get(article_id) == before
            assert _events(db, article_id) == []
            refused += 1
    assert done == sum(1 for t in TRANSITIONS if role in t.roles)
    assert done + refused == len(Status) ** 2


def test_the_table_is_exercised_by_someone_everywhere() -> None:
    """Each move of the table has at least one role (else nobody could ever make it)."""
    assert all(t.roles for t in TRANSITIONS)
    assert len({(t.source, t.target) for t in TRANSITIONS}) == len(TRANSITIONS)


@pytest.mark.parametrize("rule", [t for t in TRANSITIONS if t.needs_note],
                         ids=lambda t: f"{t.source}-{t.target}")
def test_moves_that_need_a_note_are_refused_without_one(
        db: Database, team: Team, story: StoryFactory, rule: Transition) -> None:
    article_id = story(rule.source)
    workflow = WorkflowService(db, team[Role.DESK_CHIEF])
    with pytest.raises(TransitionRefused) as caught:
        workflow.transition(article_id, rule.target, note="   ")
    assert any("note is required" in r for r in caught.value.reasons)


def test_a_refusal_lists_every_reason(db: Database, team: Team, story: StoryFactory) -> None:
    article_id = story(Status.IN_COPY_EDIT)
    with pytest.raises(TransitionRefused) as caught:
        WorkflowService(db, team[Role.REPORTER]).transition(article_id, Status.RETURNED)
    reasons = caught.value.reasons
    assert len(reasons) == 2
    assert "may not return" in reasons[0] and "सीमा यादव" in reasons[0]
    assert "note is required" in reasons[1]
    assert "status not changed" in str(caught.value)


def test_unknown_targets_and_articles(db: Database, team: Team, story: StoryFactory) -> None:
    workflow = WorkflowService(db, team[Role.DESK_CHIEF])
    with pytest.raises(TransitionRefused, match="unknown status 'published'"):
        workflow.transition(story(), "published")
    with pytest.raises(NotFoundError):
        workflow.transition(9999, Status.SUBMITTED)


def test_a_stale_version_is_a_conflict(db: Database, team: Team, story: StoryFactory) -> None:
    article_id = story()
    workflow = WorkflowService(db, team[Role.REPORTER])
    version = ArticleService(db, "test").get(article_id).version
    workflow.transition(article_id, Status.SUBMITTED, expected_version=version)
    with pytest.raises(ConflictError):
        workflow.transition(article_id, Status.DRAFT, expected_version=version)
    assert ArticleService(db, "test").get(article_id).status == "submitted"


def test_going_into_copy_edit_sets_the_tracking_base(db: Database, team: Team,
                                                     story: StoryFactory) -> None:
    article_id = story(Status.SUBMITTED)
    editor = WorkflowService(db, team[Role.COPY_EDITOR])
    editor.transition(article_id, Status.IN_COPY_EDIT)
    with db.session() as session:
        base = session.get(TrackingBase, article_id)
        latest = session.scalar(select(Revision.id).where(Revision.article_id == article_id)
                                .order_by(Revision.id.desc()))
        assert base is not None and base.revision_id == latest
        assert base.started_by_id == team[Role.COPY_EDITOR].id
        assert base.headline == "पटना में बारिश से राहत" and "राहत मिली" in base.body
    service = ArticleService(db, team[Role.COPY_EDITOR])
    current = service.get(article_id)
    service.save(article_id, replace(current.data, headline="पटना में राहत की बारिश"),
                 current.version)
    chief = WorkflowService(db, team[Role.DESK_CHIEF])
    # the copy editor's change is an open suggestion: only an override approves now
    chief.transition(article_id, Status.APPROVED, override="देर रात की खबर (late story)")
    chief.transition(article_id, Status.SPIKED, note=NOTE)
    with db.session() as session:
        base = session.get(TrackingBase, article_id)
        assert base is not None and base.headline == "पटना में बारिश से राहत"  # kept
    chief.transition(article_id, Status.DRAFT)
    WorkflowService(db, team[Role.REPORTER]).transition(article_id, Status.SUBMITTED)
    editor.transition(article_id, Status.IN_COPY_EDIT)
    with db.session() as session:  # undecided suggestions keep their base (wip-tracking)
        base = session.get(TrackingBase, article_id)
        assert base is not None and base.headline == "पटना में बारिश से राहत"
    TrackingService(db, team[Role.REPORTER]).accept(article_id)
    chief.transition(article_id, Status.APPROVED)
    chief.transition(article_id, Status.IN_COPY_EDIT)  # reopened: a new cycle
    with db.session() as session:
        base = session.get(TrackingBase, article_id)
        assert base is not None and base.headline == "पटना में राहत की बारिश"  # replaced
        assert base.revision_id == session.scalar(
            select(Revision.id).where(Revision.article_id == article_id)
            .order_by(Revision.id.desc()))


def test_status_lists_the_actors_moves(db: Database, team: Team, story: StoryFactory) -> None:
    article_id = story(Status.SUBMITTED)
    reporter = WorkflowService(db, team[Role.REPORTER]).status(article_id)
    assert reporter.status == Status.SUBMITTED and not reporter.may_edit
    assert [m.action for m in reporter.moves] == ["withdraw"]
    assert reporter.owner == "सीमा यादव" and reporter.assignee == ""
    editor = WorkflowService(db, team[Role.COPY_EDITOR]).status(article_id)
    assert [m.target for m in editor.moves] == [Status.IN_COPY_EDIT, Status.RETURNED]
    assert editor.moves[1].needs_note
    chief = WorkflowService(db, team[Role.DESK_CHIEF]).status(article_id)
    assert chief.may_edit and chief.to_json()["status"] == "submitted"
    assert {m.target.value for m in chief.moves} == {"draft", "in_copy_edit", "returned",
                                                     "spiked"}
