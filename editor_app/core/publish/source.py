"""The exporter's input: one article with its images and history, read in one go.

:class:`PublishArticle` is a plain value (no session), so renderers are pure functions of it
and golden-file tests can build one by hand. :func:`load_article` reads it from the database.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from editor_app.core.article_data import ArticleData, RevisionInfo
from editor_app.core.articles import ArticleService
from editor_app.core.assets import image_data, list_assets
from editor_app.core.bundle_format import image_entry_name

__all__ = ["IST", "PublishArticle", "PublishImage", "PublishOptions", "ist_iso",
           "load_article"]

log = logging.getLogger(__name__)

#: India Standard Time: every date an export writes for readers carries +05:30.
IST = timezone(timedelta(hours=5, minutes=30), "IST")


def ist_iso(moment: datetime) -> str:
    """``2026-11-30T14:45:30+05:30``: ISO 8601 in IST, whole seconds."""
    return moment.astimezone(IST).isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class PublishImage:
    """An image of the article with its bytes; ``entry`` is its relative path in exports."""

    asset_id: int | None
    position: int
    filename: str
    media_type: str
    data: bytes
    caption: str = ""
    credit: str = ""
    alt_text: str = ""

    @property
    def entry(self) -> str:
        """``images/<position>-<safe filename>`` (the bundle entry and the HTML ``src``)."""
        return image_entry_name(self.position, self.filename)


@dataclass(frozen=True, slots=True)
class PublishOptions:
    """Newsroom-wide settings of an export.

    ``site_url`` is the base of canonical links (``<site_url>/<slug>``; relative when
    empty); ``publisher`` names the outlet in JSON-LD, Open Graph and WXR when no byline
    gives one.
    """

    site_url: str = ""
    publisher: str = "Sampadak"
    #: fragment.html with headline, dek, byline and dateline (True) or the body only.
    fragment_with_header: bool = False


@dataclass(frozen=True, slots=True)
class PublishArticle:
    """Everything one export needs of an article."""

    id: int | None
    uuid: str
    version: int
    status: str
    created_at: datetime
    updated_at: datetime
    data: ArticleData
    images: tuple[PublishImage, ...] = ()
    revisions: tuple[RevisionInfo, ...] = field(default=())

    @property
    def revision_id(self) -> int | None:
        """Local id of the newest revision (None when there is no history)."""
        return self.revisions[-1].id if self.revisions else None

    def image_for_ref(self, ref: str) -> PublishImage | None:
        """The image an ``asset:ID`` body reference names, if it belongs to this article."""
        if not ref.startswith("asset:") or not ref[6:].isdigit():
            return None
        wanted = int(ref[6:])
        return next((i for i in self.images if i.asset_id == wanted), None)


def load_article(service: ArticleService, article_id: int) -> PublishArticle:
    """Read article ``article_id`` with its images (bytes) and revisions.

    Raises :class:`~editor_app.core.errors.NotFoundError` when there is no such article.
    """
    record = service.get(article_id)
    images = []
    # Positions are the images' order (0, 1, ...): stored positions may repeat after edits,
    # and entry names must not.
    for order, info in enumerate(list_assets(service.db, article_id)):
        media_type, data = image_data(service.db, info.id)
        images.append(PublishImage(info.id, order, info.filename, media_type, data,
                                   info.caption, info.credit, info.alt_text))
    return PublishArticle(
        id=record.id, uuid=record.uuid, version=record.version, status=record.status,
        created_at=record.created_at, updated_at=record.updated_at, data=record.data,
        images=tuple(images), revisions=tuple(service.revisions(article_id)))
