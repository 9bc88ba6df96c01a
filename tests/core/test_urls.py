"""Safe link targets and article-image references."""

from __future__ import annotations

import pytest

from editor_app.core.urls import is_article_image, safe_href


@pytest.mark.parametrize("href", ["https://example.in/a?b=1", "http://x.in", "mailto:desk@x.in",
                                  "tel:+911234", "/news/123", "report.pdf#page=2"])
def test_safe(href):
    assert safe_href(href) == href


@pytest.mark.parametrize("href", ["javascript:alert(1)", " JavaScript:alert(1)",
                                  "java\nscript:alert(1)", "data:text/html,x", "file:///etc/passwd",
                                  "vbscript:x", "", None, "   "])
def test_unsafe(href):
    assert safe_href(href) is None


def test_article_images():
    assert is_article_image("asset:12")
    assert not is_article_image("http://evil.example/x.png")
    assert not is_article_image("asset:../x")
