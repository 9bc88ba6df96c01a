"""Batch export: many articles, one format, nothing half-written, one failure stops nothing.

Contract of :func:`export_articles`:

- Formats: :data:`FORMATS`. ``wxr`` writes ONE file for all articles; every other format
  writes one file per article. With one article (and not ``wxr``) ``out`` is the file
  (a folder when it exists as one); with several, ``out`` is a folder and each file is
  named ``<slug or uuid>.<ext>`` (``-2``, ``-3`` added when slugs repeat).
- Every file is written atomically (temp file in the target folder, fsync, rename): a
  crash, an error or a cancel leaves complete files or none, never a partial one.
- An article that cannot be read or rendered is reported in its :class:`ExportResult`
  (``error`` set) and the others go on. For ``wxr`` the failing articles are left out of
  the file and reported; a cancelled ``wxr`` batch writes no file.
- A story under embargo (``embargo_until`` in the future at ``now``) is not written: its
  result carries the refusal (Hindi and English, the time in IST), unless
  ``embargo_override`` (a desk chief's :class:`~editor_app.core.workflow.publishing.Override`
  with a reason) is given; each override used is audited
  (:func:`~editor_app.core.workflow.publishing.check_export`).
- ``progress(done, total)`` is called after each article; when ``cancelled()`` returns
  True the batch stops before the next article (results so far are returned, the rest are
  marked cancelled).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from editor_app.core.articles import ArticleService
from editor_app.core.errors import SampadakError, ValidationError
from editor_app.core.fileio import atomic_write_bytes
from editor_app.core.publish import FORMATS
from editor_app.core.publish.bundle import export_bundle
from editor_app.core.publish.html import render_document, render_fragment
from editor_app.core.publish.ninjs import render_ninjs
from editor_app.core.publish.source import PublishArticle, PublishOptions, load_article
from editor_app.core.publish.wxr import render_wxr
from editor_app.core.workflow.publishing import Override, check_export

__all__ = ["CANCELLED", "EXTENSIONS", "FORMATS", "ExportResult", "export_articles", "render_one",
           "target_path"]

log = logging.getLogger(__name__)

EXTENSIONS = {"html": ".html", "fragment": ".fragment.html", "bundle": ".zip",
              "ninjs": ".ninjs.json", "wxr": ".xml", "pdf": ".pdf"}
CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class ExportResult:
    """What happened to one article: ``path`` written, or ``error`` (one line)."""

    article_id: int
    path: Path | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def render_one(article: PublishArticle, fmt: str, options: PublishOptions) -> bytes:
    """The bytes of one article in a single-file format (not ``bundle``)."""
    if fmt == "html":
        return render_document(article, options).encode("utf-8")
    if fmt == "fragment":
        return render_fragment(article, options).encode("utf-8")
    if fmt == "ninjs":
        return render_ninjs(article, options).encode("utf-8")
    if fmt == "wxr":
        return render_wxr([article], options).encode("utf-8")
    if fmt == "pdf":
        from editor_app.core.publish.pdf import render_proof  # WeasyPrint loads on demand
        return render_proof(article, options)
    raise ValidationError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")


def _write(article: PublishArticle, fmt: str, path: Path, options: PublishOptions) -> None:
    if fmt == "bundle":
        export_bundle(article, path, options)
    else:
        atomic_write_bytes(path, render_one(article, fmt, options))


def target_path(out: Path, name: str, fmt: str, taken: set[str]) -> Path:
    """``out/<name><ext>``, with ``-2``... when the name is already used in this batch."""
    stem, n = name, 2
    while stem in taken:
        stem, n = f"{name}-{n}", n + 1
    taken.add(stem)
    return out / f"{stem}{EXTENSIONS[fmt]}"


def _file_name(article: PublishArticle) -> str:
    slug = "".join(c for c in article.data.slug if c.isascii() and (c.isalnum() or c in "-_"))
    return slug[:100] or article.uuid


def ids_with_status(service: ArticleService, status: str) -> list[int]:
    """Ids of every live article with ``status`` ("export everything approved")."""
    return [row.id for row in service.list_articles(status=status, limit=None)]


def export_articles(
    service: ArticleService,
    article_ids: Sequence[int],
    fmt: str,
    out: Path,
    options: PublishOptions | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    loader: Callable[[ArticleService, int], PublishArticle] = load_article,
    embargo_override: Override | None = None,
    now: datetime | None = None,
) -> list[ExportResult]:
    """Export ``article_ids`` as ``fmt`` to ``out`` (see the module contract)."""
    if fmt not in FORMATS:
        raise ValidationError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    options = options or PublishOptions()
    out = Path(out)
    total = len(article_ids)
    single = total == 1 and fmt != "wxr" and not out.is_dir()
    if total > 1 and fmt != "wxr":
        out.mkdir(parents=True, exist_ok=True)  # one file per article into this folder
    results: list[ExportResult] = []
    loaded: list[PublishArticle] = []
    taken: set[str] = set()
    stopped = False
    for done, article_id in enumerate(article_ids, start=1):
        if cancelled is not None and cancelled():
            results += [ExportResult(i, error=CANCELLED) for i in article_ids[done - 1:]]
            stopped = True
            break
        try:
            article = loader(service, article_id)
            check_export(service.db, article_id, article.embargo_until,
                         override=embargo_override, now=now)
            if fmt == "wxr":
                render_wxr([article], options)  # fails here, not in the shared file
                loaded.append(article)
                results.append(ExportResult(article_id))
            else:
                path = out if single else target_path(out, _file_name(article), fmt, taken)
                _write(article, fmt, path, options)
                results.append(ExportResult(article_id, path))
        except SampadakError as exc:
            log.info("export of article %s failed: %s", article_id, exc)
            results.append(ExportResult(article_id, error=str(exc)))
        except Exception as exc:  # a renderer bug must not stop the batch
            log.exception("export of article %s failed unexpectedly", article_id)
            results.append(ExportResult(article_id, error=f"{type(exc).__name__}: {exc}"))
        if progress is not None:
            progress(done, total)
    if fmt == "wxr" and stopped:  # one shared file: a cancelled batch writes none
        return [r if not r.ok else ExportResult(r.article_id, error=CANCELLED)
                for r in results]
    if fmt == "wxr" and loaded:
        path = out / "sampadak-export.xml" if out.is_dir() else out
        atomic_write_bytes(path, render_wxr(loaded, options).encode("utf-8"))
        results = [replace_path(r, path) if r.ok else r for r in results]
    return results


def replace_path(result: ExportResult, path: Path) -> ExportResult:
    """``result`` pointing at ``path`` (the shared WXR file)."""
    return ExportResult(result.article_id, path, result.error)
