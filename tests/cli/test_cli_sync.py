"""``sampadak sync``: progress lines, summary, conflicts, exit codes."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from editor_app.app import main
from editor_app.core.articles import ArticleService
from editor_app.core.db import open_database
from editor_app.core.workflow.service import WorkflowService
from tests.core.sync.helpers import Field, field_dbs

__all__ = ["field_dbs"]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def laptop_args(f: Field, tmp_path: Path) -> list[str]:
    url = f"sqlite:///{tmp_path / 'laptop.sqlite'}"
    return ["--profile", str(tmp_path / "cli-profile"), "--database", url]


def test_sync_prints_progress_and_summary(field_dbs: Field, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    f = field_dbs
    f.write("किसान आंदोलन", "किसान दिल्ली पहुंचे।")
    f.write("बारिश का अलर्ट", "तीन दिन बारिश।")
    code, out, err = run(capsys, "sync", *laptop_args(f, tmp_path), "--to", f.newsroom_url)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "[1/2] pushed: किसान आंदोलन (added)"
    assert lines[1] == "[2/2] pushed: बारिश का अलर्ट (added)"
    assert lines[-1] == "pushed 2, pulled 0, conflicts 0, unchanged 0, failed 0"
    code, out, _ = run(capsys, "sync", *laptop_args(f, tmp_path), "--to", f.newsroom_url)
    assert code == 0 and out.splitlines()[-1].endswith("unchanged 2, failed 0")


def test_sync_reports_a_conflict_and_exits_1(field_dbs: Field, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    f = field_dbs
    story = f.write("सड़क हादसा", "दो घायल।")
    args = [*laptop_args(f, tmp_path), "--to", f.newsroom_url]
    assert run(capsys, "sync", *args)[0] == 0
    mine = ArticleService(f.laptop, f.reporter)
    desk = ArticleService(f.newsroom, f.desk)
    there = desk.get_by_uuid(mine.get(story).uuid)
    WorkflowService(f.newsroom, f.desk).transition(there.id, "returned", note="नाम जांचें")
    assert run(capsys, "sync", *args)[0] == 0
    here, there = mine.get(story), desk.get(there.id)
    desk.save(there.id, replace(there.data, headline="सड़क हादसे में दो घायल"), there.version)
    mine.save(story, replace(here.data, headline="हादसा: दो घायल"), here.version)
    code, out, _ = run(capsys, "sync", *args, "--on-conflict", "report")
    assert code == 1
    assert f"conflict: सड़क हादसे में दो घायल [{there.uuid}] fields headline" in out
    code, out, _ = run(capsys, "sync", *args)
    assert code == 0
    assert "copy " in out and "conflicts 1" in out.splitlines()[-1]


def test_sync_failures_exit_2(field_dbs: Field, tmp_path: Path,
                              capsys: pytest.CaptureFixture[str]) -> None:
    f = field_dbs
    code, _, err = run(capsys, "sync", *laptop_args(f, tmp_path))
    assert code == 2 and "sync --to URL" in err
    other = open_database(f"sqlite:///{tmp_path / 'empty-newsroom.sqlite'}")
    other.close()
    code, _, err = run(capsys, "sync", *laptop_args(f, tmp_path), "--to",
                       f"sqlite:///{tmp_path / 'empty-newsroom.sqlite'}")
    assert code == 2 and "meera" in err
