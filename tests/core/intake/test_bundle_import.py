"""Field bundles: round trip into an empty profile, fast-forward both ways, conflicts with
every choice, and tampered or hostile zips that change nothing."""

from __future__ import annotations

import base64
import json
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
import regex
from sqlalchemy import select

from editor_app.core.article_data import ArticleData, BylineData, RelatedLink
from editor_app.core.articles import ArticleService
from editor_app.core.assets import add_image, image_data, list_assets
from editor_app.core.db import Database, open_database
from editor_app.core.errors import BundleError, ValidationError
from editor_app.core.intake.bundle import import_bundle, read_bundle_file, resolve_conflict
from editor_app.core.intake.merge import classify
from editor_app.core.models import AuditEvent
from tests.core.intake.bundles import export_bundle
from tests.core.intake.helpers import dump

PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDw"
                       "AEhQGAhKmMIQAAAABJRU5ErkJggg==")
STORY = ArticleData(
    headline="गांव में नया पुल बना", dek="दो साल का इंतजार खत्म", body="पहला अनुच्छेद।\n",
    category="देश", dateline_place="सीकर", tags=("पुल", "गांव"),
    bylines=(BylineData("आरती कुशवाहा", "Aarti Kushwaha", "संवाददाता", "उदाहरण टाइम्स"),),
    related=(RelatedLink("सीकर में सड़क चौड़ी होगी", "https://example.in/sikar-sadak"),))


@pytest.fixture
def desk(database_factory, tmp_path):
    url = database_factory.new_url(tmp_path / "desk")
    database = open_database(url)
    yield database
    database.close()
    database_factory.drop(url)


def _laptop_story(db: Database, tmp_path: Path) -> tuple[ArticleService, int]:
    service = ArticleService(db, "laptop")
    image = tmp_path / "pul.png"
    image.write_bytes(PNG)
    # another story's image first, so the laptop's and the desk's image ids differ
    add_image(db, service.create(ArticleData(headline="दूसरी खबर")).id, image)
    record = service.create(STORY)
    asset = add_image(db, record.id, image, caption="नया पुल", credit="फोटो: आरती")
    record = service.save(record.id, replace(
        record.data, body=f'पहला अनुच्छेद।\n\n![पुल](asset:{asset.id} "नया पुल | फोटो: आरती")\n'),
        record.version)
    return service, record.id


def _events(db: Database, action: str) -> list[dict[str, object]]:
    with db.session() as session:
        return [json.loads(e.detail_json) for e in session.scalars(
            select(AuditEvent).where(AuditEvent.action == action))]


def test_round_trip_into_an_empty_profile(db, desk, tmp_path):
    laptop, article_id = _laptop_story(db, tmp_path)
    path = export_bundle(laptop, article_id, tmp_path / "story.zip")
    desk_service = ArticleService(desk, "desk")
    outcome = import_bundle(desk_service, read_bundle_file(path), source=path.name)
    assert outcome.kind == "added" and outcome.record is not None
    original, copy = laptop.get(article_id), outcome.record
    assert copy.uuid == original.uuid
    assert replace(copy.data, body="") == replace(original.data, body="")
    [asset] = list_assets(desk, copy.id)
    assert (asset.caption, asset.credit) == ("नया पुल", "फोटो: आरती")
    assert image_data(desk, asset.id)[1] == PNG
    assert copy.data.body == f'पहला अनुच्छेद।\n\n![पुल](asset:{asset.id} "नया पुल | फोटो: आरती")\n'
    def history(service: ArticleService, aid: int) -> list[tuple[str, str, str]]:
        return [(r.headline, regex.sub(r"asset:\d+", "asset:N", r.body), r.author)
                for r in service.revisions(aid) if r.note != "bundle images attached"]

    assert history(desk_service, copy.id)[:-1] == history(laptop, article_id)[:-1]
    assert history(desk_service, copy.id)[-1][:2] == history(laptop, article_id)[-1][:2]
    assert _events(desk, "article.import")


def test_reimport_unchanged_is_up_to_date_and_writes_nothing(db, desk, tmp_path):
    laptop, article_id = _laptop_story(db, tmp_path)
    path = export_bundle(laptop, article_id, tmp_path / "story.zip")
    desk_service = ArticleService(desk, "desk")
    import_bundle(desk_service, read_bundle_file(path))
    before = dump(desk)
    assert import_bundle(desk_service, read_bundle_file(path)).kind == "up-to-date"
    assert dump(desk) == before


def test_fast_forward_desk_behind_then_laptop_behind(db, desk, tmp_path):
    laptop, article_id = _laptop_story(db, tmp_path)
    desk_service = ArticleService(desk, "desk")
    first = import_bundle(desk_service, read_bundle_file(
        export_bundle(laptop, article_id, tmp_path / "1.zip"))).record
    assert first is not None
    # the reporter goes on writing offline: the desk fast-forwards
    rec = laptop.get(article_id)
    rec = laptop.save(article_id, replace(rec.data, headline="गांव में पुल लगभग तैयार"),
                      rec.version)
    laptop.save(article_id, replace(rec.data, headline="गांव में नया पुल बनकर तैयार"),
                rec.version)
    outcome = import_bundle(desk_service, read_bundle_file(
        export_bundle(laptop, article_id, tmp_path / "2.zip")), source="2.zip")
    assert outcome.kind == "fast-forward"
    assert desk_service.get(first.id).data.headline == "गांव में नया पुल बनकर तैयार"
    steps = [r.headline for r in desk_service.revisions(first.id)]
    assert steps[-2:] == ["गांव में पुल लगभग तैयार", "गांव में नया पुल बनकर तैयार"]
    assert _events(desk, "article.merge")[-1]["kind"] == "fast-forward"
    # the desk edits; the laptop takes the desk's bundle back: fast-forward the other way
    rec = desk_service.get(first.id)
    desk_service.save(first.id, replace(rec.data, dek="दो साल बाद पुल तैयार"), rec.version)
    back = import_bundle(laptop, read_bundle_file(
        export_bundle(desk_service, first.id, tmp_path / "3.zip")))
    assert back.kind == "fast-forward"
    final = laptop.get(article_id).data
    assert (final.headline, final.dek) == ("गांव में नया पुल बनकर तैयार", "दो साल बाद पुल तैयार")
    # each side's body names its own copy of the image, never a bundle path
    for service, aid in ((desk_service, first.id), (laptop, article_id)):
        assert _image_refs(service, aid) == [f"asset:{a.id}" for a in list_assets(service.db, aid)]
        assert len(list_assets(service.db, aid)) == 1


def _image_refs(service: ArticleService, article_id: int) -> list[str]:
    return regex.findall(r"\((asset:\d+|images/[^\s)]+)", service.get(article_id).data.body)


def test_an_image_added_offline_reaches_the_desk_on_fast_forward(db, desk, tmp_path):
    laptop, article_id = _laptop_story(db, tmp_path)
    desk_service = ArticleService(desk, "desk")
    first = import_bundle(desk_service, read_bundle_file(
        export_bundle(laptop, article_id, tmp_path / "1.zip"))).record
    assert first is not None
    gif = tmp_path / "nadi.gif"
    gif.write_bytes(b"GIF89a\x01\x00\x01\x00\x00\x00\x00;")
    new = add_image(db, article_id, gif, caption="नदी", credit="फोटो: रवि")
    rec = laptop.get(article_id)
    laptop.save(article_id, replace(rec.data, body=rec.data.body + f"\n![नदी](asset:{new.id})\n"),
                rec.version)
    outcome = import_bundle(desk_service, read_bundle_file(
        export_bundle(laptop, article_id, tmp_path / "2.zip")))
    assert outcome.kind == "fast-forward"
    assets = list_assets(desk, first.id)
    assert [a.caption for a in assets] == ["नया पुल", "नदी"]
    assert _image_refs(desk_service, first.id) == [f"asset:{a.id}" for a in assets]
    again = import_bundle(desk_service, read_bundle_file(
        export_bundle(laptop, article_id, tmp_path / "3.zip")))
    assert again.kind == "up-to-date"


def _conflict(db, desk, tmp_path):
    laptop, article_id = _laptop_story(db, tmp_path)
    desk_service = ArticleService(desk, "desk")
    desk_id = import_bundle(desk_service, read_bundle_file(
        export_bundle(laptop, article_id, tmp_path / "1.zip"))).record.id  # type: ignore
    rec = laptop.get(article_id)
    laptop.save(article_id, replace(rec.data, headline="लैपटॉप का शीर्षक", tags=("पुल",)),
                rec.version)
    rec = desk_service.get(desk_id)
    desk_service.save(desk_id, replace(rec.data, headline="डेस्क का शीर्षक", dek="डेस्क का परिचय"),
                      rec.version)
    before = dump(desk)
    outcome = import_bundle(desk_service, read_bundle_file(
        export_bundle(laptop, article_id, tmp_path / "2.zip")), source="2.zip")
    assert dump(desk) == before  # a conflict writes nothing by itself
    return desk_service, desk_id, outcome


def test_conflict_shows_both_versions_per_field_with_the_base(db, desk, tmp_path):
    _, _, outcome = _conflict(db, desk, tmp_path)
    assert outcome.kind == "conflict"
    diffs = {d.name: d for d in outcome.diffs}
    assert set(diffs) == {"headline", "dek", "tags"}
    assert (diffs["headline"].mine, diffs["headline"].theirs, diffs["headline"].base) == (
        "डेस्क का शीर्षक", "लैपटॉप का शीर्षक", "गांव में नया पुल बना")
    assert diffs["headline"].changed_by == "both"
    assert diffs["dek"].changed_by == "mine" and diffs["tags"].changed_by == "theirs"


@pytest.mark.parametrize(("choice", "headline", "copy_headline"), [
    ("theirs", "लैपटॉप का शीर्षक", None),
    ("mine", "डेस्क का शीर्षक", None),
    ("both", "डेस्क का शीर्षक", "लैपटॉप का शीर्षक"),
])
def test_every_conflict_choice_keeps_what_was_chosen(db, desk, tmp_path, choice, headline,
                                                     copy_headline):
    service, desk_id, outcome = _conflict(db, desk, tmp_path)
    assert outcome.record is not None and outcome.theirs is not None
    choices = {"headline": choice, "dek": "mine", "tags": "theirs"}
    merged, copy = resolve_conflict(service, outcome, choices, source="2.zip")
    assert merged.data.headline == headline
    assert merged.data.dek == "डेस्क का परिचय" and merged.data.tags == ("पुल",)
    assert (copy.data.headline if copy else None) == copy_headline
    if copy is not None:
        assert copy.data.tags == ("पुल",) and copy.uuid != merged.uuid
    [event] = _events(desk, "article.merge")
    assert event["choices"] == choices
    # nothing lost: the desk's old headline is still in the history
    assert any(r.headline == "डेस्क का शीर्षक" for r in service.revisions(desk_id))


def test_resolve_without_a_choice_for_every_field_writes_nothing(db, desk, tmp_path):
    service, _, outcome = _conflict(db, desk, tmp_path)
    before = dump(desk)
    with pytest.raises(ValidationError):
        resolve_conflict(service, outcome, {"headline": "mine"})
    assert dump(desk) == before


def test_classify_histories():
    assert classify(["a", "b"], ["a", "b"]) == ("up-to-date", "b")
    assert classify(["a", "b", "c"], ["a", "b"]) == ("up-to-date", "b")
    assert classify(["a"], ["a", "b"]) == ("fast-forward", "a")
    assert classify(["a", "c"], ["a", "b"]) == ("conflict", "a")
    assert classify(["x"], ["y"]) == ("conflict", None)


def _rewrite(src: Path, dst: Path, change) -> Path:
    with zipfile.ZipFile(src) as archive:
        members = {i.filename: archive.read(i) for i in archive.infolist()}
    members = change(members)
    with zipfile.ZipFile(dst, "w") as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(name)
            if name == "link":
                info.external_attr = 0o120777 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return dst


def _tamper_article(m):
    m["article.json"] = m["article.json"].replace("गांव".encode(), "शहर".encode())
    return m


def _lie_about_size(m):
    manifest = json.loads(m["manifest.json"])
    manifest["files"]["article.md"]["size"] += 1
    m["manifest.json"] = json.dumps(manifest).encode()
    return m


def _bomb(m):
    manifest = json.loads(m["manifest.json"])
    import hashlib
    blob = b"\x00" * (50 * 1024 * 1024)
    m["article.md"] = blob
    manifest["files"]["article.md"] = {"sha256": hashlib.sha256(blob).hexdigest(),
                                       "size": len(blob)}
    m["manifest.json"] = json.dumps(manifest).encode()
    return m


@pytest.mark.parametrize("change", [
    _tamper_article, _lie_about_size, _bomb,
    lambda m: {**m, "../evil": b"x"},
    lambda m: {**m, "/abs": b"x"},
    lambda m: {**m, "link": b"/etc/passwd"},
    lambda m: {**m, "extra.txt": b"not in the manifest"},
    lambda m: {k: v for k, v in m.items() if k != "revisions.json"},
])
def test_tampered_or_hostile_bundles_change_nothing(db, desk, tmp_path, change):
    laptop, article_id = _laptop_story(db, tmp_path)
    good = export_bundle(laptop, article_id, tmp_path / "good.zip")
    bad = _rewrite(good, tmp_path / "bad.zip", change)
    desk_service = ArticleService(desk, "desk")
    desk_service.create(ArticleData(headline="पहले से"))
    before = dump(desk)
    with pytest.raises(BundleError):
        import_bundle(desk_service, read_bundle_file(bad))
    assert dump(desk) == before


def test_word_diff_marks_whole_words_and_keeps_the_text():
    from editor_app.core.intake.word_diff import word_diff

    left, right = word_diff("गांव में नया पुल बना", "गांव में पुराना पुल टूटा")
    assert "".join(t for _, t in left) == "गांव में नया पुल बना"
    assert "".join(t for _, t in right) == "गांव में पुराना पुल टूटा"
    assert [t for k, t in left if k == "changed"] == ["नया", "बना"]
    assert [t for k, t in right if k == "changed"] == ["पुराना", "टूटा"]
