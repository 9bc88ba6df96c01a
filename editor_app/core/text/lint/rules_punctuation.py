"""Punctuation and spacing rules: danda look-alikes, spaces around punctuation, visarga.

These rules are general (not tuned to particular strings): they look at the character
classes on either side of a punctuation mark. What is *not* an error and must stay silent:
decimals (``3.5``), thousands (``1,000``), abbreviations (``डॉ.``, ``प्रो.``), initials
(``वी. फोमिन``, ``ए.पी.जे.``), ellipses, URLs and e-mail addresses, Markdown tables and
inline code.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from editor_app.core.text.counts import akshara_count
from editor_app.core.text.findings import Finding, Severity
from editor_app.core.text.lint.base import DEVA_LETTER, DEVA_WORDCHAR, LintContext, Rule
from editor_app.core.text.lint.wordlists import LATIN_LETTER_NAMES, VISARGA_WORDS

__all__ = ["PUNCTUATION_RULES", "is_abbreviation_before", "word_before"]

DANDA = "।"
_WORDISH_RE = regex.compile(r"[\p{L}\p{M}\p{Nd}\u200c\u200d]")
_LATIN_ABBREVIATIONS = frozenset(
    {"mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "vs", "etc", "jr", "sr", "co", "ltd",
     "inc", "rs", "govt", "dept", "fig", "vol", "pp", "pvt", "approx"})
# The part before a mid-word visarga typed as ':' (दु:ख, नि:शुल्क, अंत:करण, प्रात:काल).
_VISARGA_PREFIXES = frozenset({"दु", "नि", "अंत", "अन्त", "प्रात", "मन", "पुन", "अत", "छ", "अध",
                               "शिर", "तप", "यश"})


def word_before(text: str, pos: int) -> str:
    """The run of word characters that ends at ``pos`` (may be empty)."""
    start = pos
    while start > 0 and _WORDISH_RE.match(text[start - 1]):
        start -= 1
    return text[start:pos]


def is_abbreviation_before(ctx: LintContext, dot: int) -> bool:
    """True if the ``.`` at ``dot`` ends an abbreviation or an initial, not a sentence."""
    word = word_before(ctx.text, dot)
    if not word:
        return False
    if word in ctx.style.abbreviations or word in LATIN_LETTER_NAMES:
        return True
    if word.isascii():
        return (len(word) == 1 and word.isalpha()) or word.lower() in _LATIN_ABBREVIATIONS
    # "ए.पी.जे." / "ई.पू.": a dot right before this word means a chain of initials.
    before = dot - len(word) - 1
    return before >= 0 and ctx.text[before] == "." and akshara_count(word) <= 2


def _line_is_table(text: str, pos: int) -> bool:
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line = text[line_start:line_end if line_end >= 0 else len(text)].strip()
    return line.startswith("|") or "-|" in line or "|-" in line


# --- punct.danda-lookalike -------------------------------------------------------------------

_LOOKALIKE_RE = regex.compile(
    rf"(?<={DEVA_WORDCHAR}[ ]?)(?:[|\u01c0\u2223]{{1,2}})(?=\s|$|[”’\"')\]]|{DEVA_LETTER})"
    rf"|(?<={DEVA_WORDCHAR})[\u01c0\u2223]"
)


def _check_danda_lookalike(ctx: LintContext) -> Iterator[Finding]:
    for m in ctx.prose_matches(_LOOKALIKE_RE):
        if "|" in m.group() and _line_is_table(ctx.text, m.start()):
            continue
        shown = " ".join(f"U+{ord(c):04X}" for c in m.group())
        yield ctx.finding(DANDA_LOOKALIKE, m.start(), m.end(),
                          f"{m.group()!r} ({shown}) used as a danda: write । (U+0964).",
                          f"पूर्ण विराम के लिए {m.group()!r} लिखा है: । (U+0964) लिखें।", fix=DANDA)


# --- punct.double-danda ----------------------------------------------------------------------

_DOUBLE_DANDA_RE = regex.compile(r"।[ ]?।")


def _check_double_danda(ctx: LintContext) -> Iterator[Finding]:
    for m in _DOUBLE_DANDA_RE.finditer(ctx.text):
        yield ctx.finding(DOUBLE_DANDA, m.start(), m.end(),
                          "Doubled danda: prose ends a sentence with one । (॥ is for verse).",
                          "दोहरा पूर्ण विराम: गद्य में वाक्य एक । से समाप्त होता है (॥ पद्य के लिए है)।",
                          fix=DANDA)


# --- punct.space-after -----------------------------------------------------------------------

_SPACE_AFTER_RE = regex.compile(
    rf"(?<=[\p{{L}}\p{{M}}\p{{Nd}}])[।?!]+(?=[\p{{L}}\p{{Nd}}“‘(])"
    rf"|(?<={DEVA_WORDCHAR})[.](?={DEVA_LETTER}|\p{{Nd}})"
    rf"|(?<={DEVA_WORDCHAR}|[”)])[,;](?=[{DEVA_LETTER[1:-1]}\p{{Nd}}“‘(])"
    rf"|(?<=[\p{{L}}\p{{M}}])[”)](?={DEVA_LETTER})"
    rf"|(?<=[\p{{L}}\p{{M}}]):(?={DEVA_LETTER})"
)


def _check_space_after(ctx: LintContext) -> Iterator[Finding]:
    text = ctx.text
    for m in ctx.prose_matches(_SPACE_AFTER_RE):
        start, end = m.span()
        mark = m.group()
        nxt = text[end]
        prev = text[start - 1]
        if mark[0] in "।?!" and not (_is_deva(prev) or _is_deva(nxt)):
            continue  # Latin-only context ("what?yes" in a URL-ish string): not ours
        if mark == "." and is_abbreviation_before(ctx, start):
            continue
        if mark == ":" and _is_visarga_colon(text, start):
            continue  # reported by punct.visarga-colon
        fix = mark + " "
        if mark == "." and ctx.style.sentence_end == "danda":
            fix = DANDA + " "
        yield ctx.finding(SPACE_AFTER, start, end,
                          f"No space after {mark!r}: add one.",
                          f"{mark!r} के बाद खाली जगह नहीं है: एक खाली जगह जोड़ें।", fix=fix)


def _is_deva(char: str) -> bool:
    return "\u0900" <= char <= "\u097f"


# --- punct.space-before ----------------------------------------------------------------------

_SPACE_BEFORE_RE = regex.compile(r"(?<=[^\s(\[{“‘\"'])[ \t\u00a0]+([।॥,?!;:)\]}”’])")


def _check_space_before(ctx: LintContext) -> Iterator[Finding]:
    text = ctx.text
    for m in _SPACE_BEFORE_RE.finditer(text):
        start, end = m.span()
        mark = m.group(1)
        nxt = text[end] if end < len(text) else ""
        if ctx.is_protected(start, end):
            continue
        if mark == ":" and nxt in ")(DPp/":
            continue  # emoticon or a path
        if mark == "’" and regex.match(r"[\p{L}\p{Nd}]", nxt or " "):
            continue  # elided apostrophe: ’90 का दशक
        if mark in "।॥" and _DOUBLE_DANDA_RE.match(text, max(0, start - 1)):
            continue  # reported (and fixed) by punct.double-danda
        yield ctx.finding(SPACE_BEFORE, start, end,
                          f"Space before {mark!r}: remove it.",
                          f"{mark!r} से पहले खाली जगह है: इसे हटाएं।", fix=mark)


# --- punct.multiple-spaces -------------------------------------------------------------------

_MULTI_SPACE_RE = regex.compile(r"(?<=\S)[ \u00a0]{2,}(?=[^\s।॥,?!;:)\]}”’])")


def _check_multiple_spaces(ctx: LintContext) -> Iterator[Finding]:
    for m in ctx.prose_matches(_MULTI_SPACE_RE):
        yield ctx.finding(MULTIPLE_SPACES, m.start(), m.end(),
                          f"{len(m.group())} spaces in a row: use one.",
                          f"लगातार {len(m.group())} खाली जगहें: एक ही रखें।", fix=" ")


# --- punct.visarga-colon ---------------------------------------------------------------------

_COLON_RE = regex.compile(rf"(?<={DEVA_WORDCHAR}):")


def _is_visarga_colon(text: str, colon: int) -> bool:
    """True if the ``:`` at ``colon`` stands for a visarga (अत:, दु:ख, सामान्यत:)."""
    word = word_before(text, colon)
    if not word or not _is_deva(word[-1]):
        return False
    nxt = text[colon + 1] if colon + 1 < len(text) else ""
    if regex.match(DEVA_LETTER, nxt or " "):
        return word in _VISARGA_PREFIXES or word + "ः" in VISARGA_WORDS
    return word + "ः" in VISARGA_WORDS and not regex.match(r"[\p{L}\p{Nd}]", nxt or " ")


def _check_visarga_colon(ctx: LintContext) -> Iterator[Finding]:
    text = ctx.text
    for m in _COLON_RE.finditer(text):
        colon = m.start()
        if not _is_visarga_colon(text, colon):
            continue
        start = colon - len(word_before(text, colon))
        end = colon + 1 + len(_following_word(text, colon + 1))
        fixed = text[start:colon] + "ः" + text[colon + 1:end]
        yield ctx.finding(VISARGA_COLON, start, end,
                          "ASCII colon typed for the visarga: write ः (U+0903).",
                          "विसर्ग की जगह कोलन (:) टंकित है: ः लिखें।", fix=fixed)


def _following_word(text: str, pos: int) -> str:
    end = pos
    while end < len(text) and _WORDISH_RE.match(text[end]):
        end += 1
    return text[pos:end]


# --- punct.space-open ------------------------------------------------------------------------

_SPACE_OPEN_RE = regex.compile(
    rf"(?<={DEVA_WORDCHAR})[“‘(\[](?=[\p{{L}}\p{{Nd}}])"
    r"|(?:(?<=^)|(?<=[\s(\[—–-]))[“‘(\[][ \u00a0]+(?=[\p{L}\p{Nd}])"
)


def _check_space_open(ctx: LintContext) -> Iterator[Finding]:
    for m in ctx.prose_matches(_SPACE_OPEN_RE):
        start, end = m.span()
        mark = m.group()[0]
        if len(m.group()) == 1:
            yield ctx.finding(SPACE_OPEN, start, end,
                              f"No space before the opening {mark!r}: add one.",
                              f"आरंभिक {mark!r} से पहले खाली जगह नहीं है: जोड़ें।", fix=" " + mark)
        else:
            yield ctx.finding(SPACE_OPEN, start, end,
                              f"Space after the opening {mark!r}: remove it.",
                              f"आरंभिक {mark!r} के बाद खाली जगह है: हटाएं।", fix=mark)


# --- punct.double-punct ----------------------------------------------------------------------

_DOUBLE_PUNCT_RE = regex.compile(
    r"(?<![.।])(?:,,|,।|,\.(?!\.)|।,|।\.(?!\.)|(?<=[\p{L}\p{M}])\.।|[?!]।|।[?!])")
_DOUBLE_PUNCT_FIX = {",,": ",", ",।": "।", ",.": ".", "।,": "।", "।.": "।", ".।": "।",
                     "?।": "?", "!।": "!", "।?": "?", "।!": "!"}


def _check_double_punct(ctx: LintContext) -> Iterator[Finding]:
    for m in ctx.prose_matches(_DOUBLE_PUNCT_RE):
        fix = _DOUBLE_PUNCT_FIX[m.group()]
        yield ctx.finding(DOUBLE_PUNCT, m.start(), m.end(),
                          f"Two punctuation marks {m.group()!r} in a row: keep {fix!r}.",
                          f"लगातार दो विराम चिह्न {m.group()!r}: केवल {fix!r} रखें।", fix=fix)


# --- punct.space-digit -----------------------------------------------------------------------

# Suffixes written directly after a number: 20वीं सदी, 10वें, 5जी, 3डी.
_DIGIT_SUFFIXES = ("वां", "वीं", "वें", "वाँ", "वा", "वी", "वे", "जी", "डी", "एस", "एक्स", "ए", "बी")
_NUMBER = r"(?:[0-9]+(?:[.,:][0-9]+)*|[०-९]+(?:[.,:][०-९]+)*)"
_DIGIT_WORD_RE = regex.compile(
    rf"(?<![\p{{L}}\p{{M}}\p{{Nd}}.,:/]){_NUMBER}(?={DEVA_LETTER})"
    rf"|(?<={DEVA_WORDCHAR}){_NUMBER}(?![\p{{Nd}}]|[.,:/]\p{{Nd}})"
)


def _check_space_digit(ctx: LintContext) -> Iterator[Finding]:
    text = ctx.text
    for m in ctx.prose_matches(_DIGIT_WORD_RE):
        start, end = m.span()
        if end < len(text) and regex.match(DEVA_LETTER, text[end]):
            after = _following_word(text, end)
            if after.startswith(_DIGIT_SUFFIXES) and len(after) <= 4:
                continue
            yield ctx.finding(SPACE_DIGIT, start, end + len(after),
                              "Number written together with the next word: add a space.",
                              "अंक और अगला शब्द सटे हुए हैं: बीच में खाली जगह दें।",
                              fix=m.group() + " " + after)
        else:
            before = word_before(text, start)
            if before in LATIN_LETTER_NAMES or all(
                    part in LATIN_LETTER_NAMES for part in regex.findall(r"\X", before)):
                continue  # जी20, एस400: names with numbers
            yield ctx.finding(SPACE_DIGIT, start - len(before), end,
                              "Word written together with the following number: add a space.",
                              "शब्द और उसके बाद का अंक सटे हुए हैं: बीच में खाली जगह दें।",
                              fix=before + " " + m.group())


DANDA_LOOKALIKE = Rule("punct.danda-lookalike", Severity.ERROR, "Look-alike used as danda",
                       "पूर्ण विराम की जगह मिलता-जुलता चिह्न", _check_danda_lookalike)
DOUBLE_DANDA = Rule("punct.double-danda", Severity.WARNING, "Doubled danda", "दोहरा पूर्ण विराम",
                    _check_double_danda)
SPACE_AFTER = Rule("punct.space-after", Severity.WARNING, "Missing space after punctuation",
                   "विराम चिह्न के बाद खाली जगह नहीं", _check_space_after)
SPACE_BEFORE = Rule("punct.space-before", Severity.WARNING, "Space before punctuation",
                    "विराम चिह्न से पहले खाली जगह", _check_space_before)
MULTIPLE_SPACES = Rule("punct.multiple-spaces", Severity.INFO, "Repeated spaces",
                       "लगातार खाली जगहें", _check_multiple_spaces)
VISARGA_COLON = Rule("punct.visarga-colon", Severity.WARNING, "Colon typed for visarga",
                     "विसर्ग की जगह कोलन", _check_visarga_colon)

SPACE_OPEN = Rule("punct.space-open", Severity.WARNING, "Spacing around an opening quote/bracket",
                  "आरंभिक उद्धरण/कोष्ठक के आसपास खाली जगह", _check_space_open)
DOUBLE_PUNCT = Rule("punct.double-punct", Severity.WARNING, "Two punctuation marks in a row",
                    "लगातार दो विराम चिह्न", _check_double_punct)
SPACE_DIGIT = Rule("punct.space-digit", Severity.WARNING, "Number glued to a word",
                   "अंक और शब्द सटे हुए", _check_space_digit)

PUNCTUATION_RULES: tuple[Rule, ...] = (DANDA_LOOKALIKE, DOUBLE_DANDA, DOUBLE_PUNCT, SPACE_AFTER,
                                       SPACE_BEFORE, SPACE_OPEN, MULTIPLE_SPACES, SPACE_DIGIT,
                                       VISARGA_COLON)
