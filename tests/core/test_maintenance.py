"""Database health checks (doctor) and upkeep (ANALYZE, FTS5 optimize, VACUUM)."""

from __future__ import annotations

import shutil
import sqlite3

import pytest
from sqlalchemy import text

from editor_app.core.article_data import ArticleData
from editor_app.core.articles import ArticleService
from editor_app.core.backups import make_backup
from editor_app.core.db import open_database
from editor_app.core.errors import DiskFull
from editor_app.core.maintenance import diagnose, run_maintenance
from editor_app.core.migrations import HEAD_REVISION
from tests.conftest import ON_POSTGRES
from tests.storage_helpers import damage_pages, populated_sqlite


def test_healthy_database(db, db_url):
    ArticleService(db, "सीमा").create(ArticleData(headline="एक", body="पाठ"))
    result = diagnose(db_url)
    assert result.healthy and not result.damaged, result.problems
    assert result.revisions == (HEAD_REVISION,)
    assert result.size is not None and result.size.articles == 1
    names = [name for name, _ in result.checks]
    if not ON_POSTGRES:
        assert ("integrity_check", "ok") in result.checks
        assert ("search index (FTS5) integrity-check", "ok") in result.checks
    else:
        assert "connection" in names


@pytest.mark.sqlite_only(reason="damages a SQLite file")
def test_damaged_database_is_reported_with_backups(tmp_path):
    path = tmp_path / "desk.sqlite"
    populated_sqlite(path, articles=10)
    backup = make_backup(path)
    before = path.read_bytes()
    damage_pages(path, first_page=5)
    damaged = path.read_bytes()
    result = diagnose(f"sqlite:///{path}")
    assert result.damaged and not result.healthy
    assert any("damaged" in problem for problem in result.problems)
    assert [b.path for b in result.backups] == [backup]
    assert result.backups[0].size == len(before)
    assert path.read_bytes() == damaged  # diagnose wrote nothing


@pytest.mark.sqlite_only(reason="FTS5 exists only on SQLite")
def test_search_index_out_of_step_is_a_problem(tmp_path):
    path = tmp_path / "desk.sqlite"
    populated_sqlite(path, articles=3)
    with sqlite3.connect(path) as conn:  # bypass the triggers: the FTS5 index drifts
        conn.execute("DROP TRIGGER search_documents_au")
        conn.execute("UPDATE search_documents SET body = 'बदला'")
    result = diagnose(f"sqlite:///{path}")
    assert not result.damaged and not result.healthy
    assert any("search index" in p for p in result.problems)
    db = open_database(f"sqlite:///{path}")
    try:
        run_maintenance(db, rebuild_search=True)
    finally:
        db.close()
    assert diagnose(f"sqlite:///{path}").healthy


def test_newer_database_is_a_problem(db, db_url):
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099_future'"))
    result = diagnose(db_url)
    assert not result.healthy and not result.damaged
    assert any("newer version of Sampadak" in p for p in result.problems)


@pytest.mark.sqlite_only(reason="a missing file is a SQLite matter")
def test_missing_file_is_not_created(tmp_path):
    path = tmp_path / "none.sqlite"
    result = diagnose(f"sqlite:///{path}")
    assert result.healthy and not result.exists and not path.exists()


def test_maintenance_reports_sizes_and_vacuum_gives_space_back(db):
    service = ArticleService(db, "सीमा")
    records = [service.create(ArticleData(headline=f"ख़बर {n}", body="लंबा पाठ। " * 2000))
               for n in range(20)]
    with db.engine.begin() as conn:  # free half of the pages
        conn.execute(text("DELETE FROM articles WHERE id > :id"), {"id": records[9].id})
    report = run_maintenance(db, vacuum=True, optimize=True)
    assert report.before.articles == report.after.articles == 10
    assert "VACUUM" in report.steps and "ANALYZE" in report.steps
    assert report.after.bytes_per_article == report.after.database_bytes / 10
    if db.is_sqlite:
        assert report.before.free_bytes > 0 and report.after.free_bytes == 0
        assert report.after.database_bytes < report.before.database_bytes
        assert any("FTS5 optimize" in s for s in report.steps)
    assert len(service.list_articles()) == 10


@pytest.mark.sqlite_only(reason="checks free space beside the SQLite file")
def test_vacuum_refused_without_room(db, monkeypatch):
    class Usage:
        free = 10

    monkeypatch.setattr(shutil, "disk_usage", lambda _: Usage())
    with pytest.raises(DiskFull, match="VACUUM needs"):
        run_maintenance(db, vacuum=True)
