"""The word + akshara diff: round trip, grapheme-safe boundaries, exact hunks, offsets."""

from __future__ import annotations

from typing import Literal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor_app.core.errors import ValidationError
from editor_app.core.review.diff import (
    Hunk,
    apply_hunks,
    diff_text,
    grapheme_boundaries,
    invert,
    map_offset,
)

# Pieces of Hindi news copy: conjuncts (क्ष ज्ञ त्र श्र), nukta (ज़ ड़ फ़ as base + U+093C),
# matras, virama, anusvara/chandrabindu, ZWJ/ZWNJ after virama, Latin, both digit systems,
# danda and other punctuation, spaces and newlines. Random code-point edits below also
# produce broken sequences (a matra at a word start, a lone virama), which must diff too.
_PIECES = [
    "क्षेत्र", "ज्ञान", "विज्ञान", "श्रमिक", "मज़दूर", "सड़क", "फ़िल्म", "मजबूत", "मजूबत",
    "हँसी", "हंस", "में", "हैं", "नहीं", "प्रधानमंत्री", "क्\u200dष", "क्\u200cष", "द्\u200dव",
    "और", "औऱ", "पढ़ें", "पढें", "राज्य", "सरकार", "ने", "की", "का", "१२३", "2024", "PM",
    "मोदी", "Delhi", "।", ".", ",", "‘", "’", "-", ":", "?", " ", " ", " ", "\n", "\n\n",
    "ि", "ा", "्", "़", "ं", "ँ", "\u200d", "\u200c", "क", "ष", "त", "र",
]

_PREFERS: tuple[Literal["start", "end"], ...] = ("start", "end")
_texts = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


@st.composite
def _edited(draw: st.DrawFn) -> tuple[str, str]:
    """An old text and a new text made from it by a few random code-point edits."""
    old = draw(_texts)
    new = old
    for _ in range(draw(st.integers(0, 5))):
        at = draw(st.integers(0, len(new)))
        cut = draw(st.integers(0, min(6, len(new) - at)))
        insert = draw(st.lists(st.sampled_from(_PIECES), max_size=3).map("".join))
        new = new[:at] + insert + new[at + cut:]
    return old, new


def _check_hunks(old: str, new: str, hunks: list[Hunk]) -> None:
    old_bounds = grapheme_boundaries(old)
    new_bounds = grapheme_boundaries(new)
    prev_old_end = prev_new_end = -1
    for hunk in hunks:
        assert hunk.old_start > prev_old_end and hunk.new_start > prev_new_end
        assert hunk.old_start <= hunk.old_end and hunk.new_start <= hunk.new_end
        assert hunk.old_text != hunk.new_text
        assert old[hunk.old_start:hunk.old_end] == hunk.old_text
        assert new[hunk.new_start:hunk.new_end] == hunk.new_text
        for edge in (hunk.old_start, hunk.old_end):
            assert edge in old_bounds, (old, edge)
        for edge in (hunk.new_start, hunk.new_end):
            assert edge in new_bounds, (new, edge)
        inner_old = inner_new = -1
        for run in hunk.inner:
            assert hunk.old_start <= run.old_start <= run.old_end <= hunk.old_end
            assert hunk.new_start <= run.new_start <= run.new_end <= hunk.new_end
            assert run.old_start > inner_old and run.new_start > inner_new
            assert old[run.old_start:run.old_end] == run.old_text
            assert new[run.new_start:run.new_end] == run.new_text
            assert {run.old_start, run.old_end} <= old_bounds
            assert {run.new_start, run.new_end} <= new_bounds
            inner_old, inner_new = run.old_end, run.new_end
        if hunk.inner:  # the inner runs turn the old word into the new word
            word = hunk.old_text
            for run in reversed(hunk.inner):
                cut_from, cut_to = run.old_start - hunk.old_start, run.old_end - hunk.old_start
                word = word[:cut_from] + run.new_text + word[cut_to:]
            assert word == hunk.new_text
        prev_old_end, prev_new_end = hunk.old_end, hunk.new_end


@settings(max_examples=400)
@given(_edited())
def test_diff_round_trips_on_grapheme_boundaries(pair: tuple[str, str]) -> None:
    old, new = pair
    hunks = diff_text(old, new)
    assert apply_hunks(old, hunks) == new
    assert apply_hunks(new, invert(hunks)) == old
    _check_hunks(old, new, hunks)
    assert (hunks == []) == (old == new)


@settings(max_examples=200)
@given(_texts, _texts)
def test_diff_of_unrelated_texts_round_trips(old: str, new: str) -> None:
    hunks = diff_text(old, new)
    assert apply_hunks(old, hunks) == new
    _check_hunks(old, new, hunks)


@settings(max_examples=100)
@given(st.lists(_edited(), min_size=1, max_size=30))
def test_long_texts_take_the_paragraph_and_sentence_paths(pairs: list[tuple[str, str]]) -> None:
    # Many paragraphs, each long enough (with sentences) for the sentence-level anchoring.
    old = "\n\n".join(("। ".join([o] * 40)) for o, _ in pairs)
    new = "\n\n".join(("। ".join([o] * 20 + [n] + [o] * 19)) for o, n in pairs)
    hunks = diff_text(old, new)
    assert apply_hunks(old, hunks) == new
    _check_hunks(old, new, hunks)


def test_typo_fix_marks_only_the_changed_aksharas() -> None:
    old, new = "यह मजूबत कदम है", "यह मजबूत कदम है"
    [hunk] = diff_text(old, new)
    assert (hunk.old_text, hunk.new_text, hunk.kind) == ("मजूबत", "मजबूत", "replace")
    assert (hunk.old_start, hunk.old_end, hunk.new_start, hunk.new_end) == (3, 8, 3, 8)
    # म (3) and त (7) stay; the aksharas जू ब became ज बू: one run, 4..7 on both sides.
    [run] = hunk.inner
    assert (run.old_start, run.old_end, run.old_text) == (4, 7, "जूब")
    assert (run.new_start, run.new_end, run.new_text) == (4, 7, "जबू")


def test_nukta_fix_never_separates_nukta_from_its_consonant() -> None:
    old, new = "पढें", "पढ़ें"
    [hunk] = diff_text(old, new)
    [run] = hunk.inner
    # ढें became ढ़ें: the whole akshara, not just the inserted nukta U+093C.
    assert (run.old_text, run.new_text) == ("ढें", "ढ़ें")


def test_conjunct_change_keeps_the_conjunct_whole() -> None:
    [hunk] = diff_text("क्षेत्र में", "क्षत्र में")
    [run] = hunk.inner
    assert (run.old_text, run.new_text) == ("क्षे", "क्ष")


def test_inserting_a_word_marks_only_that_word_and_its_space() -> None:
    old, new = "सरकार ने योजना शुरू की", "सरकार ने नई योजना शुरू की"
    [hunk] = diff_text(old, new)
    assert hunk.kind == "insert"
    assert hunk.new_text in ("नई ", " नई")
    assert hunk.old_start == hunk.old_end
    assert hunk.inner == ()
    assert apply_hunks(old, [hunk]) == new


def test_deleting_a_word_and_unrelated_words() -> None:
    [hunk] = diff_text("बहुत तेज़ बारिश", "तेज़ बारिश")
    assert (hunk.kind, hunk.old_text, hunk.new_text) == ("delete", "बहुत ", "")
    [hunk] = diff_text("राम गया", "राम आया")
    # गया -> आया share the akshara या
    assert [(r.old_text, r.new_text) for r in hunk.inner] == [("ग", "आ")]
    [hunk] = diff_text("राम घर", "राम वन")
    assert hunk.inner == ()  # no akshara in common: the whole word is the change


def test_punctuation_is_its_own_token() -> None:
    [hunk] = diff_text("है.इस", "है। इस")
    assert (hunk.old_text, hunk.new_text) == (".", "। ")


def test_equal_texts_give_no_hunks() -> None:
    assert diff_text("", "") == []
    assert diff_text("नमस्ते\n", "नमस्ते\n") == []


def test_edits_in_far_apart_paragraphs_stay_separate() -> None:
    paragraphs = [f"अनुच्छेद {i} में कुछ शब्द हैं।" for i in range(200)]
    old = "\n\n".join(paragraphs)
    changed = list(paragraphs)
    changed[3] = changed[3].replace("कुछ", "बहुत")
    changed[150] = changed[150].replace("शब्द", "वाक्य")
    new = "\n\n".join(changed)
    hunks = diff_text(old, new)
    assert [(h.old_text, h.new_text) for h in hunks] == [("कुछ", "बहुत"), ("शब्द", "वाक्य")]
    assert apply_hunks(old, hunks) == new


def test_apply_rejects_hunks_that_no_longer_fit() -> None:
    hunks = diff_text("एक दो", "एक तीन")
    with pytest.raises(ValidationError):
        apply_hunks("एक चार", hunks)
    with pytest.raises(ValidationError):
        apply_hunks("एक दो", hunks + diff_text("एक दो", "चार दो"))  # out of order


def test_any_subset_of_hunks_applies() -> None:
    old, new = "एक दो तीन चार", "एक दोनों तीन पांच"
    first, second = diff_text(old, new)
    assert apply_hunks(old, [first]) == "एक दोनों तीन चार"
    assert apply_hunks(old, [second]) == "एक दो तीन पांच"


def test_map_offset() -> None:
    old, new = "राम घर गया", "राम नया घर आया"
    hunks = diff_text(old, new)
    # "राम " unchanged: offsets before the first change stay
    assert map_offset(hunks, 0, prefer="start") == 0
    # the insertion point of "नया " (old offset 4): before or after the inserted word
    insert = next(h for h in hunks if h.kind == "insert")
    assert map_offset(hunks, insert.old_start, prefer="start") == insert.new_start
    assert map_offset(hunks, insert.old_start, prefer="end") == insert.new_end
    # घर moves right by len("नया ")
    ghar = old.index("घर")
    assert new[map_offset(hunks, ghar + 1, prefer="start")] == "र"
    # inside the replaced word गया -> आया: its start or its end
    replace = next(h for h in hunks if h.kind == "replace")
    assert map_offset(hunks, replace.old_start + 1, prefer="start") == replace.new_start
    assert map_offset(hunks, replace.old_start + 1, prefer="end") == replace.new_end
    # the edges of a replaced stretch move with the unchanged text beside them
    assert map_offset(hunks, replace.old_start, prefer="end") == replace.new_start
    assert map_offset(hunks, replace.old_end, prefer="start") == replace.new_end
    assert map_offset(hunks, len(old), prefer="start") == len(new)
    with pytest.raises(ValidationError):
        map_offset(hunks, -1, prefer="start")


def test_map_offset_inside_a_deletion() -> None:
    old, new = "एक बहुत बड़ी बात", "एक बात"
    hunks = diff_text(old, new)
    [hunk] = hunks
    assert hunk.kind == "delete"
    inside = old.index("बड़ी")
    assert map_offset(hunks, inside, prefer="start") == hunk.new_start
    assert map_offset(hunks, inside, prefer="end") == hunk.new_end
    assert new[map_offset(hunks, old.index("बात"), prefer="start"):] == "बात"


@settings(max_examples=200)
@given(_edited(), st.data())
def test_map_offset_keeps_unchanged_text_under_the_offset(pair: tuple[str, str],
                                                          data: st.DataObject) -> None:
    old, new = pair
    hunks = diff_text(old, new)
    offset = data.draw(st.integers(0, len(old)))
    for prefer in _PREFERS:
        mapped = map_offset(hunks, offset, prefer=prefer)
        assert 0 <= mapped <= len(new)
        if not any(h.old_start <= offset < h.old_end for h in hunks) and offset < len(old) \
                and not any(h.old_start == h.old_end == offset for h in hunks):
            assert new[mapped] == old[offset]


def test_invert_swaps_sides_including_inner() -> None:
    hunks = diff_text("मजूबत", "मजबूत")
    [back] = invert(hunks)
    assert (back.old_text, back.new_text) == ("मजबूत", "मजूबत")
    assert [(r.old_text, r.new_text) for r in back.inner] == [("जबू", "जूब")]
    assert apply_hunks("मजबूत", [back]) == "मजूबत"


def test_one_long_paragraph_still_marks_only_the_changed_words() -> None:
    sentences = [f"वाक्य {i} में क्षेत्र की ख़बर है।" for i in range(300)]
    old = " ".join(sentences)
    changed = list(sentences)
    changed[10] = changed[10].replace("ख़बर", "खबर")
    changed[250] = changed[250].replace("क्षेत्र", "क्षेत्रों")
    changed.insert(100, "नया वाक्य जुड़ा।")
    new = " ".join(changed)
    hunks = diff_text(old, new)
    assert [(h.kind, h.old_text, h.new_text) for h in hunks] == [
        ("replace", "ख़बर", "खबर"), ("insert", "", "नया वाक्य जुड़ा। "),
        ("replace", "क्षेत्र", "क्षेत्रों")]
    assert [(r.old_text, r.new_text) for r in hunks[0].inner] == [("ख़", "ख")]
    assert apply_hunks(old, hunks) == new
