"""The article list: sortable table with status/tag filters and full-text search.

The view is passive and scales to any archive: it holds summary rows only (never bodies),
a page at a time. :meth:`ArticleList.set_rows` gives it a first page (and, for a search, the
hits with their highlights); scrolling to the end makes the model ask for the next page
(``model.more_wanted(offset)``). It emits ``article_activated(id)`` when the user picks one,
``filters_changed`` when the status, tag, trash filter or the sort order changes (the
database sorts), and ``search_requested(query)`` a moment after the user stops typing in the
search box. The window answers all of them through its background runner.

The table's model, :class:`~editor_app.gui.article_table.ArticleTableModel`, draws the desk
columns (assignee, deadline in IST, overdue deadlines marked) and the soft locks (who else is
editing a story now). The queue selector above the list (all stories, My queue, Waiting for
me, Overdue) is one more filter: ``queue()``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from PySide6.QtCore import (
    QModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.article_data import ArticleSummary
from editor_app.core.article_queries import SortKey
from editor_app.core.search import SearchHit
from editor_app.core.workflow.queues import Queue
from editor_app.core.workflow.statuses import Status
from editor_app.gui.article_table import COLUMN_COUNT, COLUMN_SORT_KEYS, ArticleTableModel
from editor_app.gui.display_names import queue_label, status_label
from editor_app.gui.highlight_delegate import HtmlDelegate
from editor_app.gui.i18n import translate

__all__ = ["ArticleList"]


class ArticleList(QWidget):
    """Filter bar plus the sortable article table."""

    article_activated = Signal(int)
    filters_changed = Signal()
    search_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(
            translate("ArticleList", "search all articles") + "…")
        self.search_box.setClearButtonEnabled(True)
        self.search_scope = QComboBox()
        self.search_scope.addItem(translate("ArticleList", "everywhere"), "all")
        self.search_scope.addItem(translate("ArticleList", "headlines"), "headline")
        self.search_scope.setToolTip(translate("ArticleList", "search scope"))
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self.queue_filter = QComboBox()
        self.queue_filter.setToolTip(translate("ArticleList", "desk queue"))
        self.queue_filter.addItem(translate("ArticleList", "All stories"), "")
        for queue in Queue:
            self.queue_filter.addItem(queue_label(queue), queue.value)
        self.status_filter = QComboBox()
        self.status_filter.addItem(translate("ArticleList", "all statuses"), "")
        for status in Status:
            self.status_filter.addItem(status_label(status), status.value)
        self.tag_filter = QComboBox()
        self.show_trash = QCheckBox(translate("ArticleList", "Trash"))
        self.model = ArticleTableModel(self)
        self._sort: tuple[SortKey, bool] = ("updated", True)
        self.model.sort_wanted.connect(self._on_sort_wanted)
        self.table = QTableView()
        self.table.setAccessibleName(translate("ArticleList", "Articles"))
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSortIndicator(3, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Ctrl/Shift-click select several stories (for a batch export); the current row is
        # the one open in the editor
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setItemDelegateForColumn(0, HtmlDelegate(self.table))
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, COLUMN_COUNT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        filters = QHBoxLayout()
        filters.addWidget(self.status_filter)
        filters.addWidget(self.tag_filter)
        filters.addWidget(self.show_trash)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search_box, 1)
        search_row.addWidget(self.search_scope)
        layout.addLayout(search_row)
        layout.addWidget(self.queue_filter)
        layout.addLayout(filters)
        layout.addWidget(self.table)
        self.search_box.textChanged.connect(lambda _t: self._search_timer.start())
        self._search_timer.timeout.connect(
            lambda: self.search_requested.emit(self.search_box.text().strip()))
        self.search_scope.currentIndexChanged.connect(lambda _i: self._search_timer.start())
        self.queue_filter.currentIndexChanged.connect(lambda _i: self.filters_changed.emit())
        self.status_filter.currentIndexChanged.connect(lambda _i: self.filters_changed.emit())
        self.tag_filter.currentIndexChanged.connect(lambda _i: self.filters_changed.emit())
        self.show_trash.toggled.connect(lambda _b: self.filters_changed.emit())
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.set_tags([])

    # ---------------------------------------------------------------- filters
    def status(self) -> str | None:
        """The chosen status filter, or None for all."""
        return self.status_filter.currentData() or None

    def queue(self) -> Queue | None:
        """The chosen desk queue, or None for all stories."""
        value = self.queue_filter.currentData()
        return Queue(value) if value else None

    def set_queue(self, queue: Queue | str | None) -> None:
        """Choose a desk queue (None: all stories); emits ``filters_changed``."""
        index = self.queue_filter.findData(Queue(queue).value if queue else "")
        self.queue_filter.setCurrentIndex(max(index, 0))

    def tag(self) -> str | None:
        """The chosen tag filter, or None for all."""
        return self.tag_filter.currentData() or None

    def trashed(self) -> bool:
        """True when the trash is shown instead of the live articles."""
        return self.show_trash.isChecked()

    def set_tags(self, tags: Sequence[str]) -> None:
        """Refill the tag filter, keeping the current choice when it still exists."""
        current = self.tag()
        self.tag_filter.blockSignals(True)
        self.tag_filter.clear()
        self.tag_filter.addItem(translate("ArticleList", "all tags"), "")
        for tag in tags:
            self.tag_filter.addItem(tag, tag)
        index = self.tag_filter.findData(current) if current else 0
        self.tag_filter.setCurrentIndex(max(index, 0))
        self.tag_filter.blockSignals(False)

    # ---------------------------------------------------------------- rows
    def query(self) -> str:
        """The search text ('' when not searching)."""
        return self.search_box.text().strip()

    def headlines_only(self) -> bool:
        """True when the search box filters headlines instead of searching everything."""
        return bool(self.search_scope.currentData() == "headline")

    def sort_order(self) -> tuple[SortKey, bool]:
        """The list's order: sort key and descending."""
        return self._sort

    def set_rows(self, rows: Sequence[ArticleSummary], select_id: int | None = None,
                 hits: Sequence[SearchHit] = (), *, total: int | None = None) -> None:
        """Show a first page of ``rows`` (ranked search results when ``hits`` are given; the
        view has ``total`` rows in all); select ``select_id`` without emitting
        ``article_activated``."""
        self.table.selectionModel().blockSignals(True)
        self.model.set_rows(rows, hits, total=total)
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        lines = 2.7 if hits else 1.6  # a search hit shows its snippet under the headline
        self.table.verticalHeader().setDefaultSectionSize(
            int(self.table.fontMetrics().height() * lines))
        if hits:
            header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)  # by rank
        else:
            key, descending = self._sort
            header.setSortIndicator(COLUMN_SORT_KEYS.index(key), Qt.SortOrder.DescendingOrder
                                    if descending else Qt.SortOrder.AscendingOrder)
        header.blockSignals(False)
        self.table.selectionModel().blockSignals(False)
        if select_id is not None:
            self.select(select_id, emit=False)

    def select(self, article_id: int, *, emit: bool = True) -> None:
        """Make ``article_id`` the current row (if it is loaded)."""
        row = self.model.row_of(article_id)
        if row < 0:
            return
        index = self.model.index(row, 0)
        selection = self.table.selectionModel()
        selection.blockSignals(not emit)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        selection.blockSignals(False)

    def set_sort_order(self, key: SortKey, descending: bool) -> None:
        """Use this order for the next load (no signal: the caller loads; a remembered
        layout sets it before the first load)."""
        self._sort = (key, descending)
        self.table.horizontalHeader().setSortIndicator(
            COLUMN_SORT_KEYS.index(key),
            Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)

    def _on_sort_wanted(self, key: str, descending: bool) -> None:
        self._sort = (cast(SortKey, key), descending)
        self.filters_changed.emit()

    def selected_ids(self) -> list[int]:
        """Ids of the selected rows, in list order (the current one alone when nothing
        else is selected)."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        ids = [self.model.summary(row).id for row in rows]
        current = self.current_id()
        return ids or ([current] if current is not None else [])

    def current_id(self) -> int | None:
        """Id of the selected article."""
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.summary(index.row()).id

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.article_activated.emit(self.model.summary(current.row()).id)
