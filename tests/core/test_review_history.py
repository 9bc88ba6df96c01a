"""Revision history: field-by-field revision diffs, the timeline, restoring a revision."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta
from itertools import pairwise

import pytest
from sqlalchemy import select, update

from editor_app.core.article_data import ArticleData, BylineData, RelatedLink
from editor_app.core.articles import ArticleService
from editor_app.core.errors import ConflictError, NotFoundError
from editor_app.core.models import Article, AuditEvent, Revision, utcnow
from editor_app.core.review.diff import apply_hunks
from editor_app.core.review.history import (
    FIELD_LABELS,
    diff_revisions,
    restore_revision,
    revision_data,
    timeline,
)
from editor_app.core.workflow.service import WorkflowService

STORY = ArticleData(
    headline="बाढ़ से निपटने के लिए मजूबत योजना",
    dek="प्रशासन ने नालों की सफ़ाई शुरू की",
    body="पहला अनुच्छेद।\n\nदूसरा अनुच्छेद मजूबत है।\n",
    category="शहर",
    dateline_place="पटना",
    dateline_date=date(2026, 7, 1),
    tags=("बाढ़", "पटना"),
    bylines=(BylineData("सीमा यादव", "Seema Yadav", "संवाददाता", "The Printlines"),),
    related=(RelatedLink("पिछली बाढ़ की ख़बर", "https://example.in/badh"),),
)


@pytest.fixture
def service(db):
    return ArticleService(db, "सीमा")


def _three_revisions(service: ArticleService) -> int:
    record = service.create(STORY)
    second = replace(STORY, headline="बाढ़ से निपटने के लिए मजबूत योजना",
                     body="पहला अनुच्छेद।\n\nदूसरा अनुच्छेद मजबूत है।\n")
    record = service.save(record.id, second, record.version, note="typo")
    third = replace(second, tags=("बाढ़", "बिहार", "पटना"), category="राज्य",
                    dateline_date=date(2026, 7, 2), slug="badh-yojana",
                    bylines=(*second.bylines,
                             BylineData("अजय कुमार", "", "फ़ोटो पत्रकार", "")),
                    body=second.body + "\nतीसरा अनुच्छेद।\n",
                    related=(*second.related, RelatedLink("राहत शिविर")))
    service.save(record.id, third, record.version, note="metadata")
    return record.id


def test_diff_of_headline_typo_marks_only_the_changed_aksharas(service):
    article_id = _three_revisions(service)
    diff = diff_revisions(service, article_id, 1, 2)
    # the slug follows the headline (it was left to be generated)
    assert [c.field for c in diff.changes] == ["headline", "slug", "body"]
    headline = diff.change("headline")
    assert headline is not None and headline.label == "शीर्षक (Headline)"
    [hunk] = headline.hunks
    assert (hunk.old_text, hunk.new_text) == ("मजूबत", "मजबूत")
    assert [(r.old_text, r.new_text) for r in hunk.inner] == [("जूब", "जबू")]
    body = diff.change("body")
    assert body is not None and apply_hunks(body.old, body.hunks) == body.new
    assert (diff.old.number, diff.new.number, diff.new.note) == (1, 2, "typo")
    assert diff.metadata_changes == (headline, diff.change("slug"))


def test_diff_lists_every_metadata_change(service):
    article_id = _three_revisions(service)
    diff = diff_revisions(service, article_id, 2, 3)
    by_field = {c.field: c for c in diff.changes}
    assert list(by_field) == ["bylines", "dateline_date", "category", "tags", "slug",
                              "related", "body"]
    assert by_field["related"].label == "इसे भी पढ़ें (Related links)"
    assert by_field["related"].new.endswith("\nराहत शिविर")
    assert by_field["tags"].old == "पटना, बाढ़" and by_field["tags"].new == "पटना, बाढ़, बिहार"
    assert by_field["dateline_date"].new == "2026-07-02"
    assert by_field["category"].label == FIELD_LABELS["category"] == "श्रेणी (Category)"
    assert by_field["bylines"].new.endswith("\nअजय कुमार, फ़ोटो पत्रकार")
    assert by_field["slug"].new == "badh-yojana"
    for change in diff.changes:
        assert apply_hunks(change.old, change.hunks) == change.new
    # the other way round: the same fields, inverse texts
    back = diff_revisions(service, article_id, 3, 2)
    assert [(c.field, c.old, c.new) for c in back.changes] == \
        [(c.field, c.new, c.old) for c in diff.changes]
    assert diff_revisions(service, article_id, 3, 3).changes == ()


def test_unknown_article_or_revision(service):
    article_id = _three_revisions(service)
    with pytest.raises(NotFoundError, match="no revision 4"):
        diff_revisions(service, article_id, 1, 4)
    with pytest.raises(NotFoundError):
        diff_revisions(service, article_id, 0, 1)
    with pytest.raises(NotFoundError):
        diff_revisions(service, 999, 1, 2)
    with pytest.raises(NotFoundError):
        timeline(service.db, 999)


def test_restore_writes_a_new_revision_with_the_old_data(service):
    article_id = _three_revisions(service)
    current = service.get(article_id)
    restored = restore_revision(service, article_id, 1, current.version)
    assert restored.version == current.version + 1
    assert restored.data.headline == STORY.headline
    assert restored.data.tags == tuple(sorted(STORY.tags))
    assert restored.data.dateline_date == STORY.dateline_date
    assert restored.data.bylines == STORY.bylines
    assert restored.data.category == STORY.category
    assert restored.data.related == STORY.related
    revisions = service.revisions(article_id)
    assert len(revisions) == 4 and revisions[-1].note == "restored revision 1"
    assert diff_revisions(service, article_id, 1, 4).changes == ()


def test_restore_honours_the_optimistic_lock(service):
    article_id = _three_revisions(service)
    stale = service.get(article_id).version - 1
    with pytest.raises(ConflictError):
        restore_revision(service, article_id, 1, stale)
    assert len(service.revisions(article_id)) == 3


def test_revision_data_takes_defaults_for_old_snapshots():
    data = revision_data("शीर्षक", "", "पाठ", {"bylines": [["नाम", "", "", ""]]})
    assert data.bylines == (BylineData("नाम"),)
    assert (data.language, data.dateline_date, data.tags) == ("hi", None, ())


def test_timeline_follows_real_transitions(service, db):
    record = service.create(STORY)
    WorkflowService(db, "अनिल").transition(record.id, "submitted", note="जांच के लिए")
    current = service.get(record.id)
    service.save(record.id, replace(STORY, headline="बाढ़ पर नई योजना"), current.version,
                 note="typo")
    WorkflowService(db, "रीना").transition(record.id, "in_copy_edit")
    service.trash(record.id)
    entries = timeline(db, record.id)
    assert [e.kind for e in entries] == ["revision", "transition", "revision", "transition",
                                         "trash"]
    assert [e.status for e in entries] == ["draft", "submitted", "submitted",
                                           "in_copy_edit", "in_copy_edit"]
    assert (entries[1].who, entries[1].note) == ("अनिल", "जांच के लिए")
    assert entries[3].detail["from"] == "submitted" and entries[3].who == "रीना"


def test_timeline_derives_statuses_of_old_revisions(service, db):
    """Revisions written before migration 0004 recorded no status: it is derived from the
    transitions, walking back from the article's status now."""
    article_id = _three_revisions(service)
    base = service.revisions(article_id)[0].created_at
    with db.session() as session:
        session.execute(update(Revision).where(Revision.article_id == article_id)
                        .values(status=""))
        # Transitions written the way the workflow writes them.
        session.add(AuditEvent(at=base + timedelta(microseconds=1), user="अनिल",
                               action="workflow.transition", article_id=article_id,
                               detail_json=json.dumps({"from": "draft", "to": "submitted",
                                                       "note": "जांच के लिए"},
                                                      ensure_ascii=False)))
        session.add(AuditEvent(user="रीना", action="workflow.transition",
                               article_id=article_id,
                               detail_json=json.dumps({"from": "submitted",
                                                       "to": "in_copy_edit", "note": "",
                                                       "override": "छुट्टी का दिन"},
                                                      ensure_ascii=False)))
        session.add(AuditEvent(user="x", action="lint.ignore", article_id=article_id))
        session.get_one(Article, article_id).status = "in_copy_edit"
    service.trash(article_id)
    entries = timeline(db, article_id)
    kinds = [e.kind for e in entries]
    assert kinds == ["revision", "transition", "revision", "revision", "transition", "trash"]
    assert [e.revision for e in entries] == [1, None, 2, 3, None, None]
    assert [e.status for e in entries] == ["draft", "submitted", "submitted", "submitted",
                                           "in_copy_edit", "in_copy_edit"]
    assert entries[1].who == "अनिल" and entries[1].note == "जांच के लिए"
    assert entries[2].note == "typo" and entries[2].who == "सीमा"
    assert entries[4].detail.get("override") == "छुट्टी का दिन"
    assert all(a.at <= b.at for a, b in pairwise(entries))


def test_timeline_of_a_new_article_is_its_first_revision(service, db):
    record = service.create(STORY)
    [entry] = timeline(db, record.id)
    assert (entry.kind, entry.revision, entry.status, entry.note) == \
        ("revision", 1, "draft", "created")
    assert entry.at <= utcnow()


def test_a_revision_keeps_the_status_it_recorded(service, db):
    record = service.create(STORY)
    with db.session() as session:
        row = session.scalars(select(Revision).where(Revision.article_id == record.id)).one()
        row.status = "in_copy_edit"
    [entry] = timeline(db, record.id)
    assert entry.status == "in_copy_edit"
