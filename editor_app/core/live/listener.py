"""The live listener: one psycopg connection of its own, LISTENing, holding soft locks.

Contract of :class:`LiveListener` (run it in a thread: :meth:`LiveListener.start`):
- it opens its own autocommit connection (never one of the pool's), named after the user
  (:func:`~editor_app.core.live.presence.application_name`), LISTENs on
  :data:`~editor_app.core.live.events.ARTICLE_CHANNEL` and
  :data:`~editor_app.core.live.events.PRESENCE_CHANNEL` and then waits on the socket:
  nothing polls the articles table. Each committed article change arrives as an
  :class:`~editor_app.core.live.events.ArticleEvent` through ``on_event`` (a malformed
  payload is logged and dropped);
- :meth:`set_editing` (any thread) says which article this client is editing (or none): the
  listener thread claims and releases the soft lock on its connection, so the lock lives
  exactly as long as that connection. ``on_presence`` gets a
  :class:`~editor_app.core.live.events.Presence` whenever who-edits-what changed: re-read
  on every presence nudge and every ``presence_seconds`` (a crashed client sends no nudge;
  reading ``pg_locks`` touches no article rows);
- a lost connection is reported (``on_state(DISCONNECTED)``) and reopened with growing
  waits (:data:`BACKOFF_SECONDS`, the last one repeated); once back it LISTENs again,
  re-claims the soft lock and reports ``RECONNECTED``: changes made meanwhile were not
  heard, so views should re-read;
- callbacks run on the listener thread (the GUI turns them into queued Qt signals); an
  exception in one is logged and the listener goes on;
- :meth:`stop` releases the lock, closes the connection and ends the thread.

SQLite has nothing to listen to (one user per file): :func:`live_supported` is False and
no listener is made.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy.engine import make_url

from editor_app.core.errors import SampadakError
from editor_app.core.live.events import (
    ARTICLE_CHANNEL,
    PRESENCE_CHANNEL,
    ArticleEvent,
    ListenerState,
    Presence,
    parse_article_event,
)
from editor_app.core.live.presence import application_name, claim, read_presence, release

if TYPE_CHECKING:
    import psycopg

    from editor_app.core.db import Database

__all__ = ["BACKOFF_SECONDS", "PRESENCE_SECONDS", "LiveListener", "conninfo_of",
           "live_supported"]

log = logging.getLogger(__name__)

#: Waits before each reconnection attempt (the last one repeats).
BACKOFF_SECONDS: tuple[float, ...] = (0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0)
#: How often soft locks are re-read without a nudge (finds crashed clients' locks gone).
PRESENCE_SECONDS = 5.0
#: Longest wait on the socket before queued commands (set_editing, stop) are looked at.
WAIT_SECONDS = 0.1
_CONNECT_TIMEOUT = 5


def live_supported(db: Database) -> bool:
    """True when ``db`` can notify (PostgreSQL); SQLite has one user and no NOTIFY."""
    return db.engine.dialect.name == "postgresql"


def conninfo_of(url: str) -> str:
    """A libpq connection string for a SQLAlchemy URL (``postgresql+psycopg://…``)."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _ignore(_value: Any) -> None:
    return None


class LiveListener:
    """Listens for article changes and keeps this client's soft lock (module contract)."""

    def __init__(self, url: str, *, user_id: int | None,
                 on_event: Callable[[ArticleEvent], None],
                 on_presence: Callable[[Presence], None] = _ignore,
                 on_state: Callable[[ListenerState], None] = _ignore,
                 presence_seconds: float = PRESENCE_SECONDS,
                 backoff: Sequence[float] = BACKOFF_SECONDS,
                 password: str | None = None) -> None:
        self._conninfo = conninfo_of(url)
        #: a newsroom login's password (wip-pgauth: ``Database.password``, not in the URL)
        self._password = password
        self.user_id = user_id
        self._on_event, self._on_presence, self._on_state = on_event, on_presence, on_state
        self._presence_seconds = presence_seconds
        self._backoff = tuple(backoff) or (1.0,)
        self._commands: queue.SimpleQueue[int | None] = queue.SimpleQueue()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._wanted: int | None = None  # the article to hold a soft lock on
        self._held: int | None = None  # the article locked on the current connection
        self._presence: Presence | None = None
        self._conn: psycopg.Connection | None = None
        self._conn_lock = threading.Lock()
        #: Connections opened so far (1 + reconnections) and attempts made (tests read them).
        self.connections = 0
        self.attempts = 0

    # ---------------------------------------------------------------- control
    def start(self) -> None:
        """Run :meth:`run` in a daemon thread."""
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self.run, name="sampadak-live", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Release the soft lock, close the connection, end the thread."""
        self._stop.set()
        self._commands.put(None)
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)
            if thread.is_alive():
                log.warning("live listener did not stop within %.1f s", timeout)
        self._close()

    @property
    def running(self) -> bool:
        """True while the listener thread runs."""
        return self._thread is not None and self._thread.is_alive()

    def set_editing(self, article_id: int | None) -> None:
        """This client now edits ``article_id`` (None: nothing); any thread."""
        self._commands.put(article_id if article_id is not None else 0)

    @property
    def editing(self) -> int | None:
        """The article whose soft lock this client wants."""
        return self._wanted

    def backend_pid(self) -> int | None:
        """The server process of the listener's connection (tests cut it off)."""
        with self._conn_lock:
            conn = self._conn
        return conn.info.backend_pid if conn is not None and not conn.closed else None

    # ---------------------------------------------------------------- the loop
    def run(self) -> None:
        """Connect, listen, reconnect with backoff until :meth:`stop` (module contract)."""
        import psycopg

        failures = 0
        while not self._stop.is_set():
            try:
                conn = self._open()
            except psycopg.Error as exc:
                log.info("live listener cannot connect (attempt %d): %s", failures + 1, exc)
                self._wait_backoff(failures)
                failures += 1
                continue
            failures = 0
            self._call(self._on_state, ListenerState.CONNECTED if self.connections == 1
                       else ListenerState.RECONNECTED)
            try:
                self._serve(conn)
            except psycopg.Error as exc:
                if self._stop.is_set():
                    break
                log.warning("live listener lost its connection: %s", exc)
                self._call(self._on_state, ListenerState.DISCONNECTED)
                self._close()
                self._wait_backoff(0)
        self._close()

    def _open(self) -> psycopg.Connection:
        import psycopg

        self.attempts += 1
        conninfo = (psycopg.conninfo.make_conninfo(self._conninfo, password=self._password)
                    if self._password else self._conninfo)
        conn = psycopg.connect(conninfo, autocommit=True,
                               application_name=application_name(self.user_id),
                               connect_timeout=_CONNECT_TIMEOUT)
        try:
            conn.execute(f"LISTEN {ARTICLE_CHANNEL}")
            conn.execute(f"LISTEN {PRESENCE_CHANNEL}")
            self._held = None
            if self._wanted is not None:
                claim(conn, self._wanted)
                self._held = self._wanted
        except BaseException:
            conn.close()
            raise
        with self._conn_lock:
            self._conn = conn
        self.connections += 1
        self._presence = None  # re-read and report after every (re)connection
        return conn

    def _serve(self, conn: psycopg.Connection) -> None:
        self._check_presence(conn)
        next_check = time.monotonic() + self._presence_seconds
        while not self._stop.is_set():
            self._run_commands(conn)
            if self._stop.is_set():
                return
            nudged = False
            for note in conn.notifies(timeout=WAIT_SECONDS):
                if note.channel == ARTICLE_CHANNEL:
                    self._deliver(note.payload)
                elif note.channel == PRESENCE_CHANNEL:
                    nudged = True
            if nudged or time.monotonic() >= next_check:
                self._check_presence(conn)
                next_check = time.monotonic() + self._presence_seconds

    def _run_commands(self, conn: psycopg.Connection) -> None:
        while True:
            try:
                command = self._commands.get_nowait()
            except queue.Empty:
                return
            if command is None:  # stop
                return
            wanted = command or None
            self._wanted = wanted
            if wanted == self._held:
                continue
            if self._held is not None:
                release(conn, self._held)
                self._held = None
            if wanted is not None:
                claim(conn, wanted)
                self._held = wanted

    def _deliver(self, payload: str) -> None:
        try:
            event = parse_article_event(payload)
        except SampadakError as exc:
            log.warning("live listener dropped a notification: %s", exc)
            return
        self._call(self._on_event, event)

    def _check_presence(self, conn: psycopg.Connection) -> None:
        presence = read_presence(conn)
        if presence != self._presence:
            self._presence = presence
            self._call(self._on_presence, presence)

    def _call(self, callback: Callable[[Any], None], value: object) -> None:
        try:
            callback(value)
        except Exception:  # a receiver's bug must not end live refresh
            log.exception("live listener callback failed")

    def _wait_backoff(self, failures: int) -> None:
        delay = self._backoff[min(failures, len(self._backoff) - 1)]
        self._stop.wait(delay)

    def _close(self) -> None:
        with self._conn_lock:
            conn, self._conn = self._conn, None
        if conn is None or conn.closed:
            return
        try:
            if self._held is not None:
                release(conn, self._held)  # nudges the others at once
        except Exception as exc:  # I/O boundary: the connection may already be gone
            log.debug("live listener could not release its soft lock: %s", exc)
        finally:
            self._held = None
            conn.close()
