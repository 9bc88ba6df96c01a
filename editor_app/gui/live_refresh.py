"""Live refresh of one window on a shared PostgreSQL newsroom (issue 8 item 3).

Contract of :func:`install_live` (one call from ``MainWindow.__init__``):
- on SQLite it does nothing and returns ``None``: a file has one user at a time, so there
  is nothing to listen to;
- on PostgreSQL it starts a :class:`~editor_app.core.live.listener.LiveListener` thread
  for the window's user. Its callbacks only emit Qt signals, delivered queued on the GUI
  thread, where :class:`LiveRefresh`:

  - gathers the changes of a burst (:data:`GATHER_MS`), reads the changed rows' summaries
    through the window's runner and updates just those rows of the list
    (``ArticleTableModel.update_row``, as after a save); a trashed/restored story leaves or
    joins the view, a deleted one leaves; another user's new story, or another user's change
    while a queue or a status/tag filter is chosen, reloads the list's first page
    (membership may change; the window's own changes are already shown);
  - refreshes the Desk dashboard;
  - when another user stored a newer version of the open story, shows the banner
    (:class:`~editor_app.gui.live_banner.LiveBanner`): "बदला गया: <name>, 2 मिनट पहले" with
    Reload (loads it; asks first when there are unsaved edits) and Compare (the History
    tab, the window's revision against the newest);
- soft locks: the first edit of a story claims "<me> is editing" on the listener's
  connection; opening another story, :data:`EDIT_IDLE_MS` without an edit, or closing
  the window gives it up (a crash gives it up with the connection). Others' soft locks
  show in the list row and on the banner; nothing is ever blocked;
- a lost connection is said in the status bar; once back, the list and the dashboard
  are re-read (what happened meanwhile was not heard);
- File → Switch user restarts the listener as the new user (its connection carries the
  user's id, which is how others see who is editing);
- :meth:`LiveRefresh.stop` (the window's close) ends the listener.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QVBoxLayout

from editor_app.core.article_data import ArticleRecord, ArticleSummary
from editor_app.core.errors import NotFoundError, SampadakError
from editor_app.core.live.events import ArticleEvent, ListenerState, Presence
from editor_app.core.live.listener import PRESENCE_SECONDS, LiveListener, live_supported
from editor_app.core.live.revisions import latest_revision_number, revision_number_at
from editor_app.core.profiles import ProfileInfo
from editor_app.core.users import list_users
from editor_app.gui.i18n import translate
from editor_app.gui.layout_state import SIDE_INDEX
from editor_app.gui.live_banner import LiveBanner

if TYPE_CHECKING:
    from editor_app.gui.main_window import MainWindow

__all__ = ["EDIT_IDLE_MS", "GATHER_MS", "LiveRefresh", "install_live"]

log = logging.getLogger(__name__)

#: Changes arriving within this time are handled together (one read, one repaint).
GATHER_MS = 40
#: A soft lock is given up after this long without an edit (the window stays open).
EDIT_IDLE_MS = 120_000

_QUEUED = Qt.ConnectionType.QueuedConnection


class LiveRefresh(QObject):
    """The window's side of live refresh (see the module contract)."""

    event_arrived = Signal(object)  # ArticleEvent, from the listener thread
    presence_arrived = Signal(object)  # Presence
    state_arrived = Signal(object)  # ListenerState

    def __init__(self, window: MainWindow, *, presence_seconds: float | None = None) -> None:
        super().__init__(window)
        self._window = window
        self.banner = LiveBanner()
        layout = window.editor.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(0, self.banner)  # above the editor's toolbar
        self._names: dict[int, str] = {}
        self._change: tuple[int | None, datetime] | None = None  # who changed it, when
        self._presence = Presence()
        self._pending: dict[int, ArticleEvent] = {}
        self._gather = QTimer(self)
        self._gather.setSingleShot(True)
        self._gather.setInterval(GATHER_MS)
        self._gather.timeout.connect(self._flush)
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(EDIT_IDLE_MS)
        self._idle.timeout.connect(self._stop_editing)
        self.event_arrived.connect(self._on_event, _QUEUED)
        self.presence_arrived.connect(self._on_presence, _QUEUED)
        self.state_arrived.connect(self._on_state, _QUEUED)
        self.banner.reload_requested.connect(self.reload_open)
        self.banner.compare_requested.connect(self.compare_open)
        window.article_shown.connect(self._on_article_shown)
        window.editor.content_changed.connect(self._on_edited)
        window.metadata.changed.connect(self._on_edited)
        self._presence_seconds = presence_seconds or PRESENCE_SECONDS
        self._stopper = _Stopper(self._make_listener())
        # a window deleted without an accepted close (a test harness, a crash path) must
        # not leave its listener thread behind: the stopper holds no Qt object
        window.destroyed.connect(self._stopper.stop)
        window.workflow.actor_changed.connect(self._switch_user)
        self._read_names()
        self.listener.start()

    def _make_listener(self) -> LiveListener:
        return LiveListener(
            self._window.service.db.url, user_id=self._window.profile.id,
            on_event=self.event_arrived.emit, on_presence=self.presence_arrived.emit,
            on_state=self.state_arrived.emit, presence_seconds=self._presence_seconds,
            password=self._window.service.db.password)  # a newsroom login's (wip-pgauth)

    @property
    def listener(self) -> LiveListener:
        """The running listener (a new one after Switch user)."""
        return self._stopper.listener

    def _switch_user(self, _actor: object) -> None:
        """File → Switch user: others now see the new user's name (a new connection)."""
        self._idle.stop()
        self.listener.stop()
        self._stopper.listener = self._make_listener()
        self.listener.start()
        self._on_presence(self._presence)

    # ---------------------------------------------------------------- names
    def _read_names(self) -> None:
        db = self._window.service.db

        def show(users: list[ProfileInfo]) -> None:
            self._names = {u.id: u.name for u in users}
            self._on_presence(self._presence, read_unknown=False)
            if self._change is not None and self.banner.has_change:
                user_id, at = self._change
                self.banner.show_change(self._label(user_id), at)

        self._window.tasks.run(lambda: list_users(db), done=show, key="live-names",
                               kind="live")

    def name_of(self, user_id: int | None) -> str:
        """A user's display name (read again in the background when unknown)."""
        if user_id is not None and user_id not in self._names:
            self._read_names()
        return self._label(user_id)

    def _label(self, user_id: int | None) -> str:
        if user_id is not None and user_id in self._names:
            return self._names[user_id]
        return translate("LiveRefresh", "another user")

    # ---------------------------------------------------------------- changes
    def _on_event(self, event: ArticleEvent) -> None:
        self._pending[event.article_id] = event
        self._check_open(event)
        if not self._gather.isActive():
            self._gather.start()

    def _flush(self) -> None:
        events, self._pending = self._pending, {}
        window = self._window
        model, listing = window.article_list.model, window.article_list
        gone = [e.article_id for e in events.values() if e.kind == "delete"]
        for article_id in gone:
            model.remove_row(article_id)
        wanted = [i for i, e in events.items() if e.kind != "delete"]
        # this window already shows its own changes (after each save or move): only
        # others' changes can change which stories a filtered view holds
        others = [e for e in events.values() if e.user_id != window.profile.id]
        filtered = bool(listing.queue() or listing.status() or listing.tag())
        reload = (bool(others) and filtered) or any(
            e.kind in ("insert", "restore") and model.row_of(e.article_id) < 0
            for e in others)
        service = window.service

        def read() -> dict[int, ArticleSummary]:
            found: dict[int, ArticleSummary] = {}
            for article_id in wanted:
                try:
                    found[article_id] = service.summary(article_id)
                except NotFoundError:
                    continue
            return found

        def show(found: dict[int, ArticleSummary]) -> None:
            trash_view = listing.trashed()
            for article_id in wanted:
                summary = found.get(article_id)
                if summary is None or summary.trashed != trash_view:
                    model.remove_row(article_id)
                else:
                    model.update_row(summary)
            if reload:
                window.reload_list()

        window.tasks.run(read, done=show, failed=self._failed, kind="live-rows")
        window.desk.panel.refresh()

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, SampadakError):
            raise error
        log.warning("live refresh could not read changed rows: %s", error)

    def _check_open(self, event: ArticleEvent) -> None:
        """Banner when another user stored a newer version of the open story."""
        record = self._window.record
        if (record is None or event.article_id != record.id or event.version <= record.version
                or event.user_id == self._window.profile.id):
            return
        self._change = (event.user_id, event.at)
        self.banner.show_change(self.name_of(event.user_id), event.at)

    def _on_article_shown(self, record: ArticleRecord | None) -> None:
        self._change = None
        self.banner.clear_change()
        if record is None or record.id != self.listener.editing:
            self._stop_editing()
        self._show_open_editors()

    # ---------------------------------------------------------------- banner buttons
    def reload_open(self) -> None:
        """Load the stored version of the open story (asks first over unsaved edits)."""
        window = self._window
        record = window.record
        if record is None:
            return
        if window.dirty and QMessageBox.question(
                window, translate("LiveRefresh", "Reload the story"),
                translate("LiveRefresh", "Another user changed this story. Reload it and "
                                         "drop your unsaved edits?"),
        ) != QMessageBox.StandardButton.Yes:
            return
        service = window.service

        def show(fresh: ArticleRecord) -> None:
            if window.record is None or window.record.id != fresh.id:
                return  # another story was opened meanwhile
            window.saver.set_record(fresh)  # the edits are dropped, as the user chose
            window.article_list.model.update_row(fresh.summary())
            window.show_record(fresh)

        window.tasks.run(lambda: service.get(record.id), done=show, key="open",
                         kind="open")

    def compare_open(self) -> None:
        """Show the History tab comparing the window's revision with the newest one."""
        window = self._window
        record = window.record
        if record is None:
            return
        db, article_id, version = window.service.db, record.id, record.version

        def pair() -> tuple[int, int]:
            return (revision_number_at(db, article_id, version),
                    latest_revision_number(db, article_id))

        def show(numbers: tuple[int, int]) -> None:
            mine, newest = numbers
            history = window.history

            def select(shown_id: int) -> None:
                if shown_id != article_id:
                    return
                history.timeline_shown.disconnect(select)
                if 0 < mine < newest:
                    history.select_revisions(mine, newest)
                elif newest > 1:
                    history.select_revisions(newest - 1, newest)

            history.timeline_shown.connect(select)
            window.panels.set_panel_open(SIDE_INDEX, True)
            window.side_tabs.setCurrentIndex(window.side_tab_of(history))
            history.refresh()

        window.tasks.run(pair, done=show, failed=self._failed, kind="live-compare")

    # ---------------------------------------------------------------- soft locks
    def _on_edited(self, *_args: object) -> None:
        window = self._window
        if window.switching or window.record is None:
            return
        if self.listener.editing != window.record.id:
            self.listener.set_editing(window.record.id)
        self._idle.start()

    def _stop_editing(self) -> None:
        self._idle.stop()
        if self.listener.editing is not None:
            self.listener.set_editing(None)

    def _on_presence(self, presence: Presence, *, read_unknown: bool = True) -> None:
        self._presence = presence
        me = self._window.profile.id
        unknown = False
        shown: dict[int, list[str]] = {}
        for article_id, users in presence.editors.items():
            others = [u for u in users if u != me]
            unknown = unknown or any(u not in self._names for u in others)
            if others:
                shown[article_id] = [self._names.get(u, "?") for u in others]
        self._window.article_list.model.set_editors(shown)
        self._show_open_editors()
        if unknown and read_unknown:
            self._read_names()

    def editors_of(self, article_id: int) -> list[str]:
        """Names of the others editing ``article_id`` now."""
        me = self._window.profile.id
        return [self._names.get(u, "?") for u in self._presence.of(article_id) if u != me]

    def _show_open_editors(self) -> None:
        record = self._window.record
        self.banner.show_editors(self.editors_of(record.id) if record is not None else [])

    # ---------------------------------------------------------------- connection
    def _on_state(self, state: ListenerState) -> None:
        bar = self._window.statusBar()
        if state is ListenerState.DISCONNECTED:
            bar.showMessage(translate("LiveRefresh",
                                      "Live updates lost: reconnecting…"), 15000)
        elif state is ListenerState.RECONNECTED:
            bar.showMessage(translate("LiveRefresh", "Live updates are back"), 5000)
            self._window.reload_list()
            self._window.desk.panel.refresh()

    def stop(self) -> None:
        """End the listener (gives up the soft lock at once)."""
        self._idle.stop()
        self.listener.stop()


class _Stopper:
    """Holds the current listener for a stop from ``destroyed`` (plain Python: it outlives
    the Qt objects)."""

    def __init__(self, listener: LiveListener) -> None:
        self.listener = listener

    def stop(self, *_args: object) -> None:
        self.listener.stop()


def install_live(window: MainWindow) -> LiveRefresh | None:
    """Start live refresh for ``window`` on PostgreSQL; None on SQLite (module contract)."""
    if not live_supported(window.service.db):
        return None  # SQLite: one user per file, nothing to listen to
    return LiveRefresh(window)
