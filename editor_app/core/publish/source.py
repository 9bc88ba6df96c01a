"""The exporter's input: one article with its images and history, read in one go.

:class:`PublishArticle` is a plain value (no session), so renderers are pure functions of it
and golden-file tests can build one by hand. :func:`load_article` reads it from the database.

Published stories under an update (wip-queues, issue 11 item 8): a story that was exported
(``published_revision_id`` set) and is back on the desk (reopened as an update, or killed)
exports its *published* revision, without the new correction note, until the update is
approved; an approved or exported story exports its current text with its correction note
(``सुधार: …, updated <date>``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone

from editor_app.core.article_data import ArticleData, RevisionInfo, data_from_snapshot
from editor_app.core.articles import ArticleService
from editor_app.core.assets import image_data, list_assets
from editor_app.core.bundle_format import image_entry_name

__all__ = ["IST", "PublishArticle", "PublishImage", "PublishOptions", "correction_text",
           "ist_iso", "load_article", "published_version"]

log = logging.getLogger(__name__)

#: India Standard Time: every date an export writes for readers carries +05:30.
IST = timezone(timedelta(hours=5, minutes=30), "IST")


def ist_iso(moment: datetime) -> str:
    """``2026-11-30T14:45:30+05:30``: ISO 8601 in IST, whole seconds."""
    return moment.astimezone(IST).isoformat(timespec="seconds")


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def correction_text(note: str, corrected_at: datetime | None) -> str:
    """``सुधार: <note>, updated 1 December 2026`` (the date in IST); ``""`` without a note."""
    clean = " ".join(note.split())
    if not clean:
        return ""
    if corrected_at is None:
        return f"सुधार: {clean}"
    local = corrected_at.astimezone(IST)
    return f"सुधार: {clean}, updated {local.day} {_MONTHS[local.month - 1]} {local.year}"


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
    #: Correction printed by every format ("सुधार: <note>, updated <date>") when set.
    correction_note: str = ""
    corrected_at: datetime | None = None
    #: Not to be published before this time (ninjs ``embargoed``).
    embargo_until: datetime | None = None

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
    revisions = tuple(service.revisions(article_id))
    desk = record.desk
    article = PublishArticle(
        id=record.id, uuid=record.uuid, version=record.version, status=record.status,
        created_at=record.created_at, updated_at=record.updated_at, data=record.data,
        images=tuple(images), revisions=revisions, correction_note=desk.correction_note,
        corrected_at=desk.corrected_at, embargo_until=desk.embargo_until)
    return published_version(article, desk.published_revision_id)


#: Statuses whose current text is what goes out.
_RELEASED = frozenset({"approved", "exported"})


def published_version(article: PublishArticle,
                      published_revision_id: int | None) -> PublishArticle:
    """``article`` as it was published while an update is on the desk (module docstring):
    the text of ``published_revision_id``, no new correction; unchanged otherwise."""
    if article.status in _RELEASED or published_revision_id is None:
        return article
    published = next((r for r in article.revisions if r.id == published_revision_id), None)
    if published is None:
        log.warning("article %s: published revision %s is missing; exporting the current "
                    "text", article.id, published_revision_id)
        return article
    history = tuple(r for r in article.revisions if r.id <= published.id)
    data = data_from_snapshot(published.headline, published.dek, published.body,
                              published.metadata)
    return replace(article, data=data, updated_at=published.created_at,
                   version=published.article_version, revisions=history,
                   correction_note="", corrected_at=None)
