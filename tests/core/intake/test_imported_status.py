"""An imported story takes the status its source carried: a WXR archive's published post
arrives exported, a reporter's offline submission (a field bundle) arrives submitted;
everything else is a draft. Only the importer's own fresh draft can be given a status."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from editor_app.core.articles import ArticleService
from editor_app.core.db import Database, open_database
from editor_app.core.errors import PermissionDenied
from editor_app.core.intake.bundle import import_bundle, read_bundle_file
from editor_app.core.intake.store import store_result, store_results
from editor_app.core.intake.wxr import parse_wxr
from editor_app.core.models import AuditEvent
from editor_app.core.profiles import Role
from editor_app.core.users import UserService
from editor_app.core.workflow.service import WorkflowService
from editor_app.core.workflow.statuses import Status, imported_status
from tests.core.intake.bundles import export_bundle
from tests.core.workflow.conftest import COMPLETE, Team

ARCHIVE = Path(__file__).resolve().parents[2] / "data" / "intake" / "wxr" / "archive.xml"


@pytest.fixture
def team(db: Database) -> Team:
    """An admin (the first user), a reporter and a desk chief."""
    admin = UserService(db, None).create("अनिल प्रशासक", Role.ADMIN, login="admin")
    users = UserService(db, admin)
    return {Role.ADMIN: admin,
            Role.REPORTER: users.create("सीमा यादव", Role.REPORTER, login="seema"),
            Role.DESK_CHIEF: users.create("सुधा वर्मा", Role.DESK_CHIEF, login="sudha")}


def _events(db: Database, action: str) -> list[tuple[int | None, dict[str, object]]]:
    with db.session() as session:
        return [(e.article_id, json.loads(e.detail_json)) for e in session.scalars(
            select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id))]


@pytest.mark.parametrize("fmt,status,expected", [
    ("wxr", "publish", Status.EXPORTED), ("wxr", "future", Status.APPROVED),
    ("wxr", "pending", Status.SUBMITTED), ("wxr", " Draft ", Status.DRAFT),
    ("wxr", "private", Status.DRAFT), ("wxr", "trash", Status.SPIKED),
    ("wxr", "no-such", Status.DRAFT), ("bundle", "submitted", Status.SUBMITTED),
    ("bundle", "in_copy_edit", Status.IN_COPY_EDIT), ("bundle", "publish", Status.DRAFT),
    ("scraped", "exported", Status.DRAFT), ("md", "", Status.DRAFT),
])
def test_the_status_an_import_takes(fmt: str, status: str, expected: Status) -> None:
    assert imported_status(fmt, status) == expected


def test_wxr_posts_arrive_with_their_wordpress_status(db: Database, team: Team) -> None:
    service = ArticleService(db, team[Role.REPORTER])
    results = parse_wxr(ARCHIVE.read_bytes(), ARCHIVE.name)
    records = store_results(service, results)
    by_headline = {r.data.headline: r.status for r in records}
    assert by_headline["भोपाल में साइकिल ट्रैक का विस्तार, 20 किलोमीटर नए रास्ते बनेंगे"] == "exported"
    assert by_headline["पुस्तक मेले में हिंदी की किताबें सबसे ज्यादा बिकीं"] == "draft"
    assert [service.get(r.id).status for r in records] == [r.status for r in records]
    assert [d for _, d in _events(db, "article.imported_status")] == [{"status": "exported"}]
    # one at a time (the preview's path) gives the same
    one = store_result(service, replace(results[0], data=replace(results[0].data, slug="")))
    assert one is not None and one.status == "exported"


@pytest.fixture
def desk(database_factory, tmp_path):
    url = database_factory.new_url(tmp_path / "desk")
    database = open_database(url)
    yield database
    database.close()
    database_factory.drop(url)


def test_a_submitted_bundle_arrives_submitted_at_the_desk(db: Database, team: Team, desk,
                                                           tmp_path: Path) -> None:
    reporter = ArticleService(db, team[Role.REPORTER])
    record = reporter.create(COMPLETE)
    WorkflowService(db, team[Role.REPORTER]).transition(record.id, Status.SUBMITTED)
    path = export_bundle(reporter, record.id, tmp_path / "field.zip")
    admin = UserService(desk, None).create("अनिल प्रशासक", Role.ADMIN, login="admin")
    chief = UserService(desk, admin).create("सुधा वर्मा", Role.DESK_CHIEF, login="sudha")
    outcome = import_bundle(ArticleService(desk, chief), read_bundle_file(path))
    assert outcome.kind == "added" and outcome.record is not None
    assert outcome.record.status == "submitted"
    assert [d for _, d in _events(desk, "article.imported_status")] == [{"status": "submitted"}]


def test_only_the_importers_fresh_draft_takes_a_status(db: Database, team: Team) -> None:
    reporter = ArticleService(db, team[Role.REPORTER])
    mine = reporter.create(COMPLETE)
    other = ArticleService(db, team[Role.DESK_CHIEF])
    with pytest.raises(PermissionDenied):  # someone else's newest revision
        other.set_imported_statuses({mine.id: Status.EXPORTED})
    WorkflowService(db, team[Role.REPORTER]).transition(mine.id, Status.SUBMITTED)
    with pytest.raises(PermissionDenied):  # not a draft any more
        reporter.set_imported_statuses({mine.id: Status.EXPORTED})
    assert reporter.get(mine.id).status == "submitted"
    reporter.set_imported_statuses({mine.id: Status.DRAFT})  # a draft stays: nothing to do
    assert _events(db, "article.imported_status") == []
