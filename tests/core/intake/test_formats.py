"""Web pages, Markdown with front matter, Word files and WordPress WXR, field by field,
and storing what they carry through the article service."""

from __future__ import annotations

import base64
import io
from datetime import date
from pathlib import Path

import docx

from editor_app.core.article_data import BylineData
from editor_app.core.articles import ArticleService
from editor_app.core.assets import image_data, list_assets
from editor_app.core.intake.formats import detect_format, read_import_file
from editor_app.core.intake.html_md import html_to_markdown
from editor_app.core.intake.markdown import parse_markdown_file
from editor_app.core.intake.store import store_result

DATA = Path(__file__).resolve().parents[2] / "data" / "intake"
PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDw"
                       "AEhQGAhKmMIQAAAABJRU5ErkJggg==")


def test_web_page_text_metadata_and_captions():
    fmt, [r] = read_import_file(DATA / "html" / "news-page-hi.html")
    d = r.data
    assert fmt == "html"
    assert d.headline == "उदयपुर की झीलों में फिर लौटा पानी, पर्यटकों की संख्या बढ़ी"
    assert d.dek == "अच्छी बारिश के बाद शहर की चारों झीलें भर गईं"
    assert d.bylines == (BylineData("मीना जोशी"),)  # vowel sign kept (trafilatura cuts it)
    assert d.category == "राजस्थान" and d.tags == ("उदयपुर", "झील", "पर्यटन")
    assert (d.dateline_place, d.dateline_date) == ("उदयपुर", date(2024, 8, 14))
    assert d.body.startswith("इस साल अच्छी बारिश")
    assert '![पिछोला झील](https://example.com/img/pichola.jpg "पानी से भरी पिछोला झील")' \
        in d.body
    assert "## पर्यटन को मिला सहारा" in d.body and "**तीस प्रतिशत**" in d.body
    for gone in ("window.ads", "font-family", "होम", "विज्ञापन", "टिप्पणियां", "बहुत अच्छी खबर",
                 "सर्वाधिकार", "जोधपुर"):
        assert gone not in d.body, gone


def test_html_fragment_is_sanitised_before_conversion():
    md = html_to_markdown('<h1>शीर्षक</h1><p onclick="x()">पाठ <a href="javascript:x()">बुरा</a>'
                          '</p><script>alert(1)</script><style>p{}</style><p>1. सूची नहीं</p>')
    assert md == "## शीर्षक\n\nपाठ बुरा\n\n1\\. सूची नहीं\n"


def test_markdown_front_matter_maps_every_field():
    r = parse_markdown_file(
        "---\ntitle: बारिश से राहत\ndek: दो दिन में तापमान गिरा\nauthors:\n"
        "  - name: आरती कुशवाहा\n    name_latin: Aarti Kushwaha\n    designation: संवाददाता\n"
        "    outlet: उदाहरण टाइम्स\n  - रवि\ntags: मौसम, बारिश\ncategory: [देश, मौसम]\n"
        "dateline: नई दिल्ली\ndate: 2024-06-12\nslug: barish-se-rahat\nlanguage: hi\n"
        "uuid: 0b5d7e0e-0000-4000-8000-000000000001\n---\nपहला अनुच्छेद।\n\n## आगे\n\nदूसरा।\n",
        "a.md")
    d = r.data
    assert (d.headline, d.dek, d.slug, d.category) == ("बारिश से राहत", "दो दिन में तापमान गिरा",
                                                       "barish-se-rahat", "देश")
    assert d.bylines == (BylineData("आरती कुशवाहा", "Aarti Kushwaha", "संवाददाता",
                                    "उदाहरण टाइम्स"), BylineData("रवि"))
    assert d.tags == ("मौसम", "बारिश")
    assert (d.dateline_place, d.dateline_date) == ("नई दिल्ली", date(2024, 6, 12))
    assert d.body == "पहला अनुच्छेद।\n\n## आगे\n\nदूसरा।\n"
    assert r.subheadings == ("आगे",) and r.uuid.startswith("0b5d7e0e")


def test_markdown_without_front_matter_takes_the_first_heading():
    r = parse_markdown_file("# शीर्षक\n\nपाठ।\n")
    assert (r.data.headline, r.data.body) == ("शीर्षक", "पाठ।\n")


def _docx_bytes() -> bytes:
    d = docx.Document()
    d.add_paragraph("शीर्षक यहां", style="Title")
    d.add_paragraph("छोटा परिचय", style="Subtitle")
    p = d.add_paragraph("पहला ")
    p.add_run("मोटा").bold = True
    p.add_run(" और ")
    p.add_run("तिरछा").italic = True
    d.add_heading("खंड", level=1)
    d.add_heading("उपखंड", level=3)
    d.add_paragraph("एक", style="List Bullet")
    d.add_paragraph("दो", style="List Bullet")
    d.add_paragraph("पहला कदम", style="List Number")
    d.add_picture(io.BytesIO(PNG))
    d.add_paragraph("झील की फोटो", style="Caption")
    d.core_properties.author = "राम कुमार"
    d.core_properties.keywords = "झील, पानी"
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def test_docx_structure_formatting_lists_and_captioned_image(db, tmp_path):
    path = tmp_path / "story.docx"
    path.write_bytes(_docx_bytes())
    fmt, [r] = read_import_file(path)
    d = r.data
    assert fmt == "docx"
    assert (d.headline, d.dek) == ("शीर्षक यहां", "छोटा परिचय")
    assert d.bylines == (BylineData("राम कुमार"),) and d.tags == ("झील", "पानी")
    assert d.body.startswith("पहला **मोटा** और *तिरछा*\n\n## खंड\n\n### उपखंड\n\n"
                             "- एक\n- दो\n\n1. पहला कदम\n\n![](import-image:0 \"झील की फोटो\")")
    assert len(r.images) == 1 and r.images[0].caption == "झील की फोटो"
    service = ArticleService(db, "test")
    record = store_result(service, r)
    assert record is not None
    [asset] = list_assets(db, record.id)
    assert asset.caption == "झील की फोटो" and asset.media_type == "image/png"
    assert image_data(db, asset.id) == ("image/png", PNG)
    assert f"](asset:{asset.id}" in service.get(record.id).data.body
    assert "import-image:" not in service.get(record.id).data.body


def test_wxr_posts_authors_categories_tags_dates_slug_status(db):
    fmt, results = read_import_file(DATA / "wxr" / "archive.xml")
    assert fmt == "wxr" and len(results) == 2  # the page is not a post
    first, second = results
    d = first.data
    assert d.headline == "भोपाल में साइकिल ट्रैक का विस्तार, 20 किलोमीटर नए रास्ते बनेंगे"
    assert d.bylines == (BylineData("रवि प्रकाश"),)
    assert (d.category, d.tags) == ("मध्य प्रदेश", ("भोपाल", "साइकिल"))
    assert (d.dateline_date, d.slug, first.status) == (date(2024, 3, 5), "bhopal-cycle-track",
                                                       "publish")
    assert d.dek == "शहर में 20 किलोमीटर नए ट्रैक"
    assert d.body == ("भोपाल नगर निगम ने शहर में साइकिल ट्रैक का **विस्तार** करने का फैसला किया "
                      "है।\n\n## कहां बनेंगे नए ट्रैक\n\nझील के किनारे और नए बाजार की ओर "
                      "[नक्शा](https://example.in/map) जारी किया गया।\n")
    assert "alert" not in d.body
    assert second.status == "draft" and second.uuid == "3f2b8c1e-1111-4c2a-9d7e-0a1b2c3d4e5f"
    assert second.data.body.count("\n\n") == 1  # blank-line paragraphs (no <p>) kept
    service = ArticleService(db, "test")
    ids = [store_result(service, r).id for r in results]  # type: ignore[union-attr]
    stored = service.get(ids[0]).data
    assert stored.slug == "bhopal-cycle-track" and stored.tags == ("भोपाल", "साइकिल")


def test_store_writes_one_import_audit_event_with_related_and_dropped(db):
    import json

    from sqlalchemy import select

    from editor_app.core.intake.scraped import parse_scraped
    from editor_app.core.models import AuditEvent

    r = parse_scraped("शीर्षक\n\nएक लंबा अनुच्छेद जिसमें बहुत सारे शब्द हैं और वाक्य पूरा होता है और "
                      "आगे भी चलता है।\n\nयह भी पढ़ें: दूसरी खबर\n\nLatest News\nटीज़र\n")
    service = ArticleService(db, "test")
    record = store_result(service, r)
    assert record is not None
    with db.session() as session:
        [event] = session.scalars(select(AuditEvent).where(
            AuditEvent.action == "article.import"))
        detail = json.loads(event.detail_json)
    assert detail["related"] == [{"title": "दूसरी खबर", "url": ""}]
    assert "Latest News" in detail["dropped"]
    assert store_result(service, r, dry_run=True) is None
    assert len(service.list_articles()) == 1


def test_detect_format_by_name_and_content():
    assert detect_format("a.txt", b"x") == "scraped"
    assert detect_format("noext", b"<!DOCTYPE html><html>") == "html"
    assert detect_format("noext", b'<?xml version="1.0"?><rss>') == "wxr"
    assert detect_format("noext", b"---\ntitle: x\n---\n") == "md"
    assert detect_format("noext", b"PK\x03\x04....word/document.xml") == "docx"


def test_store_results_in_bulk_keeps_order_audits_and_images(db, tmp_path):
    import json

    from sqlalchemy import select

    from editor_app.core.intake.store import store_results
    from editor_app.core.models import AuditEvent

    _, posts = read_import_file(DATA / "wxr" / "archive.xml")
    path = tmp_path / "story.docx"
    path.write_bytes(_docx_bytes())
    _, [word] = read_import_file(path)
    service = ArticleService(db, "test")
    records = store_results(service, [posts[0], word, posts[1]], chunk_size=1)
    assert [r.data.headline for r in records] == [
        posts[0].data.headline, "शीर्षक यहां", posts[1].data.headline]
    assert list_assets(db, records[1].id)[0].caption == "झील की फोटो"
    with db.session() as session:
        events = {e.article_id: json.loads(e.detail_json) for e in session.scalars(
            select(AuditEvent).where(AuditEvent.action == "article.import"))}
    assert set(events) == {r.id for r in records}
    assert events[records[2].id]["source_uuid"] == "3f2b8c1e-1111-4c2a-9d7e-0a1b2c3d4e5f"


def test_docx_hyperlinks_keep_their_text_and_address(db, tmp_path):
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    d = docx.Document()
    d.add_paragraph("शीर्षक", style="Title")
    p = d.add_paragraph("पूरी खबर ")
    rid = p.part.relate_to("https://example.in/a(1)", RELATIONSHIP_TYPE.HYPERLINK,
                           is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rid)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "यहां पढ़ें"
    run.append(text)
    link.append(run)
    p._p.append(link)
    p.add_run(" और आगे।")
    out = io.BytesIO()
    d.save(out)
    path = tmp_path / "link.docx"
    path.write_bytes(out.getvalue())
    _, [r] = read_import_file(path)
    assert r.data.body == "पूरी खबर [यहां पढ़ें](https://example.in/a\\(1\\)) और आगे।\n"
    record = ArticleService(db, "t").create(r.data)
    assert "[यहां पढ़ें](https://example.in/a" in record.data.body


def test_markdown_of_other_renderers_is_read_as_they_show_it():
    text = ("---\ntitle: जल संकट पर बैठक\n---\n"
            "पहला अनुच्छेद [रिपोर्ट][1] देखें।\n\n"
            "बैठक में क्या हुआ\n-----------------\n\n"
            "| ज़िला | टैंकर |\n|---|---|\n| पटना | 12 |\n\n"
            "[1]: https://example.org/report\n")
    result = parse_markdown_file(text)
    body = result.data.body
    assert "[रिपोर्ट](https://example.org/report)" in body  # reference link resolved
    assert "## बैठक में क्या हुआ" in body  # setext heading became a subheading
    assert "पटना" in body and "12" in body and "|---|" not in body  # table text kept
    assert result.warnings and "web page" in result.warnings[0]


def test_sampadak_markdown_is_taken_as_it_is():
    text = "---\ntitle: बजट\n---\nAT\\&amp;T और \\<b> पाठ हैं।\n\n## उपशीर्षक\n\n- एक\n- दो\n"
    result = parse_markdown_file(text)
    assert result.data.body == "AT\\&amp;T और \\<b> पाठ हैं।\n\n## उपशीर्षक\n\n- एक\n- दो\n"
    assert result.warnings == ()
