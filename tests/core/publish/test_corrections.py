"""Corrections and embargoes in every export format (issue 11 item 8)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime

from editor_app.core.publish import html as publish_html
from editor_app.core.publish.ninjs import render_ninjs, to_ninjs
from editor_app.core.publish.source import correction_text
from editor_app.core.publish.wxr import render_wxr
from tests.core.publish.fixtures import OPTIONS, golden_article
from tests.core.publish.test_html import check_golden
from tests.core.publish.test_ninjs import assert_valid
from tests.core.publish.test_wxr import NS, check_importer_rules

NOTE = "राहत शिविरों की संख्या 42 है, 24 नहीं"
# 1 December 2026 00:30 IST is still 30 November in UTC: the date printed is IST's
AT = datetime(2026, 11, 30, 19, 0, tzinfo=UTC)
LINE = "सुधार: राहत शिविरों की संख्या 42 है, 24 नहीं, updated 1 December 2026"


def corrected():
    return replace(golden_article(), correction_note=NOTE, corrected_at=AT)


def test_correction_text():
    assert correction_text(NOTE, AT) == LINE
    assert correction_text("  ", AT) == ""
    assert correction_text("एक  पंक्ति\n", None) == "सुधार: एक पंक्ति"


def test_html_document_and_fragments_print_the_correction():
    document = publish_html.render_document(corrected(), OPTIONS)
    assert f'<p class="correction">{LINE}</p>' in document
    assert document.index("correction\">") < document.index('<div class="article-body">')
    for header in (False, True):
        fragment = publish_html.render_fragment(corrected(), OPTIONS, with_header=header)
        assert f'<p class="correction">{LINE}</p>' in fragment
    check_golden("corrected-fragment-with-header.html",
                 publish_html.render_fragment(corrected(), OPTIONS, with_header=True))
    plain = publish_html.render_document(golden_article(), OPTIONS)
    assert 'class="correction"' not in plain.split("</style>")[1]


def test_correction_is_escaped():
    hostile = replace(golden_article(), correction_note="<script>alert(1)</script>",
                      corrected_at=AT)
    document = publish_html.render_document(hostile, OPTIONS)
    assert "<script>alert" not in document and "&lt;script&gt;alert" in document
    text = render_wxr([hostile], OPTIONS)
    assert "<script>alert" not in text.split("<content:encoded>")[1].split("]]>")[0]


def test_ninjs_carries_correction_and_embargo_and_stays_valid():
    embargo = datetime(2026, 12, 2, 4, 30, tzinfo=UTC)
    value = to_ninjs(replace(corrected(), embargo_until=embargo), OPTIONS)
    assert value["ednote"] == LINE
    assert value["embargoed"] == "2026-12-02T10:00:00+05:30"
    assert_valid(value)
    check_golden("corrected-ninjs.json", render_ninjs(corrected(), OPTIONS))
    plain = json.loads(render_ninjs(golden_article(), OPTIONS))
    assert "ednote" not in plain and "embargoed" not in plain


def test_wxr_content_starts_with_the_correction():
    text = render_wxr([corrected()], OPTIONS)
    root = check_importer_rules(text)
    content = root.find("channel/item/content:encoded", NS)
    assert content is not None and content.text is not None
    assert content.text.startswith(f'<p class="correction">{LINE}</p>\n')
