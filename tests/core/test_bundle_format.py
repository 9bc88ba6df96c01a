"""Bundle format v1 (``bundle_format``, ``bundle_reader``): write/read round trip,
determinism, atomicity and every refusal."""

from __future__ import annotations

import hashlib
import json
import stat
import zipfile
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from editor_app.core import bundle_format as bf
from editor_app.core.bundle_reader import read_bundle
from editor_app.core.errors import BundleError, ImportRejected, StorageError

IST = timezone(timedelta(hours=5, minutes=30))
WHEN = datetime(2026, 11, 30, 9, 15, tzinfo=UTC)


def _article() -> bf.BundleArticle:
    return bf.BundleArticle(
        uuid="0f7c9a52-3b0e-4c55-9d57-2d1b8f6f0a11", version=4, status="review",
        created_at=datetime(2026, 11, 29, 10, 0, tzinfo=IST),
        updated_at=datetime(2026, 11, 30, 14, 45, 30, tzinfo=IST),
        headline="बाढ़ से प्रभावित गांवों में राहत", dek="प्रशासन ने शिविर लगाए",
        body="पहला अनुच्छेद।\n\n## स्थिति\n\nदूसरा \\&amp; अनुच्छेद।\n", slug="badh-rahat",
        category="राज्य", dateline_place="पटना", dateline_date=date(2026, 11, 30),
        tags=("बाढ़", "राहत"),
        bylines=(bf.BundleByline("आरती कुशवाहा", "Aarti Kushwaha", "संवाददाता",
                                 "The Printlines"),
                 bf.BundleByline("रवि", "", "", "")),
        images=(bf.BundleImage("images/0-नक्शा.png", "नक्शा.png", "image/png", "नक्शा",
                               "फोटो: रवि", "बाढ़ का नक्शा", 0),
                bf.BundleImage("images/1-camp.jpg", "camp.jpg", "image/jpeg", "", "", "", 1)),
    )


def _revisions() -> list[bf.BundleRevision]:
    meta = {"slug": "badh-rahat", "tags": ["बाढ़"]}
    first = bf.BundleRevision(bf.revision_hash("h1", "", "b1", meta), None, 1, "आरती",
                              WHEN - timedelta(days=1), "", "h1", "", "b1", meta)
    second = bf.BundleRevision(bf.revision_hash("h2", "d", "b2", {}), first.hash, 2, "रवि",
                               WHEN, "desk", "h2", "d", "b2", {})
    return [first, second]


IMAGES = {"images/0-नक्शा.png": b"\x89PNG fake", "images/1-camp.jpg": b"\xff\xd8 jpeg" * 50}
RENDERINGS = {"article.md": b"# h\n", "article.html": b"<!DOCTYPE html>",
              "fragment.html": b"<p>x</p>", "ninjs.json": b"{}"}


def _write(path: Path, **kw: Any) -> bf.Manifest:
    args: dict[str, Any] = {"revision_id": 17, "renderings": RENDERINGS, "images": IMAGES,
                            "created_at": WHEN}
    args.update(kw)
    return bf.write_bundle(path, _article(), _revisions(), **args)


def _rewrite(src: Path, dst: Path, change: Any) -> None:
    """Copy a bundle entry by entry, letting ``change(name, data)`` alter/drop/add entries."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            for name, data in change(info.filename, zin.read(info)):
                zout.writestr(name, data)


def test_round_trip_is_exact(tmp_path: Path) -> None:
    path = tmp_path / "a.zip"
    manifest = _write(path)
    bundle = read_bundle(path)
    assert bundle.article == _article()
    assert list(bundle.revisions) == _revisions()
    assert dict(bundle.images) == IMAGES
    assert dict(bundle.renderings) == RENDERINGS
    assert bundle.manifest == manifest
    assert manifest.article == bf.ManifestArticle(_article().uuid, 4, 17, "review",
                                                  _article().headline)
    assert manifest.app_version
    assert set(manifest.files) == {"article.json", "revisions.json", *RENDERINGS, *IMAGES}


def test_manifest_on_disk_follows_the_spec(tmp_path: Path) -> None:
    path = tmp_path / "a.zip"
    _write(path)
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        raw = json.loads(archive.read("manifest.json"))
        article = json.loads(archive.read("article.json"))
        for name, entry in raw["files"].items():
            data = archive.read(name)
            assert entry == {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
    assert names[0] == "manifest.json" and len(names) == len(set(names))
    assert "manifest.json" not in raw["files"]
    assert raw["format"] == "sampadak-bundle" and raw["format_version"] == 1
    assert raw["created_at"] == "2026-11-30T09:15:00Z"
    assert raw["article"] == {"uuid": _article().uuid, "version": 4, "revision_id": 17,
                              "status": "review", "headline": _article().headline}
    assert article["dateline_date"] == "2026-11-30"
    assert article["updated_at"] == "2026-11-30T14:45:30+05:30"
    assert article["bylines"][0] == {"name": "आरती कुशवाहा", "name_latin": "Aarti Kushwaha",
                                     "designation": "संवाददाता", "outlet": "The Printlines"}


def test_revision_hash_is_the_canonical_json_sha256() -> None:
    meta = {"b": 1, "a": "क"}
    expected = hashlib.sha256(
        '{"body":"ब","dek":"","headline":"ह","metadata":{"a":"क","b":1}}'.encode()).hexdigest()
    assert bf.revision_hash("ह", "", "ब", meta) == expected


def test_output_is_deterministic(tmp_path: Path) -> None:
    _write(tmp_path / "1.zip")
    _write(tmp_path / "2.zip")
    assert (tmp_path / "1.zip").read_bytes() == (tmp_path / "2.zip").read_bytes()


def test_image_entry_names_are_safe() -> None:
    assert bf.image_entry_name(2, "../नक्शा 1.png") == "images/2-नक्शा_1.png"
    assert bf.image_entry_name(0, "C:\\x\\..\\.hidden") == "images/0-hidden"
    assert bf.image_entry_name(3, "...") == "images/3-image"


def test_failed_write_leaves_old_file_and_no_temp(tmp_path: Path) -> None:
    path = tmp_path / "a.zip"
    path.write_bytes(b"old")
    with pytest.raises(BundleError):
        _write(path, images={"images/0-नक्शा.png": b"x"})  # one image missing
    assert path.read_bytes() == b"old"

    bad = dict(RENDERINGS)
    bad["article.md"] = 42  # type: ignore[assignment]  # zipfile raises TypeError mid-write
    with pytest.raises(TypeError):
        _write(path, renderings=bad)
    assert path.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.zip"]


def test_write_into_unwritable_place_is_storage_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StorageError):
        _write(blocker / "a.zip")


def test_writer_refuses_unknown_rendering_and_bad_image_names(tmp_path: Path) -> None:
    with pytest.raises(BundleError, match="rendering"):
        _write(tmp_path / "a.zip", renderings={"evil.sh": b"x"})
    article = _article()
    bad = bf.BundleArticle(**{**{f: getattr(article, f) for f in article.__slots__},
                              "images": (bf.BundleImage("../x.png", "x.png", "image/png"),)})
    with pytest.raises(BundleError):
        bf.write_bundle(tmp_path / "b.zip", bad, images={"../x.png": b"x"})


# --------------------------------------------------------------------------- refusals

def _tampered(tmp_path: Path, change: Any) -> Path:
    good = tmp_path / "good.zip"
    _write(good)
    bad = tmp_path / "bad.zip"
    _rewrite(good, bad, change)
    return bad


def _manifest_edit(edit: Any) -> Any:
    def change(name: str, data: bytes) -> list[tuple[str, bytes]]:
        if name == "manifest.json":
            raw = json.loads(data)
            edit(raw)
            data = json.dumps(raw).encode()
        return [(name, data)]
    return change


def test_refuses_changed_content(tmp_path: Path) -> None:
    bad = _tampered(tmp_path, lambda n, d: [(n, d.replace(b"badh", b"BADH"))])
    with pytest.raises(BundleError, match="sha256"):
        read_bundle(bad)


def test_refuses_wrong_size(tmp_path: Path) -> None:
    bad = _tampered(tmp_path, lambda n, d: [(n, d + b" " if n == "article.md" else d)])
    with pytest.raises(BundleError, match="larger than the manifest"):
        read_bundle(bad)
    short = _tampered(tmp_path, lambda n, d: [(n, d[:-1] if n == "article.md" else d)])
    with pytest.raises(BundleError, match="manifest says"):
        read_bundle(short)


def test_refuses_entry_not_in_manifest(tmp_path: Path) -> None:
    def add(name: str, data: bytes) -> list[tuple[str, bytes]]:
        return [(name, data)] + ([("images/extra.png", b"x")] if name == "article.md" else [])
    with pytest.raises(BundleError, match="not in the manifest"):
        read_bundle(_tampered(tmp_path, add))


def test_refuses_missing_entry(tmp_path: Path) -> None:
    bad = _tampered(tmp_path, lambda n, d: [] if n == "fragment.html" else [(n, d)])
    with pytest.raises(BundleError, match="not in the bundle"):
        read_bundle(bad)


@pytest.mark.parametrize("version", [2, 0, "1"])
def test_refuses_unknown_format_version(tmp_path: Path, version: Any) -> None:
    bad = _tampered(tmp_path, _manifest_edit(lambda m: m.update(format_version=version)))
    with pytest.raises(BundleError):
        read_bundle(bad)


def test_refuses_other_format(tmp_path: Path) -> None:
    bad = _tampered(tmp_path, _manifest_edit(lambda m: m.update(format="other")))
    with pytest.raises(BundleError, match="not a Sampadak bundle"):
        read_bundle(bad)


@pytest.mark.parametrize("name", ["../evil.txt", "/etc/passwd", "images/../../x",
                                  "a\\b.txt", "C:/x.txt", "images//x", "./article.md"])
def test_refuses_unsafe_paths(tmp_path: Path, name: str) -> None:
    bad = tmp_path / "bad.zip"
    good = tmp_path / "good.zip"
    _write(good)

    def add(n: str, d: bytes) -> list[tuple[str, bytes]]:
        return [(n, d)] + ([(name, b"x")] if n == "article.md" else [])
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(bad, "w") as zout:
        for info in zin.infolist():
            for entry_name, data in add(info.filename, zin.read(info)):
                zi = zipfile.ZipInfo("placeholder")
                zi.filename = entry_name  # bypass zipfile's own name cleaning
                zout.writestr(zi, data)
    with pytest.raises(BundleError, match="path"):
        read_bundle(bad)


def test_refuses_unsafe_path_in_manifest(tmp_path: Path) -> None:
    def edit(m: dict[str, Any]) -> None:
        m["files"]["../x"] = {"sha256": "0" * 64, "size": 1}
    with pytest.raises(BundleError, match="path"):
        read_bundle(_tampered(tmp_path, _manifest_edit(edit)))


@pytest.mark.parametrize("mode", [stat.S_IFLNK | 0o777, stat.S_IFDIR | 0o755,
                                  stat.S_IFIFO | 0o644])
def test_refuses_symlink_and_other_non_file_entries(tmp_path: Path, mode: int) -> None:
    """A symlink entry that is even listed in the manifest (right hash) is refused."""
    good = tmp_path / "good.zip"
    _write(good)
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(bad, "w") as zout:
        for info in zin.infolist():
            if info.filename == "images/1-camp.jpg":
                info.external_attr = mode << 16
            zout.writestr(info, zin.read(info))
    with pytest.raises(BundleError, match="not a regular file"):
        read_bundle(bad)


def test_refuses_directory_entry(tmp_path: Path) -> None:
    bad = _tampered(tmp_path, lambda n, d: [(n, d)] + ([("images/", b"")]
                                                       if n == "article.md" else []))
    with pytest.raises(BundleError):
        read_bundle(bad)


def test_refuses_duplicate_entries(tmp_path: Path) -> None:
    def dup(n: str, d: bytes) -> list[tuple[str, bytes]]:
        return [(n, d), (n, d)] if n == "article.md" else [(n, d)]
    with pytest.warns(UserWarning):  # zipfile warns about the duplicate name it writes
        bad = _tampered(tmp_path, dup)
    with pytest.raises(BundleError, match="twice"):
        read_bundle(bad)


def test_refuses_too_many_entries(tmp_path: Path) -> None:
    path = tmp_path / "a.zip"
    _write(path)
    with pytest.raises(BundleError, match="entries"):
        read_bundle(path, limits=bf.BundleLimits(max_entries=5))


def test_refuses_total_size_over_limit(tmp_path: Path) -> None:
    path = tmp_path / "a.zip"
    _write(path)
    with pytest.raises(BundleError, match="MiB"):
        read_bundle(path, limits=bf.BundleLimits(max_total_bytes=1000))


def test_refuses_zip_bomb_by_streamed_ratio(tmp_path: Path) -> None:
    """A highly compressed entry is refused while it streams, even though the manifest
    (made to match) and the zip header both declare its true size."""
    big = b"\x00" * (3 * 1024 * 1024)
    good = tmp_path / "good.zip"
    _write(good, renderings={**RENDERINGS, "article.md": big})
    with pytest.raises(BundleError, match="compressed more than"):
        read_bundle(good)
    # with a generous ratio the same honest bundle reads
    assert read_bundle(good, limits=bf.BundleLimits(max_ratio=100_000)).renderings[
        "article.md"] == big


def test_lying_header_size_does_not_get_past_the_manifest(tmp_path: Path) -> None:
    good = tmp_path / "good.zip"
    _write(good)
    data = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as archive:
        info = archive.getinfo("article.md")
    # shrink the declared uncompressed size in the central directory: zipfile then stops
    # early, and the byte count no longer matches the manifest
    pos = data.find(b"article.md", data.find(b"PK\x01\x02"))
    start = data.rfind(b"PK\x01\x02", 0, pos)
    data[start + 24:start + 28] = (info.file_size - 2).to_bytes(4, "little")
    bad = tmp_path / "bad.zip"
    bad.write_bytes(bytes(data))
    with pytest.raises(BundleError):
        read_bundle(bad)


def test_refuses_non_zip_and_missing_file(tmp_path: Path) -> None:
    junk = tmp_path / "j.zip"
    junk.write_bytes(b"not a zip")
    with pytest.raises(BundleError, match="zip"):
        read_bundle(junk)
    with pytest.raises(BundleError, match="no such file"):
        read_bundle(tmp_path / "nope.zip")


def test_refuses_missing_manifest(tmp_path: Path) -> None:
    bad = _tampered(tmp_path, lambda n, d: [] if n == "manifest.json" else [(n, d)])
    with pytest.raises(BundleError, match=r"manifest\.json is missing"):
        read_bundle(bad)


def test_refuses_bad_article_json_and_uuid_mismatch(tmp_path: Path) -> None:
    bad = _tampered(tmp_path, _manifest_edit(lambda m: m["article"].update(uuid="other")))
    with pytest.raises(BundleError, match="different articles"):
        read_bundle(bad)


def _resealed(tmp_path: Path, entry: str, edit: Any) -> Path:
    """Change one JSON entry and fix its manifest line, as a hand-made bundle would."""
    good = tmp_path / "good.zip"
    _write(good)
    with zipfile.ZipFile(good) as z:
        entries = {i.filename: z.read(i) for i in z.infolist()}
    value = json.loads(entries[entry])
    edit(value)
    entries[entry] = json.dumps(value, ensure_ascii=False).encode()
    manifest = json.loads(entries["manifest.json"])
    manifest["files"][entry] = {"sha256": hashlib.sha256(entries[entry]).hexdigest(),
                                "size": len(entries[entry])}
    entries["manifest.json"] = json.dumps(manifest).encode()
    bad = tmp_path / "resealed.zip"
    with zipfile.ZipFile(bad, "w") as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return bad


def test_refuses_wrong_types_in_article_json(tmp_path: Path) -> None:
    with pytest.raises(BundleError, match="wrong type"):
        read_bundle(_resealed(tmp_path, "article.json", lambda a: a.update(version="4")))
    with pytest.raises(BundleError, match="missing"):
        read_bundle(_resealed(tmp_path, "article.json", lambda a: a.pop("body")))
    with pytest.raises(BundleError, match="time zone"):
        read_bundle(_resealed(tmp_path, "article.json",
                                 lambda a: a.update(created_at="2026-11-30T10:00:00")))


def test_refuses_image_list_not_matching_entries(tmp_path: Path) -> None:
    with pytest.raises(BundleError, match="images"):
        read_bundle(_resealed(tmp_path, "article.json", lambda a: a["images"].pop()))


def test_refuses_revision_whose_hash_does_not_match(tmp_path: Path) -> None:
    with pytest.raises(BundleError, match="hash"):
        read_bundle(_resealed(tmp_path, "revisions.json",
                                 lambda r: r[0].update(body="changed")))


def test_bundle_error_is_an_import_rejection() -> None:
    assert issubclass(BundleError, ImportRejected)
