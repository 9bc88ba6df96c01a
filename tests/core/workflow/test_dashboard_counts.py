"""Dashboard counts: per status, per assignee (open stories) and overdue."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from editor_app.core.profiles import Role
from editor_app.core.workflow.dashboard import dashboard_counts
from editor_app.core.workflow.statuses import Status
from tests.core.workflow.desk_fixtures import add_story, add_user

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def test_counts(db):
    c = add_user(db, "नेहा त्रिपाठी", Role.COPY_EDITOR)
    c2 = add_user(db, "सुनील वर्मा", Role.COPY_EDITOR)
    past = NOW - timedelta(hours=3)
    add_story(db, "एक", "draft")
    add_story(db, "दो", "submitted")
    add_story(db, "तीन", "in_copy_edit", assignee=c, deadline=past)
    add_story(db, "चार", "in_copy_edit", assignee=c)
    add_story(db, "पांच", "submitted", assignee=c2, deadline=past)
    add_story(db, "छह", "approved", assignee=c, deadline=past)  # done: not open, not late
    add_story(db, "सात", "in_copy_edit", assignee=c, deadline=past, trashed=True)
    counts = dashboard_counts(db, now=NOW)
    assert list(counts.by_status) == [s.value for s in Status]
    assert counts.by_status == {"draft": 1, "submitted": 2, "in_copy_edit": 2,
                                "returned": 0, "approved": 1, "exported": 0, "spiked": 0}
    assert counts.total == 6
    assert [(p.name, p.open, p.overdue) for p in counts.by_assignee] == [
        ("नेहा त्रिपाठी", 2, 1), ("सुनील वर्मा", 1, 1)]
    assert counts.unassigned == 2
    assert counts.overdue == 2


def test_empty_database(db):
    counts = dashboard_counts(db)
    assert counts.total == 0 and counts.by_assignee == () and counts.overdue == 0
