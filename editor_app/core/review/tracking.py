"""Tracked changes (suggestions) on an article's headline, dek and body.

Contracts:
- Tracking follows from the status, in core: while an article is ``in_copy_edit`` and has
  a :class:`~editor_app.core.models.TrackingBase`, every save is tracked; nobody can switch
  it off. :func:`start_tracking` makes the base (the workflow calls it when a story goes
  into copy edit; an existing base is kept, with its open suggestions).
- :func:`record_save` runs inside the save's transaction, after the article row and its
  revision are flushed. The open suggestions of a field are then exactly
  ``diff_text(base, current)``, matched to the rows that were open before so ids, authors
  and times are stable (rules in :mod:`.tracking_plan`). A save while the article is in
  any other status is untracked: the change goes into the base too, so it never shows as a
  suggestion; an untracked edit inside an open suggestion absorbs it (recorded as accepted
  by the person who edited it, audit detail ``"by_edit": true``).
- :class:`TrackingService` decides: :meth:`~TrackingService.accept` moves the base forward
  (the text already has the change); :meth:`~TrackingService.reject` undoes the change in
  the text. Each decision is one transaction that checks ``expected_version`` (optimistic
  lock), bumps the article's version, writes a new revision (note "accepted suggestion 3",
  "rejected suggestions 4, 5"), keeps the rows (state, decided_by, decided_at, revision_id)
  and writes one audit event per suggestion (``review.accept`` / ``review.reject`` with
  detail ``{suggestion, field, old, new, author}``). The suggestions left open keep their
  ids, authors and texts and move to their exact new offsets (no new diff: with repeated
  words a diff could swap which change an id stands for), so accepting or rejecting them
  later gives the base with exactly the accepted changes.
- Who decides: the article's owner (the reporter) or a desk chief/admin. Nobody but a desk
  chief/admin accepts their own suggestion (a copy editor withdraws by undoing it).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from editor_app.core.db import Database
from editor_app.core.errors import (
    ConflictError,
    NotFoundError,
    PermissionDenied,
    ValidationError,
)
from editor_app.core.models import (
    Article,
    AuditEvent,
    Revision,
    Suggestion,
    TrackingBase,
    utcnow,
)
from editor_app.core.profiles import Actor
from editor_app.core.review.comments import reanchor
from editor_app.core.review.diff import Hunk
from editor_app.core.review.tracking_plan import (
    Author,
    Plan,
    Span,
    as_hunks,
    carry_untracked,
    edited_ranges,
    move_base,
    plan_save,
    rebuild,
    revert,
)
from editor_app.core.review.tracking_values import (
    FIELDS,
    DecisionResult,
    SuggestionInfo,
    TrackedView,
)
from editor_app.core.users import actor_id, as_actor
from editor_app.core.workflow.statuses import DESK, Status

__all__ = ["TrackingService", "decision_note", "open_suggestion_count", "record_save",
           "start_tracking"]

log = logging.getLogger(__name__)

_OPEN = "open"


def start_tracking(session: Session, article: Article, actor: Actor | str | None = None,
                   revision_id: int | None = None) -> TrackingBase:
    """Start tracking ``article`` (a move into copy edit): its base becomes the current
    headline, dek and body at ``revision_id`` (default: the latest revision). A base that
    still has open suggestions is kept as it is (a story coming back into copy edit
    carries its undecided suggestions; untracked edits meanwhile went into the base)."""
    if revision_id is None:
        revision_id = _latest_revision_id(session, article.id)
    base = session.get(TrackingBase, article.id)
    if base is not None and open_suggestion_count(session, article.id):
        log.info("article %d back in copy edit with open suggestions: base kept", article.id)
        return base
    if base is None:
        base = TrackingBase(article_id=article.id)
        session.add(base)
    base.headline, base.dek, base.body = article.headline, article.dek, article.body
    base.revision_id = revision_id
    base.started_at = utcnow()
    base.started_by_id = _author(actor).id if actor is not None else None
    session.flush()
    log.info("tracking started for article %d at revision %s", article.id, revision_id)
    return base


def open_suggestion_count(session: Session, article_id: int) -> int:
    """How many suggestions of the article are undecided (for the approval gate)."""
    return int(session.scalar(select(func.count()).select_from(Suggestion).where(
        Suggestion.article_id == article_id, Suggestion.state == _OPEN)) or 0)


def record_save(session: Session, article: Article, actor: Actor | str) -> None:
    """Bring the suggestions up to date after a save of ``article`` (see the module
    contract); does nothing for an article without a tracking base."""
    base = session.get(TrackingBase, article.id)
    if base is None:
        return
    saver = _author(actor)
    tracked = article.status == Status.IN_COPY_EDIT
    rows = _open_rows(session, article.id)
    revision_id = _latest_revision_id(session, article.id)
    for name in FIELDS:
        field_rows = [r for r in rows if r.field == name]
        spans = [_span(r) for r in field_rows]
        current = getattr(article, name)
        edited: list[tuple[int, int]] | None = None
        if not tracked:
            spans = _carry(session, article, base, name, spans, field_rows, saver,
                           revision_id)
        else:
            edited = _edited(getattr(base, name), spans, current)
        by_id = {r.id: r for r in field_rows}
        plan = plan_save(getattr(base, name), current, spans, saver, tracked=tracked,
                         edited=edited)
        _apply_plan(session, article.id, name, plan, by_id, saver)


def _edited(base_text: str, spans: list[Span], current: str) -> list[tuple[int, int]] | None:
    """What this save changed in a field (``None`` when the rows do not fit the base)."""
    try:
        return edited_ranges(rebuild(base_text, spans), current)
    except ValidationError:
        return None


def _carry(session: Session, article: Article, base: TrackingBase, name: str,
           spans: list[Span], rows: list[Suggestion], saver: Author,
           revision_id: int | None) -> list[Span]:
    """Take an untracked change of field ``name`` into the base; the spans left open."""
    base_text, current = getattr(base, name), getattr(article, name)
    try:
        previous = rebuild(base_text, spans)
    except ValidationError:
        log.warning("article %d: open %s suggestions did not fit their base; re-matched",
                    article.id, name)
        return spans
    if previous == current:
        return spans
    carry = carry_untracked(base_text, previous, current, spans)
    setattr(base, name, carry.base)
    by_id = {r.id: r for r in rows}
    for span_id in carry.absorbed:
        row = by_id[span_id]
        _decide(row, "accepted", saver, revision_id)
        _audit(session, saver, "review.accept", article.id, row, by_edit=True)
    return carry.spans


def _apply_plan(session: Session, article_id: int, name: str, plan: Plan,
                rows: dict[int, Suggestion], saver: Author) -> None:
    now = utcnow()
    for span_id, hunk in plan.keep.items():
        row = rows[span_id]
        row.base_start, row.base_end = hunk.old_start, hunk.old_end
    for span_id, hunk in plan.update.items():
        row = rows[span_id]
        _set_hunk(row, hunk)
        row.updated_at = now
    for span_id in plan.withdraw:
        _decide(rows[span_id], "withdrawn", saver, None)
    for hunk, author in plan.create:
        row = Suggestion(article_id=article_id, field=name, author_id=author.id,
                         author_name=author.name, state=_OPEN, created_at=now,
                         updated_at=now)
        _set_hunk(row, hunk)
        session.add(row)
    session.flush()


def _set_hunk(row: Suggestion, hunk: Hunk) -> None:
    row.base_start, row.base_end = hunk.old_start, hunk.old_end
    row.old_text, row.new_text = hunk.old_text, hunk.new_text


def _decide(row: Suggestion, state: str, by: Author, revision_id: int | None) -> None:
    row.state = state
    row.decided_by_id, row.decided_by_name = by.id, by.name
    row.decided_at = utcnow()
    row.revision_id = revision_id


def _audit(session: Session, by: Author, action: str, article_id: int, row: Suggestion,
           **extra: object) -> None:
    detail: dict[str, object] = {"suggestion": row.id, "field": row.field,
                                 "old": row.old_text, "new": row.new_text,
                                 "author": row.author_name, **extra}
    session.add(AuditEvent(user=by.name, user_id=by.id, action=action, article_id=article_id,
                           detail_json=json.dumps(detail, ensure_ascii=False)))


def _author(actor: Actor | str) -> Author:
    """The user id to record (``None`` for a maintenance actor) and the display name."""
    who = as_actor(actor)
    return Author(actor_id(who), who.name)


def _span(row: Suggestion) -> Span:
    return Span(row.id, row.base_start, row.base_end, row.old_text, row.new_text,
                Author(row.author_id, row.author_name))


def _open_rows(session: Session, article_id: int) -> list[Suggestion]:
    return list(session.scalars(select(Suggestion).where(
        Suggestion.article_id == article_id, Suggestion.state == _OPEN)
        .order_by(Suggestion.id)))


def _latest_revision_id(session: Session, article_id: int) -> int | None:
    return session.scalar(select(Revision.id).where(Revision.article_id == article_id)
                          .order_by(Revision.id.desc()).limit(1))


def _info(row: Suggestion, start: int | None = None, end: int | None = None) -> SuggestionInfo:
    return SuggestionInfo(
        id=row.id, article_id=row.article_id, field=row.field, old_text=row.old_text,
        new_text=row.new_text, author_id=row.author_id, author_name=row.author_name,
        created_at=row.created_at, updated_at=row.updated_at, state=row.state,
        base_start=row.base_start, base_end=row.base_end, start=start, end=end,
        decided_by_id=row.decided_by_id, decided_by_name=row.decided_by_name,
        decided_at=row.decided_at, revision_id=row.revision_id)


# ------------------------------------------------------------------ the service

class TrackingService:
    """Reading and deciding suggestions as ``actor`` (see the module contract)."""

    def __init__(self, db: Database, actor: Actor) -> None:
        self._db = db
        self.actor = actor

    def view(self, article_id: int) -> TrackedView:
        """The article's tracked state: texts, open and decided suggestions."""
        with self._db.session() as session:
            article = _load(session, article_id)
            base = session.get(TrackingBase, article_id)
            rows = list(session.scalars(select(Suggestion).where(
                Suggestion.article_id == article_id).order_by(Suggestion.id)))
            current = {name: getattr(article, name) for name in FIELDS}
            open_infos: list[SuggestionInfo] = []
            for name in FIELDS:
                field_rows = sorted((r for r in rows if r.field == name and r.state == _OPEN),
                                    key=lambda r: r.base_start)
                for row, hunk in zip(field_rows, as_hunks([_span(r) for r in field_rows]),
                                     strict=True):
                    open_infos.append(_info(row, hunk.new_start, hunk.new_end))
            return TrackedView(
                article_id=article_id, version=article.version, status=article.status,
                owner_id=article.owner_id, tracking=base is not None,
                base={name: getattr(base, name) if base is not None else current[name]
                      for name in FIELDS},
                current=current, open=open_infos,
                decided=[_info(r) for r in rows if r.state != _OPEN])

    def suggestions(self, article_id: int, *, include_decided: bool = True,
                    ) -> list[SuggestionInfo]:
        """Open suggestions in reading order, then (``include_decided``) decided ones."""
        view = self.view(article_id)
        return view.open + (view.decided if include_decided else [])

    def accept(self, article_id: int, ids: Iterable[int] | None = None, *,
               author_id: int | None = None,
               expected_version: int | None = None) -> DecisionResult:
        """Accept the open suggestions ``ids`` (all open ones when ``None``, optionally
        only those by ``author_id``): the base takes them; a new revision records it."""
        return self._decide(article_id, ids, author_id, expected_version, "accepted")

    def reject(self, article_id: int, ids: Iterable[int] | None = None, *,
               author_id: int | None = None,
               expected_version: int | None = None) -> DecisionResult:
        """Reject the open suggestions ``ids`` (as for :meth:`accept`): the text gets the
        base's words back, in a new revision."""
        return self._decide(article_id, ids, author_id, expected_version, "rejected")

    # -------------------------------------------------------------- deciding
    def _decide(self, article_id: int, ids: Iterable[int] | None, author_id: int | None,
                expected_version: int | None, state: str) -> DecisionResult:
        wanted = None if ids is None else list(dict.fromkeys(ids))
        try:
            with self._db.session() as session:
                article = _load(session, article_id)
                if expected_version is not None and article.version != expected_version:
                    raise ConflictError(
                        f"article {article_id} was changed elsewhere (you have version "
                        f"{expected_version}, the database has version {article.version})",
                        article_id=article_id, expected=expected_version,
                        actual=article.version)
                self._check_may_decide(article)
                base = session.get(TrackingBase, article_id)
                rows = _open_rows(session, article_id)
                chosen = self._chosen(rows, wanted, author_id, state)
                if base is None or not chosen:
                    return DecisionResult(article_id, (), article.version,
                                          _latest_revision_id(session, article_id))
                moved = self._change_texts(session, article, base, rows, chosen, state)
                revision_id = self._write_revision(session, article, chosen, state)
                by = _author(self.actor)
                action = "review.accept" if state == "accepted" else "review.reject"
                for row in chosen:
                    _decide(row, state, by, revision_id)
                    _audit(session, by, action, article_id, row)
                session.flush()
                self._resync(session, article, base, moved)
                return DecisionResult(article_id, tuple(r.id for r in chosen),
                                      article.version, revision_id)
        except StaleDataError as exc:
            raise ConflictError("the article was saved by someone else while the "
                                "suggestions were being decided",
                                article_id=article_id, expected=expected_version) from exc

    def _check_may_decide(self, article: Article) -> None:
        if self.actor.role in DESK or (article.owner_id is not None
                                       and article.owner_id == actor_id(self.actor)):
            return
        raise PermissionDenied(
            "सुझाव पर निर्णय संवाददाता या डेस्क प्रमुख ही ले सकते हैं "
            "(only the story's reporter or a desk chief may accept or reject suggestions)")

    def _chosen(self, rows: Sequence[Suggestion], wanted: list[int] | None,
                author_id: int | None, state: str) -> list[Suggestion]:
        by_id = {r.id: r for r in rows}
        if wanted is None:
            chosen = [r for r in rows if author_id is None or r.author_id == author_id]
        else:
            missing = [i for i in wanted if i not in by_id]
            if missing:
                raise ValidationError(
                    "सुझाव खुला नहीं है (not an open suggestion of this article): "
                    + ", ".join(str(i) for i in missing))
            chosen = [by_id[i] for i in wanted
                      if author_id is None or by_id[i].author_id == author_id]
        if state == "accepted" and self.actor.role not in DESK:
            own = [r.id for r in chosen if r.author_id == actor_id(self.actor)]
            if own:
                raise PermissionDenied(
                    "अपना सुझाव स्वयं स्वीकार नहीं कर सकते (you cannot accept your own "
                    "suggestion): " + ", ".join(str(i) for i in own))
        return chosen

    @staticmethod
    def _change_texts(session: Session, article: Article, base: TrackingBase,
                      rows: Sequence[Suggestion], chosen: Sequence[Suggestion],
                      state: str) -> dict[str, list[Span]]:
        """Apply the decision to the texts; return, per field it changed, the suggestions
        left open at their exact new base offsets (an acceptance moves them with the base,
        a rejection leaves the base and so their offsets as they were)."""
        chosen_ids = {r.id for r in chosen}
        before = {name: getattr(article, name) for name in FIELDS}
        moved: dict[str, list[Span]] = {}
        for name in FIELDS:
            spans = [_span(r) for r in rows if r.field == name]
            picked = [s.id for s in spans if s.id in chosen_ids]
            base_text, current = getattr(base, name), getattr(article, name)
            if rebuild(base_text, spans) != current:
                raise ConflictError(
                    f"the {name} suggestions of article {article.id} are out of date; "
                    "reload and try again", article_id=article.id)
            if not picked:
                continue
            if state == "accepted":
                new_base, moved[name] = move_base(base_text, spans, picked)
                setattr(base, name, new_base)
            else:
                setattr(article, name, revert(base_text, current, spans, picked))
                moved[name] = [s for s in spans if s.id not in chosen_ids]
        article.updated_at = utcnow()
        # comments (issue 11 item 6): anchors follow a rejection like any other edit
        reanchor(session, article.id, before, {name: getattr(article, name) for name in FIELDS})
        return moved

    def _write_revision(self, session: Session, article: Article,
                        chosen: Sequence[Suggestion], state: str) -> int:
        session.flush()  # the UPDATE guarded by the version column
        latest = session.scalar(select(Revision).where(Revision.article_id == article.id)
                                .order_by(Revision.id.desc()).limit(1))
        note = decision_note(chosen, state)
        revision = Revision(
            article_id=article.id, parent_id=latest.id if latest else None,
            article_version=article.version, author=self.actor.name,
            author_id=actor_id(self.actor), headline=article.headline, dek=article.dek,
            body=article.body, metadata_json=latest.metadata_json if latest else "{}",
            note=note, status=article.status)
        session.add(revision)
        session.flush()
        return revision.id

    def _resync(self, session: Session, article: Article, base: TrackingBase,
                moved: dict[str, list[Span]]) -> None:
        """Move the suggestions left open to their new offsets (their ids, authors and
        texts stay). The offsets come from the decision itself, not from a new diff: with
        repeated words a diff may align two suggestions the other way round, and an id
        would then stand for someone else's change. Should they not describe the texts
        (never expected), they are re-matched by a diff instead, and that is logged."""
        rows = {r.id: r for r in _open_rows(session, article.id)}
        by = _author(self.actor)
        for name, spans in moved.items():
            if rebuild(getattr(base, name), spans) == getattr(article, name):
                for span in spans:
                    rows[span.id].base_start, rows[span.id].base_end = (span.base_start,
                                                                        span.base_end)
                continue
            log.warning("article %d: the open %s suggestions did not fit after a decision; "
                        "re-matched", article.id, name)
            field_rows = {i: r for i, r in rows.items() if r.field == name}
            plan = plan_save(getattr(base, name), getattr(article, name),
                             [_span(r) for r in field_rows.values()], by, tracked=False)
            _apply_plan(session, article.id, name, plan, field_rows, by)
        session.flush()


def decision_note(rows: Sequence[Suggestion], state: str) -> str:
    """The revision note of a decision: ``accepted suggestion 3 (नेहा: «मजूबत» → «मजबूत»)``;
    the details are left out beyond three suggestions (the audit events keep them)."""
    word = "accepted" if state == "accepted" else "rejected"
    ids = ", ".join(str(r.id) for r in rows)
    note = f"{word} suggestion{'s' if len(rows) > 1 else ''} {ids}"
    if len(rows) <= 3:
        parts = [f"{r.author_name}: «{_clip(r.old_text)}» → «{_clip(r.new_text)}»"
                 for r in rows]
        note += " (" + "; ".join(parts) + ")"
    return note[:500]


def _clip(text: str, limit: int = 30) -> str:
    clean = " ".join(text.split())
    return clean if len(clean) <= limit else clean[: limit - 1] + "…"


def _load(session: Session, article_id: int) -> Article:
    article = session.get(Article, article_id)
    if article is None:
        raise NotFoundError(f"no article with id {article_id}")
    return article
