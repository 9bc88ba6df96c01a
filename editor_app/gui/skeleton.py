"""The start-up skeleton: the real list and article painted before the window's modules load.

Like a browser's skeleton UI, :class:`SkeletonWindow` looks like the main window (same
geometry and panel sizes from the settings, same menus, the list's first page, the
article the window will open first, in the chosen Devanagari font) but does nothing but
show: it is read-only, so nothing typed can be lost. A status bar says "Opening…" with a
busy bar until :mod:`editor_app.gui.startup` replaces it with the real window.

Contract:
- Built only from a :class:`~editor_app.core.first_page.FirstPage` and the
  :class:`~editor_app.config.Config`; imports nothing but PySide6, the configuration and
  the light GUI helpers (i18n, fonts, layout state): no SQLAlchemy, no core services, no
  other GUI module (a subprocess test checks ``sys.modules`` at the first paint).
- Its widgets are plain Qt classes (no Python overrides), so painting and scrolling the
  list run without the GIL while the heavy imports hold it on another thread.
- :attr:`SkeletonWindow.chosen_id` is the story the real window should open: the first
  row, or the row the user clicked (whose text is then read with
  :func:`~editor_app.core.first_page.read_article`).
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QProgressBar,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from editor_app import APP_NAME
from editor_app.config import Config
from editor_app.core.first_page import FirstArticle, FirstPage
from editor_app.gui.i18n import QT_TRANSLATE_NOOP, short_label, translate
from editor_app.gui.layout_state import PanelLayout, initial_window_size, restore_geometry
from editor_app.gui.list_layout import compact_time

__all__ = ["OBJECT_NAME", "STATUS_NAMES", "SkeletonWindow", "article_html", "status_name"]

log = logging.getLogger(__name__)

# The skeleton's object name (tests and the benchmark find it by this).
OBJECT_NAME = "sampadakSkeleton"
# Story status → its English display name, as ``display_names.status_label`` has them (a
# test keeps the two in step; that module imports the core, this one must not).
STATUS_NAMES: dict[str, str] = {
    "draft": QT_TRANSLATE_NOOP("Status", "Draft"),
    "submitted": QT_TRANSLATE_NOOP("Status", "Submitted"),
    "in_copy_edit": QT_TRANSLATE_NOOP("Status", "In copy edit"),
    "returned": QT_TRANSLATE_NOOP("Status", "Returned"),
    "approved": QT_TRANSLATE_NOOP("Status", "Approved"),
    "exported": QT_TRANSLATE_NOOP("Status", "Exported"),
    "spiked": QT_TRANSLATE_NOOP("Status", "Spiked"),
}
# The list's columns shown (the real list's first four, same headers).
_COLUMNS = ("Headline", "Status", "Byline", "Changed")
# The real list's sort keys by column (``article_table.COLUMN_SORT_KEYS``' first four).
_SORT_COLUMN = {"headline": 0, "status": 1, "byline": 2, "updated": 3}
# The real window's menus (``window_actions``, the desk's and the workflow's), disabled:
# (translation context, title).
_MENUS = (("WindowActions", QT_TRANSLATE_NOOP("WindowActions", "&File")),
          ("WindowActions", QT_TRANSLATE_NOOP("WindowActions", "&Edit")),
          ("WindowActions", QT_TRANSLATE_NOOP("WindowActions", "&View")),
          ("WindowActions", QT_TRANSLATE_NOOP("WindowActions", "&Checks")),
          ("Desk", QT_TRANSLATE_NOOP("Desk", "&Desk")),
          ("WorkflowController", QT_TRANSLATE_NOOP("WorkflowController", "&Workflow")),
          ("WindowActions", QT_TRANSLATE_NOOP("WindowActions", "&Help")))
# The real window's toolbar (``window_actions``), shown disabled.
_TOOLBAR = (QT_TRANSLATE_NOOP("WindowActions", "&New"),
            QT_TRANSLATE_NOOP("WindowActions", "&Duplicate"),
            QT_TRANSLATE_NOOP("WindowActions", "&Trash"))
# The real window's side tabs (``main_window``), shown empty.
_TABS = (QT_TRANSLATE_NOOP("MainWindow", "Details"), QT_TRANSLATE_NOOP("MainWindow", "Checks"),
         QT_TRANSLATE_NOOP("MainWindow", "Images"), QT_TRANSLATE_NOOP("MainWindow", "History"))


def status_name(status: str) -> str:
    """A status in the UI language (an unknown value is shown raw)."""
    source = STATUS_NAMES.get(status)
    return translate("Status", source) if source is not None else status


def article_html(article: FirstArticle | None) -> str:
    """The article's body as simple HTML, as the editor shows it at a glance: paragraphs
    (blank lines separate them) as plain text, ``#``/``##``/``###`` lines as headings.
    The headline is shown in the side panel, as in the real window."""
    if article is None:
        return ""
    parts: list[str] = []
    for paragraph in (p.strip() for p in article.body.split("\n\n")):
        if not paragraph:
            continue
        marks, _, heading = paragraph.partition(" ")
        if marks and set(marks) == {"#"} and len(marks) <= 3 and "\n" not in paragraph:
            level = len(marks) + 1  # the editor's H2/H3 sizes
            parts.append(f"<h{level}>{html.escape(heading)}</h{level}>")
        else:
            parts.append("<p>{}</p>".format(html.escape(paragraph).replace("\n", "<br>")))
    return "".join(parts)


def _changed_text(when: datetime) -> str:
    return compact_time(when)  # as the real list writes it


class SkeletonWindow:
    """The skeleton (see the module contract). ``load_article(id)`` reads a picked row's
    story; the real window opens :attr:`chosen_id` when it replaces this one."""

    def __init__(self, config: Config, page: FirstPage, font: QFont,
                 load_article: Callable[[int], FirstArticle | None], *,
                 sort: tuple[str, bool] = ("updated", True)) -> None:
        self._load_article = load_article
        self.chosen_id: int | None = page.article.id if page.article else None
        self._ids = [row.id for row in page.rows]
        window = self.window = QMainWindow()
        window.setObjectName(OBJECT_NAME)
        window.setFont(font)
        for context, title in _MENUS:
            window.menuBar().addMenu(translate(context, title)).setEnabled(False)
        toolbar = window.addToolBar(translate("WindowActions", "Article"))
        toolbar.setObjectName("article_toolbar")  # restoreState places it as the window's
        for title in _TOOLBAR:
            toolbar.addAction(translate("WindowActions", title)).setEnabled(False)
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(translate("ArticleList", "search all articles") + "…")
        filters: list[QWidget] = [self.search_box]
        for text in (translate("ArticleList", "everywhere"),
                     translate("ArticleList", "All stories"),
                     translate("ArticleList", "all statuses"),
                     translate("ArticleList", "all tags")):
            combo = QComboBox()
            combo.addItem(text)
            filters.append(combo)
        filters.append(QCheckBox(translate("ArticleList", "Trash")))
        for widget in filters:
            widget.setEnabled(False)
        self.model = QStandardItemModel(len(page.rows), len(_COLUMNS), window)
        self.model.setHorizontalHeaderLabels(
            [translate("ArticleTableModel", name) for name in _COLUMNS])
        for number, row in enumerate(page.rows):
            texts = (row.headline or "(" + short_label("ArticleTableModel", "untitled") + ")",
                     status_name(row.status), row.byline, _changed_text(row.updated_at))
            for column, text in enumerate(texts):
                # only the headline wraps: no-break spaces keep the others on one line
                item = QStandardItem(text if column == 0 else text.replace(" ", "\u00a0"))
                item.setEditable(False)
                self.model.setItem(number, column, item)
        self.table = self._build_table(font, sort)
        self.text = QTextEdit()
        self.text.setReadOnly(True)
        self.text.setFont(font)
        self.headline = QLineEdit()
        self.headline.setReadOnly(True)
        self._show_article(page.article)
        self.tabs = QTabWidget()
        details = QWidget()
        form = QFormLayout(details)
        form.addRow(translate("MetadataPanel", "Headline"), self.headline)
        self.tabs.addTab(details, translate("MainWindow", _TABS[0]))
        for title in _TABS[1:]:
            self.tabs.addTab(QWidget(), translate("MainWindow", title))
            self.tabs.setTabEnabled(self.tabs.count() - 1, False)
        list_panel = QWidget()
        stack = QVBoxLayout(list_panel)
        stack.setContentsMargins(0, 0, 0, 0)
        for first, second in ((filters[0], filters[1]), (filters[2], None),
                              (filters[3], filters[4])):
            line = QHBoxLayout()
            line.addWidget(first, 1)
            if second is not None:
                line.addWidget(second)
            stack.addLayout(line)
        stack.addWidget(filters[5])  # not in a row: its line has the tag filter
        stack.addWidget(self.table)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        for panel in (list_panel, self.text, self.tabs):
            self.splitter.addWidget(panel)
        self.panels = PanelLayout(self.splitter, config, window)  # the remembered sizes
        window.setCentralWidget(self.splitter)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # busy: no known end
        self.busy.setMaximumWidth(160)
        self.busy.setTextVisible(False)
        self.message = QLabel(translate("Skeleton", "Opening…"))
        window.statusBar().addWidget(self.message)
        window.statusBar().addPermanentWidget(self.busy)
        headline = page.article.headline.strip() if page.article else ""
        untitled = translate("MainWindow", "untitled")  # as MainWindow.update_title has it
        window.setWindowTitle(f"{APP_NAME} — {headline or untitled}")
        window.resize(initial_window_size(config, window.screen()))
        restore_geometry(config, window)
        if self._ids:
            self.table.selectRow(0)
        self.table.selectionModel().currentRowChanged.connect(self._picked)

    def _build_table(self, font: QFont, sort: tuple[str, bool]) -> QTableView:
        table = QTableView()
        table.setAccessibleName(translate("ArticleList", "Articles"))
        table.setModel(self.model)
        table.setFont(font)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        # wrapped headlines of up to three lines (the real list fits each row to its
        # headline; measuring 200 rows of shaped Devanagari here would cost more than
        # the bare window's whole start). All C++: no Python runs while the skeleton
        # paints or scrolls, so the imports behind it cannot hold it up.
        table.verticalHeader().setDefaultSectionSize(int(table.fontMetrics().height() * 3.3))
        table.setWordWrap(True)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # status and changed time as wide as their widest text, the byline a sliver (the
        # real list's ArticleListFit gives the headline the room first, then these)
        metrics = table.fontMetrics()
        for number in range(1, len(_COLUMNS)):
            texts = [str(self.model.index(row, number).data() or "")
                     for row in range(self.model.rowCount())] if number != 2 else ["00:00"]
            widest = max((metrics.horizontalAdvance(text) for text in texts), default=0)
            header.setSectionResizeMode(number, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(number, min(widest, 8 * metrics.averageCharWidth()) + 12)
        if sort[0] in _SORT_COLUMN:
            header.setSortIndicatorShown(True)
            header.setSortIndicator(_SORT_COLUMN[sort[0]], Qt.SortOrder.DescendingOrder
                                    if sort[1] else Qt.SortOrder.AscendingOrder)
        return table

    def _picked(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid() or current.row() >= len(self._ids):
            return
        article_id = self._ids[current.row()]
        self.chosen_id = article_id
        try:
            article = self._load_article(article_id)
        except Exception as exc:
            log.debug("skeleton: cannot read article %d: %s", article_id, exc)
            article = None
        self._show_article(article)

    def _show_article(self, article: FirstArticle | None) -> None:
        self.text.setHtml(article_html(article))
        self.headline.setText(article.headline if article else "")
        self.headline.setCursorPosition(0)

    def show(self) -> None:
        """Show the skeleton (it paints at the next turn of the event loop)."""
        self.window.show()

    def close(self) -> None:
        """Close and let Qt delete the skeleton's widgets."""
        self.window.hide()
        self.window.close()
        self.window.deleteLater()
