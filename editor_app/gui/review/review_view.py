"""The "समीक्षा (Review)" side tab: tracked changes of the open article and their decisions.

Contracts:
- :class:`ReviewPanel` is a passive view: the marked-up text (:class:`ReviewText`), the list
  of open suggestions (author colour swatch, author, field, old → new, tooltip with the
  time), the decided ones (state, who, when) and the decision buttons: accept/reject the
  selected items (one or many; also from the item's context menu), all, or all by the
  reviewer picked in the combo box. It emits :attr:`ReviewPanel.decision_requested` and
  never touches the database.
- :class:`ReviewController` (made by :func:`install_review`) follows the window's article
  (``article_shown``, ``saved``, the workflow's ``moved`` and ``actor_changed``), loads the
  tracked view through ``window.tasks`` (off the GUI thread, newest wins) and runs
  decisions on the serial writer after pending edits are saved; the decided article is then
  shown again in the editor. Core decides who may decide: the buttons are only a hint
  (enabled for the story's reporter and the desk).
- The marked-up text is laid out only while the tab is visible (a hidden tab catches up
  when shown) and only when the view changed: laying out a 25,000-word body takes about
  half a second on the project's 2-core machine, too much for every autosave.
- The editor itself keeps showing the current text; nothing here switches tracking off.
"""

from __future__ import annotations

import logging
from collections.abc import Hashable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.article_data import ArticleRecord
from editor_app.core.profiles import Actor
from editor_app.core.review.tracking import TrackingService
from editor_app.core.review.tracking_values import DecisionResult, SuggestionInfo, TrackedView
from editor_app.core.workflow.statuses import DESK, Status
from editor_app.gui.display_names import field_label
from editor_app.gui.i18n import QT_TRANSLATE_NOOP, translate
from editor_app.gui.locale_format import format_count
from editor_app.gui.review.review_text import (
    ReviewText,
    author_colours,
    author_key,
    describe,
)
from editor_app.gui.theme import follow_theme

if TYPE_CHECKING:
    from editor_app.gui.main_window import MainWindow

__all__ = ["ReviewController", "ReviewPanel", "install_review"]

log = logging.getLogger(__name__)
_ID_ROLE = int(Qt.ItemDataRole.UserRole)
_STATE_LABELS = {"accepted": ("✓ ", QT_TRANSLATE_NOOP("ReviewPanel", "accepted")),
                 "rejected": ("✗ ", QT_TRANSLATE_NOOP("ReviewPanel", "rejected")),
                 "withdrawn": ("↶ ", QT_TRANSLATE_NOOP("ReviewPanel", "withdrawn")),
                 "open": ("", QT_TRANSLATE_NOOP("ReviewPanel", "open"))}
TAB_LABEL = QT_TRANSLATE_NOOP("ReviewPanel", "Review")


def _swatch(colour: QColor) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(colour)
    return QIcon(pixmap)


def _short(text: str, limit: int = 40) -> str:
    clean = " ".join(text.split())
    return clean if len(clean) <= limit else clean[: limit - 1] + "…"


class ReviewPanel(QWidget):
    """Tracked changes of one article with accept/reject controls (a passive view)."""

    #: (accept?, suggestion ids or None for all, author id or None)
    decision_requested = Signal(bool, object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view: TrackedView | None = None
        self.colours: dict[Hashable, QColor] = {}
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.text = ReviewText()
        self.list = QListWidget()
        self.list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._item_menu)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.decided = QListWidget()
        self.text.setAccessibleName(translate("ReviewPanel", "Text with suggestions"))
        self.list.setAccessibleName(translate("ReviewPanel", "Open suggestions"))
        self.decided.setAccessibleName(translate("ReviewPanel", "Decided suggestions"))
        self.accept_button = QPushButton("✓ " + translate("ReviewPanel", "Accept"))
        self.reject_button = QPushButton("✗ " + translate("ReviewPanel", "Reject"))
        self.accept_all_button = QPushButton("✓ " + translate("ReviewPanel", "Accept all"))
        self.reject_all_button = QPushButton("✗ " + translate("ReviewPanel", "Reject all"))
        self.accept_button.setToolTip(translate("ReviewPanel", "accept the selected suggestions"))
        self.reject_button.setToolTip(translate("ReviewPanel", "reject the selected suggestions"))
        self.accept_all_button.setToolTip(translate("ReviewPanel", "accept every open suggestion"))
        self.reject_all_button.setToolTip(translate("ReviewPanel", "reject every open suggestion"))
        self.reviewer = QComboBox()
        self.reviewer.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.reviewer.setMinimumContentsLength(10)
        self.reviewer.setToolTip(translate("ReviewPanel", "all suggestions by one reviewer"))
        self.accept_by_button = QPushButton("✓ " + translate("ReviewPanel", "Theirs"))
        self.reject_by_button = QPushButton("✗ " + translate("ReviewPanel", "Theirs"))
        self.accept_by_button.setToolTip(translate("ReviewPanel",
                                                   "accept all suggestions by this reviewer"))
        self.reject_by_button.setToolTip(translate("ReviewPanel",
                                                   "reject all suggestions by this reviewer"))
        self.accept_button.clicked.connect(lambda: self._decide_selected(True))
        self.reject_button.clicked.connect(lambda: self._decide_selected(False))
        self.accept_all_button.clicked.connect(
            lambda: self.decision_requested.emit(True, None, None))
        self.reject_all_button.clicked.connect(
            lambda: self.decision_requested.emit(False, None, None))
        self.accept_by_button.clicked.connect(lambda: self._decide_by(True))
        self.reject_by_button.clicked.connect(lambda: self._decide_by(False))
        for button in (self.accept_button, self.reject_button, self.accept_all_button,
                       self.reject_all_button, self.accept_by_button, self.reject_by_button):
            # the side panel may be ~320 px wide: buttons share it instead of widening it
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            button.setMinimumWidth(80)
        buttons = QGridLayout()
        buttons.addWidget(self.accept_button, 0, 0)
        buttons.addWidget(self.reject_button, 0, 1)
        buttons.addWidget(self.accept_all_button, 1, 0)
        buttons.addWidget(self.reject_all_button, 1, 1)
        buttons.addWidget(self.reviewer, 2, 0, 1, 2)
        buttons.addWidget(self.accept_by_button, 3, 0)
        buttons.addWidget(self.reject_by_button, 3, 1)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(QLabel(translate("ReviewPanel", "Suggestions")))
        lower_layout.addWidget(self.list, 2)
        lower_layout.addLayout(buttons)
        self.decided_label = QLabel(translate("ReviewPanel", "Decided"))
        lower_layout.addWidget(self.decided_label)
        lower_layout.addWidget(self.decided, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.text)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([420, 300])
        self.decided.setMaximumHeight(100)
        self.list.setMinimumHeight(90)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(splitter, 1)
        self._may_decide = False
        # the authors' colours and the text marks follow the theme, live
        follow_theme(self, lambda _theme: self.show_view(self.view, may_decide=self._may_decide)
                     if self.view is not None else None)
        self._text_stale = False
        self._text_view: TrackedView | None = None
        self.show_view(None)

    # -------------------------------------------------------------- showing
    def show_view(self, view: TrackedView | None, *, may_decide: bool = False) -> None:
        """Show ``view`` (``None``: no article); ``may_decide`` enables the buttons."""
        self.view = view
        self._may_decide = may_decide
        self.colours = author_colours(view.open + view.decided) if view else {}
        self._text_stale = True
        if self.isVisible():
            self._show_text()
        self.list.clear()
        self.decided.clear()
        self.reviewer.clear()
        if view is None:
            self.status.setText(translate("ReviewPanel", "no article open"))
        elif view.status == Status.IN_COPY_EDIT and view.tracking:
            self.status.setText(translate("ReviewPanel",
                                          "in copy edit: every change is recorded as a suggestion"))
        elif view.open:
            self.status.setText(translate("ReviewPanel", "suggestions waiting for a decision"))
        else:
            self.status.setText(translate("ReviewPanel", "no open suggestions"))
        if view is not None:
            for info in view.open:
                self.list.addItem(self._item(info))
            for info in reversed(view.decided):
                self.decided.addItem(self._decided_item(info))
        self.decided.setVisible(self.decided.count() > 0)  # room for the open ones
        self.decided_label.setVisible(self.decided.count() > 0)
        if view is not None:
            seen: dict[Hashable, SuggestionInfo] = {}
            for info in view.open:
                seen.setdefault(author_key(info), info)
            for key, info in seen.items():
                self.reviewer.addItem(_swatch(self.colours[key]), info.author_name,
                                      info.author_id)
        self._update_buttons()

    def _show_text(self) -> None:
        """Lay out the marked-up text (the costly part on a long body: only while the tab
        is visible, and only when the view changed)."""
        self._text_stale = False
        if self.view == self._text_view and self.view is not None:
            return
        self._text_view = self.view
        self.text.show_view(self.view, self.colours)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._text_stale:
            self._show_text()

    def _item(self, info: SuggestionInfo) -> QListWidgetItem:
        field = "" if info.field == "body" else f"[{field_label(info.field)}] "
        if not info.old_text:
            change = f"+ «{_short(info.new_text)}»"
        elif not info.new_text:
            change = f"− «{_short(info.old_text)}»"
        else:
            change = f"«{_short(info.old_text)}» → «{_short(info.new_text)}»"
        item = QListWidgetItem(f"{info.id}. {info.author_name}: {field}{change}")
        item.setIcon(_swatch(self.colours[author_key(info)]))
        item.setToolTip(describe(info))
        item.setData(_ID_ROLE, info.id)
        return item

    def _decided_item(self, info: SuggestionInfo) -> QListWidgetItem:
        when = info.decided_at.astimezone().strftime("%d-%m-%Y %H:%M") if info.decided_at else ""
        mark, name = _STATE_LABELS.get(info.state, ("", info.state))
        state = mark + translate("ReviewPanel", name)
        item = QListWidgetItem(
            f"{info.id}. {state} · {info.decided_by_name} {when} — "
            f"«{_short(info.old_text, 20)}» → «{_short(info.new_text, 20)}» "
            f"({info.author_name})")
        item.setToolTip(f"{state}: {info.decided_by_name} {when}\n{describe(info)}")
        item.setData(_ID_ROLE, info.id)
        return item

    def selected_ids(self) -> list[int]:
        """Ids of the selected open suggestions, in list order."""
        return [int(self.list.item(row).data(_ID_ROLE))
                for row in range(self.list.count()) if self.list.item(row).isSelected()]

    def _update_buttons(self) -> None:
        has_open = self.list.count() > 0
        selected = bool(self.list.selectedItems())
        for button in (self.accept_button, self.reject_button):
            button.setEnabled(self._may_decide and selected)
        for widget in (self.accept_all_button, self.reject_all_button, self.reviewer,
                       self.accept_by_button, self.reject_by_button):
            widget.setEnabled(self._may_decide and has_open)

    # -------------------------------------------------------------- intents
    def _decide_selected(self, accept: bool) -> None:
        ids = self.selected_ids()
        if ids:
            self.decision_requested.emit(accept, ids, None)

    def _decide_by(self, accept: bool) -> None:
        if self.reviewer.currentIndex() < 0 or self.view is None:
            return
        author_id = self.reviewer.currentData()
        if author_id is None:  # an unattributed author: by name
            name = self.reviewer.currentText()
            ids = [s.id for s in self.view.open
                   if s.author_id is None and s.author_name == name]
            self.decision_requested.emit(accept, ids, None)
        else:
            self.decision_requested.emit(accept, None, int(author_id))

    def _item_menu(self, point: QPoint) -> None:
        item = self.list.itemAt(point)
        if item is None or not self._may_decide:
            return
        if not item.isSelected():
            self.list.setCurrentItem(item)
        menu = QMenu(self)
        menu.addAction(self.accept_button.text(), lambda: self._decide_selected(True))
        menu.addAction(self.reject_button.text(), lambda: self._decide_selected(False))
        menu.exec(self.list.viewport().mapToGlobal(point))


class ReviewController(QObject):
    """Keeps the review tab in step with the window's article (see the module contract)."""

    def __init__(self, window: MainWindow, panel: ReviewPanel) -> None:
        super().__init__(window)
        self.window = window
        self.panel = panel
        self.article_id: int | None = None
        panel.decision_requested.connect(self.decide)

    def actor(self) -> Actor:
        """The window's acting user (it changes with Switch user)."""
        return self.window.service.actor

    def show_record(self, record: ArticleRecord | None) -> None:
        """The window shows ``record`` (``None``: nothing): load its tracked view."""
        self.article_id = record.id if record is not None else None
        self.refresh()

    def refresh(self) -> None:
        """Reload the tracked view of the current article in the background."""
        article_id = self.article_id
        if article_id is None:
            self._shown(None)
            return
        service = TrackingService(self.window.service.db, self.actor())
        self.window.tasks.run(lambda: service.view(article_id), done=self._shown,
                              key="review.view", kind="review")

    def _shown(self, view: TrackedView | None) -> None:
        if view is not None and view.article_id != self.article_id:
            return
        actor = self.actor()
        may = view is not None and (actor.role in DESK or (
            view.owner_id is not None and view.owner_id == actor.id))
        self.panel.show_view(view, may_decide=may)
        tabs = self.window.side_tabs
        index = tabs.indexOf(self.panel)
        count = len(view.open) if view is not None else 0
        label = translate("ReviewPanel", TAB_LABEL)
        tabs.setTabText(index, f"{label} {format_count(count)}" if count else label)

    def decide(self, accept: bool, ids: list[int] | None, author_id: int | None) -> None:
        """Accept or reject (after pending edits are saved), then show the result."""
        article_id = self.article_id
        if article_id is None:
            return
        def run() -> None:
            record = self.window.record
            version = record.version if record is not None and record.id == article_id \
                else None
            service = TrackingService(self.window.service.db, self.actor())
            call = service.accept if accept else service.reject
            self.window.tasks.run(
                lambda: call(article_id, ids, author_id=author_id, expected_version=version),
                done=self._decided, write=True, kind="review.decide")

        self.window.save_now(then=run)

    def _decided(self, result: DecisionResult) -> None:
        service = self.window.service
        self.window.tasks.run(lambda: service.get(result.article_id), done=self._reshow,
                              key="open", kind="open")
        n = len(result.decided)
        self.window.statusBar().showMessage(
            translate("ReviewController", "{n} suggestions decided").format(n=format_count(n)),
            5000)

    def _reshow(self, record: ArticleRecord) -> None:
        if self.window.record is not None and self.window.record.id == record.id:
            self.window._on_replaced(record)  # shows it in the editor, emits article_shown
        else:
            self.refresh()


def install_review(window: MainWindow) -> ReviewController:
    """Add the Review side tab to ``window`` and keep it in step with the open article."""
    panel = ReviewPanel()
    window.side_tabs.addTab(panel, translate("ReviewPanel", TAB_LABEL))
    controller = ReviewController(window, panel)
    window.article_shown.connect(controller.show_record)
    window.saved.connect(lambda _id: controller.refresh())
    # a status move or Switch user changes what the tab says and who may decide
    window.workflow.moved.connect(lambda _id: controller.refresh())
    window.workflow.actor_changed.connect(lambda _actor: controller.refresh())
    return controller
