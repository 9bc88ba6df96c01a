"""Explanations that name a combining mark show the mark (on a dotted circle), never an
empty "()" or a mark fused with the punctuation before it."""

from __future__ import annotations

import regex

from editor_app.core.text.lint import lint_text
from editor_app.core.text.lint.base import DOTTED_CIRCLE, show_marks

# A combining mark with no letter before it in a message would render as "()" or fuse
# with the punctuation before it.
_BARE_MARK = regex.compile(r"(?<![\p{L}\p{M}\u25cc])\p{M}")


def test_show_marks_puts_bare_marks_on_a_dotted_circle() -> None:
    assert show_marks("अनुस्वार (ं) लिखें") == f"अनुस्वार ({DOTTED_CIRCLE}ं) लिखें"
    assert show_marks("(अ + ा): आ") == f"(अ + {DOTTED_CIRCLE}ा): आ"
    assert show_marks("हिंदी शब्द में मात्राएं") == "हिंदी शब्द में मात्राएं"  # words untouched
    assert show_marks(f"({DOTTED_CIRCLE}ं)") == f"({DOTTED_CIRCLE}ं)"  # idempotent


def test_mark_explanations_show_the_mark() -> None:
    samples = ["वहाँ जाँच हुई", "अाज आॅफिस", "ढ़ा ा", "अत: बात", "कोे", "काा"]
    findings = [f for text in samples for f in lint_text(text)]
    rules = {f.rule for f in findings}
    assert {"style.nasal", "unicode.donotemit", "unicode.vowel-sign",
            "punct.visarga-colon"} <= rules
    for finding in findings:
        for message in (finding.message, finding.message_hi):
            assert not _BARE_MARK.search(message), (finding.rule, message)
            assert "()" not in message
    nasal = next(f for f in findings if f.rule == "style.nasal")
    assert f"({DOTTED_CIRCLE}ं)" in nasal.message and f"({DOTTED_CIRCLE}ँ)" in nasal.message
    orphan = next(f for f in findings if f.rule == "unicode.vowel-sign"
                  and "twice" not in f.message)
    assert f"({DOTTED_CIRCLE}" in orphan.message and f"({DOTTED_CIRCLE}" in orphan.message_hi
