"""Tests for phonetic Hindi typing (editor_app.core.text.transliterate)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor_app.core.text.transliterate import (
    FrequencyLexicon,
    PhoneticEdit,
    default_lexicon,
    find_conversion,
    is_word_end,
    transliterate_word,
)

# Common Hindi news words typed the way reporters type them (no doubled vowels unless
# people usually type them), with the newsroom spelling (anusvara style) expected.
NEWS_WORDS: list[tuple[str, str]] = [
    ("bharat", "भारत"), ("samachar", "समाचार"), ("sarkar", "सरकार"), ("kamal", "कमल"),
    ("dilli", "दिल्ली"), ("mumbai", "मुंबई"), ("pradhanmantri", "प्रधानमंत्री"),
    ("hindi", "हिंदी"), ("zyada", "ज़्यादा"), ("kya", "क्या"), ("aur", "और"), ("hai", "है"),
    ("hain", "हैं"), ("mein", "में"), ("nahin", "नहीं"), ("main", "मैं"), ("kahan", "कहां"),
    ("yahan", "यहां"), ("karna", "करना"), ("gyan", "ज्ञान"), ("vigyan", "विज्ञान"),
    ("krishi", "कृषि"), ("mantri", "मंत्री"), ("chunav", "चुनाव"), ("party", "पार्टी"),
    ("vikas", "विकास"), ("desh", "देश"), ("duniya", "दुनिया"), ("rajya", "राज्य"),
    ("karya", "कार्य"), ("sansad", "संसद"), ("bhai", "भाई"), ("kai", "कई"), ("aaj", "आज"),
    ("kal", "कल"), ("sadak", "सड़क"), ("padhai", "पढ़ाई"), ("khabar", "खबर"),
    ("shiksha", "शिक्षा"), ("sthiti", "स्थिति"), ("shanti", "शांति"), ("apna", "अपना"),
    ("ghatna", "घटना"), ("janta", "जनता"), ("gandhi", "गांधी"), ("modi", "मोदी"),
    ("rahul", "राहुल"), ("vidhayak", "विधायक"), ("sabha", "सभा"), ("lok", "लोक"),
    ("mukhyamantri", "मुख्यमंत्री"), ("adhyaksh", "अध्यक्ष"), ("neta", "नेता"),
    ("faisla", "फ़ैसला"), ("sunvai", "सुनवाई"), ("hatya", "हत्या"), ("mamla", "मामला"),
    ("jaanch", "जांच"), ("aarop", "आरोप"), ("police", "पुलिस"), ("adalat", "अदालत"),
    ("nyayalay", "न्यायालय"), ("sarvochch", "सर्वोच्च"), ("chunavi", "चुनावी"),
    ("mahila", "महिला"), ("kisan", "किसान"), ("andolan", "आंदोलन"), ("paani", "पानी"),
    ("barish", "बारिश"), ("mausam", "मौसम"), ("samay", "समय"), ("log", "लोग"),
    ("saal", "साल"), ("din", "दिन"), ("raat", "रात"), ("shahar", "शहर"), ("gaon", "गांव"),
    ("bazar", "बाज़ार"), ("keemat", "कीमत"), ("rupaye", "रुपये"), ("karod", "करोड़"),
    ("lakh", "लाख"), ("pratishat", "प्रतिशत"), ("bayan", "बयान"), ("sena", "सेना"),
    ("suraksha", "सुरक्षा"), ("swasthya", "स्वास्थ्य"), ("aspatal", "अस्पताल"),
    ("doctor", "डॉक्टर"), ("vishwa", "विश्व"), ("khel", "खेल"), ("cricket", "क्रिकेट"),
    ("kaha", "कहा"), ("gaya", "गया"), ("diya", "दिया"), ("liye", "लिए"), ("baad", "बाद"),
]

# Words people type with ambiguous letters where the rule alone must already be right.
RULE_ONLY: list[tuple[str, str]] = [
    ("kamal", "कमल"), ("dilli", "दिल्ली"), ("hindi", "हिंदी"), ("zyaadaa", "ज़्यादा"),
    ("kya", "क्या"), ("aur", "और"), ("hai", "है"), ("hain", "हैं"), ("mein", "में"),
    ("karna", "करना"), ("mantri", "मंत्री"), ("samaachaar", "समाचार"), ("bhaarat", "भारत"),
    ("pradhaanmantri", "प्रधानमंत्री"), ("mumbaI", "मुंबई"),
]


def test_news_word_accuracy() -> None:
    failures = [(roman, expected, got) for roman, expected in NEWS_WORDS
                if (got := transliterate_word(roman)) != expected]
    accuracy = 1 - len(failures) / len(NEWS_WORDS)
    assert len(NEWS_WORDS) >= 60
    assert accuracy >= 0.90, f"accuracy {accuracy:.1%}; failures: {failures}"


@pytest.mark.parametrize(("roman", "expected"), RULE_ONLY)
def test_rules_without_lexicon(roman: str, expected: str) -> None:
    assert transliterate_word(roman, lexicon=None) == expected


@pytest.mark.parametrize(("roman", "expected"), [("bharat", "भारत"), ("samachar", "समाचार")])
def test_issue_examples(roman: str, expected: str) -> None:
    assert transliterate_word(roman) == expected


@pytest.mark.parametrize(("roman", "expected"), [
    ("z", "ज़"), ("fal", "फ़ल"), ("qila", "क़िला"), ("paRh", "पढ़"), ("laRka", "लड़का"),
    ("Rh", "ढ़"), ("zyaadaa", "ज़्यादा"), ("zindagi", "ज़िंदगी"),
])
def test_nukta_letters_are_nfc(roman: str, expected: str) -> None:
    got = transliterate_word(roman, lexicon=None)
    assert got == unicodedata.normalize("NFC", expected)
    assert not any("\u0958" <= ch <= "\u095f" for ch in got)


@pytest.mark.parametrize("roman", ["R", "Ra", "bhaRat", "kRRishi", "RRi", "aRe", "rR"])
def test_capital_r_never_gives_rra(roman: str) -> None:
    assert "\u0931" not in transliterate_word(roman)
    assert "\u0931" not in transliterate_word(roman, lexicon=None)


def test_explicit_letters_are_not_overridden() -> None:
    # "aa" typed is always आ; a capital T is always ट.
    assert transliterate_word("TamaaTar", lexicon=None) == "टमाटर"
    assert transliterate_word("kaam", lexicon=None) == "काम"


def test_other_characters_pass_through() -> None:
    assert transliterate_word("bharat-2024") == "भारत-2024"
    assert transliterate_word("") == ""
    assert transliterate_word("भारत") == "भारत"


def test_custom_lexicon_decides_ambiguity() -> None:
    lex = FrequencyLexicon({"कमाल": 1e-4})
    assert transliterate_word("kamal", lexicon=lex) == "कमाल"
    assert transliterate_word("kamal", lexicon=FrequencyLexicon({})) == "कमल"


def test_default_lexicon_is_loaded_once() -> None:
    assert default_lexicon() is default_lexicon()


def test_long_input_is_bounded() -> None:
    out = transliterate_word("ka" * 200)
    assert out.startswith("क")
    assert "\u0931" not in out


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0x41, max_codepoint=0x7A,
                                      categories=["Lu", "Ll"]), min_size=1, max_size=16))
def test_random_ascii_words_nfc_and_no_rra(word: str) -> None:
    for lexicon in ("default", None):
        out = transliterate_word(word, lexicon=lexicon)
        assert "\u0931" not in out
        assert unicodedata.is_normalized("NFC", out)
        assert not any("a" <= ch.lower() <= "z" for ch in out)


# --- find_conversion ---------------------------------------------------------------------

def test_find_conversion_trailing_word() -> None:
    assert find_conversion("यह bharat") == PhoneticEdit(3, 9, "भारत")
    assert find_conversion("samachar") == PhoneticEdit(0, 8, "समाचार")
    assert find_conversion("“hindi") == PhoneticEdit(1, 6, "हिंदी")


@pytest.mark.parametrize("text", ["", "भारत ", "e.g", "www.example", "x@y", "abc123",
                                  "भारतabc", "don't", "a/b", "  "])
def test_find_conversion_leaves_alone(text: str) -> None:
    assert find_conversion(text) is None


def test_word_end_characters() -> None:
    assert all(is_word_end(c) for c in " ,.;:!?।)\"'\n\t-")
    assert not any(is_word_end(c) for c in "aZ9क~")
