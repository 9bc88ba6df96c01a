"""File → Sync with newsroom: URL remembered, background run with progress and Stop,
summary and conflicts listed."""

from __future__ import annotations

import threading
from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from editor_app.config import load_config
from editor_app.core.articles import ArticleService
from editor_app.core.intake.bundle import import_bundle
from editor_app.core.sync import engine as engine_module
from editor_app.core.workflow.service import WorkflowService
from editor_app.gui.dialogs.sync_dialog import SyncDialog, remembered_url
from editor_app.gui.tasks import TaskRunner
from tests.core.sync.helpers import Field, field_dbs

__all__ = ["field_dbs"]


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda _p, _t, text: messages.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: messages.append(text))
    return messages


def make_dialog(qtbot: Any, f: Field, gui_config: Any) -> tuple[SyncDialog, TaskRunner]:
    tasks = TaskRunner()
    dialog = SyncDialog(f.laptop, f.reporter, gui_config, tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog, tasks


def test_sync_runs_lists_the_conflict_and_remembers_the_url(
        qtbot: Any, field_dbs: Field, gui_config: Any, shown: list[str]) -> None:
    f = field_dbs
    story = f.write("मंडी में भाव", "प्याज सस्ता।")
    mine = ArticleService(f.laptop, f.reporter)
    uuid = mine.get(story).uuid
    dialog, tasks = make_dialog(qtbot, f, gui_config)
    assert dialog.url_edit.text() == ""
    qtbot.keyClicks(dialog.url_edit, f.newsroom_url)
    qtbot.mouseClick(dialog.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=20_000)
    assert dialog.report is not None and dialog.report.summary()["pushed"] == 1
    assert dialog.progress.value() == 1 and "मंडी में भाव" in dialog.log_view.toPlainText()
    assert dialog.conflicts.isHidden() and shown
    # the URL is remembered in the settings file (without a password)
    assert load_config(gui_config.data_dir.parent, environ={}).get_str("sync_url") == \
        remembered_url(f.newsroom_url)
    # both sides edit the returned story: the next sync lists the conflict
    desk = ArticleService(f.newsroom, f.desk)
    there = desk.get_by_uuid(uuid)
    WorkflowService(f.newsroom, f.desk).transition(there.id, "returned", note="भाव जांचें")
    qtbot.mouseClick(dialog.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.sync_button.isEnabled() and dialog.report is not None,
                    timeout=20_000)
    here, there = mine.get(story), desk.get(there.id)
    desk.save(there.id, replace(there.data, body="प्याज दस रुपये सस्ता।"), there.version)
    mine.save(story, replace(here.data, body="प्याज सस्ता, टमाटर महंगा।"), here.version)
    qtbot.mouseClick(dialog.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.sync_button.isEnabled() and dialog.report is not None
                    and len(dialog.report.conflicts) == 1, timeout=20_000)
    assert dialog.conflicts.isVisible() and dialog.conflicts.count() == 1
    assert dialog.conflicts.item(0).text().startswith("मंडी में भाव")
    assert "1" in dialog.summary.text()
    assert tasks.wait_idle()
    tasks.shutdown()


def test_stop_ends_the_sync_after_the_current_story(
        qtbot: Any, field_dbs: Field, gui_config: Any, shown: list[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    f = field_dbs
    for n in range(3):
        f.write(f"खबर {n}", f"पाठ {n}")
    entered, release = threading.Event(), threading.Event()
    real = import_bundle

    def slow(service: Any, bundle: Any, **kwargs: Any) -> Any:
        entered.set()
        release.wait(20)
        return real(service, bundle, **kwargs)

    monkeypatch.setattr(engine_module, "import_bundle", slow)
    dialog, tasks = make_dialog(qtbot, f, gui_config)
    dialog.url_edit.setText(f.newsroom_url)
    qtbot.mouseClick(dialog.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(entered.is_set, timeout=20_000)
    assert dialog.stop_button.isEnabled() and not dialog.sync_button.isEnabled()
    qtbot.mouseClick(dialog.stop_button, Qt.MouseButton.LeftButton)
    release.set()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=20_000)
    assert dialog.report is not None and dialog.report.stopped
    assert len(dialog.report.items) == 1
    assert dialog.sync_button.isEnabled() and not dialog.stop_button.isEnabled()
    assert tasks.wait_idle()
    tasks.shutdown()


def test_an_unknown_login_is_an_error_message(qtbot: Any, field_dbs: Field,
                                              gui_config: Any, shown: list[str]) -> None:
    f = field_dbs
    dialog, tasks = make_dialog(qtbot, f, gui_config)
    dialog._actor = replace(f.reporter, login="kisi")
    dialog.url_edit.setText(f.newsroom_url)
    qtbot.mouseClick(dialog.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.sync_button.isEnabled() and bool(shown), timeout=20_000)
    assert "kisi" in shown[-1] and dialog.report is None
    assert tasks.wait_idle()
    tasks.shutdown()


def test_file_menu_opens_the_dialog_with_the_remembered_url(make_window: Any,
                                                            gui_config: Any) -> None:
    gui_config.settings["sync_url"] = "postgresql://meera@newsroom.example/sampadak"
    window = make_window()
    menu_actions = window.menuBar().actions()[0].menu().actions()
    assert window.sync_action in menu_actions
    window.sync_action.trigger()
    dialog = window.findChild(SyncDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.url_edit.text() == "postgresql://meera@newsroom.example/sampadak"
    dialog.close()


def test_remembered_url_drops_the_password() -> None:
    assert remembered_url("postgresql://meera:secret@host/db") == "postgresql://meera@host/db"
    assert remembered_url("sqlite:////tmp/x.sqlite") == "sqlite:////tmp/x.sqlite"
