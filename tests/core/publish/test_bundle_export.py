"""Bundle export from the database, batch export, and the PDF proof."""

from __future__ import annotations

import hashlib
import json
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from editor_app.core.article_data import ArticleData, BylineData
from editor_app.core.articles import ArticleService
from editor_app.core.assets import add_image
from editor_app.core.bundle_format import image_key, revision_hash
from editor_app.core.bundle_reader import read_bundle
from editor_app.core.db import Database
from editor_app.core.errors import NotFoundError
from editor_app.core.publish import export as batch
from editor_app.core.publish.bundle import export_bundle, portable_body
from editor_app.core.publish.pdf import proof_html, render_proof
from editor_app.core.publish.source import PublishArticle, load_article
from tests.core.publish.fixtures import JPEG, OPTIONS, PNG, golden_article, hostile_article
from tests.core.publish.safety import assert_inert


def _stored_article(db: Database, tmp_path: Path) -> int:
    service = ArticleService(db, "आरती")
    record = service.create(ArticleData(
        headline="गंगा का जलस्तर बढ़ा", dek="राहत शिविर खुले", slug="ganga-jalstar",
        body="पहला अनुच्छेद।\n", tags=("गंगा", "बाढ़"), category="बिहार",
        bylines=(BylineData("आरती कुशवाहा", "Aarti Kushwaha", "संवाददाता", "दर्पण"),)))
    png = tmp_path / "नक्शा.png"
    png.write_bytes(PNG)
    jpg = tmp_path / "camp.jpg"
    jpg.write_bytes(JPEG)
    first = add_image(db, record.id, png, caption="नक्शा", credit="ग्राफिक", alt_text="नक्शा")
    add_image(db, record.id, jpg, caption="शिविर")
    body = f'पहला अनुच्छेद।\n\n![नक्शा]({first.ref} "नक्शा | ग्राफिक")\n\n## आगे\n\nअंत।\n'
    data = replace(service.get(record.id).data, body=body)
    ArticleService(db, "रवि").save(record.id, data, record.version)
    return record.id


def test_bundle_round_trip_from_the_database(db: Database, tmp_path: Path) -> None:
    article_id = _stored_article(db, tmp_path)
    article = load_article(ArticleService(db), article_id)
    assert [i.entry for i in article.images] == ["images/0-नक्शा.png", "images/1-camp.jpg"]
    path = tmp_path / "out" / "a.zip"
    manifest = export_bundle(article, path, OPTIONS)
    # every sha256 in the manifest matches the bytes in the zip
    with zipfile.ZipFile(path) as archive:
        raw = json.loads(archive.read("manifest.json"))
        for name, entry in raw["files"].items():
            assert hashlib.sha256(archive.read(name)).hexdigest() == entry["sha256"]
        assert sorted(archive.namelist()) == sorted(
            ["manifest.json", "article.json", "revisions.json", "article.md", "article.html",
             "fragment.html", "ninjs.json", "images/0-नक्शा.png", "images/1-camp.jpg"])
    bundle = read_bundle(path)
    assert bundle.manifest == manifest
    assert bundle.article.uuid == article.uuid and bundle.article.version == article.version
    assert manifest.article.revision_id == article.revision_id
    assert bundle.images["images/0-नक्शा.png"] == PNG
    assert bundle.images["images/1-camp.jpg"] == JPEG
    # the body refers to the bundle's image path, not the local asset id
    assert "asset:" not in bundle.article.body
    assert '![नक्शा](images/0-नक्शा.png "नक्शा | ग्राफिक")' in bundle.article.body
    assert bundle.renderings["article.md"].decode() == bundle.article.body
    html = bundle.renderings["article.html"].decode()
    assert 'src="images/0-नक्शा.png"' in html
    # revisions: oldest first, hashes chained
    revs = bundle.revisions
    assert [r.author for r in revs] == ["आरती", "रवि"]
    assert revs[0].parent_hash is None and revs[1].parent_hash == revs[0].hash
    # revision bodies name the images by bundle path too, and hashes name them by content:
    # the same hash as the stored revision with its local asset ids
    assert "asset:" not in revs[1].body and "(images/0-नक्शा.png" in revs[1].body
    keys = {name: image_key(data) for name, data in bundle.images.items()}
    assert revs[1].hash == revision_hash(revs[1].headline, revs[1].dek, revs[1].body,
                                         revs[1].metadata, keys)
    stored = article.revisions[1]
    assert "asset:" in stored.body
    local = {f"asset:{i.asset_id}": image_key(i.data) for i in article.images}
    assert revs[1].hash == revision_hash(stored.headline, stored.dek, stored.body,
                                         stored.metadata, local)


def test_portable_body_leaves_foreign_refs() -> None:
    article = golden_article()
    body = portable_body(article)
    assert "asset:" not in body and "](images/1-shivir.jpg " in body
    other = replace(article, data=replace(article.data, body="![x](asset:5)\n"))
    assert portable_body(other) == "![x](asset:5)\n"


def test_batch_one_failure_does_not_stop_the_others(db: Database, tmp_path: Path) -> None:
    good = _stored_article(db, tmp_path)
    second = ArticleService(db, "x").create(ArticleData(headline="दूसरी", slug="ganga-jalstar"))
    out = tmp_path / "batch"
    out.mkdir()
    calls: list[tuple[int, int]] = []
    results = batch.export_articles(ArticleService(db), [good, 9999, second.id], "bundle", out,
                                    OPTIONS, progress=lambda d, t: calls.append((d, t)))
    assert [r.ok for r in results] == [True, False, True]
    assert "9999" in (results[1].error or "")
    assert calls == [(1, 3), (2, 3), (3, 3)]
    names = sorted(p.name for p in out.iterdir())
    assert names == ["ganga-jalstar-2.zip", "ganga-jalstar.zip"]  # same slug: -2
    for result in results:
        if result.path:
            read_bundle(result.path)


def test_batch_failure_mid_write_leaves_nothing(db: Database, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """A bundle that fails after some entries are in the zip leaves no file behind, and a
    renderer error before writing leaves none either; the next article is still exported."""
    article_id = _stored_article(db, tmp_path)
    out = tmp_path / "batch"
    out.mkdir()
    real = zipfile.ZipFile.writestr
    count = {"n": 0}

    def failing_writestr(self: zipfile.ZipFile, *args: object, **kw: object) -> None:
        count["n"] += 1
        if count["n"] == 4:
            raise OSError("disk full")
        real(self, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(zipfile.ZipFile, "writestr", failing_writestr)
    results = batch.export_articles(ArticleService(db), [article_id, article_id], "bundle",
                                    out, OPTIONS)
    assert count["n"] > 4
    assert not results[0].ok and "disk full" in (results[0].error or "")
    assert results[1].ok
    assert [p.name for p in out.iterdir()] == ["ganga-jalstar-2.zip"]  # no partial, no temp
    monkeypatch.undo()

    def broken(service: ArticleService, aid: int) -> PublishArticle:
        return replace(load_article(service, aid), uuid="not-a-uuid")  # ninjs uuid5 fails

    empty = tmp_path / "empty"
    empty.mkdir()
    results = batch.export_articles(ArticleService(db), [article_id], "bundle", empty,
                                    OPTIONS, loader=broken)
    assert not results[0].ok and list(empty.iterdir()) == []


@pytest.mark.parametrize("fmt", ["html", "fragment", "ninjs", "bundle"])
def test_single_article_goes_to_the_given_file(db: Database, tmp_path: Path, fmt: str) -> None:
    article_id = _stored_article(db, tmp_path)
    target = tmp_path / f"one{batch.EXTENSIONS[fmt]}"
    results = batch.export_articles(ArticleService(db), [article_id], fmt, target, OPTIONS)
    assert results[0].path == target and target.stat().st_size > 0


def test_wxr_batch_is_one_file_without_the_failed(db: Database, tmp_path: Path) -> None:
    article_id = _stored_article(db, tmp_path)
    target = tmp_path / "all.xml"
    results = batch.export_articles(ArticleService(db), [article_id, 4242], "wxr", target)
    assert results[0].path == target and not results[1].ok
    assert target.read_text(encoding="utf-8").count("<item>") == 1


def test_cancel_stops_before_the_next_article(db: Database, tmp_path: Path) -> None:
    article_id = _stored_article(db, tmp_path)
    out = tmp_path / "c"
    out.mkdir()
    state = {"n": 0}

    def cancelled() -> bool:
        state["n"] += 1
        return state["n"] > 1

    results = batch.export_articles(ArticleService(db), [article_id, article_id], "html", out,
                                    cancelled=cancelled)
    assert [r.error for r in results] == [None, batch.CANCELLED]
    wxr = batch.export_articles(ArticleService(db), [article_id, article_id], "wxr",
                                tmp_path / "w.xml", cancelled=lambda: state["n"] > 0)
    assert all(r.error == batch.CANCELLED for r in wxr) and not (tmp_path / "w.xml").exists()


def test_unknown_format_and_article(db: Database, tmp_path: Path) -> None:
    with pytest.raises(Exception, match="unknown export format"):
        batch.export_articles(ArticleService(db), [1], "docx", tmp_path)
    with pytest.raises(NotFoundError):
        load_article(ArticleService(db), 12345)


def test_pdf_proof_has_pages_and_the_proof_header() -> None:
    pdf = render_proof(golden_article(), OPTIONS)
    assert pdf.startswith(b"%PDF-")
    html = proof_html(golden_article(), OPTIONS)
    for text in ("approved", "2 (#102)", "आरती कुशवाहा, रवि प्रकाश", "+05:30"):
        assert text in html


def test_pdf_proof_of_hostile_article_fetches_nothing_remote(caplog: pytest.LogCaptureFixture
                                                             ) -> None:
    html = proof_html(hostile_article())
    head, body = html.split("<body>")
    assert "<script" not in head and "evil" not in head.split("</title>")[1]
    assert_inert(body, document=False)
    assert render_proof(hostile_article()).startswith(b"%PDF-")
    # the fetcher was never even asked for anything remote
    assert "refused to fetch" not in caplog.text
