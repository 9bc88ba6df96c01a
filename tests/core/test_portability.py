"""The same behaviour on SQLite and PostgreSQL: ordering, limits, NUL, schema, concurrency.

These run on both backends (``SAMPADAK_TEST_POSTGRES_URL`` switches to PostgreSQL). Each one
pins down a difference between the two that once leaked through core code.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select
from sqlalchemy.engine import make_url

from editor_app.core import assets
from editor_app.core.article_data import ArticleData, BylineData
from editor_app.core.articles import ArticleService
from editor_app.core.db import Database, open_database
from editor_app.core.dictionary import NewsroomDictionary
from editor_app.core.errors import ValidationError
from editor_app.core.house_style import default_style, save_style
from editor_app.core.lint_ignores import add_ignore, list_ignores
from editor_app.core.models import AuditEvent, Base, Tag
from editor_app.core.profiles import create_profile
from editor_app.core.text.normalize import to_nfc
from tests.conftest import ON_POSTGRES, DatabaseFactory

# Code-point order differs from every linguistic collation (PostgreSQL's default): upper case
# before lower case, Latin before Devanagari, nukta letters (U+0958…) after the plain ones.
MIXED = [to_nfc(word) for word in ("Zebra", "apple", "ड़", "ड", "क़", "क", "Ω", "10", "9")]


def test_lists_come_back_in_code_point_order(db: Database) -> None:
    service = ArticleService(db, "desk")
    service.create(ArticleData(headline="क्रम", tags=tuple(MIXED),
                               bylines=tuple(BylineData(name) for name in MIXED)))
    assert service.all_tags() == sorted(MIXED)
    assert [p.name for p in service.known_people()] == sorted(MIXED)
    words = NewsroomDictionary(db)
    for word in MIXED:
        words.add(word, "desk")
    assert [e.word for e in words.entries()] == sorted(MIXED)


def test_article_tags_are_code_point_sorted_in_data_and_revisions(db: Database) -> None:
    service = ArticleService(db, "desk")
    record = service.create(ArticleData(headline="टैग", tags=("b", "A", "अ", "Ä")))
    assert record.data.tags == ("A", "b", "Ä", "अ")
    again = service.save(record.id, replace(record.data, tags=("अ", "Ä", "b", "A")),
                         record.version)
    assert again.version == record.version  # same tags, any order: nothing to save
    assert service.revisions(record.id)[-1].metadata["tags"] == ["A", "b", "Ä", "अ"]


@pytest.mark.parametrize("data", [
    ArticleData(headline="लंबा टैग", tags=("क" * 201,)),
    ArticleData(headline="लंबी जगह", dateline_place="प" * 201),
    ArticleData(headline="लंबी श्रेणी", category="श" * 201),
    ArticleData(headline="लंबा नाम", bylines=(BylineData("न" * 201),)),
    ArticleData(headline="लंबी भाषा", language="h" * 17),
])
def test_over_long_fields_are_validation_errors_everywhere(db: Database,
                                                           data: ArticleData) -> None:
    """SQLite ignores VARCHAR(n); PostgreSQL enforces it. Core must refuse on both alike."""
    service = ArticleService(db, "desk")
    with pytest.raises(ValidationError):
        service.create(data)
    assert service.list_articles(trashed=None) == []
    record = service.create(ArticleData(headline="ठीक"))
    with pytest.raises(ValidationError):
        service.save(record.id, replace(data, headline="ठीक"), record.version)
    assert service.get(record.id).version == record.version


def test_other_over_long_texts_are_validation_errors(db: Database, tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        create_profile(db, "न" * 201, "reporter")
    with pytest.raises(ValidationError):
        save_style(db, default_style(), user="desk", name="s" * 101)
    with pytest.raises(ValidationError):
        ArticleService(db, "a" * 201).create(ArticleData(headline="लेखक"))
    article_id = ArticleService(db, "desk").create(ArticleData(headline="चित्र")).id
    image = tmp_path / "चित्र.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 16)
    with pytest.raises(ValidationError):
        assets.add_image(db, article_id, image, credit="क" * 301)


def test_nul_characters_never_reach_the_database(db: Database) -> None:
    """PostgreSQL text cannot hold NUL (SQLite can): every stored text drops it."""
    service = ArticleService(db, "डे\x00स्क")
    record = service.create(ArticleData(headline="शीर्षक\x00", tags=("ट\x00ैग",),
                                        bylines=(BylineData("ना\x00म", "Na\x00me"),)))
    assert record.data.tags == ("टैग",) and record.data.bylines[0].name == "नाम"
    assert service.revisions(record.id)[0].author == "डेस्क"
    entry = add_ignore(db, record.id, "unicode.rra", "औ\x00ऱ", reason="का\x00रण",
                       user="सी\x00मा")
    assert (entry.text, entry.reason, entry.user) == ("औऱ", "कारण", "सीमा")
    assert list_ignores(db, record.id) == [entry]
    save_style(db, default_style(), user="रवि\x00")
    assert NewsroomDictionary(db).add("श\x00ब्द", "ए\x00क")
    with db.session() as session:
        users = set(session.scalars(select(AuditEvent.user)))
    assert users == {"डेस्क", "सीमा", "रवि", "एक"}


def test_image_bytes_and_sizes_round_trip(db: Database, tmp_path: Path) -> None:
    """bytea/BLOB: NUL and high bytes survive; ``size`` counts bytes on every backend."""
    article_id = ArticleService(db, "desk").create(ArticleData(headline="चित्र")).id
    data = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
    path = tmp_path / "x.png"
    path.write_bytes(data)
    info = assets.add_image(db, article_id, path)
    assert [a.size for a in assets.list_assets(db, article_id)] == [len(data)]
    assert assets.image_data(db, info.id) == ("image/png", data)


def test_times_are_utc_aware_and_ordered(db: Database) -> None:
    service = ArticleService(db, "desk")
    first = service.create(ArticleData(headline="पहला"))
    second = service.create(ArticleData(headline="दूसरा"))
    stored = service.get(first.id)
    assert stored.created_at == first.created_at  # microseconds survive
    assert stored.updated_at.utcoffset() == timedelta(0)
    assert [r.id for r in service.list_articles()] == [second.id, first.id]


def test_tags_with_the_same_slug_get_distinct_slugs(db: Database) -> None:
    service = ArticleService(db, "desk")
    service.create(ArticleData(headline="एक", tags=("Delhi",)))
    service.create(ArticleData(headline="दो", tags=("delhi",)))
    with db.session() as session:
        slugs = sorted(session.scalars(select(Tag.slug)))
    assert slugs == ["delhi", "delhi-2"]


def test_migrations_match_the_models(db: Database) -> None:
    """Alembic's view of the migrated schema equals the ORM models on this backend."""
    def only_app_tables(name: str | None, type_: str, _parents: object) -> bool:
        return not (type_ == "table" and name is not None
                    and (name.startswith("search_") or name == "alembic_version"))

    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={
            "compare_type": True, "include_name": only_app_tables})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_plain_postgresql_url_uses_psycopg(db_url: str) -> None:
    """``postgresql://`` (no driver) means psycopg 3, the driver the project installs."""
    if not ON_POSTGRES:
        pytest.skip("needs SAMPADAK_TEST_POSTGRES_URL")
    plain = make_url(db_url).set(drivername="postgresql").render_as_string(hide_password=False)
    database = open_database(plain)
    try:
        assert database.engine.dialect.driver == "psycopg"
        assert ArticleService(database).list_articles() == []
    finally:
        database.close()


def test_two_desks_opening_a_new_database_at_once(database_factory: DatabaseFactory,
                                                  tmp_path: Path) -> None:
    """Two app instances starting together on an empty database: one migrates, one waits."""
    url = database_factory.new_url(tmp_path, migrated=False)
    errors: list[BaseException] = []
    opened: list[Database] = []
    barrier = threading.Barrier(3)

    def start() -> None:
        barrier.wait()
        try:
            opened.append(open_database(url))
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=start) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    try:
        assert errors == []
        assert len(opened) == 3
        record = ArticleService(opened[0], "desk").create(ArticleData(headline="साथ"))
        assert ArticleService(opened[1], "desk").get(record.id).data.headline == "साथ"
    finally:
        for database in opened:
            database.close()
        database_factory.drop(url)


def test_raw_sql_booleans_are_portable(db: Database) -> None:
    service = ArticleService(db, "desk")
    record = service.create(ArticleData(headline="कचरा"))
    service.trash(record.id)
    with db.engine.connect() as conn:
        count = conn.execute(sa.text("SELECT count(*) FROM articles WHERE trashed = :t"),
                             {"t": True}).scalar()
    assert count == 1
