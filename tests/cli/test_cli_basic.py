"""Headless commands: list, show, new, --version; errors without tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from editor_app import __version__
from editor_app.app import main
from tests.conftest import REPO_ROOT


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_new_list_show_json(capsys, profile_dir, tmp_path):
    body = tmp_path / "body.md"
    body.write_text("## उपशीर्षक\n\nपहला अनुच्छेद।\n", "utf-8")
    code, out, _ = run(capsys, "--profile", str(profile_dir), "new", "--headline",
                       "जयपुर में बारिश", "--body-file", str(body))
    assert code == 0
    article_id = int(out.strip())
    code, out, _ = run(capsys, "list", "--json", "--profile", str(profile_dir))
    rows = json.loads(out)
    assert code == 0 and len(rows) == 1
    assert {"id", "uuid", "headline", "status", "updated"} <= set(rows[0])
    assert rows[0]["id"] == article_id and rows[0]["headline"] == "जयपुर में बारिश"
    code, out, _ = run(capsys, "--profile", str(profile_dir), "show", str(article_id), "--json")
    shown = json.loads(out)
    assert shown["body"] == "## उपशीर्षक\n\nपहला अनुच्छेद।\n"
    assert shown["slug"] == "jaypur-men-barish"
    code, out, _ = run(capsys, "--profile", str(profile_dir), "show", rows[0]["uuid"])
    assert code == 0 and out.startswith("जयपुर में बारिश")
    code, out, _ = run(capsys, "--profile", str(profile_dir), "list")
    assert "जयपुर में बारिश" in out


def test_database_option_and_env(capsys, tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'other.sqlite'}"
    assert run(capsys, "--database", url, "new", "--headline", "एक")[0] == 0
    monkeypatch.setenv("SAMPADAK_DATABASE_URL", url)
    code, out, _ = run(capsys, "--profile", str(tmp_path / "p"), "list", "--json")
    assert code == 0
    assert [r["headline"] for r in json.loads(out)] == ["एक"]


@pytest.mark.parametrize("argv, message", [
    (["show", "42"], "no article with id 42"),
    (["show", "not-a-uuid"], "no article with id or UUID"),
    (["new", "--headline", "x", "--body-file", "/nonexistent/file.md"], "no such file"),
])
def test_user_errors_are_one_line(capsys, profile_dir, argv, message):
    code, out, err = run(capsys, "--profile", str(profile_dir), *argv)
    assert code == 2 and out == ""
    assert err.startswith("sampadak: error:") and message in err
    assert "Traceback" not in err


def test_invalid_utf8_body_file(capsys, profile_dir, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xe0\xa4 broken")
    code, _, err = run(capsys, "--profile", str(profile_dir), "new", "--headline", "x",
                       "--body-file", str(bad))
    assert code == 2 and "not valid UTF-8" in err


@pytest.mark.parametrize("launcher", [
    [sys.executable, "-m", "editor_app"],
    [sys.executable, "main.py"],
    [str(Path(sys.executable).parent / "sampadak")],
])
def test_entry_points(launcher, tmp_path):
    result = subprocess.run([*launcher, "--version"], cwd=REPO_ROOT, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.strip() == f"sampadak {__version__}"
    result = subprocess.run([*launcher, "--profile", str(tmp_path), "show", "7"],
                            cwd=REPO_ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_search_command(capsys, profile_dir):
    run(capsys, "--profile", str(profile_dir), "new", "--headline", "ज़िले में ज़रूरी बैठक")
    run(capsys, "--profile", str(profile_dir), "new", "--headline", "खेल समाचार")
    code, out, _ = run(capsys, "--profile", str(profile_dir), "search", "जरूरी", "--json")
    rows = json.loads(out)
    assert code == 0 and [r["headline"] for r in rows] == ["ज़िले में ज़रूरी बैठक"]
    assert {"id", "uuid", "headline", "score", "snippet"} <= set(rows[0])
    code, out, _ = run(capsys, "--profile", str(profile_dir), "search", '"बैठक ज़रूरी"',
                       "--json")
    assert json.loads(out) == []


def test_convert_legacy_command(capsys, profile_dir, tmp_path):
    source = tmp_path / "kruti.txt"
    source.write_bytes("Hkkjr ds lekpkj".encode("cp1252"))
    code, out, _ = run(capsys, "convert-legacy", "--from", "krutidev", str(source))
    assert code == 0 and out == "भारत के समाचार"
    target = tmp_path / "out.txt"
    code, _, _ = run(capsys, "convert-legacy", str(source), "-o", str(target))
    assert code == 0
    assert target.read_text("utf-8") == "भारत के समाचार"
    code, _, err = run(capsys, "convert-legacy", "--from", "nosuchfont", str(source))
    assert code == 2 and "sampadak: error:" in err
