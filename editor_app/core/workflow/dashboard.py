"""Desk dashboard counts: a few GROUP BY queries, no article is loaded.

Contract of :func:`dashboard_counts`:
- Trashed stories are not counted anywhere.
- ``by_status`` has every :class:`Status` (zero when none) in workflow order, plus any
  unknown status found in the database (from an older build) after them.
- ``by_assignee`` counts *open* stories (not approved, exported or spiked) per assignee,
  with how many of them are overdue, most stories first, then by name; open stories that
  nobody has are ``unassigned``.
- ``overdue`` is the number of open stories whose deadline is before ``now`` (default: the
  time of the call), the same rule as the "Overdue" queue.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import sqlalchemy as sa

from editor_app.core.db import Database
from editor_app.core.models import Article, User, utcnow
from editor_app.core.workflow.queues import OPEN
from editor_app.core.workflow.statuses import Status

__all__ = ["AssigneeCount", "DashboardCounts", "dashboard_counts"]


@dataclass(frozen=True, slots=True)
class AssigneeCount:
    """Open stories of one assignee."""

    user_id: int
    name: str
    open: int
    overdue: int


@dataclass(frozen=True, slots=True)
class DashboardCounts:
    """What the dashboard shows (see the module contract)."""

    by_status: dict[str, int] = field(default_factory=dict)
    by_assignee: tuple[AssigneeCount, ...] = ()
    unassigned: int = 0
    overdue: int = 0

    @property
    def total(self) -> int:
        """Live (not trashed) stories in all."""
        return sum(self.by_status.values())


def dashboard_counts(db: Database, *, now: datetime | None = None) -> DashboardCounts:
    """Count stories per status, per assignee and overdue (three grouped queries)."""
    moment = now or utcnow()
    live = Article.trashed.is_(False)
    open_ = Article.status.in_(sorted(s.value for s in OPEN))
    late = sa.and_(Article.deadline.is_not(None), Article.deadline < moment)
    with db.session() as session:
        found: dict[str, int] = {status: count for status, count in session.execute(
            sa.select(Article.status, sa.func.count()).where(live).group_by(Article.status))}
        by_status = {s.value: int(found.pop(s.value, 0)) for s in Status}
        by_status.update({str(k): int(v) for k, v in sorted(found.items())})
        rows = session.execute(
            sa.select(Article.assignee_id, sa.func.count(),
                      sa.func.sum(sa.case((late, 1), else_=0)))
            .where(live, open_).group_by(Article.assignee_id)).all()
        ids = sorted(r[0] for r in rows if r[0] is not None)
        names: dict[int, str] = {uid: name for uid, name in session.execute(
            sa.select(User.id, User.name).where(User.id.in_(ids)))} if ids else {}
    unassigned = 0
    overdue = 0
    people: list[AssigneeCount] = []
    for assignee_id, count, late_count in rows:
        overdue += int(late_count or 0)
        if assignee_id is None:
            unassigned = int(count)
            continue
        people.append(AssigneeCount(assignee_id, names.get(assignee_id, f"#{assignee_id}"),
                                    int(count), int(late_count or 0)))
    people.sort(key=lambda p: (-p.open, p.name, p.user_id))
    return DashboardCounts(by_status=by_status, by_assignee=tuple(people),
                           unassigned=unassigned, overdue=overdue)
