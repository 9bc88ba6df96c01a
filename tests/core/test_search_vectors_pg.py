"""The narrow vector table of PostgreSQL search (migration 0009): kept in step with
``search_documents`` by its trigger through every way articles change, one row per save,
its GIN indexes are what the search statements read, and the migration goes both ways."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
import sqlalchemy as sa
from alembic import command

from editor_app.core import search_postgres
from editor_app.core.article_data import ArticleData, BylineData
from editor_app.core.articles import ArticleService
from editor_app.core.db import Database, _alembic_config, open_database
from editor_app.core.models import Article
from editor_app.core.search import rebuild_index, search
from editor_app.core.search_postgres import VECTOR_TABLE, slice_lexeme
from tests.conftest import DatabaseFactory

pytestmark = pytest.mark.postgres_only(reason="the vector table is PostgreSQL's")

REPORTER = BylineData("सीमा यादव", "Seema Yadav", "संवाददाता", "The Printlines")


def story(n: int, word: str = "बाढ़") -> ArticleData:
    return ArticleData(headline=f"ज़िले में {word} की तैयारी {n}", dek=f"प्रशासन की बैठक {n}",
                       body=f"पहला अनुच्छेद {n}, {word} का पानी।\n", category="शहर",
                       dateline_place="पटना", dateline_date=date(2026, 7, 1),
                       tags=("पटना",), bylines=(REPORTER,))


def expected_vectors(conn: sa.Connection) -> dict[int, tuple[str, str]]:
    """What the vector table must hold: the 0009 functions over the index rows' keys."""
    return {int(row[0]): (row[1], row[2]) for row in conn.execute(sa.text(
        "SELECT article_id, sampadak_document_vector(article_id, headline, dek, body, tags, "
        "bylines)::text, sampadak_headline_vector(article_id, headline)::text "
        "FROM search_documents"))}


def stored_vectors(conn: sa.Connection) -> dict[int, tuple[str, str]]:
    return {int(row[0]): (row[1], row[2]) for row in conn.execute(sa.text(
        f"SELECT article_id, search_vector::text, headline_vector::text FROM {VECTOR_TABLE}"))}


def in_step(db: Database) -> dict[int, tuple[str, str]]:
    with db.engine.connect() as conn:
        stored, expected = stored_vectors(conn), expected_vectors(conn)
    assert stored == expected
    return stored


def test_the_vector_table_follows_every_change(db: Database) -> None:
    """Create, bulk create, save, trash, restore, rename of a byline person, rebuild,
    delete and TRUNCATE: the table always holds one row per index row, with the vectors
    of that row's current keys."""
    service = ArticleService(db, "सीमा")
    one = service.create(story(1))
    ids = service.create_many(story(n) for n in range(2, 40))
    assert set(in_step(db)) == {one.id, *ids}
    record = service.get(ids[3])
    service.save(record.id, replace(record.data, headline="नया शीर्षक झील"), record.version)
    assert "'झील'" in in_step(db)[record.id][1]
    service.trash(ids[4])
    with db.session() as session:
        assert ids[4] not in {h.article_id for h in search(session, "बाढ़", limit=100,
                                                           backend="tsvector")}
    service.restore(ids[4])
    renamed = (replace(REPORTER, name_latin="Seema Yadav Singh"),)
    record = service.get(ids[5])
    service.save(record.id, replace(record.data, bylines=renamed), record.version)
    vectors = in_step(db)
    assert sum("'singh'" in vector for vector, _ in vectors.values()) == 39
    with db.session() as session:
        assert {h.article_id for h in search(session, "बाढ़", limit=100,
                                             backend="tsvector")} == {one.id, *ids}
        rebuild_index(session)
    in_step(db)
    with db.session() as session:
        session.delete(session.get(Article, ids[6]))
    assert ids[6] not in in_step(db)
    with db.engine.begin() as conn:
        conn.execute(sa.text("TRUNCATE search_documents"))
    assert in_step(db) == {}


def test_a_save_writes_one_row_of_each_index_table(db: Database) -> None:
    """The saved article's index row and its vector row, nothing else (counted by the
    transaction id that wrote the rows)."""
    service = ArticleService(db, "सीमा")
    ids = service.create_many(story(n) for n in range(30))
    record = service.get(ids[7])
    service.save(record.id, replace(record.data, body="बदला हुआ पाठ, झील।\n"), record.version)
    with db.engine.connect() as conn:
        written = conn.execute(sa.text(
            "WITH x AS (SELECT xmin AS id FROM search_documents WHERE article_id = :id) "
            "SELECT (SELECT count(*) FROM search_documents, x WHERE xmin = x.id), "
            f"(SELECT count(*) FROM {VECTOR_TABLE}, x WHERE xmin = x.id), "
            f"(SELECT article_id FROM {VECTOR_TABLE}, x WHERE xmin = x.id)"),
            {"id": record.id}).one()
    assert tuple(written) == (1, 1, record.id)


def _plans(db: Database, query: str, monkeypatch: pytest.MonkeyPatch,
           rank_all_limit: int) -> list[str]:
    """The plans of the statements one search ran (auto_explain, as notices)."""
    monkeypatch.setattr(search_postgres, "RANK_ALL_LIMIT", rank_all_limit)
    notes: list[str] = []
    with db.session() as session:
        conn = session.connection()
        raw = conn.connection.driver_connection
        assert raw is not None
        raw.add_notice_handler(lambda diag: notes.append(diag.message_primary or ""))
        for statement in ("LOAD 'auto_explain'", "SET LOCAL auto_explain.log_min_duration = 0",
                          "SET LOCAL auto_explain.log_level = notice"):
            conn.exec_driver_sql(statement)
        assert search(session, query, limit=5, backend="tsvector")
        conn.exec_driver_sql("SET LOCAL auto_explain.log_min_duration = -1")
    return [note for note in notes if f"FROM {VECTOR_TABLE}" in note and "@@" in note]


@pytest.mark.parametrize("rank_all_limit", [2000, 3])
def test_the_search_reads_the_gin_indexes_of_the_vector_table(
        db: Database, monkeypatch: pytest.MonkeyPatch, rank_all_limit: int) -> None:
    """Every statement on the vector table is a bitmap scan of one of its GIN indexes
    (never a sequential scan or a primary-key walk, which would de-TOAST a vector per row),
    in the ranked regime and in the tiers (whose window asks for the slice lexemes)."""
    service = ArticleService(db, "सीमा")
    service.create_many(story(n) for n in range(40))
    with db.engine.begin() as conn:
        conn.exec_driver_sql(f"ANALYZE {VECTOR_TABLE}")
    plans = _plans(db, "बाढ़ तैयारी", monkeypatch, rank_all_limit)
    assert plans
    for plan in plans:
        assert "Bitmap Index Scan on ix_search_vectors_" in plan, plan
        assert "Seq Scan" not in plan and "Index Scan Backward" not in plan, plan
    slices = [plan for plan in plans if "'#" in plan]
    assert bool(slices) == (rank_all_limit == 3)


def test_migration_0009_moves_the_vectors_and_back(database_factory: DatabaseFactory,
                                                   tmp_path_factory: pytest.TempPathFactory,
                                                   ) -> None:
    url = database_factory.new_url(tmp_path_factory.mktemp("pg0009"))
    database = open_database(url)
    columns = sa.text("SELECT column_name FROM information_schema.columns "
                      "WHERE table_name = 'search_documents' AND column_name LIKE '%vector'")
    tables = sa.text("SELECT count(*) FROM information_schema.tables "
                     f"WHERE table_name = '{VECTOR_TABLE}'")
    try:
        command.downgrade(_alembic_config(url), "0008_pg_search_speed")
        with database.session() as session:
            session.add(Article(headline="पुरानी ख़बर", body="पहले से मौजूद झील।"))
        with database.engine.connect() as conn:
            assert set(conn.execute(columns).scalars()) == {
                "search_vector", "headline_vector", "rank_vector"}
            assert conn.execute(tables).scalar_one() == 0
            # the 0005 vector is back, computed for the row written under 0008
            assert conn.execute(sa.text(
                "SELECT count(*) FROM search_documents WHERE search_vector @@ 'झील'"
            )).scalar_one() == 1
        command.upgrade(_alembic_config(url), "head")
        with database.engine.connect() as conn:
            assert set(conn.execute(columns).scalars()) == {"rank_vector"}
            assert conn.execute(tables).scalar_one() == 1
            article_id, vector = conn.execute(sa.text(
                f"SELECT article_id, search_vector::text FROM {VECTOR_TABLE}")).one()
        assert f"'{slice_lexeme(article_id)}'" in vector and "'झील'" in vector
        with database.session() as session:  # backfilled, and the trigger is back
            session.add(Article(headline="नई ख़बर", body="झील का पानी।"))
            session.flush()
            hits = search(session, "खबर झील", backend="tsvector")
            assert sorted(h.headline for h in hits) == ["नई ख़बर", "पुरानी ख़बर"]
    finally:
        database.close()
        database_factory.drop(url)
