"""The one canonical form of an article body: a fixed point that keeps every visible text.

Issue 10 item 1: a body given to core (CLI, import) must not be rewritten later by the
editor. ``canonical_markdown`` is what the editor writes; these tests pin what it does to
raw HTML, entities, backslashes and constructs the editor does not support.
"""

from __future__ import annotations

import unicodedata

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from editor_app.core.markdown_model import (
    Block,
    BlockKind,
    ImageBlock,
    Run,
    TextBlock,
    canonical_blocks,
    canonical_markdown,
    parse_markdown,
    render_markdown,
)

P = BlockKind.PARAGRAPH

# Words carry the "visible" letters (Devanagari and upper-case Latin); every other piece is
# markup or punctuation spelled with lower-case Latin, digits and ASCII punctuation only, so
# the visible letters of a random body can be followed through canonicalisation.
WORDS = ["क्षेत्र", "ज़िला", "ज\u093cरूर", "न\u093c", "कि", "हँसी", "प्रधानमंत्री", "MODI",
         "CAFE\u0301", "E\u0301", "नमस्ते", "।"]
MARKUP = ["*", "**", "_", "__", "`", "``", "```", "~~~", "#", "## ", "### ", "- ", "* ",
          "+ ", "1. ", "7) ", "> ", "    ", "\t", " ", " ", "\\", "\\\\", "\\*", "\\&",
          "&amp;", "&lt;", "&gt;", "&quot;", "&#2325;", "&#x915;", "&nbsp;", "&", ";",
          "<b>", "</b>", "<script>alert(1)</script>", "<!-- c -->", "<br/>", "<div>",
          "<https://e.in>", "[", "]", "(", ")", "](https://e.in/a_b)", "![x](asset:1 \"y\")",
          "| ", " |", "|---|---|", "---", "***", "- - -", "\n", "\n", "\n\n", "\n    - ",
          "\n\n```\n", "\n~~~\n", "\u00a0", "\u200d", "1.", "2)", "!", ".", "-"]
PIECES = st.one_of(st.sampled_from(WORDS), st.sampled_from(MARKUP))
MARKDOWN = st.lists(PIECES, max_size=30).map("".join)
_VISIBLE = regex.compile(r"[\u0900-\u097fA-Z\u0301]")


def _visible_letters(text: str) -> str:
    return "".join(_VISIBLE.findall(unicodedata.normalize("NFC", text)))


def _body_text(markdown: str) -> str:
    return " ".join(b.text for b in parse_markdown(markdown) if isinstance(b, TextBlock))


def _text_of(markdown: str) -> str:
    (block,) = parse_markdown(markdown)
    assert isinstance(block, TextBlock)
    return block.text


def test_entities_are_literal_text() -> None:
    body = "AT&amp;T, &lt;b&gt; और &#2325;\n"
    assert _text_of(body) == "AT&amp;T, &lt;b&gt; और &#2325;"
    assert canonical_markdown(body) == "AT\\&amp;T, \\&lt;b\\&gt; और \\&\\#2325;\n"
    assert canonical_markdown(canonical_markdown(body)) == canonical_markdown(body)


def test_raw_html_is_literal_text() -> None:
    body = "<script>alert('x')</script> <b>मोटा</b>\n"
    assert _text_of(body) == "<script>alert('x')</script> <b>मोटा</b>"
    assert canonical_markdown(body) == "\\<script>alert('x')\\</script> \\<b>मोटा\\</b>\n"


def test_html_block_lines_stay_text() -> None:
    body = "<div>\n<p>पहला</p>\n</div>\n"
    assert _text_of(body) == "<div> <p>पहला</p> </div>"


def test_inline_code_keeps_its_text() -> None:
    body = "चलाएं `rm -rf *_tmp_*` और ``a ` b``\n"
    assert _text_of(body) == "चलाएं `rm -rf *_tmp_*` और ``a ` b``"
    assert canonical_markdown(canonical_markdown(body)) == canonical_markdown(body)


def test_unclosed_backticks_are_text_and_marks_after_them_work() -> None:
    (block,) = parse_markdown("a ``` b *c*\n")
    assert isinstance(block, TextBlock)
    assert block.runs == (Run("a ``` b "), Run("c", emphasis=True))


def test_fenced_code_lines_are_literal_paragraphs() -> None:
    body = "परिचय\n\n```python\n# टिप्पणी\n- *x* = 1\n\n```\n\n## असली\n"
    blocks = parse_markdown(body)
    assert [(b.kind, b.text) for b in blocks if isinstance(b, TextBlock)] == [
        (P, "परिचय"), (P, "```python"), (P, "# टिप्पणी"), (P, "- *x* = 1"), (P, "```"),
        (BlockKind.HEADING2, "असली")]
    canonical = canonical_markdown(body)
    assert canonical == ("परिचय\n\n\\`\\`\\`python\n\n\\# टिप्पणी\n\n\\- \\*x\\* = 1\n\n"
                         "\\`\\`\\`\n\n## असली\n")
    assert canonical_markdown(canonical) == canonical


def test_tilde_fence_at_block_start_is_escaped() -> None:
    assert canonical_markdown("~~~\n# a\n~~~\n") == "\\~~~\n\n\\# a\n\n\\~~~\n"


def test_backslash_hard_break_becomes_a_space() -> None:
    assert canonical_markdown("पहली\\\nदूसरी\\\\\nतीसरी\\\n") == "पहली दूसरी\\\\ तीसरी\\\\\n"


def test_tables_and_nested_lists_keep_their_text() -> None:
    assert _body_text("| क | ख |\n|---|---|\n| 1 | 2 |\n") == "| क | ख | |---|---| | 1 | 2 |"
    assert canonical_markdown("- एक\n    - दो\n        - तीन\n") == "- एक\n- दो\n- तीन\n"


def test_a_mark_commonmark_cannot_write_is_dropped_not_turned_into_asterisks() -> None:
    block = TextBlock(P, (Run("क x"), Run("(ख)", strong=True), Run(" और "),
                          Run("ग", emphasis=True)))
    assert render_markdown([block]) == "क x(ख) और *ग*\n"
    (canonical,) = canonical_blocks([block])
    assert canonical == TextBlock(P, (Run("क x(ख) और "), Run("ग", emphasis=True)))


@settings(max_examples=400, deadline=None)
@given(MARKDOWN)
def test_canonical_form_is_a_fixed_point(body: str) -> None:
    canonical = canonical_markdown(body)
    assert canonical_markdown(canonical) == canonical
    assert render_markdown(parse_markdown(canonical)) == canonical


@settings(max_examples=400, deadline=None)
@given(MARKDOWN)
def test_canonical_form_keeps_every_visible_letter(body: str) -> None:
    assert _visible_letters(_body_text(canonical_markdown(body))) == _visible_letters(body)


def test_only_real_block_syntax_is_escaped_at_block_start() -> None:
    for text in ["1.5 करोड़ रुपये", "-5° तापमान", "+91 98765", "~ लगभग", "2.0 संस्करण"]:
        assert canonical_markdown(text) == text + "\n"
        assert _text_of(text + "\n") == text
    for text, written in [("- नहीं", "\\- नहीं"), ("1. पहला", "1\\. पहला"),
                          ("3) तीन", "3\\) तीन"), ("-- x", "\\-- x"), ("> q", "\\> q"),
                          ("~~~ कोड", "\\~~~ कोड")]:
        markdown = render_markdown([TextBlock(P, (Run(text),))])
        assert markdown == written + "\n"
        assert _text_of(markdown) == text


def test_entities_in_link_targets_and_image_titles_are_text_too() -> None:
    blocks: list[Block] = [TextBlock(P, (Run("x", href="https://a.in/?a=1&amp;b=2&c=3"),)),
                           ImageBlock("asset:1", "a&amp;b", "कैप्शन &amp; x", "AT&T")]
    markdown = render_markdown(blocks)
    assert markdown == ('[x](https://a.in/?a=1\\&amp;b=2&c=3)\n\n'
                        '![a\\&amp;b](asset:1 "कैप्शन \\&amp; x | AT\\&T")\n')
    assert parse_markdown(markdown) == blocks
