"""Search keys, query parsing, highlighting and snippets (backend-neutral, no SQL).

Contract:
- :func:`terms` is the *only* way text becomes search keys, for the index and for queries
  alike. It folds the text (:func:`~editor_app.core.text.normalize.fold`: NFC, nukta dropped,
  chandrabindu -> anusvara, casefold), splits it with the shared tokenizer
  (:func:`~editor_app.core.text.tokenize.tokenize`, never ``\\w``), and cleans each word:
  ZWJ/ZWNJ, apostrophes and digit separators are dropped, Devanagari digits become ASCII
  digits. A key therefore holds only ASCII letters/digits and non-ASCII letters/marks, so
  keys joined by single spaces are tokenised back into exactly the same keys by FTS5's
  ``ascii`` tokenizer (every non-ASCII code point is a token character there) and by a plain
  ``LIKE '% key %'`` scan.
- Every :class:`Term` carries its code-point span in the *original* (NFC) text, mapped back
  through :func:`~editor_app.core.text.normalize.fold_with_map`, so highlights bold the
  original spelling (ज़रूर stays ज़रूर, with its nukta, inside the span).
- Query syntax (:func:`parse_query`): words are ANDed; ``"double quotes"`` (or “curly
  quotes”) make a phrase that matches adjacent words in order; an unclosed quote runs to the
  end; ``word*`` is a prefix search; the last bare word is a prefix search too while the user
  is still typing it (no trailing space) when ``prefix_last`` is true. Every other character
  (``- ( ) : ^ +``, ``NEAR``, ``OR``, ...) is ordinary text: punctuation is dropped by the
  tokenizer and operator words are searched as words. Prefix matching is by code point, so
  ``विद्या*`` finds विद्यालयों and ``विद्य*`` finds विद्या.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from editor_app.core.errors import ValidationError
from editor_app.core.text.normalize import NUKTA, fold, fold_with_map, to_nfc
from editor_app.core.text.tokenize import iter_token_texts, tokenize

__all__ = [
    "MAX_CLAUSES",
    "MAX_QUERY_CHARS",
    "Clause",
    "QueryPlan",
    "Term",
    "find_matches",
    "index_key_text",
    "make_long_snippet",
    "make_snippet",
    "parse_query",
    "spans_of",
    "terms",
]

log = logging.getLogger(__name__)

MAX_QUERY_CHARS = 1000
MAX_CLAUSES = 32
SNIPPET_TERMS = 28
SNIPPET_LEAD = 5
ELLIPSIS = "…"

_QUOTES = frozenset('"“”')
# Removed from keys: joiners, apostrophes and separators inside numbers ("1,00,000").
_DROP: dict[int, str | None] = {ord(c): None for c in "\u200c\u200d'’.,"}
# Devanagari digits fold to ASCII so that २०२४ finds 2024 and back.
_DROP.update({0x0966 + d: str(d) for d in range(10)})
_WHITESPACE_TO_SPACE = str.maketrans({"\n": " ", "\r": " ", "\t": " ", "\f": " ", "\v": " "})


@dataclass(frozen=True, slots=True)
class Term:
    """One search key and its code-point span ``[start, end)`` in the original NFC text."""

    key: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Clause:
    """One ANDed part of a query: a word (one key) or a phrase (several keys in order).

    ``prefix`` makes the last key match any key that starts with it.
    """

    keys: tuple[str, ...]
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class QueryPlan:
    """A parsed query: every clause must match for an article to be a hit."""

    clauses: tuple[Clause, ...]

    @property
    def is_empty(self) -> bool:
        """True when the query had no searchable words (such a query finds nothing)."""
        return not self.clauses


def terms(text: str) -> list[Term]:
    """Search keys of ``text`` in order, with spans into ``to_nfc(text)``."""
    nfc = to_nfc(text)
    folded = fold(nfc) if NUKTA not in nfc else ""
    if folded and len(folded) == len(nfc):
        # Fast path: without nukta, folding maps code points one to one (checked by length).
        return [Term(key, token.start, token.end) for token in tokenize(folded)
                if (key := token.text.translate(_DROP))]
    folded, origin = fold_with_map(nfc)
    return [Term(key, origin[token.start], origin[token.end]) for token in tokenize(folded)
            if (key := token.text.translate(_DROP))]


def index_key_text(text: str) -> str:
    """What the index stores for ``text``: its keys joined by single spaces.

    The same keys as :func:`terms` without their spans: the text is folded in one pass
    (no per-character offset map), which makes indexing a nukta-rich body several times
    faster; a property test checks the two agree.

    Memory: the tokens are read one at a time and each distinct token's key is made once,
    so the list joined holds references to one ``str`` per distinct word (a 20,000-word
    body: ~0.5 MiB of Python heap at the peak instead of ~4 MiB, which was allocated and
    freed again on every save and left the worker thread's heap fragmented)."""
    folded = fold(to_nfc(text))
    made: dict[str, str] = {}
    keys: list[str] = []
    for token in iter_token_texts(folded):
        key = made.get(token)
        if key is None:
            key = made[token] = token.translate(_DROP)
        if key:
            keys.append(key)
    return " ".join(keys)


def parse_query(query: str, *, prefix_last: bool = True) -> QueryPlan:
    """Parse user input into a :class:`QueryPlan`; never fails on odd characters.

    Raises :class:`ValidationError` only when the query is longer than
    :data:`MAX_QUERY_CHARS` or has more than :data:`MAX_CLAUSES` parts.
    """
    if len(query) > MAX_QUERY_CHARS:
        raise ValidationError(
            f"search text is too long ({len(query)} characters, at most {MAX_QUERY_CHARS})"
        )
    text = to_nfc(query)
    clauses: list[Clause] = []
    last_is_bare_word = False
    position = 0
    in_quote = False
    while position <= len(text):
        next_quote = _next_quote(text, position)
        segment = text[position:next_quote]
        if in_quote:
            keys = tuple(term.key for term in terms(segment))
            if keys:
                clauses.append(Clause(keys))
                # An unclosed phrase is still being typed: its last word may grow.
                last_is_bare_word = _next_quote(text, position) >= len(text)
        else:
            for term in terms(segment):
                starred = segment[term.end:term.end + 1] == "*"
                clauses.append(Clause((term.key,), prefix=starred))
                last_is_bare_word = not starred
        if next_quote >= len(text):
            break
        in_quote = not in_quote
        position = next_quote + 1
    if (prefix_last and last_is_bare_word and clauses and text
            and not text[-1].isspace() and text[-1] not in _QUOTES):
        clauses[-1] = Clause(clauses[-1].keys, prefix=True)
    unique = tuple(dict.fromkeys(clauses))
    if len(unique) > MAX_CLAUSES:
        raise ValidationError(f"search has too many words ({len(unique)}, at most {MAX_CLAUSES})")
    return QueryPlan(unique)


def _next_quote(text: str, start: int) -> int:
    for index in range(start, len(text)):
        if text[index] in _QUOTES:
            return index
    return len(text)


def _key_matches(key: str, wanted: str, prefix: bool) -> bool:
    return key.startswith(wanted) if prefix else key == wanted


def find_matches(field_terms: list[Term], plan: QueryPlan) -> list[tuple[int, int, int]]:
    """Where the clauses of ``plan`` match: ``(clause_index, first_term, last_term + 1)``."""
    found: list[tuple[int, int, int]] = []
    for clause_index, clause in enumerate(plan.clauses):
        width = len(clause.keys)
        for start in range(len(field_terms) - width + 1):
            if all(
                _key_matches(field_terms[start + offset].key, wanted,
                             clause.prefix and offset == width - 1)
                for offset, wanted in enumerate(clause.keys)
            ):
                found.append((clause_index, start, start + width))
    found.sort(key=lambda match: (match[1], match[2]))
    return found


def spans_of(text: str, plan: QueryPlan) -> list[tuple[int, int]]:
    """Merged code-point spans of every match of ``plan`` in ``to_nfc(text)``.

    Fast path: a clause can match only where its first key occurs in the folded text
    (keys are folded tokens with some characters dropped, so every key is a substring of
    the folded text with those characters dropped); when no clause's first key occurs,
    there is nothing to tokenise (a search hit whose headline does not match: ~1/5 of the
    cost)."""
    nfc = to_nfc(text)
    folded = fold(nfc).translate(_DROP)
    if not any(clause.keys[0] in folded for clause in plan.clauses):
        return []
    field_terms = terms(nfc)
    return _merge([(field_terms[first].start, field_terms[last - 1].end)
                   for _, first, last in find_matches(field_terms, plan)])


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def make_snippet(text: str, plan: QueryPlan, *,
                 max_terms: int = SNIPPET_TERMS) -> tuple[str, list[tuple[int, int]]]:
    """A short excerpt of ``to_nfc(text)`` around the best cluster of matches.

    Returns ``(snippet, spans)``; spans are code-point offsets into ``snippet``. The excerpt
    is a slice of the original text with line breaks shown as spaces and ``…`` marking a cut,
    so every highlighted span shows the text exactly as written. Without any match the
    excerpt is the opening of the text and ``spans`` is empty.
    """
    nfc = to_nfc(text)
    field_terms = terms(nfc)
    if not field_terms:
        return nfc.strip().translate(_WHITESPACE_TO_SPACE)[:200], []
    matches = find_matches(field_terms, plan)
    first = _best_window(matches, len(field_terms), max_terms)
    last = min(len(field_terms), first + max_terms)
    start = 0 if first == 0 else field_terms[first].start
    end = len(nfc) if last == len(field_terms) else field_terms[last - 1].end
    body = nfc[start:end]
    stripped = len(body) - len(body.lstrip())
    body = body.strip()
    start += stripped
    lead = ELLIPSIS if first > 0 else ""
    tail = ELLIPSIS if last < len(field_terms) else ""
    snippet = lead + body.translate(_WHITESPACE_TO_SPACE) + tail
    shift = len(lead) - start
    spans = _merge([
        (field_terms[m_first].start + shift, field_terms[m_last - 1].end + shift)
        for _, m_first, m_last in matches
        if m_first >= first and m_last <= last
    ])
    return snippet, spans


def make_long_snippet(text: str, plan: QueryPlan) -> tuple[str, list[tuple[int, int]]]:
    """:func:`make_snippet` for long texts (article bodies), in time independent of length.

    Only the paragraph (line) holding the most of the query's words is tokenised, found with
    a cheap folded-substring test; without such a line (the hit was in tags or byline, or a
    number written with separators) the snippet is the opening of the text, unhighlighted.
    A ``…`` marks text left out before or after the paragraph.
    """
    lines = text.split("\n")
    if len(lines) < 3:
        return make_snippet(text, plan)
    wanted = [clause.keys[0] for clause in plan.clauses if clause.keys]
    best, best_hits = -1, 0
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        folded = fold(line)
        hits = sum(1 for key in wanted if key in folded)
        if hits > best_hits:
            best, best_hits = index, hits
            if hits == len(wanted):
                break
    if best < 0:
        best = next((i for i, line in enumerate(lines) if line.strip()), 0)
    snippet, spans = make_snippet(lines[best], plan)
    if not spans:
        snippet, spans = make_snippet(lines[best], QueryPlan(()))
    before = any(line.strip() for line in lines[:best])
    after = any(line.strip() for line in lines[best + 1:])
    lead = ELLIPSIS if before and not snippet.startswith(ELLIPSIS) else ""
    tail = ELLIPSIS if after and not snippet.endswith(ELLIPSIS) else ""
    shift = len(lead)
    return lead + snippet + tail, [(a + shift, b + shift) for a, b in spans]


def _best_window(matches: list[tuple[int, int, int]], count: int, width: int) -> int:
    """First term of the window that covers the most distinct clauses, then most matches."""
    if not matches or count <= width:
        return 0
    best_first, best_score = 0, (-1, -1, 0)
    for _, anchor, _ in matches:
        first = max(0, min(anchor - SNIPPET_LEAD, count - width))
        inside = [m for m in matches if m[1] >= first and m[2] <= first + width]
        score = (len({m[0] for m in inside}), len(inside), -first)
        if score > best_score:
            best_first, best_score = first, score
    return best_first
