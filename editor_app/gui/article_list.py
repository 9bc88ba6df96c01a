"""The article list: sortable table with status/tag filters and full-text search.

The view is passive and scales to any archive: it holds summary rows only (never bodies),
a page at a time. :meth:`ArticleList.set_rows` gives it a first page (and, for a search, the
hits with their highlights); scrolling to the end makes the model ask for the next page
(``model.more_wanted(offset)``). It emits ``article_activated(id)`` when the user picks one,
``filters_changed`` when the status, tag, trash filter or the sort order changes (the
database sorts), and ``search_requested(query)`` a moment after the user stops typing in the
search box. The window answers all of them through its background runner.

Desk columns: each row also shows the assignee and the deadline (in IST); a deadline that
has passed on an open story is drawn in :data:`OVERDUE_COLOUR` (the rule of the "Overdue"
queue, :func:`~editor_app.core.workflow.queues.is_overdue`). The queue selector above the
list (all stories, My queue, Waiting for me, Overdue) is one more filter: ``queue()``.

Soft locks (shared newsroom): :meth:`ArticleTableModel.set_editors` names who else is editing
a story now; its headline cell then starts with :data:`EDITING_MARK`, its status cell with
the mark and those names (the one elided in a narrow list, the other not), and both
tooltips say so (one ``dataChanged`` per row that changed).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any, cast

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
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
from editor_app.core.search import Highlight, SearchHit
from editor_app.core.workflow.queues import Queue, is_overdue
from editor_app.core.workflow.statuses import Status
from editor_app.core.workflow.times import IST, ist_text
from editor_app.gui.display_names import queue_label, status_label
from editor_app.gui.highlight_delegate import HTML_ROLE, HtmlDelegate, marked_html
from editor_app.gui.i18n import QT_TRANSLATE_NOOP, short_label, translate
from editor_app.gui.live_banner import editing_text
from editor_app.gui.palette import LIGHT
from editor_app.gui.theme import colours

__all__ = [
    "ASSIGNEE_COLUMN",
    "COLUMN_SORT_KEYS",
    "DEADLINE_COLUMN",
    "EDITING_MARK",
    "OVERDUE_COLOUR",
    "PAGE_SIZE",
    "STATUS_COLUMN",
    "STATUS_LABELS",
    "ArticleList",
    "ArticleTableModel",
    "deadline_text",
    "embargo_mark",
]

#: Status value → the core's bilingual label, in workflow order (core.workflow.statuses).
#: The GUI shows :func:`editor_app.gui.display_names.status_label` instead (UI language).
STATUS_LABELS = {status.value: status.label for status in Status}
_COLUMNS = (QT_TRANSLATE_NOOP("ArticleTableModel", "Headline"),
            QT_TRANSLATE_NOOP("ArticleTableModel", "Status"),
            QT_TRANSLATE_NOOP("ArticleTableModel", "Byline"),
            QT_TRANSLATE_NOOP("ArticleTableModel", "Changed"),
            QT_TRANSLATE_NOOP("ArticleTableModel", "Assignee"),
            QT_TRANSLATE_NOOP("ArticleTableModel", "Deadline"))
ASSIGNEE_COLUMN, DEADLINE_COLUMN = 4, 5
#: Text colour of a deadline that has passed (an open story, see ``is_overdue``).
#: The light theme's overdue colour (live: ``theme.colours().overdue_text``).
OVERDUE_COLOUR = LIGHT.overdue_text
#: Put before the names of the others editing a story now (soft locks, live refresh).
EDITING_MARK = "✎ "
STATUS_COLUMN = 1


def embargo_mark() -> str:
    """Put before the status of a story whose embargo is still ahead (the list's badge)."""
    return "⏸ " + short_label("ArticleTableModel",
                              QT_TRANSLATE_NOOP("ArticleTableModel", "embargo")) + " · "


ModelIndex = QModelIndex | QPersistentModelIndex


#: Sort key of each column in list mode (search mode sorts the loaded hits by rank).
COLUMN_SORT_KEYS: tuple[SortKey, ...] = ("headline", "status", "byline", "updated",
                                         "assignee", "deadline")
#: Rows fetched per page from the database (search hits come without snippets: the model
#: asks for the snippets of the rows it paints).
PAGE_SIZE = 200


class ArticleTableModel(QAbstractTableModel):
    """A window onto the article list: summary rows, fetched a page at a time.

    The model never talks to the database: ``fetchMore`` emits ``more_wanted(offset)`` and
    the window answers with :meth:`append_rows` (from the background runner); a header click
    emits ``sort_wanted(key, descending)`` in list mode, and sorts the loaded hits in
    search mode. After a save the window calls :meth:`update_row`: only that row changes.
    """

    more_wanted = Signal(int)
    sort_wanted = Signal(str, bool)
    snippets_wanted = Signal(list)  # article ids whose search snippet is painted, not loaded

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ArticleSummary] = []
        self._hits: dict[int, SearchHit] = {}
        self._total = 0
        self._fetching = False
        self._snippets_asked: set[int] = set()
        self._snippets_wanted: list[int] = []
        self._editors: dict[int, tuple[str, ...]] = {}
        self._want_timer = QTimer(self)
        self._want_timer.setSingleShot(True)
        self._want_timer.setInterval(0)  # collect what one paint needs, then ask once
        self._want_timer.timeout.connect(self._ask_snippets)

    def set_rows(self, rows: Sequence[ArticleSummary], hits: Sequence[SearchHit] = (),
                 *, total: int | None = None) -> None:
        """Replace all rows with a first page; ``total`` rows exist in all (default: just
        these); ``hits`` (search mode) add highlights and a snippet."""
        self.beginResetModel()
        self._rows = list(rows)
        self._hits = {h.article_id: h for h in hits}
        self._total = len(self._rows) if total is None else max(total, len(self._rows))
        self._fetching = False
        self._snippets_asked = {h.article_id for h in hits if h.snippet}
        self._snippets_wanted = []
        self.endResetModel()

    def set_snippets(self, found: Mapping[int, tuple[str, tuple[Highlight, ...]]]) -> None:
        """Fill in the snippets of hits shown without one (one ``dataChanged`` per row)."""
        for article_id, (snippet, spans) in found.items():
            hit = self._hits.get(article_id)
            if hit is None:
                continue
            headline = tuple(h for h in hit.highlights if h.field == "headline")
            self._hits[article_id] = replace(hit, snippet=snippet, highlights=headline + spans)
            row = self.row_of(article_id)
            if row >= 0:
                self.dataChanged.emit(self.index(row, 0), self.index(row, 0))

    def _ask_snippets(self) -> None:
        wanted, self._snippets_wanted = self._snippets_wanted, []
        if wanted:
            self.snippets_wanted.emit(wanted)

    def append_rows(self, rows: Sequence[ArticleSummary], hits: Sequence[SearchHit] = (),
                    *, more: bool | None = None) -> None:
        """Add the next page (rows already shown are skipped); ``more=False`` says no page
        follows (a search's last page, or a failed fetch)."""
        self._fetching = False
        known = {r.id for r in self._rows}
        fresh = [r for r in rows if r.id not in known]
        if not fresh:
            self._total = len(self._rows)  # nothing more where the count said there was
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
        self._rows.extend(fresh)
        self._hits.update((h.article_id, h) for h in hits)
        self._total = max(self._total, len(self._rows))
        if more is not None:
            self._total = len(self._rows) + (1 if more else 0)
        self.endInsertRows()

    def update_row(self, summary: ArticleSummary) -> bool:
        """Show ``summary`` in its row (one ``dataChanged``, none when the row already shows
        exactly that: a live-refresh echo of this window's own save); False when it is not
        loaded."""
        row = self.row_of(summary.id)
        if row < 0:
            return False
        if self._rows[row] == summary:
            return True
        self._rows[row] = summary
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(_COLUMNS) - 1))
        return True

    def set_editors(self, editors: Mapping[int, Sequence[str]]) -> None:
        """Who else is editing which story now (article id → names; absent: nobody)."""
        fresh = {article_id: tuple(names) for article_id, names in editors.items() if names}
        changed = set(fresh) ^ set(self._editors) | {
            a for a in fresh.keys() & self._editors.keys() if fresh[a] != self._editors[a]}
        self._editors = fresh
        for article_id in changed:
            row = self.row_of(article_id)
            if row >= 0:
                self.dataChanged.emit(self.index(row, 0), self.index(row, STATUS_COLUMN))

    def editors(self, article_id: int) -> tuple[str, ...]:
        """The names shown as editing ``article_id``."""
        return self._editors.get(article_id, ())

    def insert_row(self, summary: ArticleSummary, row: int = 0) -> None:
        """Show a new article at ``row`` (the top by default)."""
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.insert(row, summary)
        self._total += 1
        self.endInsertRows()

    def remove_row(self, article_id: int) -> None:
        """Stop showing the article (trashed, restored out of this view, ...)."""
        row = self.row_of(article_id)
        if row < 0:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self._total = max(0, self._total - 1)
        self.endRemoveRows()

    def searching(self) -> bool:
        """True when the rows are search hits."""
        return bool(self._hits)

    def total(self) -> int:
        """How many rows the database has for this view (loaded or not)."""
        return self._total

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

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and not self._fetching and len(self._rows) < self._total

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: B008, N802
        if self.canFetchMore(parent):
            self._fetching = True
            self.more_wanted.emit(len(self._rows))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        descending = order == Qt.SortOrder.DescendingOrder
        if not self._hits:
            self.sort_wanted.emit(COLUMN_SORT_KEYS[column], descending)
            return
        self.layoutAboutToBeChanged.emit()
        if column == 0:  # rank
            self._rows.sort(key=lambda r: self._hits[r.id].score if r.id in self._hits
                            else 0.0, reverse=not descending)
        else:
            self._rows.sort(key=lambda r: _sort_value(r, column), reverse=descending)
        self.layoutChanged.emit()

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate("ArticleTableModel", _COLUMNS[section])
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                headline = row.headline or "({})".format(short_label(
                    "ArticleTableModel", QT_TRANSLATE_NOOP("ArticleTableModel", "untitled")))
                return EDITING_MARK + headline if row.id in self._editors else headline
            if column == 1:
                label = status_label(row.status)
                embargoed = row.embargo_until is not None and row.embargo_until > datetime.now(UTC)
                label = embargo_mark() + label if embargoed else label
                if editing := self._editors.get(row.id):
                    label = f"{EDITING_MARK}{', '.join(editing)} · {label}"
                return label
            if column == 2:
                return row.byline
            if column == ASSIGNEE_COLUMN:
                return row.assignee
            if column == DEADLINE_COLUMN:
                return deadline_text(row)
            return row.updated_at.astimezone().strftime("%d-%m-%Y %H:%M")
        if role == Qt.ItemDataRole.ForegroundRole and column == DEADLINE_COLUMN:
            return QBrush(QColor(colours().overdue_text)) if is_overdue(row.deadline, row.status) \
                else None
        if role == HTML_ROLE and column == 0 and row.id in self._hits:
            hit = self._hits[row.id]
            if row.id not in self._snippets_asked:  # painted now: fetch its snippet
                self._snippets_asked.add(row.id)
                self._snippets_wanted.append(row.id)
                self._want_timer.start()
            headline = marked_html(hit.headline, hit.spans("headline"))
            snippet = marked_html(hit.snippet, hit.spans("snippet"))
            muted = colours().muted_text
            return (f"{headline}<br><span style='color:{muted}; font-size:small'>"
                    f"{snippet}</span>")
        if role == Qt.ItemDataRole.ToolTipRole:
            if column in (0, STATUS_COLUMN) and (editing := self._editors.get(row.id)):
                return editing_text(editing)
            if column == 1 and row.embargo_until is not None:
                return translate("ArticleTableModel", "{status}; embargo until {time}").format(
                    status=status_label(row.status), time=ist_text(row.embargo_until))
            if column == DEADLINE_COLUMN and row.deadline is not None:
                late = " — " + translate("ArticleTableModel", "overdue") if is_overdue(row.deadline,
                                                                      row.status) else ""
                return translate("ArticleTableModel", "Deadline: {time}").format(
                    time=ist_text(row.deadline)) + late
            return (row.headline, None, row.byline, None, row.assignee, None)[column]
        return None


def deadline_text(row: ArticleSummary, now: datetime | None = None) -> str:
    """The deadline cell in IST: ``18:30`` today, ``02-12 18:30`` this year, ``02-12-2027``
    otherwise, with a warning sign when it has passed on an open story."""
    if row.deadline is None:
        return ""
    local = row.deadline.astimezone(IST)
    today = (now or datetime.now(UTC)).astimezone(IST)
    shown = local.strftime("%H:%M" if local.date() == today.date() else
                           "%d-%m %H:%M" if local.year == today.year else "%d-%m-%Y")
    return f"⚠ {shown}" if is_overdue(row.deadline, row.status) else shown


def _sort_value(row: ArticleSummary, column: int) -> Any:
    if column == DEADLINE_COLUMN:
        return (row.deadline is None, row.deadline.timestamp() if row.deadline else 0.0)
    return (row.headline, row.status, row.byline, row.updated_at.timestamp(),
            row.assignee)[column]


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
        for column in range(1, len(_COLUMNS)):
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
