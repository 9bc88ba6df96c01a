"""Opening a database: Alembic only when needed, newer databases refused, backups once."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import text

from editor_app.core import backups
from editor_app.core.backups import list_backups, make_backup, pre_migration_backup
from editor_app.core.db import _alembic_config, open_database
from editor_app.core.errors import DatabaseTooNew, MigrationError
from editor_app.core.migrations import HEAD_REVISION, KNOWN_REVISIONS
from tests.conftest import REPO_ROOT


def _pythonpath() -> str:
    """This checkout first, then whatever the caller's PYTHONPATH already had."""
    return os.pathsep.join(p for p in (str(REPO_ROOT), os.environ.get("PYTHONPATH")) if p)


def test_head_revision_constant_matches_alembic(tmp_path):
    script = ScriptDirectory.from_config(_alembic_config(f"sqlite:///{tmp_path / 'x.sqlite'}"))
    assert script.get_current_head() == HEAD_REVISION
    ordered = [rev.revision for rev in reversed(list(script.walk_revisions()))]
    assert tuple(ordered) == KNOWN_REVISIONS


def test_up_to_date_database_opens_without_importing_alembic(db_url):
    open_database(db_url).close()  # migrated now
    code = (
        "import sys\n"
        "from editor_app.core.db import open_database\n"
        f"db = open_database({db_url!r})\n"
        "db.close()\n"
        "print('alembic' in sys.modules, any(m.startswith('alembic') for m in sys.modules))\n"
    )
    env = {**os.environ, "PYTHONPATH": _pythonpath()}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=env, cwd=REPO_ROOT, timeout=120, check=True)
    assert result.stdout.split() == ["False", "False"], result.stderr


def _set_revision(db_url: str, revision: str) -> None:
    db = open_database(db_url)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": revision})
    db.close()


def test_database_of_a_newer_version_is_refused_without_backup(db_url, tmp_path):
    db = open_database(db_url)
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO tags (name, slug) VALUES ('नया', 'naya')"))
    db.close()
    _set_revision(db_url, "0099_from_the_future")
    with pytest.raises(DatabaseTooNew) as caught:
        open_database(db_url)
    message = str(caught.value)
    assert "made by a newer version of Sampadak" in message and "update Sampadak" in message
    assert caught.value.revision == "0099_from_the_future"
    assert not list(tmp_path.rglob("*.backup-*"))
    # Nothing was changed: the revision is still the newer one.
    with pytest.raises(DatabaseTooNew):
        open_database(db_url)


def _old_database(tmp_path: Path) -> tuple[str, Path]:
    path = tmp_path / "old.sqlite"
    url = f"sqlite:///{path}"
    db = open_database(url)
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO tags (name, slug) VALUES ('पुराना', 'purana')"))
    from alembic import command

    cfg = _alembic_config(url)
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0001_initial")
    db.close()
    return url, path


@pytest.mark.sqlite_only(reason="the pre-migration backup copies the SQLite file")
def test_failed_upgrades_make_one_backup(tmp_path, monkeypatch):
    url, path = _old_database(tmp_path)
    from alembic import command

    def failing_upgrade(cfg, revision):
        cfg.attributes["connection"].exec_driver_sql("CREATE TABLE half_done (x INTEGER)")
        raise RuntimeError("simulated failure in the middle of a migration")

    monkeypatch.setattr(command, "upgrade", failing_upgrade)
    for _ in range(3):
        with pytest.raises(MigrationError, match="pre-upgrade copy is"):
            open_database(url)
    made = list_backups(path)
    assert len(made) == 1
    assert (made[0].from_revision, made[0].to_revision) == ("0001_initial", HEAD_REVISION)
    monkeypatch.undo()
    upgraded = open_database(url)
    upgraded.close()
    assert upgraded.backup_path == made[0].path
    assert [b.path for b in list_backups(path)] == [made[0].path]
    with sqlite3.connect(made[0].path) as copy:
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone()[0] == \
            "0001_initial"
        assert copy.execute("SELECT name FROM tags").fetchone()[0] == "पुराना"


@pytest.mark.sqlite_only(reason="the pre-migration backup copies the SQLite file")
def test_database_changed_since_the_backup_gets_a_new_one(tmp_path):
    _, path = _old_database(tmp_path)
    first = pre_migration_backup(path, "0001_initial", HEAD_REVISION)
    assert pre_migration_backup(path, "0001_initial", HEAD_REVISION) == first
    with sqlite3.connect(path) as conn:  # an older Sampadak kept working on it
        conn.execute("INSERT INTO tags (name, slug) VALUES ('नई', 'nai')")
    os.utime(path, ns=(first.stat().st_mtime_ns + 10**9,) * 2)
    second = pre_migration_backup(path, "0001_initial", HEAD_REVISION)
    assert second != first and len(list_backups(path)) == 2
    assert pre_migration_backup(path, "0001_initial", "0003_other") not in (first, second)


@pytest.mark.sqlite_only(reason="backups are copies of the SQLite file")
def test_old_backups_are_pruned(tmp_path, monkeypatch):
    _, path = _old_database(tmp_path)
    stamps = iter(f"20260101T0000{n:02d}000000Z" for n in range(20))
    monkeypatch.setattr(backups, "_stamp", lambda: next(stamps))
    for _ in range(7):
        make_backup(path)
    (tmp_path / "other.backup-20250101T000000000000Z.sqlite").write_bytes(b"not ours")
    newest = pre_migration_backup(path, "0001_initial", HEAD_REVISION)
    kept = list_backups(path)
    assert len(kept) == backups.KEEP_BACKUPS == 5
    assert kept[-1].path == newest
    assert [b.created.second for b in kept] == [3, 4, 5, 6, 7]
    assert (tmp_path / "other.backup-20250101T000000000000Z.sqlite").exists()
