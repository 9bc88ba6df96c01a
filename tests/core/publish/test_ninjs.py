"""ninjs 2.2: valid against the IPTC schema (formats checked), mapping, golden file."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from editor_app.core.publish.ninjs import render_ninjs, to_ninjs
from tests.core.publish.fixtures import OPTIONS, golden_article, hostile_article
from tests.core.publish.safety import assert_inert
from tests.core.publish.test_html import check_golden

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "data" / "schemas" / "ninjs-schema_2.2.json"


def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def assert_valid(value: dict[str, Any]) -> None:
    errors = sorted(validator().iter_errors(value), key=str)
    assert not errors, [e.message for e in errors]


def test_format_checks_are_active() -> None:
    """The validator would catch a bad date-time or a relative uri (rfc3339/rfc3986)."""
    good = to_ninjs(golden_article(), OPTIONS)
    for key, bad in (("versioncreated", "2026-11-30 09:30"), ("uri", "not a uri")):
        with pytest.raises(jsonschema.ValidationError):
            validator().validate({**good, key: bad})
    with pytest.raises(jsonschema.ValidationError):
        validator().validate({**good, "invented": 1})


def test_golden_ninjs_is_valid_and_matches_golden() -> None:
    text = render_ninjs(golden_article(), OPTIONS)
    assert_valid(json.loads(text))
    check_golden("ninjs.json", text)


def test_mapping() -> None:
    article = golden_article()
    value = to_ninjs(article, OPTIONS)
    assert value["uri"] == f"urn:uuid:{article.uuid}"
    assert value["language"] == "hi" and value["version"] == "2"
    assert value["pubstatus"] == "usable"
    assert value["firstcreated"] == "2026-11-30T09:30:00+05:30"
    assert value["versioncreated"] == "2026-11-30T12:00:15+05:30"
    assert value["headlines"][0]["value"] == article.data.headline
    assert value["descriptions"][0]["value"] == article.data.dek
    html_body, text_body = value["bodies"]
    assert html_body["contenttype"] == "text/html" and "<h2>" in html_body["value"]
    assert text_body["contenttype"] == "text/plain" and "<" not in text_body["value"]
    assert value["by"] == ("आरती कुशवाहा, वरिष्ठ संवाददाता, समाचार दर्पण; "
                           "रवि प्रकाश, फोटो पत्रकार")
    assert {s["name"] for s in value["subjects"]} == {"गंगा", "बाढ़", "राहत", "बिहार"}
    assert value["slugline"] == article.data.slug
    assert value["located"] == "पटना"
    pictures = value["associations"]
    assert [p["renditions"][0]["title"] for p in pictures] == [
        "images/0-naksha_diyara.png", "images/1-shivir.jpg"]
    assert pictures[1]["by"] == "फोटो: रवि प्रकाश"
    assert len({p["uri"] for p in pictures}) == 2


@pytest.mark.parametrize("status,expected", [("draft", "withheld"), ("in_copy_edit", "withheld"),
                                             ("approved", "usable"), ("spiked", "canceled")])
def test_pubstatus(status: str, expected: str) -> None:
    value = to_ninjs(replace(golden_article(), status=status), OPTIONS)
    assert value["pubstatus"] == expected
    assert_valid(value)


def test_hostile_ninjs_is_valid_and_its_html_is_inert() -> None:
    value = json.loads(render_ninjs(hostile_article()))
    assert_valid(value)
    assert_inert(value["bodies"][0]["value"], document=False)
    assert value["headlines"][0]["value"] == hostile_article().data.headline


def test_minimal_article_is_valid() -> None:
    article = golden_article()
    bare = replace(article, data=replace(article.data, dek="", bylines=(), tags=(),
                                         category="", slug="", dateline_place=""),
                   images=(), revisions=())
    assert_valid(to_ninjs(bare))
