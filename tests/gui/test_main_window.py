"""Main window: first run, editing with autosave, bylines, tags, reopen, filters, conflicts."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from editor_app.core.article_data import ArticleRecord
from editor_app.core.articles import ArticleService
from editor_app.core.sample import SAMPLE_HEADLINE
from editor_app.gui.dialogs.conflict import ConflictChoice
from editor_app.gui.fonts import devanagari_families
from editor_app.gui.main_window import MainWindow
from editor_app.gui.theme import colours
from tests.gui.typing import type_text


def settle(window) -> None:
    """Let the window's background jobs (saves, loads, list pages) deliver."""
    assert window.tasks.wait_idle()


def close_and_wait(qtbot, window) -> None:
    window.close()  # saves in the background first, then closes
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)


def record_of(window: MainWindow) -> ArticleRecord:
    """The window's current article; fails the test when there is none."""
    assert window.record is not None
    return window.record


def type_cell(qtbot, window, row: int, column: int, text: str) -> None:
    table = window.metadata.bylines.table
    table.setCurrentCell(row, column)
    table.editItem(table.item(row, column))
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not table
    type_text(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def test_first_run_shows_sample_article(make_window, gui_db):
    window = make_window()
    assert window.record is not None
    assert window.record.data.headline == SAMPLE_HEADLINE
    assert window.windowTitle() == f"Sampadak — {SAMPLE_HEADLINE}"
    assert window.metadata.bylines.bylines()[0].name == "नेहा त्रिपाठी"
    assert "## पिछले साल क्या हुआ था" in window.editor.markdown()
    assert window.article_list.model.rowCount() == 1


def test_create_type_close_reopen_finds_everything(qtbot, make_window, gui_db):
    window = make_window()
    window.new_action.trigger()
    settle(window)
    new_id = window.record.id
    saves: list[int] = []
    window.saved.connect(saves.append)
    type_text(window.metadata.headline, "ज़िला अस्पताल में नई जाँच मशीन")
    type_text(window.editor.text_edit, "क्षेत्रीय अस्पताल को र्त्य और ज़्यादा सुविधा मिली।")
    panel = window.metadata
    qtbot.mouseClick(panel.bylines.add_button, Qt.MouseButton.LeftButton)
    type_cell(qtbot, window, 0, 0, "सीमा यादव")
    type_cell(qtbot, window, 0, 2, "संवाददाता")
    type_cell(qtbot, window, 0, 3, "The Printlines")
    qtbot.mouseClick(panel.bylines.add_button, Qt.MouseButton.LeftButton)
    type_cell(qtbot, window, 1, 0, "अजय कुमार")
    type_cell(qtbot, window, 1, 2, "फ़ोटो पत्रकार")
    # reorder: the photographer goes first
    qtbot.mouseClick(panel.bylines.up_button, Qt.MouseButton.LeftButton)
    for tag in ("स्वास्थ्य", "अस्पताल"):
        type_text(panel.tags.input, tag)
        qtbot.keyClick(panel.tags.input, Qt.Key.Key_Return)
    assert panel.tags.tags() == ("स्वास्थ्य", "अस्पताल")
    assert window.windowTitle() == "Sampadak — ज़िला अस्पताल में नई जाँच मशीन"
    assert panel.slug.text() == "zila-aspatal-men-nai-janch-mashin"
    close_and_wait(qtbot, window)
    assert saves == [new_id]

    reopened = make_window()
    reopened.article_list.select(new_id)
    settle(reopened)
    data = reopened.record.data
    assert reopened.record.id == new_id
    assert data.headline == "ज़िला अस्पताल में नई जाँच मशीन"
    assert reopened.editor.markdown() == "क्षेत्रीय अस्पताल को र्त्य और ज़्यादा सुविधा मिली।\n"
    assert [(b.name, b.designation, b.outlet) for b in data.bylines] == [
        ("अजय कुमार", "फ़ोटो पत्रकार", ""), ("सीमा यादव", "संवाददाता", "The Printlines")]
    assert set(data.tags) == {"स्वास्थ्य", "अस्पताल"}
    revisions = ArticleService(gui_db).revisions(new_id)
    assert len(revisions) == 1 + len(saves)  # creation + one per save


def test_autosave_two_seconds_after_typing_stops(qtbot, make_window, gui_db):
    window = make_window()
    article_id = window.record.id
    before = len(ArticleService(gui_db).revisions(article_id))
    type_text(window.editor.text_edit, "नया वाक्य। ")
    qtbot.wait(1000)
    assert window.dirty, "saved too early"
    qtbot.waitUntil(lambda: not window.dirty, timeout=3000)
    assert "सहेजा गया" in window.save_label.text()
    revisions = ArticleService(gui_db).revisions(article_id)
    assert len(revisions) == before + 1
    assert revisions[-1].body.startswith("नया वाक्य।")


def test_switching_articles_saves_first(qtbot, make_window, gui_db):
    window = make_window()
    first = window.record.id
    window.metadata.dek.moveCursor(QTextCursor.MoveOperation.End)
    type_text(window.metadata.dek, " अपडेट")
    window.new_action.trigger()
    settle(window)
    assert window.record.id != first
    assert ArticleService(gui_db).get(first).data.dek.endswith("अपडेट")


def test_filters_trash_restore_duplicate(qtbot, make_window, gui_db):
    service = ArticleService(gui_db, "x")
    window = make_window()
    from editor_app.core.article_data import ArticleData

    sports = service.create(ArticleData(headline="क्रिकेट में भारत की जीत", tags=("खेल",)))
    window.reload_list()
    window.open_first()  # also refreshes the tag filter
    settle(window)
    assert window.article_list.model.rowCount() == 2
    type_text(window.article_list.search_box, "क्रिकेट")
    qtbot.waitUntil(lambda: window.article_list.model.rowCount() == 1)
    window.article_list.search_box.clear()
    qtbot.waitUntil(lambda: window.article_list.model.rowCount() == 2)
    window.article_list.tag_filter.setCurrentIndex(window.article_list.tag_filter.findData("खेल"))
    settle(window)
    assert window.article_list.model.rowCount() == 1
    window.article_list.tag_filter.setCurrentIndex(0)
    settle(window)
    window.article_list.select(sports.id)
    settle(window)
    window.trash_action.trigger()
    settle(window)
    assert sports.id not in {r.id for r in service.list_articles()}
    assert window.article_list.model.row_of(sports.id) == -1
    window.article_list.show_trash.setChecked(True)
    settle(window)
    assert window.article_list.model.rowCount() == 1
    window.article_list.select(sports.id)
    settle(window)
    window.restore_action.trigger()
    settle(window)
    assert sports.id in {r.id for r in service.list_articles()}
    window.duplicate_action.trigger()
    settle(window)
    assert window.record.id != sports.id
    assert window.record.data.headline == "क्रिकेट में भारत की जीत"


def test_conflict_is_never_silently_overwritten(qtbot, make_window, gui_db, monkeypatch):
    import editor_app.gui.main_window as main_window

    window = make_window()
    article = window.record
    other = ArticleService(gui_db, "दूसरा संपादक")
    other.save(article.id, replace(article.data, body="उनका पाठ"), article.version)
    monkeypatch.setattr(main_window, "ask_conflict",
                        lambda *_a: ConflictChoice.SAVE_AS_COPY)
    window.editor.text_edit.selectAll()
    type_text(window.editor.text_edit, "मेरा पाठ")
    window.save_now()
    settle(window)
    assert other.get(article.id).data.body == "उनका पाठ\n"
    assert window.record.id != article.id
    assert other.get(window.record.id).data.body == "मेरा पाठ\n"


def test_font_is_devanagari_and_user_selectable(qtbot, make_window, monkeypatch, gui_config):
    window = make_window()
    assert window.editor.text_edit.font().family() in devanagari_families()
    chosen = window.font()
    chosen.setPointSize(17)
    import editor_app.gui.tool_commands as tool_commands

    monkeypatch.setattr(tool_commands, "pick_font", lambda *a, **k: chosen)
    window.font_action.trigger()
    assert window.editor.text_edit.font().pointSize() == 17
    assert "font_size = 17" in gui_config.settings_path.read_text("utf-8")


def test_search_box_finds_body_text_nukta_insensitively_with_highlight(qtbot, make_window,
                                                                       gui_db):
    from editor_app.core.article_data import ArticleData
    from editor_app.gui.highlight_delegate import HTML_ROLE

    service = ArticleService(gui_db, "x")
    target = service.create(ArticleData(headline="बजट पर बहस",
                                        body="वित्त मंत्री ने कहा कि सुधार ज़रूरी हैं।"))
    trashed = service.create(ArticleData(headline="पुराना", body="यह भी ज़रूरी था।"))
    service.trash(trashed.id)
    window = make_window()
    model = window.article_list.model
    assert model.rowCount() == 1 and model.hit(0) is None  # plain list, trash hidden
    type_text(window.article_list.search_box, "जरूरी")
    qtbot.waitUntil(lambda: model.rowCount() == 1 and model.hit(0) is not None)
    assert model.summary(0).id == target.id
    # the snippet is made only once the row is painted (asked in the background)
    snippet_html = "<b style='background-color:#ffe08a'>ज़रूरी</b>"
    model.data(model.index(0, 0), HTML_ROLE)
    qtbot.waitUntil(lambda: snippet_html in model.data(model.index(0, 0), HTML_ROLE))
    assert "snippets" in window.tasks.submitted
    # headline scope: a quick, nukta-insensitive filter on headlines only
    window.article_list.search_scope.setCurrentIndex(1)
    qtbot.waitUntil(lambda: model.rowCount() == 0)  # "जरूरी" is only in the body
    window.article_list.search_box.setText("बहस")
    qtbot.waitUntil(lambda: model.rowCount() == 1 and model.hit(0) is None)
    window.article_list.search_scope.setCurrentIndex(0)
    # a phrase that is not in order finds nothing
    window.article_list.search_box.setText('"ज़रूरी सुधार"')
    qtbot.waitUntil(lambda: window.article_list.model.rowCount() == 0)


def test_phonetic_toggle_in_window_types_devanagari_and_is_remembered(qtbot, make_window,
                                                                      gui_config):
    window = make_window()
    window.new_action.trigger()
    settle(window)
    assert not window.phonetic.is_enabled()
    window.phonetic_action.trigger()  # toolbar button / Ctrl+Shift+H
    assert window.phonetic.is_enabled() and "ध्वन्यात्मक" in window.mode_label.text()
    type_text(window.metadata.headline, "bharat mein samachar ")
    type_text(window.editor.text_edit, "dilli mein barish hui.")
    assert window.metadata.headline.text() == "भारत में समाचार "
    # the default house style wants danda: a sentence-end "." is typed as ।
    assert window.editor.text_edit.toPlainText() == "दिल्ली में बारिश हुई।"
    assert "phonetic_typing = true" in gui_config.settings_path.read_text("utf-8")
    window.phonetic_action.trigger()
    type_text(window.editor.text_edit, " ok ")
    assert window.editor.text_edit.toPlainText().endswith(" ok ")


def test_headline_counter_counts_aksharas_against_house_style_limit(qtbot, make_window):
    window = make_window()
    window.new_action.trigger()
    settle(window)
    limit = window.house_style.limit_for("headline")
    panel = window.metadata
    type_text(panel.headline, "प्रधानमंत्री")  # 12 code points, 5 aksharas
    assert panel.headline_count.text() == f"5/{limit} अक्षर"
    assert panel.headline_count.styleSheet() == ""
    panel.set_headline_limit(4)
    assert panel.headline_count.text() == "5/4 अक्षर"
    assert colours().error_text in panel.headline_count.styleSheet()  # the theme's red


def test_sample_article_follows_the_default_house_style(qtbot, make_window):
    window = make_window()
    qtbot.waitUntil(lambda: window.checks.runner.latest_job > 0)
    window.checks.runner.wait()
    qtbot.wait(50)
    assert window.checks.findings() == []
    assert window.side_tabs.tabText(1) == "जांच (Checks) 0"


def test_no_article_or_trashed_article_is_read_only(qtbot, make_window, gui_db):
    window = make_window()
    only = window.record.id
    assert not window.editor.text_edit.isReadOnly()
    window.trash_action.trigger()
    settle(window)
    assert window.record is None
    assert window.editor.text_edit.isReadOnly() and not window.metadata.isEnabled()
    type_text(window.editor.text_edit, "खो जाने वाला पाठ")
    assert window.editor.text_edit.toPlainText() == ""  # nothing typed into the void
    window.article_list.show_trash.setChecked(True)
    settle(window)
    window.article_list.select(only)
    settle(window)
    assert record_of(window).id == only and record_of(window).trashed
    assert window.editor.text_edit.isReadOnly()
    window.restore_action.trigger()
    settle(window)
    assert record_of(window).id == only and not record_of(window).trashed
    assert not window.editor.text_edit.isReadOnly() and window.metadata.isEnabled()
