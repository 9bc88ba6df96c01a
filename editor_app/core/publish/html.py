"""Publish-ready HTML: a standalone HTML5 document and a CMS fragment, from Jinja2 templates.

Templates live in ``resources/templates`` (``article.html.j2``, ``fragment.html.j2``,
``_header.html.j2``, ``article.css``) and are rendered with autoescaping on, so every
article field (headline, dek, bylines, tags, captions, ...) reaches the page as text. The body
comes from :mod:`.body_html` (model → HTML → nh3). The JSON-LD block is made with
:func:`json.dumps` and ``<``, ``>`` and ``&`` written as ``\\u003c`` etc., so no field can end
the ``<script>`` element (``</script>`` in a headline stays text in the JSON).

Output is deterministic: same article and options → same bytes (golden-file tested).
"""

from __future__ import annotations

import json
import logging
import urllib.parse
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

import jinja2
from markupsafe import Markup

from editor_app.core.publish.body_html import body_html, sanitize
from editor_app.core.publish.source import (
    PublishArticle,
    PublishOptions,
    correction_text,
    ist_iso,
)
from editor_app.core.resources import resource_path

__all__ = ["HINDI_MONTHS", "article_context", "canonical_url", "dateline_text", "json_ld",
           "render_document", "render_fragment", "stylesheet_text", "template_environment"]

log = logging.getLogger(__name__)

HINDI_MONTHS = ("जनवरी", "फरवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर",
                "अक्टूबर", "नवंबर", "दिसंबर")


@dataclass(frozen=True, slots=True)
class _Dateline:
    place: str
    date_text: str
    iso: str


@lru_cache(maxsize=1)
def template_environment() -> jinja2.Environment:
    """The Jinja2 environment of ``resources/templates`` (autoescape on, strict)."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(resource_path("templates"))),
        autoescape=True, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined)


@lru_cache(maxsize=1)
def stylesheet_text() -> str:
    """``article.css``, inlined into documents (so they load nothing)."""
    return resource_path("templates", "article.css").read_text(encoding="utf-8").strip()


def dateline_text(day: date) -> str:
    """``30 नवंबर 2026``: the newsroom's dateline date."""
    return f"{day.day} {HINDI_MONTHS[day.month - 1]} {day.year}"


def canonical_url(article: PublishArticle, options: PublishOptions) -> str:
    """``<site_url>/<slug>`` (the slug alone when no site URL is set; the UUID when the
    article has no slug). The slug is percent-encoded, so it can never become a scheme
    (``javascript:``) or leave the site's path."""
    slug = urllib.parse.quote(article.data.slug or article.uuid, safe="-_.~")
    if not options.site_url:
        return slug
    return options.site_url.rstrip("/") + "/" + slug


def _outlet(article: PublishArticle, options: PublishOptions) -> str:
    return next((b.outlet for b in article.data.bylines if b.outlet), "") or options.publisher


def json_ld(article: PublishArticle, options: PublishOptions) -> str:
    """schema.org ``NewsArticle`` as JSON safe inside ``<script>`` (see module doc)."""
    data = article.data
    authors: list[dict[str, Any]] = []
    for byline in data.bylines:
        person: dict[str, Any] = {"@type": "Person", "name": byline.name or byline.name_latin}
        if byline.name_latin and byline.name:
            person["alternateName"] = byline.name_latin
        if byline.designation:
            person["jobTitle"] = byline.designation
        if byline.outlet:
            person["affiliation"] = {"@type": "Organization", "name": byline.outlet}
        authors.append(person)
    value: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "identifier": f"urn:uuid:{article.uuid}",
        "headline": data.headline,
        "description": data.dek,
        "inLanguage": data.language or "hi",
        "datePublished": ist_iso(article.created_at),
        "dateModified": ist_iso(article.updated_at),
        "author": authors,
        "publisher": {"@type": "Organization", "name": _outlet(article, options)},
        "mainEntityOfPage": canonical_url(article, options),
        "image": [image.entry for image in article.images],
        "keywords": list(data.tags),
    }
    if data.category:
        value["articleSection"] = data.category
    if data.dateline_place:
        value["locationCreated"] = {"@type": "Place", "name": data.dateline_place}
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def article_context(article: PublishArticle, options: PublishOptions) -> dict[str, Any]:
    """Template values shared by the document, fragment and proof templates."""
    data = article.data
    dateline = None
    if data.dateline_place or data.dateline_date:
        day = data.dateline_date
        dateline = _Dateline(data.dateline_place, dateline_text(day) if day else "",
                             day.isoformat() if day else "")
    return {
        "language": data.language or "hi",
        "headline": data.headline,
        "dek": data.dek,
        "bylines": data.bylines,
        "dateline": dateline,
        "category": data.category,
        "tags": data.tags,
        "related": data.related,
        "images": article.images,
        "canonical": canonical_url(article, options),
        "publisher": _outlet(article, options),
        "published": ist_iso(article.created_at),
        "modified": ist_iso(article.updated_at),
        "body": Markup(body_html(article)),
        "correction": correction_text(article.correction_note, article.corrected_at),
    }


def render_document(article: PublishArticle, options: PublishOptions | None = None) -> str:
    """The standalone HTML5 document (``article.html``)."""
    options = options or PublishOptions()
    context = article_context(article, options)
    context["json_ld"] = Markup(json_ld(article, options))
    context["stylesheet"] = Markup(stylesheet_text())
    return template_environment().get_template("article.html.j2").render(context)


def render_fragment(article: PublishArticle, options: PublishOptions | None = None, *,
                    with_header: bool | None = None) -> str:
    """The HTML fragment for a CMS (``fragment.html``): the body, with headline, dek,
    bylines and dateline first when ``with_header`` (default: the options' choice). The
    whole fragment passes nh3 once more, so it is safe to paste anywhere."""
    options = options or PublishOptions()
    header = options.fragment_with_header if with_header is None else with_header
    context = article_context(article, options)
    context["with_header"] = header
    html_text = template_environment().get_template("fragment.html.j2").render(context)
    return sanitize(html_text).strip() + "\n"
