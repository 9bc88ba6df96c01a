"""The window's workflow controller: status strip, Workflow menu, moves and Switch user.

Contract:
- :func:`install_workflow` puts the :class:`~editor_app.gui.workflow.strip.WorkflowStrip`
  above the editor, adds the "कार्यप्रवाह (Workflow)" menu and "उपयोगकर्ता बदलें (Switch
  user)" to the File menu, and returns the controller (``window.workflow``).
- :meth:`WorkflowController.refresh` (called from the window's ``_update_editable``) shows
  the open story's status and the moves the acting user may make, from the one table (the
  owner's name is read in the background), and enables New/Duplicate only for roles that
  may write drafts.
- A move saves pending edits first, asks for a note where the move needs one, then runs
  :meth:`WorkflowService.transition` on the runner's writer thread. A refusal shows every
  reason (:func:`~editor_app.gui.workflow.dialogs.show_refusal`); a desk chief may override
  with a written reason, which runs the move again with ``override``.
- Switch user saves pending edits, then gives the window's one ``ArticleService`` (shared by
  the save and list controllers) the new actor, so every later call acts for that user;
  the editor's read-only state and the strip follow, and the spell-checker takes the new
  user's personal ignore list (in the background).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QBoxLayout, QInputDialog, QMenu, QWidget

from editor_app.core.article_data import ArticleRecord
from editor_app.core.dictionary import PersonalWordList
from editor_app.core.errors import SampadakError
from editor_app.core.profiles import Actor
from editor_app.core.users import actor_id, list_users
from editor_app.core.workflow.rights import known_status
from editor_app.core.workflow.service import StatusInfo, TransitionRefused, WorkflowService
from editor_app.core.workflow.statuses import Status, Transition, may_edit, move, moves_from
from editor_app.gui.dialogs.errors import show_error
from editor_app.gui.display_names import move_label, role_label, status_label
from editor_app.gui.editor.spell_highlighter import notify_dictionary_changed
from editor_app.gui.i18n import translate
from editor_app.gui.workflow import dialogs
from editor_app.gui.workflow.strip import WorkflowStrip

if TYPE_CHECKING:
    from editor_app.gui.main_window import MainWindow

__all__ = ["WorkflowController", "choose_user", "install_workflow"]

log = logging.getLogger(__name__)


def choose_user(parent: QWidget | None, users: list[Actor], current: Actor) -> Actor | None:
    """Ask which active user works now (``None``: cancelled)."""
    labels = [f"{u.name} — {role_label(u.role)}" + (f" [{u.login}]" if u.login else "")
              for u in users]
    index = next((i for i, u in enumerate(users) if u.id == current.id), 0)
    text, ok = QInputDialog.getItem(parent, translate("Controller", "Switch user"),
                                    translate("Controller", "who is working now?"), labels,
                                    index, False)
    if not ok or text not in labels:
        return None
    return users[labels.index(text)]


class WorkflowController(QObject):
    """Status strip, moves and Switch user for one window (see the module contract)."""

    #: An article moved to another status (its id); emitted after the window updated.
    moved = Signal(int)
    #: The acting user changed (the new actor).
    actor_changed = Signal(object)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.strip = WorkflowStrip()
        self.strip.move_requested.connect(self.request)
        layout = window.editor.layout()
        assert isinstance(layout, QBoxLayout)
        layout.insertWidget(0, self.strip)
        window.statusBar().addPermanentWidget(self.strip.user_label)
        self.menu = QMenu(translate("WorkflowController", "&Workflow"), window)
        self.switch_action = QAction(translate("WorkflowController", "S&witch user…"), window)
        self.switch_action.triggered.connect(self.switch_user)
        self._owner: tuple[int, str] = (0, "")  # (article id, owner's name)

    @property
    def actor(self) -> Actor:
        """The window's acting user."""
        return self.window.service.actor

    def service(self) -> WorkflowService:
        """A workflow service for the acting user, with the window's style and speller."""
        window = self.window
        return WorkflowService(window.service.db, self.actor, style=window.house_style,
                               speller=window.speller)

    def may_edit(self, record: ArticleRecord | None) -> bool:
        """Whether the acting user may edit ``record``'s text in its status."""
        return record is not None and may_edit(self.actor.role, record.status)

    def moves(self, record: ArticleRecord | None) -> list[Transition]:
        """The moves the acting user may make with ``record`` (none when trashed)."""
        if record is None or record.trashed:
            return []
        return [t for t in moves_from(known_status(record.status))
                if self.actor.role in t.roles]

    # ------------------------------------------------------------ showing
    def refresh(self) -> None:
        """Show the open story's status and moves (see the module contract)."""
        record = self.window.record
        writable = not self.window.service.db.read_only
        moves = self.moves(record) if writable else []
        status = known_status(record.status) if record is not None else None
        owner = self._owner[1] if record is not None and self._owner[0] == record.id else ""
        self.strip.show_status(status, moves, self.actor, owner=owner,
                               editable=writable and self.may_edit(record))
        self._fill_menu(moves)
        # a new story is a draft: only roles that write drafts may create one
        writes_drafts = writable and may_edit(self.actor.role, Status.DRAFT)
        self.window.new_action.setEnabled(writes_drafts)
        self.window.duplicate_action.setEnabled(writes_drafts and record is not None)
        if record is not None:
            article_id, workflow = record.id, self.service()
            self.window.tasks.run(lambda: workflow.status(article_id), done=self._show_owner,
                                  failed=lambda _e: None, key="workflow-status",
                                  kind="workflow")

    def _show_owner(self, info: StatusInfo) -> None:
        record = self.window.record
        owner = (info.article_id, info.owner)
        if record is None or record.id != info.article_id or owner == self._owner:
            return
        self._owner = owner
        self.refresh()

    def _fill_menu(self, moves: list[Transition]) -> None:
        self.menu.clear()
        for rule in moves:
            act = self.menu.addAction(move_label(rule) + ("…" if rule.needs_note else ""))
            act.triggered.connect(lambda _=False, t=rule.target.value: self.request(t))
        if not moves:
            none = self.menu.addAction(translate("WorkflowController", "no moves for you"))
            none.setEnabled(False)
        self.menu.addSeparator()
        self.menu.addAction(self.switch_action)

    # ------------------------------------------------------------ moving
    def request(self, target: str) -> None:
        """Move the open story to ``target`` (asks for a note where needed)."""
        record = self.window.record
        if record is None:
            return
        rule = move(known_status(record.status), target)
        note = ""
        if rule is not None and rule.needs_note:
            answer = dialogs.ask_note(self.window, move_label(rule))
            if answer is None:
                return
            note = answer
        self._run(record.id, target, note, None)

    def _run(self, article_id: int, target: str, note: str, override: str | None) -> None:
        window = self.window

        def start() -> None:
            record = window.record
            if record is None or record.id != article_id:
                return
            version, workflow = record.version, self.service()
            window.tasks.run(
                lambda: workflow.transition(article_id, target, note=note, override=override,
                                            expected_version=version),
                done=self._moved, failed=lambda e: self._refused(e, article_id, target, note),
                write=True, kind="workflow")

        window.save_now(then=start)

    def _refused(self, error: BaseException, article_id: int, target: str,
                 note: str) -> None:
        if isinstance(error, TransitionRefused):
            reason = dialogs.show_refusal(self.window, error)
            if reason:
                self._run(article_id, target, note, reason)
            return
        if isinstance(error, SampadakError):
            show_error(self.window, translate("WorkflowController", "Status not changed"), error)
            return
        raise error

    def _moved(self, record: ArticleRecord) -> None:
        window = self.window
        if window.record is not None and window.record.id == record.id:
            window.record = record
            window.saver.record = record  # the move bumped the version
        window.article_list.model.update_row(record.summary())
        window.statusBar().showMessage(
            translate("WorkflowController", "status") + f": {status_label(record.status)}", 5000)
        window.update_editable()
        self.moved.emit(record.id)

    # ------------------------------------------------------------ switch user
    def switch_user(self) -> None:
        """Ask who works now (active users, read in the background) and switch to them."""
        db = self.window.service.db
        self.window.tasks.run(lambda: list_users(db, include_inactive=False),
                              done=self._pick_user, kind="users")

    def _pick_user(self, users: list[Actor]) -> None:
        chosen = choose_user(self.window, users, self.actor)
        if chosen is not None and chosen != self.actor:
            self.window.save_now(then=lambda: self.set_actor(chosen))

    def set_actor(self, actor: Actor) -> None:
        """Act as ``actor`` from now on (pending edits must already be saved)."""
        window = self.window
        window.service.actor = actor
        window.profile = actor
        for panel in (window.checks, window.images):  # who ignores findings, adds images
            if hasattr(panel, "_user"):
                panel._user = actor.name
        self._switch_speller(actor)
        log.info("acting user is now %s (%s)", actor.name, actor.role.value)
        working = translate("WorkflowController", "{name} ({role}) is working now")
        window.statusBar().showMessage(
            working.format(name=actor.name, role=role_label(actor.role)), 5000)
        window.update_editable()
        self.actor_changed.emit(actor)


    def _switch_speller(self, actor: Actor) -> None:
        """Give the window's spell-checker the new user's personal ignore list (read in the
        background), then recheck what is shown."""
        window = self.window
        speller, db = window.speller, window.service.db

        def switch() -> None:
            personal = PersonalWordList(db, actor.id) if actor_id(actor) is not None else None
            speller.switch_user(personal, actor.name)

        def recheck(_result: None) -> None:
            notify_dictionary_changed(speller)

        window.tasks.run(switch, done=recheck, key="spell-user", kind="spell")


def install_workflow(window: MainWindow) -> WorkflowController:
    """Wire the workflow into ``window`` (see the module contract)."""
    controller = WorkflowController(window)
    bar = window.menuBar()
    menus = [a for a in bar.actions() if a.menu() is not None]
    help_action = menus[-1] if menus else None  # the Workflow menu goes before Help
    if help_action is not None:
        bar.insertMenu(help_action, controller.menu)
    else:
        bar.addMenu(controller.menu)
    file_menu = menus[0].menu() if menus else None
    if isinstance(file_menu, QMenu):
        quit_action = window.quit_action
        file_menu.insertAction(quit_action, controller.switch_action)
        file_menu.insertSeparator(quit_action)
    controller.refresh()
    return controller
