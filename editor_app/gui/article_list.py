"""The article list: sortable table with status/tag filters and full-text search.

The view is passive: :meth:`ArticleList.set_rows` gives it summaries (and, for a search,
the hits with their highlights); it emits ``article_activated(id)`` when the user picks
one, ``filters_changed`` when the status, tag or trash filter changes, and
``search_requested(query)`` a moment after the user stops typing in the search box (the
window then asks core and gives the rows back).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
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
from editor_app.core.search import SearchHit
from editor_app.gui.highlight_delegate import HTML_ROLE, HtmlDelegate, marked_html

__all__ = ["STATUS_LABELS", "ArticleList", "ArticleTableModel"]

STATUS_LABELS = {
    "draft": "मसौदा (draft)",
    "submitted": "जमा (submitted)",
    "in_review": "समीक्षा में (in review)",
    "changes_requested": "बदलाव चाहिए (changes requested)",
    "approved": "स्वीकृत (approved)",
    "published": "प्रकाशित (published)",
}
_COLUMNS = ("शीर्षक (Headline)", "स्थिति (Status)", "बाइलाइन (Byline)", "बदलाव (Changed)")
ModelIndex = QModelIndex | QPersistentModelIndex


class ArticleTableModel(QAbstractTableModel):
    """Rows of :class:`ArticleSummary`; the sort role gives raw values (times sort right)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ArticleSummary] = []
        self._hits: dict[int, SearchHit] = {}

    def set_rows(self, rows: Sequence[ArticleSummary],
                 hits: Sequence[SearchHit] = ()) -> None:
        """Replace all rows; ``hits`` (search mode) add highlights and a snippet."""
        self.beginResetModel()
        self._rows = list(rows)
        self._hits = {h.article_id: h for h in hits}
        self.endResetModel()

    def hit(self, row: int) -> SearchHit | None:
        """The search hit shown in ``row`` (search mode only)."""
        return self._hits.get(self._rows[row].id)

    def row_of(self, article_id: int) -> int:
        """Row number of the article, or -1."""
        return next((i for i, r in enumerate(self._rows) if r.id == article_id), -1)

    def summary(self, row: int) -> ArticleSummary:
        """The summary in ``row``."""
        return self._rows[row]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return len(_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _COLUMNS[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return row.headline or "(बिना शीर्षक — untitled)"
            if column == 1:
                return STATUS_LABELS.get(row.status, row.status)
            if column == 2:
                return row.byline
            return row.updated_at.astimezone().strftime("%d-%m-%Y %H:%M")
        if role == Qt.ItemDataRole.UserRole:
            if column == 0 and self._hits:
                return -self._hits[row.id].score if row.id in self._hits else 0.0
            return (row.headline, row.status, row.byline, row.updated_at.timestamp())[column]
        if role == HTML_ROLE and column == 0 and row.id in self._hits:
            hit = self._hits[row.id]
            headline = marked_html(hit.headline, hit.spans("headline"))
            snippet = marked_html(hit.snippet, hit.spans("snippet"))
            return f"{headline}<br><span style='color:#555; font-size:small'>{snippet}</span>"
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return row.headline
        return None


class ArticleList(QWidget):
    """Filter bar plus the sortable article table."""

    article_activated = Signal(int)
    filters_changed = Signal()
    search_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(
            'सभी लेखों में खोजें — "वाक्यांश" भी (search all articles)…')
        self.search_box.setClearButtonEnabled(True)
        self.search_scope = QComboBox()
        self.search_scope.addItem("सब जगह (everywhere)", "all")
        self.search_scope.addItem("केवल शीर्षक (headlines)", "headline")
        self.search_scope.setToolTip("खोज का दायरा (search scope)")
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self.status_filter = QComboBox()
        self.status_filter.addItem("सभी स्थितियाँ (all statuses)", "")
        for key, label in STATUS_LABELS.items():
            self.status_filter.addItem(label, key)
        self.tag_filter = QComboBox()
        self.show_trash = QCheckBox("रद्दी (Trash)")
        self.model = ArticleTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setItemDelegateForColumn(0, HtmlDelegate(self.table))
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
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
        layout.addLayout(filters)
        layout.addWidget(self.table)
        self.search_box.textChanged.connect(lambda _t: self._search_timer.start())
        self._search_timer.timeout.connect(
            lambda: self.search_requested.emit(self.search_box.text().strip()))
        self.search_scope.currentIndexChanged.connect(lambda _i: self._search_timer.start())
        self.status_filter.currentIndexChanged.connect(lambda _i: self.filters_changed.emit())
        self.tag_filter.currentIndexChanged.connect(lambda _i: self.filters_changed.emit())
        self.show_trash.toggled.connect(lambda _b: self.filters_changed.emit())
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self._was_searching = False
        self.set_tags([])

    # ---------------------------------------------------------------- filters
    def status(self) -> str | None:
        """The chosen status filter, or None for all."""
        return self.status_filter.currentData() or None

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
        self.tag_filter.addItem("सभी टैग (all tags)", "")
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

    def set_rows(self, rows: Sequence[ArticleSummary], select_id: int | None = None,
                 hits: Sequence[SearchHit] = ()) -> None:
        """Show ``rows`` (ranked search results when ``hits`` are given); select
        ``select_id`` without emitting ``article_activated``."""
        self.table.selectionModel().blockSignals(True)
        self.model.set_rows(rows, hits)
        if hits:
            self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # by rank
        elif self.table.horizontalHeader().sortIndicatorSection() == 0 and \
                self.model.rowCount() and self._was_searching:
            self.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
        self._was_searching = bool(hits)
        self.table.resizeRowsToContents()
        self.table.selectionModel().blockSignals(False)
        if select_id is not None:
            self.select(select_id, emit=False)

    def select(self, article_id: int, *, emit: bool = True) -> None:
        """Make ``article_id`` the current row."""
        row = self.model.row_of(article_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        selection = self.table.selectionModel()
        selection.blockSignals(not emit)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        selection.blockSignals(False)

    def current_id(self) -> int | None:
        """Id of the selected article."""
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.summary(self.proxy.mapToSource(index).row()).id

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.article_activated.emit(self.model.summary(self.proxy.mapToSource(current).row()).id)
