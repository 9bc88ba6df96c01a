"""Reading a Sampadak bundle (format: :mod:`editor_app.core.bundle_format`), trusting nothing.

Contract of :func:`read_bundle`: it refuses ``..``/absolute/backslash/symlink/directory/
encrypted/duplicate entries, any entry not in the manifest, any manifest file missing from
the zip, an unknown ``format``/``format_version``, and bundles over the limits (entry count,
total uncompressed bytes, compression ratio, all counted while streaming, not taken from the
zip headers). Every entry's size and sha256 are checked against the manifest as it is read.
Every refusal is a :class:`~editor_app.core.errors.BundleError`; a bundle that is returned
is complete and consistent (article, revisions, images and renderings agree).
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

import regex

from editor_app.core.bundle_format import (
    ARTICLE_JSON,
    FORMAT,
    FORMAT_VERSION,
    IMAGE_PREFIX,
    MANIFEST,
    RENDERINGS,
    REVISIONS_JSON,
    Bundle,
    BundleArticle,
    BundleByline,
    BundleImage,
    BundleLimits,
    BundleRevision,
    Manifest,
    ManifestArticle,
    ManifestEntry,
    check_entry_name,
    image_key,
    revision_hash,
)
from editor_app.core.errors import BundleError
from editor_app.core.zip_safety import (
    ZipBudget,
    ZipUnsafe,
    entry_problem,
    read_entry,
)

__all__ = ["read_bundle"]

#: Entries smaller than this are not held to the compression-ratio limit (tiny JSON
#: compresses very well and cannot be a bomb).
_RATIO_FLOOR = 1024 * 1024
_MANIFEST_MAX = 4 * 1024 * 1024


def _read_entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int,
                budget: ZipBudget) -> bytes:
    """One entry, streamed under the shared zip rules (:mod:`editor_app.core.zip_safety`):
    refused as soon as it grows past ``limit``, the bundle's total budget or the
    compression ratio; sizes in the zip headers are not trusted."""
    try:
        return read_entry(archive, info, budget, limit=limit, limit_name="the manifest says")
    except ZipUnsafe as exc:
        raise BundleError(f"bundle {exc}" if str(exc).startswith("unpacks") else str(exc)) \
            from exc


def _verified(archive: zipfile.ZipFile, info: zipfile.ZipInfo, entry: ManifestEntry,
              budget: ZipBudget) -> bytes:
    data = _read_entry(archive, info, entry.size, budget)
    if len(data) != entry.size:
        raise BundleError(f"{info.filename} is {len(data)} bytes; the manifest says "
                          f"{entry.size}")
    if hashlib.sha256(data).hexdigest() != entry.sha256:
        raise BundleError(f"{info.filename} does not match its sha256 in the manifest "
                          "(changed or damaged)")
    return data


def read_bundle(path: Path, *, limits: BundleLimits | None = None) -> Bundle:
    """Open, check and parse the bundle at ``path`` (see the module contract)."""
    limits = limits or BundleLimits()
    try:
        archive = zipfile.ZipFile(Path(path))
    except FileNotFoundError as exc:
        raise BundleError(f"no such file: {path}") from exc
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise BundleError(f"{Path(path).name} is not a readable zip file: {exc}") from exc
    with archive:
        infos = archive.infolist()
        if len(infos) > limits.max_entries:
            raise BundleError(f"the bundle has {len(infos)} entries; at most "
                              f"{limits.max_entries} are accepted")
        by_name: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            check_entry_name(info.filename)
            problem = entry_problem(info)
            if problem:
                raise BundleError(f"bundle {problem}")
            if info.filename in by_name:
                raise BundleError(f"bundle entry {info.filename!r} appears twice")
            by_name[info.filename] = info
        if MANIFEST not in by_name:
            raise BundleError("not a Sampadak bundle: manifest.json is missing")
        budget = ZipBudget(limits.max_total_bytes, limits.max_ratio, _RATIO_FLOOR)
        raw = _read_entry(archive, by_name[MANIFEST], _MANIFEST_MAX, budget)
        manifest = _parse_manifest(_load_json(MANIFEST, raw))
        extra = sorted(set(by_name) - set(manifest.files) - {MANIFEST})
        if extra:
            raise BundleError(f"entries not in the manifest: {', '.join(extra[:5])}")
        missing = sorted(set(manifest.files) - set(by_name))
        if missing:
            raise BundleError(f"files in the manifest but not in the bundle: "
                              f"{', '.join(missing[:5])}")
        for required in (ARTICLE_JSON, REVISIONS_JSON):
            if required not in manifest.files:
                raise BundleError(f"the bundle has no {required}")
        contents = {name: _verified(archive, by_name[name], entry, budget)
                    for name, entry in manifest.files.items()}
    article = _parse_article(_load_json(ARTICLE_JSON, contents.pop(ARTICLE_JSON)))
    if article.uuid != manifest.article.uuid:
        raise BundleError("article.json and the manifest name different articles")
    images = {n: d for n, d in contents.items() if n.startswith(IMAGE_PREFIX)}
    if {i.file for i in article.images} != set(images):
        raise BundleError("the images in the bundle do not match article.json")
    keys = {name: image_key(data) for name, data in images.items()}
    revisions = _parse_revisions(_load_json(REVISIONS_JSON, contents.pop(REVISIONS_JSON)),
                                 keys)
    renderings = {n: d for n, d in contents.items() if n not in images}
    strange = sorted(set(renderings) - set(RENDERINGS))
    if strange:
        raise BundleError(f"unknown bundle entries: {', '.join(strange[:5])}")
    return Bundle(manifest, article, revisions, renderings, images)


# --------------------------------------------------------------------------- parsing

def _load_json(name: str, raw: bytes) -> Any:
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BundleError(f"{name} is not valid UTF-8 JSON: {exc}") from exc


def _get(obj: Any, key: str, kind: type | tuple[type, ...], where: str) -> Any:
    if not isinstance(obj, dict) or key not in obj:
        raise BundleError(f"{where}: {key!r} is missing")
    value = obj[key]
    if not isinstance(value, kind) or (isinstance(value, bool) and bool not in (
            kind if isinstance(kind, tuple) else (kind,))):
        raise BundleError(f"{where}: {key!r} has the wrong type")
    return value


def _time(text: str, where: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as exc:
        raise BundleError(f"{where}: {text!r} is not an ISO 8601 time") from exc
    if moment.tzinfo is None:
        raise BundleError(f"{where}: {text!r} has no time zone")
    return moment


def _parse_manifest(data: Any) -> Manifest:
    where = MANIFEST
    if _get(data, "format", str, where) != FORMAT:
        raise BundleError("not a Sampadak bundle (manifest format is not sampadak-bundle)")
    version = _get(data, "format_version", int, where)
    if version != FORMAT_VERSION:
        raise BundleError(f"bundle format version {version} is not supported (this app "
                          f"reads version {FORMAT_VERSION}); update Sampadak")
    art = _get(data, "article", dict, where)
    revision_id = art.get("revision_id")
    if revision_id is not None and (not isinstance(revision_id, int)
                                    or isinstance(revision_id, bool)):
        raise BundleError(f"{where}: 'revision_id' has the wrong type")
    files: dict[str, ManifestEntry] = {}
    for name, entry in _get(data, "files", dict, where).items():
        check_entry_name(name)
        if name == MANIFEST:
            raise BundleError("the manifest lists itself")
        sha = _get(entry, "sha256", str, f"{where} {name}")
        size = _get(entry, "size", int, f"{where} {name}")
        if not regex.fullmatch(r"[0-9a-f]{64}", sha) or size < 0:
            raise BundleError(f"{where} {name}: bad sha256 or size")
        files[name] = ManifestEntry(sha, size)
    return Manifest(
        format_version=version, app_version=_get(data, "app_version", str, where),
        created_at=_time(_get(data, "created_at", str, where), where),
        article=ManifestArticle(
            uuid=_get(art, "uuid", str, where), version=_get(art, "version", int, where),
            revision_id=revision_id, status=_get(art, "status", str, where),
            headline=_get(art, "headline", str, where)),
        files=files,
    )


def _parse_article(data: Any) -> BundleArticle:
    w = ARTICLE_JSON
    dateline = data.get("dateline_date") if isinstance(data, dict) else None
    try:
        dateline_date = date.fromisoformat(dateline) if isinstance(dateline, str) else None
    except ValueError as exc:
        raise BundleError(f"{w}: dateline_date {dateline!r} is not an ISO date") from exc
    if dateline is not None and not isinstance(dateline, str):
        raise BundleError(f"{w}: 'dateline_date' has the wrong type")
    tags = _get(data, "tags", list, w)
    if not all(isinstance(t, str) for t in tags):
        raise BundleError(f"{w}: every tag must be text")
    bylines = tuple(
        BundleByline(*(_get(b, k, str, f"{w} byline")
                       for k in ("name", "name_latin", "designation", "outlet")))
        for b in _get(data, "bylines", list, w))
    images = tuple(
        BundleImage(**{k: _get(i, k, str, f"{w} image") for k in
                       ("file", "filename", "media_type", "caption", "credit", "alt_text")},
                    position=_get(i, "position", int, f"{w} image"))
        for i in _get(data, "images", list, w))
    related = tuple(
        (_get(r, "title", str, f"{w} related"), _get(r, "url", str, f"{w} related"))
        for r in (_get(data, "related", list, w) if "related" in data else []))
    text = {k: _get(data, k, str, w) for k in
            ("uuid", "status", "headline", "dek", "body", "slug", "language", "category",
             "dateline_place")}
    return BundleArticle(
        version=_get(data, "version", int, w),
        created_at=_time(_get(data, "created_at", str, w), w),
        updated_at=_time(_get(data, "updated_at", str, w), w),
        dateline_date=dateline_date, tags=tuple(tags), bylines=bylines, images=images,
        related=related, **text,
    )


def _parse_revisions(data: Any, image_keys: Mapping[str, str]) -> tuple[BundleRevision, ...]:
    w = REVISIONS_JSON
    if not isinstance(data, list):
        raise BundleError(f"{w} must be a list")
    revisions = []
    for item in data:
        if not isinstance(item, dict):
            raise BundleError(f"{w}: every revision must be an object")
        parent = item.get("parent_hash") if isinstance(item, dict) else None
        if parent is not None and not isinstance(parent, str):
            raise BundleError(f"{w}: 'parent_hash' has the wrong type")
        revisions.append(BundleRevision(
            hash=_get(item, "hash", str, w), parent_hash=parent,
            article_version=_get(item, "article_version", int, w),
            author=_get(item, "author", str, w),
            created_at=_time(_get(item, "created_at", str, w), w),
            note=_get(item, "note", str, w), headline=_get(item, "headline", str, w),
            dek=_get(item, "dek", str, w), body=_get(item, "body", str, w),
            metadata=_get(item, "metadata", dict, w)))
        rev = revisions[-1]
        if revision_hash(rev.headline, rev.dek, rev.body, rev.metadata, image_keys) != rev.hash:
            raise BundleError(f"{w}: revision {rev.hash[:12]} does not match its hash")
    return tuple(revisions)
