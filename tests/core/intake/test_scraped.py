"""Scraped web text: four site layouts of our own, checked field by field, plus the
real sample beside the repository when it is there."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from editor_app.core.article_data import BylineData
from editor_app.core.intake.dateline import split_dateline
from editor_app.core.intake.decode import decode_text
from editor_app.core.intake.result import RelatedLink
from editor_app.core.intake.scraped import parse_byline_parts, parse_scraped
from tests.conftest import _shared_sample

DATA = Path(__file__).resolve().parents[2] / "data" / "intake" / "scraped"
TODAY = date(2024, 12, 1)


def _load(name: str):
    return parse_scraped(decode_text((DATA / name).read_bytes()), name, today=TODAY)


def test_site_a_portal_breadcrumb_pipe_byline_agency_dateline_tag_line():
    r = _load("site-a-portal-hi.txt")
    d = r.data
    assert d.headline.startswith("संसद के मानसून सत्र में जल संरक्षण विधेयक पेश")
    assert d.bylines == (BylineData("नेहा वर्मा", "", "", "समाचार डेस्क"),)
    assert (d.dateline_place, d.dateline_date, r.agency) == ("नई दिल्ली", date(2024, 6, 12),
                                                             "भाषा")
    assert not r.warnings  # the year came from the "प्रकाशित" stamp
    assert d.body.startswith("केंद्र सरकार ने बुधवार को")
    assert "## राज्यों की भूमिका पर सवाल" in d.body
    assert d.tags == ("जल संरक्षण", "लोकसभा", "मानसून सत्र")
    assert r.suggested_tags == ()
    assert r.related == (RelatedLink("मानसून की पहली बारिश से दिल्ली में जलभराव",
                                     "https://example-portal.in/delhi/jalbharav-123"),)
    for gone in ("होम »", "प्रकाशित", "पढ़ें", "टैग", "शेयर करें", "ताज़ा", "बिहार में बाढ़",
                 "©", "सर्वाधिकार"):
        assert gone not in d.body, gone
    assert "बिहार में बाढ़ से 12 जिले प्रभावित, राहत कार्य तेज" in r.dropped


def test_site_b_regional_name_line_designation_line_dek_bare_dateline_tag_list():
    r = _load("site-b-regional-hi.txt")
    d = r.data
    assert d.headline == ("जयपुर में पुराने बाजारों की मरम्मत शुरू, व्यापारियों को मिलेगा "
                          "अस्थायी ठिकाना")
    assert d.dek == "शहर के चार पुराने बाजारों में छह महीने तक काम चलेगा"
    assert d.bylines == (BylineData("सुनील शर्मा", "", "वरिष्ठ संवाददाता",
                                    "राजस्थान उदाहरण टाइम्स"),)
    assert (d.dateline_place, d.dateline_date) == ("जयपुर", None)
    assert d.body.startswith("नगर निगम ने सोमवार से")
    assert r.subheadings == ("काम पूरा होने की समय सीमा",)
    assert r.related == (RelatedLink("जयपुर मेट्रो के दूसरे चरण को मिली मंजूरी"),)
    assert d.tags == ("जयपुर नगर निगम", "बाजार मरम्मत")
    assert "मेट्रो" not in d.body and "फॉलो" not in d.body and "अजमेर" not in d.body
    assert d.body.rstrip().endswith("अलग से बजट रखा गया है।")


def test_site_c_english_by_line_caps_dateline_topics_and_english_boilerplate():
    r = _load("site-c-english.txt")
    d = r.data
    assert d.headline == "Delhi launches city-wide tree census ahead of monsoon planting drive"
    assert d.bylines == (BylineData("Priya Menon", "Priya Menon"),)
    assert d.dateline_place == "NEW DELHI"
    assert d.body.startswith("The Delhi government on Wednesday")
    assert r.subheadings == ("How the data will be used",)
    assert r.related[0].url == "https://example-news.com/india/heatwave-45"
    assert d.tags == ("Delhi", "Tree Census", "Monsoon")
    assert d.language == "en"
    for gone in ("Advertisement", "Share this", "You may also like", "Mumbai", "©",
                 "Topics", "Home >"):
        assert gone not in d.body, gone
    assert d.body.rstrip().endswith("road widening projects.")


def test_site_d_agency_dateline_without_byline_suggests_tags_never_sets_them():
    r = _load("site-d-agency-hi.txt")
    d = r.data
    assert (d.dateline_place, r.agency) == ("पटना", "हि.स.")
    assert d.bylines == (BylineData("हि.स.", "", "", "हि.स."),)
    assert d.body.startswith("गंगा नदी के घाटों को")
    assert r.related == (RelatedLink("गंगा में डॉल्फिन की संख्या बढ़ी, सर्वे में खुलासा"),)
    assert d.tags == ()
    assert "गंगा" in r.suggested_tags
    for gone in ("Leave a Reply", "Post navigation", "पिछली खबर", "डॉल्फिन"):
        assert gone not in d.body, gone


def test_site_e_compact_no_blank_lines_edited_by_and_a_bulleted_related_list():
    r = _load("site-e-compact-hi.txt")
    d = r.data
    assert d.headline == "लखनऊ में बिजली कटौती पर नाराजगी, व्यापारियों ने सौंपा ज्ञापन"
    assert d.bylines == (BylineData("मनोज तिवारी", "", "संवाददाता", "अवध उदाहरण"),)
    assert (d.dateline_place, d.dateline_date, r.agency) == ("लखनऊ", date(2024, 7, 3),
                                                             "एजेंसी")
    assert d.body.startswith("शहर के पुराने बाजारों में")
    assert r.subheadings == ("विभाग का जवाब",)
    assert [x.title for x in r.related] == ["उत्तर प्रदेश में बिजली की मांग ने तोड़ा रिकॉर्ड",
                                            "लखनऊ में नए सबस्टेशन का काम शुरू"]
    assert d.tags == ("लखनऊ", "बिजली कटौती")
    for gone in ("Edited By", "Updated", "Follow us", "Trending", "जलभराव", "सबस्टेशन", "•"):
        assert gone not in d.body, gone


@pytest.mark.parametrize(("paragraph", "place", "when", "agency"), [
    ("जयपुर। नगर निगम ने सोमवार से काम शुरू किया।", "जयपुर", None, ""),
    ("नई दिल्ली, 12 जून (भाषा) केंद्र सरकार ने बुधवार को विधेयक पेश किया।", "नई दिल्ली",
     date(2024, 6, 12), "भाषा"),
    ("मुंबई, 3 जुलाई 2023 (एजेंसी)। शहर में भारी बारिश हुई और यातायात रुका।", "मुंबई",
     date(2023, 7, 3), "एजेंसी"),
    ("लखनऊ: प्रदेश सरकार ने नई नीति की घोषणा की है।", "लखनऊ", None, ""),
    ("New Delhi, June 12 (PTI) - The government tabled the bill on Wednesday.", "New Delhi",
     date(2024, 6, 12), "PTI"),
])
def test_datelines_leave_the_paragraph(paragraph, place, when, agency):
    dateline, rest, _ = split_dateline(paragraph, today=TODAY)
    assert (dateline.place, dateline.when, dateline.agency) == (place, when, agency)
    assert not rest.startswith(place)


@pytest.mark.parametrize("paragraph", [
    "यह बात है। इसके बाद सबने मिलकर काम शुरू किया।",
    "Russia-Pakistan Relations: पाकिस्तान इस समय रूस के साथ संबंध मजबूत कर रहा है।",
    "सरकार ने कहा कि नई नीति अगले महीने से लागू होगी।",
])
def test_sentences_and_kickers_are_not_datelines(paragraph):
    dateline, rest, _ = split_dateline(paragraph, today=TODAY)
    assert dateline.place == "" and rest == paragraph


def test_year_less_date_after_today_goes_to_last_year_with_a_warning():
    dateline, _, warning = split_dateline("पटना, 25 दिसंबर (भाषा) शहर में ठंड बढ़ी है और कोहरा छाया।",
                                          today=TODAY)
    assert dateline.when == date(2023, 12, 25)
    assert "2023" in warning


def test_byline_parts_designation_outlet_and_two_people():
    assert parse_byline_parts("Rahul Jain, Senior Correspondent, Example Times") == [
        BylineData("Rahul Jain", "Rahul Jain", "Senior Correspondent", "Example Times")]
    assert [b.name for b in parse_byline_parts("राम कुमार और सीता देवी")] == [
        "राम कुमार", "सीता देवी"]
    assert parse_byline_parts("सरकार ने कहा कि") == []


def test_related_variants_and_markdown_markers_escaped():
    text = ("शीर्षक यहां है\n\n"
            "- पहला अनुच्छेद एक लंबी पंक्ति है जिसमें कई शब्द हैं और यह वाक्य पूरा होता है।\n\n"
            "इसे भी पढें: पहला लिंक\n(यह भी पढ़ें) दूसरा लिंक\nये भी पढ़ें- तीसरा लिंक\n"
            "Read also: fourth link\n\n"
            "दूसरा अनुच्छेद भी एक लंबी पंक्ति है जिसमें कई शब्द हैं और यह *वाक्य* पूरा होता है।\n")
    r = parse_scraped(text)
    assert [x.title for x in r.related] == ["पहला लिंक", "दूसरा लिंक", "तीसरा लिंक",
                                            "fourth link"]
    assert r.data.body.startswith("\\- पहला")
    assert "\\*वाक्य\\*" in r.data.body
    assert "लिंक" not in r.data.body


@pytest.mark.parametrize("text", ["", "\n\n", "एक", "Latest News\n", "इसे भी पढ़ें"])
def test_degenerate_text_gives_a_result(text):
    r = parse_scraped(text)
    assert isinstance(r.data.body, str)


def test_real_shared_sample_when_present():
    path = _shared_sample()
    if not path.is_file():
        pytest.skip("the shared real sample is not beside this checkout")
    r = parse_scraped(decode_text(path.read_bytes()), path.name)
    d = r.data
    assert d.headline.startswith("इस्लामाबाद में रूस और पाकिस्तान")
    assert d.bylines == (BylineData("Aarti Kushwaha", "Aarti Kushwaha", "Reporter",
                                    "The Printlines"),)
    assert len(r.subheadings) == 3
    assert all(f"## {s}" in d.body for s in r.subheadings)
    assert len(r.related) == 1 and r.related[0].title.startswith("इजरायली सेना")
    for gone in ("Latest News", "More Articles", "Exit mobile", "पढें", "गुयाना"):
        assert gone not in d.body, gone
    assert d.tags == ()


def test_hard_wrapped_text_is_joined_back_into_paragraphs():
    import textwrap

    original = (DATA / "site-b-regional-hi.txt").read_text("utf-8")
    blocks = original.split("\n\n")
    wrapped = "\n\n".join(textwrap.fill(b, 70) if "\n" not in b and len(b) > 100 else b
                           for b in blocks)
    assert wrapped.count("\n") > original.count("\n") + 5  # really wrapped
    r = parse_scraped(wrapped, today=TODAY)
    expected = _load("site-b-regional-hi.txt")
    assert r.data.body == expected.data.body
    assert r.subheadings == expected.subheadings == ("काम पूरा होने की समय सीमा",)
    assert r.data.bylines == expected.data.bylines
