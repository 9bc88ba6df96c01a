"""``sampadak newsroom init`` and database logins from the command line (issue 8 item 2):
init refuses SQLite; on PostgreSQL ``user add`` makes the LOGIN role from a password read
on stdin or the terminal; a URL without a password asks on the terminal or uses
PGPASSWORD; the command acts as the login's user; no password reaches output, logs or
settings."""

from __future__ import annotations

import io
import json
import logging
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from editor_app.app import main
from editor_app.core.db import open_database
from editor_app.core.newsroom.credentials import with_login
from editor_app.core.newsroom.policies import drop_newsroom_roles
from editor_app.core.newsroom.roles import drop_login


def run(capsys: pytest.CaptureFixture[str], profile_dir: Path, *argv: str,
        stdin: str | None = None, monkeypatch: pytest.MonkeyPatch | None = None
        ) -> tuple[int, str, str]:
    if stdin is not None:
        assert monkeypatch is not None
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(["--profile", str(profile_dir), *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.sqlite_only("newsroom init refuses SQLite")
def test_newsroom_init_refuses_sqlite(capsys, profile_dir) -> None:
    code, out, err = run(capsys, profile_dir, "newsroom", "init")
    assert code == 2 and out == ""
    assert "needs a PostgreSQL database" in err


@pytest.fixture
def tag(db_url: str) -> Iterator[str]:
    """A unique suffix for roles made by a test; its logins and groups are dropped."""
    value = uuid.uuid4().hex[:8]
    yield value
    db = open_database(db_url)
    try:
        with db.engine.begin() as conn:
            logins = conn.execute(text("SELECT rolname FROM pg_roles WHERE rolname LIKE :p"),
                                  {"p": f"%\\_{value}"}).scalars().all()
            for login in logins:
                drop_login(conn, login)
        drop_newsroom_roles(db, f"t{value}")
    finally:
        db.close()


def _setup(capsys, profile_dir, monkeypatch, tag: str) -> None:
    assert run(capsys, profile_dir, "user", "add", "अनिल", "--role", "admin", "--login",
               f"anil_{tag}")[0] == 0
    code, out, err = run(capsys, profile_dir, "newsroom", "init", "--prefix", f"t{tag}",
                         "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["groups_created"] == [f"t{tag}_{r}" for r in
                                        ("reporter", "copy_editor", "desk_chief", "admin")]
    assert report["logins_missing"] == [f"anil_{tag}"]
    code, _, err = run(capsys, profile_dir, "user", "password", f"anil_{tag}",
                       "--password-stdin", stdin=f"admin-secret-{tag}\n",
                       monkeypatch=monkeypatch)
    assert code == 0, err
    # init again changes nothing that matters (idempotent) and now finds the login
    code, out, _ = run(capsys, profile_dir, "newsroom", "init", "--prefix", f"t{tag}",
                       "--json")
    assert code == 0 and json.loads(out)["groups_created"] == []
    assert json.loads(out)["logins_grouped"] == [f"anil_{tag}"]


@pytest.mark.postgres_only("database logins")
def test_user_add_makes_a_login_that_the_cli_acts_as(capsys, profile_dir, monkeypatch,
                                                    db_url, tag, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    _setup(capsys, profile_dir, monkeypatch, tag)
    secret = f"seema-secret-{tag}"
    admin_url = with_login(db_url, f"anil_{tag}")
    monkeypatch.setenv("SAMPADAK_DATABASE_URL", admin_url)
    monkeypatch.setenv("PGPASSWORD", f"admin-secret-{tag}")
    code, out, err = run(capsys, profile_dir, "user", "add", "सीमा यादव", "--role",
                         "reporter", "--login", f"Seema_{tag}", "--password-stdin",
                         "--json", stdin=secret + "\n", monkeypatch=monkeypatch)
    assert code == 0, err
    assert json.loads(out)["login"] == f"seema_{tag}"
    # the reporter's URL without a password and no terminal: refused with a hint
    monkeypatch.delenv("PGPASSWORD")
    monkeypatch.setenv("SAMPADAK_DATABASE_URL", with_login(db_url, f"seema_{tag}"))
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code, out, err = run(capsys, profile_dir, "new", "--headline", "पहली खबर")
    assert code == 2 and "PGPASSWORD" in err
    # asked on the terminal (getpass): the command acts as the login's user
    asked: list[str] = []
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    def getpass(prompt: str = "") -> str:
        asked.append(prompt)
        return secret

    monkeypatch.setattr("getpass.getpass", getpass)
    code, out, err = run(capsys, profile_dir, "new", "--headline", "पहली खबर")
    assert code == 0, err
    assert asked == [f"database password for seema_{tag}: "]
    article = out.strip()
    code, out, err = run(capsys, profile_dir, "status", article, "--json")
    assert code == 0 and json.loads(out)["owner"] == "सीमा यादव"
    # --as may name only the login's own user
    code, _, err = run(capsys, profile_dir, "--as", f"anil_{tag}", "list")
    assert code == 2 and "cannot act as" in err
    # the reporter's login cannot approve, whatever the CLI is told
    code, _, err = run(capsys, profile_dir, "transition", article, "--to", "approved")
    assert code == 2
    # a wrong password is refused without echoing it
    monkeypatch.setattr("getpass.getpass", lambda prompt="": "wrong-" + secret)
    code, out, err = run(capsys, profile_dir, "list")
    assert code == 2 and "refused the login" in err and "wrong-" not in err
    everything = caplog.text + out + err + "".join(
        p.read_text(encoding="utf-8", errors="replace")
        for p in profile_dir.rglob("*") if p.is_file())
    assert secret not in everything and f"admin-secret-{tag}" not in everything


@pytest.mark.postgres_only("database logins")
def test_role_change_and_deactivate_keep_the_login_in_step(capsys, profile_dir, monkeypatch,
                                                          db_url, tag) -> None:
    _setup(capsys, profile_dir, monkeypatch, tag)
    login = f"neha_{tag}"
    code, _, err = run(capsys, profile_dir, "user", "add", "नेहा", "--role", "reporter",
                       "--login", login, "--password-stdin", stdin="pw-neha\n",
                       monkeypatch=monkeypatch)
    assert code == 0, err

    def groups() -> tuple[list[str], bool]:
        db = open_database(db_url)
        try:
            with db.engine.connect() as conn:
                names = conn.execute(text(
                    "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON "
                    "g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member WHERE "
                    "u.rolname = :u ORDER BY 1"), {"u": login}).scalars().all()
                can_login = conn.execute(text("SELECT rolcanlogin FROM pg_roles WHERE "
                                              "rolname = :u"), {"u": login}).scalar()
        finally:
            db.close()
        return list(names), bool(can_login)

    assert groups() == ([f"t{tag}_reporter"], True)
    assert run(capsys, profile_dir, "user", "role", login, "copy_editor")[0] == 0
    assert groups() == ([f"t{tag}_copy_editor"], True)
    assert run(capsys, profile_dir, "user", "deactivate", login)[0] == 0
    assert groups() == ([f"t{tag}_copy_editor"], False)
    assert run(capsys, profile_dir, "user", "activate", login)[0] == 0
    assert groups()[1] is True
