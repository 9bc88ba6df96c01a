"""The search index's portable half: the ``search_documents`` table and keeping it in sync.

Contract:
- ``search_documents`` has one row per article (trashed ones included; searches filter them
  out by joining ``articles``) holding the *search keys* of each field
  (:func:`~editor_app.core.search_text.index_key_text`): headline, dek, body, tags (tag names)
  and bylines (each person's Hindi and Latin name). ``format`` records
  :data:`INDEX_FORMAT`; when the key rules change, bump it and rebuild.
- On SQLite, the FTS5 table ``search_fts`` is an *external-content* index over this table,
  kept in step by triggers created in migration 0002; this module writes only portable SQL
  to ``search_documents`` and never touches FTS5 itself.
- :func:`install_search_sync` (idempotent) listens to every ORM :class:`Session` flush and
  re-indexes, in the same transaction, each article that was added or changed, whose
  bylines or tags changed, or whose byline person or tag was renamed (a person whose
  designation alone changed, or who was assigned an equal value, re-indexes nothing else:
  designations are not in the index); deleted articles lose their row. Bulk
  ``UPDATE``/``DELETE`` statements and raw SQL bypass the ORM and therefore the sync:
  call :func:`reindex_articles` or :func:`rebuild_documents` after those.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Iterable, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import InstanceState, Session, UOWTransaction

from editor_app.core.models import Article, Byline, Person, Tag
from editor_app.core.search_text import index_key_text

__all__ = [
    "FIELDS",
    "INDEX_FORMAT",
    "build_documents",
    "has_search_index",
    "install_search_sync",
    "rebuild_documents",
    "reindex_articles",
    "search_documents",
    "uninstall_search_sync",
]

log = logging.getLogger(__name__)

INDEX_FORMAT = 1
FIELDS: tuple[str, ...] = ("headline", "dek", "body", "tags", "bylines")
_CHUNK = 500
_PENDING = "sampadak.search.pending_article_ids"

_metadata = sa.MetaData()
search_documents = sa.Table(
    "search_documents",
    _metadata,
    sa.Column("article_id", sa.Integer, primary_key=True),
    *(sa.Column(name, sa.Text, nullable=False, default="") for name in FIELDS),
    sa.Column("format", sa.Integer, nullable=False, default=INDEX_FORMAT),
)

# Lightweight views of the app tables (plain Core: also usable inside migrations).
_articles = sa.table("articles", sa.column("id"), sa.column("headline"), sa.column("dek"),
                     sa.column("body"))
_tags = sa.table("tags", sa.column("id"), sa.column("name"), sa.column("slug"))
_article_tags = sa.table("article_tags", sa.column("article_id"), sa.column("tag_id"))
_bylines = sa.table("bylines", sa.column("article_id"), sa.column("person_id"),
                    sa.column("position"))
_people = sa.table("people", sa.column("id"), sa.column("name_hi"), sa.column("name_latin"))

_index_present: weakref.WeakKeyDictionary[Engine, bool] = weakref.WeakKeyDictionary()


def has_search_index(conn: Connection) -> bool:
    """True when the database has ``search_documents`` (migration 0002 applied)."""
    engine = conn.engine
    if _index_present.get(engine):
        return True
    present = sa.inspect(conn).has_table("search_documents")
    if present:  # only cache the positive answer: a later migration may add the table
        _index_present[engine] = True
    return present


def _chunks(ids: Sequence[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield list(ids[start:start + _CHUNK])


def build_documents(conn: Connection, article_ids: Sequence[int]) -> list[dict[str, Any]]:
    """Index rows for the given existing articles (missing ids are skipped)."""
    rows: list[dict[str, Any]] = []
    for chunk in _chunks(sorted(set(article_ids))):
        tag_rows: dict[int, list[tuple[str, str]]] = {}
        for article_id, name, slug in conn.execute(
            sa.select(_article_tags.c.article_id, _tags.c.name, _tags.c.slug)
            .join(_tags, _tags.c.id == _article_tags.c.tag_id)
            .where(_article_tags.c.article_id.in_(chunk))
        ):
            tag_rows.setdefault(article_id, []).append((name or "", slug or ""))
        # Code-point order in Python: the same key text on every database's collation.
        tag_names = {article_id: [part for pair in sorted(pairs) for part in pair]
                     for article_id, pairs in tag_rows.items()}
        names: dict[int, list[str]] = {}
        for article_id, name_hi, name_latin in conn.execute(
            sa.select(_bylines.c.article_id, _people.c.name_hi, _people.c.name_latin)
            .join(_people, _people.c.id == _bylines.c.person_id)
            .where(_bylines.c.article_id.in_(chunk))
            .order_by(_bylines.c.article_id, _bylines.c.position)
        ):
            names.setdefault(article_id, []).extend([name_hi or "", name_latin or ""])
        for article_id, headline, dek, body in conn.execute(
            sa.select(_articles.c.id, _articles.c.headline, _articles.c.dek, _articles.c.body)
            .where(_articles.c.id.in_(chunk))
        ):
            rows.append({
                "article_id": article_id,
                "headline": index_key_text(headline or ""),
                "dek": index_key_text(dek or ""),
                "body": index_key_text(body or ""),
                "tags": index_key_text("\n".join(tag_names.get(article_id, []))),
                "bylines": index_key_text("\n".join(names.get(article_id, []))),
                "format": INDEX_FORMAT,
            })
    return rows


def reindex_articles(conn: Connection, article_ids: Iterable[int]) -> int:
    """Replace the index rows of ``article_ids``; ids of deleted articles lose their row.

    Returns the number of rows written. Runs in the caller's transaction.
    """
    ids = sorted(set(article_ids))
    if not ids:
        return 0
    for chunk in _chunks(ids):
        conn.execute(sa.delete(search_documents).where(search_documents.c.article_id.in_(chunk)))
    rows = build_documents(conn, ids)
    if rows:
        conn.execute(sa.insert(search_documents), rows)
    return len(rows)


def rebuild_documents(conn: Connection) -> int:
    """Re-create every index row from the articles; returns the number of articles indexed."""
    conn.execute(sa.delete(search_documents))
    all_ids = [row[0] for row in conn.execute(sa.select(_articles.c.id).order_by(_articles.c.id))]
    written = 0
    for chunk in _chunks(all_ids):
        rows = build_documents(conn, chunk)
        if rows:
            conn.execute(sa.insert(search_documents), rows)
        written += len(rows)
    log.info("search index rebuilt: %d articles", written)
    return written


# --- ORM sync -------------------------------------------------------------------------------

def _loaded(obj: object, attr: str) -> Any:
    """An attribute's loaded value without triggering a lazy load (None when not loaded)."""
    state: InstanceState[Any] = sa.inspect(obj, raiseerr=True)
    return state.dict.get(attr)


#: The attributes of a person or tag that appear in other articles' index rows.
_PERSON_KEYS = ("name_hi", "name_latin")
_TAG_KEYS = ("name", "slug")


def _changed(obj: object, keys: tuple[str, ...]) -> bool:
    """True when a *persistent* object's indexed attributes really changed in this flush
    (``session.dirty`` also lists objects assigned an equal value, or changed elsewhere)."""
    state: InstanceState[Any] = sa.inspect(obj, raiseerr=True)
    if not state.persistent:
        return False
    return any(state.attrs[key].history.has_changes() for key in keys)


def _ids_for_tag(session: Session, tag_id: int) -> set[int]:
    stmt = sa.select(_article_tags.c.article_id).where(_article_tags.c.tag_id == tag_id)
    return {row[0] for row in session.connection().execute(stmt)}


def _ids_for_person(session: Session, person_id: int) -> set[int]:
    stmt = sa.select(_bylines.c.article_id).where(_bylines.c.person_id == person_id)
    return {row[0] for row in session.connection().execute(stmt)}


def _pending(session: Session) -> set[int]:
    pending: set[int] = session.info.setdefault(_PENDING, set())
    return pending


def _before_flush(session: Session, _ctx: UOWTransaction, _instances: object) -> None:
    """Remember articles of tags about to be deleted (the DB cascade hides them later)."""
    for obj in session.deleted:
        if isinstance(obj, Tag) and _loaded(obj, "id") is not None:
            _pending(session).update(_ids_for_tag(session, obj.id))


def _after_flush(session: Session, _ctx: UOWTransaction) -> None:
    """Re-index the articles this flush touched, in the flush's transaction."""
    touched = session.info.pop(_PENDING, set())
    gone: set[int] = set()
    for obj in list(session.new) + list(session.dirty):
        if isinstance(obj, Article):
            touched.add(_loaded(obj, "id"))
        elif isinstance(obj, Byline):
            touched.add(_loaded(obj, "article_id"))
            history = sa.inspect(obj).attrs.article_id.history
            touched.update(history.deleted or ())
        elif isinstance(obj, Person) and _changed(obj, _PERSON_KEYS) and _loaded(obj, "id"):
            touched.update(_ids_for_person(session, obj.id))
        elif isinstance(obj, Tag) and _changed(obj, _TAG_KEYS) and _loaded(obj, "id"):
            touched.update(_ids_for_tag(session, obj.id))
    for obj in session.deleted:
        if isinstance(obj, Article):
            gone.add(_loaded(obj, "id"))
        elif isinstance(obj, Byline):
            touched.add(_loaded(obj, "article_id"))
    touched.discard(None)
    gone.discard(None)
    if not touched and not gone:
        return
    conn = session.connection()
    if not has_search_index(conn):
        return
    for chunk in _chunks(sorted(gone)):
        conn.execute(sa.delete(search_documents).where(search_documents.c.article_id.in_(chunk)))
    count = reindex_articles(conn, touched - gone)
    log.debug("search index: %d re-indexed, %d removed", count, len(gone))


def _after_soft_rollback(session: Session, _previous: object) -> None:
    session.info.pop(_PENDING, None)


_LISTENERS: tuple[tuple[str, Any], ...] = (
    ("before_flush", _before_flush),
    ("after_flush", _after_flush),
    ("after_soft_rollback", _after_soft_rollback),
)


def install_search_sync() -> None:
    """Keep ``search_documents`` in step with ORM changes in every :class:`Session`.

    Idempotent: calling it again does nothing. Databases without the index table (not yet
    migrated) are skipped silently.
    """
    for name, handler in _LISTENERS:
        if not event.contains(Session, name, handler):
            event.listen(Session, name, handler)


def uninstall_search_sync() -> None:
    """Remove the listeners added by :func:`install_search_sync` (for tests)."""
    for name, handler in _LISTENERS:
        if event.contains(Session, name, handler):
            event.remove(Session, name, handler)
