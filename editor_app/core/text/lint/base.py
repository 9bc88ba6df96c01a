"""Building blocks of the copy-desk lint: rules, the per-text context, shared patterns.

Contract:
- A :class:`Rule` is a small unit: an id (``unicode.rra``), a default severity, a short title
  in English and Hindi, and a ``check`` function that takes a :class:`LintContext` and yields
  :class:`Finding` objects whose offsets are code points into ``ctx.text`` (NFC).
- Rules never mutate anything; a finding's ``fix`` is the replacement for ``text`` (the
  exact slice ``ctx.text[start:end]``) or ``None`` when no safe automatic fix exists.
- :class:`StoryStats` holds counts over the whole story (all fields) so consistency rules
  (nukta, digits, terms) judge a headline against the body too.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property

import regex

from editor_app.core.house_style import HouseStyle
from editor_app.core.text.findings import Finding, Severity
from editor_app.core.text.markup_spans import non_prose_spans
from editor_app.core.text.tokenize import Script, Token, TokenKind, tokenize

__all__ = [
    "DEVA_LETTER",
    "DEVA_WORDCHAR",
    "WORD_AFTER",
    "WORD_BEFORE",
    "LintContext",
    "Rule",
    "StoryStats",
    "make_finding",
    "show_marks",
]

#: U+25CC DOTTED CIRCLE: the conventional base on which a combining mark is shown alone.
DOTTED_CIRCLE = "\u25cc"
_BARE_MARK_RE = regex.compile(r"(?<![\p{L}\p{M}\u25cc])(\p{M})")


def show_marks(message: str) -> str:
    """``message`` with every combining mark that has no letter before it put on a dotted
    circle (``(ं)`` becomes ``(◌ं)``), so an explanation that names a mark shows the mark
    instead of an empty ``()`` or a mark fused with the punctuation before it. Marks inside
    words are left alone."""
    return _BARE_MARK_RE.sub(DOTTED_CIRCLE + r"\1", message)


# Character classes (for ``regex``; never Python ``re`` ``\w`` on Devanagari).
DEVA_LETTER = r"[\u0904-\u0939\u093d\u0950\u0958-\u0961\u0971-\u097f]"
DEVA_WORDCHAR = r"[\u0900-\u0963\u0971-\u097f]"
# Whole-word boundaries that understand combining marks.
WORD_BEFORE = r"(?<![\p{L}\p{M}\p{Nd}\u200c\u200d])"
WORD_AFTER = r"(?![\p{L}\p{M}\p{Nd}\u200c\u200d])"

Check = Callable[["LintContext"], Iterable[Finding]]


@dataclass(frozen=True, slots=True)
class Rule:
    """One lint rule. ``style`` is True for rules whose behaviour the house style decides."""

    id: str
    severity: Severity
    title: str
    title_hi: str
    check: Check
    style: bool = False


class StoryStats:
    """Word counts over the whole story (every field), computed once and shared.

    ``keep_tokens``: the story is also the one field being linted, whose rules walk
    :attr:`tokens`, so the counts are taken from that list. Otherwise (an article of
    several fields) the counts are taken from the tokenizer's stream and no token list of
    the whole story is held (~3 MiB at 20k words, for as long as the lint pass runs)."""

    def __init__(self, story_text: str, *, keep_tokens: bool = False) -> None:
        self.text = story_text
        self.keep_tokens = keep_tokens

    @cached_property
    def tokens(self) -> list[Token]:
        """Tokens of the story text."""
        return list(tokenize(self.text))

    @cached_property
    def deva_words(self) -> Counter[str]:
        """Devanagari word tokens and how often each occurs."""
        source = self.tokens if self.keep_tokens else tokenize(self.text)
        return Counter(t.text for t in source
                       if t.script is Script.DEVANAGARI and t.kind is TokenKind.WORD)

    @cached_property
    def digit_systems(self) -> Counter[str]:
        """How many digit runs are ASCII (``ascii``) and Devanagari (``devanagari``)."""
        counts: Counter[str] = Counter()
        for match in DIGIT_RUN_RE.finditer(self.text):
            counts["devanagari" if "\u0966" <= match.group()[0] <= "\u096f" else "ascii"] += 1
        return counts

    def extra(self, key: str, compute: Callable[[], object]) -> object:
        """A cached value for a rule (computed once per story)."""
        cache = self.__dict__.setdefault("_extra", {})
        if key not in cache:
            cache[key] = compute()
        return cache[key]


DIGIT_RUN_RE = regex.compile(
    r"(?<![\p{Latin}\p{Nd}])(?:[0-9]+|[\u0966-\u096f]+)(?![\p{Latin}\p{Nd}])")


@dataclass
class LintContext:
    """What a rule sees: the NFC text of one field, the raw text, the style, the story."""

    text: str
    style: HouseStyle
    field: str = "body"
    raw: str | None = None
    story: StoryStats | None = None
    _protected: list[tuple[int, int]] = dataclasses.field(
        default_factory=list, init=False, repr=False)
    _protected_starts: list[int] = dataclasses.field(
        default_factory=list, init=False, repr=False)

    def __post_init__(self) -> None:
        if self.story is None:
            self.story = StoryStats(self.text, keep_tokens=True)
        merged = non_prose_spans(self.text)
        self._protected = merged
        self._protected_starts = [s for s, _ in merged]

    @property
    def stats(self) -> StoryStats:
        """Story-wide counts (never None after construction)."""
        assert self.story is not None
        return self.story

    @cached_property
    def tokens(self) -> list[Token]:
        """Tokens of this field's text (shared with the story when the field is the story)."""
        if self.stats.text == self.text:
            return self.stats.tokens
        return list(tokenize(self.text))

    @property
    def field_kind(self) -> str:
        """``headline``, ``dek``, ``caption`` or ``body`` (``caption:2`` -> ``caption``)."""
        return self.field.split(":", 1)[0].split(".", 1)[0].rstrip("0123456789_-")

    def is_protected(self, start: int, end: int) -> bool:
        """True if ``[start, end)`` touches a URL, e-mail, hashtag, @handle or inline code."""
        i = bisect.bisect_left(self._protected_starts, max(end, start + 1)) - 1
        return i >= 0 and self._protected[i][1] > start

    def prose_matches(self, pattern: regex.Pattern[str]) -> Iterator[regex.Match[str]]:
        """Matches of ``pattern`` in the text that do not touch non-prose (URLs, code, …)."""
        for match in pattern.finditer(self.text):
            if not self.is_protected(match.start(), match.end()):
                yield match

    def finding(self, rule: Rule, start: int, end: int, message: str, message_hi: str, *,
                fix: str | None = None, severity: Severity | None = None,
                suggestions: tuple[str, ...] = ()) -> Finding:
        """A finding of ``rule`` over ``[start, end)`` of ``self.text``."""
        return make_finding(rule, self, start, end, message, message_hi, fix=fix,
                            severity=severity, suggestions=suggestions)


def make_finding(rule: Rule, ctx: LintContext, start: int, end: int, message: str,
                 message_hi: str, *, fix: str | None = None, severity: Severity | None = None,
                 suggestions: tuple[str, ...] = ()) -> Finding:
    """Build a :class:`Finding` with the style's severity override applied; marks named in
    the messages are shown on a dotted circle (:func:`show_marks`)."""
    level = ctx.style.severity_for(rule.id, severity or rule.severity)
    if fix is not None and not suggestions:
        suggestions = (fix,)
    return Finding(rule=rule.id, start=start, end=end, text=ctx.text[start:end], severity=level,
                   message=show_marks(message), message_hi=show_marks(message_hi),
                   suggestions=suggestions, fix=fix)
