"""The fast paths of the tokenizer and the spell judge give exactly the old results.

- ``tokenize`` (fast-path character ranges, a word-character lookahead, digit checks only
  when the text has a digit) equals the previous implementation, kept here as the oracle,
  on random text mixing Devanagari, Latin, digits, marks, ZWJ/ZWNJ, punctuation, emoji and
  other scripts; its character classes equal the old ones over every code point.
- ``word_spans`` equals the word tokens of ``tokenize``.
- Every repair variant shares the word's ``VARIANT_FOLD`` (``devanagari_letters``)
  (the judge skips the variant loop when no other frequent word has that fold).
"""

from __future__ import annotations

from collections.abc import Iterator

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from editor_app.core.text import tokenize as tok
from editor_app.core.text.devanagari_letters import VARIANT_FOLD
from editor_app.core.text.suggest import frequent_by_fold, repair_variants
from editor_app.core.text.tokenize import Script, TokenKind, tokenize, word_spans

# ---------------------------------------------------------------- the oracle (old code)

_ZW = "\u200c\u200d"
_OLD_DEVA = (r"[[\p{sc=Deva}\p{sc=Inherited}\u0951-\u0954\u1cd0-\u1cff\ua8e0-\ua8ff]"
             r"&&[\p{L}\p{M}\p{Nd}]]")
_OLD_LATN = r"[[\p{sc=Latn}\p{M}\p{Nd}]&&[\p{L}\p{M}\p{Nd}]]"
_OLD_OTHER = r"[[\p{L}\p{M}\p{Nd}]--[\p{sc=Deva}\p{sc=Latn}]]"
_OLD_RE = regex.compile(
    rf"""
    (?P<num>(?>\p{{Nd}}+(?:[.,]\p{{Nd}}+)*))(?![\p{{L}}\p{{M}}\p{{Nd}}{_ZW}])
  | (?P<deva>{_OLD_DEVA}+(?:[{_ZW}]+{_OLD_DEVA}+)*)
  | (?P<latn>{_OLD_LATN}+(?:['’]\p{{sc=Latn}}+)*)
  | (?P<other>{_OLD_OTHER}+(?:[{_ZW}]+{_OLD_OTHER}+)*)
    """,
    regex.VERSION1 | regex.VERBOSE,
)
_OLD_SCRIPT = {"deva": Script.DEVANAGARI, "latn": Script.LATIN, "other": Script.OTHER}
_OLD_DIGITS = regex.compile(r"[\p{Nd}.,]+")


def old_tokenize(text: str) -> Iterator[tuple[str, int, int, Script, TokenKind]]:
    """The tokenizer before the fast paths, as tuples."""
    for match in _OLD_RE.finditer(text):
        group = match.lastgroup or "other"
        word = match.group()
        if group == "num":
            script = Script.DEVANAGARI if "\u0966" <= word[0] <= "\u096f" else Script.LATIN
            yield word, match.start(), match.end(), script, TokenKind.NUMBER
            continue
        kind = TokenKind.NUMBER if _OLD_DIGITS.fullmatch(word) else TokenKind.WORD
        yield word, match.start(), match.end(), _OLD_SCRIPT[group], kind


# ---------------------------------------------------------------- generators

_PIECES = [
    # Devanagari letters, matras, virama, nukta, nasal marks, digits, danda, ॰
    *"कखगघङचछजझञटठडढणतथदधनपफबभमयरलवशषसहक़ड़ऱऩऴअआइईउऊएऐओऔ",
    *"\u093e\u093f\u0940\u0941\u0942\u0947\u0948\u094b\u094c\u094d\u093c\u0901\u0902\u0903",
    *"०१२३४५६७८९", "।", "॥", "॰", "ॐ", "\u0951", "\u1cd0", "\ua8e0", "\ua8f2",
    # Latin, digits, apostrophes, punctuation, spaces
    *"abcxyzABCXYZéñ", *"0123456789", "'", "’", ".", ",", "-", "—", "!", "?", "\"", "(",
    ")", " ", " ", "\n", "\t", "_", "#", "@",
    # combining marks, ZWJ/ZWNJ, other scripts, astral letters and emoji
    "\u0301", "\u0308", "\u200c", "\u200d", "\u00aa", "\u2160",
    *"অকা্ািதமிழ்عربيةабв中文", "٣", "𝐀", "𐌰", "😀", "👍🏽", "🇮🇳", "\ufeff",
]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=60).map("".join)
_WORDS = ["नमस्ते", "क्‍ष", "PMमोदी", "don't", "2024में", "१२३", "१२३\u200dक", "3.5", "१,२००",
          "क्\u200cष", "abc\u200dदेव", "ॐ॰", "रु॰"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.one_of(_TEXT, st.sampled_from(_WORDS)), max_size=6).map(" ".join))
def test_tokenize_equals_the_old_tokenizer(text: str) -> None:
    new = [(t.text, t.start, t.end, t.script, t.kind) for t in tokenize(text)]
    assert new == list(old_tokenize(text))


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_word_spans_are_the_word_tokens(text: str) -> None:
    expected = [(t.text, t.start, t.end, t.script) for t in tokenize(text)
                if t.kind is TokenKind.WORD]
    assert word_spans(text) == expected


def test_fast_character_classes_equal_the_old_ones_everywhere() -> None:
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    for old, new in ((_OLD_DEVA, f"[{tok._DEVA_FAST}{tok._DEVA}]"),
                     (_OLD_LATN, f"[{tok._LATN_FAST}{tok._LATN}]"),
                     (_OLD_OTHER, tok._OTHER)):
        old_re, new_re = regex.compile(old, regex.VERSION1), regex.compile(new, regex.VERSION1)
        assert [m.span() for m in old_re.finditer(every)] == \
            [m.span() for m in new_re.finditer(every)]


def test_known_examples() -> None:
    assert [t.text for t in tokenize("PMमोदी ने कहा। क्‍ष 2024में")] == [
        "PM", "मोदी", "ने", "कहा", "क्‍ष", "2024", "में"]
    assert word_spans("१२३ don't") == [("don't", 4, 9, Script.LATIN)]


# ---------------------------------------------------------------- the judge's variant fold

_DEVA_WORD = st.lists(st.sampled_from([*"कडढरनइईउऊऱऩऴ",
                                       *"\u093f\u0940\u0941\u0942\u094d\u093c\u0902\u0901\u093e"]),
                      min_size=1, max_size=8).map("".join)


@settings(max_examples=500, deadline=None)
@given(_DEVA_WORD)
def test_repair_variants_share_the_fold(word: str) -> None:
    fold = word.translate(VARIANT_FOLD)
    for variant, _kind in repair_variants(word, soft_nukta=True):
        assert variant.translate(VARIANT_FOLD) == fold


def test_frequent_by_fold_groups_frequent_words() -> None:
    zipf = {"सड़क": 5.0, "सडक": 3.6, "लोगों": 5.5, "रात": 2.0}
    index = frequent_by_fold(zipf, 3.5)
    assert sorted(index["सडक".translate(VARIANT_FOLD)]) == ["सडक", "सड़क"]
    assert "रात".translate(VARIANT_FOLD) not in index
    assert frequent_by_fold(zipf, 3.5) is index
