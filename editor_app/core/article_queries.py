"""Summary queries for the article list: one page at a time, sorted and filtered in SQL.

Contract:
- Only summary columns are read (id, uuid, headline, status, denormalised byline text,
  updated time, trashed) plus the tag names of the rows returned; bodies, deks and revisions
  are never loaded, so a page costs the same at 100 and at 100,000 articles.
- Sorting and filtering happen in the database on indexed columns (migration 0003): live
  or trashed, status, tag, and a headline filter over the folded search keys (nukta-, nasal-
  and case-insensitive, like search). Every order ends with ``id`` so pages never overlap
  or skip rows between two reads.
- Queues (``queue=`` "mine", "waiting", "overdue" with ``viewer=`` the person looking; see
  :mod:`editor_app.core.workflow.queues` for their definitions) are SQL conditions on the
  indexed queue columns of migration 0004, combined with the other filters.
- Every summary carries its assignee (id and display name, looked up once per page like the
  tags), deadline, embargo time and owner.
- Headline/byline order follows the database's collation (binary on SQLite, the server's
  locale on PostgreSQL): acceptable for a list a person scrolls, unlike the code-point order
  promised for tag and people lists.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

import sqlalchemy as sa
from sqlalchemy.orm import Session

from editor_app.core.article_data import ArticleSummary, DeskInfo
from editor_app.core.models import Article, Tag, User, article_tags
from editor_app.core.profiles import ProfileInfo
from editor_app.core.search_index import has_search_index, search_documents
from editor_app.core.search_text import index_key_text
from editor_app.core.workflow.queues import Queue, queue_condition

__all__ = ["SORT_KEYS", "ListQuery", "SortKey", "count_summaries", "desk_info",
           "list_summaries", "queue_ids", "summaries_for"]

SortKey = Literal["updated", "headline", "status", "byline", "assignee", "deadline"]
SORT_KEYS: tuple[SortKey, ...] = ("updated", "headline", "status", "byline", "assignee",
                                  "deadline")
_SORT_COLUMNS: dict[SortKey, Any] = {
    "updated": Article.updated_at,
    "headline": Article.headline,
    "status": Article.status,
    "byline": Article.byline_text,
    "assignee": Article.assignee_id,  # groups the rows by person
    "deadline": Article.deadline,
}
_SUMMARY_COLUMNS = (Article.id, Article.uuid, Article.headline, Article.status,
                    Article.byline_text, Article.updated_at, Article.trashed,
                    Article.assignee_id, Article.deadline, Article.embargo_until,
                    Article.owner_id)


@dataclass(frozen=True, slots=True)
class ListQuery:
    """What the list shows: ``trashed=None`` shows both; ``text`` filters headlines;
    ``queue`` picks a desk queue for ``viewer`` (overdue is judged at ``now``, default the
    time of the query)."""

    status: str | None = None
    tag: str | None = None
    trashed: bool | None = False
    text: str | None = None
    sort: SortKey = "updated"
    descending: bool = True
    queue: Queue | str | None = None
    viewer: ProfileInfo | None = None
    now: datetime | None = None


def _filtered(stmt: sa.Select[Any], query: ListQuery, session: Session) -> sa.Select[Any]:
    if query.trashed is not None:
        stmt = stmt.where(Article.trashed.is_(query.trashed))
    if query.status:
        stmt = stmt.where(Article.status == query.status)
    if query.queue:
        stmt = stmt.where(queue_condition(query.queue, query.viewer, query.now))
    if query.tag:
        stmt = stmt.where(sa.exists().where(
            article_tags.c.article_id == Article.id, article_tags.c.tag_id == Tag.id,
            Tag.name == query.tag))
    needle = index_key_text(query.text or "")
    if needle:
        if has_search_index(session.connection()):
            escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            stmt = stmt.where(sa.exists().where(
                search_documents.c.article_id == Article.id,
                search_documents.c.headline.like(f"%{escaped}%", escape="\\")))
        else:  # not yet migrated: plain substring on the stored headline
            stmt = stmt.where(Article.headline.contains(query.text or "", autoescape=True))
    return stmt


def list_summaries(session: Session, query: ListQuery, *, offset: int = 0,
                   limit: int | None = 200) -> list[ArticleSummary]:
    """One page of summaries in ``query``'s order (``limit=None``: all rows)."""
    column = _SORT_COLUMNS[query.sort]
    order: list[Any] = [column.desc(), Article.id.desc()] if query.descending else [
        column.asc(), Article.id.asc()]
    if query.sort == "deadline":  # stories without a deadline last, both ways
        order.insert(0, column.is_(None).asc())
    stmt = _filtered(sa.select(*_SUMMARY_COLUMNS), query, session).order_by(*order)
    if offset:
        stmt = stmt.offset(max(0, offset))
    if limit is not None:
        stmt = stmt.limit(max(0, limit))
    return _with_tags(session, session.execute(stmt).all())


def count_summaries(session: Session, query: ListQuery) -> int:
    """Number of rows ``query`` matches."""
    stmt = _filtered(sa.select(sa.func.count()).select_from(Article), query, session)
    return int(session.execute(stmt).scalar_one())


def summaries_for(session: Session, article_ids: Iterable[int]) -> dict[int, ArticleSummary]:
    """Summaries of the given articles by id (missing ids are left out)."""
    ids = sorted(set(article_ids))
    found: dict[int, ArticleSummary] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        rows = session.execute(sa.select(*_SUMMARY_COLUMNS).where(Article.id.in_(chunk))).all()
        found.update((s.id, s) for s in _with_tags(session, rows))
    return found


def _with_tags(session: Session, rows: Sequence[sa.Row[Any]]) -> list[ArticleSummary]:
    ids = [row.id for row in rows]
    people = {row.assignee_id for row in rows if row.assignee_id is not None}
    names: dict[int, str] = {uid: name for uid, name in session.execute(
        sa.select(User.id, User.name).where(User.id.in_(sorted(people))))} if people else {}
    tags: dict[int, list[str]] = {}
    if ids:
        for article_id, name in session.execute(
            sa.select(article_tags.c.article_id, Tag.name)
            .join(Tag, Tag.id == article_tags.c.tag_id)
            .where(article_tags.c.article_id.in_(ids))
        ):
            tags.setdefault(article_id, []).append(name)
    return [
        ArticleSummary(id=row.id, uuid=row.uuid, headline=row.headline, status=row.status,
                       byline=row.byline_text, tags=tuple(sorted(tags.get(row.id, ()))),
                       updated_at=row.updated_at, trashed=row.trashed,
                       assignee_id=row.assignee_id,
                       assignee=names.get(row.assignee_id, "") if row.assignee_id else "",
                       deadline=row.deadline, embargo_until=row.embargo_until,
                       owner_id=row.owner_id)
        for row in rows
    ]


def queue_ids(query: ListQuery) -> Any:
    """A SELECT of the ids in ``query``'s desk queue (None without a queue): what a
    full-text search is narrowed to while a queue is chosen."""
    if not query.queue:
        return None
    return sa.select(Article.id).where(queue_condition(query.queue, query.viewer, query.now))


def desk_info(session: Session | None, article: Article) -> DeskInfo:
    """The desk-control columns of a loaded article (the assignee's name is looked up
    through ``session``; ``""`` without one)."""
    name = ""
    if article.assignee_id is not None and session is not None:
        name = session.scalar(sa.select(User.name).where(User.id == article.assignee_id)) or ""
    return DeskInfo(owner_id=article.owner_id, assignee_id=article.assignee_id, assignee=name,
                    deadline=article.deadline, embargo_until=article.embargo_until,
                    correction_note=article.correction_note or "",
                    corrected_at=article.corrected_at,
                    published_revision_id=article.published_revision_id)
