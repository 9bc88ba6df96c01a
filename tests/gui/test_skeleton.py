"""The start-up skeleton (gui/skeleton.py, gui/startup.py): painted before SQLAlchemy and
the window's modules, showing what the real window shows first, then replaced by it."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

import editor_app.gui.application as application
from editor_app.config import Config, load_config
from editor_app.core.db import open_database
from editor_app.core.first_page import read_article, read_first_page
from editor_app.core.sqlite_urls import sqlite_url_for
from editor_app.core.workflow.statuses import Status
from editor_app.gui import i18n, startup
from editor_app.gui.display_names import status_label
from editor_app.gui.fonts import choose_font
from editor_app.gui.list_layout import compact_time
from editor_app.gui.skeleton import STATUS_NAMES, SkeletonWindow, status_name
from editor_app.gui.startup import Handover, run_window, skeleton_page
from tests.conftest import REPO_ROOT
from tests.core.test_first_page import build_archive
from tests.gui.conftest import close_and_settle
from tests.gui.skeleton_child import REPORT

#: Nothing of the database stack or the window may be loaded at the skeleton's first paint.
NOT_BEFORE_THE_SKELETON = ("sqlalchemy", "alembic", "editor_app.core.db",
                           "editor_app.core.models", "editor_app.core.articles",
                           "editor_app.core.article_queries", "editor_app.gui.application",
                           "editor_app.gui.main_window", "editor_app.gui.article_table",
                           "editor_app.preferences")


@pytest.fixture
def desk(tmp_path: Path) -> tuple[Config, list[int]]:
    """A profile whose SQLite database has a local profile and six stories (one trashed)."""
    path = tmp_path / "desk.sqlite"
    ids = build_archive(path)
    config = load_config(tmp_path / "profile", database=sqlite_url_for(path), environ={})
    config.ensure_dirs()
    config.settings["ui_language"] = "hi-en"
    return config, ids


def _skeleton(config: Config) -> SkeletonWindow:
    found = skeleton_page(config, environ={})
    assert found is not None, "the desk should get a skeleton"
    path, page = found
    i18n.setup(config.get_str(i18n.SETTING))
    return SkeletonWindow(config, page, choose_font("", 13),
                          lambda article_id: read_article(path, article_id),
                          sort=startup._sort_setting(config))


def _db_path(config: Config) -> Path:
    return Path(config.database_url.removeprefix("sqlite:///"))


# ---------------------------------------------------------------- the first paint
def test_first_paint_needs_no_database_stack(desk):
    config, _ids = desk
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "tests.gui.skeleton_child", str(config.data_dir.parent),
         config.database_url], cwd=REPO_ROOT, capture_output=True, text=True, env=env,
        timeout=180, check=False)
    lines = [line for line in done.stdout.splitlines() if line.startswith(REPORT)]
    assert lines, f"the skeleton never painted: rc {done.returncode} {done.stderr[-3000:]}"
    report: dict[str, Any] = json.loads(lines[0][len(REPORT):])
    modules = set(report["modules"])
    loaded = [name for name in NOT_BEFORE_THE_SKELETON
              if name in modules or any(m.startswith(name + ".") for m in modules)]
    assert loaded == [], f"imported before the skeleton's first paint: {loaded}"
    assert "editor_app.gui.skeleton" in modules  # the check is not vacuous
    page = read_first_page(_db_path(config))
    assert report["rows"] == [row.headline for row in page.rows]
    assert page.article is not None and page.article.headline in report["title"]


# ---------------------------------------------------------------- what it shows
@pytest.mark.parametrize("sort", [None, ["headline", False], ["status", True]])
def test_skeleton_shows_what_the_real_window_shows_first(qtbot, desk, sort):
    config, _ids = desk
    if sort is not None:
        config.settings["list_sort"] = sort
    skeleton = _skeleton(config)
    qtbot.addWidget(skeleton.window)
    db = open_database(config.database_url)
    try:
        window = application.open_main_window(config, db)
        assert window is not None
        qtbot.addWidget(window, before_close_func=close_and_settle)
        window.show()
        assert window.tasks.wait_idle()
        qtbot.waitUntil(lambda: window.record is not None)
        real = window.article_list.model
        assert skeleton.model.rowCount() == real.rowCount() == 5
        for row in range(real.rowCount()):
            shown = [skeleton.model.index(row, column).data() for column in range(4)]
            assert shown[0] == real.index(row, 0).data()  # headline
            assert shown[1].replace("\u00a0", " ") == real.index(row, 1).data()  # status
            assert shown[2].replace("\u00a0", " ") == real.index(row, 2).data()  # byline
            assert shown[3] == compact_time(real.summary(row).updated_at)
        assert window.record is not None
        assert skeleton.chosen_id == window.record.id == real.summary(0).id
        assert skeleton.headline.text() == window.metadata.headline.text()
        assert skeleton.window.windowTitle() == window.windowTitle()
        menus = [[a.text() for a in w.menuBar().actions()] for w in (skeleton.window, window)]
        assert menus[0] == menus[1]  # the same menu bar: nothing jumps at the hand-over
        shown_body = window.editor.text_edit.toPlainText()
        assert skeleton.text.toPlainText().split("\n") == shown_body.split("\n")
        window.close()
    finally:
        db.close()


def test_status_names_match_the_window(qapp):
    assert set(STATUS_NAMES) == {status.value for status in Status}
    try:
        for language in ("hi", "en", "hi-en"):
            i18n.setup(language)
            for status in Status:
                assert status_name(status.value) == status_label(status), (language, status)
        assert status_name("from_a_newer_version") == "from_a_newer_version"
    finally:
        i18n.setup(i18n.DEFAULT_LANGUAGE)


def test_skeleton_is_read_only_and_in_hindi(qtbot, desk):
    config, _ids = desk
    config.settings["ui_language"] = "hi"
    skeleton = _skeleton(config)
    qtbot.addWidget(skeleton.window)
    assert skeleton.text.isReadOnly() and skeleton.headline.isReadOnly()
    assert not skeleton.search_box.isEnabled()
    assert skeleton.message.text() == "खुल रहा है…"
    assert skeleton.busy.maximum() == 0  # a busy bar, no known end
    qtbot.keyClicks(skeleton.text, "typed")
    assert "typed" not in skeleton.text.toPlainText()


def test_the_database_file_is_unchanged(qtbot, desk):
    config, ids = desk
    path = _db_path(config)
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    skeleton = _skeleton(config)
    qtbot.addWidget(skeleton.window)
    skeleton.show()
    qtbot.waitExposed(skeleton.window)
    skeleton.table.selectRow(3)  # reads that story's text too
    assert skeleton.chosen_id == ids[1]
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


# ---------------------------------------------------------------- when there is none
def _expect_none(config: Config, caplog: pytest.LogCaptureFixture, reason: str,
                 environ: dict[str, str] | None = None) -> None:
    with caplog.at_level(logging.DEBUG, logger="editor_app.gui.startup"):
        assert skeleton_page(config, environ={} if environ is None else environ) is None
    assert any(reason in record.getMessage() and record.levelno == logging.DEBUG
               for record in caplog.records), [r.getMessage() for r in caplog.records]


def test_no_skeleton_for_a_server_or_memory_database(desk, caplog):
    config, _ids = desk
    config.database_url = "postgresql+psycopg://desk@127.0.0.1:1/sampadak"
    _expect_none(config, caplog, "not a SQLite file")
    config.database_url = "sqlite://"
    _expect_none(config, caplog, "not a SQLite file")


def test_no_skeleton_for_a_missing_file_first_run_or_other_revision(desk, tmp_path, caplog):
    config, _ids = desk
    good = config.database_url
    config.database_url = sqlite_url_for(tmp_path / "gone.sqlite")
    _expect_none(config, caplog, "no database file")
    first_run = tmp_path / "first.sqlite"
    build_archive(first_run, profile=False)
    config.database_url = sqlite_url_for(first_run)
    _expect_none(config, caplog, "no local profile")
    config.database_url = good
    db = open_database(good)
    with db.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '0001_initial'")
    db.close()
    _expect_none(config, caplog, "schema revision")


def test_no_skeleton_for_a_damaged_file(desk, caplog):
    config, _ids = desk
    path = _db_path(config)
    for companion in ("-wal", "-shm"):
        path.with_name(path.name + companion).unlink(missing_ok=True)
    path.write_bytes(b"SQLite format 3\x00" + b"\x13" * 4096)
    _expect_none(config, caplog, "cannot read the first page")


def test_no_skeleton_for_a_backup_view_or_waiting_journal(desk, caplog):
    config, _ids = desk
    view = config.cache_dir / "backup-views" / "copy.sqlite"
    view.parent.mkdir(parents=True)
    build_archive(view)
    good, config.database_url = config.database_url, sqlite_url_for(view)
    _expect_none(config, caplog, "backup view")
    config.database_url = good
    journal = config.data_dir / "unsaved-journal"
    journal.mkdir(parents=True)
    (journal / "entry.json").write_text("{}", encoding="utf-8")
    _expect_none(config, caplog, "journal")


def test_no_skeleton_when_switched_off(desk, caplog):
    config, _ids = desk
    _expect_none(config, caplog, "switched off", {"SAMPADAK_SKELETON": "0"})
    _expect_none(config, caplog, "switched off", {"SAMPADAK_SMOKE_SCREENSHOT": "/tmp/x.png"})
    assert skeleton_page(config, environ={"SAMPADAK_SKELETON": "1"}) is not None


def test_without_a_skeleton_the_window_opens_as_before(desk, monkeypatch):
    config, _ids = desk
    config.database_url = "sqlite://"
    monkeypatch.setattr(application, "run_gui", lambda given: 7 if given is config else -1)
    assert run_window(config) == 7


# ---------------------------------------------------------------- the hand-over
def _gated_imports(monkeypatch: pytest.MonkeyPatch) -> tuple[list[Any], Any]:
    waiting: list[Any] = []
    real_start = startup._Imports.start
    monkeypatch.setattr(startup._Imports, "start", lambda self: waiting.append(self))
    return waiting, real_start


def _closed(skeleton: SkeletonWindow) -> bool:
    return not shiboken6.isValid(skeleton.window) or not skeleton.window.isVisible()


def test_handover_opens_the_clicked_row_in_the_real_window(qtbot, qapp, desk, monkeypatch):
    config, ids = desk
    waiting, real_start = _gated_imports(monkeypatch)
    skeleton = _skeleton(config)
    exits: list[int] = []
    handover = Handover(config, qapp, skeleton, quit_with=exits.append)
    handover.start()
    qtbot.waitUntil(lambda: bool(waiting))  # painted: the imports would start now
    table = skeleton.table
    third = table.visualRect(skeleton.model.index(2, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=third)
    picked = read_first_page(_db_path(config)).rows[2]
    assert skeleton.chosen_id == picked.id
    assert skeleton.headline.text() == picked.headline
    geometry = skeleton.window.geometry()
    real_start(waiting[0])
    qtbot.waitUntil(lambda: handover.window is not None and handover.window.isVisible(),
                    timeout=60_000)
    window = handover.window
    assert window is not None
    qtbot.addWidget(window, before_close_func=close_and_settle)
    try:
        assert _closed(skeleton)
        assert window.record is not None and window.record.id == picked.id != ids[-1]
        assert window.article_list.current_id() == picked.id
        # where the skeleton was (the real window's minimum width may exceed the offscreen
        # screen's 800 pixels, so the width is not compared)
        assert (window.geometry().topLeft(), window.height()) == (geometry.topLeft(),
                                                                  geometry.height())
        assert exits == [] and qapp.quitOnLastWindowClosed()
    finally:
        window.close()
        close_and_settle(window)
        assert handover.db is not None
        handover.db.close()


def test_handover_failure_closes_the_skeleton_before_the_dialogs(qtbot, qapp, desk,
                                                                 monkeypatch):
    config, _ids = desk
    seen: list[bool] = []

    def failing(given: Config, first_article: int | None = None) -> tuple[None, None]:
        dialog = QDialog()  # what show_error / the damaged-file dialog would show
        dialog.show()
        seen.append(not skeleton.window.isVisible())
        dialog.close()
        return None, None

    monkeypatch.setattr(application, "start_window", failing)
    skeleton = _skeleton(config)
    exits: list[int] = []
    handover = Handover(config, qapp, skeleton, quit_with=exits.append)
    handover.start()
    qtbot.waitUntil(lambda: bool(exits), timeout=60_000)
    assert seen == [True]  # the dialog came without the skeleton behind it
    assert exits == [1] and _closed(skeleton)
    assert handover.window is None
    qapp.setQuitOnLastWindowClosed(True)


def test_closing_the_skeleton_builds_no_window(qtbot, qapp, desk, monkeypatch):
    config, _ids = desk
    waiting, real_start = _gated_imports(monkeypatch)
    built: list[int | None] = []
    monkeypatch.setattr(application, "start_window",
                        lambda given, first_article=None: built.append(first_article))
    skeleton = _skeleton(config)
    handover = Handover(config, qapp, skeleton, quit_with=lambda code: None)
    handover.start()
    qtbot.waitUntil(lambda: bool(waiting))
    skeleton.window.close()
    done: list[object] = []
    handover._imports.done.connect(done.append)
    real_start(waiting[0])
    qtbot.waitUntil(lambda: bool(done))
    QApplication.processEvents()
    assert built == [] and handover.window is None


def test_a_picked_story_off_the_first_page_is_opened_too(qtbot, desk):
    """The skeleton's row may be gone from the real list's first page by the time it
    loads (trashed meanwhile, here): the window still opens the story that was picked."""
    config, ids = desk
    db = open_database(config.database_url)
    try:
        window = application.open_main_window(config, db, first_article=ids[2])  # trashed
        assert window is not None
        qtbot.addWidget(window, before_close_func=close_and_settle)
        window.show()
        qtbot.waitUntil(lambda: window.record is not None, timeout=30_000)
        assert window.record is not None and window.record.id == ids[2]
        assert window.article_list.model.row_of(ids[2]) < 0
        window.close()
    finally:
        db.close()


def test_a_build_that_raises_closes_the_skeleton(qtbot, qapp, desk, monkeypatch):
    config, _ids = desk
    broken = RuntimeError("the window could not be built")

    def raising(given: Config, first_article: int | None = None) -> None:
        raise broken

    monkeypatch.setattr(application, "start_window", raising)
    skeleton = _skeleton(config)
    exits: list[int] = []
    handover = Handover(config, qapp, skeleton, quit_with=exits.append)
    handover.start()
    qtbot.waitUntil(lambda: bool(exits), timeout=60_000)
    assert exits == [1] and _closed(skeleton)
    assert handover.failure is broken  # run_window raises it once the loop has ended
    assert qapp.quitOnLastWindowClosed()


def test_a_row_clicked_while_the_window_is_built_is_opened(qtbot, qapp, desk, monkeypatch):
    config, _ids = desk
    waiting: list[Handover] = []
    real_reveal = Handover.reveal
    monkeypatch.setattr(Handover, "reveal", lambda self: waiting.append(self))
    skeleton = _skeleton(config)
    handover = Handover(config, qapp, skeleton, quit_with=lambda code: None)
    handover.start()
    qtbot.waitUntil(lambda: bool(waiting), timeout=60_000)  # built, its article shown
    window = handover.window
    assert window is not None and window.record is not None
    qtbot.addWidget(window, before_close_func=close_and_settle)
    first = window.record.id
    table = skeleton.table
    fourth = table.visualRect(skeleton.model.index(3, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=fourth)
    picked = read_first_page(_db_path(config)).rows[3]
    assert skeleton.chosen_id == picked.id != first
    real_reveal(handover)
    qtbot.waitUntil(lambda: window.record is not None and window.record.id == picked.id,
                    timeout=30_000)
    assert _closed(skeleton) and window.isVisible()
    window.close()
    close_and_settle(window)
    assert handover.db is not None
    handover.db.close()
