"""``sampadak export``: every format, batches by id or status, failures on stderr."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from editor_app.app import main
from editor_app.core.bundle_reader import read_bundle
from editor_app.core.publish import FORMATS


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def new(capsys, profile: Path, headline: str, tmp_path: Path) -> int:
    body = tmp_path / "body.md"
    body.write_text("## उपशीर्षक\n\nपहला **अनुच्छेद**।\n", "utf-8")
    code, out, _ = run(capsys, "--profile", str(profile), "new", "--headline", headline,
                       "--body-file", str(body))
    assert code == 0
    return int(out.strip())


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "pdf"])
def test_export_one_article_each_format(capsys, profile_dir, tmp_path, fmt):
    article_id = new(capsys, profile_dir, "जयपुर में बारिश", tmp_path)
    target = tmp_path / f"out.{fmt}"
    code, out, err = run(capsys, "--profile", str(profile_dir), "export", str(article_id),
                         "--format", fmt, "--out", str(target), "--site-url",
                         "https://news.example.in")
    assert (code, err) == (0, "")
    assert str(target) in out
    data = target.read_bytes()
    if fmt == "bundle":
        assert read_bundle(target).article.headline == "जयपुर में बारिश"
    elif fmt == "wxr":
        assert ET.fromstring(data).findtext("channel/item/title") == "जयपुर में बारिश"
    elif fmt == "ninjs":
        assert json.loads(data)["headlines"][0]["value"] == "जयपुर में बारिश"
    else:
        assert "<strong>अनुच्छेद</strong>" in data.decode()
    if fmt == "html":
        assert 'href="https://news.example.in/jaypur-men-barish"' in data.decode()


def test_export_pdf(capsys, profile_dir, tmp_path):
    article_id = new(capsys, profile_dir, "जयपुर में बारिश", tmp_path)
    target = tmp_path / "proof.pdf"
    code, _, err = run(capsys, "--profile", str(profile_dir), "export", str(article_id),
                       "--format", "pdf", "--out", str(target))
    assert (code, err) == (0, "")
    assert target.read_bytes().startswith(b"%PDF-")


def test_batch_with_a_missing_article_reports_and_goes_on(capsys, profile_dir, tmp_path):
    first = new(capsys, profile_dir, "पहली खबर", tmp_path)
    second = new(capsys, profile_dir, "दूसरी खबर", tmp_path)
    out_dir = tmp_path / "bundles"
    code, out, err = run(capsys, "--profile", str(profile_dir), "export", str(first), "777",
                         str(second), "--format", "bundle", "--out", str(out_dir), "--json")
    assert code == 1
    assert err.strip().splitlines() == ["sampadak: error: article 777: no article with id 777"]
    results = json.loads(out)
    assert [r["error"] is None for r in results] == [True, False, True]
    assert len(list(out_dir.iterdir())) == 2  # two bundles, no temp file
    for r in results:
        if r["path"]:
            read_bundle(Path(r["path"]))


def test_export_by_status_into_one_wxr(capsys, profile_dir, tmp_path):
    new(capsys, profile_dir, "पहली खबर", tmp_path)
    new(capsys, profile_dir, "दूसरी खबर", tmp_path)
    target = tmp_path / "all.xml"
    code, _out, err = run(capsys, "--profile", str(profile_dir), "export", "--status", "draft",
                         "--format", "wxr", "--out", str(target))
    assert (code, err) == (0, "")
    titles = {t.text for t in ET.fromstring(target.read_bytes()).iter("title")}
    assert {"पहली खबर", "दूसरी खबर"} <= titles


def test_export_usage_errors(capsys, profile_dir, tmp_path):
    code, _, err = run(capsys, "--profile", str(profile_dir), "export", "--format", "html",
                       "--out", str(tmp_path / "x.html"))
    assert code == 2 and "ids or --status" in err
    code, _, err = run(capsys, "--profile", str(profile_dir), "export", "abc", "--format",
                       "html", "--out", str(tmp_path / "x.html"))
    assert code == 2 and "no article with id or UUID 'abc'" in err
    code, _, err = run(capsys, "--profile", str(profile_dir), "export", "--status", "approved",
                       "--format", "html", "--out", str(tmp_path / "none"))
    assert code == 0 and "no article has status" in err
