"""The workflow in the window: the status strip's moves, read-only text where the role may
not edit, the refusal dialog with every reason, the desk chief's override, Switch user."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QInputDialog
from sqlalchemy import select

from editor_app.core.article_data import ArticleData
from editor_app.core.articles import ArticleService
from editor_app.core.db import Database
from editor_app.core.dictionary import PersonalWordList
from editor_app.core.models import AuditEvent, Revision
from editor_app.core.profiles import ProfileInfo, Role, create_profile
from editor_app.core.workflow.statuses import Status
from editor_app.gui.main_window import MainWindow
from editor_app.gui.workflow import dialogs
from editor_app.gui.workflow.dialogs import RefusalDialog
from tests.conftest import skip_unless_spelling
from tests.gui.typing import type_text

LEFT = Qt.MouseButton.LeftButton


def settle(window: MainWindow) -> None:
    assert window.tasks.wait_idle()


def switch_to(window: MainWindow, user: ProfileInfo, monkeypatch: pytest.MonkeyPatch) -> None:
    """Switch user through the File menu's action, answering the picker with ``user``."""
    offered: list[list[str]] = []

    def pick(_parent, _title, _label, items, _current, _editable):
        offered.append(list(items))
        return next(i for i in items if i.startswith(user.name)), True

    monkeypatch.setattr(QInputDialog, "getItem", pick)
    window.workflow.switch_action.trigger()
    settle(window)
    assert offered, "the user picker was not shown"


def row_status(window: MainWindow, article_id: int) -> str:
    model = window.article_list.model
    return model.summary(model.row_of(article_id)).status


@pytest.fixture
def refusals(monkeypatch: pytest.MonkeyPatch) -> list[RefusalDialog]:
    """Refusal dialogs shown (built for real; closed at once instead of waiting)."""
    shown: list[RefusalDialog] = []

    def exec_(self: RefusalDialog) -> int:
        shown.append(self)
        return QDialog.DialogCode.Rejected.value

    monkeypatch.setattr(RefusalDialog, "exec", exec_)
    return shown


def test_a_reporter_submits_and_the_editor_goes_read_only(qtbot, make_window) -> None:
    window = make_window(role=Role.REPORTER)
    record = window.record
    assert record is not None and record.status == "draft"
    strip = window.workflow.strip
    assert Status.DRAFT.label in strip.status_text()
    assert set(strip.actions_by_target) == {"submitted"}  # a reporter may not spike
    assert strip.primary_target == "submitted" and strip.primary.text() == "जमा करें (Submit)"
    assert not window.editor.text_edit.isReadOnly()
    qtbot.mouseClick(strip.primary, LEFT)
    settle(window)
    assert window.record is not None and window.record.status == "submitted"
    assert window.record.version == record.version + 1
    assert window.new_action.isEnabled()
    assert Status.SUBMITTED.label in strip.status_text()
    assert row_status(window, record.id) == "submitted"
    assert window.editor.text_edit.isReadOnly() and not window.metadata.isEnabled()
    assert set(strip.actions_by_target) == {"draft"}  # withdraw: in the drop-down only
    assert strip.primary.isHidden()
    assert "read-only" in strip.detail_label.text()


def test_a_copy_editor_starts_copy_edit_after_switching_user(qtbot, make_window, gui_db,
                                                             monkeypatch) -> None:
    window = make_window(role=Role.REPORTER)
    editor = create_profile(gui_db, "इमरान क़ुरैशी", Role.COPY_EDITOR)
    assert window.record is not None
    article_id = window.record.id
    qtbot.mouseClick(window.workflow.strip.primary, LEFT)
    settle(window)
    switch_to(window, editor, monkeypatch)
    assert window.service.actor == editor and window.profile == editor
    assert not window.new_action.isEnabled()  # a copy editor does not write drafts
    assert editor.name in window.workflow.strip.user_label.text()
    strip = window.workflow.strip
    assert set(strip.actions_by_target) == {"in_copy_edit", "returned"}
    assert window.editor.text_edit.isReadOnly()  # submitted: not the copy editor's yet
    assert strip.primary_target == "in_copy_edit"
    qtbot.mouseClick(strip.primary, LEFT)
    settle(window)
    assert window.record is not None and window.record.status == "in_copy_edit"
    assert row_status(window, article_id) == "in_copy_edit"
    assert not window.editor.text_edit.isReadOnly()
    # the copy editor's edit is saved under their name (the saver got the new actor)
    window.editor.text_edit.setFocus()
    type_text(window.editor.text_edit, "संपादित ")
    window.save_now()
    settle(window)
    with gui_db.session() as session:
        last = session.scalars(select(Revision).where(Revision.article_id == article_id)
                               .order_by(Revision.id.desc())).first()
        assert last is not None and (last.author, last.author_id) == (editor.name, editor.id)
        assert last.status == "in_copy_edit"


def test_a_move_needing_a_note_asks_for_it(qtbot, make_window, gui_db, monkeypatch) -> None:
    window = make_window()  # a desk chief
    asked: list[str] = []
    def no_note(_parent: object, label: str) -> None:
        asked.append(label)

    monkeypatch.setattr(dialogs, "ask_note", no_note)
    window.workflow.strip.actions_by_target["spiked"].trigger()
    settle(window)
    assert asked and window.record is not None and window.record.status == "draft"
    monkeypatch.setattr(dialogs, "ask_note", lambda _p, _label: "दोहराव")
    window.workflow.strip.actions_by_target["spiked"].trigger()
    settle(window)
    assert window.record.status == "spiked"
    with gui_db.session() as session:
        event = session.scalar(select(AuditEvent).where(
            AuditEvent.action == "workflow.transition"))
        assert event is not None and json.loads(event.detail_json)["note"] == "दोहराव"


def _story_in_copy_edit(db: Database, reporter: ProfileInfo) -> int:
    """A story with a headline only, moved into copy edit."""
    from editor_app.core.workflow.service import WorkflowService

    article_id = ArticleService(db, reporter).create(
        ArticleData(headline="अधूरी खबर", body="पाठ।\n")).id
    WorkflowService(db, reporter).transition(article_id, Status.SUBMITTED)
    WorkflowService(db, "desk").transition(article_id, Status.IN_COPY_EDIT)
    return article_id


def test_approving_with_missing_metadata_shows_every_reason(qtbot, make_window, gui_db,
                                                            monkeypatch, refusals) -> None:
    window = make_window(role=Role.REPORTER)
    assert window.record is not None
    reporter = window.service.actor
    article_id = _story_in_copy_edit(gui_db, reporter)
    editor = create_profile(gui_db, "इमरान क़ुरैशी", Role.COPY_EDITOR)
    switch_to(window, editor, monkeypatch)
    window.reload_list(article_id)
    settle(window)
    window.open_article(article_id)
    settle(window)
    assert window.record is not None and window.record.id == article_id
    assert window.workflow.strip.primary_target == "approved"
    qtbot.mouseClick(window.workflow.strip.primary, LEFT)
    settle(window)
    (dialog,) = refusals
    reasons = [dialog.reasons.item(i).text() for i in range(dialog.reasons.count())]
    for english in ("no byline", "no dateline place", "no category", "no tags"):
        assert any(english in r for r in reasons), (english, reasons)
    assert dialog.override_button is None  # a copy editor cannot override
    assert window.record.status == "in_copy_edit"


def test_a_desk_chief_overrides_with_a_reason(qtbot, make_window, gui_db, monkeypatch,
                                              refusals) -> None:
    window = make_window()  # the desk chief
    chief = window.service.actor
    reporter = create_profile(gui_db, "सीमा यादव", Role.REPORTER)
    article_id = _story_in_copy_edit(gui_db, reporter)
    window.reload_list(article_id)
    settle(window)
    window.open_article(article_id)
    settle(window)
    monkeypatch.setattr(RefusalDialog, "exec",
                        lambda self: refusals.append(self) or RefusalDialog.OVERRIDE)
    monkeypatch.setattr(dialogs, "ask_override_reason", lambda _p: "ब्रेकिंग खबर")
    assert window.workflow.strip.primary_target == "approved"
    qtbot.mouseClick(window.workflow.strip.primary, LEFT)
    settle(window)
    (dialog,) = refusals
    assert dialog.override_button is not None
    assert window.record is not None and window.record.status == "approved"
    with gui_db.session() as session:
        event = session.scalars(select(AuditEvent).where(
            AuditEvent.action == "workflow.transition").order_by(AuditEvent.id.desc())).first()
        assert event is not None and event.user_id == chief.id
        assert json.loads(event.detail_json)["override"] == "ब्रेकिंग खबर"


def test_the_workflow_menu_lists_the_users_moves(make_window) -> None:
    window = make_window(role=Role.REPORTER)
    texts = [a.text() for a in window.workflow.menu.actions() if a.text()]
    assert texts == ["जमा करें (Submit)", "उपयोगकर्ता बदलें… (S&witch user…)"]
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.index("कार्यप्रवाह (&Workflow)") == len(titles) - 2  # before Help


def test_switch_user_gives_the_speller_the_new_users_personal_list(make_window, gui_db,
                                                                  monkeypatch) -> None:
    window = make_window(role=Role.REPORTER)
    if not window.speller.available:
        skip_unless_spelling(window.speller.unavailable_reason)
    editor = create_profile(gui_db, "इमरान क़ुरैशी", Role.COPY_EDITOR)
    PersonalWordList(gui_db, editor.id).add("मजूबत")
    assert not window.speller.is_correct("मजूबत")
    switch_to(window, editor, monkeypatch)
    assert window.speller.user_label == editor.name
    assert window.speller.is_correct("मजूबत")  # on the copy editor's own list
