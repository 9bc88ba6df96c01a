"""Field bundles in: a new UUID is added with its history, a known one is merged.

Reading and verifying the zip is :func:`editor_app.core.bundle_format.read_bundle`'s job
(checksums, sizes, limits, unsafe entries: every refusal a :class:`BundleError`, so nothing
is stored). :func:`import_bundle` then decides with :mod:`merge`:

- ``added``: new UUID → stored with the same UUID, its revisions (oldest first) and images;
- ``up-to-date``: the desk already has the bundle's newest revision → nothing written;
- ``fast-forward``: only the bundle changed → its data saved as one new revision;
- ``conflict``: both changed → nothing written; the outcome carries the field differences
  for :func:`merge.resolve`.
Every outcome that writes also writes an audit event (``article.import``/``article.merge``).
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import regex
from sqlalchemy import func, select

from editor_app.core.article_data import ArticleData, ArticleRecord, BylineData
from editor_app.core.articles import ArticleService, ImportedRevision
from editor_app.core.assets import asset_ref, sniff_image_type
from editor_app.core.bundle_format import Bundle, read_bundle, revision_hash
from editor_app.core.errors import BundleError, NotFoundError
from editor_app.core.intake import merge
from editor_app.core.intake.result import ImportResult
from editor_app.core.models import Asset, AuditEvent
from editor_app.core.text.normalize import to_nfc

__all__ = ["BundleOutcome", "bundle_data", "import_bundle", "read_bundle_file"]

log = logging.getLogger(__name__)

_ASSET = regex.compile(r"\((asset:\d+|images/[^\s)\"]+)")


@dataclass(frozen=True, slots=True)
class BundleOutcome:
    """What importing one bundle did (or, for a conflict, what must be chosen)."""

    kind: Literal["added", "up-to-date", "fast-forward", "conflict", "dry-run"]
    uuid: str
    result: ImportResult
    record: ArticleRecord | None = None
    theirs: ArticleData | None = None
    diffs: tuple[merge.FieldDiff, ...] = field(default=())


def read_bundle_file(path: Path) -> Bundle:
    """The verified bundle at ``path`` (:class:`BundleError` when it is not acceptable)."""
    return read_bundle(Path(path))


def bundle_data(bundle: Bundle) -> ArticleData:
    """The article of a bundle as :class:`ArticleData`."""
    a = bundle.article
    return ArticleData(
        headline=a.headline, dek=a.dek, body=a.body, slug=a.slug, language=a.language,
        category=a.category, dateline_place=a.dateline_place, dateline_date=a.dateline_date,
        tags=tuple(a.tags),
        bylines=tuple(BylineData(b.name, b.name_latin, b.designation, b.outlet)
                      for b in a.bylines))


def _local_hashes(service: ArticleService, article_id: int) -> list[str]:
    return [revision_hash(r.headline, r.dek, r.body, r.metadata)
            for r in service.revisions(article_id)]


def _attach_images(service: ArticleService, record: ArticleRecord,
                   bundle: Bundle) -> ArticleRecord:
    images = sorted(bundle.article.images, key=lambda i: i.position)
    if not images:
        return record
    for image in images:
        if sniff_image_type(bundle.images[image.file]) is None:
            raise BundleError(f"bundle image {image.file} is not a JPEG/PNG/GIF/WebP image")
    mapping: dict[str, str] = {}
    old_refs = list(dict.fromkeys(m.group(1) for m in _ASSET.finditer(record.data.body)
                                  if m.group(1).startswith("asset:")))
    with service.db.session() as session:
        start = session.scalar(select(func.count()).select_from(Asset)
                               .where(Asset.article_id == record.id)) or 0
        for i, image in enumerate(images):
            row = Asset(article_id=record.id, position=start + i,
                        filename=to_nfc(image.filename), media_type=image.media_type,
                        data=bundle.images[image.file], caption=to_nfc(image.caption),
                        credit=to_nfc(image.credit), alt_text=to_nfc(image.alt_text))
            session.add(row)
            session.flush()
            mapping[image.file] = asset_ref(row.id)
            if i < len(old_refs):  # the body's asset:<id> refs, in order of position
                mapping[old_refs[i]] = asset_ref(row.id)
    body = _ASSET.sub(lambda m: "(" + mapping.get(m.group(1), m.group(1)), record.data.body)
    if body == record.data.body:
        return record
    from dataclasses import replace
    return service.save(record.id, replace(record.data, body=body), record.version,
                        note="bundle images attached")


def _after(bundle: Bundle, common: str | None) -> int:
    """Index of the first bundle revision after the common one (0 when none is common)."""
    for i, rev in enumerate(bundle.revisions):
        if rev.hash == common:
            return i + 1
    return 0


def import_bundle(service: ArticleService, bundle: Bundle, *, source: str = "",
                  dry_run: bool = False) -> BundleOutcome:
    """Add or merge the bundle's article (see module contract)."""
    theirs = bundle_data(bundle)
    uuid = bundle.article.uuid
    result = ImportResult(data=theirs, source=source, format="bundle", uuid=uuid,
                          status=bundle.article.status)
    try:
        local = service.get_by_uuid(uuid)
    except NotFoundError:
        local = None
    if local is None:
        if dry_run:
            return BundleOutcome("dry-run", uuid, result, theirs=theirs)
        history = [ImportedRevision(r.article_version, r.author, r.created_at, r.headline,
                                    r.dek, r.body, json.dumps(dict(r.metadata),
                                                              ensure_ascii=False,
                                                              sort_keys=True), r.note)
                   for r in bundle.revisions]
        if history and revision_hash(theirs.headline, theirs.dek, theirs.body,
                                     json.loads(theirs.metadata_json())) == \
                bundle.revisions[-1].hash:
            history = history[:-1]  # the newest revision is the current data itself
        record = service.create_imported(theirs, uuid=uuid, history=history,
                                         note="imported from bundle")
        record = _attach_images(service, record, bundle)
        return BundleOutcome("added", uuid, result, record, theirs)
    mine = _local_hashes(service, local.id)
    theirs_hashes = [r.hash for r in bundle.revisions] or [merge.data_hash(theirs)]
    if theirs_hashes[-1] != merge.data_hash(theirs):
        theirs_hashes.append(merge.data_hash(theirs))
    if mine[-1:] != [merge.data_hash(local.data)]:
        mine.append(merge.data_hash(local.data))
    kind, common = merge.classify(mine, theirs_hashes)
    if kind == "up-to-date" or dry_run:
        return BundleOutcome(kind, uuid, result, local, theirs)
    if kind == "fast-forward":
        record = local
        newer = [r for r in bundle.revisions[_after(bundle, common):] if r.hash not in mine]
        for rev in newer[:-1]:  # the bundle's steps in between, each one revision here
            record = service.save(record.id, merge.base_data(rev), record.version,
                                  note=f"from bundle: {rev.author}, "
                                       f"{rev.created_at.isoformat()} {rev.note}".strip())
        record = service.save(record.id, theirs, record.version,
                              note="fast-forward from bundle")
        with service.db.session() as session:
            session.add(AuditEvent(user=service.author, action="article.merge",
                                   article_id=local.id, detail_json=json.dumps(
                                       {"kind": "fast-forward", "source": source,
                                        "uuid": uuid}, ensure_ascii=False)))
        return BundleOutcome("fast-forward", uuid, result, record, theirs)
    base = next((merge.base_data(r) for r in bundle.revisions if r.hash == common), None)
    diffs = tuple(merge.field_diffs(local.data, theirs, base))
    return BundleOutcome("conflict", uuid, result, local, theirs, diffs)
