"""House-style rules: everything here follows the newsroom's :class:`HouseStyle` sheet.

Consistency rules (nukta, nasal, digits, preferred terms) count forms over the whole story
(every field passed to ``lint_article``) and flag the minority or non-house form.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from functools import lru_cache

import regex

from editor_app.core.house_style import Caution, PreferredTerm
from editor_app.core.text.findings import Finding, Severity
from editor_app.core.text.lint.base import (
    DEVA_WORDCHAR,
    DIGIT_RUN_RE,
    WORD_AFTER,
    WORD_BEFORE,
    LintContext,
    Rule,
)
from editor_app.core.text.lint.rules_punctuation import is_abbreviation_before
from editor_app.core.text.tokenize import Script

__all__ = ["STYLE_RULES"]

DANDA = "।"
NUKTA = "\u093c"
CHANDRABINDU = "\u0901"
ANUSVARA = "\u0902"
_TO_DEVA_DIGITS = str.maketrans("0123456789", "०१२३४५६७८९")
_TO_ASCII_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")
_UPPER_SIGNS = "\u093f\u0940\u0947\u0948\u094b\u094c\u0945\u0949"  # ि ी े ै ो ौ ॅ ॉ


# --- style.sentence-end ----------------------------------------------------------------------

_PERIOD_END_RE = regex.compile(
    rf"(?<={DEVA_WORDCHAR}[’”)]?)(?<!\.)\.(?![.\d])(?=[’”)]?(?:\s|$))")
_DANDA_RE = regex.compile(r"(?<!।)।(?!।)")


def _check_sentence_end(ctx: LintContext) -> Iterator[Finding]:
    policy = ctx.style.sentence_end
    if policy == "danda":
        for m in ctx.prose_matches(_PERIOD_END_RE):
            if ctx.text[m.start() - 1] not in "’”)" and is_abbreviation_before(ctx, m.start()):
                continue
            yield ctx.finding(SENTENCE_END, m.start(), m.end(),
                              "House style ends Hindi sentences with the danda ।, not '.'.",
                              "हाउस स्टाइल में वाक्य पूर्ण विराम । से समाप्त होता है, '.' से नहीं।",
                              fix=DANDA)
    elif policy == "period":
        for m in _DANDA_RE.finditer(ctx.text):
            yield ctx.finding(SENTENCE_END, m.start(), m.end(),
                              "House style ends sentences with '.', not the danda.",
                              "हाउस स्टाइल में वाक्य '.' से समाप्त होता है, । से नहीं।", fix=".")


# --- style.digits / style.digits-mixed -------------------------------------------------------

def _check_digits(ctx: LintContext) -> Iterator[Finding]:
    policy = ctx.style.digits
    if policy == "any":
        return
    for m in DIGIT_RUN_RE.finditer(ctx.text):
        deva = "\u0966" <= m.group()[0] <= "\u096f"
        if (policy == "ascii") != deva or ctx.is_protected(m.start(), m.end()):
            continue
        fixed = m.group().translate(_TO_ASCII_DIGITS if deva else _TO_DEVA_DIGITS)
        want = "international (0-9)" if policy == "ascii" else "Devanagari (०-९)"
        want_hi = "अंतरराष्ट्रीय (0-9)" if policy == "ascii" else "देवनागरी (०-९)"
        yield ctx.finding(DIGITS, m.start(), m.end(), f"House style uses {want} digits.",
                          f"हाउस स्टाइल में {want_hi} अंक हैं।", fix=fixed)


def _check_digits_mixed(ctx: LintContext) -> Iterator[Finding]:
    if ctx.style.digits != "any" or not ctx.style.flag_mixed_digits:
        return
    counts = ctx.stats.digit_systems
    if len(counts) < 2:
        return
    minority = "devanagari" if counts["devanagari"] <= counts["ascii"] else "ascii"
    for m in DIGIT_RUN_RE.finditer(ctx.text):
        deva = "\u0966" <= m.group()[0] <= "\u096f"
        if (minority == "devanagari") != deva or ctx.is_protected(m.start(), m.end()):
            continue
        fixed = m.group().translate(_TO_ASCII_DIGITS if deva else _TO_DEVA_DIGITS)
        yield ctx.finding(DIGITS_MIXED, m.start(), m.end(),
                          "The story mixes international and Devanagari digits: use one system.",
                          "खबर में अंतरराष्ट्रीय और देवनागरी दोनों अंक हैं: एक ही प्रणाली रखें।",
                          fix=fixed)


# --- style.nasal / style.nasal-mixed ---------------------------------------------------------

def _kept(word: str, keep: tuple[str, ...]) -> bool:
    return any(word.startswith(prefix) for prefix in keep)


def _check_nasal(ctx: LintContext) -> Iterator[Finding]:
    policy = ctx.style.nasal
    if policy == "any":
        return
    for tok in ctx.tokens:
        if CHANDRABINDU not in tok.text or _kept(tok.text, ctx.style.keep_chandrabindu):
            continue
        if policy == "anusvara":
            fixed = tok.text.replace(CHANDRABINDU, ANUSVARA)
            msg = "House style writes anusvara (ं) for chandrabindu (ँ)."
            msg_hi = "हाउस स्टाइल में चंद्रबिंदु (ँ) की जगह अनुस्वार (ं) लिखा जाता है।"
        else:
            fixed = regex.sub(f"(?<=[{_UPPER_SIGNS}]){CHANDRABINDU}", ANUSVARA, tok.text)
            if fixed == tok.text:
                continue
            msg = "With a vowel sign above the headline, write anusvara (ं), not chandrabindu."
            msg_hi = "शिरोरेखा के ऊपर मात्रा हो तो चंद्रबिंदु नहीं, अनुस्वार (ं) लिखें।"
        yield ctx.finding(NASAL, tok.start, tok.end, msg, msg_hi, fix=fixed)


def _minority_forms(ctx: LintContext, key: str, fold: str) -> dict[str, str]:
    """Map each minority spelling to the story's majority spelling for words that differ only
    by the characters in ``fold`` (removed for nukta; chandrabindu -> anusvara otherwise)."""

    def compute() -> dict[str, str]:
        groups: dict[str, Counter[str]] = defaultdict(Counter)
        for word, count in ctx.stats.deva_words.items():
            folded = word.replace(NUKTA, "") if fold == NUKTA else word.replace(
                CHANDRABINDU, ANUSVARA)
            groups[folded][word] += count
        out: dict[str, str] = {}
        for forms in groups.values():
            if len(forms) < 2:
                continue
            best = max(forms, key=lambda w: (forms[w], w.count(fold)))
            for form in forms:
                if form != best:
                    out[form] = best
        return out

    result = ctx.stats.extra(key, compute)
    assert isinstance(result, dict)
    return result


def _check_nasal_mixed(ctx: LintContext) -> Iterator[Finding]:
    if ctx.style.nasal == "anusvara":
        return  # every chandrabindu is already reported by style.nasal
    minority = _minority_forms(ctx, "nasal", CHANDRABINDU)
    for tok in ctx.tokens:
        best = minority.get(tok.text)
        if best is None or _kept(tok.text, ctx.style.keep_chandrabindu) or _kept(
                best, ctx.style.keep_chandrabindu):
            continue
        yield ctx.finding(NASAL_MIXED, tok.start, tok.end,
                          f"Spelled both {tok.text!r} and {best!r} in this story: use {best!r}.",
                          f"इस खबर में {tok.text!r} और {best!r} दोनों हैं: {best!r} रखें।", fix=best)


# --- style.nukta -----------------------------------------------------------------------------

_OPTIONAL_NUKTA_RE = regex.compile(r"[कखगजफ]\u093c")


def _check_nukta(ctx: LintContext) -> Iterator[Finding]:
    policy = ctx.style.nukta
    if policy == "never":
        for tok in ctx.tokens:
            if tok.script is Script.DEVANAGARI and _OPTIONAL_NUKTA_RE.search(tok.text):
                fixed = _OPTIONAL_NUKTA_RE.sub(lambda m: m.group()[0], tok.text)
                yield ctx.finding(NUKTA_STYLE, tok.start, tok.end,
                                  "House style writes क ख ग ज फ without nukta.",
                                  "हाउस स्टाइल में क ख ग ज फ बिना नुक्ते के लिखे जाते हैं।",
                                  fix=fixed)
    elif policy == "consistent":
        minority = _minority_forms(ctx, "nukta", NUKTA)
        for tok in ctx.tokens:
            best = minority.get(tok.text)
            if best is None:
                continue
            yield ctx.finding(
                NUKTA_STYLE, tok.start, tok.end,
                f"Spelled both {tok.text!r} and {best!r} in this story (nukta): use {best!r}.",
                f"इस खबर में {tok.text!r} और {best!r} दोनों हैं (नुक्ता): {best!r} रखें।", fix=best)


# --- style.term ------------------------------------------------------------------------------

@lru_cache(maxsize=32)
def _term_regex(terms: tuple[PreferredTerm, ...]) -> regex.Pattern[str] | None:
    variants = sorted({v for t in terms for v in t.variants}, key=len, reverse=True)
    if not variants:
        return None
    alternation = "|".join(regex.escape(v) for v in variants)
    return regex.compile(rf"{WORD_BEFORE}(?:{alternation}){WORD_AFTER}")


def _story_has(ctx: LintContext, phrase: str) -> bool:
    def compute() -> bool:
        return regex.search(rf"{WORD_BEFORE}{regex.escape(phrase)}{WORD_AFTER}",
                            ctx.stats.text) is not None
    return bool(ctx.stats.extra(f"has:{phrase}", compute))


def _check_terms(ctx: LintContext) -> Iterator[Finding]:
    pattern = _term_regex(ctx.style.terms)
    if pattern is None:
        return
    by_variant = {v: t for t in ctx.style.terms for v in t.variants}
    for m in pattern.finditer(ctx.text):
        term = by_variant[m.group()]
        if term.when == "mixed" and not _story_has(ctx, term.preferred):
            continue
        mixed = _story_has(ctx, term.preferred)
        note = f" {term.note}" if term.note else ""
        also = " (the story also uses it)" if mixed else ""
        yield ctx.finding(TERM, m.start(), m.end(),
                          f"House style prefers {term.preferred!r}{also}.{note}",
                          f"हाउस स्टाइल में {term.preferred!r} लिखा जाता है।", fix=term.preferred)


# --- style.abbreviation ----------------------------------------------------------------------

_ZERO_AS_SIGN_RE = regex.compile(r"(?<=[\u0900-\u0963\u0971-\u097f])०(?![०-९\d])")
_SIGN_RE = regex.compile(r"(?<=[\u0900-\u0963\u0971-\u097f])॰")


@lru_cache(maxsize=32)
def _abbrev_dot_regex(abbreviations: tuple[str, ...]) -> regex.Pattern[str] | None:
    if not abbreviations:
        return None
    alternation = "|".join(regex.escape(a) for a in sorted(abbreviations, key=len, reverse=True))
    return regex.compile(rf"{WORD_BEFORE}(?:{alternation})\.")


def _check_abbreviation(ctx: LintContext) -> Iterator[Finding]:
    policy = ctx.style.abbreviation_mark
    want = "॰" if policy in ("sign", "any") else "."
    for m in _ZERO_AS_SIGN_RE.finditer(ctx.text):
        yield ctx.finding(ABBREVIATION, m.start(), m.end(),
                          f"Devanagari digit zero ० used as the abbreviation mark: write {want}.",
                          f"संक्षेप चिह्न के लिए शून्य (०) लिखा है: {want} लिखें।", fix=want)
    if policy == "period":
        for m in _SIGN_RE.finditer(ctx.text):
            yield ctx.finding(ABBREVIATION, m.start(), m.end(),
                              "House style abbreviates with '.', not ॰ (डॉ.).",
                              "हाउस स्टाइल में संक्षेप '.' से होता है, ॰ से नहीं (डॉ.)।", fix=".")
    elif policy == "sign":
        pattern = _abbrev_dot_regex(ctx.style.abbreviations)
        for m in pattern.finditer(ctx.text) if pattern else ():
            yield ctx.finding(ABBREVIATION, m.end() - 1, m.end(),
                              "House style abbreviates with ॰, not '.' (डॉ॰).",
                              "हाउस स्टाइल में संक्षेप ॰ से होता है, '.' से नहीं (डॉ॰)।", fix="॰")


# --- style.length / style.headline-end -------------------------------------------------------

def _check_length(ctx: LintContext) -> Iterator[Finding]:
    limit = ctx.style.limit_for(ctx.field_kind)
    if limit <= 0:
        return
    count = 0
    for m in regex.finditer(r"\X", ctx.text):
        if m.group().isspace():
            continue
        count += 1
        if count == limit + 1:
            start = m.start()
            total = count + sum(1 for g in regex.findall(r"\X", ctx.text[m.end():])
                                if not g.isspace())
            end = len(ctx.text.rstrip())
            yield ctx.finding(LENGTH, start, end,
                              f"{ctx.field_kind.title()} has {total} aksharas; limit {limit}.",
                              f"यह {total} अक्षरों का है; सीमा {limit} अक्षर है।")
            return


def _check_headline_end(ctx: LintContext) -> Iterator[Finding]:
    if ctx.field_kind != "headline":
        return
    m = regex.search(r"(?<![.।])[।.](?=\s*$)", ctx.text)
    if m and not is_abbreviation_before(ctx, m.start()):
        yield ctx.finding(HEADLINE_END, m.start(), m.end(),
                          "Headlines take no full stop at the end.",
                          "शीर्षक के अंत में पूर्ण विराम नहीं लगता।", fix="")


# --- style.caution ---------------------------------------------------------------------------

_INFLECTION = r"(?:ों|ओं|ियों|ियां|ियाँ|ता|ताओं|े|ी|ा)?"


@lru_cache(maxsize=32)
def _caution_regex(cautions: tuple[Caution, ...]) -> regex.Pattern[str] | None:
    if not cautions:
        return None
    words = sorted({c.word for c in cautions}, key=len, reverse=True)
    alternation = "|".join(regex.escape(w) for w in words)
    return regex.compile(rf"{WORD_BEFORE}(?P<w>{alternation}){_INFLECTION}{WORD_AFTER}")


def _check_cautions(ctx: LintContext) -> Iterator[Finding]:
    pattern = _caution_regex(ctx.style.cautions)
    if pattern is None:
        return
    by_word = {c.word: c for c in ctx.style.cautions}
    for m in pattern.finditer(ctx.text):
        caution = by_word[m.group("w")]
        exact = m.group() == caution.word
        fix = caution.suggestion if caution.suggestion and exact else None
        reason = f" {caution.reason}" if caution.reason else ""
        instead = f" Consider {caution.suggestion!r}." if caution.suggestion else ""
        yield ctx.finding(CAUTION, m.start(), m.end(),
                          f"Cautioned word {m.group()!r}.{reason}{instead}",
                          f"सावधानी वाला शब्द {m.group()!r}।"
                          + (f" {caution.suggestion!r} पर विचार करें।" if caution.suggestion else ""),
                          fix=fix, severity=caution.severity,
                          suggestions=(caution.suggestion,) if caution.suggestion else ())


SENTENCE_END = Rule("style.sentence-end", Severity.WARNING, "Sentence-end mark",
                    "वाक्य-समाप्ति चिह्न", _check_sentence_end, style=True)
DIGITS = Rule("style.digits", Severity.WARNING, "Digit system", "अंक प्रणाली", _check_digits,
              style=True)
DIGITS_MIXED = Rule("style.digits-mixed", Severity.WARNING, "Mixed digit systems",
                    "मिश्रित अंक प्रणाली", _check_digits_mixed, style=True)
NASAL = Rule("style.nasal", Severity.WARNING, "Anusvara / chandrabindu",
             "अनुस्वार / चंद्रबिंदु", _check_nasal, style=True)
NASAL_MIXED = Rule("style.nasal-mixed", Severity.WARNING, "Word spelled with ं and ँ",
                   "ं और ँ दोनों वर्तनियां", _check_nasal_mixed, style=True)
NUKTA_STYLE = Rule("style.nukta", Severity.WARNING, "Nukta spelling", "नुक्ता वर्तनी",
                   _check_nukta, style=True)
TERM = Rule("style.term", Severity.WARNING, "Preferred term", "पसंदीदा शब्द", _check_terms,
            style=True)
ABBREVIATION = Rule("style.abbreviation", Severity.WARNING, "Abbreviation mark",
                    "संक्षेप चिह्न", _check_abbreviation, style=True)
LENGTH = Rule("style.length", Severity.WARNING, "Length limit", "लंबाई सीमा", _check_length,
              style=True)
HEADLINE_END = Rule("style.headline-end", Severity.INFO, "Full stop at headline end",
                    "शीर्षक के अंत में पूर्ण विराम", _check_headline_end, style=True)
CAUTION = Rule("style.caution", Severity.WARNING, "Banned or cautioned word",
               "वर्जित या सावधानी वाला शब्द", _check_cautions, style=True)

STYLE_RULES: tuple[Rule, ...] = (SENTENCE_END, DIGITS, DIGITS_MIXED, NASAL, NASAL_MIXED,
                                 NUKTA_STYLE, TERM, ABBREVIATION, LENGTH, HEADLINE_END, CAUTION)
