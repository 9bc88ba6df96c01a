"""CommentService: threads, permissions, audit, and anchors that follow article saves."""

from __future__ import annotations

import json
import unicodedata
from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import select

from editor_app.core.article_data import ArticleData
from editor_app.core.articles import ArticleService
from editor_app.core.errors import NotFoundError, PermissionDenied, ValidationError
from editor_app.core.models import Article, AuditEvent
from editor_app.core.profiles import ProfileInfo, Role, create_profile
from editor_app.core.review.comments import CommentService

BODY = ("## बाढ़ की तैयारी\n\n"
        "नगर निगम ने **नालों की सफ़ाई** शुरू कर दी है और काम अगले हफ़्ते तक चलेगा।\n\n"
        "महापौर ने कहा कि इस बार मजबूत योजना बनाई गई है।\n\n"
        "लोगों ने राहत की सांस ली और प्रशासन का धन्यवाद किया।\n")
STORY = ArticleData(headline="शहर में बाढ़ से निपटने की नई योजना",
                    dek="नगर निगम ने नालों की सफ़ाई शुरू की", body=BODY)


@pytest.fixture
def users(db) -> dict[str, ProfileInfo]:
    return {"reporter": create_profile(db, "सीमा यादव", Role.REPORTER),
            "other": create_profile(db, "अमित शर्मा", Role.REPORTER),
            "copy": create_profile(db, "नेहा त्रिपाठी", Role.COPY_EDITOR),
            "chief": create_profile(db, "राकेश वर्मा", Role.DESK_CHIEF)}


@pytest.fixture
def articles(db):
    return ArticleService(db, "सीमा यादव")


@pytest.fixture
def story(db, articles, users) -> int:
    record = articles.create(STORY)
    with db.session() as session:
        session.get_one(Article, record.id).owner_id = users["reporter"].id
    return int(record.id)


def _save(articles: ArticleService, article_id: int, **changes: Any) -> None:
    record = articles.get(article_id)
    articles.save(article_id, replace(record.data, **changes), record.version)


def _thread(service: CommentService, article_id: int, comment_id: int):
    return next(t for t in service.list(article_id) if t.id == comment_id)


def test_add_stores_quote_context_and_visible_offsets(db, story, users):
    service = CommentService(db, users["copy"])
    comment = service.add_on_text(story, "body", "नालों की सफ़ाई", "कब से? तारीख़ लिखें")
    assert comment.quote == "नालों की सफ़ाई"
    assert comment.author_name == "नेहा त्रिपाठी"
    assert comment.state == "open" and not comment.orphaned
    # offsets are into the visible text (no ** around the phrase), context either side
    assert comment.anchor.context_before.endswith("नगर निगम ने ")
    assert comment.anchor.context_after.startswith(" शुरू कर दी")
    by_range = service.add(story, "headline", 0, 3, "शहर का नाम?")
    assert by_range.quote == "शहर" and by_range.field == "headline"
    with pytest.raises(ValidationError):
        service.add_on_text(story, "dek", "जो नहीं है", "x")
    with pytest.raises(ValidationError):
        service.add_on_text(story, "byline", "सीमा", "x")
    with pytest.raises(ValidationError):
        service.add(story, "body", 5, 8, "   ")
    with pytest.raises(NotFoundError):
        service.add(999, "body", 0, 1, "x")


def test_text_is_stored_nfc(db, story, users):
    service = CommentService(db, users["copy"])
    nfd = unicodedata.normalize("NFD", "सफ़ाई")
    comment = service.add_on_text(story, "dek", nfd, unicodedata.normalize("NFD", "ज़रूरी"))
    assert comment.quote == "सफ़ाई" and unicodedata.is_normalized("NFC", comment.quote)
    assert comment.text == unicodedata.normalize("NFC", "ज़रूरी")


def test_threads_replies_oldest_first_and_audit(db, story, users):
    copy, reporter = CommentService(db, users["copy"]), CommentService(db, users["reporter"])
    first = copy.add_on_text(story, "body", "मजबूत योजना", "कैसी योजना?")
    second = copy.add_on_text(story, "headline", "नई योजना", "शीर्षक लंबा है")
    r1 = reporter.reply(first.id, "विवरण अगले पैरा में है")
    r2 = copy.reply(r1.id, "ठीक है")  # a reply to a reply joins the thread
    general = copy.add_general(story, "फ़ोटो चाहिए")
    threads = copy.list(story)
    assert [t.id for t in threads] == [first.id, second.id, general.id]
    assert [r.id for r in threads[0].replies] == [r1.id, r2.id]
    assert all(r.parent_id == first.id for r in threads[0].replies)
    assert threads[0].replies[0].author_name == "सीमा यादव"
    assert threads[0].replies[0].quote == "मजबूत योजना"
    assert threads[2].comment.quote == ""
    with db.session() as session:
        events = session.scalars(select(AuditEvent).where(
            AuditEvent.action == "comment.add").order_by(AuditEvent.id)).all()
        assert len(events) == 5
        assert events[2].user == "सीमा यादव" and events[2].user_id == users["reporter"].id
        detail = json.loads(events[2].detail_json)
        assert detail["parent"] == first.id and detail["comment"] == r1.id


def test_resolve_reopen_permissions_and_audit(db, story, users):
    copy = CommentService(db, users["copy"])
    other = CommentService(db, users["other"])
    comment = copy.add_on_text(story, "body", "मजबूत योजना", "कैसी योजना?")
    by_other = other.add_on_text(story, "body", "राहत की सांस", "मुहावरा")
    # a reporter who neither wrote the comment nor owns the article may not resolve
    with pytest.raises(PermissionDenied):
        other.resolve(comment.id)
    assert other.resolve(by_other.id).state == "resolved"  # their own comment
    owner = CommentService(db, users["reporter"])
    resolved = owner.resolve(comment.id)  # the article's owner
    assert resolved.state == "resolved" and resolved.resolved_by_name == "सीमा यादव"
    assert owner.open_count(story) == 0
    reply = owner.reply(comment.id, "हो गया")
    assert CommentService(db, users["chief"]).reopen(reply.id).id == comment.id  # the thread
    assert copy.open_count(story) == 1
    assert [t.state for t in copy.list(story)] == ["open", "resolved"]
    assert [t.id for t in copy.list(story, include_resolved=False)] == [comment.id]
    with db.session() as session:
        actions = [e.action for e in session.scalars(
            select(AuditEvent).where(AuditEvent.action.like("comment.%"))
            .order_by(AuditEvent.id))]
    assert actions == ["comment.add", "comment.add", "comment.resolve", "comment.resolve",
                       "comment.add", "comment.reopen"]


def test_edit_only_own_comment_and_inactive_users(db, story, users):
    copy = CommentService(db, users["copy"])
    comment = copy.add_on_text(story, "body", "मजबूत योजना", "कैसी योजना")
    assert copy.edit(comment.id, "कैसी योजना?").text == "कैसी योजना?"
    with pytest.raises(PermissionDenied):
        CommentService(db, users["chief"]).edit(comment.id, "बदला")
    gone = replace(users["other"], active=False)
    with pytest.raises(PermissionDenied):
        CommentService(db, gone).add_on_text(story, "body", "मजबूत", "x")


def test_comment_survives_edits_before_after_and_inside(db, articles, story, users):
    service = CommentService(db, users["copy"])
    comment = service.add_on_text(story, "body", "मजबूत योजना", "कैसी योजना?")
    reply = service.reply(comment.id, "देखिए")
    _save(articles, story, body=BODY.replace("महापौर ने कहा", "शहर के महापौर ने आज कहा"))
    thread = _thread(service, story, comment.id)
    assert thread.comment.quote == "मजबूत योजना" and not thread.orphaned
    body = articles.get(story).data.body
    _save(articles, story, body=body.replace("राहत की सांस ली", "राहत महसूस की"))
    assert _thread(service, story, comment.id).comment.quote == "मजबूत योजना"
    body = articles.get(story).data.body
    _save(articles, story, body=body.replace("मजबूत योजना", "मजबूत और ठोस योजना"))
    thread = _thread(service, story, comment.id)
    assert thread.comment.quote == "मजबूत और ठोस योजना" and not thread.orphaned
    # the reply follows its parent
    assert thread.replies[0].id == reply.id
    assert thread.replies[0].anchor == thread.comment.anchor


def test_deleting_the_phrase_orphans_the_thread_which_stays_listed(db, articles, story,
                                                                      users):
    service = CommentService(db, users["copy"])
    comment = service.add_on_text(story, "body", "मजबूत योजना", "कैसी योजना?")
    service.reply(comment.id, "देखिए")
    dek_comment = service.add_on_text(story, "dek", "नालों", "नालियों?")
    _save(articles, story, body=BODY.replace("इस बार मजबूत योजना बनाई", "इस बार तैयारी की"))
    thread = _thread(service, story, comment.id)
    assert thread.orphaned
    assert thread.comment.quote == "मजबूत योजना"
    assert all(r.orphaned for r in thread.replies)
    assert _thread(service, story, dek_comment.id).orphaned is False  # other field untouched
    # the text comes back (an undo): the comment is found again
    _save(articles, story, body=BODY)
    assert not _thread(service, story, comment.id).orphaned


def test_moved_paragraph_is_refound(db, articles, story, users):
    service = CommentService(db, users["copy"])
    comment = service.add_on_text(story, "body", "नालों की सफ़ाई", "कब से?")
    paragraphs = BODY.strip("\n").split("\n\n")
    moved = "\n\n".join([paragraphs[0], paragraphs[2], paragraphs[3], paragraphs[1]]) + "\n"
    _save(articles, story, body=moved)
    thread = _thread(service, story, comment.id)
    assert not thread.orphaned
    assert thread.comment.quote == "नालों की सफ़ाई"
    visible = "\n".join(p.replace("**", "").removeprefix("## ")
                        for p in moved.strip().split("\n\n"))
    assert visible[thread.comment.anchor.start:thread.comment.anchor.end] == "नालों की सफ़ाई"
    assert thread.comment.anchor.start > visible.index("लोगों")


def test_headline_anchor_follows_headline_edit(db, articles, story, users):
    service = CommentService(db, users["copy"])
    comment = service.add_on_text(story, "headline", "नई योजना", "कौन सी?")
    _save(articles, story, headline="पटना शहर में बाढ़ से निपटने की नई योजना")
    thread = _thread(service, story, comment.id)
    assert thread.comment.quote == "नई योजना"
    assert thread.comment.anchor.start == len("पटना शहर में बाढ़ से निपटने की ")


def test_add_on_view_maps_an_unsaved_view(db, story, users):
    service = CommentService(db, users["copy"])
    view = "शहर में  बाढ़ से निपटने की नई योजना "  # typed: a double space, trailing space
    start = view.index("बाढ़")
    comment = service.add_on_view(story, "headline", view, start, start + len("बाढ़"), "x")
    assert comment.quote == "बाढ़"
    assert comment.anchor.start == STORY.headline.index("बाढ़")
    with pytest.raises(ValidationError):  # text typed but not saved yet
        service.add_on_view(story, "headline", view + "नया", len(view), len(view) + 3, "x")


def test_a_maintenance_actor_comments_unattributed(db, story):
    cli = ProfileInfo(0, "cli", Role.ADMIN)  # no user rows yet: id 0 is no user
    service = CommentService(db, cli)
    comment = service.add_on_text(story, "body", "मजबूत योजना", "देखें")
    assert comment.author_id is None and comment.author_name == "cli"
    assert service.resolve(comment.id).state == "resolved"
    with pytest.raises(PermissionDenied):  # nobody's own comment
        service.edit(comment.id, "बदला")
