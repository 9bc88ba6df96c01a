"""Tracked changes in core: suggestions follow saves; accept/reject; who may decide."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from editor_app.core.articles import ArticleService
from editor_app.core.errors import ConflictError, PermissionDenied, ValidationError
from editor_app.core.models import AuditEvent, TrackingBase
from editor_app.core.review.tracking import TrackingService, open_suggestion_count
from editor_app.core.workflow.statuses import Status
from tests.core.review_helpers import Desk, edit, make_desk, set_status, story_in_copy_edit

BODY = "सरकार ने नई योजना की घोषणा की। इस योजना से किसानों को मजूबत सहारा मिलेगा।\n"


@pytest.fixture
def desk(db) -> Desk:
    return make_desk(db)


def _open(db, desk: Desk, article_id: int):
    return TrackingService(db, desk.chief).view(article_id).open


def test_copy_editor_edits_become_suggestions_with_author(db, desk):
    story = story_in_copy_edit(db, desk, BODY)
    edit(db, desk.editor, story.id,
         body=BODY.replace("मजूबत", "मजबूत").replace("नई", "एक नई"))
    suggestions = _open(db, desk, story.id)
    assert [(s.old_text, s.new_text.strip()) for s in suggestions] == [
        ("", "एक"), ("मजूबत", "मजबूत")]
    assert {s.author_name for s in suggestions} == {"नेहा त्रिपाठी"}
    assert {s.author_id for s in suggestions} == {desk.editor.id}
    body = ArticleService(db).get(story.id).data.body
    for s in suggestions:  # offsets point into the current text
        assert body[s.start:s.end] == s.new_text


def test_suggestion_ids_and_authors_stay_stable_over_later_saves(db, desk):
    story = story_in_copy_edit(db, desk, BODY)
    first = BODY.replace("मजूबत", "मजबूत")
    edit(db, desk.editor, story.id, body=first)
    [before] = _open(db, desk, story.id)
    edit(db, desk.editor2, story.id, body="आज " + first)  # the second editor adds a word
    after = _open(db, desk, story.id)
    assert len(after) == 2
    kept = next(s for s in after if s.new_text == "मजबूत")
    added = next(s for s in after if s.new_text.strip() == "आज")
    assert (kept.id, kept.author_name, kept.created_at) == (
        before.id, before.author_name, before.created_at)
    assert added.author_name == "अमित वर्मा"


def test_undoing_a_change_withdraws_it(db, desk):
    story = story_in_copy_edit(db, desk, BODY)
    edit(db, desk.editor, story.id, body=BODY.replace("मजूबत", "मजबूत"))
    edit(db, desk.editor, story.id, body=BODY)
    view = TrackingService(db, desk.chief).view(story.id)
    assert view.open == []
    [gone] = view.decided
    assert (gone.state, gone.decided_by_name) == ("withdrawn", "नेहा त्रिपाठी")


def test_own_change_changed_again_keeps_its_id(db, desk):
    story = story_in_copy_edit(db, desk, BODY)
    edit(db, desk.editor, story.id, body=BODY.replace("मजूबत", "मजबूत"))
    [first] = _open(db, desk, story.id)
    edit(db, desk.editor, story.id, body=BODY.replace("मजूबत", "मज़बूत"))
    [second] = _open(db, desk, story.id)
    assert second.id == first.id
    assert (second.old_text, second.new_text) == ("मजूबत", "मज़बूत")


def test_change_over_another_persons_suggestion_belongs_to_the_latest_editor(db, desk):
    story = story_in_copy_edit(db, desk, BODY)
    edit(db, desk.editor, story.id, body=BODY.replace("मजूबत", "मजबूत"))
    [first] = _open(db, desk, story.id)
    edit(db, desk.editor2, story.id, body=BODY.replace("मजूबत", "ठोस"))
    view = TrackingService(db, desk.chief).view(story.id)
    [now] = view.open
    assert (now.author_name, now.old_text, now.new_text) == ("अमित वर्मा", "मजूबत", "ठोस")
    assert now.id != first.id
    [superseded] = view.decided
    assert (superseded.id, superseded.state, superseded.decided_by_name) == (
        first.id, "withdrawn", "अमित वर्मा")


def test_headline_and_dek_are_tracked_too(db, desk):
    story = story_in_copy_edit(db, desk, BODY, headline="किसानों को राहत", dek="नई योजना")
    edit(db, desk.editor, story.id, headline="किसानों को बड़ी राहत", dek="नई योजना घोषित")
    fields = {(s.field, s.new_text) for s in _open(db, desk, story.id)}
    assert {(f, t.strip()) for f, t in fields} == {("headline", "बड़ी"), ("dek", "घोषित")}


def test_no_tracking_outside_copy_edit_without_a_base(db, desk):
    record = ArticleService(db, desk.reporter.name).create()
    edit(db, desk.reporter, record.id, body=BODY)
    assert _open(db, desk, record.id) == []
    assert TrackingService(db, desk.chief).view(record.id).tracking is False


def test_accept_one_reject_one(db, desk):
    story = story_in_copy_edit(db, desk, BODY)
    edited = BODY.replace("मजूबत", "मजबूत").replace("नई", "नवीन")
    edit(db, desk.editor, story.id, body=edited)
    first, second = _open(db, desk, story.id)  # नई→नवीन, मजूबत→मजबूत
    reporter = TrackingService(db, desk.reporter)
    accepted = reporter.accept(story.id, [second.id])
    rejected = reporter.reject(story.id, [first.id])
    record = ArticleService(db).get(story.id)
    assert record.data.body == BODY.replace("मजूबत", "मजबूत")
    assert rejected.version == accepted.version + 1 == story.version + 3
    view = reporter.view(story.id)
    assert view.open == []
    assert view.base["body"] == record.data.body
    states = {s.id: (s.state, s.decided_by_name, s.revision_id) for s in view.decided}
    assert states == {second.id: ("accepted", "रमेश कुमार", accepted.revision_id),
                      first.id: ("rejected", "रमेश कुमार", rejected.revision_id)}
    notes = [r.note for r in ArticleService(db).revisions(story.id)]
    assert notes[-2:] == [
        f"accepted suggestion {second.id} (नेहा त्रिपाठी: «मजूबत» → «मजबूत»)",
        f"rejected suggestion {first.id} (नेहा त्रिपाठी: «नई» → «नवीन»)"]
    with db.session() as session:
        events = session.scalars(select(AuditEvent).where(
            AuditEvent.action.like("review.%")).order_by(AuditEvent.id)).all()
        assert [(e.action, e.user, e.user_id) for e in events] == [
            ("review.accept", "रमेश कुमार", desk.reporter.id),
            ("review.reject", "रमेश कुमार", desk.reporter.id)]
        assert json.loads(events[1].detail_json) == {
            "suggestion": first.id, "field": "body", "old": "नई", "new": "नवीन",
            "author": "नेहा त्रिपाठी"}


def test_accept_all_by_one_reviewer(db, desk):
    story = story_in_copy_edit(db, desk, BODY)
    edit(db, desk.editor, story.id, body=BODY.replace("मजूबत", "मजबूत"))
    text = ArticleService(db).get(story.id).data.body
    edit(db, desk.editor2, story.id, body=text.replace("घोषणा", "एलान"))
    result = TrackingService(db, desk.chief).accept(story.id, author_id=desk.editor2.id)
    [left] = _open(db, desk, story.id)
    assert left.author_id == desk.editor.id and len(result.decided) == 1
    TrackingService(db, desk.chief).reject(story.id)  # all the rest
    assert ArticleService(db).get(story.id).data.body == BODY.replace("घोषणा", "एलान")
    with db.session() as session:
        assert open_suggestion_count(session, story.id) == 0


def test_who_may_decide(db, desk):
    story = story_in_copy_edit(db, desk, BODY)
    edit(db, desk.editor, story.id, body=BODY.replace("मजूबत", "मजबूत"))
    [s] = _open(db, desk, story.id)
    with pytest.raises(PermissionDenied):
        TrackingService(db, desk.editor).accept(story.id, [s.id])
    with pytest.raises(PermissionDenied):
        TrackingService(db, desk.editor2).reject(story.id, [s.id])
    stranger = desk.reporter.__class__(999, "कोई और", desk.reporter.role)
    with pytest.raises(PermissionDenied):
        TrackingService(db, stranger).accept(story.id, [s.id])
    assert [x.id for x in _open(db, desk, story.id)] == [s.id]  # nothing decided


def test_copy_editor_who_owns_the_story_cannot_accept_their_own(db, desk):
    story = story_in_copy_edit(db, desk, BODY)
    set_status(db, story.id, Status.IN_COPY_EDIT, owner=desk.editor)
    edit(db, desk.editor, story.id, body=BODY.replace("मजूबत", "मजबूत"))
    [s] = _open(db, desk, story.id)
    with pytest.raises(PermissionDenied, match="own"):
        TrackingService(db, desk.editor).accept(story.id, [s.id])


def test_stale_version_and_unknown_ids_are_refused(db, desk):
    story = story_in_copy_edit(db, desk, BODY)
    record = edit(db, desk.editor, story.id, body=BODY.replace("मजूबत", "मजबूत"))
    [s] = _open(db, desk, story.id)
    reporter = TrackingService(db, desk.reporter)
    with pytest.raises(ConflictError):
        reporter.accept(story.id, [s.id], expected_version=record.version - 1)
    with pytest.raises(ValidationError):
        reporter.reject(story.id, [s.id + 100])
    reporter.reject(story.id, [s.id], expected_version=record.version)
    with pytest.raises(ValidationError):  # decided already
        reporter.accept(story.id, [s.id])


def test_untracked_edit_by_the_reporter_is_no_suggestion(db, desk):
    story = story_in_copy_edit(db, desk, BODY)
    edited = BODY.replace("मजूबत", "मजबूत")
    edit(db, desk.editor, story.id, body=edited)
    [s] = _open(db, desk, story.id)
    set_status(db, story.id, Status.RETURNED)
    edit(db, desk.reporter, story.id, body="नई दिल्ली। " + edited.replace("किसानों", "छोटे किसानों"))
    view = TrackingService(db, desk.reporter).view(story.id)
    assert [(x.id, x.old_text, x.new_text) for x in view.open] == [(s.id, "मजूबत", "मजबूत")]
    assert view.base["body"] == "नई दिल्ली। " + BODY.replace("किसानों", "छोटे किसानों")
    assert view.decided == []


def test_untracked_edit_inside_a_suggestion_absorbs_it(db, desk):
    story = story_in_copy_edit(db, desk, BODY)
    edit(db, desk.editor, story.id, body=BODY.replace("मजूबत सहारा", "मजबूत आर्थिक सहारा"))
    [s] = _open(db, desk, story.id)
    set_status(db, story.id, Status.RETURNED)
    final = BODY.replace("मजूबत सहारा", "मजबूत वित्तीय सहारा")
    edit(db, desk.reporter, story.id, body=final)
    view = TrackingService(db, desk.reporter).view(story.id)
    assert view.open == []
    assert view.base["body"] == final
    [absorbed] = view.decided
    assert (absorbed.id, absorbed.state, absorbed.decided_by_name) == (
        s.id, "accepted", "रमेश कुमार")
    with db.session() as session:
        event = session.scalars(select(AuditEvent).where(
            AuditEvent.action == "review.accept")).one()
        assert json.loads(event.detail_json)["by_edit"] is True


def test_decided_suggestions_stay_readable(db, desk):
    story = story_in_copy_edit(db, desk, BODY)
    edit(db, desk.editor, story.id, body=BODY.replace("मजूबत", "मजबूत"))
    [s] = _open(db, desk, story.id)
    TrackingService(db, desk.reporter).accept(story.id, [s.id])
    # a later copy edit keeps going from the moved base
    edit(db, desk.editor, story.id, body=BODY.replace("मजूबत", "मजबूत").replace("नई", "नवीन"))
    listed = TrackingService(db, desk.reporter).suggestions(story.id)
    assert [(x.state, x.new_text) for x in listed] == [("open", "नवीन"), ("accepted", "मजबूत")]
    assert listed[1].decided_at is not None and listed[1].as_json()["decided_by"] == "रमेश कुमार"


def test_start_tracking_keeps_an_existing_base(db, desk):
    story = story_in_copy_edit(db, desk, BODY)
    edit(db, desk.editor, story.id, body=BODY.replace("मजूबत", "मजबूत"))
    set_status(db, story.id, Status.RETURNED)
    set_status(db, story.id, Status.IN_COPY_EDIT, track=True)
    with db.session() as session:
        base = session.get(TrackingBase, story.id)
        assert base is not None and base.body == BODY
    assert len(_open(db, desk, story.id)) == 1


def test_repeated_words_untracked_edit_stays_untracked(db, desk):
    # the diff may align "ने सरकार सरकार" -> "ने ने सरकार" as an insert at the start and a
    # delete at the end: neither may become the reporter's suggestion
    story = story_in_copy_edit(db, desk, "सरकार सरकार सरकार\n")
    edit(db, desk.editor, story.id, body="ने सरकार सरकार\n")
    set_status(db, story.id, Status.RETURNED)
    edit(db, desk.reporter, story.id, body="ने ने सरकार\n")
    view = TrackingService(db, desk.reporter).view(story.id)
    assert view.open and {s.author_id for s in view.open} == {desk.editor.id}
    TrackingService(db, desk.reporter).reject(story.id)
    assert ArticleService(db).get(story.id).data.body == view.base["body"]


def test_the_tracked_copy_editor_cannot_leave_tracking():
    # every move a copy editor can make out of copy edit lands where they may not edit
    from editor_app.core.profiles import Role
    from editor_app.core.workflow.statuses import may_edit, moves_from

    for transition in moves_from(Status.IN_COPY_EDIT):
        if Role.COPY_EDITOR in transition.roles:
            assert not may_edit(Role.COPY_EDITOR, transition.target), transition


def test_a_copy_editor_who_returned_the_story_cannot_edit_it_untracked(db, desk):
    from editor_app.core.workflow.service import WorkflowService

    story = story_in_copy_edit(db, desk, BODY)
    edit(db, desk.editor, story.id, body=BODY.replace("मजूबत", "मजबूत"))
    WorkflowService(db, desk.editor).transition(story.id, Status.RETURNED, note="देखें")
    with pytest.raises(PermissionDenied):
        edit(db, desk.editor, story.id, body=BODY.replace("नई", "नवीन"))
    assert [s.new_text for s in _open(db, desk, story.id)] == ["मजबूत"]


def test_a_rejection_moves_comment_anchors_like_an_edit(db, desk):
    from editor_app.core.review.comments import CommentService

    story = story_in_copy_edit(db, desk, BODY)
    edit(db, desk.editor, story.id, body=BODY.replace("नई", "बिलकुल नई"))
    comments = CommentService(db, desk.reporter)
    note = comments.add_on_text(story.id, "body", "सहारा", "क्या यह सही शब्द है?")
    TrackingService(db, desk.reporter).reject(story.id)
    [thread] = [c for c in comments.list(story.id) if c.id == note.id]
    body = ArticleService(db).get(story.id).data.body
    assert body == BODY
    assert not thread.orphaned
    anchor = thread.comment.anchor
    assert body[anchor.start:anchor.end] == "सहारा"
