"""Export one article as a Sampadak bundle (``.zip``; format: :mod:`.bundle_format`).

Contract of :func:`export_bundle`: the zip holds ``article.json`` (exact data),
``revisions.json`` (history with content hashes chained by ``parent_hash``), the renderings
``article.md`` (the body), ``article.html``, ``fragment.html``, ``ninjs.json`` and every image
under ``images/<position>-<safe name>``, written atomically with a manifest of sha256 and
sizes.

Image references: a body stores ``asset:<local id>``, which means nothing on another
machine. In ``article.json``, ``article.md`` and the renderings the body's references to the
article's own images are rewritten to their bundle paths (``images/0-naksha.png``), so the
bundle is self-contained and an importer maps each path back to the image it stores.
Revisions get the same rewriting (a reference to an image the article no longer has stays
as it was); their hashes name images by content (:func:`revision_hash` with the article's
image keys), so they identify the same content on every machine.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from editor_app.core.bundle_format import (
    BundleArticle,
    BundleByline,
    BundleImage,
    BundleRevision,
    Manifest,
    image_key,
    keyed_body,
    revision_hash,
    write_bundle,
)
from editor_app.core.publish.html import render_document, render_fragment
from editor_app.core.publish.markdown import ImageBlock, parse_markdown, render_markdown
from editor_app.core.publish.ninjs import render_ninjs
from editor_app.core.publish.source import PublishArticle, PublishOptions

__all__ = ["bundle_article", "bundle_revisions", "export_bundle", "image_keys",
           "portable_body"]

log = logging.getLogger(__name__)


def portable_body(article: PublishArticle) -> str:
    """The body with ``asset:<id>`` references of the article's images replaced by their
    bundle paths (unchanged when it has none)."""
    if "asset:" not in article.data.body:
        return article.data.body
    blocks = parse_markdown(article.data.body)
    changed = False
    out = []
    for block in blocks:
        if isinstance(block, ImageBlock):
            image = article.image_for_ref(block.ref)
            if image is not None:
                block = replace(block, ref=image.entry)
                changed = True
        out.append(block)
    return render_markdown(out) if changed else article.data.body


def bundle_article(article: PublishArticle) -> BundleArticle:
    """``article.json`` of ``article`` (body with portable image references)."""
    data = article.data
    return BundleArticle(
        uuid=article.uuid, version=article.version, status=article.status,
        created_at=article.created_at, updated_at=article.updated_at,
        headline=data.headline, dek=data.dek, body=portable_body(article), slug=data.slug,
        language=data.language, category=data.category, dateline_place=data.dateline_place,
        dateline_date=data.dateline_date, tags=tuple(data.tags),
        bylines=tuple(BundleByline(b.name, b.name_latin, b.designation, b.outlet)
                      for b in data.bylines),
        images=tuple(BundleImage(i.entry, i.filename, i.media_type, i.caption, i.credit,
                                 i.alt_text, i.position) for i in article.images),
        related=tuple((link.title, link.url) for link in data.related))


def image_keys(article: PublishArticle) -> dict[str, str]:
    """Every name the article's images go by (``asset:<id>`` and bundle path) → content
    key, for :func:`revision_hash`."""
    keys: dict[str, str] = {}
    for image in article.images:
        key = image_key(image.data)
        keys[image.entry] = key
        if image.asset_id is not None:
            keys[f"asset:{image.asset_id}"] = key
    return keys


def bundle_revisions(article: PublishArticle) -> list[BundleRevision]:
    """The history, oldest first, bodies with portable image paths; ``parent_hash`` is the
    hash of the parent revision."""
    keys = image_keys(article)
    entries = {f"asset:{i.asset_id}": i.entry for i in article.images if i.asset_id is not None}
    hashes: dict[int, str] = {}
    out = []
    for rev in article.revisions:
        digest = revision_hash(rev.headline, rev.dek, rev.body, rev.metadata, keys)
        hashes[rev.id] = digest
        parent = hashes.get(rev.parent_id) if rev.parent_id is not None else None
        body = keyed_body(rev.body, entries)
        out.append(BundleRevision(digest, parent, rev.article_version, rev.author,
                                  rev.created_at, rev.note, rev.headline, rev.dek, body,
                                  dict(rev.metadata)))
    return out


def export_bundle(article: PublishArticle, path: Path, options: PublishOptions | None = None,
                  *, created_at: datetime | None = None) -> Manifest:
    """Write the bundle of ``article`` to ``path`` atomically; return its manifest."""
    options = options or PublishOptions()
    portable = replace(article, data=replace(article.data, body=portable_body(article)))
    # the renderings resolve images through the original references
    renderings = {
        "article.md": portable.data.body.encode("utf-8"),
        "article.html": render_document(article, options).encode("utf-8"),
        "fragment.html": render_fragment(article, options).encode("utf-8"),
        "ninjs.json": render_ninjs(article, options).encode("utf-8"),
    }
    return write_bundle(
        Path(path), bundle_article(article), bundle_revisions(article),
        revision_id=article.revision_id, renderings=renderings,
        images={image.entry: image.data for image in article.images}, created_at=created_at)
