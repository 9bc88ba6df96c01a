"""Unicode rules: a positive case, a negative case and the fix's output for each."""

from __future__ import annotations

import unicodedata

import pytest

from editor_app.core.house_style import default_style
from editor_app.core.text.findings import Finding, Severity
from editor_app.core.text.lint import fix_rule, lint_text


def found(text: str, rule: str) -> list[Finding]:
    return [f for f in lint_text(text, default_style(), rules=[rule])]


# --- unicode.nfc ----------------------------------------------------------------------------

def test_nfc_flags_precomposed_nukta_letter() -> None:
    raw = "वह \u095b\u0930\u0942\u0930 आएगा"  # ज़ as the precomposed U+095B
    findings = found(raw, "unicode.nfc")
    assert len(findings) == 1
    nfc = unicodedata.normalize("NFC", raw)
    assert findings[0].text == nfc[findings[0].start:findings[0].end] == "ज\u093cरूर"


def test_nfc_silent_on_nfc_text() -> None:
    assert found("वह ज़रूर आएगा", "unicode.nfc") == []


def test_nfc_fix_output_is_nfc() -> None:
    raw = "वह \u095b\u0930\u0942\u0930 आएगा"
    assert fix_rule(raw, "unicode.nfc") == unicodedata.normalize("NFC", raw)


# --- unicode.rra ----------------------------------------------------------------------------

def test_rra_flags_whole_word() -> None:
    [finding] = found("राम औऱ श्याम", "unicode.rra")
    assert (finding.start, finding.end, finding.text) == (4, 6, "औऱ")
    assert finding.severity is Severity.ERROR
    assert finding.message and finding.message_hi


def test_rra_ignores_marathi_eyelash_ra() -> None:
    assert found("त्यांच्या घऱ्\u200dयात", "unicode.rra") == []


def test_rra_fix() -> None:
    assert fix_rule("राम औऱ श्याम", "unicode.rra") == "राम और श्याम"


def test_rra_composed_by_nfc_is_caught() -> None:
    # र + nukta composes to ऱ under NFC, so the typo is caught whichever way it was typed.
    assert fix_rule("घ\u0930\u093c", "unicode.rra") == "घर"


# --- unicode.nukta --------------------------------------------------------------------------

def test_nukta_after_vowel_sign_is_reordered() -> None:
    [finding] = found("उसने क\u093f\u093cला देखा", "unicode.nukta")
    assert finding.fix == "क\u093c\u093fला"


def test_nukta_after_space_or_doubled() -> None:
    assert len(found("वह \u093cघर गया", "unicode.nukta")) == 1
    assert len(found("ज\u093c\u093cरूर", "unicode.nukta")) == 1


def test_nukta_negative() -> None:
    assert found("सड़क पर ज़रूरी काम, पढ़ाई और फ़ैसला", "unicode.nukta") == []


def test_nukta_fixes() -> None:
    assert fix_rule("उसने क\u093f\u093cला देखा", "unicode.nukta") == "उसने क़िला देखा"
    assert fix_rule("वह \u093cघर गया", "unicode.nukta") == "वह घर गया"
    assert fix_rule("ज\u093c\u093cरूर", "unicode.nukta") == "ज़रूर"


# --- unicode.vowel-sign ---------------------------------------------------------------------

@pytest.mark.parametrize("text", ["वह \u093fघर गया", "नमस्ते \u0947", "इि", "\u094dक"])
def test_vowel_sign_without_base(text: str) -> None:
    findings = found(text, "unicode.vowel-sign")
    assert len(findings) == 1
    assert findings[0].fix is None


def test_vowel_sign_doubled_is_fixed() -> None:
    [finding] = found("किि", "unicode.vowel-sign")
    assert finding.fix == "कि"
    assert fix_rule("वह किताब पढ़ीी", "unicode.vowel-sign") == "वह किताब पढ़ी"


def test_vowel_sign_negative() -> None:
    prose = "क्षत्रिय, अंग्रेज़ी, आँख, अंधेरा, ऊँचाई, कौआ, ईंट, ओं, हैं, में, ॐ और पंक्ति ठीक हैं"
    assert found(prose, "unicode.vowel-sign") == []


# --- unicode.donotemit ----------------------------------------------------------------------

@pytest.mark.parametrize(("bad", "good"), [
    ("आॅफिस", "ऑफिस"), ("अाम", "आम"), ("अॉफ", "ऑफ"), ("अोर", "ओर"), ("अौर", "और"),
    ("अैसा", "ऐसा"), ("अॅ", "ऍ"), ("डाॅक्टर", "डॉक्टर"),
])
def test_donotemit_fix(bad: str, good: str) -> None:
    [finding] = found(f"यह {bad} है", "unicode.donotemit")
    assert finding.text == bad
    assert finding.fix == good
    assert fix_rule(f"यह {bad} है", "unicode.donotemit") == f"यह {good} है"


def test_donotemit_does_not_double_report_as_vowel_sign() -> None:
    assert found("आॅफिस", "unicode.vowel-sign") == []


def test_donotemit_negative() -> None:
    assert found("ऑफिस, आम, और, ऐसा, डॉक्टर", "unicode.donotemit") == []


# --- unicode.zero-width ---------------------------------------------------------------------

def test_zero_width_outside_virama() -> None:
    [finding] = found("भा\u200dरत", "unicode.zero-width")
    assert finding.text == "भा\u200dरत"
    assert finding.fix == "भारत"
    assert len(found("घर\u200c ", "unicode.zero-width")) == 1


def test_zero_width_after_virama_and_in_emoji_is_fine() -> None:
    assert found("क्\u200dष और क्\u200cष", "unicode.zero-width") == []
    assert found("परिवार 👨\u200d👩\u200d👧 खुश", "unicode.zero-width") == []


def test_zero_width_fix() -> None:
    assert fix_rule("भा\u200dरत\u200c देश", "unicode.zero-width") == "भारत देश"


# --- unicode.invisible ----------------------------------------------------------------------

@pytest.mark.parametrize("char", ["\u200b", "\u2060", "\ufeff", "\u00ad"])
def test_invisible_characters(char: str) -> None:
    text = f"भा{char}रत देश"
    [finding] = found(text, "unicode.invisible")
    assert finding.text == f"भा{char}रत"
    assert fix_rule(text, "unicode.invisible") == "भारत देश"


def test_invisible_negative() -> None:
    assert found("भारत देश, 2024", "unicode.invisible") == []
