"""Find and replace over Hindi/English text, with nukta- and nasal-insensitive matching.

Contract:
- Offsets are code points ``[start, end)`` into the *original* text, whatever the options.
  Callers that talk to Qt convert them to UTF-16 (see ``gui/editor/utf16.py``).
- Matching is canonical-equivalence aware: the text and the query are both decomposed one
  character at a time (NFD), so a precomposed ``ज़`` (U+095B, which some keyboards still emit)
  matches ``ज`` + nukta, and NFC and non-NFC text give the same matches.
- ``ignore_marks``: nukta (U+093C) is ignored and chandrabindu (U+0901) equals anusvara
  (U+0902), so ``जरूर`` finds ``ज़रूर`` and ``हंस`` finds ``हँस``. A match that ends on a
  letter whose nukta was ignored includes the nukta (the span never strands a mark).
- ``match_case`` off: full Unicode case folding (``regex`` ``IGNORECASE | FULLCASE``).
- ``whole_word``: a match must start at the start of a token and end at the end of one, by the
  core tokenizer (letters + marks + digits; ZWJ/ZWNJ inside words; Devanagari and Latin runs
  are separate words). Python's ``\\b`` is never used: it breaks Hindi words at every matra.
  The test applies only at an edge of the match that is a word character, so a query such
  as ``(भाजपा)`` still works in whole-word mode.
- ``regex``: the query is a ``regex``-module pattern (VERSION1); with ``ignore_marks`` the
  pattern's own nukta/chandrabindu characters are folded the same way.
- Empty matches, and matches that would cross a paragraph (U+2029, ``\\n``) or contain an
  object replacement character (U+FFFC, an embedded image), are skipped.

:func:`editor_app.core.text.normalize.fold_with_map` is not used directly: it needs NFC input
(editor text is not NFC while the user is typing), leaves precomposed nukta letters alone
and always case-folds, which would break ``match_case``. The key built here agrees with
:func:`~editor_app.core.text.normalize.fold` on NFC text up to case (a test checks this).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

import regex

from editor_app.core.errors import ValidationError
from editor_app.core.text.normalize import ANUSVARA, CHANDRABINDU, NUKTA
from editor_app.core.text.tokenize import tokenize

__all__ = [
    "FindMatch",
    "InvalidPatternError",
    "expand_replacement",
    "find_all",
    "find_matches",
    "replace_all",
]

_BARRIERS = frozenset("\u2029\n\r\ufffc")
_WORD_CHAR = regex.compile(r"[\p{L}\p{M}\p{Nd}]")
_MARK_FOLD = {ord(NUKTA): None, ord(CHANDRABINDU): ANUSVARA}
_TEMPLATE_RE = regex.compile(r"\\(?:g<([^>]*)>|(\d{1,2})|(.))", regex.DOTALL)
_TEMPLATE_ESCAPES = {"n": "\n", "t": "\t", "\\": "\\"}


class InvalidPatternError(ValidationError):
    """The regular expression the user typed does not compile (message says why)."""


@dataclass(frozen=True, slots=True)
class FindMatch:
    """One match: code-point span in the original text plus its capture-group spans."""

    start: int
    end: int
    groups: tuple[tuple[int, int] | None, ...] = ()
    group_names: dict[str, int] = field(default_factory=dict)


def _key_with_map(text: str, ignore_marks: bool) -> tuple[str, list[int]]:
    """Search key of ``text`` (per-character NFD, optionally mark-folded) and its origin map.

    ``origin[i]`` is the index in ``text`` of the character that produced ``key[i]``; a final
    sentinel entry equals ``len(text)``.
    """
    out: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        piece = unicodedata.normalize("NFD", char) if ord(char) > 0x7F else char
        if ignore_marks:
            piece = piece.translate(_MARK_FOLD)
        out.append(piece)
        origin.extend([index] * len(piece))
    origin.append(len(text))
    return "".join(out), origin


def _fold_query(query: str, ignore_marks: bool) -> str:
    key, _ = _key_with_map(query, ignore_marks)
    return key


def _compile(query: str, *, match_case: bool, use_regex: bool,
             ignore_marks: bool) -> regex.Pattern[str]:
    pattern = _fold_query(query, ignore_marks)
    if not use_regex:
        pattern = regex.escape(pattern)
    flags = regex.VERSION1
    if not match_case:
        flags |= regex.IGNORECASE | regex.FULLCASE
    try:
        return regex.compile(pattern, flags)
    except regex.error as exc:
        raise InvalidPatternError(f"invalid regular expression: {exc}") from exc


def _word_edges(text: str) -> tuple[set[int], set[int]]:
    starts: set[int] = set()
    ends: set[int] = set()
    for token in tokenize(text):
        starts.add(token.start)
        ends.add(token.end)
    return starts, ends


def _map_span(origin: list[int], start: int, end: int) -> tuple[int, int]:
    """Map a key span back to the original text (end includes dropped trailing marks)."""
    o_start = origin[start]
    o_end = max(origin[end], origin[end - 1] + 1) if end > start else o_start
    return o_start, o_end


def find_matches(text: str, query: str, *, match_case: bool = False, whole_word: bool = False,
                 regex: bool = False, ignore_marks: bool = False) -> list[FindMatch]:
    """All non-overlapping matches of ``query`` in ``text``, in order, with group spans.

    Raises :class:`InvalidPatternError` when ``regex`` is set and ``query`` does not compile.
    An empty query finds nothing.
    """
    if not query:
        return []
    pattern = _compile(query, match_case=match_case, use_regex=regex,
                       ignore_marks=ignore_marks)
    key, origin = _key_with_map(text, ignore_marks)
    edges = _word_edges(text) if whole_word else None
    found: list[FindMatch] = []
    for m in pattern.finditer(key):
        if m.end() == m.start():
            continue
        start, end = _map_span(origin, m.start(), m.end())
        if any(ch in _BARRIERS for ch in text[start:end]):
            continue
        if edges is not None and not _is_whole_word(text, start, end, edges):
            continue
        groups: list[tuple[int, int] | None] = []
        for index in range(1, (pattern.groups or 0) + 1):
            g_start, g_end = m.span(index)
            groups.append(None if g_start < 0 else _map_span(origin, g_start, g_end))
        found.append(FindMatch(start, end, tuple(groups), dict(pattern.groupindex)))
    return found


def _is_whole_word(text: str, start: int, end: int, edges: tuple[set[int], set[int]]) -> bool:
    starts, ends = edges
    if _WORD_CHAR.match(text[start]) and start not in starts:
        return False
    return not (_WORD_CHAR.match(text[end - 1]) and end not in ends)


def find_all(text: str, query: str, *, match_case: bool = False, whole_word: bool = False,
             regex: bool = False, ignore_marks: bool = False) -> list[tuple[int, int]]:
    """Code-point spans ``(start, end)`` of all matches (see the module contract)."""
    return [(m.start, m.end) for m in find_matches(
        text, query, match_case=match_case, whole_word=whole_word, regex=regex,
        ignore_marks=ignore_marks)]


def expand_replacement(text: str, match: FindMatch, template: str) -> str:
    """Expand a regex replacement ``template`` for ``match`` using the *original* text.

    Supports ``\\1``..``\\99``, ``\\g<n>``, ``\\g<name>``, ``\\n``, ``\\t`` and ``\\\\``;
    unknown escapes stay as written. Groups come from the original text, so a back-reference
    keeps the nukta even when ``ignore_marks`` matched without it.
    """

    def group_text(ref: str) -> str:
        index = int(ref) if ref.isdigit() else match.group_names.get(ref, -1)
        if index == 0:
            return text[match.start:match.end]
        if not 0 < index <= len(match.groups):
            raise InvalidPatternError(f"unknown group in replacement: {ref}")
        span = match.groups[index - 1]
        return "" if span is None else text[span[0]:span[1]]

    def substitute(m: regex.Match[str]) -> str:
        name, number, other = m.group(1), m.group(2), m.group(3)
        if name is not None:
            return group_text(name)
        if number is not None:
            return group_text(number)
        return _TEMPLATE_ESCAPES.get(other, "\\" + other)

    return _TEMPLATE_RE.sub(substitute, template)


def replace_all(text: str, query: str, replacement: str, *, match_case: bool = False,
                whole_word: bool = False, regex: bool = False,
                ignore_marks: bool = False) -> tuple[str, int]:
    """Replace every match; return ``(new_text, count)``.

    With ``regex`` the replacement is a template (:func:`expand_replacement`), otherwise it is
    inserted literally. The result is not re-normalised: callers store NFC.
    """
    matches = find_matches(text, query, match_case=match_case, whole_word=whole_word,
                           regex=regex, ignore_marks=ignore_marks)
    pieces: list[str] = []
    last = 0
    for m in matches:
        pieces.append(text[last:m.start])
        pieces.append(expand_replacement(text, m, replacement) if regex else replacement)
        last = m.end
    pieces.append(text[last:])
    return "".join(pieces), len(matches)
