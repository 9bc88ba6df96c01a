"""WXR 1.2: parsed by xml.etree and checked against each rule of the WordPress importer's
three parsers (SimpleXML, XML extension, line-based regex fallback)."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from editor_app.core.publish.body_html import body_html
from editor_app.core.publish.wxr import WP_STATUS, cdata, render_wxr
from tests.core.publish.fixtures import OPTIONS, golden_article, hostile_article
from tests.core.publish.safety import assert_inert, parse
from tests.core.publish.test_html import check_golden

NS = {"wp": "http://wordpress.org/export/1.2/",
      "excerpt": "http://wordpress.org/export/1.2/excerpt/",
      "content": "http://purl.org/rss/1.0/modules/content/",
      "dc": "http://purl.org/dc/elements/1.1/"}
WP_STATUSES = {"publish", "draft", "pending", "private", "future", "trash"}


def regex_reader_get_tag(text: str, tag: str) -> str:
    """What the importer's regex fallback reads for ``tag`` (first match; CDATA pieces
    joined when split around ]]>)."""
    m = re.search(rf"<{tag}.*?>(.*?)</{tag}>", text, re.S | re.I)
    if not m:
        return ""
    value = m.group(1)
    if value.startswith("<![CDATA["):
        if "]]]]><![CDATA[>" in value:
            return "".join(re.findall(r"<!\[CDATA\[(.*?)\]\]>", value, re.S))
        return re.sub(r"^<!\[CDATA\[(.*)\]\]>$", r"\1", value, flags=re.S)
    return value


def regex_reader_items(text: str) -> list[str]:
    """The regex fallback's line-based item extraction (lines right-trimmed)."""
    items: list[str] = []
    current: list[str] | None = None
    for raw in text.splitlines():
        line = raw.rstrip()
        if "<item>" in line:
            current = [line[line.index("<item>") + 6:].strip()]
            continue
        if "</item>" in line and current is not None:
            current.append(line[:line.index("</item>")].strip())
            items.append("\n".join(current))
            current = None
            continue
        if current is not None:
            current.append(line)
    return items


def namespaces(text: str) -> dict[str, str]:
    return dict(ns for _event, ns in ET.iterparse(io.StringIO(text), events=["start-ns"]))


def check_importer_rules(text: str) -> ET.Element:
    """Every rule of the importer parsers (see editor_app.core.publish.wxr)."""
    assert text.startswith('<?xml version="1.0" encoding="UTF-8" ?>')
    assert "<!DOCTYPE" not in text.upper()
    root = ET.fromstring(text)
    assert root.tag == "rss" and root.get("version") == "2.0"
    declared = namespaces(text)
    for prefix, uri in NS.items():
        assert declared[prefix] == uri
    channel = root.find("channel")
    assert channel is not None
    version = channel.findtext("wp:wxr_version", namespaces=NS)
    assert version is not None and re.fullmatch(r"\d+\.\d+", version.strip())
    assert re.search(r"^\s*<wp:wxr_version>(\d+\.\d+)</wp:wxr_version>\s*$", text, re.M)
    lines = text.splitlines()
    for tag in ("wp:author", "wp:category", "wp:tag", "wp:base_site_url", "wp:base_blog_url"):
        for line in lines:
            if f"<{tag}>" in line:
                assert f"</{tag}>" in line, f"{tag} must be on one line"
    assert all(line.strip() in ("<item>", "</item>") for line in lines
               if "<item>" in line or "</item>" in line)
    logins = {a.findtext("wp:author_login", namespaces=NS)
              for a in channel.findall("wp:author", NS)}
    cat_slugs = {c.findtext("wp:category_nicename", namespaces=NS):
                 c.findtext("wp:cat_name", namespaces=NS)
                 for c in channel.findall("wp:category", NS)}
    tag_slugs = {t.findtext("wp:tag_slug", namespaces=NS): t.findtext("wp:tag_name", namespaces=NS)
                 for t in channel.findall("wp:tag", NS)}
    assert all(cat_slugs) and all(tag_slugs)
    items = channel.findall("item")
    raw_items = regex_reader_items(text)
    assert len(raw_items) == len(items)
    for item, raw in zip(items, raw_items, strict=True):
        assert item.findtext("dc:creator", namespaces=NS) in logins
        assert item.findtext("wp:status", namespaces=NS) in WP_STATUSES
        assert item.findtext("wp:post_type", namespaces=NS) == "post"
        local = datetime.strptime(item.findtext("wp:post_date", namespaces=NS) or "",
                                  "%Y-%m-%d %H:%M:%S")
        gmt = datetime.strptime(item.findtext("wp:post_date_gmt", namespaces=NS) or "",
                                "%Y-%m-%d %H:%M:%S")
        assert local - gmt == timedelta(hours=5, minutes=30)
        assert raw.index("<wp:post_date>") < raw.index("<wp:post_date_gmt>")
        for term in item.findall("category"):
            assert list(term.attrib) == ["domain", "nicename"]
            assert term.get("nicename")
            table = cat_slugs if term.get("domain") == "category" else tag_slugs
            assert term.get("domain") in ("category", "post_tag")
            assert table[term.get("nicename")] == term.text
        regex_terms = re.findall(
            r'<category domain="([^"]+?)" nicename="([^"]+?)">(.+?)</category>', raw,
            re.S | re.I)
        assert len(regex_terms) == len(item.findall("category"))
        # the regex fallback reads the same title, content, excerpt, creator and dates
        for tag, path in (("title", "title"), ("content:encoded", "content:encoded"),
                          ("excerpt:encoded", "excerpt:encoded"), ("dc:creator", "dc:creator"),
                          ("wp:post_date", "wp:post_date"), ("wp:post_name", "wp:post_name"),
                          ("wp:status", "wp:status")):
            assert regex_reader_get_tag(raw, tag) == (item.findtext(path, namespaces=NS) or "")
    return root


def test_golden_wxr_follows_every_importer_rule_and_matches_golden() -> None:
    text = render_wxr([golden_article()], OPTIONS)
    check_importer_rules(text)
    check_golden("wxr.xml", text)


def test_fields() -> None:
    article = golden_article()
    item = ET.fromstring(render_wxr([article], OPTIONS)).find("channel/item")
    assert item is not None
    assert item.findtext("title") == article.data.headline
    assert item.findtext("content:encoded", namespaces=NS) == body_html(article)
    assert item.findtext("excerpt:encoded", namespaces=NS) == article.data.dek
    assert item.findtext("wp:post_name", namespaces=NS) == article.data.slug
    assert item.findtext("wp:post_date", namespaces=NS) == "2026-11-30 09:30:00"
    assert item.findtext("wp:post_date_gmt", namespaces=NS) == "2026-11-30 04:00:00"
    assert item.findtext("wp:status", namespaces=NS) == "publish"
    assert item.findtext("dc:creator", namespaces=NS) == "aarti-kushwaha"
    terms = [(c.get("domain"), c.get("nicename"), c.text) for c in item.findall("category")]
    assert terms == [("category", "bihar", "बिहार"), ("post_tag", "ganga", "गंगा"),
                     ("post_tag", "badh", "बाढ़"), ("post_tag", "rahat", "राहत")]


def test_many_articles_share_authors_and_terms() -> None:
    first = golden_article()
    second = replace(first, id=8, uuid="6c1d4a7f-9b62-4e1c-8b48-2a7d3f0e5b31",
                     data=replace(first.data, tags=("गंगा", "नया"), bylines=first.data.bylines[1:]))
    text = render_wxr([first, second], OPTIONS)
    root = check_importer_rules(text)
    channel = root.find("channel")
    assert channel is not None
    assert len(channel.findall("item")) == 2
    assert len(channel.findall("wp:author", NS)) == 2
    assert [t.findtext("wp:tag_slug", namespaces=NS) for t in channel.findall("wp:tag", NS)] == [
        "ganga", "badh", "rahat", "naya"]


@pytest.mark.parametrize("status", [*sorted(WP_STATUS), "unknown"])
def test_status_mapping(status: str) -> None:
    text = render_wxr([replace(golden_article(), status=status)], OPTIONS)
    item = ET.fromstring(text).find("channel/item")
    assert item is not None
    assert item.findtext("wp:status", namespaces=NS) == WP_STATUS.get(status, "draft")
    assert item.findtext("wp:status", namespaces=NS) in WP_STATUSES


@pytest.mark.parametrize("text", ["a]]>b", "]]>", "]]]]>", "x]]>]]>y", "\x00\x0bok\ufffe"])
def test_cdata_survives_every_reader(text: str) -> None:
    wrapped = f"<x>{cdata(text)}</x>"
    expected = "".join(c for c in text if c not in "\x00\x0b\ufffe")
    assert ET.fromstring(wrapped).text == expected or (expected == "" and ET.fromstring(
        wrapped).text is None)
    assert regex_reader_get_tag(wrapped, "x") == expected


def test_body_with_cdata_end_survives() -> None:
    article = golden_article()
    body = "पहले ]]> बाद में <![CDATA[ x ]]>\n"
    article = replace(article, data=replace(article.data, body=body))
    text = render_wxr([article], OPTIONS)
    check_importer_rules(text)
    item = ET.fromstring(text).find("channel/item")
    assert item is not None
    content = item.findtext("content:encoded", namespaces=NS) or ""
    assert "".join(parse(content).text) == "पहले ]]> बाद में <![CDATA[ x ]]>"


def test_hostile_wxr_is_inert() -> None:
    text = render_wxr([hostile_article(), golden_article()])
    root = check_importer_rules(text)
    for item in root.iter("item"):
        assert_inert(item.findtext("content:encoded", namespaces=NS) or "", document=False)
    # every other text is escaped HTML: nothing WordPress could render as markup
    for element in root.iter():
        if element.tag == f"{{{NS['content']}}}encoded":
            continue
        assert "<" not in (element.text or ""), (element.tag, element.text)


def test_an_embargoed_story_is_a_future_post_dated_at_the_embargo() -> None:
    until = datetime(2026, 12, 2, 4, 30, tzinfo=UTC)  # 10:00 IST
    embargoed = replace(golden_article(), status="exported", embargo_until=until)
    item = ET.fromstring(render_wxr([embargoed], OPTIONS)).find("channel/item")
    assert item is not None
    assert item.findtext("wp:status", namespaces=NS) == "future"
    assert item.findtext("wp:post_date", namespaces=NS) == "2026-12-02 10:00:00"
    assert item.findtext("wp:post_date_gmt", namespaces=NS) == "2026-12-02 04:30:00"
    # a draft with an embargo stays a draft; no embargo keeps the story's own date
    draft = ET.fromstring(render_wxr([replace(embargoed, status="draft")], OPTIONS))
    assert draft.findtext("channel/item/wp:status", namespaces=NS) == "draft"
    plain = ET.fromstring(render_wxr([replace(embargoed, embargo_until=None)], OPTIONS))
    assert plain.findtext("channel/item/wp:status", namespaces=NS) == "publish"
    assert plain.findtext("channel/item/wp:post_date", namespaces=NS) != "2026-12-02 10:00:00"
