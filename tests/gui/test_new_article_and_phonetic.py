"""New article (today's dateline date, visible despite a search) and phonetic typing details
(converting the word in progress when switched off, danda at a sentence end)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from editor_app.core.article_data import ArticleData
from editor_app.core.articles import ArticleService
from editor_app.core.house_style import HouseStyle
from editor_app.gui.editor.phonetic import PhoneticTyping
from tests.gui.typing import type_text


def test_new_article_dateline_date_is_today_not_the_previous_articles(qtbot, make_window,
                                                                      gui_db):
    ArticleService(gui_db, "x").create(ArticleData(headline="पुरानी ख़बर", dateline_place="पटना",
                                                   dateline_date=date(2024, 3, 9)))
    window = make_window()
    window.reload_list()
    settle(window)
    old = next(window.article_list.model.summary(r).id
               for r in range(window.article_list.model.rowCount())
               if window.article_list.model.summary(r).headline == "पुरानी ख़बर")
    window.article_list.select(old)
    settle(window)
    assert window.metadata.dateline_date.date() == QDate(2024, 3, 9)
    window.new_action.trigger()
    settle(window)
    meta = window.metadata
    assert meta.dateline_date.date() == QDate.currentDate()
    qtbot.mouseClick(meta.dateline_has_date, Qt.MouseButton.LeftButton)  # the user dates it
    assert meta.apply_to(ArticleData()).dateline_date == date.today()


def test_new_article_shows_in_the_list_while_a_search_is_active(qtbot, make_window):
    window = make_window()
    listing = window.article_list
    type_text(listing.search_box, "नालों")
    qtbot.waitUntil(lambda: listing.model.rowCount() == 1 and listing.model.hit(0) is not None)
    window.new_action.trigger()
    settle(window)
    new_id = window.record.id
    assert listing.query() == ""  # the search was cleared to show the new article
    assert new_id in {listing.model.summary(r).id for r in range(listing.model.rowCount())}
    assert listing.current_id() == new_id
    qtbot.wait(400)  # a pending search timer must not hide it again
    settle(window)
    assert listing.current_id() == new_id
    assert listing.model.rowCount() == 2  # the whole (unfiltered) list is back


def test_new_article_clears_a_status_filter_that_hides_drafts(qtbot, make_window):
    window = make_window()
    listing = window.article_list
    listing.status_filter.setCurrentIndex(listing.status_filter.findData("exported"))
    settle(window)
    assert listing.model.rowCount() == 0
    window.new_action.trigger()
    settle(window)
    assert listing.status() is None
    assert listing.current_id() == window.record.id


def settle(window) -> None:
    assert window.tasks.wait_idle()


def _line(qtbot, typing: PhoneticTyping) -> QLineEdit:
    line = QLineEdit()
    qtbot.addWidget(line)
    typing.attach(line)
    line.show()
    line.setFocus()
    return line


def test_switching_phonetic_off_converts_the_word_in_progress(qtbot):
    typing = PhoneticTyping()
    typing.set_enabled(True)
    line = _line(qtbot, typing)
    type_text(line, "mausam achchha")
    assert line.text() == "मौसम achchha"
    typing.set_enabled(False)
    assert line.text() == "मौसम अच्छा"
    type_text(line, " ok")  # off now: Roman stays Roman
    assert line.text() == "मौसम अच्छा ok"


def test_switching_off_converts_in_the_body_editor_in_one_undo_step(qtbot, rich):
    typing = PhoneticTyping()
    typing.attach(rich.text_edit)
    typing.set_enabled(True)
    type_text(rich.text_edit, "dilli")
    typing.set_enabled(False)
    assert rich.text_edit.toPlainText() == "दिल्ली"
    rich.text_edit.undo()
    assert rich.text_edit.toPlainText() == "dilli"


def test_switching_off_in_the_window_converts_the_headline_word(qtbot, make_window):
    window = make_window()
    window.new_action.trigger()
    settle(window)
    window.phonetic_action.trigger()
    type_text(window.metadata.headline, "bharat")
    window.phonetic_action.trigger()  # Ctrl+Shift+H / toolbar: off
    assert window.metadata.headline.text() == "भारत"


def test_period_becomes_danda_at_a_sentence_end_when_the_style_wants_it(qtbot):
    typing = PhoneticTyping()
    typing.set_house_style(HouseStyle(sentence_end="danda"))
    typing.set_enabled(True)
    dek = QPlainTextEdit()
    qtbot.addWidget(dek)
    typing.attach(dek)
    type_text(dek, "barish hui. Dr. ne kaha")
    assert dek.toPlainText().startswith("बारिश हुई। ")
    line = _line(qtbot, typing)
    type_text(line, "keemat 3.5 hai.")
    assert line.text().endswith("3.5 है।")
    typing.set_house_style(replace(HouseStyle(), sentence_end="period"))
    line.clear()
    type_text(line, "hai.")
    assert line.text() == "है."


def test_danda_needs_phonetic_mode(qtbot):
    typing = PhoneticTyping()
    typing.set_house_style(HouseStyle(sentence_end="danda"))
    line = _line(qtbot, typing)
    type_text(line, "है.")
    assert line.text() == "है."
