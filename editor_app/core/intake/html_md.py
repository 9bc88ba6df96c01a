"""HTML fragments (WordPress bodies, Word output) to canonical-style Markdown.

Contract: :func:`html_to_markdown` first sanitises with nh3's allow-list (scripts, styles,
event handlers and unknown tags are gone before anything reads the text), then converts with
markdownify: paragraphs, ``##``/``###`` headings (an ``h1`` becomes ``##``: the headline is
not part of the body), bold, italic, links, lists, blockquotes, and images as
``![alt](src "caption")`` where a ``figure``'s ``figcaption`` becomes the caption. Markdown
characters in the text are escaped. :func:`check_inline_data` refuses ``data:`` URIs larger
than :data:`MAX_INLINE_DATA_BYTES` before any parsing.
"""

from __future__ import annotations

import logging

import nh3
import regex
from bs4 import BeautifulSoup
from markdownify import markdownify

from editor_app.core.errors import ImportRejected

__all__ = ["MAX_INLINE_DATA_BYTES", "check_inline_data", "html_to_markdown", "wpautop"]

log = logging.getLogger(__name__)

#: Largest ``data:`` URI accepted inside HTML (a photo is ~0.5 MB as base64).
MAX_INLINE_DATA_BYTES = 2 * 1024 * 1024

_TAGS = {"p", "br", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i", "a", "ul",
         "ol", "li", "blockquote", "figure", "figcaption", "img", "div", "section", "span",
         "article"}
_ATTRS = {"a": {"href"}, "img": {"src", "alt", "title"}}
_DATA_URI = regex.compile(rb"data:[a-zA-Z0-9.+/-]{0,80}(?:;[a-zA-Z0-9=.+-]{0,40})*,")
_URI_END = regex.compile(rb"[\"')\s>]")
_BLOCK_TAG = regex.compile(r"<(?:p|div|h[1-6]|ul|ol|blockquote|figure|table)\b", regex.I)


def check_inline_data(data: bytes, name: str) -> None:
    """Raise :class:`ImportRejected` when an inline ``data:`` URI in ``data`` is larger
    than the limit (the message gives its size)."""
    for match in _DATA_URI.finditer(data):
        end = _URI_END.search(data, match.end())
        size = (end.start() if end else len(data)) - match.start()
        if size > MAX_INLINE_DATA_BYTES:
            raise ImportRejected(
                f"{name} holds an inline data: image of {size / (1024 * 1024):.1f} MiB; "
                f"inline images may be at most {MAX_INLINE_DATA_BYTES // (1024 * 1024)} MiB "
                "(save the image as its own file)")


def wpautop(html: str) -> str:
    """WordPress bodies without block tags use blank lines for paragraphs: wrap them."""
    if _BLOCK_TAG.search(html):
        return html
    parts = [p.strip() for p in regex.split(r"\n\s*\n", html) if p.strip()]
    return "".join(f"<p>{p.replace(chr(10), '<br>')}</p>" for p in parts)


def html_to_markdown(html: str) -> str:
    """Markdown of an HTML fragment (see module contract); ends with one newline or is
    empty."""
    clean = nh3.clean(html, tags=_TAGS, attributes=_ATTRS, link_rel=None,
                      url_schemes={"http", "https", "mailto", "asset"})
    soup = BeautifulSoup(clean, "html.parser")
    for figure in soup.find_all("figure"):
        img = figure.find("img")
        caption = figure.find("figcaption")
        if img is not None and caption is not None:
            img["title"] = caption.get_text(" ", strip=True)
            caption.decompose()
    for h1 in soup.find_all("h1"):
        h1.name = "h2"
    for deep in soup.find_all(["h4", "h5", "h6"]):
        deep.name = "h3"
    text = markdownify(str(soup), heading_style="ATX", bullets="-", escape_misc=True,
                       strong_em_symbol="*")
    text = regex.sub(r"[ \t]+\n", "\n", text)
    text = regex.sub(r"\n{3,}", "\n\n", text).strip()
    # An image gets its own block.
    text = regex.sub(r"(?<=\S)[ \t]*(!\[[^\]\n]*\]\([^)\n]*\))", r"\n\n\1", text)
    text = regex.sub(r"(!\[[^\]\n]*\]\([^)\n]*\))[ \t]*(?=\S)", r"\1\n\n", text)
    return text + "\n" if text else ""
