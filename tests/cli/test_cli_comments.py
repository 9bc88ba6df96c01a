"""``sampadak comment|comments|resolve|reopen``: anchored comments headless."""

from __future__ import annotations

import json

import pytest

from editor_app.app import main
from editor_app.config import load_config
from editor_app.core.db import open_database
from editor_app.core.profiles import Role, create_profile


def run(capsys, profile_dir, *argv: str) -> tuple[int, str, str]:
    code = main(["--profile", str(profile_dir), *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def article(capsys, profile_dir, tmp_path) -> str:
    body = tmp_path / "body.md"
    body.write_text("नगर निगम ने **नालों की सफ़ाई** शुरू की।\n\nमहापौर ने मजबूत योजना बताई।\n",
                    "utf-8")
    code, out, _ = run(capsys, profile_dir, "new", "--headline", "पटना में बाढ़ की तैयारी",
                       "--body-file", str(body))
    assert code == 0
    config = load_config(profile_dir)
    database = open_database(config.database_url)
    try:
        create_profile(database, "नेहा त्रिपाठी", Role.COPY_EDITOR)
    finally:
        database.close()
    return out.strip()


def test_comment_reply_list_resolve_reopen(capsys, profile_dir, article):
    code, out, err = run(capsys, profile_dir, "comment", article, "--text", "कब से?",
                         "--anchor", "नालों की सफ़ाई")
    assert (code, err) == (0, "")
    first = int(out)
    code, out, _ = run(capsys, profile_dir, "comment", article, "--text", "शहर सही है?",
                       "--anchor", "पटना", "--field", "headline")
    assert code == 0
    headline_comment = int(out)
    code, out, _ = run(capsys, profile_dir, "comment", article, "--text", "सोमवार से",
                       "--reply-to", str(first))
    assert code == 0
    reply = int(out)
    code, out, _ = run(capsys, profile_dir, "comments", article, "--json")
    threads = json.loads(out)
    assert [t["id"] for t in threads] == [first, headline_comment]
    assert threads[0]["quote"] == "नालों की सफ़ाई" and threads[0]["field"] == "body"
    assert threads[0]["author"] == "नेहा त्रिपाठी" and threads[0]["state"] == "open"
    assert [r["id"] for r in threads[0]["replies"]] == [reply]
    assert threads[1]["field"] == "headline" and threads[1]["start"] == 0
    code, out, _ = run(capsys, profile_dir, "resolve", article, str(first))
    assert code == 0 and "resolved" in out
    code, out, _ = run(capsys, profile_dir, "comments", article)
    assert f"#{first} [हल (resolved)] मुख्य पाठ (body) «नालों की सफ़ाई»" in out
    assert f"↳ #{reply} नेहा त्रिपाठी" in out and "सोमवार से" in out
    code, out, _ = run(capsys, profile_dir, "reopen", article, str(first))
    assert code == 0
    code, out, _ = run(capsys, profile_dir, "comments", article, "--json")
    assert json.loads(out)[0]["state"] == "open"


def test_anchor_absent_and_wrong_article_are_errors(capsys, profile_dir, article):
    code, out, err = run(capsys, profile_dir, "comment", article, "--text", "x",
                         "--anchor", "जो नहीं है")
    assert code == 2 and out == ""
    assert err.startswith("sampadak: error:") and "जो नहीं है" in err
    assert "Traceback" not in err
    code, out, _ = run(capsys, profile_dir, "comment", article, "--text", "सामान्य टिप्पणी")
    assert code == 0
    general = int(out)
    code, _, err = run(capsys, profile_dir, "resolve", "99", str(general))
    assert code == 2 and "error" in err
    code, _, err = run(capsys, profile_dir, "comment", article, "--text", "x",
                       "--reply-to", str(general), "--anchor", "पटना")
    assert code == 2 and "--anchor" in err
    code, out, _ = run(capsys, profile_dir, "comments", article, "--json")
    assert [t["quote"] for t in json.loads(out)] == [""]


def test_orphaned_comment_is_listed_with_its_mark(capsys, profile_dir, article):
    code, out, _ = run(capsys, profile_dir, "comment", article, "--text", "कैसी?",
                       "--anchor", "मजबूत योजना")
    comment = int(out)
    config = load_config(profile_dir)
    database = open_database(config.database_url)
    try:
        from dataclasses import replace

        from editor_app.core.articles import ArticleService

        service = ArticleService(database, "नेहा त्रिपाठी")
        record = service.get(int(article))
        body = record.data.body.replace("मजबूत योजना बताई", "कुछ नहीं कहा")
        service.save(record.id, replace(record.data, body=body), record.version)
    finally:
        database.close()
    code, out, _ = run(capsys, profile_dir, "comments", article)
    assert code == 0
    assert f"#{comment} [खुली (open)] मुख्य पाठ (body) «मजबूत योजना» (पाठ हटाया गया — text deleted)" \
        in out
    code, out, _ = run(capsys, profile_dir, "comments", article, "--json")
    assert json.loads(out)[0]["orphaned"] is True


def test_as_user_rights_anyone_comments_only_some_resolve(capsys, profile_dir, article):
    database = open_database(load_config(profile_dir).database_url)
    try:
        create_profile(database, "अमित शर्मा", Role.REPORTER)
    finally:
        database.close()
    code, out, _ = run(capsys, profile_dir, "comment", article, "--text", "कब से?",
                       "--anchor", "नालों की सफ़ाई")  # the local profile: a copy editor
    first = out.strip()
    code, out, _ = run(capsys, profile_dir, "--as", "अमित शर्मा", "comment", article,
                       "--text", "मेरी राय", "--reply-to", first)
    assert code == 0  # a reporter may comment and reply
    code, _, err = run(capsys, profile_dir, "--as", "अमित शर्मा", "resolve", article, first)
    assert code == 2 and "may not resolve" in err
    code, out, _ = run(capsys, profile_dir, "comments", article, "--json")
    thread = json.loads(out)[0]
    assert thread["state"] == "open"
    assert thread["replies"][0]["author"] == "अमित शर्मा"


def test_open_comments_block_approval_until_resolved(capsys, profile_dir, article):
    database = open_database(load_config(profile_dir).database_url)
    try:
        create_profile(database, "राकेश वर्मा", Role.DESK_CHIEF)
    finally:
        database.close()
    chief = ("--as", "राकेश वर्मा")
    code, out, _ = run(capsys, profile_dir, "comment", article, "--text", "स्रोत?",
                       "--anchor", "मजबूत योजना")
    comment = out.strip()
    for target in ("submitted", "in_copy_edit"):
        code, _, err = run(capsys, profile_dir, *chief, "transition", article, "--to", target)
        assert code == 0, err
    code, _, err = run(capsys, profile_dir, *chief, "transition", article, "--to", "approved")
    assert code != 0 and "1 open comments" in err
    code, _, _ = run(capsys, profile_dir, "resolve", article, comment)
    assert code == 0
    code, _, err = run(capsys, profile_dir, *chief, "transition", article, "--to", "approved")
    assert "open comments" not in err  # other reasons (byline, tags…) may remain
