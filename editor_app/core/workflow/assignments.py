"""Assignments: which copy editor works on a story, and by when.

Contract of :class:`AssignmentService` (``AssignmentService(db, actor)``):
- :meth:`~AssignmentService.assign` gives a story to an *active* user whose role edits copy
  (copy editor, desk chief, admin), with an optional deadline (an aware datetime, stored
  UTC; a naive one is refused). A copy editor may only take a story themselves, and only
  one nobody else has; a desk chief or admin assigns (and re-assigns) anyone. A reporter
  assigns nobody (:class:`PermissionDenied`).
- :meth:`~AssignmentService.unassign` clears assignee and deadline: a desk chief or admin
  for any story, a copy editor only for a story assigned to them (giving it back).
- :meth:`~AssignmentService.set_deadline` changes only the deadline, under the same rule
  as unassigning.
- Every change writes one audit event ``workflow.assign`` with detail ``{"assignee": name
  or null, "assignee_id": id or null, "deadline": ISO UTC or null}`` (also for unassign),
  and an unchanged assignment writes nothing.
- :func:`assignable_users` lists who can be picked (active, copy-desk roles).
- The article's version is not bumped: assignment is not text, and an editor with the
  story open keeps saving without a conflict. Trashed or missing stories raise
  :class:`ValidationError` / :class:`NotFoundError`.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from editor_app.core.db import Database
from editor_app.core.errors import NotFoundError, PermissionDenied, ValidationError
from editor_app.core.models import Article, AuditEvent, User
from editor_app.core.profiles import Actor, Role
from editor_app.core.users import actor_id, user_info
from editor_app.core.workflow.statuses import DESK
from editor_app.core.workflow.times import require_aware

__all__ = ["ASSIGNABLE_ROLES", "Assignment", "AssignmentService", "assignable_users"]

log = logging.getLogger(__name__)

#: Roles a story can be assigned to.
ASSIGNABLE_ROLES = frozenset({Role.COPY_EDITOR, Role.DESK_CHIEF, Role.ADMIN})


@dataclass(frozen=True, slots=True)
class Assignment:
    """A story's assignment after a change (``assignee_id is None``: unassigned)."""

    article_id: int
    assignee_id: int | None
    assignee: str
    deadline: datetime | None


class AssignmentService:
    """Assign, unassign and set deadlines as ``actor`` (see the module contract)."""

    def __init__(self, db: Database, actor: Actor) -> None:
        self._db = db
        self.actor = actor

    def assign(self, article_id: int, assignee_id: int, *,
               deadline: datetime | None = None) -> Assignment:
        """Assign the story to ``assignee_id`` with ``deadline`` (None: no deadline)."""
        when = require_aware(deadline, "deadline")
        with self._db.session() as session:
            article = self._article(session, article_id)
            assignee = session.get(User, assignee_id)
            if assignee is None:
                raise NotFoundError(f"no user with id {assignee_id}")
            if not assignee.active:
                raise ValidationError(f"{assignee.name} is not an active user")
            if _role(assignee.role) not in ASSIGNABLE_ROLES:
                raise ValidationError(
                    f"{assignee.name} ({_role(assignee.role).label}) cannot be assigned a "
                    "story: assign a copy editor, desk chief or admin")
            if self.actor.role not in DESK:
                if self.actor.role is not Role.COPY_EDITOR:
                    raise PermissionDenied(
                        f"{self.actor.name} ({self.actor.role.label}) may not assign stories")
                if assignee_id != self.actor.id:
                    raise PermissionDenied(
                        f"{self.actor.name} may take a story themselves, but only a desk "
                        "chief assigns it to someone else")
                if article.assignee_id not in (None, self.actor.id):
                    raise PermissionDenied(
                        f"article {article_id} is assigned to someone else: only a desk "
                        "chief re-assigns it")
            return self._write(session, article, assignee, when)

    def take(self, article_id: int, *, deadline: datetime | None = None) -> Assignment:
        """Assign the story to the acting user (a copy editor taking it)."""
        return self.assign(article_id, self.actor.id, deadline=deadline)

    def unassign(self, article_id: int) -> Assignment:
        """Clear assignee and deadline."""
        with self._db.session() as session:
            article = self._article(session, article_id)
            self._require_holder(article, "unassign")
            return self._write(session, article, None, None)

    def set_deadline(self, article_id: int, deadline: datetime | None) -> Assignment:
        """Change only the deadline (None clears it)."""
        when = require_aware(deadline, "deadline")
        with self._db.session() as session:
            article = self._article(session, article_id)
            self._require_holder(article, "change the deadline of")
            assignee = (session.get(User, article.assignee_id)
                        if article.assignee_id is not None else None)
            return self._write(session, article, assignee, when)

    # ----------------------------------------------------------------- helpers
    @staticmethod
    def _article(session: Session, article_id: int) -> Article:
        article = session.get(Article, article_id)
        if article is None:
            raise NotFoundError(f"no article with id {article_id}")
        if article.trashed:
            raise ValidationError(f"article {article_id} is in the trash")
        return article

    def _require_holder(self, article: Article, what: str) -> None:
        if self.actor.role in DESK:
            return
        if self.actor.role is Role.COPY_EDITOR and article.assignee_id == self.actor.id:
            return
        raise PermissionDenied(
            f"{self.actor.name} ({self.actor.role.label}) may not {what} article "
            f"{article.id}: only its assignee or a desk chief may")

    def _write(self, session: Session, article: Article, assignee: User | None,
               deadline: datetime | None) -> Assignment:
        new_id = assignee.id if assignee is not None else None
        name = assignee.name if assignee is not None else ""
        result = Assignment(article.id, new_id, name, deadline)
        if article.assignee_id == new_id and article.deadline == deadline:
            return result
        # a plain UPDATE: the version column (optimistic lock of the text) stays as it is
        session.execute(sa.update(Article).where(Article.id == article.id)
                        .values(assignee_id=new_id, deadline=deadline)
                        .execution_options(synchronize_session=False))
        detail = {"assignee": name or None, "assignee_id": new_id,
                  "deadline": deadline.isoformat() if deadline else None}
        session.add(AuditEvent(user=self.actor.name, user_id=actor_id(self.actor),
                               action="workflow.assign", article_id=article.id,
                               detail_json=json.dumps(detail, ensure_ascii=False)))
        log.info("article %d assigned to %s (deadline %s) by %s", article.id, name or "-",
                 deadline, self.actor.name)
        return result


def assignable_users(db: Database) -> list[Actor]:
    """Active users a story can be assigned to, by name (code-point order)."""
    with db.session() as session:
        rows = session.scalars(sa.select(User).where(
            User.active.is_(True), User.role.in_(sorted(r.value for r in ASSIGNABLE_ROLES))))
        people = [user_info(u) for u in rows]
    return sorted(people, key=lambda p: (p.name, p.id))


def _role(value: str) -> Role:
    try:
        return Role(value)
    except ValueError:
        return Role.REPORTER
