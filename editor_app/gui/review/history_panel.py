"""The "इतिहास (History)" side panel: the article's timeline, a diff of chosen revisions,
and restoring one.

Contract:
- :meth:`HistoryPanel.set_record` names the article shown (after it was opened or saved).
  The timeline is read through the window's :class:`TaskRunner` (newest wins), and only
  while the panel is visible: a hidden panel just remembers that it is stale.
- Selecting two revision rows compares the older with the newer; one row compares it with
  its parent or with the current revision (the "compare with" choice). The diff is read
  and rendered to HTML on a worker thread; the GUI thread only shows it. A diff of the same
  two revisions is not read again (revisions never change).
- Event rows (status changes, trash, import) are shown but cannot be selected.
- "Restore this revision" (only for a user whose role may edit the story in its status)
  asks first, then emits :attr:`HistoryPanel.restore_requested`
  with the revision number; :func:`restore_in_window` saves pending edits, restores
  through the runner (a write) and shows the new revision like any other record.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.article_data import ArticleRecord
from editor_app.core.articles import ArticleService
from editor_app.core.review.history import (
    TimelineEntry,
    diff_revisions,
    restore_revision,
    timeline,
)
from editor_app.core.workflow.statuses import may_edit
from editor_app.gui.display_names import status_label
from editor_app.gui.i18n import QT_TRANSLATE_NOOP, translate
from editor_app.gui.review.diff_view import DiffView, RenderedDiff, render_diff
from editor_app.gui.tasks import TaskRunner
from editor_app.gui.theme import colours

if TYPE_CHECKING:
    from editor_app.gui.main_window import MainWindow

__all__ = ["HistoryPanel", "restore_in_window"]

log = logging.getLogger(__name__)

_KIND_LABELS = {
    "transition": QT_TRANSLATE_NOOP("HistoryPanel", "status change"),
    "workflow": QT_TRANSLATE_NOOP("HistoryPanel", "workflow"),
    "trash": QT_TRANSLATE_NOOP("HistoryPanel", "trashed"),
    "restore": QT_TRANSLATE_NOOP("HistoryPanel", "restored"),
    "import": QT_TRANSLATE_NOOP("HistoryPanel", "import"),
    "merge": QT_TRANSLATE_NOOP("HistoryPanel", "merged"),
}
_COLUMNS = (QT_TRANSLATE_NOOP("HistoryPanel", "What"), QT_TRANSLATE_NOOP("HistoryPanel", "When"),
            QT_TRANSLATE_NOOP("HistoryPanel", "Who"), QT_TRANSLATE_NOOP("HistoryPanel", "Status"),
            QT_TRANSLATE_NOOP("HistoryPanel", "Note"))
_NUMBER_ROLE = Qt.ItemDataRole.UserRole


class HistoryPanel(QWidget):
    """Timeline list over a diff view, with compare and restore controls."""

    restore_requested = Signal(int)
    #: The timeline of this article id was just shown (live refresh's Compare waits on it).
    timeline_shown = Signal(int)

    def __init__(self, tasks: TaskRunner, service: ArticleService,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._service = service
        self._record: ArticleRecord | None = None
        self._stale = False
        self._latest = 0
        self._shown_pair: tuple[int, int, int] | None = None
        self.list = QTreeWidget()
        self.list.setAccessibleName(translate("HistoryPanel", "Revisions"))
        self.list.setHeaderLabels([translate("HistoryPanel", c) for c in _COLUMNS])
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setMinimumHeight(self.list.fontMetrics().height() * 7)  # ~5 rows
        self.list.setToolTip(translate("HistoryPanel", "select two revisions, or one"))
        self.compare_with = QComboBox()
        self.compare_with.addItem(translate("HistoryPanel", "with the previous revision"), "parent")
        self.compare_with.addItem(translate("HistoryPanel", "with the current revision"), "current")
        # the bilingual items must not widen the side panel: elide, full text as tooltip
        self.compare_with.setMinimumWidth(72)
        self.compare_with.setToolTip(self.compare_with.currentText())
        self.compare_with.currentTextChanged.connect(self.compare_with.setToolTip)
        self.side_by_side = QCheckBox(translate("HistoryPanel", "Side by side"))
        self.restore_button = QPushButton(translate("HistoryPanel", "Restore this revision"))
        self.restore_button.setEnabled(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.view = DiffView()
        controls = QHBoxLayout()
        controls.addWidget(QLabel(translate("HistoryPanel", "Compare")))
        controls.addWidget(self.compare_with, 1)
        # The side panel can be ~300 px wide: the long button may shrink (its text is its
        # tooltip too) rather than make the whole panel scroll sideways.
        self.restore_button.setMinimumWidth(120)
        self.restore_button.setToolTip(self.restore_button.text())
        self.side_by_side.setToolTip(self.side_by_side.text())
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.list)
        top_layout.addLayout(controls)
        top_layout.addWidget(self.side_by_side)
        top_layout.addWidget(self.restore_button)
        top_layout.addWidget(self.status)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.view)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([200, 600])  # the diff gets most of the height
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        self.list.itemSelectionChanged.connect(self._selection_changed)
        self.compare_with.currentIndexChanged.connect(lambda _i: self._selection_changed())
        self.side_by_side.toggled.connect(
            lambda on: self.view.set_mode("side" if on else "inline"))
        self.restore_button.clicked.connect(self._confirm_restore)

    # ---------------------------------------------------------------- input
    def set_record(self, record: ArticleRecord | None) -> None:
        """Show the history of ``record``'s article (``None``: nothing open)."""
        changed_article = (record is None or self._record is None
                           or record.id != self._record.id)
        self._record = record
        if changed_article:
            self.list.clear()
            self._latest = 0
            self._shown_pair = None
            self.view.show_diff(None)
        self._update_restore()
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def refresh(self) -> None:
        """Read the timeline again (in the background)."""
        self._stale = False
        record = self._record
        if record is None:
            return
        db = self._service.db
        self._tasks.run(lambda: timeline(db, record.id),
                        done=lambda entries: self._show_timeline(record.id, entries),
                        key="history-timeline", kind="history")

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        """As narrow as the other side tabs: the timeline's five columns and the diff
        scroll instead of widening the window."""
        hint = super().sizeHint()
        return QSize(min(hint.width(), 320), hint.height())

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        """Catch up when shown after changes made while hidden."""
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def selected_revisions(self) -> list[int]:
        """The selected revision numbers, oldest first."""
        numbers = [item.data(0, _NUMBER_ROLE) for item in self.list.selectedItems()]
        return sorted(n for n in numbers if isinstance(n, int))

    def select_revisions(self, *numbers: int) -> None:
        """Select exactly the rows of these revision numbers (for tests and keyboard)."""
        self.list.clearSelection()
        for index in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(index)
            if item is not None and item.data(0, _NUMBER_ROLE) in numbers:
                item.setSelected(True)

    # ---------------------------------------------------------------- timeline
    def _show_timeline(self, article_id: int, entries: list[TimelineEntry]) -> None:
        if self._record is None or self._record.id != article_id:
            return
        keep = self.selected_revisions()
        self.list.blockSignals(True)
        try:
            self.list.clear()
            for entry in entries:
                self.list.addTopLevelItem(self._item(entry))
            self._latest = max((e.revision or 0 for e in entries), default=0)
            if keep:
                self.select_revisions(*keep)
        finally:
            self.list.blockSignals(False)
        for column in range(len(_COLUMNS) - 1):
            self.list.resizeColumnToContents(column)
        self._selection_changed()
        self.timeline_shown.emit(article_id)

    @staticmethod
    def _item(entry: TimelineEntry) -> QTreeWidgetItem:
        if entry.revision is not None:
            what = translate("HistoryPanel", "revision {n}").format(n=entry.revision)
        else:
            what = translate("HistoryPanel", _KIND_LABELS.get(entry.kind, entry.kind))
        note = entry.note
        if entry.kind == "transition":
            moved = (f"{status_label(str(entry.detail.get('from', '?')))} → "
                     f"{status_label(str(entry.detail.get('to', '?')))}")
            override = entry.detail.get("override")
            if override:  # the workflow stores the reason given for overriding the gate
                moved += " — " + translate("HistoryPanel", "override")
                if isinstance(override, str):
                    moved += f": {override}"
            note = f"{moved}  {note}".strip()
        when = entry.at.astimezone().strftime("%d-%m-%Y %H:%M")
        item = QTreeWidgetItem([what, when, entry.who or "—",
                                status_label(entry.status), note])
        item.setToolTip(4, note)
        # a narrow panel scrolls the columns: the first one tells everything on hover
        item.setToolTip(0, "\n".join(p for p in (what, when, entry.who,
                                                   item.text(3), note) if p))
        if entry.revision is not None:
            item.setData(0, _NUMBER_ROLE, entry.revision)
        else:
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)  # shown, not selectable
            item.setForeground(0, QColor(colours().muted_text))
        return item

    # ---------------------------------------------------------------- diff
    def _pair(self) -> tuple[int, int] | None:
        numbers = self.selected_revisions()
        if len(numbers) >= 2:
            return numbers[0], numbers[-1]
        if len(numbers) == 1:
            if self.compare_with.currentData() == "current":
                return numbers[0], self._latest
            if numbers[0] > 1:
                return numbers[0] - 1, numbers[0]
        return None

    def _selection_changed(self) -> None:
        self._update_restore()
        record = self._record
        numbers = self.selected_revisions()
        if record is None or not numbers:
            return
        if len(numbers) > 2:
            self.status.setText(translate("HistoryPanel", "comparing the first and last selected"))
        else:
            self.status.setText("")
        pair = self._pair()
        if pair is None:
            self._shown_pair = None
            self.view.show_message(translate("HistoryPanel",
                                             "the first revision: nothing before it"))
            return
        key = (record.id, *pair)
        if key == self._shown_pair:
            return
        self._shown_pair = key
        service = self._service
        old, new = pair

        def work() -> RenderedDiff:
            return render_diff(diff_revisions(service, record.id, old, new))

        self._tasks.run(work, done=lambda rendered: self._show_rendered(key, rendered),
                        failed=self._diff_failed, key="history-diff", kind="history-diff")

    def _show_rendered(self, key: tuple[int, int, int], rendered: RenderedDiff) -> None:
        if key == self._shown_pair:
            self.view.show_diff(rendered)

    def _diff_failed(self, error: BaseException) -> None:
        self._shown_pair = None
        log.warning("history diff failed: %s", error)
        self.view.show_message(translate("HistoryPanel", "could not compare") + f": {error}")

    # ---------------------------------------------------------------- restore
    def _update_restore(self) -> None:
        numbers = self.selected_revisions()
        record = self._record
        self.restore_button.setEnabled(
            record is not None and not record.trashed and not self._service.db.read_only
            and may_edit(self._service.actor.role, record.status)
            and len(numbers) == 1 and numbers[0] != self._latest)

    def _confirm_restore(self) -> None:
        numbers = self.selected_revisions()
        if len(numbers) != 1:
            return
        number = numbers[0]
        answer = QMessageBox.question(
            self, translate("HistoryPanel", "Restore revision"),
            translate("HistoryPanel", "Save revision {n}'s text and details as a new revision? "
                      "The current text stays in the history.").format(n=number))
        if answer == QMessageBox.StandardButton.Yes:
            self.restore_requested.emit(number)


def restore_in_window(window: MainWindow, number: int) -> None:
    """Restore revision ``number`` of the window's article: pending edits are saved first,
    then the restore runs as a background write and the new record is shown (errors such
    as a conflict go to the window's error dialogs)."""
    if window.record is None:
        return
    article_id = window.record.id
    service = window.service

    def start() -> None:
        record = window.record
        if record is None or record.id != article_id:
            return
        version = record.version
        window.tasks.run(lambda: restore_revision(service, article_id, number, version),
                         done=window._on_replaced, write=True, kind="restore-revision")

    window.save_now(then=start)
