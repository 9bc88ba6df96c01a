"""The PostgreSQL search backend: the tsvector holds exactly our keys, any query is a valid
tsquery, migration 0005 backfills and is undone cleanly, weights and field boundaries."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from alembic import command
from hypothesis import given, settings
from hypothesis import strategies as st

from editor_app.core.db import Database, _alembic_config, open_database
from editor_app.core.models import Article
from editor_app.core.search import search
from editor_app.core.search_postgres import (
    KEYS_FUNCTION,
    VECTOR_COLUMN,
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
        session.add(Article(headline="झील", dek="सरोवर", body="तालाब"))
        session.flush()
        row = session.connection().execute(sa.text(
            f"SELECT {VECTOR_COLUMN}::text FROM search_documents sd JOIN articles a "
            "ON a.id = sd.article_id WHERE a.headline = 'झील'")).scalar_one()
        session.rollback()
    assert row == "'झील':2A 'तालाब':6 'सरोवर':4B"


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
                "SELECT indexname FROM pg_indexes WHERE tablename = 'search_documents'"
            )).scalars())
        assert {"ix_search_documents_search_vector",
                "ix_search_documents_headline_vector"} <= indexes
    finally:
        database.close()
        database_factory.drop(url)
