"""An article's history: revision diffs, the timeline of revisions and workflow actions,
and restoring a revision.

Contracts:
- Revisions are named by their *number*: 1 for the article's first revision, counting up in
  the order they were written (ids order them; a revision is never rewritten), so a number
  the user saw stays valid. ``TimelineEntry.revision_id`` gives the database id as well.
- :func:`diff_revisions` compares any two revisions (either order) field by field
  (:func:`diff_data` makes the same comparison of any two :class:`ArticleData`):
  headline, dek, bylines, dateline place and date, category, tags, slug, language and body.
  Only fields that differ are listed, each with its text hunks from
  :func:`~editor_app.core.review.diff.diff_text`; list fields (tags, bylines) are compared
  as text, tags joined with ``", "``, bylines one a line.
- :func:`timeline` merges revisions with the article's audit events of workflow actions
  (``workflow.*``) and of ``article.trash``/``restore``/``import``/``merge``, oldest first;
  each entry says who, when, the status the article had after it (a revision's own
  recorded status when it has one), and its note.
- :func:`restore_revision` saves a revision's data as a NEW revision (note
  ``"restored revision N"``) through :meth:`ArticleService.save`, so the optimistic lock
  holds (:class:`ConflictError` on a stale version) and history is never rewritten.
  Restoring data equal to the current data writes nothing.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import select

from editor_app.core.article_data import (
    ArticleData,
    ArticleRecord,
    BylineData,
    data_from_snapshot,
)
from editor_app.core.articles import ArticleService
from editor_app.core.db import Database
from editor_app.core.errors import NotFoundError
from editor_app.core.models import Article, AuditEvent, Revision
from editor_app.core.review.diff import Hunk, diff_text

__all__ = ["FIELD_LABELS", "FieldChange", "RevisionDiff", "RevisionRef", "TimelineEntry",
           "TimelineKind", "diff_data", "diff_revisions", "restore_revision", "revision_data",
           "timeline"]

logger = logging.getLogger(__name__)

#: Bilingual labels of the compared fields, in the order a diff lists them (the metadata
#: panel's Hindi words).
FIELD_LABELS: dict[str, str] = {
    "headline": "शीर्षक (Headline)",
    "dek": "सार (Dek)",
    "bylines": "बाइलाइन (Bylines)",
    "dateline_place": "डेटलाइन (Dateline place)",
    "dateline_date": "तारीख (Dateline date)",
    "category": "श्रेणी (Category)",
    "tags": "टैग (Tags)",
    "slug": "स्लग (Slug)",
    "related": "इसे भी पढ़ें (Related links)",
    "language": "भाषा (Language)",
    "body": "मुख्य पाठ (Body)",
}

TimelineKind = Literal["revision", "transition", "workflow", "trash", "restore", "import",
                       "merge"]

_EVENT_KINDS: dict[str, TimelineKind] = {
    "workflow.transition": "transition", "article.trash": "trash",
    "article.restore": "restore", "article.import": "import", "article.merge": "merge",
}


@dataclass(frozen=True, slots=True)
class RevisionRef:
    """Which revision a diff side is: number, database id, author, time, note."""

    number: int
    id: int
    author: str
    created_at: datetime
    note: str


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One changed field: ``old``/``new`` as text and the hunks between them."""

    field: str
    label: str
    old: str
    new: str
    hunks: tuple[Hunk, ...]


@dataclass(frozen=True, slots=True)
class RevisionDiff:
    """The changes from revision ``old`` to revision ``new`` (changed fields only)."""

    article_id: int
    old: RevisionRef
    new: RevisionRef
    changes: tuple[FieldChange, ...]

    def change(self, name: str) -> FieldChange | None:
        """The change of field ``name``, ``None`` when it did not change."""
        return next((c for c in self.changes if c.field == name), None)

    @property
    def metadata_changes(self) -> tuple[FieldChange, ...]:
        """Every change except the body's (what a view lists above the body diff)."""
        return tuple(c for c in self.changes if c.field != "body")


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One line of the history: a revision or an audit event of a workflow action.

    ``status``: the article's status after this entry. ``revision``: the revision number
    (``None`` for events). ``detail``: the event's details (``from``, ``to``, ``override``
    for a transition); empty for revisions."""

    kind: TimelineKind
    at: datetime
    who: str
    status: str
    note: str
    revision: int | None = None
    revision_id: int | None = None
    detail: Mapping[str, Any] = field(default_factory=dict)


#: The :class:`ArticleData` a revision snapshot holds (one reader for every snapshot).
revision_data = data_from_snapshot


def diff_revisions(service: ArticleService, article_id: int, rev_a: int, rev_b: int
                   ) -> RevisionDiff:
    """The changes from revision number ``rev_a`` to ``rev_b`` of the article.

    Raises :class:`NotFoundError` for an unknown article or revision number."""
    (ref_a, data_a), (ref_b, data_b) = _load_revisions(service.db, article_id, (rev_a, rev_b))
    return RevisionDiff(article_id, ref_a, ref_b, diff_data(data_a, data_b))


def diff_data(old: ArticleData, new: ArticleData) -> tuple[FieldChange, ...]:
    """The fields that differ from ``old`` to ``new``, in :data:`FIELD_LABELS` order, each
    with its text hunks (the comparison :func:`diff_revisions` makes, for any two
    versions of an article's data, stored or not)."""
    changes = []
    for name, label in FIELD_LABELS.items():
        old_text, new_text = _field_text(old, name), _field_text(new, name)
        if old_text != new_text:
            changes.append(FieldChange(name, label, old_text, new_text,
                                       tuple(diff_text(old_text, new_text))))
    return tuple(changes)


def restore_revision(service: ArticleService, article_id: int, revision: int,
                     expected_version: int) -> ArticleRecord:
    """Save revision number ``revision``'s data over version ``expected_version`` as a new
    revision noted ``"restored revision N"`` (see the module contract)."""
    [(_ref, data)] = _load_revisions(service.db, article_id, (revision,))
    logger.info("restoring revision %d of article %d", revision, article_id)
    return service.save(article_id, data, expected_version,
                        note=f"restored revision {revision}")


def timeline(db: Database, article_id: int) -> list[TimelineEntry]:
    """The article's revisions and workflow events as one list, oldest first (see the module
    contract). Raises :class:`NotFoundError` for an unknown article."""
    with db.session() as session:
        status = session.scalar(select(Article.status).where(Article.id == article_id))
        if status is None:
            raise NotFoundError(f"no article with id {article_id}")
        revisions = session.execute(
            select(Revision.id, Revision.created_at, Revision.author, Revision.note,
                   Revision.status)
            .where(Revision.article_id == article_id).order_by(Revision.id)).all()
        events = session.execute(
            select(AuditEvent.id, AuditEvent.at, AuditEvent.user, AuditEvent.action,
                   AuditEvent.detail_json)
            .where(AuditEvent.article_id == article_id,
                   AuditEvent.action.startswith("workflow.")
                   | AuditEvent.action.in_(tuple(_EVENT_KINDS)))
            .order_by(AuditEvent.id)).all()
    # (time, 0 for revisions / 1 for events, id): a revision and the event written in the
    # same save keep their order; events of one kind keep their id order.
    rows: list[tuple[tuple[datetime, int, int], TimelineEntry]] = []
    for number, (rev_id, at, author, note, rev_status) in enumerate(revisions, start=1):
        rows.append(((at, 0, rev_id), TimelineEntry(
            "revision", at, author, rev_status or "", note, revision=number,
            revision_id=rev_id)))
    for event_id, at, user, action, detail_json in events:
        detail = _detail(detail_json)
        kind = _EVENT_KINDS.get(action, "workflow")
        rows.append(((at, 1, event_id), TimelineEntry(
            kind, at, user, "", str(detail.get("note", "") or ""), detail=detail)))
    rows.sort(key=lambda row: row[0])
    return _with_status([entry for _key, entry in rows], status)


# --- internals -----------------------------------------------------------------------------

def _with_status(entries: Sequence[TimelineEntry], current: str) -> list[TimelineEntry]:
    """Fill in each entry's status, walking back from the current one: before a transition
    the article had the transition's ``from`` status. A revision that recorded its status
    (``Revision.status``, migration 0004) keeps it."""
    out: list[TimelineEntry] = []
    status = current
    for entry in reversed(entries):
        out.append(entry if entry.status else _replace_status(entry, status))
        if entry.kind == "transition" and entry.detail.get("from"):
            status = str(entry.detail["from"])
    out.reverse()
    return out


def _replace_status(entry: TimelineEntry, status: str) -> TimelineEntry:
    return TimelineEntry(entry.kind, entry.at, entry.who, status, entry.note,
                         entry.revision, entry.revision_id, entry.detail)


def _detail(detail_json: str) -> dict[str, Any]:
    try:
        detail = json.loads(detail_json or "{}")
    except ValueError:
        logger.warning("audit event with unreadable detail: %r", detail_json[:200])
        return {}
    return detail if isinstance(detail, dict) else {}


def _load_revisions(db: Database, article_id: int, numbers: Sequence[int]
                    ) -> list[tuple[RevisionRef, ArticleData]]:
    """The revisions with these numbers (1-based), in the order asked."""
    with db.session() as session:
        if session.scalar(select(Article.id).where(Article.id == article_id)) is None:
            raise NotFoundError(f"no article with id {article_id}")
        ids = list(session.scalars(select(Revision.id).where(Revision.article_id == article_id)
                                   .order_by(Revision.id)))
        out = []
        for number in numbers:
            if not 1 <= number <= len(ids):
                raise NotFoundError(f"article {article_id} has no revision {number} "
                                    f"(it has {len(ids)})")
            rev = session.get(Revision, ids[number - 1])
            assert rev is not None  # the id was just read in this transaction
            ref = RevisionRef(number, rev.id, rev.author, rev.created_at, rev.note)
            out.append((ref, revision_data(rev.headline, rev.dek, rev.body,
                                           _detail(rev.metadata_json))))
        return out


def _byline_text(byline: BylineData) -> str:
    text = byline.display()
    return f"{text} [{byline.name_latin}]" if byline.name_latin else text


def _field_text(data: ArticleData, name: str) -> str:
    if name == "tags":
        return ", ".join(data.tags)
    if name == "bylines":
        return "\n".join(_byline_text(b) for b in data.bylines)
    if name == "dateline_date":
        return data.dateline_date.isoformat() if data.dateline_date else ""
    if name == "related":
        return "\n".join(link.display() for link in data.related)
    value: str = getattr(data, name)
    return value
