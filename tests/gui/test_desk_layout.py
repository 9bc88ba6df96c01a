"""Layout on a 1280×720 laptop: editor priority, collapsible remembered panels, tabs that never
resize the window, byline columns, the article list without sideways scrolling, tag chips."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from editor_app.core.article_data import ArticleData, BylineData
from editor_app.core.articles import ArticleService
from editor_app.gui.layout_state import EDITOR_INDEX, LIST_INDEX, SIDE_INDEX
from editor_app.gui.list_layout import CHANGED_COLUMN
from editor_app.gui.tag_chips import CHIP_BACKGROUND
from editor_app.gui.tag_editor import TagEditor
from tests.gui.typing import type_text

LONG_BYLINE = (BylineData("रामप्रसाद बिस्मिल्ल श्रीवास्तव", "Ramprasad Bismill Srivastava",
                          "वरिष्ठ विशेष संवाददाता", "The Printlines Hindi Bureau, Lucknow"),)


def laid_out(qtbot, window, width=1280, height=720):
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width)
    QApplication.processEvents()
    return window


def test_editor_gets_the_most_room_at_1280x720(qtbot, make_window):
    window = laid_out(qtbot, make_window())
    sizes = window.panels.sizes()
    assert sizes[EDITOR_INDEX] == max(sizes)
    assert sizes[EDITOR_INDEX] >= 0.45 * sum(sizes)
    # growing the window widens only the editor
    window.resize(1480, 720)
    qtbot.waitUntil(lambda: window.panels.sizes()[EDITOR_INDEX] > sizes[EDITOR_INDEX])
    grown = window.panels.sizes()
    assert grown[LIST_INDEX] == sizes[LIST_INDEX] and grown[SIDE_INDEX] == sizes[SIDE_INDEX]


def test_window_fits_the_screen_when_there_is_no_saved_size(qtbot, make_window):
    window = make_window()
    available = window.screen().availableGeometry().size()
    assert window.width() <= max(available.width(), window.minimumSizeHint().width())
    assert window.height() <= available.height()


def test_panels_collapse_and_sizes_are_remembered(qtbot, make_window, gui_config):
    window = laid_out(qtbot, make_window())
    editor_before = window.panels.sizes()[EDITOR_INDEX]
    window.toggle_side_action.trigger()  # Shift+F9
    assert window.panels.is_collapsed(SIDE_INDEX)
    assert window.panels.sizes()[EDITOR_INDEX] > editor_before
    window.toggle_side_action.trigger()
    assert not window.panels.is_collapsed(SIDE_INDEX)
    window.panels.splitter.setSizes([300, 700, 260])
    window.panels.remember()
    window.toggle_list_action.trigger()  # F9: list collapsed when the window closes
    remembered = window.panels.sizes()
    window.close()
    assert "panel_sizes" in gui_config.settings_path.read_text("utf-8")
    again = laid_out(qtbot, make_window(), window.width(), window.height())
    assert again.panels.sizes() == remembered
    assert again.panels.is_collapsed(LIST_INDEX)
    again.toggle_list_action.trigger()
    assert again.panels.sizes()[LIST_INDEX] == 300  # its width from before collapsing


def test_opening_a_side_tab_never_resizes_the_window_or_the_editor(qtbot, make_window):
    window = laid_out(qtbot, make_window(), 1100, 700)
    window.panels.splitter.setSizes([260, 640, 200])  # a narrow side panel
    QApplication.processEvents()
    window.editor.text_edit.setPlainText("है.इस मजूबत औऱ पढें " * 40)  # many findings
    window.tools.run_checks()
    window.checks.runner.wait()
    qtbot.waitUntil(lambda: len(window.checks.findings()) > 5)
    size, sizes = window.size(), window.panels.sizes()
    for index in (1, 2, 0, 1):
        window.side_tabs.setCurrentIndex(index)
        QApplication.processEvents()
        assert window.size() == size
        assert window.panels.sizes() == sizes


def test_byline_columns_fit_their_content(qtbot, make_window):
    window = laid_out(qtbot, make_window(), 1600, 800)
    window.panels.splitter.setSizes([260, 500, 840])
    window.metadata.bylines.set_bylines(LONG_BYLINE)
    QApplication.processEvents()
    table = window.metadata.bylines.table
    metrics = table.fontMetrics()
    for column, text in enumerate((LONG_BYLINE[0].name, LONG_BYLINE[0].name_latin,
                                   LONG_BYLINE[0].designation, LONG_BYLINE[0].outlet)):
        assert table.columnWidth(column) >= metrics.horizontalAdvance(text), text


def test_article_list_shows_byline_and_time_without_sideways_scrolling(qtbot, make_window,
                                                                       gui_db):
    ArticleService(gui_db, "x").create(ArticleData(headline="लंबी बाइलाइन वाला लेख",
                                                   bylines=LONG_BYLINE))
    window = laid_out(qtbot, make_window())
    window.reload_list()
    assert window.tasks.wait_idle()
    table = window.article_list.table
    QApplication.processEvents()
    assert window.article_list.width() < 400
    total = sum(table.columnWidth(c) for c in range(4))
    assert total <= table.viewport().width()
    assert table.horizontalScrollBar().maximum() == 0
    assert table.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    model = window.article_list.model
    row = next(r for r in range(model.rowCount())
               if "बिस्मिल्ल" in str(model.index(r, 2).data()))
    byline_cell = model.index(row, 2)
    full_byline = str(byline_cell.data())
    delegate = table.itemDelegateForColumn(2)
    assert delegate.tooltip_for(byline_cell, table.columnWidth(2)) == full_byline
    # a real tooltip event over the cell shows the whole byline
    rect = table.visualRect(byline_cell)
    event = QHelpEvent(QHelpEvent.Type.ToolTip, rect.center(),
                       table.viewport().mapToGlobal(rect.center()))
    QApplication.sendEvent(table.viewport(), event)
    qtbot.waitUntil(lambda: QToolTip.isVisible())
    assert QToolTip.text() == full_byline
    QToolTip.hideText()
    # the changed time is compact in the cell, complete in its tooltip
    changed = model.index(row, CHANGED_COLUMN)
    full_time = str(changed.data())
    assert delegate.display_text(changed) != full_time
    assert full_time in delegate.tooltip_for(changed, table.columnWidth(CHANGED_COLUMN))


def test_tags_are_chips_so_a_two_word_tag_reads_as_one(qtbot):
    editor = TagEditor()
    qtbot.addWidget(editor)
    editor.resize(420, 120)
    editor.show()
    qtbot.waitExposed(editor)
    editor.set_tags(["नगर निगम", "मानसून"])
    QApplication.processEvents()
    view = editor.list
    first = view.visualItemRect(view.item(0))
    second = view.visualItemRect(view.item(1))
    image = view.viewport().grab().toImage()
    metrics = view.fontMetrics()
    # the space between the two words lies inside the first chip: chip colour there
    word_end = first.left() + 8 + metrics.horizontalAdvance("नगर ") - 2
    y = first.center().y()
    assert QColor(image.pixel(word_end, y)) == CHIP_BACKGROUND
    # between the chips the list's own background shows
    gap_x = (first.right() + second.left()) // 2
    assert first.right() < second.left()
    assert QColor(image.pixel(gap_x, y)) != CHIP_BACKGROUND
    # the chip's × removes it
    removed: list[int] = []
    editor.changed.connect(lambda: removed.append(1))
    close = editor.chips.close_rect(_option(view), first)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=close.center())
    assert editor.tags() == ("मानसून",) and removed == [1]


def _option(view):
    from PySide6.QtWidgets import QStyleOptionViewItem

    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.fontMetrics = view.fontMetrics()
    return option


def test_typed_tag_with_two_words_stays_one_chip(qtbot, make_window):
    window = make_window()
    window.new_action.trigger()
    assert window.tasks.wait_idle()
    tags = window.metadata.tags
    type_text(tags.input, "नगर निगम")
    qtbot.keyClick(tags.input, Qt.Key.Key_Return)
    assert tags.tags() == ("नगर निगम",)
    assert tags.list.visualItemRect(tags.list.item(0)).width() > \
        tags.list.fontMetrics().horizontalAdvance("नगर निगम")


def test_run_checks_shows_the_checks_tab_even_from_a_collapsed_panel(qtbot, make_window):
    window = laid_out(qtbot, make_window())
    window.toggle_side_action.trigger()
    assert window.panels.is_collapsed(SIDE_INDEX)
    window.check_action.trigger()  # F7
    assert not window.panels.is_collapsed(SIDE_INDEX)
    assert window.side_tabs.currentWidget().isAncestorOf(window.checks)
