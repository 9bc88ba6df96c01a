"""House-style rules: positive, negative and fix output, under different style sheets."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from editor_app.core.house_style import Caution, HouseStyle, PreferredTerm, default_style
from editor_app.core.text.findings import Finding, Severity
from editor_app.core.text.lint import fix_rule, lint_article, lint_text


def sheet(**changes: Any) -> HouseStyle:
    return replace(default_style(), **changes)


def found(text: str, rule: str, style: HouseStyle | None = None,
          field: str = "body") -> list[Finding]:
    return lint_text(text, style or default_style(), field, rules=[rule])


# --- style.sentence-end ---------------------------------------------------------------------

def test_sentence_end_period_flagged_under_danda_style() -> None:
    text = "बैठक मंगलवार को हुई. फैसला बाद में होगा.\nअगला अनुच्छेद."
    findings = found(text, "style.sentence-end")
    assert len(findings) == 3
    assert fix_rule(text, "style.sentence-end") == (
        "बैठक मंगलवार को हुई। फैसला बाद में होगा।\nअगला अनुच्छेद।")


def test_sentence_end_after_closing_quote() -> None:
    assert fix_rule("उसने कहा ‘ठीक है’.", "style.sentence-end") == "उसने कहा ‘ठीक है’।"


@pytest.mark.parametrize("text", [
    "डॉ. शर्मा आए।", "जनरल वी. के. सिंह आए।", "दर 3.5 रही।", "कहानी अधूरी है...",
    "He left. She stayed.", "साइट example.com पर",
])
def test_sentence_end_negative(text: str) -> None:
    assert found(text, "style.sentence-end") == []


def test_sentence_end_period_style() -> None:
    style = sheet(sentence_end="period")
    assert len(found("वह आया। फिर गया।", "style.sentence-end", style)) == 2
    assert fix_rule("वह आया। फिर गया।", "style.sentence-end", style) == "वह आया. फिर गया."
    assert found("वह आया. फिर गया.", "style.sentence-end", style) == []
    assert found("वह आया. फिर गया।", "style.sentence-end", sheet(sentence_end="any")) == []


# --- style.digits / style.digits-mixed ------------------------------------------------------

def test_digits_ascii_policy() -> None:
    text = "वर्ष २०२४ में 50 लोग"
    [finding] = found(text, "style.digits")
    assert finding.text == "२०२४"
    assert fix_rule(text, "style.digits") == "वर्ष 2024 में 50 लोग"


def test_digits_devanagari_policy() -> None:
    style = sheet(digits="devanagari")
    text = "वर्ष 2024 में G20 बैठक"
    [finding] = found(text, "style.digits", style)
    assert finding.text == "2024"  # G20 is a name: left alone
    assert fix_rule(text, "style.digits", style) == "वर्ष २०२४ में G20 बैठक"


def test_digits_negative() -> None:
    assert found("वर्ष 2024 में 50 लोग", "style.digits") == []
    assert found("वर्ष २०२४", "style.digits", sheet(digits="any")) == []


def test_digits_mixed_flags_minority() -> None:
    style = sheet(digits="any")
    text = "वर्ष 2024 में 50 लोग और १२ गांव"
    [finding] = found(text, "style.digits-mixed", style)
    assert finding.text == "१२"
    assert fix_rule(text, "style.digits-mixed", style) == "वर्ष 2024 में 50 लोग और 12 गांव"
    assert found("वर्ष 2024 में 50 लोग", "style.digits-mixed", style) == []
    assert found(text, "style.digits-mixed", sheet(digits="any", flag_mixed_digits=False)) == []


# --- style.nasal / style.nasal-mixed --------------------------------------------------------

def test_nasal_anusvara_policy() -> None:
    text = "वह गाँव पहुँचा और हँसी आई"
    findings = found(text, "style.nasal")
    assert [f.text for f in findings] == ["गाँव", "पहुँचा"]  # हँसी is on the keep list
    assert fix_rule(text, "style.nasal") == "वह गांव पहुंचा और हँसी आई"


def test_nasal_standard_policy_only_top_matras() -> None:
    style = sheet(nasal="standard")
    text = "वह गाँव में नहीँ पहुँचा, मेँ"
    findings = found(text, "style.nasal", style)
    assert [f.text for f in findings] == ["नहीँ", "मेँ"]
    assert fix_rule(text, "style.nasal", style) == "वह गाँव में नहीं पहुँचा, में"


def test_nasal_negative() -> None:
    assert found("वह गांव पहुंचा", "style.nasal") == []
    assert found("वह गाँव पहुँचा", "style.nasal", sheet(nasal="any")) == []


def test_nasal_mixed() -> None:
    style = sheet(nasal="standard")
    text = "टीम पहुँची। फिर दूसरी टीम पहुंची और तीसरी भी पहुंची।"
    [finding] = found(text, "style.nasal-mixed", style)
    assert finding.text == "पहुँची"
    assert fix_rule(text, "style.nasal-mixed", style).count("पहुंची") == 3
    # हँस (laugh) and हंस (swan) are different words.
    assert found("हंस को देखकर बच्चा हँस पड़ा", "style.nasal-mixed", style) == []


# --- style.nukta ----------------------------------------------------------------------------

def test_nukta_consistency_flags_minority_form() -> None:
    text = "गेंदबाज़ों ने कमाल किया। गेंदबाज़ों की तारीफ हुई, पर गेंदबाजों को आराम मिला।"
    [finding] = found(text, "style.nukta")
    assert finding.text == "गेंदबाजों"
    assert finding.fix == "गेंदबाज़ों"
    assert fix_rule(text, "style.nukta").count("गेंदबाज़ों") == 3


def test_nukta_consistency_across_fields() -> None:
    result = lint_article({"headline": "सड़क पर जाम", "body": "सडक बंद रही।"}, default_style(),
                          rules=["style.nukta"])
    assert [(r.field, r.finding.text, r.finding.fix) for r in result] == [
        ("body", "सडक", "सड़क")]


def test_nukta_never_policy() -> None:
    style = sheet(nukta="never")
    text = "ज़रूरी फ़ैसला सड़क पर"
    assert [f.text for f in found(text, "style.nukta", style)] == ["ज़रूरी", "फ़ैसला"]
    assert fix_rule(text, "style.nukta", style) == "जरूरी फैसला सड़क पर"  # ड़ is a letter


def test_nukta_negative() -> None:
    assert found("ज़रूरी काम, ज़रूरी बात", "style.nukta") == []
    assert found("ज़रूरी और जरूरी", "style.nukta", sheet(nukta="any")) == []


# --- style.term -----------------------------------------------------------------------------

def test_term_always() -> None:
    text = "50 फीसदी लोग और 20 प्रतिशत बच्चे"
    [finding] = found(text, "style.term")
    assert (finding.text, finding.fix) == ("फीसदी", "प्रतिशत")
    assert fix_rule(text, "style.term") == "50 प्रतिशत लोग और 20 प्रतिशत बच्चे"


def test_term_mixed_only_when_both_forms_used() -> None:
    term = PreferredTerm("हिंदी", ("हिन्दी",), "mixed")
    style = sheet(terms=(term,))
    assert found("हिन्दी दिवस", "style.term", style) == []
    assert len(found("हिन्दी दिवस पर हिंदी की बात", "style.term", style)) == 1


def test_term_whole_words_only() -> None:
    style = sheet(terms=(PreferredTerm("प्रतिशत", ("फीसद",)),))
    assert found("फीसदी", "style.term", style) == []
    assert len(found("दस फीसद", "style.term", style)) == 1


# --- style.abbreviation ---------------------------------------------------------------------

def test_abbreviation_period_style() -> None:
    text = "डॉ॰ शर्मा और डॉ० वर्मा"
    findings = found(text, "style.abbreviation")
    assert [f.text for f in findings] == ["॰", "०"]
    assert fix_rule(text, "style.abbreviation") == "डॉ. शर्मा और डॉ. वर्मा"


def test_abbreviation_sign_style() -> None:
    style = sheet(abbreviation_mark="sign")
    assert fix_rule("डॉ. शर्मा और डॉ० वर्मा", "style.abbreviation", style) == (
        "डॉ॰ शर्मा और डॉ॰ वर्मा")


def test_abbreviation_negative() -> None:
    assert found("डॉ. शर्मा, वर्ष २०२० और १० लोग", "style.abbreviation") == []
    assert found("डॉ॰ शर्मा", "style.abbreviation", sheet(abbreviation_mark="sign")) == []


# --- style.length / style.headline-end ------------------------------------------------------

def test_length_limits_in_aksharas() -> None:
    style = sheet(headline_max=5)
    [finding] = found("प्रधानमंत्री ने कहा", "style.length", style, field="headline")
    assert finding.text == "ने कहा"  # the overflow after 5 aksharas (प्र धा न मं त्री)
    assert finding.fix is None
    assert found("प्रधानमंत्री", "style.length", style, field="headline") == []
    assert found("प्रधानमंत्री ने कहा", "style.length", style, field="body") == []
    assert len(found("एक दो तीन", "style.length", sheet(caption_max=3), field="caption:2")) == 1


def test_headline_end() -> None:
    [finding] = found("बारिश से राहत।", "style.headline-end", field="headline")
    assert finding.fix == ""
    assert lint_text("बारिश से राहत।", default_style(), "headline",
                     rules=["style.headline-end"])[0].text == "।"
    assert found("बारिश से राहत।", "style.headline-end", field="body") == []
    assert found("क्या राहत मिलेगी?", "style.headline-end", field="headline") == []


# --- style.caution --------------------------------------------------------------------------

def test_caution_words() -> None:
    style = sheet(cautions=(Caution("हरिजन", Severity.ERROR, "दलित", "advisory"),))
    [finding] = found("हरिजन बस्ती में", "style.caution", style)
    assert finding.severity is Severity.ERROR
    assert finding.fix == "दलित"
    assert fix_rule("हरिजन बस्ती में", "style.caution", style) == "दलित बस्ती में"
    [inflected] = found("हरिजनों की बस्ती", "style.caution", style)
    assert inflected.fix is None and inflected.suggestions == ("दलित",)
    assert found("दलित बस्ती में", "style.caution", style) == []
