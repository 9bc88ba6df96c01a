"""Which importer reads a file: by ``--as-format``, the file name, then the content.

Contract: :func:`read_import_file` returns the results of one file or raises
:class:`ImportRejected` (typed, with the file name) and never touches the database.
"""

from __future__ import annotations

import logging
import zipfile
from dataclasses import replace
from datetime import date
from pathlib import Path

from editor_app.core.errors import ImportRejected
from editor_app.core.intake.decode import decode_text, read_source
from editor_app.core.intake.local_images import attach_local_images
from editor_app.core.intake.result import FORMATS, ImportResult

__all__ = ["detect_format", "parse_bytes", "read_import_file"]

log = logging.getLogger(__name__)

_BY_SUFFIX = {".txt": "scraped", ".text": "scraped", ".html": "html", ".htm": "html",
              ".xhtml": "html", ".docx": "docx", ".md": "md", ".markdown": "md",
              ".xml": "wxr", ".wxr": "wxr", ".zip": "bundle", ".sampadak": "bundle"}


def detect_format(name: str, data: bytes) -> str:
    """The format of a file named ``name`` holding ``data``."""
    suffix = Path(name).suffix.lower()
    if suffix in _BY_SUFFIX:
        return _BY_SUFFIX[suffix]
    if data.startswith(b"PK\x03\x04"):
        return "docx" if b"word/document.xml" in data[:65536] else "bundle"
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<?xml") and b"<rss" in data[:65536]:
        return "wxr"
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return "html"
    if head.startswith(b"---"):
        return "md"
    return "scraped"


def parse_bytes(data: bytes, name: str, fmt: str, *, path: Path | None = None,
                today: date | None = None) -> list[ImportResult]:
    """Results of ``data`` read as ``fmt``."""
    from editor_app.core.intake import docx, html, markdown, scraped, wxr

    if fmt not in FORMATS:
        raise ImportRejected(f"unknown import format {fmt!r} (one of {', '.join(FORMATS)})")
    if fmt == "scraped":
        return [scraped.parse_scraped(decode_text(data, name), name, today=today)]
    folder = path.parent if path is not None else None
    if fmt == "md":
        return [_with_local_images(
            markdown.parse_markdown_file(decode_text(data, name), name), folder)]
    if fmt == "html":
        decode_text(data, name)  # refuses binary and broken text with a clear message
        return [_with_local_images(html.parse_html_page(data, name, today=today), folder)]
    if fmt == "wxr":
        return wxr.parse_wxr(data, name)
    if fmt == "docx":
        return [docx.parse_docx(data, name)]
    raise ImportRejected(f"{name}: bundles are read with read_bundle_file")


def _with_local_images(result: ImportResult, folder: Path | None) -> ImportResult:
    """``result`` with the images its body names beside the file (see local_images)."""
    images, warnings = attach_local_images(result.data.body, folder)
    if not images and not warnings:
        return result
    return replace(result, images=result.images + images,
                   warnings=result.warnings + warnings)


def read_import_file(path: Path, fmt: str | None = None, *,
                     today: date | None = None) -> tuple[str, list[ImportResult]]:
    """``(format, results)`` of the file at ``path``."""
    path = Path(path)
    data = read_source(path)
    fmt = fmt or detect_format(path.name, data)
    if fmt == "bundle" and not zipfile.is_zipfile(path):
        raise ImportRejected(f"{path.name} is not a zip file, so not a bundle")
    return fmt, parse_bytes(data, path.name, fmt, path=path, today=today)
