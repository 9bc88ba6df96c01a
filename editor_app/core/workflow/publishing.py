"""Published stories stay under control: embargo, export checks, update and kill.

Contract:
- :meth:`PublishingService.set_embargo` sets or clears the time before which a story may
  not leave the desk (aware datetime, stored UTC). Copy editors, desk chiefs and admins may
  set it; every change is audited as ``workflow.embargo`` with ``{"until": ISO or null}``.
  Like an assignment it does not bump the article's version.
- :func:`embargo_refusal` says why a story may not be exported *now*
  (:class:`~editor_app.core.errors.EmbargoActive`, message in Hindi and English naming the
  time in IST), or returns None.
- :func:`check_export` is what exporting and marking exported ask first: it raises
  :class:`EmbargoActive` during an embargo unless ``override`` (an :class:`Override`: a
  desk chief or admin and a written reason) is given; an accepted override is audited as
  ``workflow.embargo_override`` with ``{"reason", "until", "what"}``. A reporter or copy
  editor offering an override gets :class:`PermissionDenied`.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from editor_app.core.db import Database
from editor_app.core.errors import (
    EmbargoActive,
    NotFoundError,
    PermissionDenied,
    ValidationError,
)
from editor_app.core.models import Article, AuditEvent, utcnow
from editor_app.core.profiles import Actor, Role
from editor_app.core.users import actor_id
from editor_app.core.workflow.statuses import DESK
from editor_app.core.workflow.times import ist_text, require_aware

__all__ = ["EMBARGO_SETTERS", "Override", "PublishingService", "check_export",
           "embargo_refusal"]

log = logging.getLogger(__name__)

#: Who may set or clear an embargo.
EMBARGO_SETTERS = frozenset({Role.COPY_EDITOR}) | DESK


@dataclass(frozen=True, slots=True)
class Override:
    """A desk chief's written decision to let a refused action through."""

    actor: Actor
    reason: str


def embargo_refusal(article_id: int, until: datetime | None,
                    now: datetime | None = None) -> EmbargoActive | None:
    """The refusal for exporting article ``article_id`` at ``now`` (None: allowed)."""
    if until is None or until <= (now or utcnow()):
        return None
    when = ist_text(until)
    return EmbargoActive(
        f"रोक (embargo) {when} तक: लेख {article_id} उससे पहले प्रकाशित नहीं हो सकता — "
        f"article {article_id} is embargoed until {when}; a desk chief may override "
        "with a reason", article_id=article_id, until=until)


def check_export(db: Database, article_id: int, until: datetime | None, *,
                 what: str = "export", override: Override | None = None,
                 now: datetime | None = None) -> None:
    """Refuse ``what`` ("export", "mark exported") during an embargo (module contract)."""
    refusal = embargo_refusal(article_id, until, now)
    if refusal is None:
        return
    if override is None:
        raise refusal
    if override.actor.role not in DESK:
        raise PermissionDenied(
            f"{override.actor.name} ({override.actor.role.label}) may not override an "
            "embargo: only a desk chief or admin may")
    reason = " ".join(override.reason.split())
    if not reason:
        raise ValidationError("an embargo override needs a written reason")
    assert until is not None
    with db.session() as session:
        _audit(session, override.actor, "workflow.embargo_override", article_id,
               {"reason": reason, "until": until.isoformat(), "what": what})
    log.info("embargo of article %d overridden by %s for %s: %s", article_id,
             override.actor.name, what, reason)


def _audit(session: Session, actor: Actor, action: str, article_id: int,
           detail: dict[str, object]) -> None:
    session.add(AuditEvent(user=actor.name, user_id=actor_id(actor), action=action,
                           article_id=article_id,
                           detail_json=json.dumps(detail, ensure_ascii=False)))


class PublishingService:
    """Embargo, update and kill as ``actor`` (see the module contract)."""

    def __init__(self, db: Database, actor: Actor) -> None:
        self._db = db
        self.actor = actor

    def set_embargo(self, article_id: int, until: datetime | None) -> datetime | None:
        """Set (or with None clear) the story's embargo; returns the stored time."""
        when = require_aware(until, "embargo time")
        if self.actor.role not in EMBARGO_SETTERS:
            raise PermissionDenied(
                f"{self.actor.name} ({self.actor.role.label}) may not set an embargo")
        with self._db.session() as session:
            article = session.get(Article, article_id)
            if article is None:
                raise NotFoundError(f"no article with id {article_id}")
            if article.embargo_until == when:
                return when
            session.execute(sa.update(Article).where(Article.id == article_id)
                            .values(embargo_until=when)
                            .execution_options(synchronize_session=False))
            _audit(session, self.actor, "workflow.embargo", article_id,
                   {"until": when.isoformat() if when else None})
        log.info("article %d embargo %s by %s", article_id, when, self.actor.name)
        return when
