"""File → Import: background reading with progress and cancel, preview, corrections,
bad files listed while the rest go on, storing, drag and drop onto the list."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel

from editor_app.core.article_data import BylineData
from editor_app.core.articles import ArticleService
from editor_app.gui.dialogs.import_dialog import ImportDialog, open_import
from tests.gui.typing import type_text

DATA = Path(__file__).resolve().parents[1] / "data" / "intake"
SITE_B = DATA / "scraped" / "site-b-regional-hi.txt"
SITE_D = DATA / "scraped" / "site-d-agency-hi.txt"


def _dialog(qtbot, window, paths) -> ImportDialog:
    dialog = open_import(window, paths)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog._pending == 0, timeout=10000)
    return dialog


def test_preview_correct_and_store_with_a_bad_file_listed(qtbot, make_window, gui_db,
                                                          tmp_path):
    window = make_window()
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"ok \xff\xfa")
    dialog = _dialog(qtbot, window, [bad, SITE_B])
    assert dialog.progress.value() == dialog.progress.maximum() == 2
    labels = [dialog.files.item(i).text() for i in range(dialog.files.count())]
    failed = next(label for label in labels if label.startswith("✗"))
    assert "bad.txt" in failed and "not valid UTF-8" in failed
    row = next(i for i, label in enumerate(labels) if "[scraped]" in label)
    dialog.files.setCurrentRow(row)
    assert dialog.headline.text().startswith("जयपुर में पुराने बाजारों")
    assert dialog.bylines.bylines() == (
        BylineData("सुनील शर्मा", "", "वरिष्ठ संवाददाता", "राजस्थान उदाहरण टाइम्स"),)
    assert dialog.place.text() == "जयपुर"
    recognised = dialog.recognised.toPlainText()
    assert "## काम पूरा होने की समय सीमा" in recognised
    assert "related): जयपुर मेट्रो के दूसरे चरण को मिली मंजूरी" in recognised
    assert "dropped): हमें फॉलो करें" in recognised
    dialog.headline.selectAll()
    type_text(dialog.headline, "बाजारों की मरम्मत शुरू")
    dialog.category.setFocus()
    type_text(dialog.category, "राजस्थान")
    dialog.when.setFocus()
    type_text(dialog.when, "2024-07-01")
    stored_ids = dialog.stored_ids
    with qtbot.waitSignal(dialog.finished, timeout=10000):  # every story stored: it closes
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    service = ArticleService(gui_db)
    stored = service.get(stored_ids[0]).data
    assert stored.headline == "बाजारों की मरम्मत शुरू" and stored.category == "राजस्थान"
    assert (stored.dateline_place, stored.dateline_date) == ("जयपुर", date(2024, 7, 1))
    assert "हमें फॉलो करें" not in stored.body
    assert window.tasks.wait_idle()
    assert stored_ids[0] in [r.id for r in service.list_articles()]


def test_unchecked_entries_are_not_stored_and_suggested_tags_need_a_click(
        qtbot, make_window, gui_db):
    window = make_window()
    before = len(ArticleService(gui_db).list_articles())
    dialog = _dialog(qtbot, window, [SITE_B, SITE_D])
    rows = {dialog.files.item(i).text(): i for i in range(dialog.files.count())}
    d_row = next(i for t, i in rows.items() if t.startswith("पटना"))
    b_row = next(i for t, i in rows.items() if t.startswith("जयपुर"))
    dialog.files.item(b_row).setCheckState(Qt.CheckState.Unchecked)
    dialog.files.setCurrentRow(d_row)
    assert dialog.tags.text() == ""
    qtbot.mouseClick(dialog.use_suggested, Qt.MouseButton.LeftButton)
    assert "गंगा" in dialog.tags.text()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.stored_ids), timeout=10000)
    assert window.tasks.wait_idle()
    rows_now = ArticleService(gui_db).list_articles()
    assert len(rows_now) == before + 1
    assert "गंगा" in ArticleService(gui_db).get(dialog.stored_ids[0]).data.tags


def test_cancel_stops_files_not_yet_read(qtbot, make_window):
    window = make_window()
    gate = threading.Event()
    for _ in range(3):  # keep every reader busy so the file reads wait in the queue
        window.tasks.run(gate.wait)
    dialog = open_import(window, [SITE_B, SITE_D])
    assert dialog is not None
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    gate.set()
    qtbot.waitUntil(lambda: dialog._pending == 0, timeout=10000)
    assert dialog.files.count() == 0 and not dialog.import_button.isEnabled()
    assert dialog.progress.value() == 2
    assert "cancelled" in dialog.status.text()


def test_file_menu_import_asks_for_files(qtbot, make_window, monkeypatch):
    window = make_window()
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *a, **k: ([str(SITE_D)], ""))
    window.import_action.trigger()
    dialogs = window.findChildren(ImportDialog)
    assert len(dialogs) == 1
    qtbot.waitUntil(lambda: dialogs[0].files.count() == 1, timeout=10000)


def _drag(viewport, mime: QMimeData) -> tuple[bool, bool]:
    """Drag ``mime`` onto ``viewport`` and drop it, as a user does: (entered, dropped)."""
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, enter)
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, drop)
    return enter.isAccepted(), drop.isAccepted()


def test_dropping_files_on_the_list_opens_the_import(qtbot, make_window):
    window = make_window()
    viewport = window.article_list.table.viewport()
    text = QMimeData()
    text.setText("not a file")
    assert _drag(viewport, text) == (False, False)
    assert window.findChildren(ImportDialog) == []
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(SITE_B))])
    assert _drag(viewport, mime) == (True, True)
    dialogs = window.findChildren(ImportDialog)
    assert len(dialogs) == 1
    qtbot.waitUntil(lambda: dialogs[0].files.count() == 1, timeout=10000)
    assert dialogs[0].files.item(0).text().startswith("जयपुर")


def test_bundle_conflict_shows_both_sides_and_applies_the_choice_per_field(
        qtbot, make_window, gui_db, tmp_path):
    from dataclasses import replace

    from editor_app.core.article_data import ArticleData
    from editor_app.core.db import open_database
    from editor_app.core.intake.bundle import import_bundle, read_bundle_file
    from tests.core.intake.bundles import export_bundle

    window = make_window()
    laptop_db = open_database(f"sqlite:///{tmp_path / 'laptop.sqlite'}")
    laptop = ArticleService(laptop_db, "laptop")
    rec = laptop.create(ArticleData(headline="गांव में नया पुल बना", dek="परिचय", body="पाठ।\n"))
    desk = ArticleService(gui_db, "desk")
    mine = import_bundle(desk, read_bundle_file(
        export_bundle(laptop, rec.id, tmp_path / "1.zip"))).record
    assert mine is not None
    desk.save(mine.id, replace(mine.data, headline="गांव में नया पुल बनकर तैयार"), mine.version)
    rec = laptop.get(rec.id)
    laptop.save(rec.id, replace(rec.data, headline="गांव में पुराना पुल टूटा", dek="नया परिचय"),
                rec.version)
    bundle = export_bundle(laptop, rec.id, tmp_path / "2.zip")
    laptop_db.close()
    dialog = _dialog(qtbot, window, [bundle])
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.merge_dialog is not None, timeout=10000)
    merge = dialog.merge_dialog
    assert merge is not None and set(merge.combos) == {"headline", "dek"}
    mine_label, theirs_label = merge.table.cellWidget(0, 1), merge.table.cellWidget(0, 2)
    assert isinstance(mine_label, QLabel) and isinstance(theirs_label, QLabel)
    mine_cell, theirs_cell = mine_label.text(), theirs_label.text()
    assert "बनकर" in mine_cell and "background" in mine_cell
    assert "पुराना" in theirs_cell and "background" in theirs_cell
    assert merge.combos["dek"].currentData() == "theirs"  # only the bundle changed it
    merge.combos["headline"].setCurrentIndex(2)  # both: mine stays, theirs as a copy
    qtbot.mouseClick(merge.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(dialog.stored_ids) == 2, timeout=10000)
    merged = desk.get(mine.id).data
    assert (merged.headline, merged.dek) == ("गांव में नया पुल बनकर तैयार", "नया परिचय")
    copy = desk.get(next(i for i in dialog.stored_ids if i != mine.id)).data
    assert copy.headline == "गांव में पुराना पुल टूटा"
    assert window.tasks.wait_idle()


def test_import_from_the_clipboard_html_page_or_text(qtbot, make_window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    window = make_window()
    clipboard = QApplication.clipboard()
    page = QMimeData()
    page.setHtml((DATA / "html" / "news-page-hi.html").read_text("utf-8"))
    clipboard.setMimeData(page)
    window.import_clipboard_action.trigger()
    [dialog] = window.findChildren(ImportDialog)
    qtbot.waitUntil(lambda: dialog.files.count() == 1, timeout=10000)
    dialog.files.setCurrentRow(0)
    assert "[html]" in dialog.files.item(0).text()
    assert dialog.headline.text() == "उदयपुर की झीलों में फिर लौटा पानी, पर्यटकों की संख्या बढ़ी"
    assert dialog.when.text() == "2024-08-14"
    dialog.close()
    clipboard.setText(SITE_D.read_text("utf-8"))
    window.import_clipboard_action.trigger()
    dialogs = [d for d in window.findChildren(ImportDialog) if d.isVisible()]
    assert len(dialogs) == 1
    qtbot.waitUntil(lambda: dialogs[0].files.count() == 1, timeout=10000)
    assert "[scraped]" in dialogs[0].files.item(0).text()
    dialogs[0].close()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    clipboard.clear()
    window.import_clipboard_action.trigger()
    assert shown and "clipboard" in shown[0]


def test_storing_shows_progress_and_stop_keeps_the_rest_for_later(qtbot, make_window, gui_db):
    window = make_window()
    before = len(ArticleService(gui_db).list_articles())
    dialog = _dialog(qtbot, window, [SITE_B, SITE_D])
    gate = threading.Event()
    window.tasks.run(gate.wait, write=True)  # the writer is busy: the stores wait in line
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert (dialog.progress.value(), dialog.progress.maximum()) == (0, 2)
    assert "stories stored" in dialog.progress.format()
    assert dialog.cancel_button.isEnabled() and "Stop storing" in dialog.cancel_button.text()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    gate.set()
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10000)
    assert window.tasks.wait_idle()
    assert dialog.stored_ids == [] and "rest stopped" in dialog.status.text()
    assert len(ArticleService(gui_db).list_articles()) == before
    # the stopped stories are still there, checked: storing again stores both
    with qtbot.waitSignal(dialog.finished, timeout=10000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert len(dialog.stored_ids) == 2 and dialog.progress.value() == 2
    assert len(ArticleService(gui_db).list_articles()) == before + 2
