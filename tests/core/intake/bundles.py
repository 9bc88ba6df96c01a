"""Test helper: the field bundle of a stored article, written by the real exporter
(``core.publish.bundle.export_bundle``), so import tests run against what export writes."""

from __future__ import annotations

from pathlib import Path

from editor_app.core.articles import ArticleService
from editor_app.core.publish.bundle import export_bundle as write_article_bundle
from editor_app.core.publish.source import load_article


def export_bundle(service: ArticleService, article_id: int, path: Path) -> Path:
    """Write ``path`` from the article's record, revisions and images; return it."""
    write_article_bundle(load_article(service, article_id), path)
    return path
