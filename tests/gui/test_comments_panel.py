"""Comments tab: add on the editor's selection, follow edits through autosave, orphaned."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextEdit

from editor_app.core.review.comments import CommentService
from editor_app.gui.editor.selection_layers import layer
from editor_app.gui.main_window import MainWindow
from editor_app.gui.review.comments_panel import LAYER, add_label, orphaned_mark, title
from tests.gui.typing import type_text


def settle(window: MainWindow) -> None:
    assert window.tasks.wait_idle()


def select_text(widget: QTextEdit | QPlainTextEdit, phrase: str) -> None:
    """Select the first ``phrase`` in ``widget`` (Devanagari is in the BMP: code points
    are UTF-16 positions here)."""
    text = widget.toPlainText()
    start = text.index(phrase)
    cursor = widget.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(phrase), QTextCursor.MoveMode.KeepAnchor)
    widget.setTextCursor(cursor)


def place_cursor(widget: QTextEdit | QPlainTextEdit, position: int) -> None:
    cursor = widget.textCursor()
    cursor.setPosition(position)
    widget.setTextCursor(cursor)


def wait_saved_and_loaded(qtbot, window: MainWindow) -> None:
    """Wait for the autosave (no Save now: the timer must fire) and the reload after it."""
    qtbot.waitUntil(lambda: not window.dirty and not window.saver.saving, timeout=8000)
    settle(window)


def highlighted(widget: QTextEdit | QPlainTextEdit) -> list[str]:
    return [s.cursor.selectedText() for s in layer(widget, LAYER)]


def new_story(qtbot, make_window, gui_config) -> MainWindow:
    gui_config.settings["autosave_seconds"] = 0.5
    window = make_window()
    window.new_action.trigger()
    settle(window)
    window.editor.text_edit.setFocus()
    type_text(window.editor.text_edit, "सरकार ने मजबूत योजना बनाई है। काम कल से शुरू होगा।")
    wait_saved_and_loaded(qtbot, window)
    assert isinstance(window, MainWindow)
    return window


def test_comment_survives_edits_before_and_inside_and_is_orphaned_when_deleted(
        qtbot, make_window, gui_config):
    window = new_story(qtbot, make_window, gui_config)
    panel = window.comments
    body = window.editor.text_edit
    select_text(body, "मजबूत योजना")
    qtbot.keyClick(body, Qt.Key.Key_M,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    assert panel.pending is not None and panel.pending.quote == "मजबूत योजना"
    assert window.side_tabs.currentWidget().isAncestorOf(panel)  # the tab opened
    type_text(panel.input, "कैसी योजना? विवरण दें।")
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(panel.threads) == 1, timeout=5000)
    settle(window)
    assert panel.threads[0].comment.quote == "मजबूत योजना"
    assert "मजबूत योजना" in panel.list.label(0).text()
    assert "कैसी योजना? विवरण दें।" in panel.list.label(0).text()
    assert highlighted(body) == ["मजबूत योजना"]
    tab = next(i for i in range(window.side_tabs.count())
               if (window.side_tabs.widget(i) or panel).isAncestorOf(panel))
    assert window.side_tabs.tabText(tab) == f"{title()} 1"
    # the highlight is not in the document: the Markdown has no trace of it
    assert window.editor.markdown() == "सरकार ने मजबूत योजना बनाई है। काम कल से शुरू होगा।\n"

    # an edit before the phrase
    place_cursor(body, 0)
    type_text(body, "राज्य ")
    wait_saved_and_loaded(qtbot, window)
    thread = panel.threads[0]
    assert thread.comment.quote == "मजबूत योजना" and not thread.orphaned
    assert highlighted(body) == ["मजबूत योजना"]

    # an edit inside the phrase
    place_cursor(body, body.toPlainText().index("मजबूत") + len("मजबूत"))
    type_text(body, " और ठोस")
    wait_saved_and_loaded(qtbot, window)
    thread = panel.threads[0]
    assert thread.comment.quote == "मजबूत और ठोस योजना" and not thread.orphaned
    assert highlighted(body) == ["मजबूत और ठोस योजना"]

    # clicking the thread selects its range in the editor
    place_cursor(body, 0)
    rect = panel.list.visualItemRect(panel.list.item(0))
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert body.textCursor().selectedText() == "मजबूत और ठोस योजना"

    # deleting the phrase orphans the comment; it stays listed, marked
    select_text(body, "मजबूत और ठोस योजना ")
    body.setFocus()
    qtbot.keyClick(body, Qt.Key.Key_Delete)
    assert "मजबूत" not in body.toPlainText()
    wait_saved_and_loaded(qtbot, window)
    assert len(panel.threads) == 1
    thread = panel.threads[0]
    assert thread.orphaned and thread.comment.quote == "मजबूत और ठोस योजना"
    assert orphaned_mark() in panel.list.label(0).text()
    assert highlighted(body) == []


def test_reply_resolve_show_resolved_and_headline_comment(qtbot, make_window, gui_config):
    window = new_story(qtbot, make_window, gui_config)
    panel = window.comments
    headline = window.metadata.headline
    headline.setFocus()
    type_text(headline, "पटना में नई योजना")
    wait_saved_and_loaded(qtbot, window)
    select_text(headline, "नई योजना")
    assert panel.start_comment()  # the focused field's selection
    assert panel.pending is not None and panel.pending.field == "headline"
    type_text(panel.input, "कौन सी योजना?")
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(panel.threads) == 1, timeout=5000)
    settle(window)
    assert highlighted(headline) == ["नई योजना"]
    panel.list.setCurrentRow(0)
    type_text(panel.input, "शहरी बाढ़ योजना")
    qtbot.mouseClick(panel.reply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(panel.threads and panel.threads[0].replies), timeout=5000)
    settle(window)
    assert panel.threads[0].replies[0].text == "शहरी बाढ़ योजना"
    assert "शहरी बाढ़ योजना" in panel.list.label(0).text()
    panel.list.setCurrentRow(0)
    assert panel.resolve_button.text() == "हल करें (Resolve)"
    qtbot.mouseClick(panel.resolve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.threads[0].state == "resolved", timeout=5000)
    settle(window)
    assert panel.list.count() == 0  # resolved threads hidden by default
    assert highlighted(headline) == []
    panel.show_resolved.setChecked(True)
    assert panel.list.count() == 1 and "हल (resolved)" in panel.list.label(0).text()
    panel.list.setCurrentRow(0)
    assert panel.resolve_button.text() == "फिर खोलें (Reopen)"
    qtbot.mouseClick(panel.resolve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.threads[0].state == "open", timeout=5000)
    assert window.record is not None
    stored = CommentService(window.service.db, window.profile).list(window.record.id)
    assert [(t.state, t.comment.field, len(t.replies)) for t in stored] == [
        ("open", "headline", 1)]


def test_context_menu_offers_add_comment_on_a_selection(qtbot, make_window, gui_config,
                                                         monkeypatch):
    window = new_story(qtbot, make_window, gui_config)
    panel = window.comments
    body = window.editor.text_edit
    place_cursor(body, 2)
    menu = body.build_context_menu(QPoint(5, 5))
    entry = next(a for a in menu.actions() if a.text() == add_label())
    assert not entry.isEnabled()  # nothing selected
    select_text(body, "काम")
    menu = body.build_context_menu(QPoint(5, 5))
    entry = next(a for a in menu.actions() if a.text() == add_label())
    assert entry.isEnabled()
    entry.trigger()
    assert panel.pending is not None and panel.pending.quote == "काम"
    # Ctrl+Alt+M after the focus moved on (to the panel) still takes the body's selection
    panel.clear_pending()
    panel.input.setFocus()
    assert panel.start_comment()
    assert panel.pending is not None and panel.pending.field == "body"
    # the dek's menu (built by the spelling menu) has the entry too
    dek = window.metadata.dek
    dek.setFocus()
    type_text(dek, "नगर निगम की तैयारी")
    select_text(dek, "तैयारी")
    shown: list[QMenu] = []
    from editor_app.gui.editor.spell_menu import SpellContextMenu

    spell = dek.findChild(SpellContextMenu)
    assert spell is not None
    dek_menu = spell.build_menu(QPoint(5, 5))
    shown.append(dek_menu)
    entry = next(a for a in dek_menu.actions() if a.text() == add_label())
    entry.trigger()
    assert panel.pending is not None and panel.pending.field == "dek"
    assert panel.pending.quote == "तैयारी"


def test_a_user_who_may_not_edit_the_text_still_comments(qtbot, make_window, gui_config,
                                                          gui_db):
    from editor_app.core.models import Article
    from editor_app.core.profiles import Role, create_profile

    window = new_story(qtbot, make_window, gui_config)
    assert window.record is not None
    article_id = window.record.id
    with gui_db.session() as session:  # approved: only the desk edits the text now
        session.get(Article, article_id).status = "approved"
    desk = CommentService(gui_db, window.profile).add_on_text(article_id, "body", "काम",
                                                              "कौन सा काम?")
    reporter = create_profile(gui_db, "अमित शर्मा", Role.REPORTER)
    window.workflow.set_actor(reporter)  # Switch user
    window._load_article(article_id)
    settle(window)
    body = window.editor.text_edit
    assert window.record is not None
    assert window.record.status == "approved" and body.isReadOnly()
    panel = window.comments
    select_text(body, "मजबूत योजना")
    body.setFocus()
    qtbot.keyClick(body, Qt.Key.Key_M,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    assert panel.pending is not None
    type_text(panel.input, "स्वीकृत से पहले देखें")
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(panel.threads) == 2, timeout=5000)
    mine = panel.threads[1]
    assert mine.comment.quote == "मजबूत योजना"
    assert mine.comment.author_name == "अमित शर्मा"
    # the reporter neither wrote nor owns the desk's thread: resolving it is refused
    panel.list.setCurrentRow(panel.list.row_of(desk.id))
    qtbot.mouseClick(panel.resolve_button, Qt.MouseButton.LeftButton)
    settle(window)
    assert "may not resolve" in panel.status.text()
    assert panel.threads[0].state == "open"


def test_panel_keeps_no_copy_of_fields_nobody_commented_on(qtbot, make_window, gui_config):
    """Peak RSS (issue 7): after each save the panel reloads its threads; it used to read
    and keep the visible text of every field, the whole body included, with no comment."""
    window = new_story(qtbot, make_window, gui_config)
    panel = window.comments
    assert panel.threads == [] and panel._texts == {}
    headline = window.metadata.headline
    headline.setFocus()
    type_text(headline, "पटना में नई योजना")
    wait_saved_and_loaded(qtbot, window)
    assert panel._texts == {}
    select_text(headline, "नई योजना")
    assert panel.start_comment()
    type_text(panel.input, "कौन सी योजना?")
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(panel.threads) == 1, timeout=5000)
    settle(window)
    assert set(panel._texts) == {"headline"}  # the body is not read for a headline thread
    assert highlighted(headline) == ["नई योजना"]
    body = window.editor.text_edit
    place_cursor(body, 0)
    type_text(body, "राज्य ")  # a save: the reload still shows the headline thread
    wait_saved_and_loaded(qtbot, window)
    assert set(panel._texts) == {"headline"} and highlighted(headline) == ["नई योजना"]
