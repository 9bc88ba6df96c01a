"""Comment anchors (pure): making them on whole aksharas and following edits."""

from __future__ import annotations

import unicodedata

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from editor_app.core.errors import ValidationError
from editor_app.core.review.anchors import (
    Anchor,
    _snap,
    field_text,
    find_anchor,
    follow_edit,
    make_anchor,
    map_range,
    visible_body,
)

TEXT = "राज्य सरकार ने बाढ़ से निपटने के लिए मजबूत योजना बनाई है। अधिकारी जांच करेंगे।"


def _follow(anchor: Anchor, old: str, new: str, orphaned: bool = False) -> tuple[Anchor, bool]:
    return follow_edit(anchor, orphaned, old, new)


def test_visible_body_is_the_text_without_markup():
    body = "## उपशीर्षक\n\nपहला **मोटा** पैरा [लिंक](https://example.in)\n\n- एक\n- दो\n"
    assert visible_body(body) == "उपशीर्षक\nपहला मोटा पैरा लिंक\nएक\nदो"
    assert field_text("headline", "**नहीं**") == "**नहीं**"
    with pytest.raises(ValidationError):
        field_text("slug", "x")


def test_make_anchor_widens_to_aksharas_and_trims_spaces():
    text = "क्षत्रिय समाज"
    # 1..2 is inside क्ष (क ् ष): the anchor takes the whole akshara
    anchor = make_anchor(text, 1, 2)
    assert anchor.quote == "क्ष"
    spaced = make_anchor(text, 8, 13)  # " समाज" with the space before it
    assert spaced.quote == "समाज"
    assert spaced.context_before == "क्षत्रिय "
    # on a later line too (clusters are found line by line)
    assert make_anchor("पहला पैरा\nक्षत्रिय", 11, 12).quote == "क्ष"
    assert map_range(text, text, 1, 2) == (0, 3)  # a stale range is snapped as well
    with pytest.raises(ValidationError):
        make_anchor(text, 8, 8)
    with pytest.raises(ValidationError):
        make_anchor("क  ख", 1, 3)  # only spaces
    with pytest.raises(ValidationError):
        make_anchor(text, 5, 99)


def test_find_anchor_first_occurrence_nfc():
    text = "पढ़ें और पढ़ें"
    decomposed = unicodedata.normalize("NFD", "पढ़ें")
    anchor = find_anchor(text, decomposed)
    assert (anchor.start, anchor.quote) == (0, "पढ़ें")
    with pytest.raises(ValidationError):
        find_anchor(text, "लिखें")


def test_context_is_kept_either_side():
    long = "क" * 100 + "मजबूत" + "ख" * 100
    anchor = find_anchor(long, "मजबूत")
    assert anchor.context_before == "क" * 40
    assert anchor.context_after == "ख" * 40


def test_edit_before_moves_the_anchor():
    anchor = find_anchor(TEXT, "मजबूत योजना")
    new = TEXT.replace("राज्य सरकार", "केंद्र और राज्य सरकार")
    moved, orphaned = _follow(anchor, TEXT, new)
    assert not orphaned
    assert moved.quote == "मजबूत योजना"
    assert new[moved.start:moved.end] == "मजबूत योजना"


def test_edit_after_leaves_the_anchor():
    anchor = find_anchor(TEXT, "मजबूत योजना")
    new = TEXT.replace("जांच करेंगे", "कल से जांच शुरू करेंगे")
    moved, orphaned = _follow(anchor, TEXT, new)
    assert (moved.start, moved.end, moved.quote, orphaned) == (
        anchor.start, anchor.end, "मजबूत योजना", False)
    assert moved.context_after != anchor.context_after  # context follows the new text


def test_edit_inside_changes_the_quote():
    anchor = find_anchor(TEXT, "मजबूत योजना")
    new = TEXT.replace("मजबूत योजना", "मजबूत और ठोस योजना")
    moved, orphaned = _follow(anchor, TEXT, new)
    assert not orphaned
    assert moved.quote == "मजबूत और ठोस योजना"


def test_akshara_change_inside_a_word_keeps_the_range():
    old = "सरकार ने मजूबत योजना बनाई"
    anchor = find_anchor(old, "मजूबत योजना")
    new = old.replace("मजूबत", "मजबूत")
    moved, orphaned = _follow(anchor, old, new)
    assert (moved.quote, orphaned) == ("मजबूत योजना", False)


def test_one_word_typo_fix_keeps_but_typing_over_orphans():
    old = "सरकार ने मजूबत योजना बनाई"
    anchor = find_anchor(old, "मजूबत")
    moved, orphaned = _follow(anchor, old, old.replace("मजूबत", "मजबूत"))
    assert (moved.quote, orphaned) == ("मजबूत", False)  # म and त were kept
    typed_over, orphaned = _follow(anchor, old, old.replace("मजूबत", "ठोस"))
    assert orphaned and typed_over.quote == "मजूबत"


def test_typing_right_at_either_end_stays_outside():
    old = "एक दो तीन"
    anchor = find_anchor(old, "दो")
    for new in ("एक नया दो तीन", "एक दो नया तीन", "नया एक दो तीन नया"):
        moved, orphaned = _follow(anchor, old, new)
        assert (moved.quote, orphaned) == ("दो", False), new
        assert new[moved.start:moved.end] == "दो"
    # insertions exactly at the anchor's ends (next to punctuation)
    old = "एक (दो)। तीन"
    anchor = find_anchor(old, "दो")
    for new in ("एक (नया दो)। तीन", "एक (दो नया)। तीन", "एक (दो)नया। तीन"):
        moved, orphaned = _follow(anchor, old, new)
        assert (moved.quote, orphaned) == ("दो", False), new


def test_deleting_the_phrase_orphans_and_keeps_the_quote():
    anchor = find_anchor(TEXT, "मजबूत योजना")
    new = TEXT.replace("मजबूत योजना ", "")
    moved, orphaned = _follow(anchor, TEXT, new)
    assert orphaned
    assert moved.quote == "मजबूत योजना"
    assert moved.context_before == anchor.context_before
    assert moved.start == moved.end <= len(new)


def test_orphan_is_found_again_when_the_text_comes_back():
    anchor = find_anchor(TEXT, "मजबूत योजना")
    gone = TEXT.replace("मजबूत योजना ", "")
    lost, orphaned = _follow(anchor, TEXT, gone)
    assert orphaned
    back, orphaned = _follow(lost, gone, TEXT, orphaned=True)
    assert not orphaned
    assert (back.start, back.end, back.quote) == (anchor.start, anchor.end, anchor.quote)
    # still gone after another unrelated edit: stays orphaned
    again, orphaned = _follow(lost, gone, gone + " नया", orphaned=True)
    assert orphaned and again.quote == "मजबूत योजना"


def test_moved_paragraph_is_found_again_by_context():
    first = "पहला अनुच्छेद: नगर निगम ने नालों की सफ़ाई शुरू की है और काम जारी है।"
    second = "दूसरा अनुच्छेद: बारिश से पहले शहर के सभी नाले साफ़ किए जाएंगे।"
    third = "तीसरा अनुच्छेद: लोगों ने राहत की सांस ली।"
    old = "\n".join([first, second, third])
    new = "\n".join([second, third, first])
    anchor = find_anchor(old, "नालों की सफ़ाई")
    moved, orphaned = _follow(anchor, old, new)
    assert not orphaned
    assert new[moved.start:moved.end] == "नालों की सफ़ाई"
    assert moved.start > new.index(third)


def test_refind_picks_the_occurrence_with_matching_context():
    old = "क्षेत्र में बाढ़ आई। प्रशासन ने कहा कि बाढ़ से निपटने की तैयारी है।"
    anchor = find_anchor(old, "कहा कि बाढ़")
    # the sentence is cut and pasted in front of another "बाढ़"
    new = "प्रशासन ने कहा कि बाढ़ से निपटने की तैयारी है। क्षेत्र में बाढ़ आई।"
    moved, orphaned = _follow(anchor, old, new)
    assert not orphaned
    assert new[moved.start:moved.end] == "कहा कि बाढ़"


def test_whole_field_anchor_never_moves():
    anchor = Anchor(0, 0, "")
    assert _follow(anchor, TEXT, "") == (anchor, False)


def test_stale_anchor_is_resynced_by_its_quote():
    anchor = find_anchor(TEXT, "मजबूत योजना")
    shifted_old = "नया वाक्य। " + TEXT  # written by a path that did not re-anchor
    new = shifted_old.replace("अधिकारी", "अफ़सर")
    moved, orphaned = _follow(anchor, shifted_old, new)
    assert not orphaned
    assert new[moved.start:moved.end] == "मजबूत योजना"


def test_map_range_between_views():
    view = "सरकार  ने मजबूत योजना "  # as typed: two spaces, trailing space
    stored = "सरकार ने मजबूत योजना"
    lo, hi = map_range(view, stored, view.index("मजबूत"), view.index("मजबूत") + 5)
    assert stored[lo:hi] == "मजबूत"
    assert map_range(stored, stored, 2, 4) == (2, 4)


_PIECES = ["क", "्", "ष", "ि", "ा", "ं", "़", "\u200d", "\u200c", " ", "\n", "र", "्", "य",
           "ृ", "ँ", "अ", "।", "a", "\r\n", "  ", "😀"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=60), st.data())
def test_snapping_matches_a_whole_text_segmentation(pieces, data):
    text = "".join(pieces)
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    bounds = [0, *(m.end() for m in regex.finditer(r"\X", text))]
    lo = max(b for b in bounds if b <= start)
    hi = min(b for b in bounds if b >= end)
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    assert _snap(text, start, end) == (lo, hi)
