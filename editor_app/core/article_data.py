"""Plain value objects passed between the article service and its callers (GUI, CLI).

They hold no database session, so the GUI can keep them across saves; every text field is
NFC-normalised by :func:`normalized`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime
from typing import Any

from editor_app.core.text.normalize import to_nfc
from editor_app.core.urls import safe_href

__all__ = ["INDEXED_TEXT_MAX", "ArticleData", "ArticleRecord", "ArticleSummary", "BylineData",
           "DeskInfo",
           "RelatedLink", "RevisionInfo", "data_from_snapshot", "normalized",
           "related_as_lines", "related_from_json", "related_from_lines", "related_to_json"]

#: Longest value of a text field that a list index sorts by (the headline; the byline
#: summary). A PostgreSQL btree entry holds at most 2,704 bytes: 600 characters of up to 4
#: bytes each plus the index's other columns stay under it (a pasted story in the headline
#: made every save fail with a driver error). SQLite has no such limit; the models' guard
#: (:mod:`editor_app.core.models`) applies one limit on both.
INDEXED_TEXT_MAX = 600


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
class RelatedLink:
    """A "read also" pointer (इसे भी पढ़ें): the other story's title and, when known, its
    URL (only safe link targets are kept: see :func:`editor_app.core.urls.safe_href`)."""

    title: str
    url: str = ""

    def to_json(self) -> dict[str, str]:
        """``{"title", "url"}``."""
        return {"title": self.title, "url": self.url}

    def display(self) -> str:
        """``"शीर्षक <https://…>"`` (the URL left out when there is none)."""
        return f"{self.title} <{self.url}>".strip() if self.url else self.title


def related_as_lines(links: tuple[RelatedLink, ...]) -> str:
    """Related links as editable text, one a line: ``शीर्षक https://…``."""
    return "\n".join(f"{link.title} {link.url}".strip() if link.url else link.title
                     for link in links)


def related_from_lines(text: str) -> tuple[RelatedLink, ...]:
    """The inverse of :func:`related_as_lines`: one link a line, an ``http(s)://`` URL
    ending the line (or anything after a last ``|``) is its URL; blank lines skipped."""
    links: list[RelatedLink] = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        title, bar, url = line.rpartition("|")
        if not bar:
            title, _, url = line.rpartition(" ")
            if not url.lower().startswith(("http://", "https://")):
                title, url = line, ""
        links.append(RelatedLink(title.strip(), url.strip()))
    return tuple(links)


def related_to_json(links: tuple[RelatedLink, ...]) -> str:
    """The stored form of an article's related links (a JSON list)."""
    return json.dumps([link.to_json() for link in links], ensure_ascii=False)


def related_from_json(text: str | None) -> tuple[RelatedLink, ...]:
    """Related links from their stored JSON; anything malformed is skipped, never raised
    (the column may come from an older build or another tool)."""
    try:
        items = json.loads(text or "[]")
    except ValueError:
        return ()
    if not isinstance(items, list):
        return ()
    return tuple(RelatedLink(str(item.get("title", "")), str(item.get("url", "")))
                 for item in items if isinstance(item, dict))


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
    related: tuple[RelatedLink, ...] = field(default=())

    def metadata_json(self) -> str:
        """Metadata (all but headline, dek, body) as JSON, for revision snapshots."""
        data: dict[str, Any] = asdict(self)
        for key in ("headline", "dek", "body"):
            data.pop(key)
        data["dateline_date"] = self.dateline_date.isoformat() if self.dateline_date else None
        return json.dumps(data, ensure_ascii=False, sort_keys=True)


def data_from_snapshot(headline: str, dek: str, body: str,
                       metadata: Mapping[str, Any]) -> ArticleData:
    """The :class:`ArticleData` a revision snapshot holds (``metadata`` is the parsed
    :meth:`ArticleData.metadata_json`). Keys an older build did not write get their
    defaults; unknown keys are ignored."""
    when = metadata.get("dateline_date")
    bylines = tuple(
        BylineData(**{k: str(v) for k, v in b.items() if k in BylineData.__slots__})
        if isinstance(b, Mapping) else BylineData(*map(str, b))
        for b in metadata.get("bylines", ()))
    related = tuple(RelatedLink(str(r.get("title", "")), str(r.get("url", "")))
                    for r in metadata.get("related", ()) if isinstance(r, dict))
    return ArticleData(
        headline=headline, dek=dek, body=body, slug=str(metadata.get("slug", "")),
        language=str(metadata.get("language", "hi")),
        category=str(metadata.get("category", "")),
        dateline_place=str(metadata.get("dateline_place", "")),
        dateline_date=date.fromisoformat(when) if isinstance(when, str) and when else None,
        tags=tuple(str(t) for t in metadata.get("tags", ())), bylines=bylines,
        related=related)


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
        related=_clean_related(data.related),
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


def _clean_related(links: tuple[RelatedLink, ...]) -> tuple[RelatedLink, ...]:
    """NFC titles with collapsed spaces, safe URLs only (an unsafe one is dropped, its
    title kept), empty and repeated links left out, order kept."""
    seen: set[tuple[str, str]] = set()
    clean: list[RelatedLink] = []
    for link in links:
        title = " ".join(to_nfc(link.title).split())
        url = safe_href(link.url.strip()) or ""
        if (title or url) and (title, url) not in seen:
            seen.add((title, url))
            clean.append(RelatedLink(title, url))
    return tuple(clean)


@dataclass(frozen=True, slots=True)
class DeskInfo:
    """Who owns and who edits a story, by when, and its publishing controls."""

    owner_id: int | None = None
    assignee_id: int | None = None
    #: The assignee's display name ("" when unassigned or the user is unknown).
    assignee: str = ""
    deadline: datetime | None = None
    embargo_until: datetime | None = None
    correction_note: str = ""
    corrected_at: datetime | None = None
    published_revision_id: int | None = None


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
    #: Desk control (migration 0004), outside ``data``: set through the workflow services.
    desk: DeskInfo = field(default_factory=DeskInfo)

    def summary(self) -> ArticleSummary:
        """This article's list row (no database needed: the GUI updates one row after a
        save from the record the save returned)."""
        return ArticleSummary(
            id=self.id, uuid=self.uuid, headline=self.data.headline, status=self.status,
            byline="; ".join(b.display() for b in self.data.bylines), tags=self.data.tags,
            updated_at=self.updated_at, trashed=self.trashed,
            assignee_id=self.desk.assignee_id, assignee=self.desk.assignee,
            deadline=self.desk.deadline, embargo_until=self.desk.embargo_until,
            owner_id=self.desk.owner_id)


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
    #: Queue columns (migration 0004); defaults keep older constructors working.
    assignee_id: int | None = None
    assignee: str = ""
    deadline: datetime | None = None
    embargo_until: datetime | None = None
    owner_id: int | None = None


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
