"""Publishing: what leaves Sampadak (HTML, fragment, bundle, ninjs, WXR), rendered in core.

No Qt here. :mod:`.source` gathers one article into a :class:`~.source.PublishArticle`;
the renderers (:mod:`.html`, :mod:`.ninjs`, :mod:`.wxr`, :mod:`.bundle`) turn it into
bytes; :mod:`.export` runs batches that leave nothing half-written.
"""
