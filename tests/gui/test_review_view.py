"""The Review side tab: suggestions drawn in author colours, decided by clicking."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextCursor
from sqlalchemy import select

from editor_app.core.article_data import ArticleData
from editor_app.core.articles import ArticleService
from editor_app.core.models import AuditEvent
from editor_app.core.profiles import Actor
from editor_app.gui.fonts import choose_font
from editor_app.gui.main_window import MainWindow
from editor_app.gui.review.review_text import PALETTE, author_colours
from tests.core.review_helpers import edit, make_desk, story_in_copy_edit
from tests.gui.typing import type_text

BODY = ("सरकार ने किसानों के लिए नई योजना की घोषणा की। इस योजना से छोटे किसानों को "
        "मजूबत सहारा मिलेगा।\n")


def _window(qtbot, gui_config, gui_db, actor: Actor) -> MainWindow:
    window = MainWindow(ArticleService(gui_db, actor), gui_config, choose_font(), actor)
    qtbot.addWidget(window)
    window.resize(1300, 800)
    window.show()
    qtbot.waitExposed(window)
    window.open_first()
    assert window.tasks.wait_idle()
    return window


def _open(window: MainWindow, article_id: int) -> None:
    window.open_article(article_id)
    assert window.tasks.wait_idle()
    assert window.record is not None and window.record.id == article_id
    assert window.tasks.wait_idle()  # the review view loads after the article


def _replace_word(window: MainWindow, old: str, new: str) -> None:
    text_edit = window.editor.text_edit
    text_edit.setFocus()
    text_edit.moveCursor(QTextCursor.MoveOperation.Start)
    assert text_edit.find(old)
    type_text(text_edit, new)


def _switch(window: MainWindow, actor: Actor) -> None:
    """Switch user as the File menu does once the user is picked."""
    window.save_now(then=lambda: window.workflow.set_actor(actor))
    assert window.tasks.wait_idle()
    assert window.service.actor == actor


def _move(window: MainWindow, target: str) -> None:
    window.workflow.request(target)
    assert window.tasks.wait_idle()
    assert window.record is not None and window.record.status == target


def test_reporter_accepts_one_and_rejects_one_of_a_copy_editors_two_edits(
        qtbot, gui_config, gui_db):
    desk = make_desk(gui_db)
    story = ArticleService(gui_db, desk.reporter).create(ArticleData(
        headline="किसानों के लिए नई योजना", body=BODY))
    window = _window(qtbot, gui_config, gui_db, desk.reporter)
    _open(window, story.id)
    panel = window.review.panel
    _move(window, "submitted")  # the reporter submits
    _switch(window, desk.editor)
    _move(window, "in_copy_edit")  # the copy editor starts copy edit
    assert "every change is recorded" in panel.status.text()
    _replace_word(window, "मजूबत", "मजबूत")  # and edits two words in the editor
    _replace_word(window, "नई योजना की", "नवीन योजना की")
    window.save_now()
    assert window.tasks.wait_idle()
    assert panel.list.count() == 2
    assert not panel.accept_button.isEnabled()  # a copy editor does not decide
    assert not panel.decided.isVisibleTo(panel)  # nothing decided yet: no empty list

    _switch(window, desk.reporter)
    window.side_tabs.setCurrentIndex(window.side_tabs.indexOf(panel))
    items = [panel.list.item(i).text() for i in range(panel.list.count())]
    assert len(items) == 2 and all("नेहा त्रिपाठी" in t for t in items)
    assert window.side_tabs.tabText(window.side_tabs.indexOf(panel)).endswith("2")
    nayi = next(i for i in range(2) if "नवीन" in panel.list.item(i).text())
    panel.list.item(1 - nayi).setSelected(True)  # मजूबत -> मजबूत
    assert panel.accept_button.isEnabled()
    qtbot.mouseClick(panel.accept_button, Qt.MouseButton.LeftButton)
    assert window.tasks.wait_idle()
    assert panel.list.count() == 1 and "नवीन" in panel.list.item(0).text()
    panel.list.item(0).setSelected(True)
    qtbot.mouseClick(panel.reject_button, Qt.MouseButton.LeftButton)
    assert window.tasks.wait_idle()

    expected = BODY.replace("मजूबत", "मजबूत")
    assert window.editor.markdown() == expected  # the editor shows the decided text
    assert ArticleService(gui_db).get(story.id).data.body == expected
    assert window.metadata.headline.text() == "किसानों के लिए नई योजना"
    assert panel.list.count() == 0 and panel.decided.count() == 2
    assert panel.decided.isVisibleTo(panel)
    decided = [panel.decided.item(i).text() for i in range(2)]
    assert any("स्वीकृत" in t and "रमेश कुमार" in t for t in decided)
    assert any("अस्वीकृत" in t and "रमेश कुमार" in t for t in decided)
    # the timeline (History tab) shows every step
    history = window.history
    page = history.parentWidget()
    tab = page.parentWidget() if page is not None else None
    assert tab is not None
    window.side_tabs.setCurrentIndex(window.side_tabs.indexOf(tab))
    qtbot.waitUntil(history.isVisible)
    assert window.tasks.wait_idle()
    tree_items = [history.list.topLevelItem(i)
                  for i in range(history.list.topLevelItemCount())]
    rows = [[item.text(c) for c in range(5)] for item in tree_items if item is not None]
    notes = [row[4] for row in rows]
    assert any("जमा" in n for n in notes)  # submitted
    assert any("संपादन में" in n for n in notes)  # into copy edit
    assert any(row[2] == "नेहा त्रिपाठी" and row[0].startswith("संस्करण") for row in rows)
    accepted = next(row for row in rows if row[4].startswith("accepted suggestion"))
    rejected = next(row for row in rows if row[4].startswith("rejected suggestion"))
    assert accepted[2] == rejected[2] == "रमेश कुमार"
    assert "मजबूत" in accepted[4] and "नवीन" in rejected[4]
    with gui_db.session() as session:
        events = session.scalars(select(AuditEvent).where(
            AuditEvent.action.like("review.%")).order_by(AuditEvent.id)).all()
        assert [(e.action, e.user) for e in events] == [
            ("review.accept", "रमेश कुमार"), ("review.reject", "रमेश कुमार")]
        assert json.loads(events[0].detail_json)["new"] == "मजबूत"


def test_review_text_marks_insertions_and_deletions_in_author_colours(
        qtbot, gui_config, gui_db):
    desk = make_desk(gui_db)
    story = story_in_copy_edit(gui_db, desk, BODY, headline="किसानों को राहत")
    edit(gui_db, desk.editor, story.id, body=BODY.replace("मजूबत", "मजबूत"))
    edit(gui_db, desk.editor2, story.id, headline="किसानों को बड़ी राहत")
    window = _window(qtbot, gui_config, gui_db, desk.chief)
    _open(window, story.id)
    text = window.review.panel.text
    window.side_tabs.setCurrentIndex(0)
    window.review.refresh()
    assert window.tasks.wait_idle()
    assert text.spans() == [] and window.review.panel.list.count() == 2  # hidden: no layout
    window.side_tabs.setCurrentIndex(window.side_tabs.indexOf(window.review.panel))
    qtbot.waitUntil(lambda: window.review.panel.text.isVisible())
    spans = text.spans()
    assert len(spans) == 2
    colours = {s.suggestion.author_name: s.colour.name() for s in spans}
    assert colours["नेहा त्रिपाठी"] != colours["अमित वर्मा"]
    doc = text.document()
    by_name = {s.suggestion.author_name: s for s in spans}
    changed = by_name["नेहा त्रिपाठी"]  # मजूबत -> मजबूत: struck old, underlined new
    cursor = text.textCursor()
    cursor.setPosition(changed.start + 1)
    assert cursor.charFormat().fontStrikeOut()
    assert cursor.charFormat().foreground().color().name() == colours["नेहा त्रिपाठी"]
    assert "नेहा त्रिपाठी" in cursor.charFormat().toolTip()
    cursor.setPosition(changed.middle + 1)
    assert cursor.charFormat().fontUnderline() and not cursor.charFormat().fontStrikeOut()
    plain = doc.toPlainText()
    assert plain[changed.start:changed.middle] == "मजूबत"
    assert plain[changed.middle:changed.end] == "मजबूत"
    # change bars: one per suggestion, in its author's colour, beside its line
    bars = text.bar_rects()
    assert sorted(c.name() for _r, c in bars) == sorted(colours.values())
    assert all(r.height() > 0 for r, _c in bars)
    # the tooltip under a suggestion names its author
    rect = text.cursorRect(cursor)
    assert "नेहा त्रिपाठी" in text.tooltip_at(rect.center())
    # the side panel can be ~320 px wide at 1280x720: the tab must not need more
    assert window.review.panel.minimumSizeHint().width() <= 300
    # the desk chief decides "all by one reviewer"
    panel = window.review.panel
    index = panel.reviewer.findText("अमित वर्मा")
    panel.reviewer.setCurrentIndex(index)
    qtbot.mouseClick(panel.accept_by_button, Qt.MouseButton.LeftButton)
    assert window.tasks.wait_idle()
    assert [s.suggestion.author_name for s in panel.text.spans()] == ["नेहा त्रिपाठी"]
    assert window.metadata.headline.text() == "किसानों को बड़ी राहत"


def test_colours_are_distinct_for_many_people():
    from datetime import UTC, datetime

    from editor_app.core.review.tracking_values import SuggestionInfo

    now = datetime.now(UTC)
    infos = [SuggestionInfo(i, 1, "body", "", "x", i, f"p{i}", now, now, "open", 0, 0)
             for i in range(1, 30)]
    colours = author_colours(infos)
    assert len({c.name() for c in colours.values()}) == 29
    assert [colours[i].name().upper() for i in range(1, len(PALETTE) + 1)] == list(PALETTE)


def test_review_text_positions_survive_characters_outside_the_bmp(qtbot):
    from datetime import UTC, datetime

    from editor_app.core.review.tracking_values import SuggestionInfo, TrackedView
    from editor_app.gui.review.review_text import ReviewText

    now = datetime.now(UTC)
    body = "खुशी 🙂 की बात: मजबूत सहारा\n"
    start = body.index("मजबूत")
    info = SuggestionInfo(1, 1, "body", "मजूबत", "मजबूत", 2, "नेहा", now, now, "open",
                          start, start + 5, start, start + len("मजबूत"))
    view = TrackedView(1, 3, "in_copy_edit", None, True,
                       {"headline": "", "dek": "", "body": body.replace("मजबूत", "मजूबत")},
                       {"headline": "", "dek": "", "body": body}, [info], [])
    text = ReviewText()
    qtbot.addWidget(text)
    text.show_view(view)
    text.show_view(view)  # shown again (every refresh): no format carried over
    [span] = text.spans()
    plain = text.textCursor()
    plain.setPosition(text.document().toPlainText().index("खुशी") + 2)
    assert plain.charFormat().fontWeight() != QFont.Weight.Bold
    assert not plain.charFormat().fontUnderline()
    cursor = text.textCursor()
    cursor.setPosition(span.start)
    cursor.setPosition(span.middle, QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == "मजूबत"
    cursor.setPosition(span.middle)
    cursor.setPosition(span.end, QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == "मजबूत"
    assert cursor.charFormat().fontUnderline()
