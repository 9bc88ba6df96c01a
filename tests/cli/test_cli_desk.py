"""Headless desk commands: assign (with deadlines in IST) and list --queue."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from editor_app.app import main
from editor_app.config import load_config
from editor_app.core.db import Database, open_database
from editor_app.core.profiles import ProfileInfo, Role
from tests.core.workflow.desk_fixtures import add_story, add_user


def run(capsys, profile_dir, *argv: str) -> tuple[int, str, str]:
    code = main(["--profile", str(profile_dir), *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def desk_db(profile_dir) -> Iterator[Database]:
    config = load_config(profile_dir)
    config.ensure_dirs()
    database = open_database(config.database_url)
    yield database
    database.close()


@pytest.fixture
def people(desk_db) -> dict[str, ProfileInfo]:
    return {"d": add_user(desk_db, "कविता शर्मा", Role.DESK_CHIEF, "kavita"),
            "c": add_user(desk_db, "नेहा त्रिपाठी", Role.COPY_EDITOR, "neha"),
            "r": add_user(desk_db, "आरती कुशवाहा", Role.REPORTER, "arti")}


def test_assign_with_deadline_then_list_my_queue(capsys, profile_dir, desk_db, people):
    story = add_story(desk_db, "जयपुर में बारिश", "submitted", owner=people["r"])
    code, out, err = run(capsys, profile_dir, "assign", str(story), "neha",
                         "--deadline", "2026-01-15T18:30", "--as", "kavita")
    assert (code, err) == (0, "")
    assert out == (f"article {story}: assigned to नेहा त्रिपाठी, "
                   "deadline 15-01-2026 18:30 IST\n")
    code, out, _ = run(capsys, profile_dir, "list", "--queue", "mine", "--as", "neha", "--json")
    rows = json.loads(out)
    assert code == 0 and [r["id"] for r in rows] == [story]
    assert rows[0]["assignee"] == "नेहा त्रिपाठी"
    assert rows[0]["deadline"] == "2026-01-15T13:00:00+00:00"
    code, out, _ = run(capsys, profile_dir, "list", "--queue", "overdue", "--json")
    assert [r["id"] for r in json.loads(out)] == [story]  # that deadline has passed
    code, out, _ = run(capsys, profile_dir, "list", "--queue", "mine", "--as", "arti", "--json")
    assert json.loads(out) == []  # submitted: out of the reporter's hands


def test_assign_clear_and_refusals(capsys, profile_dir, desk_db, people):
    story = add_story(desk_db, "बारिश", "submitted")
    code, _, err = run(capsys, profile_dir, "assign", str(story), "neha", "--as", "arti")
    assert code == 2 and "may not assign" in err and "Traceback" not in err
    code, _, err = run(capsys, profile_dir, "assign", str(story), "arti", "--as", "kavita")
    assert code == 2 and "cannot be assigned" in err
    code, _, err = run(capsys, profile_dir, "assign", str(story), "nobody", "--as", "kavita")
    assert code == 2 and "no user with login or name 'nobody'" in err
    code, _, err = run(capsys, profile_dir, "assign", str(story), "neha", "--deadline",
                       "परसों", "--as", "kavita")
    assert code == 2 and "cannot read" in err
    assert run(capsys, profile_dir, "assign", str(story), "neha", "--as", "neha")[0] == 0
    code, out, _ = run(capsys, profile_dir, "assign", str(story), "--clear", "--as", "neha")
    assert (code, out) == (0, f"article {story}: unassigned\n")
    code, out, _ = run(capsys, profile_dir, "list", "--json")
    assert json.loads(out)[0]["assignee"] is None


def test_embargo_blocks_export_until_a_desk_chief_overrides(capsys, profile_dir, desk_db,
                                                            people, tmp_path):
    story = add_story(desk_db, "बजट पेश", "approved")
    code, out, err = run(capsys, profile_dir, "embargo", str(story), "2099-01-01T10:00",
                         "--as", "neha")
    assert (code, err) == (0, "")
    assert out == f"article {story}: embargoed until 01-01-2099 10:00 IST\n"
    target = tmp_path / "out.html"
    code, _, err = run(capsys, profile_dir, "export", str(story), "--format", "html",
                       "--out", str(target))
    assert code == 1 and "embargoed until 01-01-2099 10:00 IST" in err
    assert not target.exists()
    code, _, err = run(capsys, profile_dir, "export", str(story), "--format", "html",
                       "--out", str(target), "--override-embargo", "अनुमति", "--as", "neha")
    assert code == 1 and "only a desk chief" in err
    code, _, err = run(capsys, profile_dir, "export", str(story), "--format", "html",
                       "--out", str(target), "--override-embargo", "अनुमति मिली",
                       "--as", "kavita")
    assert (code, err) == (0, "") and target.exists()
    code, out, _ = run(capsys, profile_dir, "embargo", str(story), "--clear", "--as", "kavita")
    assert (code, out) == (0, f"article {story}: embargo lifted\n")
    code, _, err = run(capsys, profile_dir, "embargo", str(story), "2099-01-01",
                       "--as", "arti")
    assert code == 2 and "may not set an embargo" in err


def test_update_keeps_the_published_version_and_kill_needs_a_desk_chief(
        capsys, profile_dir, desk_db, people, tmp_path):
    from editor_app.core.article_data import ArticleData
    from editor_app.core.articles import ArticleService
    from editor_app.core.workflow.publishing import PublishingService

    story = add_story(desk_db, "पुराना शीर्षक", "approved")
    PublishingService(desk_db, people["c"]).mark_exported(story)
    code, out, err = run(capsys, profile_dir, "update", str(story), "--note",
                         "मृतकों की संख्या 12 है", "--as", "neha")
    assert (code, err) == (0, "") and "reopened as an update" in out
    record = ArticleService(desk_db, people["c"]).get(story)
    ArticleService(desk_db, people["c"]).save(story, ArticleData(headline="नया शीर्षक"),
                                              record.version)
    target = tmp_path / "now.html"
    assert run(capsys, profile_dir, "export", str(story), "--format", "html", "--out",
               str(target))[0] == 0
    page = target.read_text("utf-8")
    assert "पुराना शीर्षक" in page and "नया शीर्षक" not in page and "सुधार:" not in page
    code, _, err = run(capsys, profile_dir, "update", str(story), "--note", "फिर",
                       "--as", "neha")
    assert code == 2 and "only an exported story" in err
    code, _, err = run(capsys, profile_dir, "kill", str(story), "--reason", "कानूनी नोटिस",
                       "--as", "neha")
    assert code == 2 and "नहीं" in err and "Traceback" not in err
    code, out, _ = run(capsys, profile_dir, "kill", str(story), "--reason", "कानूनी नोटिस",
                       "--as", "kavita")
    assert (code, out) == (0, f"article {story}: killed (spiked)\n")
    code, out, _ = run(capsys, profile_dir, "history", str(story), "--json")
    assert "कानूनी नोटिस" in out
