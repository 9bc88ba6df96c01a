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
  ranked; more matches come in two tiers, newest first: headline matches, then the others.
  Scores are higher-is-better. Matching always uses the whole document (``search_vector``,
  every word of the body); *ranking* on PostgreSQL reads only :data:`RANK_VECTOR_COLUMN`
  (migration 0008): weighted ``ts_rank`` (length-normalised, ties newest first) over the
  headline, dek, tags, bylines and the body's first 50 keys (``LEAD_KEYS`` of migration
  0008: about the first paragraph). That column is small and stored inside the row, so
  ranking costs ~1 µs per match where ``search_vector`` (de-TOASTed per match) cost ~45 µs:
  2,000 matches were ~90 ms of ranking alone. What differs from FTS5's bm25 (which reads
  positions from its index, over the whole body): body occurrences after the lead do not
  add to the score, so matches whose only hits are late in the body score 0 and come
  newest first after every match with a hit in the short fields or the lead. A headline
  hit still outranks a body-only hit; the hit *sets* are the FTS5 backend's.
- The search statements run with planner settings of their own (:class:`_Planner`:
  transaction-local, restored after each search) and each tier picks the cheaper of two
  plans by a small cost model (:func:`_tiered`); plans differ in cost, never in hits.
  Measurements behind the choices: docs/BENCHMARKS.md, "Search and scale on PostgreSQL".
"""

from __future__ import annotations

import logging
import weakref
from dataclasses import replace
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
    "RANK_VECTOR_COLUMN",
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
#: Short fields plus the body's lead (stored MAIN, no index): what the ranked regime reads.
RANK_VECTOR_COLUMN = "rank_vector"
KEYS_FUNCTION = "sampadak_keys_tsvector"
#: ts_rank weights in PostgreSQL's order {D, C, B, A}: body, bylines, dek+tags, headline.
RANK_WEIGHTS: tuple[float, float, float, float] = (0.1, 0.3, 0.45, 1.0)
#: ts_rank normalisation 1: divide by 1 + log(document length) (bm25 also damps long texts).
RANK_NORMALISATION = 1
#: PostgreSQL refuses lexemes of 2 KiB or more; the index function leaves such keys out.
MAX_LEXEME_BYTES = 2046

_docs = sa.table("search_documents", sa.column("article_id"), sa.column("headline"),
                 sa.column(VECTOR_COLUMN), sa.column(HEADLINE_VECTOR_COLUMN),
                 sa.column(RANK_VECTOR_COLUMN))
_articles = sa.table("articles", sa.column("id"), sa.column("trashed"), sa.column("status"))
_present: weakref.WeakKeyDictionary[Engine, bool] = weakref.WeakKeyDictionary()


def tsvector_available(conn: Connection) -> bool:
    """True on PostgreSQL when ``search_documents`` has the vector columns (0005 and 0008
    applied)."""
    if conn.dialect.name != "postgresql":
        return False
    engine = conn.engine
    if _present.get(engine):
        return True
    found = conn.execute(sa.text(
        "SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() "
        "AND table_name = 'search_documents' AND column_name = :column"),
        {"column": RANK_VECTOR_COLUMN}).first() is not None
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
    ``(article_id, score)``, best first (see the module contract for the two regimes).

    One GIN scan reads up to :data:`RANK_ALL_LIMIT` + 1 matches with their rank (the rank
    vector is in the row, so this costs about what counting them does); when that is all of
    them they are ranked in Python and checked against ``scope`` in rank order, in batches.
    Otherwise the two tiers follow (:func:`_tiered`)."""
    if plan.is_empty or limit <= 0 or _too_long(plan):
        return []
    scope = scope or SearchScope()
    query = sa.cast(sa.literal(tsquery_text(plan)), TSQUERY)
    weights = sa.cast(sa.literal(list(RANK_WEIGHTS), ARRAY(REAL)), ARRAY(REAL))
    rank = sa.func.ts_rank(weights, _docs.c[RANK_VECTOR_COLUMN], query, RANK_NORMALISATION,
                           type_=sa.Float)
    planner = _Planner(conn)
    rows = _whole_word_sample(conn, plan)
    if rows is None:  # not known to be common: read the matches with their rank
        rows = [(int(article_id), float(score)) for article_id, score in conn.execute(
            sa.select(_docs.c.article_id, rank).where(_matches(_docs.c[VECTOR_COLUMN], query))
            .limit(RANK_ALL_LIMIT + 1))]
    if len(rows) <= RANK_ALL_LIMIT:
        ranked = sorted(rows, key=lambda item: (-item[1], -item[0]))
        scores = dict(ranked)
        kept = _in_scope(conn, [article_id for article_id, _ in ranked],
                         need=offset + limit, scope=scope)
        found = [(article_id, scores[article_id]) for article_id in kept][offset:]
    else:
        # The rows came in physical order, which after a bulk load is about id order, so
        # the id span they cover estimates how dense the matches are (it only steers plans).
        span = max(article_id for article_id, _ in rows)
        found = _tiered(conn, planner, query, limit=limit, offset=offset, scope=scope,
                        density=len(rows) / max(1, span))
    planner.restore()
    return found


def _whole_word_sample(conn: Connection, plan: QueryPlan) -> list[tuple[int, float]] | None:
    """For a query whose last word is a prefix: the first :data:`RANK_ALL_LIMIT` + 1 matches
    of the *whole-word* query (score 0) when there are that many, else None.

    A prefix match is a superset of the whole-word match, so that many whole-word matches
    settle the regime (tiers) without the prefix scan: GIN reads a prefix by merging the
    posting lists of every key that starts with it, without the skipping it does for
    whole keys (``'पुलिस' & 'अधीक्षक':*`` took 26-34 ms at 100k articles, the whole
    words 7-10 ms)."""
    if not plan.clauses or not plan.clauses[-1].prefix:
        return None
    exact = QueryPlan((*plan.clauses[:-1], replace(plan.clauses[-1], prefix=False)))
    whole = sa.cast(sa.literal(tsquery_text(exact)), TSQUERY)
    rows = conn.execute(sa.select(_docs.c.article_id, sa.literal(0.0, sa.Float))
                        .where(_matches(_docs.c[VECTOR_COLUMN], whole))
                        .limit(RANK_ALL_LIMIT + 1)).all()
    return [(int(i), float(score)) for i, score in rows] if len(rows) > RANK_ALL_LIMIT else None


def _in_scope(conn: Connection, ordered: list[int], *, need: int,
              scope: SearchScope) -> list[int]:
    """The first ``need`` of ``ordered`` that are in ``scope``, in order (checked against
    ``articles`` in growing batches, so a default scope costs one small query)."""
    found: list[int] = []
    start, batch = 0, max(2 * need, 64)
    while len(found) < need and start < len(ordered):
        chunk = ordered[start:start + batch]
        kept = set(conn.execute(sa.select(_articles.c.id).where(
            _articles.c.id.in_(chunk),
            *scope.conditions(_articles.c.id, _articles.c.trashed, _articles.c.status)))
            .scalars())
        found.extend(article_id for article_id in chunk if article_id in kept)
        start += batch
        batch *= 2
    return found[:need]


#: Costs the rest tier chooses its plan by (µs, measured at 100k articles): testing one
#: row against the whole vector while walking (a de-TOAST), one GIN scan of a common word,
#: reading one match through a GIN bitmap.
DETOAST_US = 40.0
GIN_SCAN_US = 8_000.0
ROW_US = 5.0


class _Planner:
    """The planner settings of one search's statements, transaction-local
    (``set_config(..., true)``: an error that aborts the transaction undoes them too) and
    restored by :meth:`restore`.

    Throughout: no sequential scans and only nested-loop joins. PostgreSQL costs
    ``search_vector @@ query`` as one cheap operator call per row, but on a row it reads
    that means de-TOASTing a ~4 KB vector (~40 µs): with a ``LIMIT`` it would rather walk
    the table testing each row than read the GIN index (387 ms for the match count of a
    2-word query at 10k articles; 2 ms from the index), and it joins a few hundred matches
    to ``articles`` by hashing *every* article (8 ms at 10k, linear in the archive) instead
    of probing the primary key per match. Per statement, :meth:`only` also turns off index
    scans (read the GIN bitmap, do not walk the primary key) or bitmap scans (walk).
    Opening also reads the newest article id (:attr:`archive`, an estimate of the
    archive's size: ids are about dense), in the same round trip."""

    _ALWAYS_OFF = ("enable_seqscan", "enable_hashjoin", "enable_mergejoin")
    _SWITCHED = ("enable_indexscan", "enable_bitmapscan")

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        names = self._ALWAYS_OFF + self._SWITCHED
        row = conn.execute(sa.text("SELECT " + ", ".join(
            [f"current_setting('{name}')" for name in names]
            + [f"set_config('{name}', 'off', true)" for name in self._ALWAYS_OFF]
            + ["(SELECT max(article_id) FROM search_documents)"]))).one()
        self._previous = dict(zip(names, row[:len(names)], strict=True))
        self._current = {name: self._previous[name] for name in self._SWITCHED}
        self.archive = max(1, int(row[-1] or 1))

    def only(self, *, index_scans: bool = True, bitmap_scans: bool = True) -> None:
        """Allow or forbid index and bitmap scans for the next statements."""
        wanted = {"enable_indexscan": "on" if index_scans else "off",
                  "enable_bitmapscan": "on" if bitmap_scans else "off"}
        changes = {name: value for name, value in wanted.items()
                   if self._current[name] != value}
        if changes:
            self._set(changes)
            self._current.update(changes)

    def restore(self) -> None:
        """Every setting back to what it was before the search."""
        self._set(self._previous)

    def _set(self, values: dict[str, str]) -> None:
        items = list(values.items())
        self._conn.execute(sa.text("SELECT " + ", ".join(
            f"set_config('{name}', :v{i}, true)" for i, (name, _) in enumerate(items))),
            {f"v{i}": value for i, (_, value) in enumerate(items)})


def _tiered(conn: Connection, planner: _Planner, query: sa.ColumnElement[Any], *, limit: int,
            offset: int, scope: SearchScope, density: float) -> list[tuple[int, float]]:
    """Headline matches newest first, then the other matches newest first.

    Each tier picks the cheaper of two plans. Headline tier (its test reads the small
    in-row headline vector): all ``H`` headline matches from their GIN index, or a walk
    down the primary key until enough are found (about ``wanted * archive / H`` rows),
    whichever touches fewer rows. Rest tier (its test reads the whole vector): a walk down
    the newest rows when the matches are dense enough for that to be cheaper than reading
    them all through the GIN index (:data:`DETOAST_US` per walked row against
    :data:`GIN_SCAN_US` + :data:`ROW_US` per match), bounded to about twice the rows the
    density predicts; what it does not find comes from the GIN index, newest first,
    checked against the scope in batches. Plans differ in cost, never in the hits."""
    wanted = offset + limit
    in_headline = _matches(_headline_vector(), query)
    cap = int((wanted * planner.archive) ** 0.5) + 1  # above it, a walk touches fewer rows
    planner.only(index_scans=False)
    headline_ids = conn.execute(sa.select(_docs.c.article_id).where(in_headline)
                                .limit(cap)).scalars().all()
    if len(headline_ids) < cap:
        first = _in_scope(conn, sorted((int(i) for i in headline_ids), reverse=True),
                          need=wanted, scope=scope)
    else:
        planner.only(bitmap_scans=False)
        first = [int(article_id) for article_id in conn.execute(
            _matching(in_headline, scope).order_by(_docs.c.article_id.desc())
            .limit(wanted)).scalars()]
    found = [(article_id, 2.0) for article_id in first]
    if len(first) < wanted:
        rest = _newest_rest(conn, planner, sa.and_(_matches(_docs.c[VECTOR_COLUMN], query),
                                                   sa.not_(in_headline)),
                            need=wanted - len(first), scope=scope, density=density)
        found.extend((article_id, 1.0) for article_id in rest)
    return found[offset:offset + limit]


def _newest_rest(conn: Connection, planner: _Planner, condition: sa.ColumnElement[bool], *,
                 need: int, scope: SearchScope, density: float) -> list[int]:
    """The ``need`` newest articles in ``scope`` meeting ``condition`` (see _tiered):
    walk the newest rows while that is the cheaper plan for a word matching ``density``
    of the archive, then read the older matches through the GIN index."""
    archive = planner.archive
    density = min(1.0, max(density, 1.0 / archive))
    walk_us = need / density * DETOAST_US
    index_us = GIN_SCAN_US + density * archive * ROW_US
    rows = min(archive, int(2 * need / density) + 1) if walk_us < index_us else 0
    found: list[int] = []
    below: int | None = None
    if rows:
        walk = _matching(condition, scope).order_by(_docs.c.article_id.desc()).limit(need)
        bound = archive - rows + 1 if rows < archive else None  # ids are about dense
        if bound is not None:
            walk = walk.where(_docs.c.article_id >= bound)
        planner.only(bitmap_scans=False)
        found = [int(article_id) for article_id in conn.execute(walk).scalars()]
        if bound is None:  # the walk covered the whole archive
            return found
        below = bound
    batch = 2 * need
    planner.only(index_scans=False)
    while len(found) < need:
        older = condition if below is None else sa.and_(condition, _docs.c.article_id < below)
        ids = [int(article_id) for article_id in conn.execute(
            sa.select(_docs.c.article_id).where(older)
            .order_by(_docs.c.article_id.desc()).limit(batch)).scalars()]
        found.extend(_in_scope(conn, ids, need=len(ids), scope=scope))
        if len(ids) < batch:
            break
        below = ids[-1]
        batch *= 2
    return found[:need]
