"""Canonical Markdown model (pure Python part of the bridge): parse, render, fixed point."""

from __future__ import annotations

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

# Pieces that stress the renderer: conjuncts, nukta, matras, ZWJ/ZWNJ, Markdown specials.
PIECES = ["क्ष", "त्र", "ज्ञ", "श्र", "ज़", "ज़्यादा", "र्त्य", "कि", "की", "हँ", "हं", "प्र",
          "क्\u200dष", "क्\u200cष", "नमस्ते", "हिंदी", "।", "Modi", "BJP", "2024", "१२",
          " ", " ", "  ", "*", "**", "_", "#", "[", "]", "(", ")", "\\", "<b>", "&lt;", "&",
          "-", "+", ">", "1.", "2)", "`", "!", "|", '"', "\u00a0", "😀", "\u093c", "\u0940",
          "\t", "\n", "e\u0301"]
TEXT = st.lists(st.sampled_from(PIECES), min_size=0, max_size=8).map("".join)
HREF = st.one_of(st.none(), st.sampled_from(["https://example.com/a", "asset:12",
                                             "https://hi.wikipedia.org/wiki/क_(ख)",
                                             "http://x.in/a b", "mailto:a@b.in"]))
RUN = st.builds(Run, TEXT, st.booleans(), st.booleans(), HREF)
TEXT_BLOCK = st.builds(lambda k, r: TextBlock(k, tuple(r)), st.sampled_from(list(BlockKind)),
                       st.lists(RUN, max_size=6))
IMAGE_BLOCK = st.builds(ImageBlock, st.sampled_from(["asset:1", "asset:abc-2", "a b.png",
                                                     "https://x.in/p(1).jpg"]),
                        TEXT, TEXT, TEXT)
BLOCKS = st.lists(st.one_of(TEXT_BLOCK, TEXT_BLOCK, IMAGE_BLOCK), max_size=8)


def test_canonical_example() -> None:
    blocks: list[Block] = [
        TextBlock(BlockKind.HEADING2, (Run("मुख्य "), Run("बातें", emphasis=True))),
        TextBlock(P, (Run("प्रधानमंत्री ने "), Run("क्षेत्र", strong=True), Run(" का "),
                      Run("दौरा", href="https://example.com"), Run(" किया।"))),
        TextBlock(BlockKind.BULLET, (Run("पहला"),)),
        TextBlock(BlockKind.BULLET, (Run("दूसरा"),)),
        TextBlock(BlockKind.NUMBERED, (Run("एक"),)),
        TextBlock(BlockKind.NUMBERED, (Run("दो"),)),
        TextBlock(BlockKind.QUOTE, (Run("ज़्यादा"),)),
        ImageBlock("asset:7", "मंच", "रैली का दृश्य | फ़ाइल", "पीटीआई"),
    ]
    assert render_markdown(blocks) == (
        "## मुख्य *बातें*\n\n"
        "प्रधानमंत्री ने **क्षेत्र** का [दौरा](https://example.com) किया।\n\n"
        "- पहला\n- दूसरा\n\n"
        "1. एक\n2. दो\n\n"
        "> ज़्यादा\n\n"
        '![मंच](asset:7 "रैली का दृश्य \\| फ़ाइल | पीटीआई")\n'
    )
    assert parse_markdown(render_markdown(blocks)) == canonical_blocks(blocks)


def test_special_characters_survive() -> None:
    md = render_markdown([TextBlock(P, (Run("# 5 * 3 = _x_ [a](b) <i> &amp; \\"),))])
    assert md == "\\# 5 \\* 3 = \\_x\\_ \\[a\\](b) \\<i> \\&amp; \\\\\n"
    assert parse_markdown(md)[0] == TextBlock(P, (Run("# 5 * 3 = _x_ [a](b) <i> &amp; \\"),))


def test_block_start_escapes() -> None:
    for text in ["- नहीं", "+ x", "> उद्धरण", "1. पहला", "2) दो", "---"]:
        md = render_markdown([TextBlock(P, (Run(text),))])
        (block,) = parse_markdown(md)
        assert block == TextBlock(P, (Run(text),)), md


def test_nested_marks_and_spaces_moved_outside() -> None:
    runs = (Run("a "), Run("b", strong=True), Run(" c ", strong=True, emphasis=True),
            Run("d", strong=True))
    md = render_markdown([TextBlock(P, runs)])
    assert md == "a **b *c* d**\n"
    assert canonical_markdown(md) == md


def test_hand_written_markdown_is_read_leniently() -> None:
    md = "# शीर्ष\n\nपहली\nपंक्ति _झुकी_ __मोटी__\n\n* एक\n* दो\n\n> उद्धरण\n> जारी\n\n---\n"
    assert canonical_markdown(md) == (
        "## शीर्ष\n\nपहली पंक्ति *झुकी* **मोटी**\n\n- एक\n- दो\n\n> उद्धरण जारी\n")


def test_format_boundary_inside_cluster_snaps_to_cluster() -> None:
    runs = (Run("क्", strong=True), Run("षि"))
    (block,) = canonical_blocks([TextBlock(P, runs)])
    assert isinstance(block, TextBlock)
    assert block.runs == (Run("क्षि", strong=True),)


def test_nfc_is_applied() -> None:
    md = render_markdown([TextBlock(P, (Run("\u095bरूर र\u093c"),))])
    assert md == "ज\u093cरूर \u0931\n"


@settings(max_examples=150, deadline=None)
@given(BLOCKS)
def test_render_parse_round_trip(blocks: list[TextBlock | ImageBlock]) -> None:
    md = render_markdown(blocks)
    parsed = parse_markdown(md)
    assert parsed == canonical_blocks(blocks)
    assert render_markdown(parsed) == md
    assert canonical_blocks(parsed) == parsed


@settings(max_examples=600, deadline=None)
@given(st.lists(RUN, min_size=1, max_size=5))
def test_settled_shortcut_is_only_taken_when_the_exact_pass_changes_nothing(
        runs: list[Run]) -> None:
    """``_settled`` lets canonicalisation skip the per-cluster pass: it must never say yes
    to runs that the exact pass would change (saying no only costs time)."""
    from editor_app.core.markdown_inline import merge_runs
    from editor_app.core.markdown_model import _cluster_pass, _settled

    for candidate in (runs, merge_runs(runs), _cluster_pass(runs)):
        if _settled(candidate):
            assert _cluster_pass(candidate) == candidate, candidate
