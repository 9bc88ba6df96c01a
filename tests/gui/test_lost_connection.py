"""Nothing lost when the connection drops (issue 8 item 5): the window keeps typing into a
local journal while its PostgreSQL server is down and saves every character once it is back,
or on the next start when the window was closed meanwhile.

The server is a private cluster (tests/pg_cluster.py) that these tests kill with
``pg_ctl stop -m immediate``; they run in the default (SQLite) suite wherever the PostgreSQL
binaries are installed, and fail in CI when they are not.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from editor_app.config import Config, load_config
from editor_app.core.articles import ArticleService
from editor_app.core.db import Database, open_database
from editor_app.core.journal_replay import Backoff
from editor_app.core.save_journal import journal_for
from editor_app.gui.application import open_main_window
from editor_app.gui.journal_startup import NOTICE_NAME
from editor_app.gui.main_window import MainWindow
from editor_app.gui.save_controller import offline_message
from editor_app.gui.translations import install_qt_translations
from tests.gui.conftest import WINDOW_USER
from tests.gui.typing import type_text
from tests.pg_cluster import PgCluster, private_cluster

_names = itertools.count(1)


@pytest.fixture(scope="module")
def cluster() -> Iterator[PgCluster]:
    with private_cluster() as running:
        yield running


@pytest.fixture
def server(cluster: PgCluster) -> Iterator[PgCluster]:
    """The private cluster, running at the start and the end of every test."""
    if not cluster.running:
        cluster.start()
    yield cluster
    if not cluster.running:
        cluster.start()


@pytest.fixture
def dialogs(monkeypatch) -> Iterator[list[str]]:
    """Every error dialog the window would have shown (none may block the test)."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical",
                        lambda _parent, title, text, *_a: shown.append(f"{title}: {text}"))
    yield shown
    install_qt_translations(QApplication.instance(), "en")


class Desk:
    """One profile folder on one database of the private cluster; opens windows."""

    def __init__(self, qtbot, profile_dir: Path, url: str) -> None:
        self.qtbot, self.profile_dir, self.url = qtbot, profile_dir, url
        self.databases: list[Database] = []

    def config(self) -> Config:
        config = load_config(self.profile_dir, database=self.url, environ={})
        config.settings.update(autosave_seconds=0.3, autosave_max_seconds=1.0,
                               ui_language="hi-en")  # the status text is checked in Hindi
        config.ensure_dirs()
        return config

    def open(self) -> MainWindow:
        db = open_database(self.url)
        self.databases.append(db)
        window = open_main_window(self.config(), db, lambda: WINDOW_USER)
        assert window is not None
        self.qtbot.addWidget(window)
        window.show()
        self.qtbot.waitExposed(window)
        assert window.tasks.wait_idle()
        self.qtbot.waitUntil(lambda: window.record is not None)
        window.saver.backoff = Backoff(0.2, 0.8)  # the app's is 1 s … 60 s
        return window

    def stored_body(self, article_id: int) -> str:
        db = open_database(self.url)
        try:
            return ArticleService(db).get(article_id).data.body
        finally:
            db.close()

    def close(self) -> None:
        for db in self.databases:
            db.close()


@pytest.fixture
def desk(qtbot, server, profile_dir) -> Iterator[Desk]:
    opened = Desk(qtbot, profile_dir, server.create_database(f"journal_gui_{next(_names)}"))
    yield opened
    opened.close()


def to_end(window: MainWindow) -> None:
    edit = window.editor.text_edit
    edit.setFocus()
    cursor = edit.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    edit.setTextCursor(cursor)


def saved(window: MainWindow) -> bool:
    return not window.saver.dirty and not window.saver.saving


def expected_body(window: MainWindow) -> str:
    """What the editor shows, as the database stores it."""
    return window.service.canonical(window.current_data()).body


def test_server_killed_while_typing_keeps_every_character(qtbot, server, desk, dialogs):
    window = desk.open()
    journal = journal_for(window.config.data_dir, window.service.db.label)
    article_id = window.record.id
    to_end(window)
    type_text(window.editor.text_edit, "\nसर्वर चालू है")
    qtbot.waitUntil(lambda: saved(window), timeout=10_000)

    server.stop()  # pg_ctl stop -m immediate, mid-edit
    server.wait_until_refusing()
    for word in (" — अब", " सर्वर", " बंद", " है"):  # typing goes on, word by word
        type_text(window.editor.text_edit, word)
        qtbot.wait(150)
    qtbot.waitUntil(lambda: window.saver.offline, timeout=15_000)
    assert window.save_label.text() == offline_message()
    assert "सर्वर से संपर्क टूटा — बदलाव इस कंप्यूटर पर सुरक्षित" in offline_message()
    type_text(window.editor.text_edit, "\nफिर भी लिखते रहे: ऋषि, क्षत्रिय, ज़िला।")
    assert window.save_label.text() == offline_message()  # typing keeps saying so
    qtbot.waitUntil(lambda: (entry := journal.get(window.record.uuid)) is not None
                    and "ज़िला" in entry.data.body, timeout=10_000)
    kept = journal.get(window.record.uuid)
    assert kept is not None and kept.base_version == window.record.version
    assert desk.databases and "ज़िला" not in window.record.data.body  # not on the server

    server.start()
    qtbot.waitUntil(lambda: not window.saver.offline and saved(window), timeout=30_000)
    stored = desk.stored_body(article_id)
    assert stored == expected_body(window)
    typed = stored[stored.index("सर्वर चालू है"):]
    assert "सर्वर चालू है — अब सर्वर बंद है" in typed
    assert typed.rstrip().endswith("फिर भी लिखते रहे: ऋषि, क्षत्रिय, ज़िला।")
    assert journal.entries() == []  # removed only now that the save landed
    assert not dialogs
    assert window.save_label.text() != offline_message()


def test_closed_while_the_server_is_down_saved_on_the_next_start(qtbot, server, desk, dialogs):
    window = desk.open()
    article_id, uuid = window.record.id, window.record.uuid
    journal = journal_for(window.config.data_dir, window.service.db.label)
    to_end(window)
    type_text(window.editor.text_edit, "\nबंद होने से पहले")
    qtbot.waitUntil(lambda: saved(window), timeout=10_000)
    server.stop()
    server.wait_until_refusing()
    type_text(window.editor.text_edit, " — सर्वर गया")
    qtbot.waitUntil(lambda: window.saver.offline, timeout=15_000)
    type_text(window.editor.text_edit, " और खिड़की बंद")  # not journaled yet: close at once
    expected = expected_body(window)
    window.close()  # the window does not wait for a server that is not there
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
    kept = journal.get(uuid)
    assert kept is not None and "खिड़की बंद" in kept.data.body
    desk.close()

    server.start()
    again = desk.open()  # start-up replays the journal before the list loads
    assert desk.stored_body(article_id) == expected
    assert journal.entries() == []
    assert again.record.id == article_id and again.editor.markdown().rstrip().endswith(
        "और खिड़की बंद")
    notice = again.statusBar().findChild(QLabel, NOTICE_NAME)
    assert notice is not None and "were saved" in notice.text()
    assert not dialogs


def test_close_right_after_the_server_died_waits_for_the_journal_then_closes(
        qtbot, server, desk, dialogs):
    window = desk.open()
    article_id = window.record.id
    to_end(window)
    server.stop()
    server.wait_until_refusing()
    type_text(window.editor.text_edit, "\nआख़िरी पंक्ति")
    expected = expected_body(window)
    window.close()  # the save on close fails: the edits go to the journal, then it closes
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=15_000)
    assert window.saver.offline
    desk.close()
    server.start()
    desk.open()
    assert desk.stored_body(article_id) == expected
    assert not dialogs
