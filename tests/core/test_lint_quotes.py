"""Quote rules and the repeated-word rule: positive, negative and fix output."""

from __future__ import annotations

from dataclasses import replace

import pytest

from editor_app.core.house_style import HouseStyle, default_style
from editor_app.core.text.findings import Finding, Severity
from editor_app.core.text.lint import fix_rule, lint_text


def found(text: str, rule: str, style: HouseStyle | None = None) -> list[Finding]:
    return lint_text(text, style or default_style(), rules=[rule])


# --- punct.unbalanced-quote -----------------------------------------------------------------

def test_unbalanced_closing_single_quote() -> None:
    text = "संस्था ‘जन सेवा’ ने बयान दिया कि बैठक हुई है.’"
    [finding] = found(text, "punct.unbalanced-quote")
    assert finding.start == len(text) - 1
    assert finding.text == "’"
    assert finding.fix is None


def test_unbalanced_opening_double_quote() -> None:
    [finding] = found("उसने कहा, “हम कल आएंगे। फिर देखेंगे।", "punct.unbalanced-quote")
    assert finding.text == "“"


def test_unbalanced_straight_double_quotes() -> None:
    assert len(found('उसने कहा, "हम आएंगे', "punct.unbalanced-quote")) == 1


@pytest.mark.parametrize("text", [
    "उसने कहा, “हम ‘पूरी’ कोशिश करेंगे।”",
    "It’s the students’ union and ’90s music",
    "“पहला अनुच्छेद उद्धरण का।\n\n“दूसरा अनुच्छेद, जो उद्धरण बंद करता है।”",
    "कहा- ‘हमला किया तो करेंगे “बहुत, बहुत कड़ी” कार्रवाई’",
])
def test_unbalanced_negative(text: str) -> None:
    assert found(text, "punct.unbalanced-quote") == []


def test_unbalanced_crossed_pairs() -> None:
    # “ ‘ ” : the single quote is never closed before the double quote closes.
    [finding] = found("उसने कहा, “वह ‘आया।”", "punct.unbalanced-quote")
    assert finding.text == "‘"


# --- punct.straight-quotes ------------------------------------------------------------------

def test_straight_quotes_to_curly() -> None:
    text = 'उसने कहा "हम जीतेंगे" और \'सच\' बोले'
    findings = found(text, "punct.straight-quotes")
    assert [f.fix for f in findings] == ["“", "”", "‘", "’"]
    assert fix_rule(text, "punct.straight-quotes") == "उसने कहा “हम जीतेंगे” और ‘सच’ बोले"


@pytest.mark.parametrize("text", [
    "उसने कहा “हम जीतेंगे”",
    'He said "yes" in English only',          # no Devanagari in the paragraph
    "उसकी लंबाई 5'10\" है",                    # feet and inches
    "don't और won't जैसे शब्द",                 # English apostrophes
    "कोड `a = \"b\"` देखें",                    # inline code
])
def test_straight_quotes_negative(text: str) -> None:
    assert found(text, "punct.straight-quotes") == []


def test_straight_quotes_when_house_style_is_straight() -> None:
    style = replace(default_style(), quotes="straight")
    text = "उसने कहा “हम जीतेंगे”"
    assert len(found(text, "punct.straight-quotes", style)) == 2
    assert fix_rule(text, "punct.straight-quotes", style) == 'उसने कहा "हम जीतेंगे"'
    assert found(text, "punct.straight-quotes", replace(default_style(), quotes="any")) == []


# --- punct.repeated-word --------------------------------------------------------------------

def test_repeated_function_word_is_a_warning() -> None:
    [finding] = found("सरकार के के फैसले से", "punct.repeated-word")
    assert finding.severity is Severity.WARNING
    assert finding.text == "के के"
    assert fix_rule("सरकार के के फैसले से", "punct.repeated-word") == "सरकार के फैसले से"


def test_repeated_content_word_is_info() -> None:
    [finding] = found("राज्य सरकार सरकार ने कहा", "punct.repeated-word")
    assert finding.severity is Severity.INFO
    assert finding.fix == "सरकार"


def test_repeated_latin_word() -> None:
    assert fix_rule("read the the report", "punct.repeated-word") == "read the report"


@pytest.mark.parametrize("text", [
    "धीरे-धीरे हालात सुधरे",          # hyphenated reduplication
    "अलग अलग जिलों में",               # known reduplication
    "बार बार कहा",
    "बहुत, बहुत कड़ी कार्रवाई",         # comma between
    "सरकार\nसरकार",                    # across lines
    "50 50 का बंटवारा",                # numbers
])
def test_repeated_word_negative(text: str) -> None:
    assert found(text, "punct.repeated-word") == []
