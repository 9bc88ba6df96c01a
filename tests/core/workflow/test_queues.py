"""Desk queues on a dozen stories: my queue, waiting for me, overdue, per role."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from editor_app.core.article_queries import ListQuery
from editor_app.core.articles import ArticleService
from editor_app.core.profiles import Role
from editor_app.core.workflow.queues import Queue, is_overdue
from tests.core.workflow.desk_fixtures import add_story, add_user

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
PAST, FUTURE = NOW - timedelta(hours=1), NOW + timedelta(hours=1)


@pytest.fixture
def desk(db):
    r = add_user(db, "आरती कुशवाहा", Role.REPORTER, "arti")
    r2 = add_user(db, "रमेश यादव", Role.REPORTER, "ramesh")
    c = add_user(db, "नेहा त्रिपाठी", Role.COPY_EDITOR, "neha")
    c2 = add_user(db, "सुनील वर्मा", Role.COPY_EDITOR, "sunil")
    d = add_user(db, "कविता शर्मा", Role.DESK_CHIEF, "kavita")
    s = {
        "r_draft": add_story(db, "एक", "draft", owner=r),
        "r_returned": add_story(db, "दो", "returned", owner=r),
        "r_submitted": add_story(db, "तीन", "submitted", owner=r),
        "r2_draft": add_story(db, "चार", "draft", owner=r2),
        "sub_c": add_story(db, "पांच", "submitted", owner=r2, assignee=c),
        "sub_c2": add_story(db, "छह", "submitted", owner=r, assignee=c2),
        "edit_c_late": add_story(db, "सात", "in_copy_edit", owner=r, assignee=c,
                                 deadline=PAST),
        "edit_c2_future": add_story(db, "आठ", "in_copy_edit", owner=r2, assignee=c2,
                                    deadline=FUTURE),
        "approved_c": add_story(db, "नौ", "approved", owner=r, assignee=c, deadline=PAST),
        "exported": add_story(db, "दस", "exported", owner=r, assignee=c),
        "spiked": add_story(db, "ग्यारह", "spiked", owner=r, assignee=c, deadline=PAST),
        "trashed_late": add_story(db, "बारह", "in_copy_edit", owner=r, assignee=c,
                                  deadline=PAST, trashed=True),
        "returned_c_late": add_story(db, "तेरह", "returned", owner=r2, assignee=c,
                                     deadline=PAST),
    }
    return {"r": r, "r2": r2, "c": c, "c2": c2, "d": d}, s


def _shown(db, stories, **query):
    service = ArticleService(db, "test")
    q = ListQuery(now=NOW, **query)
    rows = service.list_page(q, limit=None)
    assert service.count_articles(q) == len(rows)
    names = {v: k for k, v in stories.items()}
    return {names[r.id] for r in rows}


@pytest.mark.parametrize("who, expected", [
    ("r", {"r_draft", "r_returned"}),
    ("r2", {"r2_draft", "returned_c_late"}),
    ("c", {"sub_c", "edit_c_late", "returned_c_late"}),
    ("c2", {"sub_c2", "edit_c2_future"}),
    ("d", set()),
])
def test_my_queue(db, desk, who, expected):
    users, stories = desk
    assert _shown(db, stories, queue=Queue.MINE, viewer=users[who]) == expected


@pytest.mark.parametrize("who, expected", [
    ("r", {"r_returned"}),
    ("r2", {"returned_c_late"}),
    ("c", {"r_submitted", "sub_c"}),
    ("c2", {"r_submitted", "sub_c2"}),
    ("d", {"r_submitted", "approved_c"}),
])
def test_waiting_for_me(db, desk, who, expected):
    users, stories = desk
    assert _shown(db, stories, queue="waiting", viewer=users[who]) == expected


def test_overdue_is_open_stories_past_their_deadline(db, desk):
    _users, stories = desk
    assert _shown(db, stories, queue=Queue.OVERDUE) == {"edit_c_late", "returned_c_late"}
    assert _shown(db, stories, queue=Queue.OVERDUE, trashed=None) == {
        "edit_c_late", "returned_c_late", "trashed_late"}
    # an hour later the future deadline has passed too
    later = ArticleService(db, "t").list_page(
        ListQuery(queue=Queue.OVERDUE, now=FUTURE + timedelta(minutes=1)), limit=None)
    assert stories["edit_c2_future"] in {r.id for r in later}


def test_queue_combines_with_status_and_needs_a_viewer(db, desk):
    users, stories = desk
    assert _shown(db, stories, queue=Queue.MINE, viewer=users["c"],
                  status="in_copy_edit") == {"edit_c_late"}
    assert _shown(db, stories, queue=Queue.MINE) == set()
    assert _shown(db, stories, queue=Queue.WAITING) == set()
    assert len(_shown(db, stories)) == 12  # no queue: every live story


def test_summaries_carry_assignee_and_deadline(db, desk):
    users, stories = desk
    service = ArticleService(db, "test")
    rows = {r.id: r for r in service.list_page(ListQuery(), limit=None)}
    late = rows[stories["edit_c_late"]]
    assert (late.assignee, late.assignee_id, late.deadline) == (
        "नेहा त्रिपाठी", users["c"].id, PAST)
    assert late.owner_id == users["r"].id
    assert rows[stories["r_draft"]].assignee == "" and rows[stories["r_draft"]].deadline is None
    one = service.summary(stories["edit_c2_future"])
    assert one.assignee == "सुनील वर्मा" and one.deadline == FUTURE
    record = service.get(stories["edit_c_late"])
    assert record.desk.assignee == "नेहा त्रिपाठी" and record.desk.deadline == PAST
    assert record.summary().assignee == "नेहा त्रिपाठी"


@pytest.mark.parametrize("descending", [False, True])
def test_sort_by_deadline_puts_stories_without_one_last(db, desk, descending):
    rows = ArticleService(db, "t").list_page(
        ListQuery(sort="deadline", descending=descending), limit=None)
    deadlines = [r.deadline for r in rows]
    dated = [d for d in deadlines if d is not None]
    assert deadlines == dated + [None] * (len(deadlines) - len(dated))
    assert dated == sorted(dated, reverse=descending) and len(dated) == 5


def test_is_overdue_matches_the_queue_rule():
    assert is_overdue(PAST, "in_copy_edit", NOW)
    assert not is_overdue(PAST, "approved", NOW)
    assert not is_overdue(FUTURE, "draft", NOW)
    assert not is_overdue(None, "draft", NOW)


def test_search_within_a_queue(db, desk):
    users, stories = desk
    service = ArticleService(db, "t")
    everywhere = {r.id for r, _h in service.search("सात")}
    assert stories["edit_c_late"] in everywhere
    mine = ListQuery(queue=Queue.MINE, viewer=users["c2"], now=NOW)
    assert service.search("सात", queue=mine) == []  # नेहा's story, not सुनील's
    theirs = ListQuery(queue=Queue.MINE, viewer=users["c"], now=NOW)
    assert [r.id for r, _h in service.search("सात", queue=theirs)] == [stories["edit_c_late"]]
