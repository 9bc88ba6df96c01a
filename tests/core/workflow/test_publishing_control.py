"""Published stories under control: mark exported, reopen as an update, kill, embargo."""

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
from editor_app.core.publish.source import load_article
from editor_app.core.workflow.publishing import PublishingService
from editor_app.core.workflow.service import TransitionRefused, WorkflowService
from tests.core.workflow.desk_fixtures import add_story, add_user


@pytest.fixture
def people(db):
    return {"r": add_user(db, "आरती कुशवाहा", Role.REPORTER, "arti"),
            "c": add_user(db, "नेहा त्रिपाठी", Role.COPY_EDITOR, "neha"),
            "d": add_user(db, "कविता शर्मा", Role.DESK_CHIEF, "kavita")}


def _events(db, action):
    with db.session() as session:
        return [json.loads(e.detail_json) for e in session.scalars(
            sa.select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id))]


def _approved(db, headline="पुराना शीर्षक", body="पहला पाठ।\n"):
    story = add_story(db, headline, "approved")
    service = ArticleService(db, "t")
    record = service.get(story)
    service.save(story, ArticleData(headline=headline, body=body), record.version)
    return story


def test_mark_exported_records_the_published_revision(db, people):
    story = _approved(db)
    record = PublishingService(db, people["c"]).mark_exported(story)
    latest = ArticleService(db, "t").revisions(story)[-1].id
    assert record.status == "exported" and record.desk.published_revision_id == latest


def test_marking_exported_during_an_embargo_is_refused_then_overridden(db, people):
    story = _approved(db)
    PublishingService(db, people["c"]).set_embargo(story, datetime.now(UTC) + timedelta(days=1))
    with pytest.raises(PermissionDenied) as refused:
        PublishingService(db, people["c"]).mark_exported(story)
    assert isinstance(refused.value, TransitionRefused)
    assert any("embargoed until" in r for r in refused.value.reasons)
    assert ArticleService(db, "t").get(story).status == "approved"
    with pytest.raises(PermissionDenied):  # a copy editor cannot override it
        PublishingService(db, people["c"]).mark_exported(story, override="ज़रूरी है")
    record = PublishingService(db, people["d"]).mark_exported(story, override="मंत्रालय ने अनुमति दी")
    assert record.status == "exported"
    [moved] = [e for e in _events(db, "workflow.transition") if e["to"] == "exported"]
    assert moved["override"] == "मंत्रालय ने अनुमति दी"
    assert any("embargoed until" in p for p in moved["problems"])


def test_an_update_leaves_the_published_version_until_it_is_approved(db, people):
    story = _approved(db)
    desk = PublishingService(db, people["c"])
    published = desk.mark_exported(story).desk.published_revision_id
    record = desk.reopen_as_update(story, "शिविरों की संख्या 42 है, 24 नहीं")
    assert record.status == "in_copy_edit"
    assert record.desk.correction_note == "शिविरों की संख्या 42 है, 24 नहीं"
    assert record.desk.corrected_at is not None
    assert record.desk.published_revision_id == published
    [moved] = [e for e in _events(db, "workflow.transition") if e["action"] == "update"]
    assert moved["note"] == "शिविरों की संख्या 42 है, 24 नहीं"
    editor = ArticleService(db, people["c"])
    editor.save(story, ArticleData(headline="नया शीर्षक", body="सुधरा पाठ।\n"),
                record.version)
    out = load_article(ArticleService(db, "t"), story)  # exported meanwhile: the old text
    assert (out.data.headline, out.data.body, out.correction_note) == (
        "पुराना शीर्षक", "पहला पाठ।\n", "")
    approved = WorkflowService(db, people["d"]).transition(
        story, "approved", override="सुधार तुरंत जाना चाहिए")
    out = load_article(ArticleService(db, "t"), story)
    assert out.data.headline == "नया शीर्षक"
    assert out.correction_note.startswith("शिविरों")
    exported = desk.mark_exported(story, expected_version=approved.version)
    assert exported.desk.published_revision_id == ArticleService(db, "t").revisions(story)[-1].id
    assert exported.desk.published_revision_id != published


def test_only_an_exported_story_is_reopened_as_an_update(db, people):
    story = _approved(db)
    with pytest.raises(ValidationError, match="only an exported story"):
        PublishingService(db, people["c"]).reopen_as_update(story, "कुछ")


def test_the_workflow_menu_update_move_records_the_correction_too(db, people):
    story = _approved(db)
    PublishingService(db, people["c"]).mark_exported(story)
    record = WorkflowService(db, people["c"]).transition(story, "in_copy_edit",
                                                         note="नाम की वर्तनी ठीक की")
    assert record.desk.correction_note == "नाम की वर्तनी ठीक की"


def test_kill_is_its_own_audited_action(db, people):
    story = _approved(db)
    PublishingService(db, people["c"]).mark_exported(story)
    with pytest.raises(PermissionDenied):
        PublishingService(db, people["c"]).kill(story, "कानूनी नोटिस")
    record = PublishingService(db, people["d"]).kill(story, "कानूनी नोटिस")
    assert record.status == "spiked"
    draft = add_story(db, "मसौदा", "draft")
    PublishingService(db, people["d"]).kill(draft, "दोहराव")
    assert _events(db, "workflow.kill") == [
        {"reason": "कानूनी नोटिस", "from": "exported"},
        {"reason": "दोहराव", "from": "draft"}]
    with pytest.raises(PermissionDenied, match="note"):  # a kill needs its reason
        PublishingService(db, people["d"]).kill(add_story(db, "तीन", "exported"), " ")
