"""The local journal meets optimistic locking (issue 8 item 5): a stale base after the
connection returns, or found at start-up, is the normal conflict choice; retries back off.

These run on the suite's database (SQLite, or PostgreSQL in the PostgreSQL run); the lost
connection is simulated by a save that raises :class:`ConnectionLost`, as the driver fault
translation does (the real server kill is tests/gui/test_lost_connection.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox

from editor_app.core.article_data import ArticleData
from editor_app.core.articles import ArticleService
from editor_app.core.errors import ConnectionLost
from editor_app.core.journal_replay import Backoff
from editor_app.core.profiles import create_profile
from editor_app.core.save_journal import JournalEntry, journal_for
from editor_app.gui import journal_startup
from editor_app.gui.dialogs.conflict import ConflictChoice
from editor_app.gui.save_controller import CONFLICT_COPY_MARK, offline_message
from tests.gui.conftest import WINDOW_USER
from tests.gui.typing import type_text

STORY = ArticleData(headline="नगर निगम का बजट", body="बजट में सड़कों पर ज़ोर।")


@pytest.fixture(autouse=True)
def dialogs(monkeypatch) -> Iterator[list[str]]:
    """Error dialogs the window would show (recorded, never blocking); none is expected."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical",
                        lambda _parent, title, text, *_a: shown.append(f"{title}: {text}"))
    yield shown
    assert not shown


@pytest.fixture
def cut_off(monkeypatch):
    """``cut_off(window)`` makes the window's saves fail as if the server were gone until
    ``cut_off.restore()``."""

    class CutOff:
        down = False
        attempts = 0

        def __call__(self, window):
            real = window.service.save

            def save(*args, **kwargs):
                if self.down:
                    self.attempts += 1
                    raise ConnectionLost("the database server cannot be reached (test)")
                return real(*args, **kwargs)

            monkeypatch.setattr(window.service, "save", save)
            self.down = True

        def restore(self):
            self.down = False

    return CutOff()


def type_at_end(window, text: str) -> None:
    edit = window.editor.text_edit
    edit.setFocus()
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    type_text(edit, text)


def test_retries_back_off_and_stop_growing_at_the_cap(qtbot, make_window, cut_off,
                                                      monkeypatch):
    window = make_window()
    window.saver.backoff = Backoff(0.05, 0.2)
    cut_off(window)
    type_at_end(window, " नया")
    window.save_now()
    qtbot.waitUntil(lambda: cut_off.attempts >= 5, timeout=10_000)
    intervals = []
    monkeypatch.setattr(window.saver.reconnect_timer, "start",
                        lambda msec=None: intervals.append(msec))
    window.saver.backoff = Backoff(1.0, 8.0)
    for _ in range(5):
        window.saver.save()
        assert window.tasks.wait_idle()
    assert intervals == [1000, 2000, 4000, 8000, 8000]
    assert window.save_label.text() == offline_message()


def test_stale_base_after_reconnect_is_the_normal_conflict(qtbot, make_window, gui_db,
                                                          cut_off, monkeypatch):
    window = make_window()
    window.saver.backoff = Backoff(0.05, 0.2)
    asked: list[str] = []

    def keep_mine(_window: object, detail: str, _comparison: object = None) -> ConflictChoice:
        asked.append(detail)
        return ConflictChoice.KEEP_MINE

    monkeypatch.setattr("editor_app.gui.main_window.ask_conflict", keep_mine)
    record = window.record
    journal = journal_for(window.config.data_dir, gui_db.label)
    cut_off(window)
    type_at_end(window, " — मेरा जोड़")
    qtbot.waitUntil(lambda: window.saver.offline, timeout=10_000)
    assert journal.get(record.uuid) is not None
    ArticleService(gui_db, "दूसरा डेस्क").save(  # someone else saved meanwhile
        record.id, replace(record.data, headline="उनका शीर्षक"), record.version)
    cut_off.restore()
    qtbot.waitUntil(lambda: not window.saver.offline and not window.saver.dirty,
                    timeout=10_000)
    assert len(asked) == 1
    stored = ArticleService(gui_db).get(record.id)
    assert stored.data.body.rstrip().endswith("— मेरा जोड़")
    assert journal.entries() == []


def _desk_with_journaled_edit(gui_config, gui_db, *, stale: bool):
    profile = create_profile(gui_db, *WINDOW_USER)
    service = ArticleService(gui_db, profile)
    record = service.create(STORY)
    if stale:
        service.acting_as("दूसरा डेस्क").save(record.id, replace(STORY, dek="उनका सार"),
                                              record.version)
    journal = journal_for(gui_config.data_dir, gui_db.label)
    journal.put(JournalEntry(record.id, record.uuid, record.version,
                             replace(STORY, body="बजट में सड़कों और नालों पर ज़ोर।")))
    return record, journal


def test_start_up_saves_a_journaled_edit(qtbot, make_window, gui_config, gui_db):
    record, journal = _desk_with_journaled_edit(gui_config, gui_db, stale=False)
    window = make_window()
    assert ArticleService(gui_db).get(record.id).data.body.strip() == \
        "बजट में सड़कों और नालों पर ज़ोर।"
    assert journal.entries() == []
    assert window.record.data.body.strip() == "बजट में सड़कों और नालों पर ज़ोर।"
    notice = window.statusBar().findChild(QLabel, journal_startup.NOTICE_NAME)
    assert notice is not None and "1 changes kept on this computer were saved" in notice.text()
    assert "इस कंप्यूटर पर रखे 1 बदलाव सहेजे गए" in notice.text()
    type_at_end(window, " आगे")
    window.save_now()
    assert window.tasks.wait_idle() and not window.dirty
    qtbot.waitUntil(lambda: window.statusBar().findChild(
        QLabel, journal_startup.NOTICE_NAME) is None)  # gone with the next save


@pytest.mark.parametrize("choice", list(ConflictChoice))
def test_start_up_offers_a_conflicting_entry(make_window, gui_config, gui_db, monkeypatch,
                                             choice: ConflictChoice) -> None:
    record, journal = _desk_with_journaled_edit(gui_config, gui_db, stale=True)
    asked: list[str] = []

    def answer(_window: object, detail: str) -> ConflictChoice:
        asked.append(detail)
        return choice

    monkeypatch.setattr(journal_startup, "ask_conflict", answer)
    make_window()
    assert len(asked) == 1 and STORY.headline in asked[0]
    service = ArticleService(gui_db)
    stored = service.get(record.id)
    headlines = [s.headline for s in service.list_articles()]
    if choice is ConflictChoice.KEEP_MINE:
        assert "नालों" in stored.data.body and journal.entries() == []
    elif choice is ConflictChoice.SAVE_AS_COPY:
        assert "नालों" not in stored.data.body and journal.entries() == []
        assert f"{STORY.headline} {CONFLICT_COPY_MARK}" in headlines
    elif choice is ConflictChoice.LOAD_THEIRS:
        assert "नालों" not in stored.data.body and journal.entries() == []
    else:  # cancel: nothing saved, nothing lost — offered again at the next start
        assert "नालों" not in stored.data.body and len(journal.entries()) == 1
    # theirs is never lost either: the newest version, or in the history under mine
    assert "उनका सार" in [r.dek for r in service.revisions(record.id)]
    if choice is not ConflictChoice.KEEP_MINE:
        assert stored.data.dek == "उनका सार"


def test_offline_autosaves_update_the_journal_without_probing_the_server(
        qtbot, make_window, gui_db, cut_off):
    window = make_window()
    window.saver.backoff = Backoff(30.0, 60.0)  # the next probe is far away
    journal = journal_for(window.config.data_dir, gui_db.label)
    cut_off(window)
    type_at_end(window, " पहला")
    window.save_now()
    qtbot.waitUntil(lambda: window.saver.offline, timeout=10_000)
    attempts = cut_off.attempts
    type_at_end(window, " और दूसरा")
    qtbot.waitUntil(lambda: (entry := journal.get(window.record.uuid)) is not None
                    and "और दूसरा" in entry.data.body, timeout=10_000)
    assert window.saver.kept_locally_all and window.saver.reconnect_timer.isActive()
    assert cut_off.attempts == attempts  # typing did not hammer the server
    assert window.save_label.text() == offline_message()
