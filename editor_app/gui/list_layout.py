"""Article list layout: all columns fit the panel, no sideways scrolling, tooltips for the rest.

Works on the view only (header, delegate, scroll bar), not on the list's model:

- :class:`ArticleListFit` keeps the columns (headline, status, byline, changed, and the
  desk's assignee and deadline) inside the viewport: the changed time gets its (compact)
  width first, assignee and deadline their content width (at least their header's Hindi
  word, at most 16% each), the headline at least :data:`HEADLINE_SHARE` of the width,
  then the status (by its Hindi part alone, "मसौदा", when "मसौदा (draft)" does not fit)
  and the byline takes what is left. The horizontal scroll bar is off; header labels are
  left-aligned so their Hindi word shows.
- :class:`FittedTextDelegate` draws status, byline and changed time elided, and shows the
  full text as a tooltip when the cell is too narrow for it. The changed time is written
  compactly (``14:05`` today, ``22 अप्रैल`` (Hindi) this year, ``22-04-2025`` before) from the
  list model's ``summary(row).updated_at``; its tooltip is the full date and time.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
    QWidget,
)

from editor_app.gui.i18n import translate
from editor_app.gui.locale_format import format_day_month

__all__ = ["CHANGED_COLUMN", "HEADLINE_SHARE", "ArticleListFit", "FittedTextDelegate",
           "compact_time"]

HEADLINE_COLUMN, STATUS_COLUMN, BYLINE_COLUMN, CHANGED_COLUMN = 0, 1, 2, 3
#: Desk columns (wip-queues): who has the story and by when.
ASSIGNEE_COLUMN, DEADLINE_COLUMN = 4, 5
_FITTED = (STATUS_COLUMN, BYLINE_COLUMN, CHANGED_COLUMN, ASSIGNEE_COLUMN, DEADLINE_COLUMN)
_DESK_MAX_SHARE = 0.16
HEADLINE_SHARE = 0.38
_CHANGED_MAX_SHARE = 0.22
_PADDING = 12
#: Rows re-measured after a column resize only up to this many (wrapping headlines);
#: beyond it the lazy list keeps uniform heights.
#: At most this many rows from the top of the viewport are measured per fit.
_VISIBLE_ROWS_FITTED = 60
ModelIndex = QModelIndex | QPersistentModelIndex


def compact_time(moment: datetime, now: datetime | None = None) -> str:
    """``14:05`` for today, ``22 अप्रैल`` for this year, ``22-04-2025`` for older times
    (all local time; month names in the UI language, gui/locale_format.py)."""
    local = moment.astimezone()
    current = (now or datetime.now()).astimezone()
    if local.date() == current.date():
        return local.strftime("%H:%M")
    if local.year == current.year:
        return format_day_month(local)
    return local.strftime("%d-%m-%Y")


def _full_time(moment: datetime) -> str:
    return moment.astimezone().strftime("%d-%m-%Y %H:%M")


def _moment(index: ModelIndex) -> datetime | None:
    """The row's change time: the list model's ``summary(row).updated_at``."""
    model = index.model()
    summary = getattr(model, "summary", None)
    if callable(summary):
        moment = getattr(summary(index.row()), "updated_at", None)
        if isinstance(moment, datetime):
            return moment
    return None


class FittedTextDelegate(QStyledItemDelegate):
    """Elided text with a full-text tooltip; compact changed times (see module docstring)."""

    def display_text(self, index: ModelIndex, width: int | None = None) -> str:
        """The text drawn in the cell (``width``: the cell's width, when known)."""
        if index.column() == CHANGED_COLUMN:
            moment = _moment(index)
            if moment is not None:
                return compact_time(moment)
        value = index.data(Qt.ItemDataRole.DisplayRole)
        text = "" if value is None else str(value)
        if index.column() == STATUS_COLUMN and width is not None and " (" in text:
            view = self.parent()
            metrics = view.fontMetrics() if isinstance(view, QWidget) else None
            if metrics is not None and metrics.horizontalAdvance(text) + _PADDING > width:
                return text.split(" (", 1)[0]
        return text

    def full_text(self, index: ModelIndex) -> str:
        """The whole value, for the tooltip."""
        if index.column() == CHANGED_COLUMN:
            moment = _moment(index)
            if moment is not None:
                return translate("ArticleTableModel", "Changed") + f": {_full_time(moment)}"
        if index.column() == DEADLINE_COLUMN:  # the full IST time and whether it passed
            tip = index.data(Qt.ItemDataRole.ToolTipRole)
            if tip:
                return str(tip)
        value = index.data(Qt.ItemDataRole.DisplayRole)
        return "" if value is None else str(value)

    def tooltip_for(self, index: ModelIndex, width: int) -> str | None:
        """The tooltip for a cell ``width`` pixels wide: the full text when the cell cannot
        show all of it (always for the changed time), else None."""
        option = QStyleOptionViewItem()
        self.initStyleOption(option, index)
        shown = self.display_text(index, width)
        fits = (shown == self.full_text(index)
                and option.fontMetrics.horizontalAdvance(shown) + _PADDING <= width)
        if index.column() in (CHANGED_COLUMN, DEADLINE_COLUMN) or not fits:
            return self.full_text(index) or None
        return None

    def initStyleOption(self, option: QStyleOptionViewItem,  # noqa: N802
                        index: ModelIndex) -> None:
        super().initStyleOption(option, index)
        width = option.rect.width() if option.rect.isValid() else None
        option.text = self.display_text(index, width)
        option.textElideMode = Qt.TextElideMode.ElideRight
        option.features &= ~QStyleOptionViewItem.ViewItemFeature.WrapText

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView,  # noqa: N802
                  option: QStyleOptionViewItem, index: ModelIndex) -> bool:
        if event.type() == QEvent.Type.ToolTip and index.isValid():
            tip = self.tooltip_for(index, view.visualRect(index).width())
            if tip:
                QToolTip.showText(event.globalPos(), tip, view)
                return True
            QToolTip.hideText()
            return True
        return super().helpEvent(event, view, option, index)


class ArticleListFit(QObject):
    """Keeps ``table``'s columns inside its viewport (see the module docstring)."""

    def __init__(self, table: QTableView, parent: QObject | None = None) -> None:
        super().__init__(parent if parent is not None else table)
        self.table = table
        self.delegate = FittedTextDelegate(table)
        for column in _FITTED:
            table.setItemDelegateForColumn(column, self.delegate)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(24)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(HEADLINE_COLUMN, QHeaderView.ResizeMode.Stretch)
        for column in _FITTED:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.fit)
        table.viewport().installEventFilter(self)
        model = table.model()
        for signal in (model.modelReset, model.layoutChanged, model.rowsInserted,
                       model.dataChanged):
            signal.connect(self._timer.start)
        table.verticalScrollBar().valueChanged.connect(self._timer.start)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize:
            self._timer.start()
        return False

    def _header_width(self, column: int) -> int:
        """Width of the Hindi word of a column's header ("संपादक" of "संपादक (Assignee)")."""
        label = self.table.model().headerData(column, Qt.Orientation.Horizontal,
                                              Qt.ItemDataRole.DisplayRole)
        word = str(label or "").split(" (", 1)[0]
        return self.table.fontMetrics().horizontalAdvance(word) + _PADDING

    def _content_width(self, column: int, short: bool = False) -> int:
        metrics = self.table.fontMetrics()
        model = self.table.model()
        first = max(0, self.table.rowAt(0))
        last = self.table.rowAt(self.table.viewport().height() - 1)
        last = model.rowCount() - 1 if last < 0 else last
        widest = 0
        for row in range(first, min(last, first + 200) + 1):
            text = self.delegate.display_text(model.index(row, column), 0 if short else None)
            widest = max(widest, metrics.horizontalAdvance(text))
        return widest + _PADDING

    def fit(self) -> None:
        """Recompute the widths of every column but the headline for the current width."""
        width = self.table.viewport().width()
        if width <= 0:
            return
        changed = min(self._content_width(CHANGED_COLUMN), int(width * _CHANGED_MAX_SHARE))
        desk = {column: min(max(self._content_width(column), self._header_width(column)),
                            int(width * _DESK_MAX_SHARE))
                for column in (DEADLINE_COLUMN, ASSIGNEE_COLUMN)
                if column < self.table.model().columnCount()}
        room = max(0, width - changed - int(width * HEADLINE_SHARE))
        status = self._content_width(STATUS_COLUMN)
        byline = self._content_width(BYLINE_COLUMN)
        if status + byline + sum(desk.values()) > room:  # statuses by their Hindi part only
            status = min(self._content_width(STATUS_COLUMN, short=True), room // 3)
            left = room - status
            for column in desk:  # deadline, then assignee, then the byline takes the rest
                desk[column] = min(desk[column], left // 2)
                left -= desk[column]
            byline = min(byline, left)
        header = self.table.horizontalHeader()
        header.resizeSection(STATUS_COLUMN, max(header.minimumSectionSize(), status))
        header.resizeSection(BYLINE_COLUMN, max(header.minimumSectionSize(), byline))
        header.resizeSection(CHANGED_COLUMN, max(header.minimumSectionSize(), changed))
        for column, size in desk.items():
            header.resizeSection(column, max(header.minimumSectionSize(), size))
        self._fit_visible_rows()

    def _fit_visible_rows(self) -> None:
        """Give the rows on screen (and a few beyond) the height their wrapped headline or
        search snippet needs. Only those: measuring every loaded row renders each one's
        HTML, which froze the window for a quarter second when a search page arrived."""
        table = self.table
        rows = table.model().rowCount()
        if rows == 0:
            return
        first = max(0, table.rowAt(0))
        for row in range(first, min(rows, first + _VISIBLE_ROWS_FITTED)):
            table.resizeRowToContents(row)
            if table.rowViewportPosition(row) > table.viewport().height():
                break

    def widget(self) -> QWidget:
        """The table this layout manages."""
        return self.table
