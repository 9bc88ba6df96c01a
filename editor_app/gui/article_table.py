"""The article list's table model: summary rows only (never bodies), a page at a time.

:class:`ArticleTableModel` holds the rows the window gave it (:meth:`set_rows`, then pages
appended as the view scrolls: it emits ``more_wanted(offset)`` when the view wants more),
the search hits with their highlights (snippets are asked for only for the rows painted:
``snippets_wanted``), who else is editing each story (soft locks: :data:`EDITING_MARK`) and
the desk columns (assignee, deadline in IST; an overdue deadline in :data:`OVERDUE_COLOUR`).
Sorting emits ``sort_wanted`` in list mode (the database sorts) and sorts the loaded hits
by the column in search mode. The widget around it is :mod:`editor_app.gui.article_list`.
"""


from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

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
    QWidget,
)

from editor_app.core.article_data import ArticleSummary
from editor_app.core.article_queries import SortKey
from editor_app.core.search import Highlight, SearchHit
from editor_app.core.workflow.queues import is_overdue
from editor_app.core.workflow.statuses import Status
from editor_app.core.workflow.times import IST, ist_text
from editor_app.gui.display_names import status_label
from editor_app.gui.highlight_delegate import HTML_ROLE, marked_html
from editor_app.gui.i18n import QT_TRANSLATE_NOOP, short_label, translate
from editor_app.gui.live_banner import editing_text
from editor_app.gui.palette import LIGHT
from editor_app.gui.theme import colours

__all__ = [
    "ASSIGNEE_COLUMN",
    "COLUMN_COUNT",
    "COLUMN_SORT_KEYS",
    "DEADLINE_COLUMN",
    "EDITING_MARK",
    "OVERDUE_COLOUR",
    "PAGE_SIZE",
    "STATUS_COLUMN",
    "STATUS_LABELS",
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
COLUMN_COUNT = len(_COLUMNS)
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
