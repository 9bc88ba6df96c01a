"""The one tokenizer shared by spell-check, counts, search, lint and diff.

Contract:
- A *word* is a run of letters, combining marks and digits. ZWJ/ZWNJ count as part of a word
  only *between* word characters (so ``क्‍ष`` stays one word); never at its ends.
- Devanagari and Latin runs are separate tokens even when they touch (``PMमोदी`` gives two).
- Danda (``।`` ``॥``), the abbreviation sign ``॰``, hyphens, quotes and all other
  punctuation are never part of a word. An apostrophe joins Latin letters only (``don't``).
- Offsets are code points into the string given (callers pass NFC text).
- Within one call, equal token texts are one shared ``str`` (a 20k-word story holds a few
  thousand distinct words: callers that keep the tokens, such as lint, hold a third less).

Python's ``re`` ``\\w`` is never used here: it does not match vowel signs, virama or nukta and
so splits Hindi words at every matra. ``regex`` with ``\\p{L}\\p{M}`` classes does not.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

import regex

__all__ = ["Script", "Token", "TokenKind", "akshara_split", "iter_token_texts", "token_texts",
           "tokenize", "word_spans", "words"]


class Script(StrEnum):
    """Writing system of a token."""

    DEVANAGARI = "deva"
    LATIN = "latn"
    OTHER = "other"


class TokenKind(StrEnum):
    """What a token is: a word, or a number (digits only, maybe with . , separators)."""

    WORD = "word"
    NUMBER = "number"


@dataclass(frozen=True, slots=True)
class Token:
    """A word or number with its code-point span ``[start, end)`` in the source text."""

    text: str
    start: int
    end: int
    script: Script
    kind: TokenKind


_ZW = "\u200c\u200d"
# Devanagari letters, marks and digits, plus the Vedic/extended marks that live elsewhere.
_DEVA = (r"[[\p{sc=Deva}\p{sc=Inherited}\u0951-\u0954\u1cd0-\u1cff\ua8e0-\ua8ff]"
         r"&&[\p{L}\p{M}\p{Nd}]]")
_LATN = r"[[\p{sc=Latn}\p{M}\p{Nd}]&&[\p{L}\p{M}\p{Nd}]]"
_OTHER = r"[[\p{L}\p{M}\p{Nd}]--[\p{sc=Deva}\p{sc=Latn}]]"
# Fast paths: the Devanagari block without danda, double danda and ॰ (and ASCII letters and
# digits) are members of _DEVA (_LATN); listing them first lets the common character match
# a plain range before the property set operations run. Same classes (tested exhaustively).
_DEVA_FAST = r"\u0900-\u0963\u0966-\u096f\u0971-\u097f"
_LATN_FAST = r"a-zA-Z0-9"
_WORD_CHAR = r"[\p{L}\p{M}\p{Nd}]"

_TOKEN_RE = regex.compile(
    rf"""
    (?={_WORD_CHAR})  # every token starts with a word character: fail fast elsewhere
    (?:
      (?P<num>(?>\p{{Nd}}+(?:[.,]\p{{Nd}}+)*))(?![\p{{L}}\p{{M}}\p{{Nd}}{_ZW}])
    | (?P<deva>[{_DEVA_FAST}{_DEVA}]+(?:[{_ZW}]+[{_DEVA_FAST}{_DEVA}]+)*)
    | (?P<latn>[{_LATN_FAST}{_LATN}]+(?:['’]\p{{sc=Latn}}+)*)
    | (?P<other>{_OTHER}+(?:[{_ZW}]+{_OTHER}+)*)
    )
    """,
    regex.VERSION1 | regex.VERBOSE,
)

_SCRIPT_OF_GROUP = {"deva": Script.DEVANAGARI, "latn": Script.LATIN, "other": Script.OTHER}
_DIGITS_RE = regex.compile(r"[\p{Nd}.,]+")
_HAS_DIGIT_RE = regex.compile(r"\p{Nd}")
_GRAPHEME_RE = regex.compile(r"\X")


def tokenize(text: str) -> Iterator[Token]:
    """Yield the words and numbers of ``text`` in order, with code-point spans."""
    # A word token is all digits (kind NUMBER) only when the text has a digit at all.
    has_digit = _HAS_DIGIT_RE.search(text) is not None
    shared: dict[str, str] = {}
    share = shared.setdefault
    for match in _TOKEN_RE.finditer(text):
        group = match.lastgroup or "other"
        token_text = match.group()
        token_text = share(token_text, token_text)
        start, end = match.span()
        if group == "num":
            yield Token(token_text, start, end, _script_of_digits(token_text), TokenKind.NUMBER)
            continue
        kind = (TokenKind.NUMBER if has_digit and _DIGITS_RE.fullmatch(token_text)
                else TokenKind.WORD)
        yield Token(token_text, start, end, _SCRIPT_OF_GROUP[group], kind)


def word_spans(text: str) -> list[tuple[str, int, int, Script]]:
    """``(text, start, end, script)`` of every *word* token of ``text`` (numbers left out).

    Exactly ``[(t.text, t.start, t.end, t.script) for t in tokenize(text) if t.kind is
    TokenKind.WORD]``, without building a :class:`Token` per word (for hot paths such as the
    spell highlighter).
    """
    has_digit = _HAS_DIGIT_RE.search(text) is not None
    found: list[tuple[str, int, int, Script]] = []
    append = found.append
    shared: dict[str, str] = {}
    share = shared.setdefault
    for match in _TOKEN_RE.finditer(text):
        group = match.lastgroup or "other"
        if group == "num":
            continue
        token_text = match.group()
        token_text = share(token_text, token_text)
        if has_digit and _DIGITS_RE.fullmatch(token_text):
            continue
        start, end = match.span()
        append((token_text, start, end, _SCRIPT_OF_GROUP[group]))
    return found


def token_texts(text: str) -> list[str]:
    """The text of every token (words and numbers) of ``text``, in order: exactly
    ``[t.text for t in tokenize(text)]``, for hot paths such as building the search index."""
    return [match.group() for match in _TOKEN_RE.finditer(text)]


def iter_token_texts(text: str) -> Iterator[str]:
    """The texts of :func:`token_texts`, one at a time: a whole-story pass that keeps only
    what it derives (the search index's keys) never holds every token's string at once."""
    for match in _TOKEN_RE.finditer(text):
        yield match.group()


def words(text: str) -> list[str]:
    """The word tokens of ``text`` (numbers left out), as strings."""
    return [span[0] for span in word_spans(text)]


def akshara_split(text: str) -> list[str]:
    """Split ``text`` into extended grapheme clusters (aksharas for Devanagari).

    ``क्षत्रिय`` gives ``['क्ष', 'त्रि', 'य']``: a conjunct is one cluster.
    """
    return _GRAPHEME_RE.findall(text)


def _script_of_digits(digits: str) -> Script:
    first = digits[0]
    return Script.DEVANAGARI if "\u0966" <= first <= "\u096f" else Script.LATIN
