"""A saved web page or a Markdown file brings the images beside it, and nothing else:
never a path outside its folder, a link leading out, a non-image, an oversize file or a
web address (those are reported, not read)."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from editor_app.core.articles import ArticleService
from editor_app.core.assets import image_data, list_assets
from editor_app.core.db import Database
from editor_app.core.intake import local_images
from editor_app.core.intake.formats import read_import_file
from editor_app.core.intake.store import store_result

PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDw"
                       "AEhQGAhKmMIQAAAABJRU5ErkJggg==")
TEXT = ("सीकर जिले के एक गांव में दो साल के इंतजार के बाद नया पुल बनकर तैयार हो गया है। "
        "ग्रामीणों ने इसका स्वागत किया और कहा कि अब बारिश में स्कूल जाना आसान होगा।")


def _page(folder: Path, *figures: str) -> Path:
    """A saved page (no charset declared) with ``figures`` (img src values)."""
    parts = "".join(f'<figure><img src="{src}" alt="चित्र"><figcaption>कैप्शन {i}'
                    f"</figcaption></figure><p>{TEXT}</p>" for i, src in enumerate(figures))
    page = folder / "story.html"
    page.write_text(f'<html lang="hi"><head><title>गांव में नया पुल बना</title></head>'
                    f"<body><nav>होम</nav><article><h1>गांव में नया पुल बना</h1><p>{TEXT}</p>"
                    f"{parts}</article></body></html>", encoding="utf-8")
    return page


def test_a_saved_page_brings_its_images_and_stores_them(db: Database, tmp_path: Path) -> None:
    (tmp_path / "story_files").mkdir()
    (tmp_path / "story_files" / "pul.png").write_bytes(PNG)
    _, [result] = read_import_file(_page(tmp_path, "story_files/pul.png",
                                         "https://example.in/remote.jpg"))
    assert result.data.headline == "गांव में नया पुल बना"  # no charset: still UTF-8
    [image] = result.images
    assert (image.ref, image.filename, image.media_type, image.caption) == (
        "story_files/pul.png", "pul.png", "image/png", "कैप्शन 0")
    assert result.warnings == (
        "web image not downloaded (attach it as an image file): https://example.in/remote.jpg",)
    record = store_result(ArticleService(db, "desk"), result)
    assert record is not None
    [asset] = list_assets(db, record.id)
    assert asset.caption == "कैप्शन 0" and image_data(db, asset.id)[1] == PNG
    assert f"(asset:{asset.id}" in record.data.body and "story_files" not in record.data.body
    assert "https://example.in/remote.jpg" in record.data.body  # left, never fetched


def test_markdown_images_beside_the_file_with_caption_and_credit(tmp_path: Path) -> None:
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "नदी 1.png").write_bytes(PNG)
    md = tmp_path / "khabar.md"
    md.write_text("---\ntitle: नदी का जलस्तर बढ़ा\n---\nपहला अनुच्छेद।\n\n"
                  '![नदी](photos/%E0%A4%A8%E0%A4%A6%E0%A5%80%201.png "उफनती नदी | फोटो: रवि")\n',
                  encoding="utf-8")
    _, [result] = read_import_file(md)
    [image] = result.images
    assert (image.filename, image.caption, image.credit) == ("नदी 1.png", "उफनती नदी",
                                                             "फोटो: रवि")


@pytest.mark.parametrize("name,make", [
    ("../outside.png", lambda d: (d.parent / "outside.png").write_bytes(PNG)),
    ("/tmp/secret.png", lambda d: None),
    ("link.png", lambda d: (d / "link.png").symlink_to(d.parent / "secret.png")),
    ("notes.png", lambda d: (d / "notes.png").write_text("not an image")),
    ("missing.png", lambda d: None),
    ("big.png", lambda d: (d / "big.png").write_bytes(PNG + b"\0" * 4096)),
    ("file:///etc/passwd", lambda d: None),
])
def test_what_is_never_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str,
                            make) -> None:
    folder = tmp_path / "page"
    folder.mkdir()
    (tmp_path / "secret.png").write_bytes(PNG)
    make(folder)
    monkeypatch.setattr(local_images, "MAX_IMAGE_BYTES", len(PNG) + 100)
    _, [result] = read_import_file(_page(folder, name))
    assert result.images == ()
    assert name.startswith("file:") or any(name in w and "left out" in w
                                           for w in result.warnings), result.warnings


def test_clipboard_html_reads_nothing_from_disk(tmp_path: Path) -> None:
    images, warnings = local_images.attach_local_images("![x](pul.png)\n", None)
    assert images == () and warnings == ()
