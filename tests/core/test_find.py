"""Find/replace matching (no Qt): options, nukta/nasal folding, word edges, offsets."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor_app.core.text.find import (
    InvalidPatternError,
    expand_replacement,
    find_all,
    find_matches,
    replace_all,
)
from editor_app.core.text.normalize import fold


def test_plain_substring_and_case() -> None:
    assert find_all("Modi met modi", "modi") == [(0, 4), (9, 13)]
    assert find_all("Modi met modi", "modi", match_case=True) == [(9, 13)]


def test_empty_query_finds_nothing() -> None:
    assert find_all("कुछ भी", "") == []


def test_ignore_marks_nukta_both_directions() -> None:
    text = "ज़रूर और जरूर"
    assert find_all(text, "जरूर") == [(9, 13)]
    spans = find_all(text, "जरूर", ignore_marks=True)
    assert [text[s:e] for s, e in spans] == ["ज़रूर", "जरूर"]
    assert [text[s:e] for s, e in find_all(text, "ज़रूर", ignore_marks=True)] == [
        "ज़रूर", "जरूर"]


def test_ignore_marks_keeps_trailing_nukta_in_span() -> None:
    text = "पढ़"
    assert find_all(text, "पढ", ignore_marks=True) == [(0, 3)]


def test_ignore_marks_chandrabindu_anusvara() -> None:
    text = "हँस रहा हंस"
    assert len(find_all(text, "हंस", ignore_marks=True)) == 2
    assert len(find_all(text, "हंस")) == 1


def test_precomposed_nukta_letter_matches_decomposed() -> None:
    text = "\u095bरूर"  # precomposed ज़ (not NFC) as some keyboards emit it
    assert find_all(text, "ज़रूर") == [(0, 4)]
    assert find_all(text, "जरूर", ignore_marks=True) == [(0, 4)]


def test_whole_word_uses_tokenizer_not_backslash_b() -> None:
    text = "की कीमत किताब की"
    assert find_all(text, "की", whole_word=True) == [(0, 2), (14, 16)]
    # \b would split after the vowel sign; the tokenizer keeps पढ़ें whole.
    assert find_all("पढ़ें पढ़", "पढ़", whole_word=True) == [(6, 9)]


def test_whole_word_script_boundary_and_punctuation() -> None:
    assert find_all("PMमोदी", "मोदी", whole_word=True) == [(2, 6)]
    assert find_all("कहा (भाजपा) ने", "(भाजपा)", whole_word=True) == [(4, 11)]


def test_regex_mode_and_invalid_pattern() -> None:
    assert find_all("१२ और 34", r"\p{Nd}+", regex=True) == [(0, 2), (6, 8)]
    with pytest.raises(InvalidPatternError):
        find_all("x", "(", regex=True)


def test_matches_do_not_cross_paragraphs_or_images() -> None:
    assert find_all("क\u2029ख", r"क\sख", regex=True) == []
    assert find_all("क\ufffcख", "क.ख", regex=True) == []


def test_astral_characters_offsets_are_code_points() -> None:
    text = "😀 नमस्ते"
    assert find_all(text, "नमस्ते") == [(2, 8)]


def test_replace_all_literal_and_regex_groups() -> None:
    assert replace_all("a-b a-b", "a-b", "x") == ("x x", 2)
    new, count = replace_all("ज़रूर करो", r"(ज)रूर", r"\1रूरत", regex=True,
                             ignore_marks=True)
    # The back-reference comes from the original text: it keeps the nukta.
    assert (new, count) == ("ज़रूरत करो", 1)


def test_expand_replacement_named_groups() -> None:
    text = "दिल्ली 2024"
    (m,) = find_matches(text, r"(?P<city>[\p{L}\p{M}]+) (?P<year>\d+)", regex=True)
    assert expand_replacement(text, m, r"\g<year> \g<city>\n") == "2024 दिल्ली\n"
    with pytest.raises(InvalidPatternError):
        expand_replacement(text, m, r"\g<nope>")


_HINDI = st.sampled_from(["क्ष", "त्र", "ज्ञ", "श्र", "ज़", "हँ", "हं", "की", "A", "b", " ",
                          "ऱ", "\u095b", "ि", "़"])


@settings(max_examples=150, deadline=None)
@given(st.lists(_HINDI, max_size=12).map("".join), st.lists(_HINDI, min_size=1,
                                                            max_size=3).map("".join))
def test_spans_are_valid_and_fold_consistent(text: str, query: str) -> None:
    nfc = unicodedata.normalize("NFC", text)
    for start, end in find_all(nfc, query, ignore_marks=True):
        assert 0 <= start < end <= len(nfc)
        # Whatever matched is equal to the query under the core fold (NFC text).
        assert fold(nfc[start:end]) == fold(query) or fold(query) in fold(nfc[start:end])
