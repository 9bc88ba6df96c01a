"""Test helper: write a field bundle of a stored article (what export does), so import
can be tested before the export issue lands its own writer."""

from __future__ import annotations

from pathlib import Path

from editor_app.core.articles import ArticleService
from editor_app.core.assets import image_data, list_assets
from editor_app.core.bundle_format import (
    BundleArticle,
    BundleByline,
    BundleImage,
    BundleRevision,
    image_entry_name,
    revision_hash,
    write_bundle,
)


def export_bundle(service: ArticleService, article_id: int, path: Path) -> Path:
    """Write ``path`` from the article's record, revisions and images."""
    record = service.get(article_id)
    d = record.data
    images, blobs = [], {}
    for asset in list_assets(service.db, article_id):
        name = image_entry_name(asset.position, asset.filename)
        images.append(BundleImage(name, asset.filename, asset.media_type, asset.caption,
                                  asset.credit, asset.alt_text, asset.position))
        blobs[name] = image_data(service.db, asset.id)[1]
    article = BundleArticle(
        uuid=record.uuid, version=record.version, status=record.status,
        created_at=record.created_at, updated_at=record.updated_at, headline=d.headline,
        dek=d.dek, body=d.body, slug=d.slug, language=d.language, category=d.category,
        dateline_place=d.dateline_place, dateline_date=d.dateline_date, tags=d.tags,
        bylines=tuple(BundleByline(b.name, b.name_latin, b.designation, b.outlet)
                      for b in d.bylines), images=tuple(images))
    revisions: list[BundleRevision] = []
    parent = None
    for r in service.revisions(article_id):
        h = revision_hash(r.headline, r.dek, r.body, r.metadata)
        revisions.append(BundleRevision(h, parent, r.article_version, r.author,
                                        r.created_at, r.note, r.headline, r.dek, r.body,
                                        r.metadata))
        parent = h
    write_bundle(path, article, revisions, images=blobs,
                 renderings={"article.md": d.body.encode()})
    return path
