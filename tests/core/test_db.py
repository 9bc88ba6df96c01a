"""Database opening: pragmas, migrations with a backup first, clear errors."""

from __future__ import annotations

import sqlite3

import pytest
from alembic import command
from sqlalchemy import text

from editor_app.core.db import _alembic_config, open_database
from editor_app.core.errors import ConfigError, StorageError


def test_sqlite_pragmas(db):
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 5000
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL


def test_fresh_database_needs_no_backup(tmp_path):
    db = open_database(f"sqlite:///{tmp_path / 'new.sqlite'}")
    db.close()
    assert db.backup_path is None
    assert not list(tmp_path.glob("*.backup-*"))


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


def test_bad_urls_give_typed_errors(tmp_path):
    with pytest.raises(ConfigError):
        open_database("this is not a url")
    with pytest.raises(ConfigError):
        open_database("nosuchdialect://x")
    not_a_db = tmp_path / "junk.sqlite"
    not_a_db.write_bytes(b"this is not a database file at all" * 100)
    with pytest.raises(StorageError):
        open_database(f"sqlite:///{not_a_db}")
