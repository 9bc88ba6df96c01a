"""Storage faults become typed errors: damaged file, full disk, read-only view, restore."""

from __future__ import annotations

import errno
import os
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import event, text

from editor_app.core.article_data import ArticleData
from editor_app.core.articles import ArticleService
from editor_app.core.backups import latest_backup, make_backup, restore_backup
from editor_app.core.db import open_backup_view, open_database
from editor_app.core.errors import (
    DatabaseDamaged,
    DiskFull,
    ReadOnlyDatabase,
    StorageError,
    ValidationError,
)
from tests.storage_helpers import damage_pages, populated_sqlite

pytestmark = pytest.mark.sqlite_only(reason="damages and fills SQLite files")


def test_damaged_pages_raise_database_damaged_naming_file_and_backup(tmp_path):
    path = tmp_path / "desk.sqlite"
    populated_sqlite(path)
    backup = make_backup(path)
    damage_pages(path, first_page=3)
    with pytest.raises(DatabaseDamaged) as caught:
        db = open_database(f"sqlite:///{path}")
        try:
            ArticleService(db).list_articles()
        finally:
            db.close()
    error = caught.value
    assert isinstance(error, StorageError)
    assert error.path == path and error.backup == backup
    assert str(path) in str(error) and str(backup) in str(error)
    assert "\n" not in str(error)


def test_damaged_header_is_database_damaged_at_open(tmp_path):
    path = tmp_path / "desk.sqlite"
    populated_sqlite(path, articles=2)
    damage_pages(path, keep_header=False)
    with pytest.raises(DatabaseDamaged, match="latest backup: none found") as caught:
        open_database(f"sqlite:///{path}")
    assert caught.value.backup is None


def _fail_on(db, prefix: str) -> list[str]:
    """Make the driver fail statements starting with ``prefix`` with SQLite's disk-full
    error; returns the list of statements seen (the failing one last)."""
    seen: list[str] = []

    def driver_execute(cursor, statement, parameters, context):
        seen.append(statement.lstrip().upper())
        if seen[-1].startswith(prefix):
            raise sqlite3.OperationalError("database or disk is full")

    event.listen(db.engine, "do_execute", driver_execute)
    return seen


def test_disk_full_during_save_is_typed_and_keeps_the_previous_version(db):
    service = ArticleService(db, "सीमा")
    record = service.create(ArticleData(headline="पहला", body="पुराना पाठ।"))
    seen = _fail_on(db, "INSERT INTO REVISIONS")
    with pytest.raises(DiskFull, match="disk is full"):
        service.save(record.id, replace(record.data, body="नया पाठ।"), record.version)
    assert seen[-1].startswith("INSERT INTO REVISIONS")
    assert any(s.startswith("UPDATE ARTICLES") for s in seen)  # a half-done save
    again = ArticleService(open_database(db.url), "सीमा")
    stored = again.get(record.id)
    assert stored.version == record.version and stored.data.body == record.data.body
    assert "पुराना" in stored.data.body
    assert len(again.revisions(record.id)) == 1
    again.db.close()


def test_real_sqlite_full_is_disk_full(tmp_path):
    path = tmp_path / "small.sqlite"
    populated_sqlite(path, articles=1)
    db = open_database(f"sqlite:///{path}")

    @event.listens_for(db.engine, "connect")
    def cap_size(dbapi_connection, _record):
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    db.engine.dispose()
    service = ArticleService(db, "सीमा")
    record = service.list_articles()[0]
    full = service.get(record.id)
    with pytest.raises(DiskFull):
        service.save(full.id, replace(full.data, body="बहुत लंबा पाठ। " * 20_000), full.version)
    assert service.get(full.id).data.body == full.data.body
    db.close()


def test_too_large_number_is_a_validation_error(db):
    with pytest.raises(ValidationError, match="too large"):
        ArticleService(db).get(10**20)


def test_backup_view_is_read_only_and_leaves_the_backup_untouched(tmp_path):
    path = tmp_path / "desk.sqlite"
    populated_sqlite(path, articles=3)
    backup = make_backup(path)
    before = backup.read_bytes()
    view = open_backup_view(backup, tmp_path / "cache")
    try:
        service = ArticleService(view, "सीमा")
        assert len(service.list_articles()) == 3
        with pytest.raises(ReadOnlyDatabase):
            service.create(ArticleData(headline="नया"))
        assert view.read_only
    finally:
        view.close()
    assert backup.read_bytes() == before


def test_restore_puts_the_damaged_file_aside_and_the_backup_in_place(tmp_path):
    path = tmp_path / "desk.sqlite"
    populated_sqlite(path, articles=3)
    backup = make_backup(path)
    damage_pages(path, first_page=3)
    damaged_bytes = path.read_bytes()
    path.with_name(path.name + "-wal").write_bytes(b"stale wal of the damaged file")
    aside = restore_backup(path, backup)
    assert aside.read_bytes() == damaged_bytes
    assert aside.with_name(aside.name + "-wal").exists()
    assert not path.with_name(path.name + "-wal").exists()
    newest = latest_backup(path)
    assert newest is not None and newest.path == backup  # the damaged copy is not a backup
    db = open_database(f"sqlite:///{path}")
    try:
        assert len(ArticleService(db).list_articles()) == 3
        with db.engine.connect() as conn:
            assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    finally:
        db.close()


def test_failed_restore_changes_nothing(tmp_path, monkeypatch):
    path = tmp_path / "desk.sqlite"
    populated_sqlite(path, articles=2)
    backup = make_backup(path)
    damage_pages(path, first_page=3)
    damaged_bytes = path.read_bytes()
    wal = path.with_name(path.name + "-wal")
    wal.write_bytes(b"wal of the damaged file")
    real_replace = os.replace

    def replace_failing_at_the_end(src, dst):
        if Path(dst) == path:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace_failing_at_the_end)
    with pytest.raises(DiskFull, match="was not changed"):
        restore_backup(path, backup)
    assert path.read_bytes() == damaged_bytes
    assert wal.read_bytes() == b"wal of the damaged file"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [path.name, wal.name, backup.name])
