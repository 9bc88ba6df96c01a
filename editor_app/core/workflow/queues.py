"""Desk queues: which stories a list view shows for the person looking at it.

A queue is a filter on the article list (:class:`~editor_app.core.article_queries.ListQuery`
``queue=`` with ``viewer=`` the person looking), evaluated in the database on the indexed
columns of migration 0004 (``assignee_id``/``deadline``, ``owner_id``/``status``,
``deadline``). It combines with the other filters (status, tag, trash, headline text).

"Open" below means not approved, exported or spiked (:data:`DONE` are the rest): work is
still to be done on the story.

- :attr:`Queue.MINE` "My queue" — the stories I am responsible for now:
  a **reporter**: stories I own (``owner_id``) in draft or returned;
  a **copy editor, desk chief or admin**: open stories assigned to me.
- :attr:`Queue.WAITING` "Waiting for me" — stories that need my action next:
  a **reporter**: stories I own that were returned to me;
  a **copy editor**: submitted stories nobody has taken, or assigned to me;
  a **desk chief or admin**: the same, plus every approved story (waiting to be exported).
  (Overridden gates are in the audit log, not on the article row: they are not a queue.)
- :attr:`Queue.OVERDUE` "Overdue" — open stories whose deadline has passed (for everyone;
  a story without a deadline is never overdue).

A queue that depends on the viewer (mine, waiting) shows nothing when no viewer is given.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

import sqlalchemy as sa

from editor_app.core.models import Article, utcnow
from editor_app.core.profiles import ProfileInfo, Role
from editor_app.core.workflow.statuses import DESK, Status

__all__ = ["DONE", "OPEN", "Queue", "is_overdue", "queue_condition"]

#: Statuses in which no more work is expected on a story.
DONE = frozenset({Status.APPROVED, Status.EXPORTED, Status.SPIKED})
#: Statuses in which a story is still being worked on.
OPEN = frozenset(Status) - DONE


class Queue(StrEnum):
    """The desk's list views beside "all" and the per-status filter."""

    MINE = "mine"
    WAITING = "waiting"
    OVERDUE = "overdue"

    @property
    def label(self) -> str:
        """Bilingual label for the queue selector and the CLI."""
        return _LABELS[self]


_LABELS = {
    Queue.MINE: "मेरी सूची (My queue)",
    Queue.WAITING: "मेरी प्रतीक्षा में (Waiting for me)",
    Queue.OVERDUE: "समय-सीमा बीती (Overdue)",
}


def _in(statuses: frozenset[Status] | set[Status]) -> Any:
    return Article.status.in_(sorted(s.value for s in statuses))


def queue_condition(queue: Queue | str, viewer: ProfileInfo | None,
                    now: datetime | None = None) -> Any:
    """The SQL condition of ``queue`` for ``viewer`` at ``now`` (default: the current
    time); see the module docstring for each definition."""
    kind = Queue(queue)
    if kind is Queue.OVERDUE:
        return sa.and_(Article.deadline.is_not(None), Article.deadline < (now or utcnow()),
                       _in(OPEN))
    if viewer is None:
        return sa.false()
    if kind is Queue.MINE:
        if viewer.role is Role.REPORTER:
            return sa.and_(Article.owner_id == viewer.id,
                           _in({Status.DRAFT, Status.RETURNED}))
        return sa.and_(Article.assignee_id == viewer.id, _in(OPEN))
    # waiting for me
    if viewer.role is Role.REPORTER:
        return sa.and_(Article.owner_id == viewer.id, Article.status == Status.RETURNED.value)
    submitted = sa.and_(Article.status == Status.SUBMITTED.value,
                        sa.or_(Article.assignee_id.is_(None),
                               Article.assignee_id == viewer.id))
    if viewer.role in DESK:
        return sa.or_(submitted, Article.status == Status.APPROVED.value)
    return submitted


def is_overdue(deadline: datetime | None, status: str, now: datetime | None = None) -> bool:
    """The same rule as :attr:`Queue.OVERDUE`, for one row already loaded (list colours)."""
    if deadline is None:
        return False
    try:
        known = Status(status)
    except ValueError:
        known = Status.DRAFT
    return known in OPEN and deadline < (now or utcnow())
