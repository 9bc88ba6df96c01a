"""The PostgreSQL search backend: the tsvector holds exactly our keys, any query is a valid
tsquery, migration 0005 backfills and is undone cleanly, weights and field boundaries; the
ranked regime orders by the small in-row rank vector (0008) and leaves the planner as it
was; the tiers read the narrow vector table (0009) newest first through its id slices."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from alembic import command
from hypothesis import given, settings
from hypothesis import strategies as st

from editor_app.core import search_postgres
from editor_app.core.db import Database, _alembic_config, open_database
from editor_app.core.models import Article
from editor_app.core.search import search
from editor_app.core.search_postgres import (
    KEYS_FUNCTION,
    RANK_VECTOR_COLUMN,
    VECTOR_COLUMN,
    VECTOR_TABLE,
    slice_lexeme,
    tsquery_text,
    tsvector_available,
)
from editor_app.core.search_text import index_key_text, parse_query, terms
from tests.conftest import DatabaseFactory

pytestmark = pytest.mark.postgres_only(reason="the tsvector search backend is PostgreSQL's")

_TEXT = st.text(st.one_of(
    st.characters(min_codepoint=0x0900, max_codepoint=0x097F),
    st.sampled_from(list(" \"“”*-()'’.,:&|!<>^%_\\\u200c\u200d\u200b\ufeffabXYß019\n")),
    st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"),
), max_size=60)


@pytest.fixture(scope="module")
def pg(tmp_path_factory: pytest.TempPathFactory, database_factory: DatabaseFactory,
       ) -> Iterator[Database]:
    """One migrated PostgreSQL database for the read-only checks of this module."""
    url = database_factory.new_url(tmp_path_factory.mktemp("pgsearch"))
    database = open_database(url)
    try:
        yield database
    finally:
        database.close()
        database_factory.drop(url)


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_keys_vector_holds_exactly_our_keys(pg: Database, text: str) -> None:
    """No parser between our keys and the index: every key, in order, nothing else."""
    with pg.engine.connect() as conn:
        rows = conn.execute(sa.text(
            f"SELECT lexeme, positions, weights FROM unnest({KEYS_FUNCTION}(:keys, 'D'))"),
            {"keys": index_key_text(text)}).all()
    stored = sorted((position, lexeme) for lexeme, positions, _ in rows
                    for position in positions)
    # Positions start at 2: one free position before each field keeps phrases inside it.
    assert stored == [(index + 2, term.key) for index, term in enumerate(terms(text))]
    assert all(weights == ["D"] * len(weights) for _, _, weights in rows)


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_any_query_is_a_valid_tsquery_of_our_keys(pg: Database, text: str) -> None:
    plan = parse_query(text)
    if plan.is_empty:
        return
    with pg.engine.connect() as conn:
        tree = conn.execute(sa.text("SELECT querytree(CAST(:q AS tsquery))"),
                            {"q": tsquery_text(plan)}).scalar_one()
    for clause in plan.clauses:
        for key in clause.keys:
            assert f"'{key}'" in tree


def test_tsquery_text_quotes_every_lexeme() -> None:
    plan = parse_query("a & b | !c 'd' \"ग्राम पंचायत\" मोदी*")
    assert tsquery_text(plan) == ("'a' & 'b' & 'c' & 'd' & ('ग्राम' <-> 'पंचायत') & "
                                  "'मोदी':*")


def test_weights_follow_fts5_columns(pg: Database) -> None:
    with pg.session() as session:
        article = Article(headline="झील", dek="सरोवर", body="तालाब")
        session.add(article)
        session.flush()
        row = session.connection().execute(sa.text(
            f"SELECT {VECTOR_COLUMN}::text, headline_vector::text FROM {VECTOR_TABLE} "
            "WHERE article_id = :id"), {"id": article.id}).one()
        session.rollback()
    # the keys with their weights, and the article's slice lexeme (no position, no key)
    slice_ = slice_lexeme(article.id)
    assert tuple(row) == (f"'{slice_}' 'झील':2A 'तालाब':6 'सरोवर':4B", f"'{slice_}' 'झील':2A")


def test_auto_uses_tsvector_and_a_phrase_stays_inside_one_field(pg: Database) -> None:
    with pg.session() as session:
        session.add(Article(headline="नया पुल", dek="खुला रास्ता", body="लोग खुश"))
        session.flush()
        assert tsvector_available(session.connection())
        assert [h.headline for h in search(session, '"पुल खुला"', backend="tsvector")] == []
        assert [h.headline for h in search(session, '"खुला रास्ता"', backend="tsvector")] \
            == ["नया पुल"]
        session.rollback()


def test_migration_0005_backfills_and_downgrades(database_factory: DatabaseFactory,
                                                 tmp_path_factory: pytest.TempPathFactory,
                                                 ) -> None:
    url = database_factory.new_url(tmp_path_factory.mktemp("pg0005"))
    database = open_database(url)
    try:
        command.downgrade(_alembic_config(url), "0004_review_workflow")  # before 0005
        with database.session() as session:
            session.add(Article(headline="पुरानी ख़बर", body="पहले से मौजूद लेख।"))
        with database.engine.connect() as conn:
            assert conn.execute(sa.text(
                "SELECT count(*) FROM information_schema.columns "
                f"WHERE column_name = '{VECTOR_COLUMN}'")).scalar_one() == 0
        command.upgrade(_alembic_config(url), "head")
        with database.session() as session:
            hits = search(session, "खबर मौजूद", backend="tsvector")
            assert [h.headline for h in hits] == ["पुरानी ख़बर"]
            indexes = set(session.connection().execute(sa.text(
                f"SELECT indexname FROM pg_indexes WHERE tablename = '{VECTOR_TABLE}'"
            )).scalars())
        assert {"ix_search_vectors_search_vector",
                "ix_search_vectors_headline_vector"} <= indexes
    finally:
        database.close()
        database_factory.drop(url)


def _filler(count: int) -> str:
    return " ".join(f"शब्द{n}" for n in range(count))


def test_ranking_reads_the_short_fields_and_the_lead_only(pg: Database) -> None:
    """The ranked regime orders by the in-row rank vector (migration 0008): a hit in the
    body's first 50 keys counts, later body hits only match. Ranking over the whole vector
    would put the article with five late hits first."""
    with pg.session() as session:
        late_many = Article(headline="पहली", body=_filler(80) + " झील" * 5)
        lead_once = Article(headline="दूसरी", body="झील " + _filler(80))
        late_once = Article(headline="तीसरी", body=_filler(80) + " झील")
        session.add_all([late_many, lead_once, late_once])
        session.flush()
        with session.connection().begin_nested():
            whole = session.connection().execute(sa.text(
                f"SELECT a.headline FROM {VECTOR_TABLE} sv JOIN articles a "
                "ON a.id = sv.article_id WHERE sv.search_vector @@ 'झील'::tsquery "
                f"ORDER BY ts_rank(sv.{VECTOR_COLUMN}, 'झील'::tsquery) DESC")).scalars().all()
        hits = search(session, "झील", backend="tsvector")
        session.rollback()
    assert whole[0] == "पहली"  # what ranking over the whole body would give
    # Lead hit first; the two late-only matches tie at 0 and come newest first.
    assert [h.headline for h in hits] == ["दूसरी", "तीसरी", "पहली"]
    assert hits[0].score > hits[1].score == hits[2].score


def test_rank_vector_is_small_and_stored_in_the_row(pg: Database) -> None:
    with pg.session() as session:
        session.add(Article(headline="झील", dek="सरोवर", body="तालाब " + _filler(500)))
        session.flush()
        conn = session.connection()
        positions, storage, compression = conn.execute(sa.text(
            "SELECT (SELECT sum(array_length(u.positions, 1)) FROM "
            f"unnest(sd.{RANK_VECTOR_COLUMN}) u), att.attstorage, "
            f"pg_column_compression(sd.{RANK_VECTOR_COLUMN}) FROM search_documents sd "
            "JOIN articles a ON a.id = sd.article_id JOIN pg_attribute att ON "
            "att.attrelid = 'search_documents'::regclass AND att.attname = :column "
            "WHERE a.headline = 'झील'"), {"column": RANK_VECTOR_COLUMN}).one()
        session.rollback()
    assert positions == 2 + 50  # headline, dek, the body's first 50 keys
    assert storage == "m"  # MAIN: in the row; compressed only when the row cannot hold it
    assert compression is None  # an ordinary story's rank vector is read as it is


def test_search_restores_the_planner_settings(pg: Database) -> None:
    """The index-only planner settings are local to the search statements."""
    with pg.session() as session:
        session.add(Article(headline="नया पुल", body="लोग खुश"))
        session.flush()
        conn = session.connection()
        conn.execute(sa.text("SET LOCAL enable_hashjoin = off"))
        assert [h.headline for h in search(session, "पुल", backend="tsvector")] == ["नया पुल"]
        settings_after = conn.execute(sa.text(
            "SELECT current_setting('enable_seqscan'), current_setting('enable_hashjoin'), "
            "current_setting('enable_mergejoin'), current_setting('enable_indexscan')")).one()
        session.rollback()
    assert tuple(settings_after) == ("on", "off", "on", "on")


@pytest.mark.parametrize(("headroom", "max_slices"), [(2.0, 64), (0.0, 64), (0.0, 2)])
def test_tiers_read_newest_first_through_slices(pg: Database, monkeypatch: pytest.MonkeyPatch,
                                                headroom: float, max_slices: int) -> None:
    """However the tiers read the matches (one wide window of slices, windows growing from
    one slice, or few slices and then the plain rest below them), the hits are the tiers'
    hits: headline matches newest first, then the other matches newest first, trashed ones
    never; pages of two give the same list. The ids are spread over ~30 slices."""
    monkeypatch.setattr(search_postgres, "RANK_ALL_LIMIT", 3)
    monkeypatch.setattr(search_postgres, "SLICE_HEADROOM", headroom)
    monkeypatch.setattr(search_postgres, "MAX_SLICES", max_slices)
    in_headline, trashed = (3, 4, 11, 17), (7, 13, 17)
    with pg.session() as session:
        articles = [Article(id=900_000 + n * 1_500 + n % 3,
                            headline="बाढ़ से नदी में उफान" if n in in_headline else f"खबर {n}",
                            body=f"गांव {n} में बाढ़ का पानी।" if n % 3 else "सूखा पड़ा।",
                            trashed=n in trashed)
                    for n in range(20)]
        session.add_all(articles)
        session.flush()
        ids = [article.id for article in articles]
        assert len({slice_lexeme(i) for i in ids}) == 20

        def found(limit: int, offset: int = 0) -> list[int]:
            return [h.article_id for h in search(session, "बाढ़", limit=limit, offset=offset,
                                                 backend="tsvector")]

        whole = found(50)
        pages = [i for offset in range(0, 20, 2) for i in found(2, offset)]
        session.rollback()
    matching = {ids[n] for n in range(20)
                if (n % 3 or n in in_headline) and n not in trashed}
    headline_first = [ids[11], ids[4], ids[3]]
    assert whole == headline_first + sorted(matching - set(headline_first), reverse=True)
    assert pages == whole
