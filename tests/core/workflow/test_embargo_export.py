"""Embargo: set/clear (audited), export refused before it, a desk chief's override."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from editor_app.core.article_data import ArticleData
from editor_app.core.articles import ArticleService
from editor_app.core.errors import EmbargoActive, PermissionDenied
from editor_app.core.models import Article, AuditEvent
from editor_app.core.profiles import Role
from editor_app.core.publish.export import export_articles
from editor_app.core.publish.source import load_article
from editor_app.core.workflow.publishing import Override, PublishingService, check_export
from tests.core.workflow.desk_fixtures import add_story, add_user

NOW = datetime(2026, 12, 1, 6, 0, tzinfo=UTC)
LATER = NOW + timedelta(hours=6)


@pytest.fixture
def people(db):
    return {"r": add_user(db, "आरती कुशवाहा", Role.REPORTER),
            "c": add_user(db, "नेहा त्रिपाठी", Role.COPY_EDITOR),
            "d": add_user(db, "कविता शर्मा", Role.DESK_CHIEF)}


def _audit(db, action):
    with db.session() as session:
        return [(e.user, json.loads(e.detail_json)) for e in session.scalars(
            sa.select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id))]


def test_set_and_clear_embargo_is_audited_and_keeps_the_version(db, people):
    story = add_story(db, "बजट", "approved")
    version = ArticleService(db, "t").get(story).version
    service = PublishingService(db, people["c"])
    assert service.set_embargo(story, LATER) == LATER
    record = ArticleService(db, "t").get(story)
    assert record.desk.embargo_until == LATER and record.version == version
    assert ArticleService(db, "t").summary(story).embargo_until == LATER
    service.set_embargo(story, None)
    assert ArticleService(db, "t").get(story).desk.embargo_until is None
    assert _audit(db, "workflow.embargo") == [
        ("नेहा त्रिपाठी", {"until": "2026-12-01T12:00:00+00:00"}),
        ("नेहा त्रिपाठी", {"until": None})]


def test_reporter_sets_no_embargo(db, people):
    story = add_story(db, "बजट", "approved")
    with pytest.raises(PermissionDenied, match="may not set an embargo"):
        PublishingService(db, people["r"]).set_embargo(story, LATER)


def test_export_refused_during_embargo_then_allowed_after(db, people, tmp_path):
    story = add_story(db, "बजट", "approved")
    PublishingService(db, people["d"]).set_embargo(story, LATER)
    service = ArticleService(db, "t")
    out = tmp_path / "a.html"
    [result] = export_articles(service, [story], "html", out, now=NOW)
    assert not result.ok and not out.exists()
    assert result.error is not None
    assert "embargoed until 01-12-2026 17:30 IST" in result.error
    assert "रोक (embargo)" in result.error
    [result] = export_articles(service, [story], "html", out, now=LATER + timedelta(minutes=1))
    assert result.ok and out.exists()


def test_override_needs_a_desk_chief_and_a_reason_and_is_audited(db, people, tmp_path):
    story = add_story(db, "बजट", "approved")
    PublishingService(db, people["c"]).set_embargo(story, LATER)
    service = ArticleService(db, "t")
    out = tmp_path / "a.html"
    [result] = export_articles(service, [story], "html", out, now=NOW,
                               embargo_override=Override(people["c"], "सरकार ने अनुमति दी"))
    assert not result.ok and "only a desk chief" in (result.error or "")
    [result] = export_articles(service, [story], "html", out, now=NOW,
                               embargo_override=Override(people["d"], "  "))
    assert not result.ok and "reason" in (result.error or "")
    [result] = export_articles(service, [story], "html", out, now=NOW,
                               embargo_override=Override(people["d"], "सरकार ने अनुमति दी"))
    assert result.ok and out.exists()
    assert _audit(db, "workflow.embargo_override") == [("कविता शर्मा", {
        "reason": "सरकार ने अनुमति दी", "until": "2026-12-01T12:00:00+00:00",
        "what": "export"})]


def test_check_export_raises_the_typed_error(db):
    with pytest.raises(EmbargoActive) as caught:
        check_export(db, 7, LATER, now=NOW)
    assert caught.value.until == LATER and caught.value.article_id == 7
    check_export(db, 7, None, now=NOW)
    check_export(db, 7, NOW - timedelta(seconds=1), now=NOW)


def test_an_update_on_the_desk_exports_the_published_version(db):
    service = ArticleService(db, "t")
    record = service.create(ArticleData(headline="पुराना शीर्षक", body="पहला पाठ।\n"))
    published = service.revisions(record.id)[-1].id
    with db.session() as session:
        session.execute(sa.update(Article).where(Article.id == record.id).values(
            status="in_copy_edit", published_revision_id=published,
            correction_note="शीर्षक ठीक किया", corrected_at=NOW))
    service.save(record.id, ArticleData(headline="नया शीर्षक", body="दूसरा पाठ।\n"),
                 record.version)
    out = load_article(service, record.id)
    assert out.data.headline == "पुराना शीर्षक" and out.data.body == "पहला पाठ।\n"
    assert out.correction_note == "" and out.revision_id == published
    with db.session() as session:  # approved: the update (and its correction) goes out
        session.execute(sa.update(Article).where(Article.id == record.id).values(
            status="approved"))
    out = load_article(service, record.id)
    assert out.data.headline == "नया शीर्षक" and out.correction_note == "शीर्षक ठीक किया"
