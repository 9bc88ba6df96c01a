"""Publishing: what leaves Sampadak (HTML, fragment, bundle, ninjs, WXR), rendered in core.

No Qt here. :mod:`.source` gathers one article into a :class:`~.source.PublishArticle`;
the renderers (:mod:`.html`, :mod:`.ninjs`, :mod:`.wxr`, :mod:`.bundle`) turn it into
bytes; :mod:`.export` runs batches that leave nothing half-written.
"""

from __future__ import annotations

__all__ = ["FORMATS"]

#: Export formats (kept here, import-light, so the CLI parser needs nothing else).
FORMATS = ("html", "fragment", "bundle", "ninjs", "wxr", "pdf")
