"""The lint engine: fields, fixes, rule selection, the real sample, correct prose, speed."""

from __future__ import annotations

import json
import logging
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor_app.core.errors import ValidationError
from editor_app.core.house_style import default_style
from editor_app.core.text.findings import Finding, Severity
from editor_app.core.text.lint import (
    ALL_RULES,
    apply_fixes,
    fix_text,
    lint_article,
    lint_file_content,
    lint_text,
    rule_catalog,
    rule_ids,
    select_rules,
)
from editor_app.core.text.normalize import to_nfc
from editor_app.core.text.tokenize import words
from tests.conftest import sample_path

# Correct Hindi news prose written for this test: decimals, thousands, abbreviations,
# initials, URLs, e-mail, quotes (nested), reduplication, visarga, times, percent sign.
CORRECT_PROSE = """\
नई दिल्ली में मंगलवार को मौसम विभाग ने अगले तीन दिनों के लिए बारिश की चेतावनी जारी की। \
विभाग के निदेशक डॉ. राकेश वर्मा ने कहा कि पहाड़ी इलाकों में धीरे-धीरे तापमान गिरेगा। \
उन्होंने बताया, “किसानों को फसल की कटाई जल्द पूरी कर लेनी चाहिए।”

राज्य सरकार ने 3.5 करोड़ रुपये की राहत राशि मंजूर की है, जो पिछले साल से 12 प्रतिशत अधिक \
है। अधिकारियों के अनुसार अलग-अलग जिलों में 1,200 राहत शिविर बनाए गए हैं।

क्या यह तैयारी काफी है? विपक्ष के नेता ए.पी. सिंह ने सवाल उठाया कि पिछले साल भी ऐसे ही दावे \
किए गए थे। अतः इस बार निगरानी समिति बनाई गई है। समिति की रिपोर्ट www.example.gov.in पर \
देखी जा सकती है।

मंत्री ने कहा: ‘हम हर गांव तक पहुंचेंगे।’ लोगों ने जगह जगह पानी निकालने के इंतज़ाम किए। \
उनके मुताबिक दुःख की इस घड़ी में सरकार साथ है। छात्रों ने कहा, ‘हमें अपने शिक्षकों पर भरोसा है।’

जनरल वी. के. सिंह (सेवानिवृत्त) भी बैठक में मौजूद थे। सुबह 9:30 बजे बैठक शुरू हुई और दोपहर \
2.15 बजे खत्म हुई। ब्योरा info@example.com पर भेजें। क्षत्रिय समाज के प्रतिनिधि ने कहा, \
“सबको ‘साथ’ लेकर चलेंगे!” पर्यटकों की संख्या 15% बढ़ी। It’s a “fair” deal, said Mr. Rao.
"""

# Markdown body with lists, links, hashtags, handles, currency, ordinals and fractions.
CORRECT_MARKDOWN = """\
## चुनाव आयोग की तैयारी

मुख्य चुनाव आयुक्त ने शुक्रवार को कहा कि 15 अगस्त, 2024 से पहले मतदाता सूची का काम पूरा होगा। \
**आयोग** के मुताबिक राज्य में 5.6% नए मतदाता जुड़े हैं और ₹500 करोड़ का बजट तय हुआ है।

> “हम हर बूथ पर वीडियोग्राफी कराएंगे,” उन्होंने कहा।

बैठक में ये मुद्दे उठे:

1. सुरक्षा बलों की तैनाती
2. ईवीएम की जांच (पहले चरण में)
- दिव्यांग मतदाताओं के लिए रैंप

डॉ. बी.आर. आंबेडकर विश्वविद्यालय के प्रो. सुनील कुमार ने बताया कि शहर से 12 कि.मी. दूर नया \
केंद्र बनेगा। सोशल मीडिया पर #चुनाव2024 और @ECISVEEP के पोस्ट चर्चा में रहे। ज़्यादा जानकारी \
के लिए [यहां पढ़ें](https://eci.gov.in/faq?id=12)।

आईपीएल के 17वें संस्करण में मुंबई इंडियंस ने 20 ओवर में 180/4 रन बनाए। कप्तान ने कहा, \
‘टीम ने अच्छा खेला’ — यह बात सबने मानी। मैच रात 7:30 बजे शुरू हुआ (भारतीय समय)।

उन्होंने पूछा, “क्या आप तैयार हैं?” जवाब मिला, “हां, बिल्कुल!” नतीजे 4 जून को आएंगे। \
नं. 1 टीम का दर्जा बरकरार रहा।
"""


@pytest.mark.parametrize("prose", [CORRECT_PROSE, CORRECT_MARKDOWN])
def test_correct_prose_has_no_findings(prose: str) -> None:
    non_style = [r.id for r in ALL_RULES if not r.style]
    assert lint_text(prose, default_style(), rules=non_style) == []
    # The default house style agrees with this prose too.
    assert lint_text(prose, default_style()) == []


@pytest.mark.parametrize("sample", ["own", "shared"])
def test_scraped_sample(sample: str) -> None:
    text = sample_path(sample).read_text(encoding="utf-8")
    nfc = to_nfc(text)
    findings = lint_text(text, default_style())
    by_rule: dict[str, list[Finding]] = {}
    for f in findings:
        assert nfc[f.start:f.end] == f.text
        by_rule.setdefault(f.rule, []).append(f)

    [rra] = by_rule["unicode.rra"]
    assert rra.text == "औऱ" and rra.fix == "और"

    [space] = by_rule["punct.space-after"]
    assert nfc[space.start - 2:space.end + 2] == "है.इस"
    assert space.fix == "। "

    [unbalanced] = by_rule["punct.unbalanced-quote"]
    assert unbalanced.text == "’"
    assert nfc[unbalanced.start - 3:unbalanced.end] == "है.’"

    terms = [f for f in by_rule["style.term"] if f.fix == "प्रतिशत"]
    assert [f.text for f in terms] == ["फीसदी", "फीसदी"]
    assert "प्रतिशत" in nfc
    assert len(by_rule["style.sentence-end"]) >= 10  # the sample ends sentences with '.'

    fixed = fix_text(text, ["unicode", "punct.space-after", "style.sentence-end"])
    assert "औऱ" not in fixed and "है। इस" in fixed and "फीसदी" in fixed


def test_lint_article_fields_and_json() -> None:
    fields = {"headline": "बारिश से राहत।", "dek": "शहर में औऱ गांव में",
              "body": "बारिश हुई.फिर धूप", "caption:1": "तस्वीर  में"}
    result = lint_article(fields, default_style())
    seen = {(r.field, r.finding.rule) for r in result}
    assert ("headline", "style.headline-end") in seen
    assert ("dek", "unicode.rra") in seen
    assert ("body", "punct.space-after") in seen
    assert ("caption:1", "punct.multiple-spaces") in seen
    data = json.loads(json.dumps([r.to_json() for r in result], ensure_ascii=False))
    assert data[0]["field"] == "headline" and "rule" in data[0] and "message_hi" in data[0]


def test_apply_fixes_right_to_left_and_overlaps() -> None:
    text = "abcdef"
    findings = [
        Finding("x", 0, 2, "ab", Severity.INFO, fix="AB"),
        Finding("y", 1, 3, "bc", Severity.INFO, fix="BC"),  # overlaps the first: skipped
        Finding("z", 4, 6, "ef", Severity.INFO, fix=""),
        Finding("s", 3, 4, "Q", Severity.INFO, fix="D"),    # stale: skipped
        Finding("n", 3, 4, "d", Severity.INFO),             # no fix
    ]
    assert apply_fixes(text, findings) == "ABcd"
    assert apply_fixes(text, []) == text


def test_fix_text_reaches_a_fixed_point() -> None:
    # The danda fix and the space fix overlap on the first pass; the second pass finishes.
    text = "वह आया | फिर  गया|अगला"
    fixed = fix_text(text, ["punct"])
    assert fixed == "वह आया। फिर गया। अगला"
    assert fix_text(fixed, ["punct"]) == fixed


def test_fix_text_only_touches_chosen_rules() -> None:
    text = "राम औऱ श्याम आए.इस बार"
    assert fix_text(text, ["unicode.rra"]) == "राम और श्याम आए.इस बार"
    assert fix_text(text, []) == text


def test_unknown_rule_is_a_validation_error() -> None:
    with pytest.raises(ValidationError, match=r"no\.such"):
        fix_text("पाठ", ["no.such"])
    with pytest.raises(ValidationError):
        select_rules(["unicode.rra", "bogus"])


def test_select_rules_groups() -> None:
    assert {r.id for r in select_rules(["unicode"])} == {
        r for r in rule_ids() if r.startswith("unicode.")}
    assert {r.id for r in select_rules(["punct.*"])} == {
        r for r in rule_ids() if r.startswith("punct.")}
    assert len(select_rules(None)) == len(ALL_RULES)


def test_rule_catalog_is_complete_and_unique() -> None:
    catalog = rule_catalog()
    ids = [c["id"] for c in catalog]
    assert len(ids) == len(set(ids))
    for entry in catalog:
        assert entry["title"] and entry["title_hi"]
        assert entry["id"].split(".")[0] in {"unicode", "punct", "style"}


def test_style_disables_rules_and_overrides_severity() -> None:
    style = replace(default_style(), disabled_rules=("unicode.rra",),
                    severity_overrides=(("punct.space-after", Severity.ERROR),))
    findings = lint_text("राम औऱ श्याम आए.इस बार", style)
    assert "unicode.rra" not in {f.rule for f in findings}
    [space] = [f for f in findings if f.rule == "punct.space-after"]
    assert space.severity is Severity.ERROR


def test_lint_file_content_with_headline() -> None:
    style = replace(default_style(), headline_max=4)
    content = "\nबारिश से बड़ी राहत।\n\nशहर में बारिश हुई।"
    findings = lint_file_content(content, style, first_line_is_headline=True)
    rules = {f.rule for f in findings}
    assert {"style.length", "style.headline-end"} <= rules
    for f in findings:
        assert to_nfc(content)[f.start:f.end] == f.text
    assert not any(f.rule == "style.length" for f in lint_file_content(content, style))


def test_a_failing_rule_is_logged_not_raised(monkeypatch: pytest.MonkeyPatch,
                                              caplog: pytest.LogCaptureFixture) -> None:
    from editor_app.core.text.lint import engine

    def boom(ctx: object) -> list[Finding]:
        raise RuntimeError("bug")

    broken = replace(engine.ALL_RULES[0], check=boom)
    monkeypatch.setattr(engine, "ALL_RULES", (broken, *engine.ALL_RULES[1:]))
    with caplog.at_level(logging.ERROR):
        findings = lint_text("राम औऱ श्याम", default_style())
    assert any(f.rule == "unicode.rra" for f in findings)
    assert "failed" in caplog.text


_DEVA_ALPHABET = st.sampled_from(list(
    "कखगघचछजझटठडढणतथदधनपफबभमयरलवशषसहअआइईउऊएऐओऔ"
    "ािीुूृेैोौंँः़्ॅॉऱ।॥.,:;?!|\"'‘’“” \n0123456789०१२\u200b\u200c\u200d\u00ad"))


@settings(max_examples=200, deadline=None)
@given(st.lists(_DEVA_ALPHABET, max_size=80).map("".join))
def test_lint_never_crashes_and_spans_match(text: str) -> None:
    nfc = to_nfc(text)
    findings = lint_text(text, default_style())
    for f in findings:
        assert 0 <= f.start <= f.end <= len(nfc)
        assert nfc[f.start:f.end] == f.text
    fixed = fix_text(text, rule_ids())
    assert isinstance(fixed, str)


def test_20k_word_document_is_linted_whole() -> None:
    """Speed is measured in benchmarks/bench_core.py; here: every repeat is found."""
    base = CORRECT_PROSE + "\nराम औऱ श्याम आए.इस बार  फीसदी “उद्धरण\n"
    doc = "\n".join([base] * (20_000 // len(words(base)) + 1))
    assert len(words(doc)) >= 20_000
    findings = lint_text(doc, default_style())
    repeats = doc.count("औऱ")
    assert sum(f.rule == "unicode.rra" for f in findings) == repeats > 50
