"""The History side panel in the real window: timeline, akshara-level diff, restore."""

from __future__ import annotations

import json
from dataclasses import replace

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QMessageBox, QTreeWidget

from editor_app.core.article_data import ArticleData
from editor_app.core.articles import ArticleService
from editor_app.core.models import AuditEvent
from editor_app.core.profiles import Role
from editor_app.core.workflow.statuses import Status
from editor_app.gui.main_window import MainWindow
from editor_app.gui.review.diff_view import ADDED, ADDED_STRONG, REMOVED, REMOVED_STRONG

FIRST = ArticleData(headline="बाढ़ पर मजूबत योजना",
                    body="पटना में मजूबत योजना बनी।\n\nदूसरा अनुच्छेद।\n", tags=("बाढ़",))


def _three_revisions(db) -> int:
    service = ArticleService(db, "सीमा यादव")
    record = service.create(FIRST)
    second = replace(FIRST, headline="बाढ़ पर मजबूत योजना",
                     body=FIRST.body.replace("मजूबत", "मजबूत"))
    record = service.save(record.id, second, record.version, note="वर्तनी")
    third = replace(second, tags=("बाढ़", "पटना"), category="राज्य")
    service.save(record.id, third, record.version, note="टैग")
    return record.id


def _open_history(qtbot, window: MainWindow) -> None:
    index = window.side_tab_of(window.history)
    bar = window.side_tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert window.side_tabs.currentIndex() == index
    qtbot.waitUntil(lambda: _revision_rows(window.history.list) == 3)


def _revision_rows(tree: QTreeWidget) -> int:
    return sum(1 for i in range(tree.topLevelItemCount())
               if (item := tree.topLevelItem(i)) is not None
               and item.data(0, Qt.ItemDataRole.UserRole) is not None)


def _click_row(qtbot, tree: QTreeWidget, row: int, *, ctrl: bool = False) -> None:
    item = tree.topLevelItem(row)
    assert item is not None
    rect = tree.visualItemRect(item)
    modifier = (Qt.KeyboardModifier.ControlModifier if ctrl
                else Qt.KeyboardModifier.NoModifier)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, modifier,
                     QPoint(rect.left() + 20, rect.center().y()))


def _backgrounds(document: QTextDocument) -> dict[str, set[str]]:
    """Text of every character-format fragment -> the background colours it is shown on."""
    out: dict[str, set[str]] = {}
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            brush = fragment.charFormat().background()
            colour = brush.color().name() if brush.style() != Qt.BrushStyle.NoBrush else ""
            out.setdefault(fragment.text(), set()).add(colour)
            it += 1
        block = block.next()
    return out


def test_history_diff_highlights_the_changed_aksharas(qtbot, make_window, gui_db):
    _three_revisions(gui_db)
    window = make_window()
    _open_history(qtbot, window)
    panel = window.history
    _click_row(qtbot, panel.list, 0)
    _click_row(qtbot, panel.list, 1, ctrl=True)
    assert panel.selected_revisions() == [1, 2]
    document = panel.view.browser.document()
    qtbot.waitUntil(lambda: "शीर्षक (Headline)" in document.toPlainText())
    assert {"history", "history-diff"} <= set(window.tasks.submitted)  # read off the GUI thread
    colours = _backgrounds(document)
    # मजूबत -> मजबूत: म and त lightly marked, the changed aksharas जूब / जबू strongly
    assert colours["जूब"] == {REMOVED_STRONG}
    assert colours["जबू"] == {ADDED_STRONG}
    assert REMOVED in colours["म"] and ADDED in colours["म"]
    assert colours["त"] >= {REMOVED, ADDED}
    text = document.toPlainText()
    assert text.index("शीर्षक (Headline)") < text.index("मुख्य पाठ (Body)")
    assert "टैग (Tags)" not in text  # tags changed only in revision 3

    # side by side: a table, the same akshara marks
    qtbot.mouseClick(panel.side_by_side, Qt.MouseButton.LeftButton)
    assert panel.view.mode == "side"
    assert "<table" in panel.view.browser.toHtml()
    colours = _backgrounds(panel.view.browser.document())
    assert colours["जूब"] == {REMOVED_STRONG} and colours["जबू"] == {ADDED_STRONG}

    # one row: compared with its parent, so revision 3 shows the metadata changes
    qtbot.mouseClick(panel.side_by_side, Qt.MouseButton.LeftButton)
    _click_row(qtbot, panel.list, 2)
    qtbot.waitUntil(lambda: "टैग (Tags)" in document.toPlainText())
    assert "श्रेणी (Category)" in document.toPlainText()
    assert "शीर्षक (Headline)" not in document.toPlainText()


def test_restore_adds_a_revision_and_shows_it(qtbot, make_window, gui_db, monkeypatch):
    article_id = _three_revisions(gui_db)
    window = make_window()
    _open_history(qtbot, window)
    panel = window.history
    _click_row(qtbot, panel.list, 2)
    assert not panel.restore_button.isEnabled()  # the newest revision: nothing to restore
    _click_row(qtbot, panel.list, 0)
    assert panel.restore_button.isEnabled()
    asked: list[str] = []

    def yes(*args: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    qtbot.mouseClick(panel.restore_button, Qt.MouseButton.LeftButton)
    assert asked and "संस्करण 1" in asked[0]
    qtbot.waitUntil(lambda: _revision_rows(panel.list) == 4)
    service = ArticleService(gui_db)
    revisions = service.revisions(article_id)
    assert len(revisions) == 4 and revisions[-1].note == "restored revision 1"
    assert window.record is not None and window.record.version == 4
    assert window.metadata.headline.text() == FIRST.headline
    assert service.get(article_id).data.tags == ("बाढ़",)
    assert "restored revision 1" in panel.list.topLevelItem(3).text(4)


def test_pending_edits_are_saved_before_a_restore(qtbot, make_window, gui_db, monkeypatch):
    article_id = _three_revisions(gui_db)
    window = make_window()
    _open_history(qtbot, window)
    window.metadata.headline.setText("टाइप किया गया शीर्षक")
    assert window.dirty
    _click_row(qtbot, window.history.list, 0)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_a: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(window.history.restore_button, Qt.MouseButton.LeftButton)
    service = ArticleService(gui_db)
    qtbot.waitUntil(lambda: len(service.revisions(article_id)) == 5)
    window.tasks.wait_idle()
    revisions = service.revisions(article_id)
    assert revisions[3].headline == "टाइप किया गया शीर्षक"  # kept in the history
    assert revisions[4].headline == FIRST.headline
    assert not window.dirty


def test_status_changes_are_listed_but_not_selectable(qtbot, make_window, gui_db):
    article_id = _three_revisions(gui_db)
    with gui_db.session() as session:
        session.add(AuditEvent(user="रीना", action="workflow.transition",
                               article_id=article_id,
                               detail_json=json.dumps({"from": "draft", "to": "submitted",
                                                       "note": "जांच करें",
                                                       "override": "संपादक छुट्टी पर"},
                                                      ensure_ascii=False)))
    window = make_window()
    _open_history(qtbot, window)
    tree = window.history.list
    qtbot.waitUntil(lambda: tree.topLevelItemCount() == 4)
    event = tree.topLevelItem(3)
    assert event is not None
    assert "जांच करें" in event.text(4) and event.text(2) == "रीना"
    assert "(override): संपादक छुट्टी पर" in event.text(4)
    assert not event.flags() & Qt.ItemFlag.ItemIsSelectable
    _click_row(qtbot, tree, 3)
    assert window.history.selected_revisions() == []


def test_history_panel_keeps_the_side_panel_narrow(qtbot, make_window, gui_db):
    _three_revisions(gui_db)
    window = make_window()
    _open_history(qtbot, window)
    # the side panel can be ~320 px wide at 1280x720: the panel must not need more
    assert window.history.minimumSizeHint().width() <= 300
    item = window.history.list.topLevelItem(1)
    assert item is not None and "वर्तनी" in item.toolTip(0) and "सीमा यादव" in item.toolTip(0)


def test_a_status_move_shows_in_the_history_and_locks_restore(qtbot, make_window, gui_db):
    _three_revisions(gui_db)
    window = make_window(role=Role.REPORTER)
    _open_history(qtbot, window)
    panel = window.history
    _click_row(qtbot, panel.list, 0)
    assert panel.restore_button.isEnabled()  # a reporter may edit a draft
    qtbot.mouseClick(window.workflow.strip.primary, Qt.MouseButton.LeftButton)  # submit
    qtbot.waitUntil(lambda: panel.list.topLevelItemCount() == 4)
    event = panel.list.topLevelItem(3)
    assert event is not None and event.text(3) == Status.SUBMITTED.label
    assert Status.DRAFT.label in event.text(4)  # "draft -> submitted"
    _click_row(qtbot, panel.list, 0)
    assert panel.selected_revisions() == [1]
    assert not panel.restore_button.isEnabled()  # a reporter may not edit a submitted story
