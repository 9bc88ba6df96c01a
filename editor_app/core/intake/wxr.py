"""WordPress WXR archives (RSS 2.0 with ``wp:``, ``content:``, ``excerpt:``, ``dc:``).

Parsed with defusedxml: a DOCTYPE, entity declarations or external references refuse the
whole file (:class:`ImportRejected`), nothing is expanded or fetched. Each ``item`` whose
``wp:post_type`` is ``post`` (or missing) becomes one :class:`ImportResult`: title,
``dc:creator`` resolved to the channel's ``wp:author`` display name, ``category`` elements
(``domain="category"`` → category, first one wins; ``domain="post_tag"`` → tags),
``wp:post_date_gmt``/``wp:post_date``/``pubDate`` → dateline date, ``wp:post_name`` → slug,
``wp:status`` → ``status``, ``excerpt:encoded`` → dek and ``content:encoded`` HTML → Markdown
(:func:`html_to_markdown`).

Sampadak's own WXR export (``core/publish/wxr.py``) adds ``wp:postmeta`` that is read back:
``sampadak_uuid``, ``sampadak_bylines`` (``"name, designation, outlet; …"``, or a JSON list
of ``{name, name_latin, designation, outlet}``) and ``sampadak_dateline`` (``"place, ISO
date"``); ``sampadak_dateline_place``/``sampadak_dateline_date``/``sampadak_language`` are
read too. Titles, excerpts, terms and meta values are HTML-unescaped (WordPress stores them
as HTML).
"""

from __future__ import annotations

import contextlib
import html
import json
import logging
from datetime import date
from email.utils import parsedate_to_datetime
from typing import Any
from xml.etree.ElementTree import Element, ParseError

import defusedxml
import defusedxml.ElementTree as SafeET
import regex

from editor_app.core.article_data import ArticleData, BylineData
from editor_app.core.errors import ImportRejected
from editor_app.core.intake.html_md import check_inline_data, html_to_markdown, wpautop
from editor_app.core.intake.result import ImportResult

__all__ = ["MAX_WXR_ITEMS", "parse_wxr"]

log = logging.getLogger(__name__)

MAX_WXR_ITEMS = 200_000
_WP = regex.compile(r"^\{http://wordpress\.org/export/\d+\.\d+/\}")
_CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_EXCERPT = regex.compile(r"^\{http://wordpress\.org/export/\d+\.\d+/excerpt/\}")


def _local(el: Element, prefix: regex.Pattern[str] | str, name: str) -> Element | None:
    for child in el:
        tag = child.tag
        if isinstance(prefix, str):
            if tag == prefix + name:
                return child
        else:
            match = prefix.match(tag)
            if match and tag[match.end():] == name:
                return child
    return None


def _text(el: Element, prefix: regex.Pattern[str] | str, name: str) -> str:
    found = _local(el, prefix, name)
    return (found.text or "").strip() if found is not None else ""


def _all(el: Element, prefix: regex.Pattern[str], name: str) -> list[Element]:
    out = []
    for child in el:
        match = prefix.match(child.tag)
        if match and child.tag[match.end():] == name:
            out.append(child)
    return out


def _when(item: Element) -> date | None:
    for name in ("post_date_gmt", "post_date"):
        text = _text(item, _WP, name)
        if text and not text.startswith("0000"):
            try:
                return date.fromisoformat(text[:10])
            except ValueError:
                continue
    pub = _text(item, "", "pubDate")
    if pub:
        try:
            return parsedate_to_datetime(pub).date()
        except (TypeError, ValueError, IndexError):
            return None
    return None


def _postmeta(item: Element) -> dict[str, str]:
    out: dict[str, str] = {}
    for meta in _all(item, _WP, "postmeta"):
        key, value = _text(meta, _WP, "meta_key"), _text(meta, _WP, "meta_value")
        if key:
            out[key] = html.unescape(value)
    return out


def _own_bylines(raw: str) -> tuple[BylineData, ...] | None:
    try:
        value: Any = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(value, list):
        return None
    out = []
    for b in value:
        if isinstance(b, dict):
            out.append(BylineData(*(str(b.get(k) or "") for k in
                                    ("name", "name_latin", "designation", "outlet"))))
    return tuple(out)


def _display_bylines(raw: str) -> tuple[BylineData, ...]:
    """``"name, designation, outlet; name2"`` (the export's display form) → bylines; a
    person with two parts is taken as name and designation."""
    out = []
    for part in raw.split(";"):
        bits = [b.strip() for b in part.split(",")]
        if bits and bits[0]:
            bits += ["", ""]
            out.append(BylineData(bits[0], "", bits[1], ", ".join(b for b in bits[2:] if b)))
    return tuple(out)


def _own_dateline(raw: str) -> tuple[str, date | None]:
    """``"place, 2024-06-12"`` / ``"place"`` / ``"2024-06-12"`` → (place, date)."""
    place, _, last = raw.rpartition(",")
    for candidate, rest in ((last.strip(), place.strip()), (raw.strip(), "")):
        try:
            return rest, date.fromisoformat(candidate)
        except ValueError:
            continue
    return raw.strip(), None


def parse_wxr(data: bytes, source: str = "") -> list[ImportResult]:
    """Every post in a WXR file (see module contract)."""
    name = source or "the file"
    check_inline_data(data, name)
    try:
        root = SafeET.fromstring(data, forbid_dtd=True, forbid_entities=True,
                                 forbid_external=True)
    except defusedxml.DefusedXmlException as exc:
        raise ImportRejected(f"{name} declares a DOCTYPE or entities; WXR files never "
                             f"need them and they are refused ({type(exc).__name__})") from exc
    except ParseError as exc:
        raise ImportRejected(f"{name} is not well-formed XML: {exc}") from exc
    channel = root.find("channel")
    if root.tag != "rss" or channel is None:
        raise ImportRejected(f"{name} is not a WordPress export (no rss/channel)")
    version = _text(channel, _WP, "wxr_version")
    if version and not regex.fullmatch(r"\d+\.\d+", version):
        raise ImportRejected(f"{name} has an unknown wxr_version {version!r}")
    authors: dict[str, str] = {}
    for author in _all(channel, _WP, "author"):
        login = _text(author, _WP, "author_login")
        authors[login] = _text(author, _WP, "author_display_name") or login
    items = channel.findall("item")
    if len(items) > MAX_WXR_ITEMS:
        raise ImportRejected(f"{name} has {len(items):,} items; at most {MAX_WXR_ITEMS:,}")
    results = []
    for item in items:
        kind = _text(item, _WP, "post_type") or "post"
        if kind != "post":
            continue
        meta = _postmeta(item)
        category, tags = "", []
        for cat in item.findall("category"):
            label = html.unescape(" ".join((cat.text or "").split()))
            if cat.get("domain") == "post_tag" and label:
                tags.append(label)
            elif cat.get("domain") in (None, "category") and label and not category:
                category = label
        login = _text(item, _DC, "creator")
        raw_bylines = meta.get("sampadak_bylines", "")
        own = (_own_bylines(raw_bylines) if raw_bylines.startswith("[")
               else _display_bylines(raw_bylines))
        bylines = own or (
            (BylineData(authors.get(login, login)),) if login else ())
        html_body = _text(item, _CONTENT, "encoded")
        when = _when(item)
        place = meta.get("sampadak_dateline_place", "")
        own_date = meta.get("sampadak_dateline_date", "")
        if own_date:
            with contextlib.suppress(ValueError):
                when = date.fromisoformat(own_date)
        if "sampadak_uuid" in meta:  # Sampadak's own export: no dateline unless it says so
            when = None
            if "sampadak_dateline" in meta:  # "place, ISO date"
                place, when = _own_dateline(meta["sampadak_dateline"])
        article = ArticleData(
            headline=html.unescape(_text(item, "", "title")),
            dek=html.unescape(" ".join(
                regex.sub(r"<[^>]*>", " ", _text(item, _EXCERPT, "encoded")).split())),
            body=html_to_markdown(wpautop(html_body)), slug=_text(item, _WP, "post_name"),
            category=category, tags=tuple(tags), bylines=bylines,
            dateline_place=place, dateline_date=when,
            language=meta.get("sampadak_language", "") or "hi")
        subheads = tuple(line[3:] for line in article.body.split("\n")
                         if line.startswith("## "))
        results.append(ImportResult(
            data=article, source=source, format="wxr", subheadings=subheads,
            status=_text(item, _WP, "status"), uuid=meta.get("sampadak_uuid", ""),
            extra={"wp_post_id": _text(item, _WP, "post_id")}))
    if not results:
        raise ImportRejected(f"{name} holds no posts")
    return results
