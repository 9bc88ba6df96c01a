"""Unicode-level rules: encoding slips that render wrongly or break search and spell-check.

Every finding here covers the whole word that holds the bad character (a Qt format range
must never start or end inside a grapheme cluster), and ``fix`` is that word repaired.
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Iterator

import regex

from editor_app.core.text.findings import Finding, Severity
from editor_app.core.text.lint.base import LintContext, Rule
from editor_app.core.text.normalize import to_nfc

__all__ = ["UNICODE_RULES"]

log = logging.getLogger(__name__)

VIRAMA = "\u094d"
NUKTA = "\u093c"
ZWNJ = "\u200c"
ZWJ = "\u200d"
# Consonants that can take a nukta (ऩ ऱ ऴ already contain one).
_CONSONANT = r"\u0915-\u0928\u092a-\u0930\u0932\u0933\u0935-\u0939\u0979-\u097f"
_VOWEL_SIGN = r"\u093a\u093b\u093e-\u094c\u094e\u094f\u0955-\u0957\u0962\u0963"
_INVISIBLE = "\u200b\u2060\ufeff\u00ad\u200e\u200f\u202a-\u202e\u2061-\u2064\u180e"
_INVISIBLE_NAMES = {
    "\u200b": "ZERO WIDTH SPACE", "\u2060": "WORD JOINER", "\ufeff": "BYTE ORDER MARK",
    "\u00ad": "SOFT HYPHEN",
}

# Sequences that render with a dotted circle (or look identical to one letter): write the
# atomic letter. Unicode DoNotEmit for Devanagari, plus legacy-converter look-alikes.
DO_NOT_EMIT: dict[str, str] = {
    "\u0905\u093e": "\u0906",  # अ + ा -> आ
    "\u0905\u0945": "\u090d",  # अ + ॅ -> ऍ
    "\u0905\u0949": "\u0911",  # अ + ॉ -> ऑ
    "\u0905\u094b": "\u0913",  # अ + ो -> ओ
    "\u0905\u094c": "\u0914",  # अ + ौ -> औ
    "\u0905\u0948": "\u0910",  # अ + ै -> ऐ
    "\u0905\u0946": "\u0904",  # अ + ॆ -> ऄ
    "\u0905\u094a": "\u0912",  # अ + ॊ -> ऒ
    "\u0906\u0945": "\u0911",  # आ + ॅ -> ऑ
    "\u0906\u0947": "\u0913",  # आ + े -> ओ
    "\u0906\u0948": "\u0914",  # आ + ै -> औ
    "\u090f\u0945": "\u090d",  # ए + ॅ -> ऍ
    "\u090f\u0947": "\u0910",  # ए + े -> ऐ
    "\u093e\u0945": "\u0949",  # ा + ॅ -> ॉ
    "\u093e\u0947": "\u094b",  # ा + े -> ो
    "\u093e\u0948": "\u094c",  # ा + ै -> ौ
}
_DNE_RE = regex.compile("|".join(sorted(DO_NOT_EMIT, key=len, reverse=True)))


def _wordish(char: str) -> bool:
    return unicodedata.category(char)[0] in "LMN" or char in "\u200c\u200d" or (
        char in _INVISIBLE_CHARS)


_INVISIBLE_CHARS = frozenset(
    "\u200b\u2060\ufeff\u00ad\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2061\u2062\u2063"
    "\u2064\u180e"
)


def word_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``[start, end)`` to the whole word (letters, marks, digits, ZW, invisibles)."""
    while start > 0 and _wordish(text[start - 1]):
        start -= 1
    while end < len(text) and _wordish(text[end]):
        end += 1
    return start, end


def _word_fix(ctx: LintContext, rule: Rule, start: int, end: int, replacement: str,
              message: str, message_hi: str, *, fixable: bool = True) -> Finding:
    """Finding over the word around ``[start, end)``; the fix replaces that slice."""
    w_start, w_end = word_span(ctx.text, start, end)
    word = ctx.text[w_start:w_end]
    fixed = word[: start - w_start] + replacement + word[end - w_start:]
    return ctx.finding(rule, w_start, w_end, message, message_hi,
                       fix=fixed if fixable else None)


# --- unicode.nfc -----------------------------------------------------------------------------

def _check_nfc(ctx: LintContext) -> Iterator[Finding]:
    raw = ctx.raw
    if raw is None or raw == ctx.text:
        return
    pos = 0
    spans: list[tuple[int, int]] = []
    for cluster in regex.findall(r"\X", raw):
        normal = to_nfc(cluster)
        if normal != cluster:
            spans.append((pos, pos + len(normal)))
        pos += len(normal)
    if pos != len(ctx.text) or not spans:
        spans = [(0, len(ctx.text))]  # normalisation crossed cluster boundaries: whole text
    for start, end in spans:
        w_start, w_end = word_span(ctx.text, start, end)
        word = ctx.text[w_start:w_end]
        yield ctx.finding(
            NFC, w_start, w_end,
            "Text was not in Unicode NFC form (e.g. a precomposed nukta letter); it has been "
            "normalised.",
            "पाठ यूनिकोड NFC रूप में नहीं था (जैसे पहले से जुड़ा नुक्ता अक्षर); इसे सामान्य किया गया।",
            fix=word)


# --- unicode.rra -----------------------------------------------------------------------------

_RRA_RE = regex.compile(r"\u0931(?!\u094d\u200d)")


def _check_rra(ctx: LintContext) -> Iterator[Finding]:
    for m in _RRA_RE.finditer(ctx.text):
        yield _word_fix(ctx, RRA, m.start(), m.end(), "\u0930",
                        "RRA ऱ (U+0931) in a Hindi word: almost always a typo for र.",
                        "हिंदी शब्द में ऱ (U+0931) है: यह लगभग हमेशा र की टंकण भूल होती है।")


# --- unicode.nukta ---------------------------------------------------------------------------

_STRAY_NUKTA_RE = regex.compile(rf"(?<![{_CONSONANT}])\u093c")
_NUKTA_AFTER_SIGN_RE = regex.compile(rf"([{_CONSONANT}])([{_VOWEL_SIGN}\u0901\u0902]+)\u093c")


def _check_nukta(ctx: LintContext) -> Iterator[Finding]:
    reordered: set[int] = set()
    for m in _NUKTA_AFTER_SIGN_RE.finditer(ctx.text):
        reordered.add(m.end() - 1)
        yield _word_fix(ctx, NUKTA_RULE, m.start(), m.end(), m.group(1) + NUKTA + m.group(2),
                        "Nukta typed after the vowel sign; it belongs right after the consonant.",
                        "नुक्ता मात्रा के बाद टंकित है; यह व्यंजन के ठीक बाद आना चाहिए।")
    for m in _STRAY_NUKTA_RE.finditer(ctx.text):
        if m.start() in reordered:
            continue
        yield _word_fix(ctx, NUKTA_RULE, m.start(), m.end(), "",
                        "Nukta with no consonant before it (or a second nukta): remove it.",
                        "नुक्ता किसी व्यंजन के बाद नहीं है (या दोहरा नुक्ता है): इसे हटाएं।")


# --- unicode.vowel-sign ----------------------------------------------------------------------

# A vowel sign needs a consonant (optionally with nukta) right before it; anusvara,
# chandrabindu, visarga and virama need some Devanagari letter or sign before them.
_ORPHAN_SIGN_RE = regex.compile(
    rf"(?<![{_CONSONANT}\u0929\u0931\u0934\u093c])[{_VOWEL_SIGN}]"
    r"|(?<![\u0904-\u0939\u093a-\u094c\u094e\u094f\u0950-\u0957\u0958-\u0963\u0972-\u097f])"
    r"[\u0900-\u0903]"
    rf"|(?<![{_CONSONANT}\u0929\u0931\u0934\u093c])\u094d"
)


def _check_vowel_sign(ctx: LintContext) -> Iterator[Finding]:
    text = ctx.text
    for m in _ORPHAN_SIGN_RE.finditer(text):
        start = m.start()
        prev = text[start - 1] if start else ""
        if prev + m.group() in DO_NOT_EMIT:
            continue  # reported by unicode.donotemit with its atomic letter
        if prev == m.group():
            yield _word_fix(ctx, VOWEL_SIGN, start, m.end(), "",
                            "The same sign typed twice: remove the second.",
                            "एक ही मात्रा/चिह्न दो बार टंकित है: दूसरा हटाएं।")
            continue
        name = unicodedata.name(m.group(), "sign").title()
        yield _word_fix(ctx, VOWEL_SIGN, start, m.end(), "",
                        f"{name} ({m.group()}) has no consonant to attach to (it shows a "
                        "dotted circle).",
                        f"इस मात्रा/चिह्न ({m.group()}) का कोई आधार व्यंजन नहीं है (यह बिंदीदार "
                        "गोले के साथ दिखेगा)।",
                        fixable=False)


# --- unicode.donotemit -----------------------------------------------------------------------

def _check_donotemit(ctx: LintContext) -> Iterator[Finding]:
    for m in _DNE_RE.finditer(ctx.text):
        letter = DO_NOT_EMIT[m.group()]
        yield _word_fix(ctx, DO_NOT_EMIT_RULE, m.start(), m.end(), letter,
                        f"Letter built from pieces ({' + '.join(m.group())}): write {letter}.",
                        f"अक्षर टुकड़ों से बना है ({' + '.join(m.group())}): {letter} लिखें।")


# --- unicode.zero-width ----------------------------------------------------------------------

_ZW_RE = regex.compile(r"[\u200c\u200d]")
_EMOJIISH_RE = regex.compile(r"[\p{Extended_Pictographic}\p{Emoji_Modifier}\ufe0f\u20e3]")
_ARABIC_RE = regex.compile(r"[\p{Arabic}\p{Syriac}]")


def _check_zero_width(ctx: LintContext) -> Iterator[Finding]:
    text = ctx.text
    for m in _ZW_RE.finditer(text):
        start = m.start()
        prev = text[start - 1] if start else ""
        nxt = text[m.end()] if m.end() < len(text) else ""
        if prev == VIRAMA:
            continue  # half form (ZWJ) or explicit virama (ZWNJ): meaningful
        if _EMOJIISH_RE.match(prev or " ") or _EMOJIISH_RE.match(nxt or " "):
            continue  # emoji sequence
        if _ARABIC_RE.match(prev or " ") or _ARABIC_RE.match(nxt or " "):
            continue  # Urdu/Persian use ZWNJ legitimately
        name = "ZWJ" if m.group() == ZWJ else "ZWNJ"
        yield _word_fix(ctx, ZERO_WIDTH, start, m.end(), "",
                        f"{name} outside a virama context does nothing visible: remove it.",
                        f"{name} हलंत के बाद नहीं है, इसलिए बेकार है: इसे हटाएं।")


# --- unicode.invisible -----------------------------------------------------------------------

_INVISIBLE_RE = regex.compile(f"[{_INVISIBLE}]")


def _check_invisible(ctx: LintContext) -> Iterator[Finding]:
    for m in _INVISIBLE_RE.finditer(ctx.text):
        name = _INVISIBLE_NAMES.get(m.group()) or unicodedata.name(m.group(), "invisible")
        yield _word_fix(ctx, INVISIBLE, m.start(), m.end(), "",
                        f"Invisible character {name} (U+{ord(m.group()):04X}): remove it; it "
                        "breaks search and spell-check.",
                        f"अदृश्य वर्ण {name} (U+{ord(m.group()):04X}): इसे हटाएं; यह खोज और "
                        "वर्तनी जांच बिगाड़ता है।")


NFC = Rule("unicode.nfc", Severity.WARNING, "Text not in NFC", "पाठ NFC में नहीं", _check_nfc)
RRA = Rule("unicode.rra", Severity.ERROR, "RRA ऱ for र", "र की जगह ऱ", _check_rra)
NUKTA_RULE = Rule("unicode.nukta", Severity.ERROR, "Misplaced nukta", "गलत जगह नुक्ता",
                  _check_nukta)
VOWEL_SIGN = Rule("unicode.vowel-sign", Severity.ERROR, "Vowel sign without a base",
                  "बिना आधार की मात्रा", _check_vowel_sign)
DO_NOT_EMIT_RULE = Rule("unicode.donotemit", Severity.ERROR, "Letter typed in pieces",
                        "टुकड़ों में टंकित अक्षर", _check_donotemit)
ZERO_WIDTH = Rule("unicode.zero-width", Severity.WARNING, "Stray ZWJ/ZWNJ", "बेकार ZWJ/ZWNJ",
                  _check_zero_width)
INVISIBLE = Rule("unicode.invisible", Severity.WARNING, "Invisible character", "अदृश्य वर्ण",
                 _check_invisible)

UNICODE_RULES: tuple[Rule, ...] = (NFC, RRA, NUKTA_RULE, VOWEL_SIGN, DO_NOT_EMIT_RULE,
                                   ZERO_WIDTH, INVISIBLE)
