"""Round trips through the export issue's own writers: a bundle exported by
``core/publish`` imports into an empty profile unchanged, and WXR export → WXR import gives
the same articles."""

from __future__ import annotations

import base64
from dataclasses import replace
from datetime import date

import pytest

from editor_app.core.article_data import ArticleData, BylineData
from editor_app.core.articles import ArticleService
from editor_app.core.assets import add_image, image_data, list_assets
from editor_app.core.db import open_database
from editor_app.core.intake.bundle import import_bundle, read_bundle_file
from editor_app.core.intake.formats import read_import_file
from editor_app.core.intake.store import store_result
from editor_app.core.publish.export import export_articles

PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDw"
                       "AEhQGAhKmMIQAAAABJRU5ErkJggg==")
STORIES = [
    ArticleData(headline="गांव में नया पुल बना", dek="दो साल का इंतजार खत्म",
                body="पहला अनुच्छेद **ज़रूरी** है।\n\n## आगे क्या\n\nदूसरा अनुच्छेद।\n",
                category="देश", dateline_place="सीकर", dateline_date=date(2024, 6, 12),
                tags=("गांव", "पुल"), slug="gaon-men-naya-pul",
                bylines=(BylineData("आरती कुशवाहा", "", "संवाददाता", "उदाहरण टाइम्स"),)),
    ArticleData(headline="बारिश से राहत & ठंडक", body="तापमान गिरा।\n", tags=("मौसम",),
                bylines=(BylineData("रवि"),)),
]


@pytest.fixture
def empty(database_factory, tmp_path):
    url = database_factory.new_url(tmp_path / "empty")
    database = open_database(url)
    yield database
    database.close()
    database_factory.drop(url)


def test_exported_bundle_imports_into_an_empty_profile(db, empty, tmp_path):
    laptop = ArticleService(db, "laptop")
    record = laptop.create(STORIES[0])
    picture = tmp_path / "pul.png"
    picture.write_bytes(PNG)
    asset = add_image(db, record.id, picture, caption="नया पुल", credit="आरती")
    record = laptop.save(record.id, replace(record.data, body=record.data.body +
                                            f'\n![पुल](asset:{asset.id} "नया पुल | आरती")\n'),
                         record.version)
    [result] = export_articles(laptop, [record.id], "bundle", tmp_path / "story.zip")
    assert result.ok and result.path is not None
    desk = ArticleService(empty, "desk")
    desk.create(ArticleData(headline="पहले से मौजूद"))  # ids differ from the laptop's
    outcome = import_bundle(desk, read_bundle_file(result.path))
    assert outcome.kind == "added" and outcome.record is not None
    copy = outcome.record
    assert copy.uuid == record.uuid
    assert replace(copy.data, body="") == replace(record.data, body="")
    [stored] = list_assets(empty, copy.id)
    assert image_data(empty, stored.id)[1] == PNG
    assert (stored.caption, stored.credit) == ("नया पुल", "आरती")
    assert copy.data.body == record.data.body.replace(f"asset:{asset.id}",
                                                      f"asset:{stored.id}")
    assert [r.headline for r in desk.revisions(copy.id)][:2] == [
        r.headline for r in laptop.revisions(record.id)]
    # and the same bundle again: nothing to do
    assert import_bundle(desk, read_bundle_file(result.path)).kind == "up-to-date"


def test_wxr_export_then_import_gives_the_same_articles(db, empty, tmp_path):
    source = ArticleService(db, "desk")
    ids = [source.create(s).id for s in STORIES]
    [first, _] = export_articles(source, ids, "wxr", tmp_path / "site.xml")
    assert first.ok and first.path is not None
    fmt, results = read_import_file(first.path)
    assert fmt == "wxr" and len(results) == 2
    target = ArticleService(empty, "desk")
    for article_id, result in zip(ids, results, strict=True):
        original = source.get(article_id)
        assert result.uuid == original.uuid
        stored = store_result(target, result)
        assert stored is not None
        got, want = stored.data, original.data
        assert (got.headline, got.dek, got.body) == (want.headline, want.dek, want.body)
        assert (got.tags, got.category, got.slug) == (want.tags, want.category, want.slug)
        assert (got.dateline_place, got.dateline_date) == (want.dateline_place,
                                                           want.dateline_date)
        assert got.bylines == want.bylines
