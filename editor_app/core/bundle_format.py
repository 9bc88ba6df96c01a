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
- Reading (:mod:`editor_app.core.bundle_reader`) trusts nothing in the zip; its module
  docstring states what it refuses. Every refusal is a :class:`BundleError`.
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
from editor_app.core.zip_safety import name_problem

__all__ = [
    "ARTICLE_JSON",
    "FORMAT",
    "FORMAT_VERSION",
    "IMAGE_PREFIX",
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
    "check_entry_name",
    "image_entry_name",
    "image_key",
    "keyed_body",
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
#: Where image entries live in the zip.
IMAGE_PREFIX = "images/"
_SAFE_NAME = regex.compile(r"[^\p{L}\p{M}\p{Nd}._-]+")


@dataclass(frozen=True, slots=True)
class BundleLimits:
    """What :func:`~editor_app.core.bundle_reader.read_bundle` accepts at most."""

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
    return f"{IMAGE_PREFIX}{int(position)}-{safe[:120]}"


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

def check_entry_name(name: str) -> None:
    """Refuse an entry name the shared zip rules reject (``..``, absolute, backslash ...)."""
    problem = name_problem(name)
    if problem:
        raise BundleError(f"bundle {problem}")


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
        check_entry_name(name)
        if not name.startswith(IMAGE_PREFIX):
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
