"""``sampadak history``, ``diff`` and ``restore-revision``."""

from __future__ import annotations

import json
from dataclasses import replace

from editor_app.app import main
from editor_app.commands.review_history import word_diff_lines
from editor_app.config import load_config
from editor_app.core.article_data import ArticleData
from editor_app.core.articles import ArticleService
from editor_app.core.db import open_database
from editor_app.core.review.diff import diff_text


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _article_with_three_revisions(profile_dir) -> int:
    config = load_config(profile=profile_dir)
    config.ensure_dirs()
    db = open_database(config.database_url)
    try:
        service = ArticleService(db, "सीमा")
        first = ArticleData(headline="बाढ़ पर मजूबत योजना",
                            body="पहला अनुच्छेद।\n\nदूसरा अनुच्छेद।\n", tags=("बाढ़",))
        record = service.create(first)
        second = replace(first, headline="बाढ़ पर मजबूत योजना")
        record = service.save(record.id, second, record.version, note="वर्तनी")
        third = replace(second, tags=("बाढ़", "पटना"),
                        body="पहला अनुच्छेद।\n\nदूसरा नया अनुच्छेद।\n")
        service.save(record.id, third, record.version, note="टैग")
        return record.id
    finally:
        db.close()


def test_history_lists_revisions_oldest_first(capsys, profile_dir):
    article_id = _article_with_three_revisions(profile_dir)
    code, out, err = run(capsys, "--profile", str(profile_dir), "history", str(article_id))
    assert code == 0, err
    lines = out.splitlines()
    assert [line.split()[0] for line in lines] == ["#1", "#2", "#3"]
    assert "सीमा" in lines[1] and "[draft]" in lines[1] and lines[1].endswith("वर्तनी")
    code, out, _ = run(capsys, "--profile", str(profile_dir), "history", str(article_id),
                       "--json")
    entries = json.loads(out)
    assert [(e["kind"], e["revision"], e["note"]) for e in entries] == [
        ("revision", 1, "created"), ("revision", 2, "वर्तनी"), ("revision", 3, "टैग")]


def test_diff_text_marks_words_like_word_diff(capsys, profile_dir):
    article_id = _article_with_three_revisions(profile_dir)
    code, out, err = run(capsys, "--profile", str(profile_dir), "diff", str(article_id),
                         "1", "2")
    assert code == 0, err
    assert "== शीर्षक (Headline) ==\nबाढ़ पर [-मजूबत-]{+मजबूत+} योजना\n" in out
    code, out, _ = run(capsys, "--profile", str(profile_dir), "diff", str(article_id),
                       "2", "3")
    assert "== टैग (Tags) ==\n{+पटना, +}बाढ़\n" in out  # tags are stored sorted
    # body: only the changed line, under its line numbers
    assert "== मुख्य पाठ (Body) ==\n@@ -3 +3 @@\nदूसरा{+ नया+} अनुच्छेद।\n" in out
    assert "पहला अनुच्छेद" not in out


def test_diff_json_has_hunks_with_inner_akshara_runs(capsys, profile_dir):
    article_id = _article_with_three_revisions(profile_dir)
    code, out, _ = run(capsys, "--profile", str(profile_dir), "diff", str(article_id), "1",
                       "2", "--json")
    assert code == 0
    diff = json.loads(out)
    assert (diff["from"]["number"], diff["to"]["number"]) == (1, 2)
    headline = next(f for f in diff["fields"] if f["field"] == "headline")
    [hunk] = headline["hunks"]
    assert (hunk["kind"], hunk["old_text"], hunk["new_text"]) == ("replace", "मजूबत", "मजबूत")
    assert [(r["old_start"], r["old_end"], r["old_text"], r["new_text"])
            for r in hunk["inner"]] == [(9, 12, "जूब", "जबू")]
    assert headline["old"][9:12] == "जूब"


def test_restore_revision_adds_a_revision(capsys, profile_dir):
    article_id = _article_with_three_revisions(profile_dir)
    code, out, err = run(capsys, "--profile", str(profile_dir), "restore-revision",
                         str(article_id), "1")
    assert code == 0, err
    assert "restored revision 1" in out
    code, out, _ = run(capsys, "--profile", str(profile_dir), "show", str(article_id),
                       "--json")
    assert json.loads(out)["headline"] == "बाढ़ पर मजूबत योजना"
    code, out, _ = run(capsys, "--profile", str(profile_dir), "history", str(article_id))
    assert out.splitlines()[-1].split()[0] == "#4"
    assert out.splitlines()[-1].endswith("restored revision 1")
    # restoring what the article holds now saves nothing
    code, out, _ = run(capsys, "--profile", str(profile_dir), "restore-revision",
                       str(article_id), "4")
    assert code == 0 and "nothing saved" in out


def test_unknown_revision_is_a_one_line_error(capsys, profile_dir):
    article_id = _article_with_three_revisions(profile_dir)
    code, _out, err = run(capsys, "--profile", str(profile_dir), "diff", str(article_id),
                          "1", "9")
    assert code == 2 and err.startswith("sampadak: error:") and "no revision 9" in err
    assert "Traceback" not in err


def test_word_diff_lines_keep_line_breaks_visible():
    old, new = "एक\nदो\nतीन", "एक\nतीन"
    lines = word_diff_lines(old, diff_text(old, new), headers=True)
    assert lines == ["@@ -2 +2 @@", "[-दो↵-]"]
    assert word_diff_lines("क ख", diff_text("क ख", "क ग"), headers=False) == ["क [-ख-]{+ग+}"]
