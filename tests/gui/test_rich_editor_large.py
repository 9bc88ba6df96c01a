"""A ~20,000-word article through ``RichEditor``: loading and reading back are lossless.

No timing asserts (speed is measured by ``benchmarks/bench_editor.py``); this guards the
fast paths of the Markdown bridge (run merging, the canonical-form shortcut, the caches and
the lazily filled source view) on a document of realistic size and variety.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from editor_app.core.markdown_model import canonical_markdown
from editor_app.gui.editor.rich_editor import RichEditor

WORDS = ["सरकार", "मुख्यमंत्री", "क्षेत्र", "ज़्यादा", "र्त्य", "प्रशासन", "श्रमिक", "ज्ञान",
         "हिंदी", "हँसी", "किसान", "विधायक", "अदालत", "समिति", "पुलिस", "ग़ज़ल", "फ़ैसला",
         "त्योहार", "BJP", "2024", "१२", "क्\u200dष", "संसद", "बजट", "रिपोर्ट", "जनता"]
LINKS = ["https://example.com/a", "asset:12", "https://hi.wikipedia.org/wiki/क_\\(ख\\)",
         "mailto:a@b.in"]
PLAIN = ["5 \\* 3", "\\_x\\_", "\\<b>", "\\[नोट\\]", "a \\\\ b", "\\#टैग", "\\&amp;"]


def _inline(rng: random.Random, words: int) -> str:
    """Canonical inline Markdown: marks and links around whole words, some escapes."""
    out: list[str] = []
    for _ in range(words):
        word = rng.choice(WORDS)
        roll = rng.random()
        if roll < 0.04:
            word = f"**{word}**"
        elif roll < 0.06:
            word = f"*{word}*"
        elif roll < 0.07:
            word = f"***{word}***"
        elif roll < 0.08:
            word = f"[{word}]({rng.choice(LINKS)})"
        elif roll < 0.085:
            word = f"**{word} *{rng.choice(WORDS)}* {rng.choice(WORDS)}**"
        elif roll < 0.09:
            word = rng.choice(PLAIN)
        out.append(word)
        if rng.random() < 0.1:
            out[-1] += "।"
    return " ".join(out)


def make_document(words: int = 20_000, seed: int = 7) -> str:
    """A seeded canonical Markdown article of about ``words`` words, every block kind."""
    rng = random.Random(seed)
    blocks: list[str] = []
    count = 0
    while count < words:
        roll = rng.random()
        if roll < 0.08:
            blocks.append(f"## {_inline(rng, 5)}")
        elif roll < 0.12:
            blocks.append(f"### {_inline(rng, 4)}")
        elif roll < 0.18:
            blocks.append("\n".join(f"- {_inline(rng, 8)}" for _ in range(3)))
        elif roll < 0.22:
            blocks.append("\n".join(f"{n}. {_inline(rng, 8)}" for n in range(1, 4)))
        elif roll < 0.26:
            blocks.append(f"> {_inline(rng, 20)}")
        elif roll < 0.28:
            blocks.append(f'![मंच {count}](asset:{count} "रैली का दृश्य \\| फ़ाइल | पीटीआई")')
        else:
            blocks.append(_inline(rng, rng.randint(30, 80)))
        if blocks[-1].startswith(("- ", "1. ")):  # neighbouring lists would join
            blocks.append(_inline(rng, rng.randint(30, 80)))
        count = sum(len(b.split()) for b in blocks)
    return "\n\n".join(blocks) + "\n"


@pytest.fixture(scope="module")
def document() -> str:
    md = make_document()
    assert len(md.split()) >= 20_000
    assert canonical_markdown(md) == md, "the generator must write canonical Markdown"
    return md


@pytest.fixture
def editor(qtbot: QtBot) -> Iterator[RichEditor]:
    widget = RichEditor()
    qtbot.addWidget(widget)
    widget.resize(1000, 800)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


def test_large_document_round_trips(editor: RichEditor, document: str, qtbot: QtBot) -> None:
    with qtbot.assertNotEmitted(editor.content_changed):
        editor.set_markdown(document)
    assert editor.markdown() == document
    assert editor.markdown() == document  # again, from the memoised blocks
    assert not editor.document().isUndoAvailable()
    editor.set_source_mode(True)  # the source view is filled when it is shown
    assert editor.source_edit.toPlainText() == document
    assert editor.markdown() == document
    editor.set_source_mode(False)
    assert editor.markdown() == document
    assert not editor.document().isUndoAvailable()  # an unchanged source replaces nothing


def test_large_document_edit_is_seen(editor: RichEditor, document: str) -> None:
    editor.set_markdown(document)
    doc = editor.document()
    block = doc.findBlockByNumber(doc.blockCount() // 2)
    while block.textList() is not None or block.blockFormat().headingLevel() \
            or "\ufffc" in block.text():
        block = block.next()
    cursor = QTextCursor(block)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    cursor.insertText(" नया")  # a new fragment: this block misses the memo, the rest hit
    edited = editor.markdown()
    assert canonical_markdown(edited) == edited
    assert edited != document
    assert edited.replace(" नया", "", 1) == document
    editor.set_markdown(document)  # loading again starts from the same canonical text
    assert editor.markdown() == document


def test_source_mode_load_fills_source(editor: RichEditor, document: str) -> None:
    editor.set_source_mode(True)
    editor.set_markdown(document)
    assert editor.source_edit.toPlainText() == document
    assert editor.markdown() == document


def test_quote_bar_is_painted_for_a_quote_on_screen_deep_in_a_long_story(rich) -> None:
    """The bar is drawn from the blocks on screen only (a keystroke must not walk the
    whole story): scroll to a quote far down and find the bar's colour left of it."""
    from PySide6.QtGui import QColor, QTextCursor

    from editor_app.gui.theme import colours

    paragraphs = [f"अनुच्छेद {n}: नगर निगम की बैठक में चर्चा हुई।" for n in range(400)]
    paragraphs[350] = "> यह एक लंबा उद्धरण है जो बैठक में कहा गया।"
    rich.set_markdown("\n\n".join(paragraphs) + "\n")
    edit = rich.text_edit
    block = edit.document().findBlockByNumber(350)
    cursor = QTextCursor(block)
    edit.setTextCursor(cursor)
    edit.ensureCursorVisible()
    image = edit.viewport().grab().toImage()
    rect = edit.cursorRect(cursor)
    bar = QColor(colours().quote_bar)
    found = any(image.pixelColor(x, rect.center().y()) == bar for x in range(0, 40))
    assert found, "no quote bar beside the quote on screen"
