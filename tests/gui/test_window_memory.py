"""Remembered window layout (issue 13 item 5.4): change it, close, reopen, find it back."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from editor_app.config import load_config
from editor_app.core.article_data import ArticleData
from editor_app.core.articles import ArticleService
from editor_app.core.db import open_database
from editor_app.gui.application import open_main_window
from editor_app.gui.layout_state import LIST_INDEX, SIDE_INDEX, restore_window
from tests.gui.conftest import WINDOW_USER


def _reopen(qtbot, profile_dir, db_url):
    """A new window on the settings file as the last one left it on disk, on the test's
    database (the backend under test)."""
    config = load_config(profile_dir, database=db_url, environ={})
    db = open_database(config.database_url)
    window = open_main_window(config, db, lambda: WINDOW_USER)
    assert window is not None
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.tasks.wait_idle()
    return window, db


def test_layout_survives_close_and_reopen(qtbot, make_window, gui_db, profile_dir, db_url):
    service = ArticleService(gui_db)
    for headline in ("गंगा", "अमरूद", "कमल"):
        service.create(ArticleData(headline=headline, body="पाठ।\n"))
    window = make_window()
    # the offscreen screen is 800×800: a geometry that fits it (a larger one is shrunk)
    window.resize(1180, 700)
    window.move(QPoint(40, 30))
    qtbot.waitUntil(lambda: window.width() == 1180)
    QApplication.processEvents()
    window.panels.set_panel_open(LIST_INDEX, True)
    window.side_tabs.setCurrentWidget(window.side_tabs.widget(3))  # History
    header = window.article_list.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(0) + 5, header.height() // 2))
    qtbot.waitUntil(lambda: window.article_list.sort_order()[0] == "headline")
    assert window.tasks.wait_idle()
    sort = window.article_list.sort_order()
    window.panels.set_panel_open(SIDE_INDEX, False)  # the side panel closed
    sizes = window.panels.sizes()
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible())

    again, db = _reopen(qtbot, profile_dir, db_url)
    try:
        # geometry: where it was, as far as the screen allows (the offscreen screen is
        # 800×800, narrower than the window's minimum width: Qt keeps it on screen)
        qtbot.waitUntil(lambda: again.height() == 700)
        assert again.y() == 30
        screen = again.screen().availableGeometry()
        assert again.width() == (1180 if screen.width() >= 1180
                                 else max(screen.width(), again.minimumSizeHint().width()))
        assert again.side_tabs.currentIndex() == 3
        assert again.article_list.sort_order() == sort
        assert again.panels.is_collapsed(SIDE_INDEX)
        assert again.panels.sizes()[LIST_INDEX] == sizes[LIST_INDEX]  # the editor takes the rest
        model = again.article_list.model
        headlines = [model.summary(row).headline for row in range(model.rowCount())]
        assert headlines == sorted(headlines, reverse=sort[1]) or headlines == sorted(headlines)
        assert headlines[0] == ("अमरूद" if not sort[1] else "कमल")
    finally:
        again.close()
        db.close()


def test_a_bad_remembered_layout_is_ignored(qtbot, make_window, gui_config):
    window = make_window()
    gui_config.settings.update(window_geometry="not base64!", window_state=12,
                               side_tab=99, list_sort=["nonsense", True])
    restored = restore_window(gui_config, window, window.side_tabs, ("headline", "updated"))
    assert not restored.geometry and restored.sort is None
    assert window.side_tabs.currentIndex() == 0
