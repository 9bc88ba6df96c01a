"""The desk in the main window: queues for the acting user, assignments, the dashboard.

Contract of :func:`install_desk` (one call from ``MainWindow.__init__``):
- the list's queues ("My queue", "Waiting for me") are evaluated for ``window.profile``
  (and for the new user after File → Switch user: the list reloads);
- a "डेस्क (Desk)" menu holds Assign…, Take, Unassign and Dashboard; they act on the open
  article through :class:`~editor_app.core.workflow.assignments.AssignmentService` on the
  window's serial writer (the core checks the role: a refusal becomes an error dialog);
- after a change the article's list row is re-read (assignee and deadline columns) and the
  dashboard is refreshed;
- the dashboard is a side tab (:func:`~editor_app.gui.review.dashboard.install_dashboard`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QMenu,
    QWidget,
)

from editor_app.core.article_data import ArticleSummary
from editor_app.core.errors import SampadakError
from editor_app.core.profiles import Actor, Role
from editor_app.core.workflow.assignments import (
    Assignment,
    AssignmentService,
    assignable_users,
)
from editor_app.core.workflow.statuses import DESK
from editor_app.core.workflow.times import IST
from editor_app.gui.accessibility import name_from_labels
from editor_app.gui.dialogs.errors import show_error
from editor_app.gui.display_names import role_label
from editor_app.gui.i18n import translate
from editor_app.gui.layout_state import SIDE_INDEX
from editor_app.gui.review.dashboard import DashboardPanel, install_dashboard
from editor_app.gui.review.publishing_actions import PublishingActions, install_publishing

if TYPE_CHECKING:
    from editor_app.gui.main_window import MainWindow

__all__ = ["AssignDialog", "DeskActions", "desk_menu", "install_desk"]

log = logging.getLogger(__name__)


class AssignDialog(QDialog):
    """Pick an assignee and an optional deadline (entered and shown in IST)."""

    def __init__(self, users: Sequence[Actor], current: int | None,
                 deadline: datetime | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("AssignDialog", "Assign"))
        self.assignee = QComboBox()
        for user in users:
            self.assignee.addItem(f"{user.name} — {role_label(user.role)}", user.id)
        if current is not None and self.assignee.findData(current) >= 0:
            self.assignee.setCurrentIndex(self.assignee.findData(current))
        self.has_deadline = QCheckBox(translate("AssignDialog", "Deadline") + ", IST")
        self.deadline = QDateTimeEdit()
        self.deadline.setDisplayFormat("dd-MM-yyyy HH:mm")
        self.deadline.setCalendarPopup(True)
        start = deadline or (datetime.now(UTC) + timedelta(hours=2)).replace(
            minute=0, second=0, microsecond=0)
        self.set_deadline(start)
        self.has_deadline.setChecked(deadline is not None)
        self.deadline.setEnabled(deadline is not None)
        self.has_deadline.toggled.connect(self.deadline.setEnabled)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(translate("AssignDialog", "Assignee"), self.assignee)
        form.addRow(self.has_deadline, self.deadline)
        form.addRow(buttons)
        name_from_labels(self)

    def set_deadline(self, moment: datetime) -> None:
        """Show ``moment`` (aware) in the editor, in IST."""
        local = moment.astimezone(IST).replace(tzinfo=None)
        self.deadline.setDateTime(QDateTime(local.year, local.month, local.day, local.hour,
                                            local.minute, 0))

    def chosen(self) -> tuple[int, datetime | None] | None:
        """The picked assignee id and deadline (aware UTC), or None with nobody to pick."""
        user_id = self.assignee.currentData()
        if user_id is None:
            return None
        if not self.has_deadline.isChecked():
            return int(user_id), None
        local = self.deadline.dateTime().toPython()
        assert isinstance(local, datetime)
        return int(user_id), local.replace(tzinfo=IST).astimezone(UTC)


@dataclass
class DeskActions:
    """The desk menu's actions on one window."""

    assign: QAction
    take: QAction
    unassign: QAction
    dashboard: QAction
    panel: DashboardPanel
    publishing: PublishingActions


def desk_menu(window: MainWindow) -> QMenu:
    """The window's "डेस्क (Desk)" menu (made on first use; other desk actions join it)."""
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu) and menu.objectName() == "desk_menu":
            return menu
    menu = QMenu(translate("Desk", "&Desk"), window)
    menu.setObjectName("desk_menu")
    # before the Workflow menu (which stays next to Help), else before Help
    bar = window.menuBar()
    workflow = getattr(getattr(window, "workflow", None), "menu", None)
    anchor = workflow.menuAction() if isinstance(workflow, QMenu) else bar.actions()[-1]
    bar.insertMenu(anchor, menu)
    return menu


def install_desk(window: MainWindow) -> DeskActions:
    """Wire queues, assignment actions and the dashboard into ``window`` (module contract)."""
    window.lists.viewer = window.profile
    window.workflow.actor_changed.connect(lambda actor: _switch_viewer(window, actor))
    panel = install_dashboard(window)

    def act(text: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, window)
        action.triggered.connect(slot)
        return action

    actions = DeskActions(
        assign=act(translate("Desk", "&Assign…"), lambda: assign_dialog(window, panel)),
        take=act(translate("Desk", "&Take the story"), lambda: take(window, panel)),
        unassign=act(translate("Desk", "&Unassign"), lambda: unassign(window, panel)),
        dashboard=act(translate("Desk", "Dash&board"), lambda: _show_panel(window, panel)),
        panel=panel, publishing=install_publishing(window, panel.refresh))
    menu = desk_menu(window)
    for action in (actions.assign, actions.take, actions.unassign):
        menu.addAction(action)
    menu.addSeparator()
    menu.addAction(actions.publishing.embargo)
    menu.addSeparator()
    menu.addAction(actions.dashboard)
    menu.aboutToShow.connect(lambda: _update_enabled(window, actions))
    _update_enabled(window, actions)
    return actions


def _switch_viewer(window: MainWindow, actor: Actor) -> None:
    """Switch user: the queues are now the new user's."""
    window.lists.viewer = actor
    if window.article_list.queue() is not None:
        window.reload_list()


def _update_enabled(window: MainWindow, actions: DeskActions) -> None:
    record = window.record
    role = window.profile.role
    live = record is not None and not record.trashed and not window.service.db.read_only
    actions.assign.setEnabled(live and role in DESK)
    actions.take.setEnabled(live and role in DESK | {Role.COPY_EDITOR})
    mine = record is not None and record.desk.assignee_id == window.profile.id
    actions.unassign.setEnabled(live and record is not None
                                and record.desk.assignee_id is not None
                                and (role in DESK or mine))
    actions.publishing.update_enabled()


def _show_panel(window: MainWindow, panel: DashboardPanel) -> None:
    window.panels.set_panel_open(SIDE_INDEX, True)
    window.side_tabs.setCurrentIndex(window.side_tab_of(panel))
    panel.refresh()


def _run(window: MainWindow, panel: DashboardPanel,
         work: Callable[[AssignmentService], Assignment]) -> None:
    """Run an assignment change on the writer; then refresh the row and the dashboard."""
    if window.record is None:
        return
    service = AssignmentService(window.service.db, window.profile)
    article_id = window.record.id
    articles = window.service

    def job() -> tuple[Assignment, ArticleSummary]:
        done = work(service)
        return done, articles.summary(article_id)

    def done(result: tuple[Assignment, ArticleSummary]) -> None:
        assignment, summary = result
        window.article_list.model.update_row(summary)
        record = window.record
        if record is not None and record.id == assignment.article_id:
            window.record = replace(record, desk=replace(
                record.desk, assignee_id=assignment.assignee_id,
                assignee=assignment.assignee, deadline=assignment.deadline))
        window.statusBar().showMessage(
            translate("Desk", "assigned") + f": {assignment.assignee}" if assignment.assignee_id
            else translate("Desk", "unassigned"), 5000)
        panel.refresh()

    def failed(error: BaseException) -> None:
        if not isinstance(error, SampadakError):
            raise error
        show_error(window, translate("Desk", "Not assigned"), error)

    window.tasks.run(job, done=done, failed=failed, write=True, kind="assign")


def assign_dialog(window: MainWindow, panel: DashboardPanel) -> None:
    """Ask whom (and by when) to assign the open article to, then assign it (the list of
    users is read in the background first)."""
    record = window.record
    if record is None:
        return
    db = window.service.db

    def ask(users: list[Actor]) -> None:
        if window.record is None or window.record.id != record.id:
            return  # another article was opened meanwhile
        dialog = AssignDialog(users, record.desk.assignee_id, record.desk.deadline, window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        chosen = dialog.chosen()
        if chosen is None:
            return
        user_id, deadline = chosen
        _run(window, panel, lambda s: s.assign(record.id, user_id, deadline=deadline))

    window.tasks.run(lambda: assignable_users(db), done=ask, key="assignable",
                     kind="assignable")


def take(window: MainWindow, panel: DashboardPanel) -> None:
    """Assign the open article to the acting user (keeping its deadline)."""
    record = window.record
    if record is not None:
        _run(window, panel, lambda s: s.take(record.id, deadline=record.desk.deadline))


def unassign(window: MainWindow, panel: DashboardPanel) -> None:
    """Clear the open article's assignee and deadline."""
    record = window.record
    if record is not None:
        _run(window, panel, lambda s: s.unassign(record.id))
