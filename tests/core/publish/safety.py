"""Checks that an exported HTML text has nothing active or remote in it."""

from __future__ import annotations

import json
from html.parser import HTMLParser

ACTIVE_TAGS = {"script", "iframe", "object", "embed", "link", "svg", "math", "form",
               "input", "button", "base", "frame", "frameset", "applet", "audio", "video",
               "source", "style", "meta"}


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[str] = []
        self.script_text: list[str] = []
        self.style_text: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        if tag not in {"meta", "link", "img", "br"}:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        where = self.stack[-1] if self.stack else ""
        if where == "script":
            self.script_text.append(data)
        elif where == "style":
            self.style_text.append(data)
        else:
            self.text.append(data)


def parse(html_text: str) -> _Collector:
    collector = _Collector()
    collector.feed(html_text)
    collector.close()
    return collector


def assert_inert(html_text: str, *, document: bool, stylesheet: str = "") -> _Collector:
    """Fail when anything in ``html_text`` could run script or load a remote resource.

    A document may have exactly one ``<script type="application/ld+json">`` (valid JSON),
    one ``<style>`` (our stylesheet, given) and its own ``<meta>``/``<link rel=canonical>``;
    a fragment none of them.
    """
    page = parse(html_text)
    scripts = [a for t, a in page.elements if t == "script"]
    styles = [a for t, a in page.elements if t == "style"]
    if document:
        assert scripts == [{"type": "application/ld+json"}], scripts
        assert len(page.script_text) == 1
        json.loads(page.script_text[0])
        assert len(styles) == 1 and "".join(page.style_text).strip() == stylesheet.strip()
    for tag, attrs in page.elements:
        if document and tag in {"script", "style", "meta"}:
            continue
        if document and tag == "link":
            assert attrs.get("rel") == "canonical", attrs
            continue
        assert tag not in ACTIVE_TAGS, (tag, attrs)
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name, value)
            assert name != "style", (tag, attrs)
            if name in {"src", "srcset", "poster", "data", "action", "formaction",
                        "background", "xlink:href"}:
                assert tag == "img" and name == "src" and value and value.startswith(
                    "images/") and "/" not in value[7:] and ":" not in value, (tag, attrs)
            if name == "href":
                assert value and value.lower().startswith(("https://", "http://",
                                                           "mailto:")), (tag, attrs)
    for tag, attrs in page.elements:
        if tag == "meta":
            content = (attrs.get("content") or "").lower()
            assert attrs.get("http-equiv") is None, attrs
            if attrs.get("property") == "og:image":
                assert content.startswith("images/"), attrs
    assert "url(" not in "".join(page.style_text).replace(stylesheet, "")
    return page
