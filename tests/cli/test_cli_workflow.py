"""Headless workflow: ``user add|list``, ``status``, ``transition`` with ``--as``; the same
rules as the window (a reporter cannot approve, missing metadata refuses approval with
every reason, a desk chief's override lands in the audit log with its reason)."""

from __future__ import annotations

import json

from sqlalchemy import select

from editor_app.app import main
from editor_app.commands.workflow import ROLE_CHOICES, STATUS_CHOICES
from editor_app.config import load_config
from editor_app.core.db import open_database
from editor_app.core.models import AuditEvent
from editor_app.core.profiles import Role
from editor_app.core.workflow.statuses import Status


def run(capsys, profile_dir, *argv: str) -> tuple[int, str, str]:
    code = main(["--profile", str(profile_dir), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def _newsroom(capsys, profile_dir) -> int:
    """An admin (first user), a reporter, a copy editor and a desk chief; one story by the
    reporter, with a headline only."""
    assert run(capsys, profile_dir, "user", "add", "अनिल", "--role", "admin",
               "--login", "anil")[0] == 0
    for name, role, login in (("सीमा यादव", "reporter", "seema"),
                              ("नेहा त्रिपाठी", "copy_editor", "neha"),
                              ("सुधा वर्मा", "desk_chief", "sudha")):
        code, _, err = run(capsys, profile_dir, "user", "add", name, "--role", role,
                           "--login", login, "--latin", login.title())
        assert code == 0, err
    code, out, _ = run(capsys, profile_dir, "--as", "seema", "new", "--headline",
                       "जयपुर में बारिश")
    assert code == 0
    return int(out.strip())


def test_choices_match_the_core_enums() -> None:
    assert tuple(r.value for r in Role) == ROLE_CHOICES
    assert tuple(s.value for s in Status) == STATUS_CHOICES


def test_user_add_and_list(capsys, profile_dir) -> None:
    _newsroom(capsys, profile_dir)
    code, out, _ = run(capsys, profile_dir, "user", "list", "--json")
    users = json.loads(out)
    assert code == 0
    assert [(u["login"], u["role"]) for u in users] == [
        ("anil", "admin"), ("seema", "reporter"), ("neha", "copy_editor"),
        ("sudha", "desk_chief")]
    assert users[1]["name"] == "सीमा यादव" and users[1]["name_latin"] == "Seema"
    code, out, _ = run(capsys, profile_dir, "user", "list")
    assert "seema\treporter\tसीमा यादव (Seema)" in out
    code, _, err = run(capsys, profile_dir, "--as", "seema", "user", "add", "कोई",
                       "--role", "admin")
    assert code == 2 and "only an admin" in err
    code, _, err = run(capsys, profile_dir, "user", "deactivate", "neha")
    assert code == 0
    code, _, err = run(capsys, profile_dir, "status", "1", "--as", "neha")
    assert code == 2 and "deactivated" in err


def test_a_reporter_cannot_approve_and_status_shows_the_moves(capsys, profile_dir) -> None:
    article_id = _newsroom(capsys, profile_dir)
    code, out, _ = run(capsys, profile_dir, "status", str(article_id), "--as", "seema")
    assert code == 0 and "मसौदा (Draft)" in out and "--to submitted" in out
    assert run(capsys, profile_dir, "transition", str(article_id), "--to", "submitted",
               "--as", "seema")[0] == 0
    assert run(capsys, profile_dir, "transition", str(article_id), "--to", "in_copy_edit",
               "--as", "Neha")[0] == 0
    code, out, err = run(capsys, profile_dir, "transition", str(article_id), "--to",
                         "approved", "--as", "seema")
    assert code == 2 and out == ""
    assert "refused" in err and "may not approve" in err
    code, out, _ = run(capsys, profile_dir, "status", str(article_id), "--json")
    status = json.loads(out)
    assert status["status"] == "in_copy_edit" and status["owner"] == "सीमा यादव"


def test_approval_with_missing_metadata_lists_every_reason(capsys, profile_dir) -> None:
    article_id = _newsroom(capsys, profile_dir)
    run(capsys, profile_dir, "--as", "seema", "transition", str(article_id), "--to",
        "submitted")
    run(capsys, profile_dir, "--as", "neha", "transition", str(article_id), "--to",
        "in_copy_edit")
    code, _, err = run(capsys, profile_dir, "--as", "neha", "transition", str(article_id),
                       "--to", "approved")
    assert code == 2
    reasons = [line for line in err.splitlines() if line.startswith("  - ")]
    for english in ("no byline", "no dateline place", "no category", "no tags"):
        assert any(english in r for r in reasons), english
    assert "--override" not in err  # a copy editor cannot override


def test_a_desk_chief_override_is_in_the_audit_log(capsys, profile_dir) -> None:
    article_id = _newsroom(capsys, profile_dir)
    run(capsys, profile_dir, "--as", "seema", "transition", str(article_id), "--to",
        "submitted")
    run(capsys, profile_dir, "--as", "sudha", "transition", str(article_id), "--to",
        "in_copy_edit")
    code, _, err = run(capsys, profile_dir, "--as", "sudha", "transition", str(article_id),
                       "--to", "approved")
    assert code == 2 and "--override" in err
    code, out, err = run(capsys, profile_dir, "transition", str(article_id), "--to",
                         "approved", "--as", "sudha", "--override", "ब्रेकिंग खबर",
                         "--json")
    assert code == 0, err
    assert json.loads(out)["status"] == "approved"
    config = load_config(profile_dir)
    db = open_database(config.database_url)
    try:
        with db.session() as session:
            event = session.scalars(select(AuditEvent).where(
                AuditEvent.action == "workflow.transition")
                .order_by(AuditEvent.id.desc())).first()
            assert event is not None and event.user == "सुधा वर्मा"
            detail = json.loads(event.detail_json)
    finally:
        db.close()
    assert detail["override"] == "ब्रेकिंग खबर" and detail["to"] == "approved"
    assert any("no tags" in p for p in detail["problems"])
    code, out, _ = run(capsys, profile_dir, "history", str(article_id), "--json")
    assert code == 0
    moves = [e for e in json.loads(out) if e["kind"] == "transition"]
    assert [(e["detail"]["to"], e["who"]) for e in moves] == [
        ("submitted", "सीमा यादव"), ("in_copy_edit", "सुधा वर्मा"),
        ("approved", "सुधा वर्मा")]
    assert moves[-1]["detail"]["override"] == "ब्रेकिंग खबर"


def test_a_move_needing_a_note(capsys, profile_dir) -> None:
    article_id = _newsroom(capsys, profile_dir)
    code, _, err = run(capsys, profile_dir, "--as", "sudha", "transition", str(article_id),
                       "--to", "spiked")
    assert code == 2 and "note is required" in err
    code, out, _ = run(capsys, profile_dir, "--as", "sudha", "transition", str(article_id),
                       "--to", "spiked", "--note", "दोहराव")
    assert code == 0 and "रद्द (Spiked)" in out
