"""Plain value objects passed between the article service and its callers (GUI, CLI).

They hold no database session, so the GUI can keep them across saves; every text field is
NFC-normalised by :func:`normalized`.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime
from typing import Any

from editor_app.core.text.normalize import to_nfc

__all__ = ["ArticleData", "ArticleRecord", "ArticleSummary", "BylineData", "RevisionInfo",
           "normalized"]


@dataclass(frozen=True, slots=True)
class BylineData:
    """One byline entry: a person, their designation in this story and their outlet."""

    name: str
    name_latin: str = ""
    designation: str = ""
    outlet: str = ""

    def display(self) -> str:
        """``"आरती कुशवाहा, संवाददाता, The Printlines"`` (empty parts left out)."""
        return ", ".join(p for p in (self.name, self.designation, self.outlet) if p)


@dataclass(frozen=True, slots=True)
class ArticleData:
    """Everything an editor can change in one save (status goes through the workflow)."""

    headline: str = ""
    dek: str = ""
    body: str = ""
    slug: str = ""
    language: str = "hi"
    category: str = ""
    dateline_place: str = ""
    dateline_date: date | None = None
    tags: tuple[str, ...] = field(default=())
    bylines: tuple[BylineData, ...] = field(default=())

    def metadata_json(self) -> str:
        """Metadata (all but headline, dek, body) as JSON, for revision snapshots."""
        data: dict[str, Any] = asdict(self)
        for key in ("headline", "dek", "body"):
            data.pop(key)
        data["dateline_date"] = self.dateline_date.isoformat() if self.dateline_date else None
        return json.dumps(data, ensure_ascii=False, sort_keys=True)


def normalized(data: ArticleData) -> ArticleData:
    """``data`` with every text NFC, stripped where whitespace is never meaningful, tags
    de-duplicated (first spelling wins) and sorted, and empty bylines dropped."""
    seen: set[str] = set()
    tags: list[str] = []
    for tag in data.tags:
        clean = " ".join(to_nfc(tag).split())
        if clean and clean.casefold() not in seen:
            seen.add(clean.casefold())
            tags.append(clean)
    bylines = tuple(
        BylineData(*(" ".join(to_nfc(part).split()) for part in
                     (b.name, b.name_latin, b.designation, b.outlet)))
        for b in data.bylines
        if b.name.strip() or b.name_latin.strip()
    )
    return replace(
        data,
        headline=" ".join(to_nfc(data.headline).split()),
        dek=to_nfc(data.dek).strip(),
        body=to_nfc(data.body).replace("\r\n", "\n").replace("\r", "\n"),
        slug=data.slug.strip(),
        language=data.language.strip() or "hi",
        category=" ".join(to_nfc(data.category).split()),
        dateline_place=" ".join(to_nfc(data.dateline_place).split()),
        tags=tuple(sorted(tags)),
        bylines=bylines,
    )


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """A stored article: identity, optimistic-lock version, status and its data."""

    id: int
    uuid: str
    version: int
    status: str
    trashed: bool
    created_at: datetime
    updated_at: datetime
    data: ArticleData

    def summary(self) -> ArticleSummary:
        """This article's list row (no database needed: the GUI updates one row after a
        save from the record the save returned)."""
        return ArticleSummary(
            id=self.id, uuid=self.uuid, headline=self.data.headline, status=self.status,
            byline="; ".join(b.display() for b in self.data.bylines), tags=self.data.tags,
            updated_at=self.updated_at, trashed=self.trashed)


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """One row of the article list."""

    id: int
    uuid: str
    headline: str
    status: str
    byline: str
    tags: tuple[str, ...]
    updated_at: datetime
    trashed: bool


@dataclass(frozen=True, slots=True)
class RevisionInfo:
    """One saved revision (full snapshot)."""

    id: int
    parent_id: int | None
    article_version: int
    author: str
    created_at: datetime
    headline: str
    dek: str
    body: str
    metadata: dict[str, Any]
    note: str
