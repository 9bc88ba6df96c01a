"""Soft locks ("Kamal is editing") as shared advisory locks on a client's own connection.

Contract:
- :func:`claim` takes a *shared* session advisory lock ``(EDITING_LOCK_CLASS, article_id)``
  on the given connection: it never waits and never fails because someone else holds one
  (nobody takes the exclusive form), so a soft lock never blocks anybody; :func:`release`
  gives it up. Both then send a nudge on
  :data:`~editor_app.core.live.events.PRESENCE_CHANNEL` so other clients re-read at once.
- The lock lives exactly as long as the connection: a client that closes, crashes or loses
  its network loses its locks with its server session, with no heartbeat and nothing left
  behind to clean up (a crash sends no nudge: listeners re-read the locks periodically).
- :func:`application_name` names the connection after the user (``sampadak-live u=<id>``);
  :func:`read_presence` joins ``pg_locks`` with ``pg_stat_activity`` (both readable by every
  role: ``application_name`` is shown for other roles' sessions too) and returns who holds
  soft locks in the current database, leaving out the asking connection itself.
- Connections are psycopg 3 connections in autocommit mode (session locks outlive no
  transaction, and a transaction-level error must not drop them).
"""

from __future__ import annotations

import json
import logging
import re
from collections import defaultdict
from typing import TYPE_CHECKING

from editor_app.core.live.events import PRESENCE_CHANNEL, Presence

if TYPE_CHECKING:
    import psycopg

__all__ = ["APPLICATION_PREFIX", "EDITING_LOCK_CLASS", "application_name", "claim",
           "read_presence", "release", "user_of_application"]

log = logging.getLogger(__name__)

#: First key of the two-key advisory lock that marks "editing article <second key>"
#: ("SE", Sampadak Editing); the migration lock uses the one-key (bigint) form.
EDITING_LOCK_CLASS = 0x5345
#: ``application_name`` of a listener connection: this prefix and the user id.
APPLICATION_PREFIX = "sampadak-live u="
_APPLICATION = re.compile(re.escape(APPLICATION_PREFIX) + r"([0-9]{1,10})$")

_READ = """
SELECT l.objid::bigint, a.application_name
FROM pg_locks AS l JOIN pg_stat_activity AS a ON a.pid = l.pid
WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
  AND l.classid = %(cls)s::int4::oid AND l.pid <> pg_backend_pid()
  AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
"""


def application_name(user_id: int | None) -> str:
    """The ``application_name`` a listener connection of ``user_id`` uses."""
    return f"{APPLICATION_PREFIX}{user_id if user_id is not None else 0}"


def user_of_application(name: str | None) -> int | None:
    """The user id in a listener's ``application_name`` (None for other connections and
    for a client without a user)."""
    found = _APPLICATION.match(name or "")
    if found is None:
        return None
    user_id = int(found.group(1))
    return user_id or None


def _nudge(conn: psycopg.Connection, article_id: int) -> None:
    conn.execute("SELECT pg_notify(%s, %s)",
                 (PRESENCE_CHANNEL, json.dumps({"article_id": article_id})))


def claim(conn: psycopg.Connection, article_id: int) -> None:
    """Hold a soft lock on ``article_id`` on ``conn`` (module contract; never waits)."""
    conn.execute("SELECT pg_try_advisory_lock_shared(%s::int4, %s::int4)",
                 (EDITING_LOCK_CLASS, article_id))
    _nudge(conn, article_id)


def release(conn: psycopg.Connection, article_id: int) -> None:
    """Give up the soft lock on ``article_id`` held on ``conn`` (every one taken there)."""
    while True:
        row = conn.execute("SELECT pg_advisory_unlock_shared(%s::int4, %s::int4)",
                           (EDITING_LOCK_CLASS, article_id)).fetchone()
        if not row or not row[0]:
            break
    _nudge(conn, article_id)


def read_presence(conn: psycopg.Connection) -> Presence:
    """Who holds soft locks in this database, other than ``conn`` itself."""
    editors: dict[int, set[int]] = defaultdict(set)
    for article_id, app in conn.execute(_READ, {"cls": EDITING_LOCK_CLASS}).fetchall():
        user_id = user_of_application(app)
        if user_id is not None:
            editors[int(article_id)].add(user_id)
    return Presence({article: tuple(sorted(users)) for article, users in editors.items()})
