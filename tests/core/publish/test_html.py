"""Publish HTML: golden files, structure, JSON-LD and hostile content."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import pytest

from editor_app.core.publish import html as publish_html
from editor_app.core.publish.body_html import body_text, safe_link
from editor_app.core.publish.source import PublishOptions
from tests.core.publish.fixtures import (
    EVIL,
    HOSTILE_TEXT,
    OPTIONS,
    golden_article,
    hostile_article,
)
from tests.core.publish.safety import assert_inert, parse

GOLDEN = Path(__file__).resolve().parents[2] / "data" / "golden" / "publish"
#: Set SAMPADAK_REGENERATE_GOLDEN=1 to rewrite the golden files on purpose (then review
#: the diff); normally they are only compared.
REGENERATE = os.environ.get("SAMPADAK_REGENERATE_GOLDEN") == "1"


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if REGENERATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == text, f"{name} differs from its golden file"


def stylesheet() -> str:
    return publish_html.stylesheet_text()


def test_document_matches_golden() -> None:
    check_golden("article.html", publish_html.render_document(golden_article(), OPTIONS))


def test_fragments_match_golden() -> None:
    article = golden_article()
    check_golden("fragment.html", publish_html.render_fragment(article, OPTIONS))
    check_golden("fragment-with-header.html",
                 publish_html.render_fragment(article, OPTIONS, with_header=True))


def test_output_is_deterministic() -> None:
    a = publish_html.render_document(golden_article(), OPTIONS)
    b = publish_html.render_document(golden_article(), OPTIONS)
    assert a == b


def test_document_head_carries_the_metadata() -> None:
    page = parse(publish_html.render_document(golden_article(), OPTIONS))
    html_tag = next(a for t, a in page.elements if t == "html")
    assert html_tag["lang"] == "hi"
    metas = [a for t, a in page.elements if t == "meta"]
    assert {"charset": "utf-8"} in metas
    assert {"name": "viewport", "content": "width=device-width, initial-scale=1"} in metas
    props = {a.get("property") or a.get("name"): a.get("content") for a in metas}
    article = golden_article()
    assert props["description"] == article.data.dek
    assert props["og:title"] == article.data.headline
    assert props["og:url"] == ("https://samachar.example.in/news/"
                               "patna-ganga-khatre-ke-nishan-ke-paar")
    assert props["article:published_time"] == "2026-11-30T09:30:00+05:30"
    canonical = next(a for t, a in page.elements if t == "link")
    assert canonical == {"rel": "canonical", "href": props["og:url"]}
    ld = json.loads(page.script_text[0])
    assert ld["@type"] == "NewsArticle" and ld["inLanguage"] == "hi"
    assert ld["headline"] == article.data.headline
    assert [a["name"] for a in ld["author"]] == ["आरती कुशवाहा", "रवि प्रकाश"]
    assert ld["author"][0]["jobTitle"] == "वरिष्ठ संवाददाता"
    assert ld["publisher"] == {"@type": "Organization", "name": "समाचार दर्पण"}
    assert ld["datePublished"] == "2026-11-30T09:30:00+05:30"
    assert ld["dateModified"] == "2026-11-30T12:00:15+05:30"
    assert ld["image"] == ["images/0-naksha_diyara.png", "images/1-shivir.jpg"]


def test_body_structure() -> None:
    page = parse(publish_html.render_fragment(golden_article(), OPTIONS))
    tags = [t for t, _ in page.elements]
    for tag in ("p", "h2", "h3", "ul", "ol", "li", "blockquote", "strong", "em", "a",
                "figure", "figcaption", "img"):
        assert tag in tags, tag
    imgs = [a for t, a in page.elements if t == "img"]
    assert imgs == [{"src": "images/0-naksha_diyara.png", "alt": "बाढ़ प्रभावित गांव का नक्शा"},
                    {"src": "images/1-shivir.jpg",
                     "alt": "राहत शिविर में भोजन बांटते स्वयंसेवक"}]
    text = "".join(page.text)
    assert "ग्राफिक: संपादक डेस्क" in text and "फोटो: रवि प्रकाश" in text
    # the canonical text of \&amp; is "&amp;", and that is what the page shows
    assert "स्थिति पर &amp; 24 घंटे" in text


def test_header_has_bylines_with_designation_outlet_and_dateline() -> None:
    fragment = publish_html.render_fragment(golden_article(), OPTIONS, with_header=True)
    assert ('<p class="byline"><span class="name">आरती कुशवाहा</span>, <span class="designation">'
            'वरिष्ठ संवाददाता</span>, <span class="outlet">समाचार दर्पण</span></p>') in fragment
    assert ('<p class="dateline"><span class="place">पटना</span>, '
            '<time datetime="2026-11-30">30 नवंबर 2026</time></p>') in fragment
    assert "<h1>" not in publish_html.render_fragment(golden_article(), OPTIONS)


def test_canonical_without_site_url_is_the_slug() -> None:
    assert publish_html.canonical_url(golden_article(), PublishOptions()) == (
        "patna-ganga-khatre-ke-nishan-ke-paar")


def test_plain_text_of_body() -> None:
    text = body_text(golden_article())
    assert "<" not in text and "**" not in text
    assert text.startswith("पटना में गंगा का जलस्तर खतरे के निशान से ऊपर")
    assert "[शिविर में भोजन वितरण]" in text


@pytest.mark.parametrize("href,ok", [
    ("https://x.example/a", True), ("http://x.example", True), ("mailto:a@b.in", True),
    ("javascript:alert(1)", False), ("JAVASCRIPT:alert(1)", False), ("data:text/html,x", False),
    ("//evil.example/x", False), ("images/x.png", False), ("https:evil", False),
    ("https://x.example/\"onmouseover=", False), (" javascript:x", False), (None, False)])
def test_safe_link(href: str | None, ok: bool) -> None:
    assert (safe_link(href) is not None) is ok


def test_hostile_document_is_inert() -> None:
    article = hostile_article()
    document = publish_html.render_document(article)
    page = assert_inert(document, document=True, stylesheet=stylesheet())
    ld = json.loads(page.script_text[0])
    assert ld["headline"] == HOSTILE_TEXT  # exact, and it never closed the script element
    assert document.count("</script>") == 1
    assert "evil.example/h.png" not in "".join(
        str(a) for t, a in page.elements if t == "img")
    assert EVIL + "/page" in document  # an ordinary https link stays a link
    title = document.split("<title>")[1].split("</title>")[0]
    assert "&lt;/script&gt;" in title
    canonical = next(a for t, a in page.elements if t == "link")
    assert ":" not in (canonical["href"] or "")  # the slug cannot become javascript:


def test_hostile_fragments_are_inert() -> None:
    for header in (False, True):
        fragment = publish_html.render_fragment(hostile_article(), with_header=header)
        assert_inert(fragment, document=False)


def test_hostile_image_falls_back_to_own_image_only() -> None:
    fragment = publish_html.render_fragment(hostile_article())
    imgs = [a for t, a in parse(fragment).elements if t == "img"]
    assert imgs == [{"src": "images/0-evil_script_.png", "alt": "own"}]


def test_hostile_checker_catches_an_active_page() -> None:
    """The checker itself fails on what it must catch (so the tests above can fail)."""
    for bad in ('<p onclick="x">a</p>', '<img src="https://evil.example/x">',
                '<a href="javascript:x">a</a>', "<script>x</script>",
                '<p style="background:url(x)">a</p>', '<img src="data:image/png;base64,x">'):
        with pytest.raises(AssertionError):
            assert_inert(bad, document=False)


def test_fragment_option_default_comes_from_options() -> None:
    options = replace(OPTIONS, fragment_with_header=True)
    assert "<h1>" in publish_html.render_fragment(golden_article(), options)
