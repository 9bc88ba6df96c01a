"""The conflict dialog shows their stored version beside my unsaved text, and each button
gives its choice; in the window a real conflict opens it with both texts."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QTextCursor, QTextTable
from PySide6.QtWidgets import QApplication, QTextBrowser

from editor_app.core.article_data import ArticleData
from editor_app.core.articles import ArticleService
from editor_app.core.review.conflict import ConflictComparison, compare_with_stored
from editor_app.gui import i18n
from editor_app.gui.dialogs.conflict import ConflictChoice, ConflictDialog
from editor_app.gui.review.diff_view import ADDED, REMOVED
from tests.gui.typing import type_text

OPENED = ArticleData(headline="नगर निगम का बजट पेश",
                     body="पहला अनुच्छेद।\n\nमहापौर ने कहा कि सड़कें सुधरेंगी।\n")
THEIRS = "पहला अनुच्छेद।\n\nमहापौर ने कहा कि सड़कें और नाले सुधरेंगे।\n"
MINE = "पहला अनुच्छेद।\n\nमहापौर ने कहा कि सड़कें सुधरेंगी।\n\nविपक्ष ने बजट को अधूरा बताया।\n"


@pytest.fixture(autouse=True)
def shipped_labels(qapp):
    """The shipped label form, "हिंदी (English)", whatever an earlier test installed (the
    language before is put back after; opening a window installs the same)."""
    before = i18n.current_language()
    assert i18n.setup("hi-en")
    yield
    i18n.setup(before)


@pytest.fixture
def comparison(db) -> ConflictComparison:
    me, other = ArticleService(db, "सीमा"), ArticleService(db, "दूसरा संपादक")
    opened = me.create(OPENED)
    other.save(opened.id, replace(OPENED, body=THEIRS), opened.version)
    return compare_with_stored(me, opened.id, replace(OPENED, body=MINE))


def cell_texts(browser: QTextBrowser) -> list[list[str]]:
    """The rows of every table in the browser, as [left, right] cell texts."""
    rows: list[list[str]] = []
    for frame in browser.document().rootFrame().childFrames():
        if not isinstance(frame, QTextTable):
            continue
        for row in range(frame.rows()):
            texts = []
            for column in range(frame.columns()):
                cell = frame.cellAt(row, column)
                cursor = cell.firstCursorPosition()
                cursor.setPosition(cell.lastCursorPosition().position(),
                                   QTextCursor.MoveMode.KeepAnchor)
                texts.append(cursor.selectedText().replace("\u2029", "\n"))
            rows.append(texts)
    return rows


def click_box(qtbot, box) -> None:
    """Click a check box on its indicator (its row is wider than what it reacts to)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def shown_dialog(qtbot, comparison: ConflictComparison | None) -> ConflictDialog:
    dialog = ConflictDialog(None, "article 1 was changed elsewhere", comparison)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_theirs_and_mine_side_by_side_with_the_review_marks(qtbot, comparison):
    dialog = shown_dialog(qtbot, comparison)
    assert dialog.diff_view.mode == "side" and not dialog.inline_box.isChecked()
    rows = cell_texts(dialog.diff_view.browser)
    heading, *body_rows = rows
    assert heading[0].startswith("उनका: सहेजा हुआ संस्करण 2, दूसरा संपादक ने")
    assert "(Theirs: stored version 2, saved by दूसरा संपादक at" in heading[0]
    assert heading[1] == "मेरा: अभी सहेजा नहीं गया (Mine: not saved yet)"
    assert dialog.mine_button.text() == "मेरा रखें (Keep mine)"
    left = "".join(row[0] for row in body_rows)
    right = "".join(row[1] for row in body_rows)
    assert "और नाले सुधरेंगे" in left and "विपक्ष" not in left
    assert "विपक्ष ने बजट को अधूरा बताया" in right and "नाले" not in right
    html = dialog.diff_view.browser.toHtml()
    assert ADDED in html and REMOVED in html  # mine's additions, their text marked
    assert "article 1 was changed elsewhere" in dialog.detail_label.text()


def test_inline_on_request(qtbot, comparison):
    dialog = shown_dialog(qtbot, comparison)
    click_box(qtbot, dialog.inline_box)
    modes = [dialog.diff_view.mode]
    text = dialog.diff_view.browser.toPlainText()
    # one text with both sides' words marked in it
    assert all(word in text for word in ("नाले", "सुधरेंगे", "विपक्ष", "अधूरा"))
    assert cell_texts(dialog.diff_view.browser) == []  # no side-by-side table
    click_box(qtbot, dialog.inline_box)
    modes.append(dialog.diff_view.mode)
    assert modes == ["inline", "side"] and cell_texts(dialog.diff_view.browser)


@pytest.mark.parametrize("button, choice", [
    ("copy_button", ConflictChoice.SAVE_AS_COPY), ("mine_button", ConflictChoice.KEEP_MINE),
    ("theirs_button", ConflictChoice.LOAD_THEIRS), ("cancel_button", ConflictChoice.CANCEL)])
def test_each_button_gives_its_choice(qtbot, comparison, button, choice):
    dialog = shown_dialog(qtbot, comparison)
    with qtbot.waitSignal(dialog.finished):
        qtbot.mouseClick(getattr(dialog, button), Qt.MouseButton.LeftButton)
    assert dialog.choice is choice


def test_escape_is_cancel_and_copy_is_the_default(qtbot, comparison):
    dialog = shown_dialog(qtbot, comparison)
    assert dialog.copy_button.isDefault()
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.choice is ConflictChoice.CANCEL


def test_without_their_version_it_says_so_and_still_offers_every_choice(qtbot):
    dialog = shown_dialog(qtbot, None)
    assert "could not be read" in dialog.diff_view.browser.toPlainText()
    assert not dialog.inline_box.isEnabled()
    with qtbot.waitSignal(dialog.finished):
        qtbot.mouseClick(dialog.mine_button, Qt.MouseButton.LeftButton)
    assert dialog.choice is ConflictChoice.KEEP_MINE


def test_identical_texts_say_nothing_would_be_lost(qtbot, db):
    me, other = ArticleService(db, "सीमा"), ArticleService(db, "दूसरा संपादक")
    opened = me.create(OPENED)
    stored = other.save(opened.id, replace(OPENED, body=THEIRS), opened.version)
    dialog = shown_dialog(qtbot, compare_with_stored(me, opened.id, stored.data))
    assert "the same as theirs" in dialog.diff_view.browser.toPlainText()


def test_a_conflict_in_the_window_opens_the_comparison(qtbot, make_window, gui_db):
    """Another desk saves; my save conflicts; the dialog shows both texts; I keep mine."""
    window = make_window()
    article = window.record
    other = ArticleService(gui_db, "दूसरा संपादक")
    other.save(article.id, replace(article.data, body=THEIRS), article.version)
    window.editor.text_edit.selectAll()
    type_text(window.editor.text_edit, "मेरा अपना पाठ")
    seen: list[list[list[str]]] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ConflictDialog):
            QTimer.singleShot(20, answer)
            return
        seen.append(cell_texts(dialog.diff_view.browser))
        qtbot.mouseClick(dialog.mine_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)
    window.save_now()
    assert window.tasks.wait_idle()
    assert seen, "the conflict dialog did not open"
    left = "".join(row[0] for row in seen[0][1:])
    right = "".join(row[1] for row in seen[0][1:])
    assert "और नाले सुधरेंगे" in left and "मेरा अपना पाठ" not in left
    assert "मेरा अपना पाठ" in right and "नाले" not in right
    assert other.get(article.id).data.body == "मेरा अपना पाठ\n"  # kept mine
    assert any(r.body == THEIRS for r in other.revisions(article.id))  # theirs in history
    assert not window.dirty
