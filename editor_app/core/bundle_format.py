"""The Sampadak bundle format, version 1: one ``.zip`` per article (export and import share it).

Entries: ``manifest.json`` (format, version, app version, creation time, the article's identity
and the sha256 + size of every other entry), ``article.json`` (the full article, exact),
``revisions.json`` (history, oldest first), the renderings ``article.md``, ``article.html``,
``fragment.html``, ``ninjs.json`` and the image bytes under ``images/<position>-<name>``.

Contracts:

- :func:`write_bundle` writes atomically (temp file in the target folder, fsync, rename, via
  :func:`editor_app.core.fileio.atomic_output`): the target is either the old file or the
  complete new bundle. Output is deterministic for the same input (fixed entry order and
  timestamps), so a bundle's bytes identify its content.
- :func:`read_bundle` trusts nothing in the zip: it refuses ``..``/absolute/backslash/
  symlink/directory/encrypted/duplicate entries, any entry not in the manifest, any manifest
  file missing from the zip, an unknown ``format``/``format_version``, and bundles over the
  limits (entry count, total uncompressed bytes, compression ratio, all counted while
  streaming, not taken from the zip headers). Every entry's size and sha256 are checked
  against the manifest as it is read. Every refusal is a :class:`BundleError`.
- Bodies in ``article.json`` and ``revisions.json`` name the article's own images by their
  bundle paths; :func:`revision_hash` hashes image references by image content, so a
  revision has the same hash on every machine whatever its local image ids.
"""

from __future__ import annotations

import hashlib
import json
import logging
import stat
import unicodedata
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import regex

from editor_app import __version__
from editor_app.core.errors import BundleError
from editor_app.core.fileio import atomic_output
from editor_app.core.zip_safety import (
    ZipBudget,
    ZipUnsafe,
    entry_problem,
    name_problem,
    read_entry,
)

__all__ = [
    "ARTICLE_JSON",
    "FORMAT",
    "FORMAT_VERSION",
    "IMAGE_REF",
    "MANIFEST",
    "RENDERINGS",
    "REVISIONS_JSON",
    "Bundle",
    "BundleArticle",
    "BundleByline",
    "BundleImage",
    "BundleLimits",
    "BundleRevision",
    "Manifest",
    "ManifestArticle",
    "ManifestEntry",
    "canonical_json",
    "image_entry_name",
    "image_key",
    "keyed_body",
    "read_bundle",
    "revision_hash",
    "write_bundle",
]

log = logging.getLogger(__name__)

FORMAT = "sampadak-bundle"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
ARTICLE_JSON = "article.json"
REVISIONS_JSON = "revisions.json"
#: Renderings a bundle may carry (import ignores them except as a fallback).
RENDERINGS = ("article.md", "article.html", "fragment.html", "ninjs.json")
_IMAGE_PREFIX = "images/"
#: Entries smaller than this are not held to the compression-ratio limit (tiny JSON
#: compresses very well and cannot be a bomb).
_RATIO_FLOOR = 1024 * 1024
_MANIFEST_MAX = 4 * 1024 * 1024
_SAFE_NAME = regex.compile(r"[^\p{L}\p{M}\p{Nd}._-]+")


@dataclass(frozen=True, slots=True)
class BundleLimits:
    """What :func:`read_bundle` accepts at most."""

    max_entries: int = 2_000
    max_total_bytes: int = 1024 * 1024 * 1024
    max_ratio: int = 100


@dataclass(frozen=True, slots=True)
class BundleByline:
    name: str
    name_latin: str = ""
    designation: str = ""
    outlet: str = ""


@dataclass(frozen=True, slots=True)
class BundleImage:
    """One image; ``file`` is its entry name (``images/<position>-<safe filename>``)."""

    file: str
    filename: str
    media_type: str
    caption: str = ""
    credit: str = ""
    alt_text: str = ""
    position: int = 0


@dataclass(frozen=True, slots=True)
class BundleArticle:
    """``article.json``: the full article data, exact, for re-import."""

    uuid: str
    version: int
    status: str
    created_at: datetime
    updated_at: datetime
    headline: str = ""
    dek: str = ""
    body: str = ""
    slug: str = ""
    language: str = "hi"
    category: str = ""
    dateline_place: str = ""
    dateline_date: date | None = None
    tags: tuple[str, ...] = ()
    bylines: tuple[BundleByline, ...] = ()
    images: tuple[BundleImage, ...] = ()
    #: "Read also" links as (title, url) pairs; optional in ``article.json`` (bundles of
    #: earlier builds have none).
    related: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class BundleRevision:
    """One entry of ``revisions.json``; ``hash`` is :func:`revision_hash` of its content."""

    hash: str
    parent_hash: str | None
    article_version: int
    author: str
    created_at: datetime
    note: str
    headline: str
    dek: str
    body: str
    metadata: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ManifestArticle:
    uuid: str
    version: int
    revision_id: int | None
    status: str
    headline: str


@dataclass(frozen=True, slots=True)
class ManifestEntry:
    sha256: str
    size: int


@dataclass(frozen=True, slots=True)
class Manifest:
    format_version: int
    app_version: str
    created_at: datetime
    article: ManifestArticle
    files: Mapping[str, ManifestEntry]


@dataclass(frozen=True, slots=True)
class Bundle:
    """A verified bundle: ``renderings`` by entry name, ``images`` by entry name."""

    manifest: Manifest
    article: BundleArticle
    revisions: tuple[BundleRevision, ...]
    renderings: Mapping[str, bytes]
    images: Mapping[str, bytes]


# --------------------------------------------------------------------------- helpers

def canonical_json(value: Any) -> str:
    """JSON with sorted keys, no ASCII escaping and no spaces: the hashing form."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


#: An image reference in a body: a local ``asset:<id>`` or a bundle path ``images/…``.
IMAGE_REF = regex.compile(r"\((asset:\d+|images/[^\s)\"]+)")


def image_key(data: bytes) -> str:
    """The machine-independent name of an image: ``sha256:<hex of its bytes>``."""
    return "sha256:" + hashlib.sha256(data).hexdigest()


def keyed_body(body: str, image_keys: Mapping[str, str]) -> str:
    """``body`` with every image reference found in ``image_keys`` (a local ``asset:<id>``
    or a bundle path → :func:`image_key`) replaced by that key; other text unchanged."""
    if not image_keys:
        return body
    return IMAGE_REF.sub(lambda m: "(" + image_keys.get(m.group(1), m.group(1)), body)


def revision_hash(headline: str, dek: str, body: str, metadata: Mapping[str, Any],
                  image_keys: Mapping[str, str] | None = None) -> str:
    """sha256 hex of the canonical JSON of a revision's content: stable across machines.

    Image references are hashed by the image's content (``image_keys``, see
    :func:`keyed_body`): the same revision with ``asset:3`` on a laptop, ``asset:41`` on the
    desk and ``images/0-pul.png`` in a bundle has one hash.
    """
    content = {"headline": headline, "dek": dek, "body": keyed_body(body, image_keys or {}),
               "metadata": dict(metadata)}
    return hashlib.sha256(canonical_json(content).encode("utf-8")).hexdigest()


def image_entry_name(position: int, filename: str) -> str:
    """``images/<position>-<safe filename>``: letters (any script), marks, digits, ``._-``.

    >>> image_entry_name(2, "../नक्शा 1.png")
    'images/2-नक्शा_1.png'
    """
    base = unicodedata.normalize("NFC", filename.replace("\\", "/").rsplit("/", 1)[-1])
    safe = _SAFE_NAME.sub("_", base).strip("._") or "image"
    return f"{_IMAGE_PREFIX}{int(position)}-{safe[:120]}"


def _iso(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise BundleError("a bundle time must be timezone-aware")
    return moment.isoformat()


def _dump(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()


def _article_json(article: BundleArticle) -> dict[str, Any]:
    return {
        "uuid": article.uuid, "version": article.version, "status": article.status,
        "created_at": _iso(article.created_at), "updated_at": _iso(article.updated_at),
        "headline": article.headline, "dek": article.dek, "body": article.body,
        "slug": article.slug, "language": article.language, "category": article.category,
        "dateline_place": article.dateline_place,
        "dateline_date": article.dateline_date.isoformat() if article.dateline_date else None,
        "tags": list(article.tags),
        "bylines": [{"name": b.name, "name_latin": b.name_latin,
                     "designation": b.designation, "outlet": b.outlet}
                    for b in article.bylines],
        "images": [{"file": i.file, "filename": i.filename, "media_type": i.media_type,
                    "caption": i.caption, "credit": i.credit, "alt_text": i.alt_text,
                    "position": i.position} for i in article.images],
        "related": [{"title": title, "url": url} for title, url in article.related],
    }


def _revision_json(rev: BundleRevision) -> dict[str, Any]:
    return {
        "hash": rev.hash, "parent_hash": rev.parent_hash,
        "article_version": rev.article_version, "author": rev.author,
        "created_at": _iso(rev.created_at), "note": rev.note, "headline": rev.headline,
        "dek": rev.dek, "body": rev.body, "metadata": dict(rev.metadata),
    }


# --------------------------------------------------------------------------- writing

def write_bundle(
    path: Path,
    article: BundleArticle,
    revisions: Sequence[BundleRevision] = (),
    *,
    revision_id: int | None = None,
    renderings: Mapping[str, bytes] | None = None,
    images: Mapping[str, bytes] | None = None,
    app_version: str = __version__,
    created_at: datetime | None = None,
) -> Manifest:
    """Write a bundle to ``path`` atomically and return its manifest.

    ``renderings`` maps names from :data:`RENDERINGS` to bytes; ``images`` maps each
    ``article.images[i].file`` to its bytes (every listed image must be given, and nothing
    else). Raises :class:`BundleError` for inconsistent input and
    :class:`~editor_app.core.errors.StorageError` when the file cannot be written.
    """
    renderings = dict(renderings or {})
    images = dict(images or {})
    unknown = sorted(set(renderings) - set(RENDERINGS))
    if unknown:
        raise BundleError(f"not a bundle rendering: {', '.join(unknown)}")
    listed = [i.file for i in article.images]
    if len(set(listed)) != len(listed):
        raise BundleError("two images of the article share one entry name")
    for name in listed:
        _check_name(name)
        if not name.startswith(_IMAGE_PREFIX):
            raise BundleError(f"image entry {name!r} is not under images/")
    if set(listed) != set(images):
        raise BundleError("the image bytes given do not match the article's images")
    moment = (created_at or datetime.now(UTC)).astimezone(UTC)
    entries: list[tuple[str, bytes, int]] = [
        (ARTICLE_JSON, _dump(_article_json(article)), zipfile.ZIP_DEFLATED),
        (REVISIONS_JSON, _dump([_revision_json(r) for r in revisions]), zipfile.ZIP_DEFLATED),
    ]
    entries += [(n, renderings[n], zipfile.ZIP_DEFLATED) for n in RENDERINGS if n in renderings]
    entries += [(n, images[n], zipfile.ZIP_STORED) for n in listed]
    files = {name: ManifestEntry(hashlib.sha256(data).hexdigest(), len(data))
             for name, data, _ in entries}
    manifest = Manifest(
        format_version=FORMAT_VERSION, app_version=app_version, created_at=moment,
        article=ManifestArticle(article.uuid, article.version, revision_id, article.status,
                                article.headline),
        files=files,
    )
    manifest_bytes = _dump({
        "format": FORMAT, "format_version": FORMAT_VERSION, "app_version": app_version,
        "created_at": moment.isoformat().replace("+00:00", "Z"),
        "article": {"uuid": article.uuid, "version": article.version,
                    "revision_id": revision_id, "status": article.status,
                    "headline": article.headline},
        "files": {n: {"sha256": e.sha256, "size": e.size} for n, e in files.items()},
    })
    stamp = max(moment, datetime(1980, 1, 1, tzinfo=UTC)).timetuple()[:6]
    with atomic_output(Path(path)) as handle, zipfile.ZipFile(handle, "w") as archive:
        for name, data, method in [(MANIFEST, manifest_bytes, zipfile.ZIP_DEFLATED),
                                   *entries]:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = method
            info.external_attr = (stat.S_IFREG | 0o644) << 16
            archive.writestr(info, data)
    log.debug("bundle %s written: %d entries", path, len(entries) + 1)
    return manifest


# --------------------------------------------------------------------------- reading

def _check_name(name: str) -> None:
    problem = name_problem(name)
    if problem:
        raise BundleError(f"bundle {problem}")


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
            _check_name(info.filename)
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
    images = {n: d for n, d in contents.items() if n.startswith(_IMAGE_PREFIX)}
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
        _check_name(name)
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
