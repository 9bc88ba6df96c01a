"""``sampadak import``: per-article output, --json, --dry-run, bad files reported while the
rest go on, bundles and their conflicts."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

from editor_app.app import main
from editor_app.config import load_config
from editor_app.core.article_data import ArticleData
from editor_app.core.articles import ArticleService
from editor_app.core.db import open_database
from tests.core.intake.bundles import export_bundle

DATA = Path(__file__).resolve().parents[1] / "data" / "intake"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _count(capsys, profile: Path) -> int:
    code, out, _ = run(capsys, "--profile", str(profile), "list", "--json")
    assert code == 0
    return len(json.loads(out))


def test_import_prints_every_recognised_field(capsys, profile_dir):
    code, out, err = run(capsys, "--profile", str(profile_dir), "import",
                         str(DATA / "scraped" / "site-b-regional-hi.txt"))
    assert code == 0, err
    assert "headline: जयपुर में पुराने बाजारों की मरम्मत शुरू" in out
    assert "byline: name=सुनील शर्मा, designation=वरिष्ठ संवाददाता, " \
           "outlet=राजस्थान उदाहरण टाइम्स" in out
    assert "dateline: जयपुर" in out and "tags: जयपुर नगर निगम, बाजार मरम्मत" in out
    assert "related: जयपुर मेट्रो के दूसरे चरण को मिली मंजूरी" in out
    assert "dropped: हमें फॉलो करें" in out
    assert "## काम पूरा होने की समय सीमा" in out
    assert "id: 1" in out and "uuid: " in out
    assert _count(capsys, profile_dir) == 1


def test_json_dry_run_stores_nothing(capsys, profile_dir):
    files = [str(p) for p in sorted((DATA / "scraped").glob("*.txt"))]
    code, out, _ = run(capsys, "--profile", str(profile_dir), "import", "--json",
                       "--dry-run", *files)
    assert code == 0
    report = json.loads(out)
    assert [f["outcome"] for f in report["files"]] == ["dry-run"] * len(files) == ["dry-run"] * 5
    first = report["files"][0]["articles"][0]
    assert first["id"] is None and first["dateline"]["agency"] == "भाषा"
    assert {"headline", "bylines", "dateline", "tags", "category", "body", "related",
            "dropped"} <= set(first)
    assert _count(capsys, profile_dir) == 0


def test_bad_file_is_reported_and_the_rest_go_on(capsys, profile_dir, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"ok \xff\xfa broken")
    good = DATA / "scraped" / "site-c-english.txt"
    code, out, err = run(capsys, "--profile", str(profile_dir), "import", "--json",
                         str(bad), str(good), str(tmp_path / "missing.md"))
    assert code == 2
    assert f"sampadak: error: {bad}: " in err and "not valid UTF-8" in err
    assert "no such file" in err and "Traceback" not in err
    outcomes = [f["outcome"] for f in json.loads(out)["files"]]
    assert outcomes == ["failed", "stored", "failed"]
    assert _count(capsys, profile_dir) == 1


def test_as_format_overrides_the_file_name(capsys, profile_dir, tmp_path):
    path = tmp_path / "story.dat"
    shutil.copy(DATA / "wxr" / "archive.xml", path)
    code, out, _ = run(capsys, "--profile", str(profile_dir), "import", "--as-format", "wxr",
                       "--json", str(path))
    assert code == 0
    [report] = json.loads(out)["files"]
    assert report["format"] == "wxr" and len(report["articles"]) == 2


def test_bundle_import_and_conflict_report_then_keep_both(capsys, profile_dir, tmp_path):
    laptop_db = open_database(f"sqlite:///{tmp_path / 'laptop.sqlite'}")
    laptop = ArticleService(laptop_db, "laptop")
    rec = laptop.create(replace(laptop.get(laptop.create().id).data, headline="पुल बना",
                                body="पाठ।\n"))
    bundle = export_bundle(laptop, rec.id, tmp_path / "one.zip")
    code, out, err = run(capsys, "--profile", str(profile_dir), "import", str(bundle))
    assert code == 0, err and "(bundle): added" in out
    desk_db = open_database(load_config(profile_dir).database_url)
    desk = ArticleService(desk_db, "desk")
    mine = desk.get_by_uuid(rec.uuid)
    desk.save(mine.id, replace(mine.data, headline="डेस्क ने बदला"), mine.version)
    rec = laptop.get(rec.id)
    laptop.save(rec.id, replace(rec.data, headline="लैपटॉप ने बदला"), rec.version)
    bundle = export_bundle(laptop, rec.id, tmp_path / "two.zip")
    code, out, _ = run(capsys, "--profile", str(profile_dir), "import", "--json", str(bundle))
    assert code == 1
    [article] = json.loads(out)["files"][0]["articles"]
    assert article["outcome"] == "conflict"
    assert article["conflicts"][0]["field"] == "headline"
    assert desk.get(mine.id).data.headline == "डेस्क ने बदला"
    code, out, _ = run(capsys, "--profile", str(profile_dir), "import", "--json",
                       "--on-conflict", "both", str(bundle))
    assert code == 0
    [article] = json.loads(out)["files"][0]["articles"]
    assert desk.get(mine.id).data.headline == "डेस्क ने बदला"
    assert desk.get(article["copy_id"]).data.headline == "लैपटॉप ने बदला"
    laptop_db.close()
    desk_db.close()


def test_bundle_conflict_per_field_choices(capsys, profile_dir, tmp_path):
    laptop_db = open_database(f"sqlite:///{tmp_path / 'laptop.sqlite'}")
    laptop = ArticleService(laptop_db, "laptop")
    rec = laptop.create(ArticleData(headline="पुल बना", dek="पहला", body="पाठ।\n"))
    code, _, _ = run(capsys, "--profile", str(profile_dir), "import",
                     str(export_bundle(laptop, rec.id, tmp_path / "one.zip")))
    assert code == 0
    desk_db = open_database(load_config(profile_dir).database_url)
    desk = ArticleService(desk_db, "desk")
    mine = desk.get_by_uuid(rec.uuid)
    desk.save(mine.id, replace(mine.data, headline="डेस्क", dek="डेस्क परिचय"), mine.version)
    rec = laptop.get(rec.id)
    laptop.save(rec.id, replace(rec.data, headline="लैपटॉप", dek="लैपटॉप परिचय"), rec.version)
    bundle = str(export_bundle(laptop, rec.id, tmp_path / "two.zip"))
    # a choice for only one of the two fields: still only reported
    code, _, _ = run(capsys, "--profile", str(profile_dir), "import", "--choose",
                     "headline=theirs", bundle)
    assert code == 1 and desk.get(mine.id).data.headline == "डेस्क"
    code, _, err = run(capsys, "--profile", str(profile_dir), "import", "--choose", "x=maybe",
                       bundle)
    assert code == 2 and "FIELD=mine|theirs|both" in err
    code, out, _ = run(capsys, "--profile", str(profile_dir), "import", "--choose",
                       "headline=theirs", "--choose", "dek=mine", bundle)
    assert code == 0 and "merged (headline=theirs, dek=mine)" in out
    merged = desk.get(mine.id).data
    assert (merged.headline, merged.dek) == ("लैपटॉप", "डेस्क परिचय")
    laptop_db.close()
    desk_db.close()
