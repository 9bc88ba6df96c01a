"""Bad input gets a clear, typed message and changes nothing in the database."""

from __future__ import annotations

import base64
import codecs
from pathlib import Path

import pytest

from editor_app.core.articles import ArticleService
from editor_app.core.errors import ImportRejected
from editor_app.core.intake import decode
from editor_app.core.intake.decode import decode_text, read_source
from editor_app.core.intake.formats import read_import_file
from editor_app.core.intake.store import store_result
from tests.core.intake.helpers import dump, make_zip

HINDI = "जयपुर। नगर निगम ने सोमवार से पुराने बाजारों की मरम्मत शुरू की।\n"


def _import(service: ArticleService, path: Path, fmt: str | None = None) -> None:
    _, results = read_import_file(path, fmt)
    for result in results:
        store_result(service, result)


def _rejected(db, path: Path, fmt: str | None = None) -> str:
    service = ArticleService(db, "test")
    service.create()  # the database is not empty: "unchanged" must mean something
    before = dump(db)
    with pytest.raises(ImportRejected) as info:
        _import(service, path, fmt)
    assert dump(db) == before
    return str(info.value)


def test_invalid_utf8_names_line_column_and_offset(db, tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes("पहली पंक्ति\nदूसरी ".encode() + b"\xff\xfe" + b" rest")
    message = _rejected(db, path)
    offset = len("पहली पंक्ति\nदूसरी ".encode())
    assert "line 2" in message and "column 7" in message and f"offset {offset}" in message


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_and_without_bom_is_decoded(db, tmp_path, encoding):
    path = tmp_path / "u16.txt"
    text = "शीर्षक यहां\n\n" + HINDI * 3
    path.write_bytes(text.encode(encoding))
    service = ArticleService(db, "test")
    _import(service, path)
    [row] = service.list_articles()
    assert row.headline == "शीर्षक यहां"


def test_utf8_bom_is_dropped():
    assert decode_text(codecs.BOM_UTF8 + "नमस्ते".encode()) == "नमस्ते"


def test_too_large_file(db, tmp_path, monkeypatch):
    monkeypatch.setattr(decode, "MAX_IMPORT_BYTES", 1000)
    monkeypatch.setattr(read_source, "__kwdefaults__", {"max_bytes": 1000})
    path = tmp_path / "big.txt"
    path.write_text(HINDI * 100, "utf-8")
    assert "larger than the import limit" in _rejected(db, path)


@pytest.mark.parametrize("content", [b"", b"  \n\n\t "])
def test_empty_file(db, tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert "empty" in _rejected(db, path)


@pytest.mark.parametrize(("content", "what"), [
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "PNG image"),
    (b"%PDF-1.4\n" + bytes(range(256)), "PDF"),
    (bytes(range(256)) * 4, "binary"),
    (b"text" + b"\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0e\x0f\x10" * 3, "control"),
])
def test_binary_given_as_text(db, tmp_path, content, what):
    path = tmp_path / "story.txt"
    path.write_bytes(content)
    assert what in _rejected(db, path, "scraped")


@pytest.mark.parametrize("doctype", [
    '<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>',
    '<!DOCTYPE rss SYSTEM "http://example.com/evil.dtd">',
    '<!DOCTYPE rss>',
])
def test_xml_with_doctype_or_entities_refused(db, tmp_path, doctype):
    path = tmp_path / "archive.xml"
    path.write_text(f'<?xml version="1.0"?>{doctype}<rss><channel><item><title>&b;</title>'
                    "</item></channel></rss>", "utf-8")
    assert "DOCTYPE" in _rejected(db, path)


def test_html_with_huge_inline_image_refused(db, tmp_path):
    image = base64.b64encode(b"\xff\xd8\xff" + b"\x00" * (10 * 1024 * 1024)).decode()
    path = tmp_path / "page.html"
    path.write_text(f"<html><body><article><p>{HINDI * 5}</p><img src='data:image/jpeg;"
                    f"base64,{image}'></article></body></html>", "utf-8")
    message = _rejected(db, path)
    assert "inline data: image" in message and "MiB" in message


def test_html_small_inline_image_left_out_with_warning(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<html><body><article><h1>शीर्षक</h1>" + f"<p>{HINDI * 3}</p>" * 3 +
                    "<img src='data:image/png;base64,iVBORw0KGgo='></article></body></html>",
                    "utf-8")
    _, [result] = read_import_file(path)
    assert "data:" not in result.data.body
    assert any("inline data" in w for w in result.warnings)


@pytest.mark.parametrize(("members", "symlink", "message"), [
    ({"../evil.txt": b"x", "word/document.xml": b"<w/>"}, None, "unsafe path"),
    ({"/etc/passwd": b"x"}, None, "unsafe path"),
    ({"word\\document.xml": b"x"}, None, "unsafe path"),
    ({"word/document.xml": b"<w/>", "link": b"/etc/passwd"}, "link", "symbolic link"),
    ({"word/document.xml": b"\x00" * (20 * 1024 * 1024)}, None, "zip bomb"),
])
def test_unsafe_docx_zip_refused(db, tmp_path, members, symlink, message):
    path = tmp_path / "story.docx"
    path.write_bytes(make_zip(members, symlink=symlink))
    assert message in _rejected(db, path)


def test_docx_that_is_not_a_zip_or_not_word(db, tmp_path):
    path = tmp_path / "story.docx"
    path.write_bytes(b"just text pretending")
    assert "zip" in _rejected(db, path)
    path.write_bytes(make_zip({"hello.txt": b"hi"}))
    assert "Word" in _rejected(db, path)


def test_markdown_front_matter_errors(db, tmp_path):
    path = tmp_path / "story.md"
    path.write_text("---\ntitle: [unclosed\n---\nबॉडी\n", "utf-8")
    assert "YAML" in _rejected(db, path)
    path.write_text("---\n- a\n- b\n---\nबॉडी\n", "utf-8")
    assert "mapping" in _rejected(db, path)
    path.write_text("---\ntitle: {nested: {deep: 1}}\n---\nबॉडी\n", "utf-8")
    assert "must be text" in _rejected(db, path)
    bomb = "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a]\n" \
           "c: &c [*b, *b, *b, *b, *b, *b]\ntags: [*c, *c, *c, *c, *c, *c]\n---\nबॉडी\n"
    path.write_text(bomb, "utf-8")
    assert "must be text" in _rejected(db, path)


def test_missing_file_and_folder(db, tmp_path):
    assert "no such file" in _rejected(db, tmp_path / "nope.txt")
    assert "folder" in _rejected(db, tmp_path)


def test_zip_total_size_and_member_count_limits_are_counted_while_reading():
    import os

    from editor_app.core.intake.safezip import ZipLimits, check_zip

    random_members = {f"m{i}.bin": os.urandom(4000) for i in range(5)}  # ratio about 1
    data = make_zip(random_members)
    check_zip(data, "ok.docx", ZipLimits(max_total_bytes=20_000))
    with pytest.raises(ImportRejected, match="unpacks to more than"):
        check_zip(data, "big.docx", ZipLimits(max_total_bytes=15_000))
    with pytest.raises(ImportRejected, match="5 entries"):
        check_zip(data, "many.docx", ZipLimits(max_members=4))
