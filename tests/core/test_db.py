"""Database opening: pragmas, migrations with a backup first, clear errors."""

from __future__ import annotations

import sqlite3

import pytest
from alembic import command
from sqlalchemy import text
from sqlalchemy.engine import make_url

from editor_app.core.db import _alembic_config, open_database
from editor_app.core.errors import ConfigError, StorageError
from tests.conftest import ON_POSTGRES


@pytest.mark.sqlite_only(reason="PRAGMAs exist only on SQLite")
def test_sqlite_pragmas(db):
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 5000
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL


def test_fresh_database_needs_no_backup(empty_db_url, tmp_path):
    db = open_database(empty_db_url)
    db.close()
    assert db.backup_path is None
    assert not list(tmp_path.glob("*.backup-*"))


def test_downgrade_and_upgrade_keep_the_data(db_url):
    """Both migrations run down and up again on this backend without losing articles."""
    db = open_database(db_url)
    try:
        with db.engine.begin() as conn:
            conn.execute(text("INSERT INTO tags (name, slug) VALUES ('पुराना', 'purana')"))
        cfg = _alembic_config(db_url)
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0001_initial")
            command.downgrade(cfg, "base")
    finally:
        db.close()
    again = open_database(db_url)
    try:
        with again.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM tags")).scalar() == 0
            assert conn.execute(text("SELECT count(*) FROM search_documents")).scalar() == 0
    finally:
        again.close()


@pytest.mark.sqlite_only(reason="the pre-migration backup copies the SQLite file")
def test_upgrade_copies_database_first(tmp_path):
    path = tmp_path / "old.sqlite"
    url = f"sqlite:///{path}"
    db = open_database(url)
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO tags (name, slug) VALUES ('पुराना', 'purana')"))
    cfg = _alembic_config(url)
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0001_initial")
    db.close()
    upgraded = open_database(url)
    upgraded.close()
    assert upgraded.backup_path is not None and upgraded.backup_path.exists()
    backup = sqlite3.connect(upgraded.backup_path)
    try:
        version = backup.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        assert version == "0001_initial"
        assert backup.execute("SELECT name FROM tags").fetchone()[0] == "पुराना"
    finally:
        backup.close()


@pytest.mark.skipif(not ON_POSTGRES, reason="needs SAMPADAK_TEST_POSTGRES_URL")
def test_missing_postgres_database_is_a_storage_error(db_url):
    url = make_url(db_url).set(database="sampadak_no_such_database")
    with pytest.raises(StorageError):
        open_database(url.render_as_string(hide_password=False))


def test_bad_urls_give_typed_errors(tmp_path):
    with pytest.raises(ConfigError):
        open_database("this is not a url")
    with pytest.raises(ConfigError):
        open_database("nosuchdialect://x")
    not_a_db = tmp_path / "junk.sqlite"
    not_a_db.write_bytes(b"this is not a database file at all" * 100)
    with pytest.raises(StorageError):
        open_database(f"sqlite:///{not_a_db}")


class _BusyCursor:
    """Answers "database is locked" to the WAL pragma ``busy`` times, then succeeds."""

    def __init__(self, busy: int, message: str = "database is locked") -> None:
        self.busy, self.message, self.calls = busy, message, 0

    def execute(self, sql: str) -> None:
        self.calls += 1
        if self.calls <= self.busy:
            raise sqlite3.OperationalError(self.message)


def test_wal_switch_waits_for_another_opener_instead_of_failing() -> None:
    from editor_app.core.db import _enable_wal

    cursor = _BusyCursor(busy=3)
    _enable_wal(cursor)
    assert cursor.calls == 4
    with pytest.raises(sqlite3.OperationalError, match="disk I/O"):
        _enable_wal(_BusyCursor(busy=1, message="disk I/O error"))
