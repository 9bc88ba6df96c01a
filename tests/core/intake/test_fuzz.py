"""Fuzz: every importer, given random bytes, text or zip members, either returns results
or raises a typed :class:`ImportRejected`, never anything else."""

from __future__ import annotations

import contextlib
import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from editor_app.core.errors import ImportRejected
from editor_app.core.intake.bundle import read_bundle_file
from editor_app.core.intake.formats import parse_bytes
from editor_app.core.intake.markdown import parse_markdown_file
from editor_app.core.intake.scraped import parse_scraped
from tests.core.intake.helpers import make_zip

TEXT_FORMATS = ("scraped", "md", "html", "wxr", "docx")
DEVANAGARI = st.characters(min_codepoint=0x900, max_codepoint=0x97F)
NEWS_TEXT = st.text(st.one_of(DEVANAGARI, st.sampled_from(list(" \n।:,-()|#*>0123456789")),
                              st.characters()), max_size=400)


def _only_typed(fmt: str, data: bytes) -> None:
    with contextlib.suppress(ImportRejected):
        parse_bytes(data, "fuzz", fmt)


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
@settings(max_examples=40)
@given(data=st.binary(max_size=600))
@example(data=b"\xff\xfe\x00")  # odd-length UTF-16 after a BOM
@example(data=b"---\n: :\n---\n")
@example(data=b'<?xml version="1.0"?><rss><channel/></rss>')
@example(data=b"<html><body></body></html>")
def test_random_bytes(fmt, data):
    _only_typed(fmt, data)


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
@settings(max_examples=40)
@given(text=NEWS_TEXT)
@example(text="---\ntitle: [1, 2]\n---\n")
@example(text="---\ndate: 2024-13-45\n---\nx")
@example(text="<rss><channel><item><title>x</title></item></channel></rss>")
def test_random_text(fmt, text):
    _only_typed(fmt, text.encode("utf-8", "surrogatepass"))


@settings(max_examples=80)
@given(text=NEWS_TEXT)
@example(text="जयपुर। \n\nइसे भी पढ़ें")
@example(text="Tags:\n\nटैग:")
def test_scraped_and_markdown_never_raise_on_text(text):
    parse_scraped(text)
    with contextlib.suppress(ImportRejected):
        parse_markdown_file(text)


MEMBER_NAMES = st.sampled_from(["manifest.json", "article.json", "revisions.json",
                                "word/document.xml", "[Content_Types].xml", "images/1-a.png",
                                "../x", "/abs", "a\\b", "article.md"])


@settings(max_examples=40)
@given(members=st.dictionaries(MEMBER_NAMES, st.binary(max_size=200), max_size=5))
@example(members={"manifest.json": b'{"format": "sampadak-bundle", "format_version": 1}'})
def test_random_zip_members(members, tmp_path_factory):
    data = make_zip(members)
    _only_typed("docx", data)
    path: Path = tmp_path_factory.mktemp("z") / "b.zip"
    path.write_bytes(data)
    with contextlib.suppress(ImportRejected):
        read_bundle_file(path)


def test_truncated_zip_is_typed():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", b"x" * 5000)
    with pytest.raises(ImportRejected):
        parse_bytes(buffer.getvalue()[:-30], "cut.docx", "docx")
