"""The window at newsroom scale: a paged list, one row changed per save, saves and searches
on the background runner, autosave while typing without pause, every conflict choice."""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt

from editor_app.core.article_data import ArticleData, BylineData
from editor_app.core.article_queries import ListQuery
from editor_app.core.articles import ArticleService
from editor_app.core.errors import StorageError
from editor_app.core.text.counts import count_text
from editor_app.gui.article_table import PAGE_SIZE
from editor_app.gui.dialogs.conflict import ConflictChoice
from editor_app.gui.save_controller import CONFLICT_COPY_MARK
from tests.gui.typing import type_text

BYLINE = (BylineData("सीमा यादव", "Seema Yadav", "संवाददाता", "The Printlines"),)


def settle(window) -> None:
    assert window.tasks.wait_idle()


def archive(db, n: int) -> list[int]:
    return ArticleService(db, "x").create_many(
        ArticleData(headline=f"नगर निगम की बैठक {i}", body=f"बैठक में {i} प्रस्ताव पास हुए।\n",
                    tags=("नगर निगम",), bylines=BYLINE) for i in range(n))


def test_list_is_paged_and_fetches_more_when_scrolled(qtbot, make_window, gui_db):
    archive(gui_db, PAGE_SIZE + 150)
    window = make_window()
    model = window.article_list.model
    stored = ArticleService(gui_db).count_articles(ListQuery())
    assert model.rowCount() == PAGE_SIZE and model.total() == stored == PAGE_SIZE + 150
    window.article_list.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() == stored)
    ids = [model.summary(r).id for r in range(model.rowCount())]
    assert len(set(ids)) == len(ids)  # no page twice


def test_list_loads_never_read_a_body(qtbot, make_window, gui_db):
    archive(gui_db, PAGE_SIZE + 20)
    window = make_window()
    seen: list[str] = []
    sa.event.listen(gui_db.engine, "before_cursor_execute",
                    lambda _c, _cur, statement, *_a: seen.append(statement))
    window.reload_list()
    settle(window)
    window.article_list.table.scrollToBottom()
    qtbot.waitUntil(lambda: window.article_list.model.rowCount() == PAGE_SIZE + 20)
    window.article_list.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # by headline
    settle(window)
    assert seen and not any("body" in s.lower() for s in seen)
    first = window.article_list.model.summary(0).headline
    assert first == min(r.headline for r in ArticleService(gui_db).list_articles())


def test_a_save_changes_only_its_row(qtbot, make_window, gui_db):
    archive(gui_db, 30)
    window = make_window()
    model = window.article_list.model
    resets: list[int] = []
    changed: list[tuple[int, int]] = []
    model.modelReset.connect(lambda: resets.append(1))
    model.dataChanged.connect(lambda a, b, *_r: changed.append((a.row(), b.row())))
    row = model.row_of(window.record.id)
    window.metadata.headline.end(False)
    type_text(window.metadata.headline, " — ताज़ा")
    window.save_now()
    settle(window)
    assert resets == [] and changed == [(row, row)]
    assert model.summary(row).headline.endswith("— ताज़ा")


def test_saves_and_searches_run_on_the_background_runner(qtbot, make_window, gui_db,
                                                         monkeypatch):
    archive(gui_db, 5)
    window = make_window()
    threads: dict[str, str] = {}
    real_save, real_search = window.service.save, window.service.search

    def save(*args, **kwargs):
        threads["save"] = threading.current_thread().name
        return real_save(*args, **kwargs)

    def search(*args, **kwargs):
        threads["search"] = threading.current_thread().name
        return real_search(*args, **kwargs)

    monkeypatch.setattr(window.service, "save", save)
    monkeypatch.setattr(window.service, "search", search)
    type_text(window.editor.text_edit, "नया वाक्य। ")
    window.save_now()
    type_text(window.article_list.search_box, "प्रस्ताव")
    qtbot.waitUntil(lambda: window.article_list.model.searching())
    settle(window)
    assert threads["save"].startswith("sampadak-write")
    assert threads["search"].startswith("sampadak-read")
    assert {"save", "search"} <= set(window.tasks.submitted)


def test_editor_stays_typable_while_a_save_is_in_flight(qtbot, make_window, gui_db,
                                                        monkeypatch):
    window = make_window()
    gate = threading.Event()
    real_save = window.service.save

    def slow_save(*args, **kwargs):
        gate.wait(5)
        return real_save(*args, **kwargs)

    monkeypatch.setattr(window.service, "save", slow_save)
    edit = window.editor.text_edit
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    type_text(edit, " पहला")
    window.save_now()
    assert window.saver.saving
    type_text(edit, " दूसरा")  # the GUI thread is not blocked by the save
    assert edit.toPlainText().endswith("पहला दूसरा")
    gate.set()
    qtbot.waitUntil(lambda: not window.saver.saving)
    window.save_now()
    settle(window)
    stored = ArticleService(gui_db).get(window.record.id).data.body
    assert stored.rstrip().endswith("पहला दूसरा") and not window.dirty


def test_continuous_typing_is_saved_every_max_interval(qtbot, gui_config, make_window, gui_db):
    gui_config.settings["autosave_seconds"] = 2.0
    gui_config.settings["autosave_max_seconds"] = 1.0
    window = make_window()
    article_id = window.record.id
    before = len(ArticleService(gui_db).revisions(article_id))
    edit = window.editor.text_edit
    for _ in range(12):  # a key every 150 ms for ~1.8 s: the idle timer never fires
        type_text(edit, "क")
        qtbot.wait(150)
    revisions = ArticleService(gui_db).revisions(article_id)
    assert len(revisions) > before, "nothing saved while typing continuously"


def test_counts_are_incremental_but_exact(qtbot, make_window):
    window = make_window()
    edit = window.editor.text_edit
    first = window.editor.counts()
    type_text(edit, "प्रधानमंत्री ने 12 योजनाएँ गिनाईं। ")
    counts = window.editor.counts()
    plain = edit.document().toPlainText()
    assert counts == count_text(plain) and counts.words == first.words + 5


def make_conflict(window, gui_db) -> ArticleService:
    other = ArticleService(gui_db, "दूसरा संपादक")
    article = window.record
    other.save(article.id, replace(article.data, body="उनका पाठ\n"), article.version)
    window.editor.text_edit.selectAll()
    type_text(window.editor.text_edit, "मेरा पाठ")
    return other


def choose(monkeypatch, choice: ConflictChoice, asked: list[str] | None = None) -> None:
    import editor_app.gui.main_window as main_window

    def ask(_parent, detail: str, _comparison=None) -> ConflictChoice:
        if asked is not None:
            asked.append(detail)
        return choice

    monkeypatch.setattr(main_window, "ask_conflict", ask)


def test_conflict_keep_mine_saves_over_theirs_even_if_they_save_again(
        qtbot, make_window, gui_db, monkeypatch):
    window = make_window()
    article_id = window.record.id
    other = make_conflict(window, gui_db)
    real_get = window.service.get
    raced: list[int] = []

    def get_and_race(article: int):  # the other desk saves again right after we look
        latest = real_get(article)
        if not raced:
            raced.append(1)
            other.save(article, replace(latest.data, body="उनका दूसरा पाठ\n"), latest.version)
        return latest

    monkeypatch.setattr(window.service, "get", get_and_race)
    choose(monkeypatch, ConflictChoice.KEEP_MINE)
    window.save_now()
    settle(window)
    assert other.get(article_id).data.body == "मेरा पाठ\n"
    assert window.record.id == article_id and not window.dirty
    notes = [r.note for r in other.revisions(article_id)]
    assert "kept after a conflict" in notes  # theirs stays in the history
    assert any(r.body == "उनका दूसरा पाठ\n" for r in other.revisions(article_id))


def test_conflict_load_theirs_drops_only_my_unsaved_edits(qtbot, make_window, gui_db,
                                                          monkeypatch):
    window = make_window()
    article_id = window.record.id
    other = make_conflict(window, gui_db)
    choose(monkeypatch, ConflictChoice.LOAD_THEIRS)
    window.save_now()
    settle(window)
    assert window.editor.markdown() == "उनका पाठ\n"
    assert other.get(article_id).data.body == "उनका पाठ\n" and not window.dirty
    assert window.record.version == other.get(article_id).version


def test_conflict_copy_is_marked_in_its_headline(qtbot, make_window, gui_db, monkeypatch):
    window = make_window()
    original = window.record
    other = make_conflict(window, gui_db)
    choose(monkeypatch, ConflictChoice.SAVE_AS_COPY)
    window.save_now()
    settle(window)
    copy = other.get(window.record.id)
    assert copy.id != original.id and copy.data.body == "मेरा पाठ\n"
    assert copy.data.headline == f"{original.data.headline} {CONFLICT_COPY_MARK}"
    assert other.get(original.id).data.body == "उनका पाठ\n"
    assert window.article_list.model.row_of(copy.id) >= 0


def test_conflict_cancel_keeps_my_text_unsaved_and_asks_again_next_time(
        qtbot, make_window, gui_db, monkeypatch):
    window = make_window()
    article_id = window.record.id
    other = make_conflict(window, gui_db)
    asked: list[str] = []
    choose(monkeypatch, ConflictChoice.CANCEL, asked)
    window.save_now()
    settle(window)
    assert len(asked) == 1 and window.dirty
    assert window.editor.markdown() == "मेरा पाठ\n"
    assert other.get(article_id).data.body == "उनका पाठ\n"
    assert not window.autosave_timer.isActive()  # no dialog loop from the timer
    window.new_action.trigger()  # switching needs the conflict resolved first
    settle(window)
    assert window.record.id == article_id and len(asked) == 2


@pytest.mark.parametrize("failure", [StorageError("database or disk is full"),
                                     RuntimeError("a bug in a flush hook")],
                         ids=["storage", "unexpected"])
def test_failed_save_keeps_text_says_so_and_retries(qtbot, make_window, gui_db, monkeypatch,
                                                    failure):
    import editor_app.gui.main_window as main_window

    window = make_window()
    shown: list[str] = []
    monkeypatch.setattr(main_window, "show_error", lambda _p, title, exc: shown.append(title))
    real_save = window.service.save
    failures = [failure]

    def failing_save(*args, **kwargs):
        if failures:
            raise failures.pop()
        return real_save(*args, **kwargs)

    monkeypatch.setattr(window.service, "save", failing_save)
    window.saver.retry_timer.setInterval(200)
    type_text(window.editor.text_edit, "बचा हुआ पाठ ")
    window.save_now()
    settle(window)
    assert shown and window.dirty and "बचा हुआ पाठ" in window.editor.text_edit.toPlainText()
    assert "not saved" in window.save_label.text()
    qtbot.waitUntil(lambda: not window.dirty, timeout=3000)  # the retry landed
    assert "बचा हुआ पाठ" in ArticleService(gui_db).get(window.record.id).data.body


def test_damaged_database_is_not_retried_and_keeps_the_text(qtbot, make_window, monkeypatch):
    import editor_app.gui.main_window as main_window
    from editor_app.core.errors import DatabaseDamaged

    window = make_window()
    shown: list[str] = []
    monkeypatch.setattr(main_window, "show_error", lambda _p, title, exc: shown.append(title))

    def damaged(*_args, **_kwargs):
        raise DatabaseDamaged("database disk image is malformed")

    monkeypatch.setattr(window.service, "save", damaged)
    type_text(window.editor.text_edit, "बचा हुआ पाठ ")
    window.save_now()
    settle(window)
    assert shown and window.dirty and not window.saver.retry_timer.isActive()
    assert "restart" in window.save_label.text()
    assert "बचा हुआ पाठ" in window.editor.text_edit.toPlainText()


def test_start_up_objects_leave_the_garbage_collector(make_window):
    import gc

    gc.unfreeze()
    window = make_window()  # waits for the spell word lists and the first list page
    assert window.tasks.idle
    assert gc.get_freeze_count() > 10_000
    gc.unfreeze()
