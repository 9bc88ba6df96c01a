"""WorkflowService: move a story between statuses for one acting user, by the one table.

Contracts of :meth:`WorkflowService.transition`:
- The move must be in :data:`~editor_app.core.workflow.statuses.TRANSITIONS`, the actor's
  role must be among its roles, a note must be given where the move ``needs_note``, and a
  ``gated`` move (approve) must pass the approval gate
  (:func:`~editor_app.core.workflow.gate.approval_problems`) — unless ``override`` (a
  written reason) is given by a desk chief or admin; an override by anyone else is refused.
  Every failed condition is listed in one :class:`TransitionRefused` (Hindi + English per
  reason); nothing is written then. Gate warnings (spelling not checked) never refuse.
- A done move bumps the article's version (``expected_version`` is checked first:
  :class:`ConflictError`, as for a save), sets ``updated_at`` and writes one
  ``AuditEvent(action="workflow.transition")`` with detail ``{"from", "to", "action",
  "note"}`` plus ``"override"`` (the reason) and ``"problems"`` (what was overridden) when
  the override passed gate problems (an override of a passing gate is not recorded).
- A move *into* ``in_copy_edit`` starts tracked changes
  (:func:`~editor_app.core.review.tracking.start_tracking`): the article's
  :class:`~editor_app.core.models.TrackingBase` becomes its current headline, dek and body
  at its latest revision, unless suggestions are still open on the old base (then it is
  kept with them); approving and spiking leave the base as it is.
- :meth:`status` tells GUI and CLI where a story is and which moves the actor may make.
- Published stories (:mod:`.publishing`, wip-queues): marking exported is refused during an
  embargo (overridable like the gate, by a desk chief with a reason) and records the
  published revision; an update (exported → in copy edit) records its note as the
  correction; a kill also writes ``workflow.kill`` with the reason.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from editor_app.core.article_data import ArticleRecord
from editor_app.core.article_rows import article_record
from editor_app.core.db import Database
from editor_app.core.errors import ConflictError, NotFoundError, PermissionDenied
from editor_app.core.house_style import HouseStyle, load_style
from editor_app.core.models import Article, AuditEvent, User, utcnow
from editor_app.core.profiles import Actor
from editor_app.core.review.tracking import start_tracking
from editor_app.core.text.normalize import to_nfc
from editor_app.core.text.spell import SpellChecker
from editor_app.core.users import actor_id, as_actor
from editor_app.core.workflow import publishing
from editor_app.core.workflow.gate import GateProblem, approval_problems, blocking
from editor_app.core.workflow.rights import known_status, role_names
from editor_app.core.workflow.statuses import DESK, Status, Transition, may_edit, move, moves_from

__all__ = ["MoveInfo", "StatusInfo", "TransitionRefused", "WorkflowService"]

log = logging.getLogger(__name__)


class TransitionRefused(PermissionDenied):
    """A status move was refused; ``reasons`` lists every reason (Hindi + English) and
    ``problems`` the approval-gate problems among them (empty when the gate was not
    reached or passed). ``may_override``: a desk chief could override the gate."""

    def __init__(self, reasons: list[str], *, problems: list[GateProblem] | None = None,
                 may_override: bool = False) -> None:
        super().__init__("स्थिति नहीं बदली (status not changed): " + "; ".join(reasons))
        self.reasons = reasons
        self.problems = problems or []
        self.may_override = may_override


@dataclass(frozen=True, slots=True)
class MoveInfo:
    """A move the actor may make from the current status."""

    target: Status
    action: str
    label: str
    needs_note: bool
    gated: bool


@dataclass(frozen=True, slots=True)
class StatusInfo:
    """Where a story is: its status, the actor's moves, owner and assignee, edit right."""

    article_id: int
    version: int
    status: Status
    moves: tuple[MoveInfo, ...]
    owner: str
    assignee: str
    may_edit: bool
    updated_at: datetime

    @property
    def label(self) -> str:
        """The status's bilingual label."""
        return self.status.label

    def to_json(self) -> dict[str, object]:
        """The status as JSON (``sampadak status --json``)."""
        return {"id": self.article_id, "version": self.version, "status": self.status.value,
                "label": self.label, "owner": self.owner, "assignee": self.assignee,
                "may_edit": self.may_edit,
                "moves": [{"to": m.target.value, "action": m.action, "label": m.label,
                           "needs_note": m.needs_note, "gated": m.gated}
                          for m in self.moves]}


class WorkflowService:
    """Status moves on behalf of ``actor`` (see the module contract).

    ``style`` is the house style the gate uses (default: the stored sheet); ``speller``
    the spell-checker for the gate (``None``: spelling is reported as not checked).
    """

    def __init__(self, db: Database, actor: Actor | str, *, style: HouseStyle | None = None,
                 speller: SpellChecker | None = None) -> None:
        self._db = db
        self.actor = as_actor(actor)
        self._style = style
        self.speller = speller

    def allowed_moves(self, status: Status | str) -> list[Transition]:
        """The moves the actor's role may make from ``status``."""
        return [t for t in moves_from(known_status(status)) if self.actor.role in t.roles]

    def status(self, article_id: int) -> StatusInfo:
        """Where the article is and what the actor may do with it."""
        with self._db.session() as session:
            article = _load(session, article_id)
            state = known_status(article.status)
            moves = tuple(MoveInfo(t.target, t.action, t.label, t.needs_note, t.gated)
                          for t in self.allowed_moves(state))
            return StatusInfo(article.id, article.version, state, moves,
                              _user_name(session, article.owner_id),
                              _user_name(session, article.assignee_id),
                              may_edit(self.actor.role, state), article.updated_at)

    def check(self, article_id: int) -> list[GateProblem]:
        """The approval gate's problems for the article now (warnings included)."""
        return approval_problems(self._db, article_id, self._gate_style(),
                                 speller=self.speller)

    def transition(self, article_id: int, target: Status | str, *, note: str = "",
                   override: str | None = None,
                   expected_version: int | None = None) -> ArticleRecord:
        """Move the article to ``target`` (see the module contract); the stored record."""
        note = " ".join(to_nfc(note).split())
        reason = " ".join(to_nfc(override).split()) if override is not None else None
        style = self._gate_style()
        try:
            with self._db.session() as session:
                article = _load(session, article_id)
                if expected_version is not None and article.version != expected_version:
                    raise ConflictError(
                        f"लेख {article_id} इस बीच बदला गया (article {article_id} was changed "
                        f"elsewhere: you have version {expected_version}, the database has "
                        f"{article.version})", article_id=article_id,
                        expected=expected_version, actual=article.version)
                source = known_status(article.status)
                wanted = _target(target)
                rule = move(source, wanted)
                problems = self._refusals(session, article_id, source, wanted, rule, note,
                                          reason, style)
                assert rule is not None
                self._apply(session, article, rule, note, reason, problems)
                record = article_record(article)
        except StaleDataError as exc:
            raise ConflictError("the article changed while its status was being moved",
                                article_id=article_id, expected=expected_version) from exc
        log.info("article %d: %s -> %s by %s%s", article_id, rule.source.value,
                 rule.target.value, self.actor.name, " (override)" if reason else "")
        return record

    # ----------------------------------------------------------------- helpers
    def _gate_style(self) -> HouseStyle:
        if self._style is None:
            self._style = load_style(self._db)
        return self._style

    def _refusals(self, session: Session, article_id: int, source: Status, wanted: Status,
                  rule: Transition | None, note: str, reason: str | None,
                  style: HouseStyle) -> list[GateProblem]:
        """Raise :class:`TransitionRefused` with every reason; return the gate problems an
        override passes (empty otherwise)."""
        actor = self.actor
        if rule is None:
            raise TransitionRefused([
                f"“{source.label}” से “{wanted.label}” में ले जाना संभव नहीं "
                f"(no move from {source.value} to {wanted.value})"])
        reasons: list[str] = []
        if actor.role not in rule.roles:
            reasons.append(f"{actor.name} ({actor.role.label}) यह नहीं कर सकते: {rule.label}; "
                           f"कर सकते हैं: {role_names(rule.roles)} ({actor.name} may not "
                           f"{rule.action} a story that is {source.value})")
        if rule.needs_note and not note:
            reasons.append(f"टिप्पणी ज़रूरी है: {rule.label} (a note is required to "
                           f"{rule.action})")
        overriding = reason is not None
        if overriding and actor.role not in DESK:
            reasons.append(f"{actor.name} ({actor.role.label}) जांच को अनदेखा नहीं कर सकते; "
                           f"केवल {role_names(DESK)} (only a desk chief or admin may "
                           "override the approval gate)")
        if overriding and not reason:
            reasons.append("अनदेखा करने का कारण लिखें (an override needs a written reason)")
        problems: list[GateProblem] = []
        if rule.gated:
            problems = blocking(approval_problems(session, article_id, style,
                                                  speller=self.speller))
            if problems and not (overriding and reason and actor.role in DESK):
                reasons.extend(p.message for p in problems)
        embargo = publishing.embargo_problem(session, article_id, rule)  # wip-queues
        if embargo is not None:  # marking exported before the embargo: overridable too
            problems.append(embargo)
            if not (overriding and reason and actor.role in DESK):
                reasons.append(embargo.message)
        if reasons:
            raise TransitionRefused(reasons, problems=problems,
                                    may_override=bool(problems) and actor.role in DESK
                                    and actor.role in rule.roles)
        return problems if overriding else []

    def _apply(self, session: Session, article: Article, rule: Transition, note: str,
               reason: str | None, overridden: list[GateProblem]) -> None:
        article.status = rule.target.value
        article.updated_at = utcnow()
        publishing.after_move(session, article, rule, note, self.actor)  # wip-queues
        session.flush()  # the UPDATE bumps the version (guarded by it)
        if rule.target == Status.IN_COPY_EDIT:
            self._start_tracking(session, article)
        detail: dict[str, object] = {"from": rule.source.value, "to": rule.target.value,
                                     "action": rule.action, "note": note}
        if reason is not None and overridden:  # recorded only when it passed problems
            detail["override"] = reason
            detail["problems"] = [p.message for p in overridden]
        session.add(AuditEvent(user=self.actor.name, user_id=actor_id(self.actor),
                               action="workflow.transition", article_id=article.id,
                               detail_json=json.dumps(detail, ensure_ascii=False)))
        session.flush()

    def _start_tracking(self, session: Session, article: Article) -> None:
        # tracked changes (wip-tracking): one rule for the base, kept while suggestions
        # are still open
        start_tracking(session, article, self.actor)


def _target(target: Status | str) -> Status:
    try:
        return Status(target)
    except ValueError:
        choices = ", ".join(s.value for s in Status)
        raise TransitionRefused([f"अज्ञात स्थिति {target!r} (unknown status {target!r}; "
                                 f"one of {choices})"]) from None


def _load(session: Session, article_id: int) -> Article:
    article = session.get(Article, article_id)
    if article is None:
        raise NotFoundError(f"लेख {article_id} नहीं मिला (no article with id {article_id})")
    return article


def _user_name(session: Session, user_id: int | None) -> str:
    if user_id is None:
        return ""
    user = session.get(User, user_id)
    return user.name if user is not None else ""
