"""Web pages (a saved ``.html`` file or the clipboard HTML of a whole page).

Choice: trafilatura (well kept, made for news pages) finds the article text and drops
navigation, scripts, styles, comments and ads; it writes Markdown with headings, emphasis
and images. Metadata is read here from the page's own ``og:``/``article:`` meta tags and
JSON-LD ``NewsArticle`` (trafilatura's author clean-up cuts Devanagari vowel signs, e.g.
मीना जोशी → "मीना जोश", so its metadata is not used). Captions of ``figure`` images are put
back on their images (trafilatura leaves ``figcaption`` out).

Contract: :func:`parse_html_page` raises :class:`ImportRejected` for inline ``data:``
images over the limit and for a page without article text; it never touches the database.
"""

from __future__ import annotations

import json
import logging
from datetime import date
from typing import Any

import lxml.html
import regex
import trafilatura
from lxml import etree

from editor_app.core.article_data import ArticleData, BylineData
from editor_app.core.errors import ImportRejected
from editor_app.core.intake.dateline import split_dateline
from editor_app.core.intake.decode import decode_text
from editor_app.core.intake.html_md import check_inline_data
from editor_app.core.intake.result import ImportResult
from editor_app.core.intake.scraped import parse_byline_parts

__all__ = ["PageMeta", "page_metadata", "parse_html_page"]

log = logging.getLogger(__name__)

_NEWS_TYPES = {"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle",
               "BlogPosting", "OpinionNewsArticle"}
_IMAGE_MD = regex.compile(r"!\[([^\]\n]*)\]\(([^)\s]+)\)")
_MAX_JSONLD = 200_000
_XML_DECLARATION = regex.compile(r"^\s*<\?xml[^>]*\?>")
_DATA_SRC = regex.compile(r"""\s(?:src|srcset)\s*=\s*["']data:[^"']*["']""", regex.I)


class PageMeta(dict[str, Any]):
    """Title, description, authors, date, section and keywords found in a page's head."""


def _meta(tree: Any, *names: str) -> str:
    for name in names:
        for attr in ("property", "name", "itemprop"):
            found = tree.xpath(f'//meta[@{attr}="{name}"]/@content')
            if found and str(found[0]).strip():
                return " ".join(str(found[0]).split())
    return ""


def _jsonld_articles(tree: Any) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        text = script.text or ""
        if len(text) > _MAX_JSONLD:
            continue
        try:
            value = json.loads(text)
        except ValueError:
            continue
        stack = [value]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                kind = item.get("@type")
                kinds = set(kind) if isinstance(kind, list) else {kind}
                if kinds & _NEWS_TYPES:
                    out.append(item)
                if isinstance(item.get("@graph"), list):
                    stack.extend(item["@graph"])
    return out


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    return []


def _iso_date(text: str) -> date | None:
    match = regex.match(r"\s*(\d{4})-(\d{2})-(\d{2})", text or "")
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def page_metadata(tree: Any) -> PageMeta:
    """What the page says about itself (JSON-LD first, then ``og:``/``article:``/meta)."""
    meta = PageMeta()
    ld = _jsonld_articles(tree)
    first = ld[0] if ld else {}
    titles = tree.xpath("//title/text()")
    meta["title"] = (str(first.get("headline") or "") or _meta(tree, "og:title", "twitter:title")
                     or (" ".join(str(titles[0]).split()) if titles else ""))
    meta["description"] = (str(first.get("description") or "")
                           or _meta(tree, "og:description", "description"))
    authors = _names(first.get("author")) or [
        a for a in (_meta(tree, "author", "article:author"),) if a and "://" not in a]
    meta["authors"] = [" ".join(a.split()) for a in authors if a.strip()]
    meta["date"] = _iso_date(str(first.get("datePublished") or "")) or _iso_date(
        _meta(tree, "article:published_time", "datePublished", "date"))
    section = first.get("articleSection")
    meta["section"] = (section[0] if isinstance(section, list) and section else
                       section if isinstance(section, str) else "") or _meta(
        tree, "article:section")
    keywords = first.get("keywords")
    if isinstance(keywords, list):
        words = [str(k) for k in keywords]
    else:
        words = regex.split(r"\s*,\s*", str(keywords or "") or _meta(tree, "news_keywords",
                                                                      "keywords"))
    tags = [str(t) for t in tree.xpath('//meta[@property="article:tag"]/@content')]
    meta["tags"] = [w.strip() for w in (words + tags) if w.strip()]
    return meta


def _captions(tree: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    for figure in tree.xpath("//figure"):
        srcs = figure.xpath(".//img/@src")
        caption = " ".join(" ".join(figure.xpath(".//figcaption//text()")).split())
        if srcs and caption:
            found[str(srcs[0])] = caption
    return found


def parse_html_page(data: bytes, source: str = "", *, today: date | None = None
                    ) -> ImportResult:
    """The article in a whole web page (see module contract)."""
    check_inline_data(data, source or "the page")
    # Decoded here (UTF-8 or UTF-16, refused with a clear message otherwise): given bytes,
    # lxml takes a page without a charset declaration for Latin-1 and garbles Devanagari.
    text = _XML_DECLARATION.sub("", decode_text(data, source or "the page"), count=1)
    try:
        tree = lxml.html.fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise ImportRejected(f"{source or 'the page'} is not readable HTML: {exc}") from exc
    meta = page_metadata(tree)
    html_text = etree.tostring(tree, encoding="unicode")
    warnings: list[str] = []
    if _DATA_SRC.search(html_text):
        html_text = _DATA_SRC.sub(" ", html_text)
        warnings.append("inline data: images were left out; attach them as image files")
    body = trafilatura.extract(html_text, output_format="markdown", include_images=True,
                               include_formatting=True, include_comments=False,
                               include_tables=False, favor_precision=True, with_metadata=False)
    if not body or not body.strip():
        raise ImportRejected(f"{source or 'the page'} has no article text that could be found")
    captions = _captions(tree)
    lines = body.strip().split("\n")
    headline = str(meta["title"])
    if lines and lines[0].startswith("# "):
        headline = headline or lines[0][2:].strip()
        lines = lines[1:]
    body = "\n".join(lines).strip()

    def caption(match: regex.Match[str]) -> str:
        alt, src = match.group(1), match.group(2)
        cap = captions.get(src, "").replace('"', "'")
        return f'![{alt}]({src} "{cap}")' if cap else match.group(0)

    body = _IMAGE_MD.sub(caption, body)
    blocks = body.split("\n\n")
    dateline, rest, warning = split_dateline(blocks[0], today=meta["date"] or today) \
        if blocks and not blocks[0].startswith(("#", "!")) else (None, "", "")
    place = when = None
    if dateline is not None and dateline.place:
        blocks[0] = rest
        place, when = dateline.place, dateline.when
        if warning and meta["date"] is None:
            warnings.append(warning)
    bylines = [b for a in meta["authors"] for b in (parse_byline_parts(a) or [BylineData(a)])]
    data_ = ArticleData(
        headline=headline, dek=str(meta["description"]), body="\n\n".join(blocks) + "\n",
        category=str(meta["section"]), tags=tuple(meta["tags"]), bylines=tuple(bylines),
        dateline_place=place or "", dateline_date=when or meta["date"],
        language=str((tree.get("lang") or "hi").split("-")[0] or "hi"))
    subheads = tuple(line[3:] for line in body.split("\n") if line.startswith("## "))
    return ImportResult(data=data_, source=source, format="html", subheadings=subheads,
                        warnings=tuple(warnings),
                        agency=dateline.agency if dateline is not None else "")
