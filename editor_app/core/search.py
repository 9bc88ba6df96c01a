"""Full-text search over articles that understands Hindi. Public API; backend-neutral.

Contract:
- :func:`search` finds articles whose headline, dek, body, tags or byline names match *all*
  words of the query (see :mod:`editor_app.core.search_text` for the syntax: AND of words,
  ``"phrases"``, ``word*`` and as-you-type prefix on the last word). Matching is nukta- and
  nasal-insensitive (जरूर finds ज़रूर and back, हंस finds हँस and back) and casefolded for
  Latin. Trashed articles are left out unless ``include_trashed``.
- Results are ranked best first; ``SearchHit.score`` is higher for better hits and is
  comparable only within one result list. A headline hit outranks a body-only hit.
- ``SearchHit.highlights`` are code-point spans into ``SearchHit.headline`` and
  ``SearchHit.snippet`` exactly as returned (original spelling, not the folded key).
- Odd input (``"``, ``*``, ``-``, ``NEAR``, ``(``, emoji, ...) never raises a database error:
  it is searched as text or ignored. Only an over-long query raises :class:`ValidationError`.
- Backends: SQLite uses FTS5 with bm25 (:mod:`editor_app.core.search_sqlite`); PostgreSQL
  uses a weighted ``tsvector`` over the same folded keys with a GIN index, ranked by
  ``ts_rank`` over a small vector of the short fields and the body's lead
  (:mod:`editor_app.core.search_postgres`, migrations 0005 and 0008); any other database,
  SQLite without FTS5 or PostgreSQL before 0008 uses the portable scan in this module
  (``LIKE`` over the folded keys in ``search_documents``, ranked in Python).
  ``backend="fts5"`` / ``"tsvector"`` insist on one (:class:`ValidationError` when it is
  missing), ``backend="portable"`` forces the scan.
- The index is kept in sync by :func:`install_search_sync` (called by ``open_database``);
  :func:`rebuild_index` re-creates it from scratch.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from editor_app.core import search_sqlite
from editor_app.core.errors import ValidationError
from editor_app.core.search_index import (
    FIELDS,
    install_search_sync,
    rebuild_documents,
    reindex_articles,
    search_documents,
    uninstall_search_sync,
)
from editor_app.core.search_scope import SearchScope
from editor_app.core.search_text import (
    QueryPlan,
    Term,
    find_matches,
    make_long_snippet,
    make_snippet,
    parse_query,
    spans_of,
)
from editor_app.core.text.normalize import to_nfc

if TYPE_CHECKING:
    from editor_app.core.db import Database

__all__ = [
    "Backend",
    "Highlight",
    "SearchHit",
    "install_search_sync",
    "rebuild_index",
    "reindex_articles",
    "search",
    "search_for_cli",
    "snippets_for",
    "uninstall_search_sync",
]

log = logging.getLogger(__name__)

Backend = Literal["auto", "fts5", "tsvector", "portable"]
MAX_LIMIT = 1000
PORTABLE_CANDIDATES = 5000
_PORTABLE_WEIGHTS = dict(zip(FIELDS, search_sqlite.WEIGHTS, strict=True))
_articles = sa.table("articles", sa.column("id"), sa.column("uuid"), sa.column("headline"),
                     sa.column("dek"), sa.column("body"), sa.column("trashed"),
                     sa.column("status"))


@dataclass(frozen=True, slots=True)
class Highlight:
    """A matched span ``[start, end)`` (code points) in the hit's ``headline`` or ``snippet``."""

    field: Literal["headline", "snippet"]
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result. ``score``: higher is better, comparable within one result list."""

    article_id: int
    headline: str
    score: float
    snippet: str
    highlights: tuple[Highlight, ...]

    def spans(self, field: Literal["headline", "snippet"]) -> list[tuple[int, int]]:
        """The highlight spans of one field, in order."""
        return [(h.start, h.end) for h in self.highlights if h.field == field]


def search(session: Session, query: str, *, limit: int = 50, offset: int = 0,
           include_trashed: bool = False, trashed: bool | None = False,
           status: str | None = None, tag: str | None = None,
           prefix_last: bool = True, backend: Backend = "auto",
           snippets: bool = True, within: Any = None) -> list[SearchHit]:
    """Articles matching ``query``, best first (at most ``limit``, capped at 1000, after
    skipping ``offset`` hits).

    ``trashed`` picks live articles (False, the default), trashed ones (True) or both
    (None, also what ``include_trashed`` asks for); ``status`` and ``tag`` narrow the hits
    in the database. Snippets are made only for the hits returned. ``prefix_last`` lets the
    last word match as a prefix while it is being typed (no trailing space); pass False for
    whole-word matching everywhere. ``within`` (a SELECT of article ids, e.g. a desk queue)
    narrows the hits further. ``snippets=False`` leaves every ``snippet`` empty
    (no body is read; a list asks :func:`snippets_for` for the rows it shows). Raises
    :class:`ValidationError` for an over-long query and :class:`ValueError` for an unknown
    ``backend``.
    """
    plan = parse_query(query, prefix_last=prefix_last)
    limit = max(0, min(limit, MAX_LIMIT))
    if plan.is_empty or limit == 0:
        return []
    if session.autoflush:  # like an ORM query: see this session's own pending edits
        session.flush()
    conn = session.connection()
    scope = SearchScope(trashed=None if include_trashed else trashed, status=status, tag=tag,
                        within=within)
    ranked = _find(conn, plan, limit=limit, offset=max(0, offset), scope=scope,
                   backend=backend)
    return _hits(conn, plan, ranked, snippets=snippets)


def snippets_for(session: Session, query: str, article_ids: list[int], *,
                 prefix_last: bool = True) -> dict[int, tuple[str, tuple[Highlight, ...]]]:
    """Snippet and snippet highlights of each given article for ``query`` (as
    :func:`search` makes them), for the rows a list actually shows."""
    plan = parse_query(query, prefix_last=prefix_last)
    if plan.is_empty or not article_ids:
        return {}
    found: dict[int, tuple[str, tuple[Highlight, ...]]] = {}
    for row in session.connection().execute(
        sa.select(_articles.c.id, _articles.c.dek, _articles.c.body)
        .where(_articles.c.id.in_(sorted(set(article_ids))[:MAX_LIMIT]))
    ):
        snippet, spans = _best_snippet(plan, row.body or "", row.dek or "")
        found[row.id] = (snippet, tuple(Highlight("snippet", s, e) for s, e in spans))
    return found


def _find(conn: Connection, plan: QueryPlan, *, limit: int, offset: int, scope: SearchScope,
          backend: Backend) -> list[tuple[int, float]]:
    if backend not in ("auto", "fts5", "tsvector", "portable"):
        raise ValueError(f"unknown search backend {backend!r}")
    use_fts = backend in ("auto", "fts5") and search_sqlite.fts_available(conn)
    if backend == "fts5" and not use_fts:
        raise ValidationError("full-text search (FTS5) is not available on this database")
    if use_fts:
        return search_sqlite.fts_search(conn, plan, limit=limit, offset=offset, scope=scope)
    # PostgreSQL's search (and its dialect types, ~60 ms of imports) loads only off SQLite
    from editor_app.core import search_postgres

    use_tsvector = backend in ("auto", "tsvector") and search_postgres.tsvector_available(conn)
    if backend == "tsvector" and not use_tsvector:
        raise ValidationError("full-text search (tsvector) is not available on this database")
    if use_tsvector:
        return search_postgres.tsvector_search(conn, plan, limit=limit, offset=offset,
                                               scope=scope)
    return _portable_search(conn, plan, limit=limit, offset=offset, scope=scope)


# --- portable backend ------------------------------------------------------------------------

def _padded(column: sa.ColumnElement[Any]) -> sa.ColumnElement[Any]:
    return sa.literal(" ") + column + sa.literal(" ")


def _like_pattern(keys: tuple[str, ...], prefix: bool) -> str:
    escaped = " ".join(keys).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"% {escaped}%" if prefix else f"% {escaped} %"


def _portable_search(conn: Connection, plan: QueryPlan, *, limit: int, offset: int,
                     scope: SearchScope) -> list[tuple[int, float]]:
    """``LIKE`` scan over the folded keys, ranked in Python by weighted occurrence counts."""
    docs = search_documents
    conditions: list[sa.ColumnElement[bool]] = []
    for clause in plan.clauses:
        pattern = _like_pattern(clause.keys, clause.prefix)
        conditions.append(sa.or_(*(
            _padded(docs.c[name]).like(pattern, escape="\\") for name in FIELDS
        )))
    stmt = (
        sa.select(docs.c.article_id, *(docs.c[name] for name in FIELDS))
        .join(_articles, _articles.c.id == docs.c.article_id)
        .where(*conditions)
        .limit(PORTABLE_CANDIDATES)
    )
    stmt = stmt.where(*scope.conditions(_articles.c.id, _articles.c.trashed,
                                        _articles.c.status))
    scored: list[tuple[int, float]] = []
    for row in conn.execute(stmt):
        fields = dict(zip(FIELDS, row[1:], strict=True))
        scored.append((int(row[0]), _portable_score(plan, fields)))
    scored.sort(key=lambda item: (-item[1], -item[0]))
    return scored[offset:offset + limit]


def _portable_score(plan: QueryPlan, fields: dict[str, str]) -> float:
    score = 0.0
    for name, text in fields.items():
        keys = (text or "").split()
        if not keys:
            continue
        hits = len(find_matches([Term(key, 0, 0) for key in keys], plan))
        # Saturating term frequency, normalised by field length (a crude bm25).
        score += _PORTABLE_WEIGHTS[name] * hits / (hits + 1.0) * (1.0 + 10.0 / (10 + len(keys)))
    return score


# --- building hits ---------------------------------------------------------------------------

def _hits(conn: Connection, plan: QueryPlan, ranked: list[tuple[int, float]], *,
          snippets: bool = True) -> list[SearchHit]:
    if not ranked:
        return []
    ids = [article_id for article_id, _ in ranked]
    columns = [_articles.c.id, _articles.c.headline]
    if snippets:
        columns += [_articles.c.dek, _articles.c.body]
    rows = {row.id: row for row in conn.execute(sa.select(*columns).where(
        _articles.c.id.in_(ids)))}
    hits: list[SearchHit] = []
    for article_id, score in ranked:
        row = rows.get(article_id)
        if row is None:
            continue
        headline = to_nfc(row.headline or "")
        highlights = [Highlight("headline", s, e) for s, e in spans_of(headline, plan)]
        snippet = ""
        if snippets:
            snippet, spans = _best_snippet(plan, row.body or "", row.dek or "")
            highlights.extend(Highlight("snippet", s, e) for s, e in spans)
        hits.append(SearchHit(article_id, headline, score, snippet, tuple(highlights)))
    return hits


def _best_snippet(plan: QueryPlan, body: str, dek: str) -> tuple[str, list[tuple[int, int]]]:
    """Snippet from the body, or from the dek when only the dek matches; else the body lead."""
    body_snippet = make_long_snippet(body, plan)
    if body_snippet[1] or not dek:
        return body_snippet if body.strip() else make_snippet(dek, plan)
    dek_snippet = make_snippet(dek, plan)
    return dek_snippet if dek_snippet[1] or not body.strip() else body_snippet


# --- maintenance and CLI ---------------------------------------------------------------------

def rebuild_index(session: Session) -> int:
    """Re-create the whole index from the articles in ``session``'s transaction.

    Returns the number of articles indexed. On SQLite the FTS5 index is rebuilt from the
    documents and optimised as well.
    """
    session.flush()
    conn = session.connection()
    count = rebuild_documents(conn)
    if search_sqlite.fts_available(conn):
        search_sqlite.fts_rebuild(conn)
        search_sqlite.fts_optimize(conn)
    return count


def search_for_cli(db: Database, query: str, *, limit: int = 50,
                   include_trashed: bool = False) -> list[dict[str, Any]]:
    """JSON-ready rows ``{id, uuid, headline, score, snippet}`` for ``sampadak search``.

    Words match whole (no as-you-type prefix); ``word*`` still asks for a prefix.
    """
    with db.session() as session:
        hits = search(session, query, limit=limit, include_trashed=include_trashed,
                      prefix_last=False)
        if not hits:
            return []
        uuids: dict[int, str] = {
            int(article_id): str(uuid)
            for article_id, uuid in session.connection().execute(
                sa.select(_articles.c.id, _articles.c.uuid)
                .where(_articles.c.id.in_([hit.article_id for hit in hits]))
            )
        }
    return [
        {"id": hit.article_id, "uuid": uuids.get(hit.article_id, ""), "headline": hit.headline,
         "score": round(hit.score, 6), "snippet": hit.snippet}
        for hit in hits
    ]
