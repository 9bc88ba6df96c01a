"""Issue 8 item 2 bars: the rules hold for a login using psycopg (psql) directly, and the
app's own operations of every role still work under their own logins."""

from __future__ import annotations

from dataclasses import replace

import psycopg
import pytest
from sqlalchemy.engine import make_url

from editor_app.core.articles import ArticleService
from editor_app.core.db import Database
from editor_app.core.errors import PermissionDenied
from editor_app.core.newsroom.identity import database_actor
from editor_app.core.profiles import Role
from editor_app.core.review.tracking import TrackingService
from editor_app.core.workflow.service import WorkflowService
from editor_app.core.workflow.statuses import Status
from tests.core.newsroom.conftest import STORY, Newsroom

pytestmark = pytest.mark.postgres_only("database logins, grants and triggers")


def _psql(room: Newsroom, key: str) -> psycopg.Connection[tuple[object, ...]]:
    """A plain psycopg connection with ``key``'s login: what psql would do."""
    url = make_url(room.url)
    return psycopg.connect(host=url.host, port=url.port, dbname=url.database,
                           user=room.login(key), password=room.passwords[key],
                           autocommit=True)


def _draft_of(room: Newsroom, key: str) -> int:
    db = room.connect(key)
    return ArticleService(db, database_actor(db) or "").create(STORY).id


def _status(room: Newsroom, article_id: int) -> str:
    return ArticleService(room.db, "test").get(article_id).status


def test_reporter_login_cannot_approve_with_plain_sql(newsroom: Newsroom) -> None:
    article = _draft_of(newsroom, "seema")
    with _psql(newsroom, "seema") as conn, pytest.raises(psycopg.errors.InsufficientPrivilege,
                                                          match="may not move story"):
        conn.execute("UPDATE articles SET status = 'approved' WHERE id = %s", (article,))
    assert _status(newsroom, article) == "draft"


def test_reporter_login_cannot_edit_another_reporters_draft(newsroom: Newsroom) -> None:
    article = _draft_of(newsroom, "seema")
    with _psql(newsroom, "ravi") as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="another reporter"):
            conn.execute("UPDATE articles SET headline = 'बदला हुआ' WHERE id = %s", (article,))
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="may not change"):
            conn.execute("DELETE FROM bylines WHERE article_id = %s", (article,))
    with _psql(newsroom, "seema") as conn:  # the owner may
        conn.execute("UPDATE articles SET headline = 'अपना बदलाव' WHERE id = %s", (article,))
    assert ArticleService(newsroom.db, "t").get(article).data.headline == "अपना बदलाव"


def test_reporter_app_save_of_another_reporters_draft_is_refused(newsroom: Newsroom) -> None:
    article = _draft_of(newsroom, "seema")
    db = newsroom.connect("ravi")
    service = ArticleService(db, database_actor(db) or "")
    record = service.get(article)
    with pytest.raises(PermissionDenied, match="another reporter"):
        service.save(article, replace(record.data, headline="किसी और का बदलाव"),
                     record.version)
    assert ArticleService(newsroom.db, "t").get(article).data.headline == STORY.headline


@pytest.mark.parametrize("key", ["seema", "neha", "sudha", "admin"])
def test_audit_log_and_revisions_are_append_only(newsroom: Newsroom, key: str) -> None:
    _draft_of(newsroom, "seema")
    with _psql(newsroom, key) as conn:
        for statement in ("UPDATE audit_events SET action = 'x'", "DELETE FROM audit_events",
                          "UPDATE revisions SET body = ''", "DELETE FROM revisions"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
        count = conn.execute("SELECT count(*) FROM audit_events").fetchone()
    assert count is not None and isinstance(count[0], int) and count[0] > 0


def test_reporter_cannot_make_themselves_admin(newsroom: Newsroom) -> None:
    with _psql(newsroom, "seema") as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("UPDATE user_profiles SET role = 'admin' WHERE login = %s",
                     (newsroom.login("seema"),))
    article_id = _draft_of(newsroom, "ravi")
    with _psql(newsroom, "seema") as conn:  # a temporary table cannot stand in for users
        conn.execute("CREATE TEMP TABLE user_profiles (id int, role text, login text, "
                     "active bool)")
        conn.execute("INSERT INTO user_profiles VALUES (%s, 'desk_chief', %s, true)",
                     (newsroom.users["seema"].id, newsroom.login("seema")))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE public.articles SET status = 'spiked' WHERE id = %s",
                         (article_id,))


def test_whole_workflow_runs_under_each_roles_login(newsroom: Newsroom) -> None:
    rep_db, ce_db, desk_db = (newsroom.connect(k) for k in ("seema", "neha", "sudha"))
    reporter, editor, chief = (database_actor(d) for d in (rep_db, ce_db, desk_db))
    assert reporter is not None and reporter.role == Role.REPORTER
    assert editor is not None and chief is not None
    mine = ArticleService(rep_db, reporter)
    record = mine.create(STORY)
    record = mine.save(record.id, record.data, record.version)
    WorkflowService(rep_db, reporter).transition(record.id, Status.SUBMITTED)
    desk = WorkflowService(ce_db, editor)
    desk.transition(record.id, Status.IN_COPY_EDIT)
    edits = ArticleService(ce_db, editor)
    current = edits.get(record.id)
    edits.save(record.id, replace(current.data, dek=current.data.dek + " (संपादित)"),
               current.version)
    desk.transition(record.id, Status.RETURNED, note="स्रोत जोड़ें (add a source)")
    # the reporter decides on the copy editor's tracked change under their own login
    tracking = TrackingService(rep_db, reporter)
    assert [s.state for s in tracking.suggestions(record.id)] == ["open"]
    tracking.accept(record.id)
    assert [s.state for s in tracking.suggestions(record.id)] == ["accepted"]
    current = mine.get(record.id)
    mine.save(record.id, replace(current.data, body=current.data.body + "\nस्रोत: विभाग।\n"),
              current.version)
    WorkflowService(rep_db, reporter).transition(record.id, Status.SUBMITTED)
    desk.transition(record.id, Status.IN_COPY_EDIT)
    WorkflowService(desk_db, chief).transition(record.id, Status.APPROVED,
                                                override="डेस्क की मंज़ूरी (desk approval)")
    assert _status(newsroom, record.id) == Status.APPROVED.value
    # the reporter's own login cannot undo it through the app either
    with pytest.raises(PermissionDenied):
        WorkflowService(rep_db, reporter.__class__(reporter.id, reporter.name, Role.DESK_CHIEF,
                                                   login=reporter.login)
                        ).transition(record.id, Status.SPIKED, note="x")


def test_tables_a_later_migration_adds_are_usable_and_init_runs_again(
        newsroom: Newsroom) -> None:
    from sqlalchemy import text

    from editor_app.core.newsroom.policies import init_newsroom

    with newsroom.db.engine.begin() as conn:  # what a later migration would do
        conn.execute(text("CREATE TABLE later_notes (id serial PRIMARY KEY, note text)"))
    with _psql(newsroom, "seema") as conn:
        conn.execute("INSERT INTO later_notes (note) VALUES ('नोट')")
    report = init_newsroom(newsroom.db, newsroom.prefix)  # again: nothing duplicated
    assert report.groups_created == [] and "later_notes" in report.tables
    article = _draft_of(newsroom, "seema")
    with _psql(newsroom, "seema") as conn, pytest.raises(
            psycopg.errors.InsufficientPrivilege):
        conn.execute("UPDATE articles SET status = 'approved' WHERE id = %s", (article,))


def test_an_audit_event_is_recorded_as_the_logins_user(newsroom: Newsroom) -> None:
    other = newsroom.users["sudha"].id
    with _psql(newsroom, "seema") as conn:
        row = conn.execute("INSERT INTO audit_events (at, \"user\", action, detail_json, "
                           "user_id) VALUES (now(), 'सुधा वर्मा', 'forged', '{}', %s) "
                           "RETURNING user_id", (other,)).fetchone()
    assert row is not None and row[0] == newsroom.users["seema"].id


def _story_with_two_suggestions(room: Newsroom) -> tuple[int, Database]:
    """Seema's story in copy edit with two of Neha's tracked changes; Seema's connection."""
    rep_db, ce_db = room.connect("seema"), room.connect("neha")
    reporter, editor = database_actor(rep_db), database_actor(ce_db)
    assert reporter is not None and editor is not None
    record = ArticleService(rep_db, reporter).create(STORY)
    WorkflowService(rep_db, reporter).transition(record.id, Status.SUBMITTED)
    WorkflowService(ce_db, editor).transition(record.id, Status.IN_COPY_EDIT)
    edits = ArticleService(ce_db, editor)
    current = edits.get(record.id)
    body = current.data.body
    first, second = body.split()[0], body.split()[-1]
    edits.save(record.id, replace(current.data, headline=current.data.headline + " (नया)",
                                  body=body.replace(first, "नवीन", 1)
                                  .replace(second, "अंतिम")), current.version)
    return record.id, rep_db


def test_reporter_login_decides_suggestions_while_the_story_is_in_copy_edit(
        newsroom: Newsroom) -> None:
    article, rep_db = _story_with_two_suggestions(newsroom)
    reporter = database_actor(rep_db)
    assert reporter is not None
    tracking = TrackingService(rep_db, reporter)
    body_open = [s for s in tracking.suggestions(article) if s.field == "body"]
    assert len(body_open) >= 1
    tracking.reject(article, [body_open[0].id])  # the text changes back: the body edit
    rest = [s.id for s in tracking.suggestions(article, include_decided=False)]
    tracking.accept(article, rest)
    assert [s.state for s in tracking.suggestions(article, include_decided=False)] == []
    stored = ArticleService(newsroom.db, "t").get(article)
    assert stored.status == Status.IN_COPY_EDIT.value
    assert stored.data.headline == STORY.headline + " (नया)"
    assert "नवीन" not in stored.data.body  # rejected


def test_reporter_login_cannot_edit_text_in_copy_edit_even_with_suggestions(
        newsroom: Newsroom) -> None:
    article, _ = _story_with_two_suggestions(newsroom)
    with _psql(newsroom, "seema") as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege,
                           match="only by deciding its suggestions"):
            conn.execute("UPDATE articles SET body = body || 'चुपके से' WHERE id = %s",
                         (article,))
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="may not edit"):
            conn.execute("UPDATE articles SET slug = 'chupke' WHERE id = %s", (article,))
    stored = ArticleService(newsroom.db, "t").get(article)
    assert "चुपके से" not in stored.data.body and stored.data.slug != "chupke"


def test_reporter_login_cannot_write_a_revision_of_another_reporters_story(
        newsroom: Newsroom) -> None:
    article = _draft_of(newsroom, "ravi")
    forged = ("INSERT INTO revisions (article_id, article_version, author, created_at, "
              "headline, dek, body, metadata_json, note, status) VALUES (%s, 99, 'रवि', "
              "now(), 'झूठा', '', 'झूठा पाठ', '{}', 'forged', 'draft')")
    with _psql(newsroom, "seema") as conn, pytest.raises(
            psycopg.errors.InsufficientPrivilege, match="another reporter"):
        conn.execute(forged, (article,))
    with _psql(newsroom, "ravi") as conn:  # the owner's own history grows as usual
        conn.execute(forged, (article,))
    notes = [r.note for r in ArticleService(newsroom.db, "t").revisions(article)]
    assert notes.count("forged") == 1


def test_a_comment_is_recorded_as_the_logins_user(newsroom: Newsroom) -> None:
    article = _draft_of(newsroom, "seema")
    other = newsroom.users["sudha"].id
    with _psql(newsroom, "seema") as conn:
        row = conn.execute(
            "INSERT INTO comments (article_id, author_id, author_name, field, anchor_start, "
            "anchor_end, quote, context_before, context_after, text, created_at, updated_at, "
            "orphaned) VALUES (%s, %s, 'सुधा वर्मा', 'body', 0, 4, 'पटना', '', '', "
            "'नकली टिप्पणी', now(), now(), false) RETURNING author_id",
            (article, other)).fetchone()
    assert row is not None and row[0] == newsroom.users["seema"].id
