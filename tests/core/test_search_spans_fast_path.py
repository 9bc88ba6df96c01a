"""Headline highlights skip tokenising when no query key occurs: the same spans as the full
path on any text and query (nukta, nasals, joiners, digits, punctuation, prefixes)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from editor_app.core.search_text import _merge, find_matches, parse_query, spans_of, terms

_PIECES = st.sampled_from(["बाढ़", "बाढ", "पटना", "ज़िला", "जिला", "हँस", "हंस", "क्ष", "ज्ञ",
                           "न्\u200dय", "१२", "12", "1,000", "GST", "gst", "ß", "'", ".", ",",
                           " ", " ", "\u200c", "\u0901", "\u093c", "ऱ", "\"", "*"])


def _full_path(text: str, query: str) -> list[tuple[int, int]]:
    field_terms = terms(text)
    return _merge([(field_terms[first].start, field_terms[last - 1].end)
                   for _, first, last in find_matches(field_terms, parse_query(query))])


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=14).map("".join),
       st.lists(_PIECES, min_size=1, max_size=5).map("".join))
def test_fast_path_gives_the_full_paths_spans(text: str, query: str) -> None:
    plan = parse_query(query)
    if plan.is_empty:
        return
    assert spans_of(text, plan) == _full_path(text, query)


def test_a_headline_without_the_words_has_no_spans_and_one_with_them_has() -> None:
    plan = parse_query("पटना बाढ़")
    assert spans_of("ज़िले में सूखे की तैयारी", plan) == []
    assert spans_of("ज़िले में बाढ़ की तैयारी", plan) == [(10, 14)]
    assert spans_of("१,२ पटना", parse_query("12")) == [(0, 3)]
