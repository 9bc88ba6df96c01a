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
- :meth:`~PublishingService.reopen_as_update` (exported stories only),
  :meth:`~PublishingService.kill` and :meth:`~PublishingService.mark_exported` are moves
  through :class:`~editor_app.core.workflow.service.WorkflowService` (its rules, refusals
  and audit). The service calls :func:`embargo_problem` and :func:`after_move`, so the same
  happens from the Workflow menu and ``sampadak transition``: marking exported is refused
  during an embargo (a desk chief's override reason passes it) and stores
  ``published_revision_id`` (what export writes while a later update is on the desk); an
  update stores its note as ``correction_note`` with ``corrected_at``; spiking a story that
  was published (exported, or under an update) is a kill and writes ``workflow.kill`` with
  ``{"reason", "from"}``, as does :meth:`~PublishingService.kill` from any status.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from editor_app.core.article_data import ArticleRecord
from editor_app.core.db import Database
from editor_app.core.errors import (
    EmbargoActive,
    NotFoundError,
    PermissionDenied,
    ValidationError,
)
from editor_app.core.models import Article, AuditEvent, Revision, utcnow
from editor_app.core.profiles import Actor, Role
from editor_app.core.users import actor_id
from editor_app.core.workflow.gate import GateProblem
from editor_app.core.workflow.statuses import DESK, Status, Transition
from editor_app.core.workflow.times import ist_text, require_aware

__all__ = ["EMBARGO_SETTERS", "Override", "PublishingService", "after_move", "check_export",
           "embargo_problem", "embargo_refusal"]

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

    def reopen_as_update(self, article_id: int, note: str, *,
                         expected_version: int | None = None) -> ArticleRecord:
        """Reopen an exported story as an update (exported → in copy edit, action
        "update"): ``note`` becomes its correction ("सुधार: …"); the published revision
        stays what export writes until the update is approved."""
        from editor_app.core.workflow.service import WorkflowService

        self._require_status(article_id, Status.EXPORTED, "reopened as an update")
        return WorkflowService(self._db, self.actor).transition(
            article_id, Status.IN_COPY_EDIT, note=note, expected_version=expected_version)

    def kill(self, article_id: int, reason: str, *,
             expected_version: int | None = None) -> ArticleRecord:
        """Take a story down (any live status → spiked; desk chief or admin) with a
        reason, audited as ``workflow.kill`` besides the transition."""
        from editor_app.core.workflow.service import WorkflowService

        source = self._status(article_id)
        with self._db.session() as session:
            article = session.get(Article, article_id)
            published = article is not None and article.published_revision_id is not None
        record = WorkflowService(self._db, self.actor).transition(
            article_id, Status.SPIKED, note=reason, expected_version=expected_version)
        if not _takes_down(source, published):  # else after_move wrote it
            with self._db.session() as session:
                _audit(session, self.actor, "workflow.kill", article_id,
                       {"reason": " ".join(reason.split()), "from": source.value})
        return record

    def mark_exported(self, article_id: int, *, override: str | None = None,
                      expected_version: int | None = None) -> ArticleRecord:
        """Approved → exported: refused during an embargo unless a desk chief gives
        ``override``; records the published revision."""
        from editor_app.core.workflow.service import WorkflowService

        return WorkflowService(self._db, self.actor).transition(
            article_id, Status.EXPORTED, override=override,
            expected_version=expected_version)

    def _status(self, article_id: int) -> Status:
        with self._db.session() as session:
            article = session.get(Article, article_id)
            if article is None:
                raise NotFoundError(f"no article with id {article_id}")
            try:
                return Status(article.status)
            except ValueError:
                return Status.DRAFT

    def _require_status(self, article_id: int, status: Status, what: str) -> None:
        current = self._status(article_id)
        if current != status:
            raise ValidationError(
                f"लेख {article_id} “{current.label}” है; केवल “{status.label}” लेख "
                f"(article {article_id} is {current.value}: only an {status.value} story "
                f"can be {what})")


# ---------------------------------------------------------------- WorkflowService hooks
def embargo_problem(session: Session, article_id: int,
                    rule: Transition) -> GateProblem | None:
    """The embargo as a refusal of marking exported (None: no embargo now, or another
    move). Overridable like the approval gate (WorkflowService)."""
    if rule.target != Status.EXPORTED:
        return None
    article = session.get(Article, article_id)
    refusal = embargo_refusal(article_id, article.embargo_until if article else None)
    return GateProblem("embargo", str(refusal)) if refusal is not None else None


def after_move(session: Session, article: Article, rule: Transition, note: str,
               actor: Actor) -> None:
    """Record what a move means for a published story (called by WorkflowService before
    its UPDATE, in the same transaction): marking exported stores the published revision;
    an update stores its note as the correction; a kill writes ``workflow.kill``."""
    if rule.target == Status.EXPORTED:
        with session.no_autoflush:
            article.published_revision_id = session.scalar(
                sa.select(Revision.id).where(Revision.article_id == article.id)
                .order_by(Revision.id.desc()).limit(1))
    elif rule.action == "update":
        article.correction_note = note
        article.corrected_at = utcnow()
    elif rule.target == Status.SPIKED and _takes_down(
            rule.source, article.published_revision_id is not None):
        _audit(session, actor, "workflow.kill", article.id,
               {"reason": note, "from": rule.source.value})


def _takes_down(source: Status, published: bool) -> bool:
    """Whether spiking from ``source`` takes a published story down (a kill): it is
    exported, or it was and an update is on the desk."""
    return source == Status.EXPORTED or published
