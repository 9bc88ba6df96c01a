"""What an importer recognised in one source: the article and everything around it.

:class:`ImportResult` is a plain frozen value (no session): the article data ready for
:meth:`ArticleService.create`, plus what the preview and the CLI show the user: related links
taken out of the body, text dropped as site boilerplate, suggested tags (never stored unless
accepted), images found, and warnings about guesses made.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from editor_app.core.article_data import INDEXED_TEXT_MAX, ArticleData, RelatedLink
from editor_app.core.text.counts import clip_text

__all__ = ["FORMATS", "ImportResult", "ImportedImage", "RelatedLink"]

#: Source formats the importers understand (``--as-format`` values).
FORMATS = ("scraped", "html", "docx", "md", "wxr", "bundle")


@dataclass(frozen=True, slots=True)
class ImportedImage:
    """An image carried by the source (bytes already checked by the reader).

    ``ref`` is the placeholder the body Markdown uses for it until it is stored
    (``![alt](<ref>)``); storing replaces it with the ``asset:<id>`` reference.
    """

    ref: str
    filename: str
    media_type: str
    data: bytes = field(repr=False)
    caption: str = ""
    credit: str = ""
    alt_text: str = ""


@dataclass(frozen=True, slots=True)
class ImportResult:
    """One article recognised in a source file.

    ``uuid``/``status`` are set only when the source carries them (WXR, bundles);
    ``agency`` is a news agency named in the dateline; ``subheadings`` lists the lines that
    became ``##`` headings (for the preview).
    """

    data: ArticleData
    source: str
    format: str
    related: tuple[RelatedLink, ...] = ()
    dropped: tuple[str, ...] = ()
    subheadings: tuple[str, ...] = ()
    suggested_tags: tuple[str, ...] = ()
    images: tuple[ImportedImage, ...] = ()
    warnings: tuple[str, ...] = ()
    agency: str = ""
    uuid: str = ""
    status: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        """A headline longer than the database takes (:data:`INDEXED_TEXT_MAX`: a source
        whose first paragraph was taken for the headline) is shortened at whole aksharas,
        with a warning, instead of failing the import."""
        headline = self.data.headline
        if len(headline) > INDEXED_TEXT_MAX:
            object.__setattr__(self, "data", replace(
                self.data, headline=clip_text(headline, INDEXED_TEXT_MAX)))
            object.__setattr__(self, "warnings", (*self.warnings, (
                f"headline shortened to {INDEXED_TEXT_MAX:,} characters (it had "
                f"{len(headline):,}): check it")))

    def to_json(self) -> dict[str, Any]:
        """Everything recognised, as JSON-ready values (image bytes left out)."""
        d = self.data
        return {
            "source": self.source, "format": self.format,
            "headline": d.headline, "dek": d.dek, "body": d.body, "slug": d.slug,
            "language": d.language, "category": d.category,
            "dateline": {"place": d.dateline_place,
                         "date": d.dateline_date.isoformat() if d.dateline_date else None,
                         "agency": self.agency},
            "tags": list(d.tags), "suggested_tags": list(self.suggested_tags),
            "bylines": [{"name": b.name, "name_latin": b.name_latin,
                         "designation": b.designation, "outlet": b.outlet}
                        for b in d.bylines],
            "subheadings": list(self.subheadings),
            "related": [r.to_json() for r in self.related],
            "dropped": list(self.dropped),
            "images": [{"filename": i.filename, "media_type": i.media_type,
                        "size": len(i.data), "caption": i.caption} for i in self.images],
            "warnings": list(self.warnings),
            "source_uuid": self.uuid, "source_status": self.status,
        }
