"""The article list: sortable table with status/tag filters and a quick headline filter.

The view is passive: :meth:`ArticleList.set_rows` gives it summaries; it emits
``article_activated(id)`` when the user picks one and ``filters_changed`` when the status,
tag or trash filter changes (the window then reloads rows from core).
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
from editor_app.core.text.normalize import fold

__all__ = ["ArticleList", "ArticleTableModel", "STATUS_LABELS"]

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

    def set_rows(self, rows: Sequence[ArticleSummary]) -> None:
        """Replace all rows."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

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
            return (row.headline, row.status, row.byline, row.updated_at.timestamp())[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return row.headline
        return None


class _HeadlineFilter(QSortFilterProxyModel):
    """Keeps rows whose headline contains the typed text (nukta/nasal/case-insensitive)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self.setSortRole(Qt.ItemDataRole.UserRole)

    def set_needle(self, text: str) -> None:
        self.beginFilterChange()
        self._needle = fold(text.strip())
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:  # noqa: N802
        if not self._needle:
            return True
        model = self.sourceModel()
        assert isinstance(model, ArticleTableModel)
        return self._needle in fold(model.summary(source_row).headline)


class ArticleList(QWidget):
    """Filter bar plus the sortable article table."""

    article_activated = Signal(int)
    filters_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.quick_filter = QLineEdit()
        self.quick_filter.setPlaceholderText("शीर्षक में खोजें (filter headlines)…")
        self.quick_filter.setClearButtonEnabled(True)
        self.status_filter = QComboBox()
        self.status_filter.addItem("सभी स्थितियाँ (all statuses)", "")
        for key, label in STATUS_LABELS.items():
            self.status_filter.addItem(label, key)
        self.tag_filter = QComboBox()
        self.show_trash = QCheckBox("रद्दी (Trash)")
        self.model = ArticleTableModel(self)
        self.proxy = _HeadlineFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
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
        layout.addWidget(self.quick_filter)
        layout.addLayout(filters)
        layout.addWidget(self.table)
        self.quick_filter.textChanged.connect(self.proxy.set_needle)
        self.status_filter.currentIndexChanged.connect(lambda _i: self.filters_changed.emit())
        self.tag_filter.currentIndexChanged.connect(lambda _i: self.filters_changed.emit())
        self.show_trash.toggled.connect(lambda _b: self.filters_changed.emit())
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
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
    def set_rows(self, rows: Sequence[ArticleSummary], select_id: int | None = None) -> None:
        """Show ``rows``; select ``select_id`` (without emitting ``article_activated``)."""
        self.table.selectionModel().blockSignals(True)
        self.model.set_rows(rows)
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
