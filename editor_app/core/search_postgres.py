"""PostgreSQL full-text search backend. Everything PostgreSQL-specific about search lives here.

Contract:
- The matching vector :data:`VECTOR_COLUMN` (``tsvector``, migration 0005; in a table of
  its own since 0009, see below) is computed by the server from the *same folded keys* the
  SQLite FTS5 index reads in ``search_documents``
  (:func:`~editor_app.core.search_text.index_key_text`), so the index hook of
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
  second vector, :data:`HEADLINE_VECTOR_COLUMN`, with its own GIN index serves the
  two-tier order for very common words.
- :func:`tsquery_text` turns a :class:`QueryPlan` into ``tsquery`` input text built only
  from single-quoted lexemes (quotes and backslashes escaped): words are ANDed (``&``),
  phrases use ``<->``, prefixes ``:*`` (by code point, as in FTS5). User text can never be
  tsquery syntax, and the cast uses no parser either.
- Migration 0009 moved both matching vectors to a narrow table of their own,
  :data:`VECTOR_TABLE` (``article_id``, :data:`VECTOR_COLUMN`, :data:`HEADLINE_VECTOR_COLUMN`,
  each GIN-indexed), kept in step with ``search_documents`` by a trigger (one row per index
  row, whatever writes it). Its vectors live out of line, so its heap is ~50 bytes per
  article: reading a few thousand matches touches a few dozen pages, where the wide
  ``search_documents`` rows cost a page per match. Each vector also holds the article's
  *slice lexeme* (:func:`slice_lexeme`: ``'#'`` and ``article_id >>`` :data:`SLICE_BITS`),
  which no search key can equal.
- :func:`tsvector_search` has the same contract as
  :func:`editor_app.core.search_sqlite.fts_search`: up to :data:`RANK_ALL_LIMIT` matches are
  ranked; more matches come in two tiers, newest first: headline matches, then the others.
  Scores are higher-is-better. Matching always uses the whole document (``search_vector``,
  every word of the body); *ranking* on PostgreSQL reads only :data:`RANK_VECTOR_COLUMN`
  of ``search_documents`` (migration 0008): weighted ``ts_rank`` (length-normalised, ties
  newest first) over the headline, dek, tags, bylines and the body's first 50 keys
  (``LEAD_KEYS`` of migration 0008: about the first paragraph). That column is small and
  stored inside the row (~1 µs per match; ``search_vector``, de-TOASTed per match, cost
  ~45 µs). What differs from FTS5's bm25 (which reads positions from its index, over the
  whole body): body occurrences after the lead do not add to the score, so matches whose
  only hits are late in the body score 0 and come newest first after every match with a
  hit in the short fields or the lead. A headline hit still outranks a body-only hit; the
  hit *sets* are the FTS5 backend's.
- Newest first without reading every match: GIN returns matches in no useful order, so a
  tier asks for its matches among the newest slices (``query & ('#97' | '#96' | ...)``:
  GIN intersects the small slice lists with the word's list by skipping) and widens the
  window, doubling, until it has enough; past :data:`MAX_SLICES` slices it reads the rest
  of the matches below the window plainly. Windows never overlap and are read newest
  first, so the order is exact.
- The search statements run with planner settings of their own (:class:`_Planner`:
  transaction-local, restored after each search): bitmap scans only (a sequential scan or
  a primary-key walk would de-TOAST a vector per row it tests) and nested-loop joins.
  Measurements behind the choices: docs/BENCHMARKS.md, "Search and scale on PostgreSQL".
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
    "MAX_SLICES",
    "RANK_VECTOR_COLUMN",
    "RANK_WEIGHTS",
    "SLICE_BITS",
    "SLICE_HEADROOM",
    "VECTOR_COLUMN",
    "VECTOR_TABLE",
    "slice_lexeme",
    "tsquery_text",
    "tsvector_available",
    "tsvector_search",
]

log = logging.getLogger(__name__)


#: The narrow table of the matching vectors (migration 0009), one row per index row.
VECTOR_TABLE = "search_vectors"
VECTOR_COLUMN = "search_vector"
#: The headline's vector alone (GIN-indexed too): the headline tier of common words.
HEADLINE_VECTOR_COLUMN = "headline_vector"
#: Short fields plus the body's lead (``search_documents``, stored MAIN, no index): what the
#: ranked regime reads.
RANK_VECTOR_COLUMN = "rank_vector"
KEYS_FUNCTION = "sampadak_keys_tsvector"
#: ts_rank weights in PostgreSQL's order {D, C, B, A}: body, bylines, dek+tags, headline.
RANK_WEIGHTS: tuple[float, float, float, float] = (0.1, 0.3, 0.45, 1.0)
#: ts_rank normalisation 1: divide by 1 + log(document length) (bm25 also damps long texts).
RANK_NORMALISATION = 1
#: PostgreSQL refuses lexemes of 2 KiB or more; the index function leaves such keys out.
MAX_LEXEME_BYTES = 2046
#: A slice is the ids sharing ``article_id >> SLICE_BITS`` (1,024 ids; migration 0009).
SLICE_BITS = 10
#: The widest window of slices a tier asks GIN for; below it, the rest is read plainly.
MAX_SLICES = 64
#: A tier's first window is sized for this many times the hits it needs, at the lowest
#: density its match count allows.
SLICE_HEADROOM = 2.0

_vectors = sa.table(VECTOR_TABLE, sa.column("article_id"), sa.column(VECTOR_COLUMN),
                    sa.column(HEADLINE_VECTOR_COLUMN))
_docs = sa.table("search_documents", sa.column("article_id"), sa.column(RANK_VECTOR_COLUMN))
_articles = sa.table("articles", sa.column("id"), sa.column("trashed"), sa.column("status"))
_present: weakref.WeakKeyDictionary[Engine, bool] = weakref.WeakKeyDictionary()


def tsvector_available(conn: Connection) -> bool:
    """True on PostgreSQL when the search vectors are there (migrations 0005-0009)."""
    if conn.dialect.name != "postgresql":
        return False
    engine = conn.engine
    if _present.get(engine):
        return True
    found = conn.execute(sa.text(
        "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() "
        "AND table_name = :table"), {"table": VECTOR_TABLE}).first() is not None
    if found:  # only cache the positive answer: a later migration may add the table
        _present[engine] = True
    return found


def slice_lexeme(article_id: int) -> str:
    """The slice lexeme in the vectors of ``article_id`` (as the 0009 SQL function)."""
    return f"#{article_id >> SLICE_BITS}"


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


def _tsquery(text: str) -> sa.ColumnElement[Any]:
    return sa.cast(sa.literal(text), TSQUERY)


def _matches(column: str, query_text: str) -> sa.ColumnElement[bool]:
    return _vectors.c[column].op("@@", return_type=sa.Boolean)(_tsquery(query_text))


def tsvector_search(conn: Connection, plan: QueryPlan, *, limit: int, offset: int = 0,
                    scope: SearchScope | None = None) -> list[tuple[int, float]]:
    """Best ``limit`` articles in ``scope`` matching ``plan`` after skipping ``offset``, as
    ``(article_id, score)``, best first (see the module contract for the two regimes).

    One GIN scan of the narrow table counts up to :data:`RANK_ALL_LIMIT` + 1 matches; when
    that is all of them the server ranks them from their rank vectors (read by primary
    key) and they are checked against ``scope`` in rank order, in batches
    (:func:`_ranked`). Otherwise the two tiers follow (:func:`_tiered`)."""
    if plan.is_empty or limit <= 0 or _too_long(plan):
        return []
    scope = scope or SearchScope()
    query_text = tsquery_text(plan)
    planner = _Planner(conn)
    sample = (sa.select(_vectors.c.article_id).where(_matches(VECTOR_COLUMN, query_text))
              .limit(RANK_ALL_LIMIT + 1))
    matches = int(conn.execute(sa.select(sa.func.count()).select_from(sample.subquery()))
                  .scalar_one())
    if not matches:
        found = []
    elif matches <= RANK_ALL_LIMIT:
        found = _ranked(conn, sample, query_text, need=offset + limit, scope=scope,
                        matches=matches)[offset:]
    else:
        found = _tiered(conn, query_text, limit=limit, offset=offset, scope=scope,
                        archive=planner.archive, matches=matches)
    planner.restore()
    return found


def _ranked(conn: Connection, sample: sa.Select[Any], query_text: str, *, need: int,
            scope: SearchScope, matches: int) -> list[tuple[int, float]]:
    """The first ``need`` of the ``matches`` ids ``sample`` selects that are in ``scope``,
    best rank first (ties newest first): ranked by the server (the ids never travel),
    read in growing batches in rank order, each checked against ``scope`` in the same
    statement (a default scope costs one batch)."""
    weights = sa.cast(sa.literal(list(RANK_WEIGHTS), ARRAY(REAL)), ARRAY(REAL))
    rank = sa.func.ts_rank(weights, _docs.c[RANK_VECTOR_COLUMN], _tsquery(query_text),
                           RANK_NORMALISATION, type_=sa.Float).label("rank")
    ordered = (sa.select(_docs.c.article_id, rank)
               .where(_docs.c.article_id == sa.func.any(sa.func.array(sample.scalar_subquery())))
               .order_by(sa.desc("rank"), _docs.c.article_id.desc()))
    found: list[tuple[int, float]] = []
    skip, batch = 0, max(2 * need, 64)
    while len(found) < need and skip < matches:
        rows = sorted(((int(i), float(score), bool(kept)) for i, score, kept in
                       _scoped(conn, ordered.offset(skip).limit(batch), scope)),
                      key=lambda row: (-row[1], -row[0]))
        found.extend((i, score) for i, score, kept in rows if kept)
        skip += batch
        batch *= 2
    return found[:need]


def _scoped(conn: Connection, page: sa.Select[Any], scope: SearchScope) -> list[sa.Row[Any]]:
    """The rows of ``page`` (a SELECT whose first column is an article id), each with one
    more column: whether that article is in ``scope``. One statement: the ids are checked
    against ``articles`` as one array (one bitmap scan of its primary key), in the server."""
    rows = page.cte("page")
    first = next(iter(rows.c))
    ids = sa.func.array(sa.select(first).scalar_subquery())
    kept = sa.select(_articles.c.id).where(
        _articles.c.id == sa.func.any(ids),
        *scope.conditions(_articles.c.id, _articles.c.trashed, _articles.c.status))
    return list(conn.execute(sa.select(*rows.c, first.in_(kept))).all())


class _Planner:
    """The planner settings of one search's statements, transaction-local
    (``set_config(..., true)``: an error that aborts the transaction undoes them too) and
    restored by :meth:`restore`.

    Bitmap scans only, nested-loop joins only. PostgreSQL costs ``vector @@ query`` as one
    cheap operator call per row, but on a row it reads that means de-TOASTing the vector
    (~17-40 µs): with a ``LIMIT`` or an ``ORDER BY article_id`` it would rather walk the
    table or its primary key testing each row than read the GIN index (a newest-first
    walk over 2,001 matches of a common word took 100 ms at 100k articles; the GIN bitmap
    6 ms), and it joins a few hundred ids to ``articles`` by hashing *every* article
    instead of probing the primary key per id. Opening also reads the newest article id
    (:attr:`archive`: ids are about dense, so it sizes the archive and its newest slice),
    in the same round trip."""

    _OFF = ("enable_seqscan", "enable_indexscan", "enable_hashjoin", "enable_mergejoin")

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        row = conn.execute(sa.text("SELECT " + ", ".join(
            [f"current_setting('{name}')" for name in self._OFF]
            + [f"set_config('{name}', 'off', true)" for name in self._OFF]
            + [f"(SELECT max(article_id) FROM {VECTOR_TABLE})"]))).one()
        self._previous = dict(zip(self._OFF, row[:len(self._OFF)], strict=True))
        self.archive = max(1, int(row[-1] or 1))

    def restore(self) -> None:
        """Every setting back to what it was before the search."""
        items = list(self._previous.items())
        self._conn.execute(sa.text("SELECT " + ", ".join(
            f"set_config('{name}', :v{i}, true)" for i, (name, _) in enumerate(items))),
            {f"v{i}": value for i, (_, value) in enumerate(items)})


def _tiered(conn: Connection, query_text: str, *, limit: int, offset: int,
            scope: SearchScope, archive: int, matches: int) -> list[tuple[int, float]]:
    """Headline matches newest first, then the other matches newest first.

    The headline matches are read whole when there are at most :data:`RANK_ALL_LIMIT` of
    them (the narrow table makes that cheap), else by :func:`_newest`. The rest tier
    leaves out the headline matches the first tier found: when the first tier has fewer
    than ``offset + limit`` hits it has found every headline match in scope, and one out
    of scope is dropped by the scope check anyway."""
    wanted = offset + limit
    headline = (sa.select(_vectors.c.article_id)
                .where(_matches(HEADLINE_VECTOR_COLUMN, query_text))
                .limit(RANK_ALL_LIMIT + 1).subquery())
    newest = (sa.select(headline.c.article_id, sa.func.count().over())
              .order_by(headline.c.article_id.desc()))
    first: list[int] = []
    batch, below, count = 2 * wanted, None, 0
    while len(first) < wanted:  # all of them when there are few: newest first, in batches
        page = newest if below is None else newest.where(headline.c.article_id < below)
        rows = sorted(((int(i), int(n), bool(kept)) for i, n, kept in
                       _scoped(conn, page.limit(batch), scope)), reverse=True)
        count = max(count, rows[0][1] if rows else 0)
        if count > RANK_ALL_LIMIT:
            break
        first.extend(i for i, _, kept in rows if kept)
        if len(rows) < batch:
            break
        below = rows[-1][0]
    if count > RANK_ALL_LIMIT:  # too many to read whole: newest slices first
        first = _newest(conn, HEADLINE_VECTOR_COLUMN, query_text, need=wanted, scope=scope,
                        archive=archive, density=count / archive)
    first = first[:wanted]
    found = [(article_id, 2.0) for article_id in first]
    if len(first) < wanted:
        rest = _newest(conn, VECTOR_COLUMN, query_text, need=wanted - len(first),
                       scope=scope, archive=archive, density=matches / archive,
                       exclude=frozenset(first))
        found.extend((article_id, 1.0) for article_id in rest)
    return found[offset:offset + limit]


def _newest(conn: Connection, column: str, query_text: str, *, need: int,
            scope: SearchScope, archive: int, density: float,
            exclude: frozenset[int] = frozenset()) -> list[int]:
    """The ``need`` newest articles in ``scope`` (and not in ``exclude``) whose ``column``
    matches, newest first.

    Windows of slices from the newest down, each read from GIN with its slice lexemes
    (``query & ('#h' | ... | '#l')``), newest first in pages; the first window is sized
    for :data:`SLICE_HEADROOM` times ``need`` at ``density`` (a lower bound of the share
    of the archive that matches), each next one twice as wide, until :data:`MAX_SLICES`
    or slice 0: the rest is read plainly below the last window. Windows are disjoint and
    read in order, so the hits are exactly the newest ones, whatever the windows' sizes."""
    found: list[int] = []
    batch = 2 * need + len(exclude)
    per_slice = max(density, 1.0 / archive) * (1 << SLICE_BITS)
    width = max(1, min(MAX_SLICES, int(SLICE_HEADROOM * need / per_slice) + 1))
    high = (archive >> SLICE_BITS) + 1  # one above: an article added meanwhile is seen
    below: int | None = None  # continue inside the window under this id
    while len(found) < need:
        low = high - width + 1
        ceiling = (high + 1) << SLICE_BITS  # above every id of slice ``high``
        if low <= 0 or width > MAX_SLICES:  # plainly: every match under the window
            condition = _matches(column, query_text)
            low = 0
        else:
            slices = " | ".join(f"'#{n}'" for n in range(high, low - 1, -1))
            condition = _matches(column, f"({query_text}) & ({slices})")
        bound = ceiling if below is None else below
        # "+ 0": a bound the primary key cannot serve, so it is checked on GIN's matches
        rows = sorted(((int(i), bool(kept)) for i, kept in _scoped(
            conn, sa.select(_vectors.c.article_id)
            .where(condition, (_vectors.c.article_id + 0) < bound)
            .order_by(_vectors.c.article_id.desc()).limit(batch), scope)), reverse=True)
        found.extend(i for i, kept in rows if kept and i not in exclude)
        if len(rows) == batch:  # more in this window
            below = rows[-1][0]
            continue
        if low == 0:
            break
        below = None
        high = low - 1
        width *= 2
    return found[:need]
