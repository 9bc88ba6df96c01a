"""The desk dashboard: stories per status, per assignee and overdue, with bar charts.

Contract:
- :class:`DashboardPanel` shows :func:`~editor_app.core.workflow.dashboard.dashboard_counts`
  (read off the GUI thread through the window's :class:`~editor_app.gui.tasks.TaskRunner`,
  newest request wins) as three headline figures (live stories, overdue, unassigned open
  stories) and two painted bar charts (PySide6-Essentials has no QtCharts): stories per
  status in workflow order, and open stories per assignee with the overdue part in the
  warning colour.
- :meth:`DashboardPanel.refresh` re-reads the counts; while the panel is hidden a refresh
  only marks it stale, and showing it reads them. :func:`install_dashboard` refreshes it
  :data:`REFRESH_DELAY_MS` after the window's last write (every save, create, trash,
  transition and assignment goes through the runner's writer: ``TaskRunner.wrote``) and
  every :data:`POLL_SECONDS` for other writers on a shared database.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from editor_app.core.db import Database
from editor_app.core.errors import SampadakError
from editor_app.core.workflow.dashboard import DashboardCounts, dashboard_counts
from editor_app.core.workflow.statuses import Status
from editor_app.gui.display_names import status_label
from editor_app.gui.i18n import QT_TRANSLATE_NOOP, short_label, translate
from editor_app.gui.locale_format import format_count
from editor_app.gui.palette import AppColours
from editor_app.gui.tasks import TaskRunner
from editor_app.gui.theme import colours, follow_theme

if TYPE_CHECKING:
    from editor_app.gui.main_window import MainWindow

__all__ = ["POLL_SECONDS", "REFRESH_DELAY_MS", "Bar", "BarChart", "DashboardPanel",
           "install_dashboard"]

log = logging.getLogger(__name__)

#: How often the dashboard re-reads the counts for writers elsewhere (while shown).
POLL_SECONDS = 30
#: Quiet time after this window's last write before the counts are read again.
REFRESH_DELAY_MS = 250


def _status_colour(status: Status | None) -> str:
    """The theme's bar colour for ``status`` (workflow order), the "nobody" grey else."""
    theme = colours()
    order = list(Status)
    if status is None or order.index(status) >= len(theme.chart_status):
        return theme.chart_none
    return theme.chart_status[order.index(status)]


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar: its label, its value, and a highlighted part (drawn in the warning colour)."""

    label: str
    value: int
    colour: str = ""  # "" = the theme's bar colour
    highlighted: int = 0


class BarChart(QWidget):
    """A horizontal bar chart painted with QPainter: label, bar, value on each row."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.bars: tuple[Bar, ...] = ()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_bars(self, bars: Sequence[Bar]) -> None:
        """Show ``bars`` (top to bottom)."""
        self.bars = tuple(bars)
        self.updateGeometry()
        self.update()

    def _row_height(self) -> int:
        return self.fontMetrics().height() + 8

    def sizeHint(self) -> QSize:  # noqa: N802
        rows = max(1, len(self.bars)) + 1
        return QSize(280, rows * self._row_height() + 8)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(160, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        row = self._row_height()
        width = self.width()
        bold = painter.font()
        bold.setBold(True)
        painter.setFont(bold)
        painter.drawText(QRectF(0, 0, width, row), Qt.AlignmentFlag.AlignVCenter,
                         QFontMetrics(bold).elidedText(self.title, Qt.TextElideMode.ElideRight,
                                                       width))
        painter.setFont(self.font())
        if not self.bars:
            painter.setPen(QColor(colours().muted_text))
            painter.drawText(QRectF(0, row, width, row), Qt.AlignmentFlag.AlignVCenter,
                             translate("BarChart", "nothing"))
            return
        label_width = min(max(metrics.horizontalAdvance(b.label) for b in self.bars) + 8,
                          int(width * 0.5))
        value_width = metrics.horizontalAdvance("0000") + 6
        room = max(1, width - label_width - value_width)
        top = max(1, max(b.value for b in self.bars))
        for i, bar in enumerate(self.bars):
            y = row * (i + 1)
            painter.setPen(self.palette().text().color())
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, label_width - 6)
            painter.drawText(QRectF(0, y, label_width - 6, row),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, label)
            length = room * bar.value / top
            box = QRectF(label_width, y + 3, length, row - 6)
            painter.fillRect(box, QColor(bar.colour or colours().chart_bar))
            if bar.highlighted:
                part = room * bar.highlighted / top
                painter.fillRect(QRectF(label_width + length - part, y + 3, part, row - 6),
                                 QColor(colours().error_text))
            painter.drawText(QRectF(label_width + length + 4, y, value_width, row),
                             Qt.AlignmentFlag.AlignVCenter, format_count(bar.value))


class DashboardPanel(QWidget):
    """Desk counts and charts (see the module contract)."""

    refreshed = Signal()

    def __init__(self, db: Database, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self._tasks = db, tasks
        self.counts: DashboardCounts | None = None
        self._stale = True
        self.total_label = QLabel()
        self.overdue_label = QLabel()
        self.unassigned_label = QLabel()
        self.error_label = QLabel()
        for label in (self.total_label, self.overdue_label, self.unassigned_label,
                      self.error_label):
            label.setWordWrap(True)  # the side panel is narrow: never widen it
        follow_theme(self, self._recolour)
        self.error_label.hide()
        self.status_chart = BarChart(translate("DashboardPanel", "By status"))
        self.assignee_chart = BarChart(translate("DashboardPanel", "Open, by assignee"))
        self.refresh_button = QPushButton(translate("DashboardPanel", "Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        layout = QVBoxLayout(self)
        for widget in (self.total_label, self.overdue_label, self.unassigned_label,
                       self.error_label, self.status_chart, self.assignee_chart):
            layout.addWidget(widget)
        layout.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    def refresh(self) -> None:
        """Re-read the counts in the background (only marks them stale while hidden)."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        db = self._db
        self._tasks.run(lambda: dashboard_counts(db), done=self.show_counts,
                        failed=self._failed, key="dashboard", kind="dashboard")

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:
            QTimer.singleShot(0, self.refresh)

    def _recolour(self, theme: AppColours) -> None:
        self.error_label.setStyleSheet(f"color: {theme.error_text}")
        if self.counts is not None:
            self.show_counts(self.counts)

    def show_counts(self, counts: DashboardCounts) -> None:
        """Show ``counts`` (figures and both charts)."""
        self.counts = counts
        self.error_label.hide()
        self.total_label.setText(translate("DashboardPanel", "Stories")
                                 + f": {format_count(counts.total)}")
        self.overdue_label.setText(translate("DashboardPanel", "Overdue")
                                   + f": {format_count(counts.overdue)}")
        self.overdue_label.setStyleSheet(
            f"color: {colours().error_text}; font-weight: bold" if counts.overdue else "")
        self.unassigned_label.setText(
            translate("DashboardPanel", "Open, unassigned")
            + f": {format_count(counts.unassigned)}")
        self.status_chart.set_bars([
            Bar(_status_label(key), value, _status_colour(_status(key)))
            for key, value in counts.by_status.items()])
        bar = colours().chart_bar
        people = [Bar(p.name, p.open, bar, p.overdue) for p in counts.by_assignee]
        if counts.unassigned:
            nobody = short_label("DashboardPanel", QT_TRANSLATE_NOOP("DashboardPanel", "nobody"))
            people.append(Bar(f"({nobody})", counts.unassigned, colours().chart_none))
        self.assignee_chart.set_bars(people)
        self.refreshed.emit()

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, SampadakError):
            raise error
        log.warning("dashboard counts failed: %s", error)
        self.error_label.setText(str(error))
        self.error_label.show()


def _status(key: str) -> Status | None:
    try:
        return Status(key)
    except ValueError:
        return None


def _status_label(key: str) -> str:
    known = _status(key)
    return status_label(known) if known else key


def install_dashboard(window: MainWindow) -> DashboardPanel:
    """Add the dashboard as a side tab of ``window`` and keep it fresh (module contract)."""
    from editor_app.gui.layout_state import scrollable

    panel = DashboardPanel(window.service.db, window.tasks)
    window.side_tabs.addTab(scrollable(panel), translate("Dashboard", "Desk"))
    soon = QTimer(panel)  # a burst of writes (autosave, bulk trash) is counted once
    soon.setSingleShot(True)
    soon.setInterval(REFRESH_DELAY_MS)
    soon.timeout.connect(panel.refresh)
    window.tasks.wrote.connect(lambda _kind: soon.start())
    timer = QTimer(panel)
    timer.setInterval(POLL_SECONDS * 1000)
    timer.timeout.connect(panel.refresh)
    timer.start()
    return panel
