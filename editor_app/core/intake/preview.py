"""One entry point for interactive import (the GUI preview): read a file, keep what it
gave, store what the user confirmed.

Contract: :func:`read_for_preview` never raises for a bad file; it returns a
:class:`FileRead` whose ``error`` says what was wrong (typed :class:`ImportRejected` text),
so a batch goes on past it. :func:`store_confirmed` stores one (possibly corrected) result:
scraped/HTML/Word/Markdown/WXR results become new drafts, bundle results are added or
merged through :func:`import_bundle` (a conflict stores nothing and is returned).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from pathlib import Path

from editor_app.core.article_data import ArticleData, ArticleRecord
from editor_app.core.articles import ArticleService
from editor_app.core.bundle_format import Bundle
from editor_app.core.errors import ImportRejected, SampadakError
from editor_app.core.intake.bundle import (
    BundleOutcome,
    bundle_data,
    import_bundle,
    read_bundle_file,
)
from editor_app.core.intake.formats import parse_bytes, read_import_file
from editor_app.core.intake.result import ImportResult
from editor_app.core.intake.store import store_result

__all__ = ["FileRead", "read_bytes_for_preview", "read_for_preview", "store_confirmed"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class FileRead:
    """What one file gave: results (or an error) and, for a bundle, the verified bundle."""

    path: Path
    format: str = ""
    results: tuple[ImportResult, ...] = ()
    error: str = ""
    bundle: Bundle | None = field(default=None, repr=False)


def read_for_preview(path: Path, fmt: str | None = None) -> FileRead:
    """Read ``path`` for the preview (see module contract)."""
    path = Path(path)
    try:
        if fmt == "bundle" or (fmt is None and path.suffix.lower() in (".zip", ".sampadak")):
            bundle = read_bundle_file(path)
            result = ImportResult(data=bundle_data(bundle), source=path.name,
                                  format="bundle", uuid=bundle.article.uuid,
                                  status=bundle.article.status)
            return FileRead(path, "bundle", (result,), bundle=bundle)
        found, results = read_import_file(path, fmt)
        return FileRead(path, found, tuple(results))
    except SampadakError as exc:
        log.info("preview of %s refused: %s", path, exc)
        return FileRead(path, error=str(exc))


def read_bytes_for_preview(data: bytes, name: str, fmt: str) -> FileRead:
    """Like :func:`read_for_preview` for bytes that are not a file (the clipboard):
    ``fmt`` is ``html`` for a copied page, ``scraped`` for copied text."""
    try:
        if not data.strip():
            raise ImportRejected(f"{name} is empty")
        return FileRead(Path(name), fmt, tuple(parse_bytes(data, name, fmt)))
    except SampadakError as exc:
        log.info("preview of %s refused: %s", name, exc)
        return FileRead(Path(name), error=str(exc))


def store_confirmed(service: ArticleService, read: FileRead, result: ImportResult,
                    data: ArticleData) -> ArticleRecord | BundleOutcome:
    """Store ``result`` with the user's corrected ``data`` (see module contract)."""
    if read.bundle is not None:
        bundle = read.bundle
        if data != bundle_data(bundle):
            bundle = replace(bundle, article=replace(
                bundle.article, headline=data.headline, dek=data.dek, body=data.body,
                category=data.category, dateline_place=data.dateline_place,
                dateline_date=data.dateline_date, tags=data.tags))
        outcome = import_bundle(service, bundle, source=read.path.name)
        return outcome.record if outcome.kind != "conflict" and outcome.record else outcome
    record = store_result(service, replace(result, data=data))
    assert record is not None  # not a dry run
    return record
