"""Article body → safe HTML, rendered from the canonical Markdown model, then sanitised.

Why not Python-Markdown: the canonical body is defined by the core Markdown model (its
parser is what the editor, the CLI and the store agree on). Python-Markdown reads some
canonical text differently (it shows ``&`` for the canonical ``\\&amp;``, whose text is
``&amp;``; it also knows syntax the model does not, e.g. raw HTML and reference links), so
its HTML would not show what the editor shows. Rendering the parsed model gives exactly the
editor's text; every text node is escaped here and the result still goes through nh3 with
an allow-list (:func:`sanitize`), so a bug in this renderer cannot let markup through.

Contract of :func:`body_html` (deterministic, same input → same bytes):

- ``## x``/``### x`` → ``<h2>``/``<h3>``; paragraphs ``<p>``; runs of bullet or numbered
  items one ``<ul>``/``<ol>``; quotes ``<blockquote><p>``; strong/emphasis
  ``<strong>``/``<em>``.
- Links only to ``http:``, ``https:`` and ``mailto:`` (``rel="noopener noreferrer"``); any
  other target (``javascript:``, ``data:``, relative) leaves the text without a link.
- ``![alt](asset:ID "caption | credit")`` of this article's image → ``<figure><img
  src="images/<n>-<name>" alt=...><figcaption>caption <span class="credit">credit</span>``.
  Any other image reference (remote URL, another article's asset) renders no ``<img>``:
  nothing is ever loaded from outside the export.
- No ``style`` attribute, no script, no event handler survives: nh3 removes what is not on
  the allow-list, and an ``img src`` must be a plain relative ``images/<file>`` path.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Iterable

import nh3
import regex

from editor_app.core.publish.markdown import (
    BlockKind,
    ImageBlock,
    Run,
    TextBlock,
    parse_markdown,
)
from editor_app.core.publish.source import PublishArticle

__all__ = ["ALLOWED_TAGS", "LINK_SCHEMES", "body_html", "body_text", "safe_link", "sanitize"]

log = logging.getLogger(__name__)

LINK_SCHEMES = frozenset({"http", "https", "mailto"})
ALLOWED_TAGS = frozenset({"p", "h1", "h2", "h3", "ul", "ol", "li", "blockquote", "strong",
                          "em", "a", "figure", "figcaption", "img", "span", "br", "header",
                          "div", "time", "aside"})
_ATTRIBUTES = {
    "a": {"href"},
    "img": {"src", "alt"},
    "span": {"class"},
    "p": {"class"},
    "div": {"class"},
    "header": {"class"},
    "aside": {"class"},
    "figure": {"class"},
    "time": {"datetime"},
}
_IMAGE_SRC = regex.compile(r"images/[\p{L}\p{M}\p{Nd}._-]+")
_CLASS = regex.compile(r"[a-z][a-z0-9-]*(?: [a-z][a-z0-9-]*)*")
_SCHEME = regex.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")


def safe_link(href: str | None) -> str | None:
    """``href`` when it is an absolute http(s)/mailto URL without control characters."""
    if not href or regex.search(r"[\p{Cc}\s<>\"'`]", href):
        return None
    match = _SCHEME.match(href)
    if not match or match.group(1).lower() not in LINK_SCHEMES:
        return None
    if match.group(1).lower() != "mailto" and not href[match.end():].startswith("//"):
        return None
    return href


def _filter_attribute(element: str, attribute: str, value: str) -> str | None:
    if element == "img" and attribute == "src":
        return value if _IMAGE_SRC.fullmatch(value) else None
    if element == "a" and attribute == "href":
        return safe_link(value)
    if attribute == "class":
        return value if _CLASS.fullmatch(value) else None
    return value


def sanitize(fragment: str) -> str:
    """Clean ``fragment`` with nh3 against the publishing allow-list (see module doc)."""
    return nh3.clean(
        fragment, tags=set(ALLOWED_TAGS), attributes={k: set(v) for k, v in _ATTRIBUTES.items()},
        url_schemes=set(LINK_SCHEMES), link_rel="noopener noreferrer", strip_comments=True,
        attribute_filter=_filter_attribute, clean_content_tags={"script", "style"})


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _inline(runs: Iterable[Run]) -> str:
    parts: list[str] = []
    for run in runs:
        text = _esc(run.text)
        if run.emphasis:
            text = f"<em>{text}</em>"
        if run.strong:
            text = f"<strong>{text}</strong>"
        href = safe_link(run.href)
        if href:
            # neighbours with the same target share one <a>
            if parts and parts[-1].startswith(f'<a href="{_esc(href)}">'):
                parts[-1] = parts[-1][:-4] + text + "</a>"
                continue
            text = f'<a href="{_esc(href)}">{text}</a>'
        parts.append(text)
    return "".join(parts)


def _figure(block: ImageBlock, article: PublishArticle) -> str:
    image = article.image_for_ref(block.ref)
    caption = block.caption or (image.caption if image else "")
    credit = block.credit or (image.credit if image else "")
    alt = block.alt or (image.alt_text if image else "")
    inner = []
    if image is not None:
        inner.append(f'<img src="{_esc(image.entry)}" alt="{_esc(alt)}">')
    else:
        log.warning("article %s: image %r is not one of its images; left out",
                    article.uuid, block.ref)
    if caption or credit:
        text = _esc(caption)
        if credit:
            text += (" " if caption else "") + f'<span class="credit">{_esc(credit)}</span>'
        inner.append(f"<figcaption>{text}</figcaption>")
    if not inner:
        return ""
    return "<figure>" + "".join(inner) + "</figure>"


_TAG = {BlockKind.PARAGRAPH: "p", BlockKind.HEADING2: "h2", BlockKind.HEADING3: "h3"}


def render_blocks(article: PublishArticle) -> str:
    """Unsanitised HTML of the article body, one block per line (see :func:`body_html`)."""
    lines: list[str] = []
    open_list: str | None = None
    for block in parse_markdown(article.data.body):
        list_tag = None
        if isinstance(block, TextBlock) and block.kind in (BlockKind.BULLET,
                                                           BlockKind.NUMBERED):
            list_tag = "ul" if block.kind is BlockKind.BULLET else "ol"
        if open_list and list_tag != open_list:
            lines.append(f"</{open_list}>")
            open_list = None
        if isinstance(block, ImageBlock):
            figure = _figure(block, article)
            if figure:
                lines.append(figure)
            continue
        inline = _inline(block.runs)
        if list_tag:
            if open_list is None:
                lines.append(f"<{list_tag}>")
                open_list = list_tag
            lines.append(f"<li>{inline}</li>")
        elif block.kind is BlockKind.QUOTE:
            lines.append(f"<blockquote><p>{inline}</p></blockquote>")
        else:
            tag = _TAG[block.kind]
            lines.append(f"<{tag}>{inline}</{tag}>")
    if open_list:
        lines.append(f"</{open_list}>")
    return "\n".join(lines)


def body_html(article: PublishArticle) -> str:
    """Sanitised HTML of the body (see the module contract)."""
    return sanitize(render_blocks(article))


def body_text(article: PublishArticle) -> str:
    """Plain text of the body: one block per paragraph, blank lines between, captions of
    images in brackets; no markup."""
    parts: list[str] = []
    for block in parse_markdown(article.data.body):
        if isinstance(block, ImageBlock):
            image = article.image_for_ref(block.ref)
            caption = block.caption or (image.caption if image else "")
            if caption:
                parts.append(f"[{caption}]")
        else:
            prefix = "• " if block.kind is BlockKind.BULLET else ""
            parts.append(prefix + block.text)
    return "\n\n".join(parts)
