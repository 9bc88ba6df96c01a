"""Plain text as canonical Markdown: escape what Markdown would read as markup."""

from __future__ import annotations

import regex

__all__ = ["escape_block", "escape_inline"]

_INLINE = regex.compile(r"([\\`*_\[\]<>])")
_BLOCK_START = regex.compile(r"^(\s*)([#>+\-=|]|\d{1,9}[.)])(?=\s|$)")


def escape_inline(text: str) -> str:
    """``text`` with Markdown's inline markup characters backslash-escaped."""
    return _INLINE.sub(r"\\\1", text)


def escape_block(text: str) -> str:
    """One paragraph of plain text as Markdown: inline escapes plus an escaped block
    marker at the start (``#``, ``>``, ``-``, ``1.``), so it stays a paragraph."""
    escaped = escape_inline(text)
    match = _BLOCK_START.match(escaped)
    if match:
        marker = match.group(2)
        fixed = (marker[:-1] + "\\" + marker[-1]) if marker[0].isdigit() else "\\" + marker
        escaped = match.group(1) + fixed + escaped[match.end():]
    return escaped
