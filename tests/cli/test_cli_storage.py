"""CLI on storage faults and upkeep: damaged database, doctor, maintenance, ids, paging,
and what start-up imports."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from editor_app.app import main
from editor_app.core.backups import make_backup
from tests.conftest import REPO_ROOT
from tests.storage_helpers import damage_pages, populated_sqlite


def _pythonpath() -> str:
    """This checkout first, then whatever the caller's PYTHONPATH already had."""
    return os.pathsep.join(p for p in (str(REPO_ROOT), os.environ.get("PYTHONPATH")) if p)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def sampadak(*argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "editor_app", *argv], cwd=REPO_ROOT,
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": _pythonpath(), **(env or {})})


@pytest.fixture
def damaged(tmp_path) -> tuple[Path, Path, Path]:
    """(profile folder, damaged database file, its backup)."""
    profile = tmp_path / "profile"
    path = profile / "data" / "sampadak.sqlite"
    populated_sqlite(path)
    backup = make_backup(path)
    damage_pages(path, first_page=2)
    return profile, path, backup


@pytest.mark.sqlite_only(reason="damages a SQLite file")
def test_every_database_command_on_a_damaged_file_is_one_line_exit_2(damaged, tmp_path):
    profile, path, backup = damaged
    text_file = tmp_path / "story.txt"
    text_file.write_text("जयपुर में बारिश हुई।\n", "utf-8")
    commands = [["list"], ["list", "--json", "--limit", "5"], ["show", "1"],
                ["new", "--headline", "नया"], ["search", "बारिश"], ["check", str(text_file)],
                ["fix", "--rules", "danda", "--use-database", str(text_file)],
                ["maintenance", "--vacuum"]]
    url = f"sqlite:///{path}"
    for argv in commands:
        result = sampadak("--profile", str(profile), "--database", url, *argv)
        lines = result.stderr.splitlines()
        assert result.returncode == 2, (argv, result.stderr)
        assert len(lines) == 1, (argv, result.stderr)
        assert lines[0].startswith("sampadak: error: the database")
        assert str(path) in lines[0] and str(backup) in lines[0] and "damaged" in lines[0]
        assert result.stdout == ""


@pytest.mark.sqlite_only(reason="damages a SQLite file")
def test_doctor_on_damaged_and_healthy_databases(damaged, capsys, tmp_path):
    profile, path, backup = damaged
    code, out, _ = run(capsys, "--profile", str(profile), "--database", f"sqlite:///{path}",
                       "doctor")
    assert code == 2
    assert "integrity_check: FAILED" in out and "verdict: DAMAGED" in out
    assert str(backup) in out and "UTC" in out and "KiB" in out
    healthy = tmp_path / "healthy"
    url = f"sqlite:///{healthy / 'ok.sqlite'}"
    assert run(capsys, "--profile", str(healthy), "--database", url, "new",
               "--headline", "ठीक")[0] == 0
    code, out, _ = run(capsys, "--profile", str(healthy), "--database", url, "doctor")
    assert code == 0 and "verdict: healthy" in out and "backups: none" in out
    assert "search index (FTS5) integrity-check: ok" in out


def test_doctor_on_the_database_under_test(capsys, profile_dir):
    assert run(capsys, "--profile", str(profile_dir), "new", "--headline", "एक")[0] == 0
    code, out, _ = run(capsys, "--profile", str(profile_dir), "doctor")
    assert code == 0 and "verdict: healthy" in out


def test_maintenance_command(capsys, profile_dir):
    for n in range(3):
        run(capsys, "--profile", str(profile_dir), "new", "--headline", f"ख़बर {n}")
    code, out, err = run(capsys, "--profile", str(profile_dir), "maintenance", "--vacuum",
                         "--optimize")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[1].startswith("before: ") and "3 articles" in lines[1]
    assert "per article" in lines[1] and lines[-1].startswith("after: ")
    assert "done: VACUUM" in lines and "done: ANALYZE" in lines


@pytest.mark.parametrize("ident, message", [
    ("99999999999999999999", "out of range"),
    ("2147483648", "out of range"),
    ("0", "out of range"),
    ("१", "ASCII digits"),
    ("१२", "ASCII digits"),
])
def test_bad_ids_are_one_line_exit_2(capsys, profile_dir, ident, message):
    run(capsys, "--profile", str(profile_dir), "new", "--headline", "पहला")  # id 1 exists
    code, out, err = run(capsys, "--profile", str(profile_dir), "show", ident)
    assert code == 2 and out == ""
    assert err.startswith("sampadak: error: article id") and message in err
    assert len(err.splitlines()) == 1


def test_list_limit_and_offset(capsys, profile_dir):
    for n in range(5):
        run(capsys, "--profile", str(profile_dir), "new", "--headline", f"ख़बर {n}")
    code, out, _ = run(capsys, "--profile", str(profile_dir), "list", "--json", "--limit", "2")
    assert code == 0 and [r["headline"] for r in json.loads(out)] == ["ख़बर 4", "ख़बर 3"]
    code, out, _ = run(capsys, "--profile", str(profile_dir), "list", "--json", "--limit", "2",
                       "--offset", "3")
    assert [r["headline"] for r in json.loads(out)] == ["ख़बर 1", "ख़बर 0"]
    with pytest.raises(SystemExit) as caught:
        main(["--profile", str(profile_dir), "list", "--limit", "-1"])
    assert caught.value.code == 2


_IMPORT_PROBE = """
import sys
from editor_app.app import main
try:
    code = main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
heavy = sorted({m.split('.')[0] if not m.startswith('editor_app') else m
                for m in sys.modules
                if m.split('.')[0] in ('alembic', 'sqlalchemy', 'enchant', 'PySide6', 'regex')
                or m.startswith(('editor_app.core.text.spell', 'editor_app.core.text.lint',
                                 'editor_app.core.checking', 'editor_app.commands.text'))})
print('MODULES', code, ' '.join(heavy))
"""


def _imports(*argv: str) -> tuple[int, set[str]]:
    result = subprocess.run([sys.executable, "-c", _IMPORT_PROBE, *argv], cwd=REPO_ROOT,
                            capture_output=True, text=True, timeout=120,
                            env={**os.environ, "PYTHONPATH": _pythonpath()})
    line = next(x for x in result.stdout.splitlines() if x.startswith("MODULES"))
    _, code, *names = line.split()
    return int(code), set(names)


def test_version_imports_nothing_heavy():
    code, modules = _imports("--version")
    assert code == 0 and modules == set()


def test_list_imports_no_alembic_spell_or_lint(profile_dir):
    assert _imports("--profile", str(profile_dir), "new", "--headline", "पहला")[0] == 0
    code, modules = _imports("--profile", str(profile_dir), "list", "--limit", "50")
    assert code == 0
    assert "sqlalchemy" in modules  # it did open the database
    assert not modules & {"alembic", "enchant", "PySide6", "editor_app.core.text.spell",
                          "editor_app.core.checking", "editor_app.commands.text"}
    assert not any(m.startswith("editor_app.core.text.lint") for m in modules)
