"""Headless tracked changes: ``suggestions``, ``accept``, ``reject`` with ``--as`` and the
same rules as the window."""

from __future__ import annotations

import json
from dataclasses import replace

from editor_app.app import main
from editor_app.config import load_config
from editor_app.core.articles import ArticleService
from editor_app.core.db import open_database
from editor_app.core.users import find_user

BODY = "जयपुर में रविवार को तेज बारिश हुई। शहर में कई जगह पानी भरा।\n"


def run(capsys, profile_dir, *argv: str) -> tuple[int, str, str]:
    code = main(["--profile", str(profile_dir), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def _story_with_two_suggestions(capsys, profile_dir, tmp_path) -> int:
    """Users, a reporter's story in copy edit and two copy editors' edits."""
    for name, role, login in (("अनिल", "admin", "anil"), ("सीमा यादव", "reporter", "seema"),
                              ("नेहा त्रिपाठी", "copy_editor", "neha"),
                              ("अमित", "copy_editor", "amit")):
        assert run(capsys, profile_dir, "user", "add", name, "--role", role,
                   "--login", login)[0] == 0
    body = tmp_path / "body.md"
    body.write_text(BODY, encoding="utf-8")
    code, out, err = run(capsys, profile_dir, "--as", "seema", "new", "--headline",
                         "जयपुर में बारिश", "--body-file", str(body))
    assert code == 0, err
    article_id = int(out.strip())
    assert run(capsys, profile_dir, "--as", "seema", "transition", str(article_id),
               "--to", "submitted")[0] == 0
    assert run(capsys, profile_dir, "--as", "neha", "transition", str(article_id),
               "--to", "in_copy_edit")[0] == 0
    db = open_database(load_config(profile_dir).database_url)
    try:  # the copy editors edit (the window or an import would do the same)
        for login, old, new in (("neha", "तेज", "भारी"), ("amit", "कई जगह", "कई इलाकों में")):
            service = ArticleService(db, find_user(db, login))
            record = service.get(article_id)
            service.save(article_id, replace(record.data, body=record.data.body.replace(
                old, new)), record.version)
    finally:
        db.close()
    return article_id


def test_suggestions_accept_reject(capsys, profile_dir, tmp_path):
    article_id = _story_with_two_suggestions(capsys, profile_dir, tmp_path)
    code, out, _ = run(capsys, profile_dir, "suggestions", str(article_id), "--json")
    listed = json.loads(out)
    assert code == 0 and [s["state"] for s in listed] == ["open", "open"]
    assert [s["author"] for s in listed] == ["नेहा त्रिपाठी", "अमित"]
    assert listed[0]["old"] == "तेज" and listed[0]["new"] == "भारी"
    first, second = listed[0]["id"], listed[1]["id"]
    code, out, _ = run(capsys, profile_dir, "suggestions", str(article_id))
    assert f"{first}\tbody\topen\tनेहा त्रिपाठी\t" in out and "तेज → भारी" in out

    # a copy editor cannot decide; nor can anyone without numbers or --all
    code, _, err = run(capsys, profile_dir, "--as", "neha", "accept", str(article_id),
                       str(first))
    assert code == 2 and "reporter or a desk chief" in err
    code, _, err = run(capsys, profile_dir, "--as", "seema", "accept", str(article_id))
    assert code == 2 and "--all" in err

    code, out, err = run(capsys, profile_dir, "--as", "seema", "reject", str(article_id),
                         "--all", "--by", "amit", "--json")
    assert code == 0, err
    assert json.loads(out)["decided"] == [second]  # only amit's
    code, out, err = run(capsys, profile_dir, "--as", "seema", "accept", str(article_id),
                         str(first))
    assert code == 0, err
    assert "1 सुझाव स्वीकार (accepted)" in out
    code, out, _ = run(capsys, profile_dir, "show", str(article_id), "--json")
    assert json.loads(out)["body"] == BODY.replace("तेज", "भारी")

    code, out, _ = run(capsys, profile_dir, "suggestions", str(article_id), "--json")
    states = {s["id"]: (s["state"], s["decided_by"]) for s in json.loads(out)}
    assert states == {first: ("accepted", "सीमा यादव"), second: ("rejected", "सीमा यादव")}
    code, out, _ = run(capsys, profile_dir, "suggestions", str(article_id), "--open")
    assert "no suggestions" in out
    # the decisions are revisions in the history, with what was decided
    code, out, _ = run(capsys, profile_dir, "history", str(article_id), "--json")
    notes = [entry.get("note", "") for entry in json.loads(out)]
    assert any(n.startswith(f"rejected suggestion {second}") for n in notes)
    assert any(n.startswith(f"accepted suggestion {first}") and "भारी" in n for n in notes)


def test_unknown_suggestion_is_refused(capsys, profile_dir, tmp_path):
    article_id = _story_with_two_suggestions(capsys, profile_dir, tmp_path)
    code, _, err = run(capsys, profile_dir, "--as", "anil", "reject", str(article_id), "999")
    assert code == 2 and "999" in err
