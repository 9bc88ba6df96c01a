"""A stored article as an in-memory field bundle (no zip, no renderings).

Contract: :func:`article_bundle` reads the article's *current* data (not the published
version an export would take while an update is on the desk), its images and its whole
history, and builds the same :class:`~editor_app.core.bundle_format.Bundle` that exporting
and reading back a ``.zip`` would give: portable image paths in the bodies, revision hashes
that name images by content. Feeding it to
:func:`~editor_app.core.intake.bundle.import_bundle` on another database therefore adds,
fast-forwards or reports a conflict exactly as a bundle file would.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import UTC, datetime

from editor_app.core.articles import ArticleService
from editor_app.core.assets import image_data, list_assets
from editor_app.core.bundle_format import Bundle, Manifest, ManifestArticle
from editor_app.core.intake.merge import data_hash
from editor_app.core.publish.bundle import bundle_article, bundle_revisions, image_keys
from editor_app.core.publish.source import PublishArticle, PublishImage

__all__ = ["article_bundle", "as_copy", "newest_hash"]

log = logging.getLogger(__name__)


def _publish_article(service: ArticleService, article_id: int) -> PublishArticle:
    record = service.get(article_id)
    images = []
    for order, info in enumerate(list_assets(service.db, article_id)):
        media_type, data = image_data(service.db, info.id)
        images.append(PublishImage(info.id, order, info.filename, media_type, data,
                                   info.caption, info.credit, info.alt_text))
    return PublishArticle(
        id=record.id, uuid=record.uuid, version=record.version, status=record.status,
        created_at=record.created_at, updated_at=record.updated_at, data=record.data,
        images=tuple(images), revisions=tuple(service.revisions(article_id)))


def article_bundle(service: ArticleService, article_id: int) -> Bundle:
    """The bundle of article ``article_id`` as it is stored now (see module contract)."""
    article = _publish_article(service, article_id)
    portable = bundle_article(article)
    revisions = tuple(bundle_revisions(article))
    manifest = Manifest(
        format_version=1, app_version="", created_at=datetime.now(UTC),
        article=ManifestArticle(article.uuid, article.version, article.revision_id,
                                article.status, article.data.headline),
        files={})
    images = {image.entry: image.data for image in article.images}
    return Bundle(manifest, portable, revisions, {}, images)


def newest_hash(service: ArticleService, article_id: int) -> str:
    """The content hash of the article's current data (what its newest revision holds),
    with images named by content: equal on two databases holding the same text."""
    article = _publish_article(service, article_id)
    return data_hash(article.data, image_keys(article))


def as_copy(bundle: Bundle, uuid: str) -> Bundle:
    """``bundle`` as a new draft article with ``uuid`` (a conflict copy: same text and
    history, its own identity, a slug made afresh from the headline)."""
    article = replace(bundle.article, uuid=uuid, status="draft", slug="")
    manifest = replace(bundle.manifest, article=replace(bundle.manifest.article, uuid=uuid,
                                                        status="draft"))
    return replace(bundle, article=article, manifest=manifest)
