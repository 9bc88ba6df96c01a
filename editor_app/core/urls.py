"""Which link targets and image references may enter an article.

Contract: :func:`safe_href` returns the href unchanged when it is relative or uses
``http``, ``https``, ``mailto`` or ``tel``; anything else (``javascript:``, ``data:``,
``file:``, ``vbscript:``, …) gives ``None`` — the link text is kept, the link is dropped.
:func:`is_article_image` is true only for the article's own images (``asset:<id>``): pasted
web images never enter a story without an uploaded file, caption and credit.
"""

from __future__ import annotations

import regex

__all__ = ["SAFE_SCHEMES", "is_article_image", "safe_href"]

SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
_SCHEME_RE = regex.compile(r"\s*([A-Za-z][A-Za-z0-9+.\-]*)\s*:")


def safe_href(href: str | None) -> str | None:
    """``href`` when it is safe to keep as a link (see module contract), else ``None``."""
    if not href or not href.strip():
        return None
    cleaned = "".join(ch for ch in href if ch >= " " and ch != "\x7f")  # no control chars
    match = _SCHEME_RE.match(cleaned)
    if match and match.group(1).lower() not in SAFE_SCHEMES:
        return None
    return cleaned.strip()


def is_article_image(ref: str) -> bool:
    """True for ``asset:<id>`` references."""
    prefix, _, rest = ref.partition(":")
    return prefix == "asset" and rest.isdigit()
