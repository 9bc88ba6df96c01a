"""Markdown files with optional YAML front matter (python-frontmatter, YAML safe loader).

Front matter keys (English, with common aliases): ``title``/``headline``,
``dek``/``subtitle``/``description``/``summary``, ``author``/``authors``/``byline``/
``bylines`` (a string, a list of strings, or mappings with ``name``, ``name_latin``,
``designation``, ``outlet``), ``tags``/``keywords`` (list or comma string),
``category``/``categories``, ``dateline``/``place``, ``date``, ``slug``, ``language``/
``lang``, ``uuid``. Without a title the first ``# Heading`` line is the headline.

The body is taken as Sampadak's own Markdown (made canonical when stored: unsupported
syntax keeps its visible text). A body written for other Markdown renderers — with tables,
fenced code, reference-style links or underlined (setext) headings — is instead read the way
those renderers show it: Python-Markdown (``tables``, ``fenced_code``, ``sane_lists``) turns
it into HTML, which goes through the same sanitising HTML → Markdown conversion as web pages
(:func:`~editor_app.core.intake.html_md.html_to_markdown`), and a warning says so.

Contract: :func:`parse_markdown_file` raises :class:`ImportRejected` for front matter that is
not valid YAML, not a mapping, larger than :data:`MAX_FRONT_MATTER` or holding nested values
where text is expected (which also defuses YAML alias bombs: nothing is expanded into text).
"""

from __future__ import annotations

import logging
from datetime import date, datetime
from typing import Any

import markdown as python_markdown
import regex
import yaml
from frontmatter.default_handlers import YAMLHandler

from editor_app.core.article_data import ArticleData, BylineData
from editor_app.core.errors import ImportRejected
from editor_app.core.intake.dateline import parse_date_words
from editor_app.core.intake.html_md import html_to_markdown
from editor_app.core.intake.result import ImportResult

__all__ = ["MAX_FRONT_MATTER", "parse_markdown_file"]

log = logging.getLogger(__name__)

MAX_FRONT_MATTER = 64 * 1024
_MAX_ITEMS = 200
#: Syntax of other Markdown dialects: a table rule, a setext underline, a reference-link
#: definition, a code fence.
_FOREIGN_SYNTAX = regex.compile(
    r"(?m)^(?:[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$"
    r"|[ \t]{0,3}(?:=+|-{2,})[ \t]*$(?<=\S[^\n]*\n[^\n]*)"
    r"|[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+"
    r"|[ \t]{0,3}(?:```|~~~))")
_FOREIGN_WARNING = ("the file uses Markdown the editor does not have (tables, code blocks, "
                    "reference links or underlined headings): it was read as a web page "
                    "would show it")


def _body_markdown(body: str) -> tuple[str, list[str]]:
    """The body in Sampadak's Markdown, and warnings (see the module docstring)."""
    if not _FOREIGN_SYNTAX.search(body):
        return body, []
    html = python_markdown.markdown(body, extensions=["tables", "fenced_code", "sane_lists"],
                                    output_format="html")
    return html_to_markdown(html), [_FOREIGN_WARNING]


def _text(value: Any, key: str, name: str) -> str:
    if value is None:
        return ""
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    raise ImportRejected(f"{name}: front matter '{key}' must be text")


def _list(value: Any, key: str, name: str) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    if isinstance(value, list):
        if len(value) > _MAX_ITEMS:
            raise ImportRejected(f"{name}: front matter '{key}' has too many items")
        return value
    return [value]


def _first(meta: dict[str, Any], *keys: str) -> tuple[str, Any]:
    for key in keys:
        if key in meta and meta[key] not in (None, "", []):
            return key, meta[key]
    return keys[0], None


def _bylines(value: Any, key: str, name: str) -> tuple[BylineData, ...]:
    out = []
    for item in _list(value, key, name):
        if isinstance(item, dict):
            out.append(BylineData(*(_text(item.get(k), f"{key}.{k}", name) for k in
                                    ("name", "name_latin", "designation", "outlet"))))
        else:
            out.append(BylineData(_text(item, key, name)))
    return tuple(out)


def _date(value: Any, key: str, name: str) -> tuple[date | None, str]:
    if isinstance(value, datetime):
        return value.date(), ""
    if isinstance(value, date):
        return value, ""
    text = _text(value, key, name).strip()
    if not text:
        return None, ""
    try:
        return date.fromisoformat(text[:10]), ""
    except ValueError:
        when, warning = parse_date_words(text)
        return when, warning or ("" if when else f"front matter date '{text}' not understood")


def parse_markdown_file(text: str, source: str = "") -> ImportResult:
    """One article from Markdown text (see module contract)."""
    name = source or "the file"
    head = text.lstrip("\ufeff")
    if head.startswith("---") and len(head.split("\n---", 1)[0]) > MAX_FRONT_MATTER:
        raise ImportRejected(f"{name}: the front matter is larger than "
                             f"{MAX_FRONT_MATTER // 1024} KiB")
    handler = YAMLHandler()
    meta: Any = {}
    body = head
    if handler.detect(head):
        try:
            raw, body = handler.split(head)
            meta = handler.load(raw)
        except yaml.YAMLError as exc:
            raise ImportRejected(f"{name}: the YAML front matter is not valid: {exc}") \
                from exc
        except (ValueError, TypeError, RecursionError) as exc:
            raise ImportRejected(f"{name}: the front matter cannot be read: {exc}") from exc
        if meta is None:
            meta = {}
        if not isinstance(meta, dict):
            raise ImportRejected(f"{name}: the front matter must be a mapping of keys")
    meta = {str(k).casefold(): v for k, v in meta.items()}
    warnings: list[str] = []
    key, value = _first(meta, "title", "headline")
    headline = _text(value, key, name)
    if not headline:
        lines = body.lstrip("\n").split("\n", 1)
        if lines and lines[0].startswith("# "):
            headline = lines[0][2:].strip()
            body = lines[1] if len(lines) > 1 else ""
    key, value = _first(meta, "dek", "subtitle", "description", "summary", "excerpt")
    dek = _text(value, key, name)
    key, value = _first(meta, "bylines", "byline", "authors", "author")
    bylines = _bylines(value, key, name)
    key, value = _first(meta, "tags", "keywords")
    tags = tuple(_text(t, key, name) for t in _list(value, key, name))
    key, value = _first(meta, "category", "categories", "section")
    cats = _list(value, key, name)
    category = _text(cats[0], key, name) if cats else ""
    key, value = _first(meta, "dateline", "place", "dateline_place")
    place = _text(value, key, name)
    key, value = _first(meta, "dateline_date", "date")
    when, warning = _date(value, key, name)
    if warning:
        warnings.append(warning)
    key, value = _first(meta, "language", "lang")
    body, foreign = _body_markdown(body)
    warnings.extend(foreign)
    data = ArticleData(
        headline=headline, dek=dek, body=body.strip("\n") + "\n" if body.strip() else "",
        slug=_text(meta.get("slug"), "slug", name), category=category, dateline_place=place,
        dateline_date=when, tags=tags, bylines=bylines,
        language=_text(value, key, name) or "hi")
    subheads = tuple(line[3:].strip() for line in body.split("\n") if line.startswith("## "))
    return ImportResult(data=data, source=source, format="md", subheadings=subheads,
                        warnings=tuple(warnings),
                        uuid=_text(meta.get("uuid"), "uuid", name))
