"""Storing what the importers recognised, through :class:`ArticleService` only.

Contract: :func:`store_result` creates one draft (``create``), attaches the images the
source carried and rewrites their placeholder references to ``asset:<id>`` (one ``save``),
then gives it the status its source carried (a WXR post's, mapped by
:func:`~editor_app.core.workflow.statuses.imported_status`; other sources stay drafts),
and writes one ``article.import`` audit event with the source, format, related links and
dropped text. The related links recognised in the source become the story's own
(``ArticleData.related``) unless the data already carries some (the preview's edit wins).
With ``dry_run`` nothing is written and ``None`` comes back.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import replace

from sqlalchemy import func, select

from editor_app.core.article_data import ArticleData, ArticleRecord
from editor_app.core.articles import ArticleService
from editor_app.core.assets import asset_ref
from editor_app.core.models import Asset, AuditEvent
from editor_app.core.text.normalize import to_nfc
from editor_app.core.workflow.statuses import Status, imported_status

from .result import ImportResult

__all__ = ["store_result", "store_results"]

log = logging.getLogger(__name__)


def _audit_detail(result: ImportResult) -> dict[str, object]:
    return {"source": result.source, "format": result.format,
            "related": [r.to_json() for r in result.related],
            "dropped": list(result.dropped), "warnings": list(result.warnings),
            "agency": result.agency, "source_uuid": result.uuid,
            "source_status": result.status}


def _data(result: ImportResult) -> ArticleData:
    """The data to store: the related links found in the source unless the (possibly
    corrected) data carries its own."""
    if result.data.related:
        return result.data
    return replace(result.data, related=result.related)


def store_result(service: ArticleService, result: ImportResult, *,
                 dry_run: bool = False) -> ArticleRecord | None:
    """Store ``result`` (see module contract)."""
    if dry_run:
        return None
    record = _store_one(service, result)
    status = imported_status(result.format, result.status)
    if status != Status.DRAFT:
        service.set_imported_statuses({record.id: status})
        record = service.get(record.id)
    return record


def _store_one(service: ArticleService, result: ImportResult) -> ArticleRecord:
    record = service.create(_data(result), note=f"imported from {result.format}")
    db = service.db
    body = record.data.body
    with db.session() as session:
        position = session.scalar(select(func.count()).select_from(Asset)
                                  .where(Asset.article_id == record.id)) or 0
        for image in result.images:
            row = Asset(article_id=record.id, position=position,
                        filename=to_nfc(image.filename), media_type=image.media_type,
                        data=image.data, caption=to_nfc(image.caption).strip(),
                        credit=to_nfc(image.credit).strip(),
                        alt_text=to_nfc(image.alt_text).strip())
            session.add(row)
            session.flush()
            position += 1
            body = body.replace(f"({image.ref}", f"({asset_ref(row.id)}")
        session.add(AuditEvent(user=service.author, user_id=service.actor_id,
                               action="article.import",
                               article_id=record.id,
                               detail_json=json.dumps(_audit_detail(result),
                                                      ensure_ascii=False)))
    if body != record.data.body:
        record = service.save(record.id, replace(record.data, body=body), record.version,
                              note="imported images attached")
    return record


def store_results(service: ArticleService, results: Sequence[ImportResult], *,
                  chunk_size: int = 500) -> list[ArticleRecord]:
    """Store many results (a WXR archive) in input order: those without images in bulk
    through :meth:`ArticleService.create_many` (one transaction per chunk, with the
    ``article.import`` audit events of a chunk written together), the others one by one
    with :func:`store_result`. A failing item stops the batch (chunks already written stay,
    as with ``create_many``)."""
    records: list[ArticleRecord] = []
    plain: list[ImportResult] = []

    def flush() -> None:
        if not plain:
            return
        ids = service.create_many((_data(r) for r in plain), chunk_size=chunk_size,
                                  note=f"imported from {plain[0].format}")
        with service.db.session() as session:
            for article_id, result in zip(ids, plain, strict=True):
                session.add(AuditEvent(user=service.author, user_id=service.actor_id,
                               action="article.import",
                                       article_id=article_id,
                                       detail_json=json.dumps(_audit_detail(result),
                                                              ensure_ascii=False)))
        records.extend(service.get(i) for i in ids)
        plain.clear()

    for result in results:
        if result.images:
            flush()
            records.append(_store_one(service, result))
        else:
            plain.append(result)
    flush()
    statuses = {record.id: imported_status(result.format, result.status)
                for record, result in zip(records, results, strict=True)}
    service.set_imported_statuses(statuses)
    return [service.get(r.id) if statuses[r.id] != Status.DRAFT else r for r in records]
