"""PostgreSQL full-text search backend. Everything PostgreSQL-specific about search lives here.

Contract:
- Migration 0005 adds to ``search_documents`` a stored generated column
  :data:`VECTOR_COLUMN` (``tsvector``) computed from the *same folded keys* the SQLite FTS5
  index reads (:func:`~editor_app.core.search_text.index_key_text`), so the index hook of
  :mod:`editor_app.core.search_index` keeps it current with no PostgreSQL-specific code. The
  vector is built by the SQL function :data:`KEYS_FUNCTION`, which splits the keys on single
  spaces and casts them to ``tsvector`` *without a text-search parser*: no configuration,
  stemming or locale can split a Hindi word at a vowel sign or change a key (the ``simple``
  configuration's parser depends on the server's ``LC_CTYPE``; this does not). Each field
  starts its word positions one past the previous field's last one, so a ``"phrase"`` never
  matches across two fields (FTS5 phrases stay within one column). Positions are capped at
  16383 (PostgreSQL's limit); the short fields come first so only a very long body loses
  phrase positions at its end.
- Fields carry weights like FTS5's bm25 column weights (:data:`RANK_WEIGHTS`, from
  :data:`editor_app.core.search_sqlite.WEIGHTS` 10/4/1/5/3): headline ``A`` 1.0, dek and
  tags ``B`` 0.45, bylines ``C`` 0.3, body ``D`` 0.1. A GIN index serves the matching; a
  second stored column, :data:`HEADLINE_VECTOR_COLUMN`, with its own GIN index serves the
  two-tier order for very common words.
- :func:`tsquery_text` turns a :class:`QueryPlan` into ``tsquery`` input text built only
  from single-quoted lexemes (quotes and backslashes escaped): words are ANDed (``&``),
  phrases use ``<->``, prefixes ``:*`` (by code point, as in FTS5). User text can never be
  tsquery syntax, and the cast uses no parser either.
- :func:`tsvector_search` has the same contract as
  :func:`editor_app.core.search_sqlite.fts_search`: up to :data:`RANK_ALL_LIMIT` matches are
  ranked by weighted ``ts_rank`` (length-normalised, ties newest first); more matches come in
  two tiers, newest first: headline matches, then the others. Scores are higher-is-better.
"""

from __future__ import annotations

import logging
import weakref
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY, REAL, TSQUERY
from sqlalchemy.engine import Connection, Engine

from editor_app.core.search_scope import SearchScope
from editor_app.core.search_sqlite import RANK_ALL_LIMIT
from editor_app.core.search_text import QueryPlan

__all__ = [
    "HEADLINE_VECTOR_COLUMN",
    "KEYS_FUNCTION",
    "MAX_LEXEME_BYTES",
    "RANK_WEIGHTS",
    "VECTOR_COLUMN",
    "tsquery_text",
    "tsvector_available",
    "tsvector_search",
]

log = logging.getLogger(__name__)

VECTOR_COLUMN = "search_vector"
#: The headline's vector alone (stored too, GIN-indexed): the headline tier of common words.
HEADLINE_VECTOR_COLUMN = "headline_vector"
KEYS_FUNCTION = "sampadak_keys_tsvector"
#: ts_rank weights in PostgreSQL's order {D, C, B, A}: body, bylines, dek+tags, headline.
RANK_WEIGHTS: tuple[float, float, float, float] = (0.1, 0.3, 0.45, 1.0)
#: ts_rank normalisation 1: divide by 1 + log(document length) (bm25 also damps long texts).
RANK_NORMALISATION = 1
#: PostgreSQL refuses lexemes of 2 KiB or more; the index function leaves such keys out.
MAX_LEXEME_BYTES = 2046

_docs = sa.table("search_documents", sa.column("article_id"), sa.column("headline"),
                 sa.column(VECTOR_COLUMN), sa.column(HEADLINE_VECTOR_COLUMN))
_articles = sa.table("articles", sa.column("id"), sa.column("trashed"), sa.column("status"))
_present: weakref.WeakKeyDictionary[Engine, bool] = weakref.WeakKeyDictionary()


def tsvector_available(conn: Connection) -> bool:
    """True on PostgreSQL when ``search_documents`` has the vector column (0005 applied)."""
    if conn.dialect.name != "postgresql":
        return False
    engine = conn.engine
    if _present.get(engine):
        return True
    found = conn.execute(sa.text(
        "SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() "
        "AND table_name = 'search_documents' AND column_name = :column"),
        {"column": VECTOR_COLUMN}).first() is not None
    if found:  # only cache the positive answer: a later migration may add the column
        _present[engine] = True
    return found


def _lexeme(key: str) -> str:
    return "'" + key.replace("\\", "\\\\").replace("'", "''") + "'"


def tsquery_text(plan: QueryPlan) -> str:
    """``tsquery`` input for ``plan``: quoted lexemes, ``<->`` within phrases, ``&`` between
    clauses, ``:*`` on a prefix clause's last key."""
    parts: list[str] = []
    for clause in plan.clauses:
        lexemes = [_lexeme(key) for key in clause.keys]
        if clause.prefix:
            lexemes[-1] += ":*"
        phrase = " <-> ".join(lexemes)
        parts.append(f"({phrase})" if len(lexemes) > 1 else phrase)
    return " & ".join(parts)


def _too_long(plan: QueryPlan) -> bool:
    return any(len(key.encode("utf-8")) > MAX_LEXEME_BYTES
               for clause in plan.clauses for key in clause.keys)


def _matching(where: sa.ColumnElement[bool], scope: SearchScope) -> sa.Select[tuple[int]]:
    return (
        sa.select(_docs.c.article_id)
        .select_from(_docs.join(_articles, _articles.c.id == _docs.c.article_id))
        .where(where)
        .where(*scope.conditions(_articles.c.id, _articles.c.trashed, _articles.c.status))
    )


def _matches(vector: sa.ColumnElement[Any], query: sa.ColumnElement[Any]
             ) -> sa.ColumnElement[bool]:
    return vector.op("@@", return_type=sa.Boolean)(query)


def _headline_vector() -> sa.ColumnElement[Any]:
    return _docs.c[HEADLINE_VECTOR_COLUMN]


def tsvector_search(conn: Connection, plan: QueryPlan, *, limit: int, offset: int = 0,
                    scope: SearchScope | None = None) -> list[tuple[int, float]]:
    """Best ``limit`` articles in ``scope`` matching ``plan`` after skipping ``offset``, as
    ``(article_id, score)``, best first (see the module contract for the two regimes)."""
    if plan.is_empty or limit <= 0 or _too_long(plan):
        return []
    scope = scope or SearchScope()
    query = sa.cast(sa.literal(tsquery_text(plan)), TSQUERY)
    sample = (sa.select(_docs.c.article_id).where(_matches(_docs.c[VECTOR_COLUMN], query))
              .limit(RANK_ALL_LIMIT + 1).subquery())
    matches = int(conn.execute(sa.select(sa.func.count()).select_from(sample)).scalar_one())
    if matches <= RANK_ALL_LIMIT:
        return _ranked(conn, query, limit=limit, offset=offset, scope=scope)
    return _tiered(conn, query, limit=limit, offset=offset, scope=scope)


def _ranked(conn: Connection, query: sa.ColumnElement[Any], *, limit: int, offset: int,
            scope: SearchScope) -> list[tuple[int, float]]:
    weights = sa.cast(sa.literal(list(RANK_WEIGHTS), ARRAY(REAL)), ARRAY(REAL))
    rank = sa.func.ts_rank(weights, _docs.c[VECTOR_COLUMN], query, RANK_NORMALISATION,
                           type_=sa.Float).label("rank")
    stmt = (_matching(_matches(_docs.c[VECTOR_COLUMN], query), scope).add_columns(rank)
            .order_by(rank.desc(), _docs.c.article_id.desc())
            .limit(limit).offset(max(0, offset)))
    return [(int(article_id), float(score)) for article_id, score in conn.execute(stmt)]


def _tiered(conn: Connection, query: sa.ColumnElement[Any], *, limit: int, offset: int,
            scope: SearchScope) -> list[tuple[int, float]]:
    """Headline matches newest first, then the other matches newest first."""
    wanted = offset + limit
    in_headline = _matches(_headline_vector(), query)
    first = conn.execute(_matching(in_headline, scope)
                         .order_by(_docs.c.article_id.desc()).limit(wanted)).scalars().all()
    found = [(int(article_id), 2.0) for article_id in first]
    if len(first) < wanted:
        rest = conn.execute(
            _matching(sa.and_(_matches(_docs.c[VECTOR_COLUMN], query), sa.not_(in_headline)),
                      scope)
            .order_by(_docs.c.article_id.desc()).limit(wanted - len(first))).scalars().all()
        found.extend((int(article_id), 1.0) for article_id in rest)
    return found[offset:offset + limit]
