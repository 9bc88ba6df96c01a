"""Quotation marks and repeated words.

Quote pairing is checked per paragraph (a line of text). Apostrophes are told apart from
closing single quotes: ``’`` between Latin letters (``don’t``), after a Latin word with no
open ``‘`` (``students’``) or before a digit (``’90``) is an apostrophe. A quotation that runs
over several paragraphs by the usual convention (each paragraph opens with the same mark and
only the last one closes) is not flagged.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import regex

from editor_app.core.text.findings import Finding, Severity
from editor_app.core.text.lint.base import LintContext, Rule
from editor_app.core.text.lint.wordlists import FUNCTION_WORDS, REDUPLICATION_OK
from editor_app.core.text.tokenize import Script, TokenKind

__all__ = ["QUOTE_RULES"]

_OPEN_TO_CLOSE = {"“": "”", "‘": "’"}
_CLOSE_TO_OPEN = {v: k for k, v in _OPEN_TO_CLOSE.items()}
_LATIN_RE = regex.compile(r"\p{Latin}")
_ALNUM_RE = regex.compile(r"[\p{L}\p{M}\p{Nd}]")
_OPENING_CONTEXT = set(" \t\n\u00a0([{<—–-/“‘")


def _is_apostrophe(line: str, i: int, open_single: bool) -> bool:
    prev = line[i - 1] if i else ""
    nxt = line[i + 1] if i + 1 < len(line) else ""
    if prev and nxt and _LATIN_RE.match(prev) and _LATIN_RE.match(nxt):
        return True  # don’t
    if nxt and nxt.isdigit() and (not prev or prev.isspace()):
        return True  # ’90
    return bool(prev and _LATIN_RE.match(prev) and not open_single)  # students’


def _paragraphs(text: str) -> Iterator[tuple[int, str]]:
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


# --- punct.unbalanced-quote ------------------------------------------------------------------

def _check_unbalanced(ctx: LintContext) -> Iterator[Finding]:
    paragraphs = [(start, line) for start, line in _paragraphs(ctx.text) if line.strip()]
    for index, (base, line) in enumerate(paragraphs):
        stack: list[tuple[str, int]] = []
        for i, char in enumerate(line):
            if char in _OPEN_TO_CLOSE:
                stack.append((char, i))
            elif char in _CLOSE_TO_OPEN:
                want = _CLOSE_TO_OPEN[char]
                if char == "’" and _is_apostrophe(line, i, any(c == want for c, _ in stack)):
                    continue
                depth = next((d for d in range(len(stack) - 1, -1, -1) if stack[d][0] == want),
                             None)
                if depth is None:
                    yield _unbalanced(ctx, base + i, char, closing=True)
                    continue
                for skipped, pos in stack[depth + 1:]:
                    yield _unbalanced(ctx, base + pos, skipped, closing=False)
                del stack[depth:]
        straight = [i for i, c in enumerate(line) if c == '"']
        if len(straight) % 2:
            yield _unbalanced(ctx, base + straight[-1], '"', closing=False)
        if not stack:
            continue
        nxt = paragraphs[index + 1][1].lstrip() if index + 1 < len(paragraphs) else ""
        for char, pos in stack:
            if nxt.startswith(char) and (char, pos) == stack[0]:
                continue  # quotation continues in the next paragraph
            yield _unbalanced(ctx, base + pos, char, closing=False)


def _unbalanced(ctx: LintContext, pos: int, char: str, *, closing: bool) -> Finding:
    if closing:
        return ctx.finding(UNBALANCED, pos, pos + 1,
                           f"Closing {char} with no opening {_CLOSE_TO_OPEN[char]} in this "
                           "paragraph.",
                           f"समापन {char} है पर इस अनुच्छेद में आरंभिक {_CLOSE_TO_OPEN[char]} नहीं।")
    pair = _OPEN_TO_CLOSE.get(char, char)
    return ctx.finding(UNBALANCED, pos, pos + 1,
                       f"Opening {char} is never closed with {pair} in this paragraph.",
                       f"आरंभिक {char} इस अनुच्छेद में {pair} से बंद नहीं होता।")


# --- punct.straight-quotes -------------------------------------------------------------------

_STRAIGHT_RE = regex.compile(r"[\"']")
_DEVA_RE = regex.compile(r"[\u0900-\u097f]")


def _check_straight_quotes(ctx: LintContext) -> Iterator[Finding]:
    if ctx.style.quotes == "any":
        return
    if ctx.style.quotes == "straight":
        yield from _check_curly(ctx)
        return
    text = ctx.text
    for base, line in _paragraphs(text):
        if ('"' not in line and "'" not in line) or not _DEVA_RE.search(line):
            continue
        for m in _STRAIGHT_RE.finditer(line):
            i = m.start()
            prev = line[i - 1] if i else " "
            nxt = line[i + 1] if i + 1 < len(line) else " "
            if ctx.is_protected(base + i, base + i + 1):
                continue
            if prev.isdigit():
                continue  # 5'10" (feet and inches)
            if m.group() == "'" and _LATIN_RE.match(prev) and (_ALNUM_RE.match(nxt)
                                                               or nxt.isspace()):
                continue  # English apostrophe
            opening = prev in _OPENING_CONTEXT or (i == 0)
            fix = ("“" if opening else "”") if m.group() == '"' else "‘" if opening else "’"
            yield ctx.finding(STRAIGHT_QUOTES, base + i, base + i + 1,
                              f"Straight quote {m.group()}: house style uses curly {fix}.",
                              f"सीधा उद्धरण चिह्न {m.group()}: हाउस स्टाइल में घुमावदार {fix} है।",
                              fix=fix)


def _check_curly(ctx: LintContext) -> Iterator[Finding]:
    for m in regex.finditer(r"[“”‘’]", ctx.text):
        if m.group() == "’" and _is_apostrophe(ctx.text, m.start(), False):
            fix = "'"
        else:
            fix = '"' if m.group() in "“”" else "'"
        yield ctx.finding(STRAIGHT_QUOTES, m.start(), m.end(),
                          f"Curly quote {m.group()}: house style uses straight {fix}.",
                          f"घुमावदार उद्धरण चिह्न {m.group()}: हाउस स्टाइल में सीधा {fix} है।",
                          fix=fix)


# --- punct.repeated-word ---------------------------------------------------------------------

def _check_repeated(ctx: LintContext) -> Iterator[Finding]:
    tokens = ctx.tokens
    text = ctx.text
    for first, second in itertools.pairwise(tokens):
        if first.kind is not TokenKind.WORD or second.kind is not TokenKind.WORD:
            continue
        gap = text[first.end:second.start]
        if not gap or gap.strip(" \u00a0"):
            continue  # hyphenated (धीरे-धीरे), comma-separated, or across lines
        same = first.text == second.text
        if first.script is Script.LATIN:
            same = first.text.casefold() == second.text.casefold()
        if not same or ctx.is_protected(first.start, second.end):
            continue
        word = first.text
        if word in REDUPLICATION_OK:
            continue
        severity: Severity | None = None
        if word in FUNCTION_WORDS or first.script is Script.LATIN:
            severity = Severity.WARNING
        elif first.script is Script.DEVANAGARI:
            severity = Severity.INFO  # may be a deliberate reduplication
        else:
            continue
        yield ctx.finding(
            REPEATED_WORD, first.start, second.end,
            f"Word repeated: {word!r} twice in a row."
            + ("" if severity is Severity.WARNING else " If the repetition is intended, "
               "house style usually hyphenates it."),
            f"शब्द दोहराया गया: {word!r} लगातार दो बार।"
            + ("" if severity is Severity.WARNING else " जानबूझकर दोहराव हो तो योजक चिह्न (-) लगाएं।"),
            fix=text[first.start:first.end], severity=severity)


UNBALANCED = Rule("punct.unbalanced-quote", Severity.WARNING, "Unbalanced quotation mark",
                  "बेमेल उद्धरण चिह्न", _check_unbalanced)
STRAIGHT_QUOTES = Rule("punct.straight-quotes", Severity.WARNING, "Quote style",
                       "उद्धरण चिह्न की शैली", _check_straight_quotes, style=True)
REPEATED_WORD = Rule("punct.repeated-word", Severity.WARNING, "Repeated word",
                     "दोहराया गया शब्द", _check_repeated)

QUOTE_RULES: tuple[Rule, ...] = (UNBALANCED, STRAIGHT_QUOTES, REPEATED_WORD)
