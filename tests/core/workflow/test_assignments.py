"""Assignments: who may assign whom, deadlines stored UTC, audit events, no version bump."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from editor_app.core.article_data import ArticleData
from editor_app.core.articles import ArticleService
from editor_app.core.errors import PermissionDenied, ValidationError
from editor_app.core.models import AuditEvent
from editor_app.core.profiles import Role
from editor_app.core.workflow.assignments import AssignmentService
from editor_app.core.workflow.times import IST, ist_text, parse_when
from tests.core.workflow.desk_fixtures import add_story, add_user


@pytest.fixture
def people(db):
    return {
        "r": add_user(db, "आरती कुशवाहा", Role.REPORTER, "arti"),
        "c": add_user(db, "नेहा त्रिपाठी", Role.COPY_EDITOR, "neha"),
        "c2": add_user(db, "सुनील वर्मा", Role.COPY_EDITOR, "sunil"),
        "d": add_user(db, "कविता शर्मा", Role.DESK_CHIEF, "kavita"),
        "gone": add_user(db, "पुराना संपादक", Role.COPY_EDITOR, "old", active=False),
    }


def _events(db, article_id):
    with db.session() as session:
        rows = session.scalars(sa.select(AuditEvent).where(
            AuditEvent.article_id == article_id, AuditEvent.action == "workflow.assign")
            .order_by(AuditEvent.id))
        return [(e.user, e.user_id, json.loads(e.detail_json)) for e in rows]


def test_desk_chief_assigns_with_deadline_in_utc(db, people):
    story = add_story(db, "बारिश", "submitted", owner=people["r"])
    due = datetime(2026, 12, 1, 18, 30, tzinfo=IST)
    done = AssignmentService(db, people["d"]).assign(story, people["c"].id, deadline=due)
    assert done.assignee == "नेहा त्रिपाठी" and done.deadline == due
    stored = ArticleService(db, "t").summary(story)
    assert stored.assignee_id == people["c"].id
    assert stored.deadline == datetime(2026, 12, 1, 13, 0, tzinfo=UTC)
    assert ist_text(stored.deadline) == "01-12-2026 18:30 IST"
    assert _events(db, story) == [("कविता शर्मा", people["d"].id, {
        "assignee": "नेहा त्रिपाठी", "assignee_id": people["c"].id,
        "deadline": "2026-12-01T13:00:00+00:00"})]


def test_copy_editor_takes_a_story_but_assigns_nobody_else(db, people):
    story = add_story(db, "बारिश", "submitted")
    editor = AssignmentService(db, people["c"])
    with pytest.raises(PermissionDenied, match="desk chief"):
        editor.assign(story, people["c2"].id)
    assert editor.take(story).assignee_id == people["c"].id
    with pytest.raises(PermissionDenied):  # not theirs to give back
        AssignmentService(db, people["c2"]).unassign(story)
    assert editor.unassign(story).assignee_id is None
    assert [d["assignee"] for _u, _i, d in _events(db, story)] == ["नेहा त्रिपाठी", None]


def test_copy_editor_cannot_take_a_story_someone_else_has(db, people):
    story = add_story(db, "बारिश", "in_copy_edit", assignee=people["c2"])
    with pytest.raises(PermissionDenied, match="assigned to someone else"):
        AssignmentService(db, people["c"]).take(story)
    assert AssignmentService(db, people["d"]).assign(story, people["c"].id).assignee_id == \
        people["c"].id  # the desk chief re-assigns it


def test_reporter_assigns_nobody(db, people):
    story = add_story(db, "बारिश", "submitted", owner=people["r"])
    with pytest.raises(PermissionDenied, match="may not assign"):
        AssignmentService(db, people["r"]).assign(story, people["c"].id)
    assert _events(db, story) == []


@pytest.mark.parametrize("target, message", [
    ("r", "cannot be assigned"),
    ("gone", "not an active user"),
])
def test_only_active_copy_desk_users_are_assignable(db, people, target, message):
    story = add_story(db, "बारिश", "submitted")
    with pytest.raises(ValidationError, match=message):
        AssignmentService(db, people["d"]).assign(story, people[target].id)


def test_naive_deadline_and_trashed_story_are_refused(db, people):
    story = add_story(db, "बारिश", "submitted")
    with pytest.raises(ValidationError, match="time zone"):
        AssignmentService(db, people["d"]).assign(story, people["c"].id,
                                                  deadline=datetime(2026, 12, 1, 18, 0))
    trashed = add_story(db, "रद्दी", "submitted", trashed=True)
    with pytest.raises(ValidationError, match="trash"):
        AssignmentService(db, people["d"]).assign(trashed, people["c"].id)


def test_assignment_keeps_the_version_so_an_open_editor_saves_on(db, people):
    service = ArticleService(db, "t")
    record = service.create(ArticleData(headline="बारिश"))
    AssignmentService(db, people["d"]).assign(record.id, people["c"].id,
                                              deadline=datetime.now(UTC) + timedelta(hours=2))
    saved = service.save(record.id, ArticleData(headline="तेज बारिश"), record.version)
    assert saved.desk.assignee == "नेहा त्रिपाठी"


def test_unchanged_assignment_writes_no_event_and_deadline_alone_changes(db, people):
    story = add_story(db, "बारिश", "submitted")
    chief = AssignmentService(db, people["d"])
    chief.assign(story, people["c"].id)
    chief.assign(story, people["c"].id)
    assert len(_events(db, story)) == 1
    due = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)
    assert AssignmentService(db, people["c"]).set_deadline(story, due).deadline == due
    assert ArticleService(db, "t").summary(story).assignee_id == people["c"].id
    assert len(_events(db, story)) == 2


@pytest.mark.parametrize("text, expected", [
    ("2026-12-01T18:30+05:30", datetime(2026, 12, 1, 13, 0, tzinfo=UTC)),
    ("2026-12-01T18:30", datetime(2026, 12, 1, 13, 0, tzinfo=UTC)),  # naive: IST
    ("2026-12-01T13:00Z", datetime(2026, 12, 1, 13, 0, tzinfo=UTC)),
    ("2026-12-01", datetime(2026, 12, 1, 18, 29, tzinfo=UTC)),  # end of the IST day
])
def test_parse_when(text, expected):
    assert parse_when(text) == expected


def test_parse_when_refuses_nonsense():
    with pytest.raises(ValidationError, match="cannot read"):
        parse_when("कल शाम")
