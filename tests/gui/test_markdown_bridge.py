"""Markdown -> QTextDocument -> Markdown: canonical Markdown is a fixed point."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication

from editor_app.core.markdown_model import (
    Block,
    ImageBlock,
    parse_markdown,
    render_markdown,
)
from editor_app.gui.editor.markdown_bridge import (
    decode_image_name,
    document_blocks,
    document_markdown,
    encode_image_name,
    set_document_markdown,
)
from tests.core.test_markdown_model import BLOCKS

SAMPLE = (
    "## मुख्य *बातें*\n\n"
    "प्रधानमंत्री ने **क्षेत्र** का [दौरा](https://example.com) ***ज़्यादा*** किया।\n\n"
    "### उप-शीर्षक में **मोटा**\n\n"
    "- पहला\n- दूसरा\n\n"
    "1. एक\n2. दो\n\n"
    "> उद्धरण र्त्य\n\n"
    '![मंच](asset:7 "रैली का दृश्य | पीटीआई")\n'
)


@pytest.fixture
def doc(qapp: QApplication) -> QTextDocument:
    return QTextDocument()


def test_sample_round_trip(doc: QTextDocument) -> None:
    set_document_markdown(doc, SAMPLE)
    assert document_markdown(doc) == SAMPLE
    assert document_blocks(doc) == parse_markdown(SAMPLE)


def test_empty_document(doc: QTextDocument) -> None:
    set_document_markdown(doc, "")
    assert document_markdown(doc) == ""


def test_image_name_round_trip() -> None:
    image = ImageBlock("asset:9", "alt \"x\"", "कैप्शन | पाइप", "फ़ोटो: एजेंसी")
    assert decode_image_name(encode_image_name(image)) == image
    assert decode_image_name("https://x.in/a.png") == ImageBlock("https://x.in/a.png")


def test_text_typed_next_to_image_is_split_into_its_own_paragraph(doc: QTextDocument) -> None:
    set_document_markdown(doc, '![a](asset:1 "c")\n')
    cursor = QTextCursor(doc)
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText("पाठ")
    assert document_markdown(doc) == '![a](asset:1 "c")\n\nपाठ\n'


def test_foreign_html_is_sanitised(doc: QTextDocument) -> None:
    doc.setHtml("<h2>शीर्ष</h2><p>एक <b>दो</b> <i>तीन</i> <a href='https://a.in'>चार</a>"
                "<span style='color:red'>लाल</span></p><ul><li>सूची</li></ul>"
                "<blockquote>उद्धरण</blockquote>")
    # HTML headings are bold (700); in a subheading only 900 means **strong**.
    assert document_markdown(doc).startswith("## शीर्ष\n\n")
    foreign = render_markdown(document_blocks(doc, foreign=True))
    assert foreign == ("## शीर्ष\n\nएक **दो** *तीन* [चार](https://a.in)लाल\n\n- सूची\n\n"
                       "> उद्धरण\n")


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(blocks=BLOCKS)
def test_markdown_editor_markdown_is_stable(doc: QTextDocument, blocks: list[Block]) -> None:
    md = render_markdown(blocks)
    set_document_markdown(doc, md)
    assert document_markdown(doc) == md
    assert document_blocks(doc) == parse_markdown(md)
