"""SQLite FTS5 search backend. Everything SQLite-specific about search lives here.

Contract:
- ``search_fts`` is an FTS5 *external-content* table over ``search_documents``
  (``content_rowid = article_id``), kept current by the triggers of migration 0002. Its
  tokenizer is ``ascii``: only ASCII non-alphanumerics separate tokens and every non-ASCII
  code point is a token character. SQLite's ``unicode61`` tokenizer must not be used for
  Hindi: it treats vowel signs, virama and anusvara (Unicode Mn/Mc) as separators even with
  ``remove_diacritics 0`` (विद्यालयों becomes व, द, य, लय), a fact the tests pin down. The
  stored text is pre-tokenised and folded by :mod:`editor_app.core.search_text`, so ``ascii``
  sees exactly our keys.
- :func:`match_expression` turns a :class:`QueryPlan` into a MATCH string built only from
  double-quoted FTS5 strings (quotes doubled), so user text can never be FTS5 syntax.
- :func:`fts_search` ranks with ``bm25`` weighted per column (:data:`WEIGHTS`: a headline hit
  counts ten times a body hit) and returns ``(article_id, score)`` with *higher is better*
  (the negated bm25 value).
"""

from __future__ import annotations

import logging
import weakref

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import OperationalError

from editor_app.core.errors import ValidationError
from editor_app.core.search_scope import SearchScope
from editor_app.core.search_text import QueryPlan

__all__ = [
    "FTS_TABLE",
    "WEIGHTS",
    "fts_available",
    "fts_integrity_check",
    "fts_optimize",
    "fts_rebuild",
    "fts_search",
    "match_expression",
]

log = logging.getLogger(__name__)

FTS_TABLE = "search_fts"
# bm25 weights in column order: headline, dek, body, tags, bylines.
WEIGHTS: tuple[float, ...] = (10.0, 4.0, 1.0, 5.0, 3.0)
#: Queries matching more articles than this are not ranked by bm25 (see fts_search).
RANK_ALL_LIMIT = 2000

_fts = sa.table(FTS_TABLE, sa.column("rowid"))
_articles = sa.table("articles", sa.column("id"), sa.column("trashed"), sa.column("status"))
_fts_present: weakref.WeakKeyDictionary[Engine, bool] = weakref.WeakKeyDictionary()


def fts_available(conn: Connection) -> bool:
    """True on SQLite when the ``search_fts`` table exists (FTS5 compiled in, 0002 applied)."""
    if conn.dialect.name != "sqlite":
        return False
    engine = conn.engine
    if _fts_present.get(engine):
        return True
    found = conn.execute(
        sa.text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :name"),
        {"name": FTS_TABLE},
    ).first() is not None
    if found:
        _fts_present[engine] = True
    return found


def _quote(key: str) -> str:
    return '"' + key.replace('"', '""') + '"'


def match_expression(plan: QueryPlan) -> str:
    """FTS5 MATCH text for ``plan``: quoted strings and phrases joined by ``AND``."""
    parts: list[str] = []
    for clause in plan.clauses:
        part = _quote(" ".join(clause.keys))
        parts.append(part + "*" if clause.prefix else part)
    return " AND ".join(parts)


def fts_search(conn: Connection, plan: QueryPlan, *, limit: int, offset: int = 0,
               scope: SearchScope | None = None) -> list[tuple[int, float]]:
    """Best ``limit`` articles in ``scope`` matching ``plan`` after skipping ``offset``, as
    ``(article_id, score)``, best first.

    Up to :data:`RANK_ALL_LIMIT` matching articles are ranked by weighted bm25. A query that
    matches more (a very common word in a big archive) would cost time linear in its matches,
    so its hits come in two tiers instead, each newest first: articles whose headline
    matches, then the others. Either way a headline hit outranks a body-only hit.

    An FTS5 error (which quoting should make impossible) is logged and raised as
    :class:`ValidationError`, never as a database error.
    """
    if plan.is_empty or limit <= 0:
        return []
    scope = scope or SearchScope()
    expression = match_expression(plan)
    try:
        matches = int(conn.execute(
            sa.text(f"SELECT count(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :match"),
            {"match": expression}).scalar_one())
        if matches <= RANK_ALL_LIMIT:
            return _ranked(conn, expression, limit=limit, offset=offset, scope=scope)
        return _tiered(conn, expression, limit=limit, offset=offset, scope=scope)
    except OperationalError as exc:
        log.warning("FTS5 rejected %r: %s", expression, exc)
        raise ValidationError("the search text could not be understood") from exc


def _matching(expression: str, scope: SearchScope) -> sa.Select[tuple[int]]:
    return (
        sa.select(_fts.c.rowid)
        .select_from(_fts.join(_articles, _articles.c.id == _fts.c.rowid))
        .where(sa.text(f"{FTS_TABLE} MATCH :match").bindparams(match=expression))
        .where(*scope.conditions(_articles.c.id, _articles.c.trashed, _articles.c.status))
    )


def _ranked(conn: Connection, expression: str, *, limit: int, offset: int,
            scope: SearchScope) -> list[tuple[int, float]]:
    rank = sa.func.bm25(sa.literal_column(FTS_TABLE), *(sa.literal(float(w)) for w in WEIGHTS))
    stmt = (_matching(expression, scope).add_columns(rank.label("rank"))
            .order_by(sa.literal_column("rank"), _articles.c.id.desc())
            .limit(limit).offset(max(0, offset)))
    return [(int(article_id), -float(score)) for article_id, score in conn.execute(stmt)]


def _tiered(conn: Connection, expression: str, *, limit: int, offset: int,
            scope: SearchScope) -> list[tuple[int, float]]:
    """Headline matches newest first, then the other matches newest first (FTS5 walks its
    doclists in rowid order and stops at the limit: no per-match ranking)."""
    in_headline = f"{{headline}} : ({expression})"
    found: list[tuple[int, float]] = []
    wanted = offset + limit
    first = conn.execute(_matching(in_headline, scope).order_by(_fts.c.rowid.desc())
                         .limit(wanted)).scalars().all()
    found.extend((int(article_id), 2.0) for article_id in first)
    if len(first) < wanted:
        rest = conn.execute(
            _matching(f"({expression}) NOT ({in_headline})", scope)
            .order_by(_fts.c.rowid.desc()).limit(wanted - len(first))).scalars().all()
        found.extend((int(article_id), 1.0) for article_id in rest)
    return found[offset:offset + limit]


def fts_optimize(conn: Connection) -> None:
    """Merge the FTS5 b-trees (after a rebuild or a large import)."""
    conn.execute(sa.text(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')"))


def fts_rebuild(conn: Connection) -> None:
    """Rebuild the FTS5 index from ``search_documents`` (repairs any drift)."""
    conn.execute(sa.text(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')"))


def fts_integrity_check(conn: Connection) -> bool:
    """True when the FTS5 index agrees with ``search_documents``."""
    try:
        conn.execute(sa.text(
            f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rank) VALUES ('integrity-check', 1)"
        ))
    except OperationalError as exc:
        log.warning("search index integrity check failed: %s", exc)
        return False
    return True
