"""The bar round trip with the newsroom on PostgreSQL and the laptop on SQLite."""

from __future__ import annotations

import pytest

from tests.core.sync import test_sync_engine, test_sync_resume
from tests.core.sync.helpers import Field

pytestmark = pytest.mark.postgres_only(reason="a laptop (SQLite) syncing with a PostgreSQL "
                                              "newsroom")


def test_backends_are_sqlite_and_postgresql(field_dbs: Field) -> None:
    assert field_dbs.laptop.engine.dialect.name == "sqlite"
    assert field_dbs.newsroom.engine.dialect.name == "postgresql"


def test_round_trip_with_a_conflict_sqlite_to_postgresql(field_dbs: Field) -> None:
    assert field_dbs.newsroom.engine.dialect.name == "postgresql"
    test_sync_engine.test_round_trip_with_a_conflict_keeps_both_texts(field_dbs)


def test_interrupted_sync_to_postgresql_resumes(field_dbs: Field,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    assert field_dbs.newsroom.engine.dialect.name == "postgresql"
    test_sync_resume.test_interrupted_after_k_articles_resumes_without_duplicates(
        field_dbs, monkeypatch)
