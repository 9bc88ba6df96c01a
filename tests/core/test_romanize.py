"""Devanagari -> Latin for slugs, with Hindi schwa deletion."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from editor_app.core.text.romanize import romanize, slugify


@pytest.mark.parametrize(("hindi", "latin"), [
    ("भारत", "bharat"), ("समाचार", "samachar"), ("सरकार", "sarkar"), ("कमल", "kamal"),
    ("प्रधानमंत्री", "pradhanmantri"), ("संपादक", "sampadak"), ("दिल्ली", "dilli"),
    ("मुंबई", "mumbai"), ("मित्र", "mitra"), ("क्षेत्रीय", "kshetriya"), ("चर्चा", "charcha"),
    ("छात्र", "chhatra"), ("ज़्यादा", "zyada"), ("सड़क", "sadak"), ("बाढ़", "badh"),
    ("समझना", "samajhna"), ("ऑफ़िस", "ofis"), ("हँसी", "hansi"),
])
def test_romanize_words(hindi, latin):
    assert romanize(hindi) == latin


def test_slug_from_headline():
    assert slugify("इस्लामाबाद में रूस और पाकिस्तान की बैठक") == (
        "islamabad-men-rus-aur-pakistan-ki-baithak")
    assert slugify("PM मोदी: 2024 का बजट!") == "pm-modi-2024-ka-bajat"
    assert slugify("।।") == "article"
    assert len(slugify("बहुत लंबा शीर्षक " * 30)) <= 80


@given(st.text(alphabet=st.characters(min_codepoint=0x0900, max_codepoint=0x097F) | st.just(" ")
               | st.sampled_from("abc-123"), max_size=40))
def test_slug_is_always_url_safe(text):
    slug = slugify(text)
    assert slug and all(c.isascii() and (c.isalnum() or c == "-") for c in slug)
    assert slug == slug.lower()
