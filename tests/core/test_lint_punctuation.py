"""Punctuation and spacing rules: positive, negative and fix output for each."""

from __future__ import annotations

from dataclasses import replace

import pytest

from editor_app.core.house_style import HouseStyle, default_style
from editor_app.core.text.findings import Finding
from editor_app.core.text.lint import fix_rule, lint_text


def found(text: str, rule: str, style: HouseStyle | None = None) -> list[Finding]:
    return lint_text(text, style or default_style(), rules=[rule])


# --- punct.danda-lookalike ------------------------------------------------------------------

@pytest.mark.parametrize("text", ["बारिश हुई| फिर धूप", "बारिश हुई |", "बारिश हुई\u01c0 फिर",
                                  "बारिश हुई\u2223 फिर", "बारिश हुई||"])
def test_danda_lookalike_positive(text: str) -> None:
    [finding] = found(text, "punct.danda-lookalike")
    assert finding.fix == "।"


@pytest.mark.parametrize("text", [
    "| नाम | उम्र |\n| राम | 30 |",  # Markdown table
    "a|b और x | y",                  # not after Devanagari
    "बारिश हुई। फिर धूप",
])
def test_danda_lookalike_negative(text: str) -> None:
    assert found(text, "punct.danda-lookalike") == []


def test_danda_lookalike_fix() -> None:
    assert fix_rule("बारिश हुई| फिर धूप निकली|", "punct.danda-lookalike") == (
        "बारिश हुई। फिर धूप निकली।")


# --- punct.double-danda ---------------------------------------------------------------------

def test_double_danda() -> None:
    assert len(found("वह चला गया।। अब", "punct.double-danda")) == 1
    assert len(found("वह चला गया। । अब", "punct.double-danda")) == 1
    assert found("वह चला गया। अब ॥ १ ॥", "punct.double-danda") == []
    assert fix_rule("वह चला गया।। अब", "punct.double-danda") == "वह चला गया। अब"


# --- punct.space-after ----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "fixed"), [
    ("काम पूरा हुआ।अगले दिन", "काम पूरा हुआ। अगले दिन"),
    ("क्या हुआ?कोई नहीं जानता", "क्या हुआ? कोई नहीं जानता"),
    ("वाह!क्या बात", "वाह! क्या बात"),
    ("यात्रा पर है.इस दौरान", "यात्रा पर है। इस दौरान"),
    ("उसने कहा,कि वह आएगा", "उसने कहा, कि वह आएगा"),
    ("प्रवक्ता (आईएसपीआर)ने कहा", "प्रवक्ता (आईएसपीआर) ने कहा"),
    ("उसने कहा।“हम आएंगे”", "उसने कहा। “हम आएंगे”"),
])
def test_space_after_positive_and_fix(text: str, fixed: str) -> None:
    assert len(found(text, "punct.space-after")) == 1
    assert fix_rule(text, "punct.space-after") == fixed


def test_space_after_period_style_keeps_full_stop() -> None:
    style = replace(default_style(), sentence_end="period")
    assert fix_rule("यात्रा पर है.इस दौरान", "punct.space-after", style) == (
        "यात्रा पर है. इस दौरान")


@pytest.mark.parametrize("text", [
    "दर 3.5 प्रतिशत रही",                 # decimal
    "कुल 1,200 लोग",                      # thousands
    "डॉ.राकेश और प्रो.शर्मा आए",           # abbreviations
    "ए.पी.जे. अब्दुल कलाम",               # initials
    "जनरल वी.के. सिंह",
    "देखें www.example.com/a?b=1!",        # URL
    "Hello,world and what?now",            # Latin only
    "अपने संबोधन... में",                  # ellipsis
])
def test_space_after_negative(text: str) -> None:
    assert found(text, "punct.space-after") == []


# --- punct.space-before ---------------------------------------------------------------------

@pytest.mark.parametrize(("text", "fixed"), [
    ("वह घर गया ।", "वह घर गया।"),
    ("राम , श्याम", "राम, श्याम"),
    ("क्या हुआ ?", "क्या हुआ?"),
    ("उसने कहा, “चलो ”", "उसने कहा, “चलो”"),
    ("समिति (नई )", "समिति (नई)"),
    ("समय : सुबह", "समय: सुबह"),
])
def test_space_before_positive_and_fix(text: str, fixed: str) -> None:
    assert len(found(text, "punct.space-before")) == 1
    assert fix_rule(text, "punct.space-before") == fixed


@pytest.mark.parametrize("text", ["वह घर गया। फिर", "’90 के दशक में", "मज़ाक :)",
                                  "राम, श्याम और ‘मोहन’", "सूची ( )", "  । पंक्ति के शुरू में"])
def test_space_before_negative(text: str) -> None:
    assert found(text, "punct.space-before") == []


# --- punct.multiple-spaces ------------------------------------------------------------------

def test_multiple_spaces() -> None:
    assert len(found("वह  घर   गया", "punct.multiple-spaces")) == 2
    assert found("वह घर गया\n  नई पंक्ति", "punct.multiple-spaces") == []
    assert found("पंक्ति के अंत में  \nअगली", "punct.multiple-spaces") == []
    assert fix_rule("वह  घर   गया", "punct.multiple-spaces") == "वह घर गया"


# --- punct.visarga-colon --------------------------------------------------------------------

@pytest.mark.parametrize(("text", "fixed"), [
    ("अत: हमें चलना चाहिए", "अतः हमें चलना चाहिए"),
    ("ऐसा प्राय: होता है", "ऐसा प्रायः होता है"),
    ("वह पुन: आया", "वह पुनः आया"),
    ("सामान्यत: ऐसा नहीं होता", "सामान्यतः ऐसा नहीं होता"),
    ("इससे दु:ख हुआ", "इससे दुःख हुआ"),
    ("प्रवेश नि:शुल्क है", "प्रवेश निःशुल्क है"),
    ("यह क्रमश: बढ़ा।", "यह क्रमशः बढ़ा।"),
])
def test_visarga_colon_positive_and_fix(text: str, fixed: str) -> None:
    assert len(found(text, "punct.visarga-colon")) == 1
    assert fix_rule(text, "punct.visarga-colon") == fixed


@pytest.mark.parametrize("text", [
    "उसने कहा: ‘हम आएंगे’",
    "बड़ी बात: आज बारिश होगी",
    "समय:सुबह दस बजे",
    "Russia-Pakistan Relations: पाकिस्तान",
    "सुबह 9:30 बजे",
    "इसे भी पढ़ें:-",
])
def test_visarga_colon_negative(text: str) -> None:
    assert found(text, "punct.visarga-colon") == []


# --- punct.space-open -----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "fixed"), [
    ("उसने कहा“हम आएंगे”", "उसने कहा “हम आएंगे”"),
    ("करीब 500 रुपये(लगभग)", "करीब 500 रुपये (लगभग)"),
    ("उसने कहा “ हम आएंगे”", "उसने कहा “हम आएंगे”"),
    ("समिति ( नई) बनी", "समिति (नई) बनी"),
])
def test_space_open_positive_and_fix(text: str, fixed: str) -> None:
    assert len(found(text, "punct.space-open")) == 1
    assert fix_rule(text, "punct.space-open") == fixed


@pytest.mark.parametrize("text", ["उसने कहा “हम आएंगे”", "call f(x) now", "[पाठ](https://a.in)",
                                  "सूची ( ) खाली", "रूस-(पुराना नाम)"])
def test_space_open_negative(text: str) -> None:
    assert found(text, "punct.space-open") == []


# --- punct.double-punct ---------------------------------------------------------------------

@pytest.mark.parametrize(("text", "fixed"), [
    ("राम,, श्याम", "राम, श्याम"),
    ("क्या हुआ?। फिर", "क्या हुआ? फिर"),
    ("वह आया।. फिर", "वह आया। फिर"),
    ("वह आया,। फिर", "वह आया। फिर"),
    ("वह आया.। फिर", "वह आया। फिर"),
])
def test_double_punct_positive_and_fix(text: str, fixed: str) -> None:
    assert len(found(text, "punct.double-punct")) == 1
    assert fix_rule(text, "punct.double-punct") == fixed


@pytest.mark.parametrize("text", ["वह आया... फिर", "कहा...। फिर", "1,000, 2,000", "क्या?! सच"])
def test_double_punct_negative(text: str) -> None:
    assert found(text, "punct.double-punct") == []


# --- punct.space-digit ----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "fixed"), [
    ("करीब 50फीसदी लोग", "करीब 50 फीसदी लोग"),
    ("पिछले साल2023 में", "पिछले साल 2023 में"),
    ("कुल 1.5करोड़ रुपये", "कुल 1.5 करोड़ रुपये"),
    ("सुबह 10:30बजे", "सुबह 10:30 बजे"),
    ("वर्ष २०२४में", "वर्ष २०२४ में"),
])
def test_space_digit_positive_and_fix(text: str, fixed: str) -> None:
    assert len(found(text, "punct.space-digit")) == 1
    assert fix_rule(text, "punct.space-digit") == fixed


@pytest.mark.parametrize("text", ["20वीं सदी", "10वें दिन", "5जी सेवा", "3डी फिल्म", "जी20 बैठक",
                                  "एस400 प्रणाली", "कोविड-19 का दौर", "सुबह 9:30 बजे",
                                  "G20 summit"])
def test_space_digit_negative(text: str) -> None:
    assert found(text, "punct.space-digit") == []


def test_space_after_colon_when_not_a_visarga() -> None:
    assert fix_rule("समय:सुबह दस बजे", "punct.space-after") == "समय: सुबह दस बजे"
    assert found("इससे दु:ख हुआ", "punct.space-after") == []
