"""Embargo in the window: the dialog, the list and status-bar badges, export refused."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox

from editor_app.core.models import AuditEvent
from editor_app.core.profiles import Role
from editor_app.core.workflow.publishing import PublishingService
from editor_app.gui.article_table import embargo_mark
from editor_app.gui.dialogs.export_dialog import ExportChoice, ExportDialog
from editor_app.gui.review.desk import desk_menu
from editor_app.gui.review.publishing_actions import EmbargoDialog
from tests.core.workflow.desk_fixtures import add_story, add_user

AHEAD = (datetime.now(UTC) + timedelta(days=3)).replace(second=0, microsecond=0)


def settle(window) -> None:
    assert window.tasks.wait_idle()


@pytest.fixture
def story(make_window, gui_db):
    window = make_window(role=Role.COPY_EDITOR)
    story = add_story(gui_db, "बजट पेश, किसानों को राहत", "approved")
    window.reload_list()
    settle(window)
    window.article_list.select(story)
    settle(window)
    assert window.record.id == story
    return window, story


def test_set_embargo_through_the_dialog_shows_both_badges(qtbot, story, monkeypatch):
    window, article_id = story

    def answer(dialog: EmbargoDialog) -> int:
        dialog.enabled.setChecked(True)
        dialog.set_time(AHEAD)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(EmbargoDialog, "exec", answer)
    desk_menu(window).aboutToShow.emit()
    assert window.desk.publishing.embargo.isEnabled()  # a copy editor may
    window.desk.publishing.embargo.trigger()
    settle(window)
    model = window.article_list.model
    row = model.row_of(article_id)
    assert model.index(row, 1).data() == embargo_mark() + "स्वीकृत (Approved)"
    assert model.summary(row).embargo_until == AHEAD
    badge = window.desk.publishing.badge
    assert badge.isVisible() and badge.text().startswith("⏸ रोक ")
    assert AHEAD.astimezone().strftime("%Y") in badge.text()

    def lift(dialog: EmbargoDialog) -> int:
        dialog.enabled.setChecked(False)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(EmbargoDialog, "exec", lift)
    window.desk.publishing.embargo.trigger()
    settle(window)
    assert model.index(row, 1).data() == "स्वीकृत (Approved)"
    assert not badge.isVisible()


def _export_through_the_dialog(window, monkeypatch, target):
    monkeypatch.setattr(ExportDialog, "exec", lambda self: ExportDialog.DialogCode.Accepted)
    monkeypatch.setattr(ExportDialog, "choice",
                        lambda self: ExportChoice("html", "current", destination=str(target)))
    window.publishing.export_action.trigger()
    settle(window)
    settle(window)


def test_export_is_refused_during_the_embargo_with_the_reason(qtbot, story, gui_db,
                                                              monkeypatch, tmp_path):
    window, article_id = story
    PublishingService(gui_db, window.profile).set_embargo(article_id, AHEAD)
    window._load_article(article_id)  # reopen: the record carries the embargo
    settle(window)
    assert window.record.desk.embargo_until == AHEAD
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _parent, _title, text: shown.append(text))
    target = tmp_path / "out.html"
    _export_through_the_dialog(window, monkeypatch, target)
    assert shown and "embargoed until" in shown[0] and "रोक (embargo)" in shown[0]
    assert not target.exists()


def test_a_desk_chief_overrides_with_a_reason(qtbot, story, gui_db, monkeypatch, tmp_path):
    window, article_id = story
    PublishingService(gui_db, window.profile).set_embargo(article_id, AHEAD)
    window.workflow.set_actor(add_user(gui_db, "कविता शर्मा", Role.DESK_CHIEF, "kavita"))
    window._load_article(article_id)  # reopen: the record carries the embargo
    settle(window)
    assert window.record.desk.embargo_until == AHEAD
    asked: list[str] = []

    def get_text(_parent, _title, label):
        asked.append(label)
        return "सूचना मंत्रालय ने समय पहले किया", True

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    target = tmp_path / "out.html"
    _export_through_the_dialog(window, monkeypatch, target)
    assert asked and "embargoed until" in asked[0]
    assert target.exists()
    with gui_db.session() as session:
        event = session.scalars(sa.select(AuditEvent).where(
            AuditEvent.action == "workflow.embargo_override")).one()
        assert event.user == "कविता शर्मा"
        assert json.loads(event.detail_json)["reason"] == "सूचना मंत्रालय ने समय पहले किया"


def test_update_and_kill_from_the_workflow_menu(qtbot, make_window, gui_db, monkeypatch,
                                                tmp_path):
    window = make_window(role=Role.COPY_EDITOR)
    story = add_story(gui_db, "बजट पेश", "approved")
    window.reload_list()
    settle(window)
    window.article_list.select(story)
    settle(window)
    labels = [a.text() for a in window.workflow.menu.actions()]
    assert "प्रकाशन हेतु भेजा गया (Mark exported)" in labels
    window.workflow.request("exported")
    settle(window)
    published = window.record.desk.published_revision_id
    assert window.record.status == "exported" and published is not None
    labels = [a.text() for a in window.workflow.menu.actions()]
    assert "अपडेट के लिए खोलें (Reopen as an update)…" in labels
    monkeypatch.setattr("editor_app.gui.workflow.dialogs.ask_note",
                        lambda _w, _label: "आंकड़ा ठीक किया")
    window.workflow.request("in_copy_edit")
    settle(window)
    assert window.record.status == "in_copy_edit"
    assert window.record.desk.correction_note == "आंकड़ा ठीक किया"
    assert window.record.desk.published_revision_id == published
    window.workflow.set_actor(add_user(gui_db, "कविता शर्मा", Role.DESK_CHIEF, "kavita"))
    settle(window)
    monkeypatch.setattr("editor_app.gui.workflow.dialogs.ask_note",
                        lambda _w, _label: "कानूनी आपत्ति")
    window.workflow.request("spiked")
    settle(window)
    assert window.record.status == "spiked"
    with gui_db.session() as session:
        kills = [json.loads(e.detail_json) for e in session.scalars(
            sa.select(AuditEvent).where(AuditEvent.action == "workflow.kill"))]
    assert kills == [{"reason": "कानूनी आपत्ति", "from": "in_copy_edit"}]
