"""Field bundles in: a new UUID is added with its history, a known one is merged.

Reading and verifying the zip is :func:`editor_app.core.bundle_reader.read_bundle`'s job
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
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from sqlalchemy import func, select

from editor_app.core.article_data import ArticleData, ArticleRecord, BylineData, RelatedLink
from editor_app.core.articles import ArticleService, ImportedRevision
from editor_app.core.assets import asset_ref, image_data, list_assets, sniff_image_type
from editor_app.core.bundle_format import (
    IMAGE_REF,
    Bundle,
    BundleImage,
    image_key,
    keyed_body,
    revision_hash,
)
from editor_app.core.bundle_reader import read_bundle
from editor_app.core.errors import BundleError, NotFoundError
from editor_app.core.intake import merge
from editor_app.core.intake.result import ImportResult
from editor_app.core.models import Asset, AuditEvent, Revision
from editor_app.core.text.normalize import to_nfc
from editor_app.core.workflow.statuses import Status, imported_status

__all__ = ["BundleOutcome", "bundle_data", "bundle_keys", "import_bundle", "localize",
           "read_bundle_file", "resolve_conflict"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class BundleOutcome:
    """What importing one bundle did (or, for a conflict, what must be chosen)."""

    kind: Literal["added", "up-to-date", "fast-forward", "conflict", "dry-run"]
    uuid: str
    result: ImportResult
    record: ArticleRecord | None = None
    theirs: ArticleData | None = None
    diffs: tuple[merge.FieldDiff, ...] = field(default=())
    #: The verified bundle (for :func:`merge.resolve`, which stores its images on demand).
    bundle: Bundle | None = field(default=None, repr=False)


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
                      for b in a.bylines),
        related=tuple(RelatedLink(title, url) for title, url in a.related))


def bundle_keys(bundle: Bundle) -> dict[str, str]:
    """The bundle's image paths → content keys (:func:`image_key`)."""
    return {image.file: image_key(bundle.images[image.file])
            for image in bundle.article.images if image.file in bundle.images}


def _local_keys(service: ArticleService, article_id: int) -> dict[str, str]:
    """The article's ``asset:<id>`` references → content keys."""
    return {asset_ref(info.id): image_key(image_data(service.db, info.id)[1])
            for info in list_assets(service.db, article_id)}


def _local_hashes(service: ArticleService, article_id: int) -> list[str]:
    keys = _local_keys(service, article_id)
    return [revision_hash(r.headline, r.dek, r.body, r.metadata, keys)
            for r in service.revisions(article_id)]


def localize(service: ArticleService, article_id: int, data: ArticleData, bundle: Bundle,
             *, attach: bool) -> ArticleData:
    """``data`` with the bundle's image paths in its body turned into references to the
    article's own images of the same content. With ``attach``, an image the article does
    not have yet is stored first (with the bundle's caption, credit and alt text); without
    it, such a path is left as it is (nothing is written)."""
    if "(images/" not in data.body:
        return data
    by_key = {key: ref for ref, key in _local_keys(service, article_id).items()}
    wanted = bundle_keys(bundle)
    meta = {image.file: image for image in bundle.article.images}
    mapping: dict[str, str] = {}
    for match in IMAGE_REF.finditer(data.body):
        path = match.group(1)
        key = wanted.get(path)
        if path in mapping or key is None:
            continue
        if key not in by_key and attach:
            by_key[key] = _store_image(service, article_id, meta[path], bundle)
        if key in by_key:
            mapping[path] = by_key[key]
    return replace(data, body=keyed_body(data.body, mapping)) if mapping else data


def _store_image(service: ArticleService, article_id: int, image: BundleImage,
                 bundle: Bundle) -> str:
    payload = bundle.images[image.file]
    if sniff_image_type(payload) is None:
        raise BundleError(f"bundle image {image.file} is not a JPEG/PNG/GIF/WebP image")
    with service.db.session() as session:
        position = session.scalar(select(func.count()).select_from(Asset)
                                  .where(Asset.article_id == article_id)) or 0
        row = Asset(article_id=article_id, position=position, filename=to_nfc(image.filename),
                    media_type=image.media_type, data=payload, caption=to_nfc(image.caption),
                    credit=to_nfc(image.credit), alt_text=to_nfc(image.alt_text))
        session.add(row)
        session.flush()
        return asset_ref(row.id)


def _attach_images(service: ArticleService, record: ArticleRecord,
                   bundle: Bundle) -> ArticleRecord:
    """Store every image of a newly added bundle article (in position order), then point
    the body and the imported history at them."""
    for image in sorted(bundle.article.images, key=lambda i: i.position):
        if image.file in bundle.images:
            _store_image(service, record.id, image, bundle)
    mapping = _path_refs(service, record.id, bundle)
    localized = replace(record.data, body=keyed_body(record.data.body, mapping))
    with service.db.session() as session:  # history bodies: same images, local names
        for rev in session.scalars(select(Revision).where(Revision.article_id == record.id)):
            if "(images/" in rev.body:
                rev.body = keyed_body(rev.body, mapping)
    if localized.body == record.data.body:
        return record
    return service.save(record.id, localized, record.version,
                        note="bundle images attached")


def _path_refs(service: ArticleService, article_id: int, bundle: Bundle) -> dict[str, str]:
    by_key = {key: ref for ref, key in _local_keys(service, article_id).items()}
    return {path: by_key[key] for path, key in bundle_keys(bundle).items() if key in by_key}


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
    keys = bundle_keys(bundle)
    if local is None:
        if dry_run:
            return BundleOutcome("dry-run", uuid, result, theirs=theirs, bundle=bundle)
        history = [ImportedRevision(r.article_version, r.author, r.created_at, r.headline,
                                    r.dek, r.body, json.dumps(dict(r.metadata),
                                                              ensure_ascii=False,
                                                              sort_keys=True), r.note)
                   for r in bundle.revisions]
        if history and merge.data_hash(theirs, keys) == bundle.revisions[-1].hash:
            history = history[:-1]  # the newest revision is the current data itself
        record = service.create_imported(theirs, uuid=uuid, history=history,
                                         note="imported from bundle")
        record = _attach_images(service, record, bundle)
        status = imported_status("bundle", bundle.article.status)
        if status != Status.DRAFT:  # last: a submitted story arrives submitted
            service.set_imported_statuses({record.id: status})
            record = service.get(record.id)
        return BundleOutcome("added", uuid, result, record, theirs, bundle=bundle)
    local_keys = _local_keys(service, local.id)
    mine = _local_hashes(service, local.id)
    theirs_hashes = [r.hash for r in bundle.revisions] or [merge.data_hash(theirs, keys)]
    if theirs_hashes[-1] != merge.data_hash(theirs, keys):
        theirs_hashes.append(merge.data_hash(theirs, keys))
    if mine[-1:] != [merge.data_hash(local.data, local_keys)]:
        mine.append(merge.data_hash(local.data, local_keys))
    kind, common = merge.classify(mine, theirs_hashes)
    if kind == "up-to-date" or dry_run:
        return BundleOutcome(kind, uuid, result, local, theirs, bundle=bundle)
    if kind == "fast-forward":
        record = local
        newer = [r for r in bundle.revisions[_after(bundle, common):] if r.hash not in mine]
        for rev in newer[:-1]:  # the bundle's steps in between, each one revision here
            step = localize(service, local.id, merge.base_data(rev), bundle, attach=True)
            record = service.save(record.id, step, record.version,
                                  note=f"from bundle: {rev.author}, "
                                       f"{rev.created_at.isoformat()} {rev.note}".strip())
        final = localize(service, local.id, theirs, bundle, attach=True)
        record = service.save(record.id, final, record.version,
                              note="fast-forward from bundle")
        with service.db.session() as session:
            session.add(AuditEvent(user=service.author, user_id=service.actor_id,
                                   action="article.merge", article_id=local.id,
                                   detail_json=json.dumps(
                                       {"kind": "fast-forward", "source": source,
                                        "uuid": uuid}, ensure_ascii=False)))
        return BundleOutcome("fast-forward", uuid, result, record, final, bundle=bundle)
    # a conflict writes nothing: images the desk lacks keep their bundle paths until the
    # user's choice is applied (merge.resolve with the bundle stores them then)
    shown = localize(service, local.id, theirs, bundle, attach=False)
    base = next((localize(service, local.id, merge.base_data(r), bundle, attach=False)
                 for r in bundle.revisions if r.hash == common), None)
    diffs = tuple(merge.field_diffs(local.data, shown, base))
    return BundleOutcome("conflict", uuid, result, local, shown, diffs, bundle=bundle)


def resolve_conflict(service: ArticleService, outcome: BundleOutcome,
                     choices: Mapping[str, merge.Choice], *,
                     source: str = "") -> tuple[ArticleRecord, ArticleRecord | None]:
    """Apply the user's per-field choices to a ``conflict`` outcome (:func:`merge.resolve`),
    storing the bundle's images where the chosen text needs them: on the desk's article when
    its body is taken from the bundle, and on the copy that "both" keeps."""
    if outcome.kind != "conflict" or outcome.record is None or outcome.bundle is None:
        raise ValueError("resolve_conflict needs a conflict outcome with its bundle")
    bundle, record = outcome.bundle, outcome.record
    portable = bundle_data(bundle)
    theirs = localize(service, record.id, portable, bundle,
                      attach=choices.get("body") == "theirs")
    merged, copy = merge.resolve(service, record, theirs, choices, source=source)
    if copy is not None:
        own = localize(service, copy.id, replace(copy.data, body=portable.body), bundle,
                       attach=True)
        if own.body != copy.data.body:
            copy = service.save(copy.id, own, copy.version, note="bundle images attached")
    return merged, copy
