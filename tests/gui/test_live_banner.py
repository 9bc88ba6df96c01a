"""The live banner and the list's editing marks as widgets, and the SQLite window (which
has nothing to listen to). Runs on every backend."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from editor_app.core.article_data import ArticleSummary
from editor_app.gui import i18n
from editor_app.gui.article_table import EDITING_MARK, STATUS_COLUMN, ArticleTableModel
from editor_app.gui.live_banner import LiveBanner, ago_text

NOW = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)


@pytest.fixture(autouse=True)
def bilingual(qapp) -> Iterator[None]:
    """The shipped UI language (start-up installs it; these widgets are built alone)."""
    i18n.setup(i18n.DEFAULT_LANGUAGE)
    yield
    i18n.setup(i18n.DEFAULT_LANGUAGE)


def test_change_line_says_who_and_how_long_ago() -> None:
    assert ago_text("कमल", NOW - timedelta(seconds=20), NOW).startswith("बदला गया: कमल, अभी")
    assert ago_text("कमल", NOW - timedelta(minutes=2, seconds=5), NOW).startswith(
        "बदला गया: कमल, 2 मिनट पहले")
    assert ago_text("कमल", NOW - timedelta(hours=3), NOW).startswith(
        "बदला गया: कमल, 3 घंटे पहले")


def test_banner_shows_change_and_editors_and_hides_when_empty(qtbot) -> None:
    holder = QWidget()  # as above the editor: the banner shows itself when it has news
    banner = LiveBanner()
    QVBoxLayout(holder).addWidget(banner)
    qtbot.addWidget(holder)
    holder.show()
    assert not banner.isVisible()
    reloads: list[bool] = []
    compares: list[bool] = []
    banner.reload_requested.connect(lambda: reloads.append(True))
    banner.compare_requested.connect(lambda: compares.append(True))
    banner.show_change("कमल शर्मा", datetime.now(UTC) - timedelta(minutes=2))
    assert banner.isVisible() and banner.has_change
    assert banner.change_label.text().startswith("बदला गया: कमल शर्मा, 2 मिनट पहले")
    qtbot.mouseClick(banner.reload_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(banner.compare_button, Qt.MouseButton.LeftButton)
    assert reloads == [True] and compares == [True]
    banner.show_editors(["कमल शर्मा", "आरती"])
    assert banner.editors_label.text().startswith("✎ कमल शर्मा, आरती संपादन कर रहे हैं")
    qtbot.mouseClick(banner.dismiss_button, Qt.MouseButton.LeftButton)
    assert not banner.has_change and banner.isVisible()  # the editors line stays
    assert not banner.reload_button.isVisible()
    banner.show_editors([])
    assert not banner.isVisible()


def summary(article_id: int, headline: str) -> ArticleSummary:
    return ArticleSummary(id=article_id, uuid=f"u{article_id}", headline=headline,
                          status="draft", byline="", tags=(), updated_at=NOW, trashed=False)


def test_list_rows_show_who_is_editing(qtbot) -> None:
    model = ArticleTableModel()
    model.set_rows([summary(1, "बजट"), summary(2, "मौसम")])
    changed: list[int] = []
    model.dataChanged.connect(lambda top, _bottom, _roles=(): changed.append(top.row()))
    model.set_editors({2: ["कमल शर्मा"]})
    assert changed == [1]
    assert model.index(1, 0).data() == f"{EDITING_MARK}मौसम"
    assert model.index(1, STATUS_COLUMN).data().startswith(f"{EDITING_MARK}कमल शर्मा · ")
    assert model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole).startswith(
        "कमल शर्मा संपादन कर रहे हैं")
    assert model.index(0, 0).data() == "बजट"
    changed.clear()
    model.set_editors({2: ["कमल शर्मा"]})  # nothing new: no repaint
    assert changed == []
    model.set_editors({})
    assert changed == [1] and model.index(1, 0).data() == "मौसम"


def test_a_sqlite_window_listens_to_nothing(make_window) -> None:
    window = make_window()
    if window.service.db.is_sqlite:
        assert window.live is None  # one user per file: nothing to listen to
    else:
        assert window.live is not None
        window.live.stop()
