"""Non-prose spans are skipped by spell-check and protected from lint."""

from __future__ import annotations

import pytest

from editor_app.core.text.lint import lint_text
from editor_app.core.text.markup_spans import NonProse, non_prose_spans
from editor_app.core.text.spell import create_spell_checker
from tests.conftest import skip_unless_spelling

TEXT = ("अधिक जानकारी www.example.gov.in/niti पर, लिखें info@example.gov.in पर, "
        "[रिपोर्ट](https://example.in/report.pdf) और #बजट2024 @pti_news देखें।")


def test_spans_cover_urls_mail_links_and_tags():
    found = [TEXT[s:e] for s, e in non_prose_spans(TEXT)]
    assert found == ["www.example.gov.in/niti", "info@example.gov.in",
                     "](https://example.in/report.pdf)", "#बजट2024", "@pti_news"]
    lookup = NonProse(TEXT)
    assert lookup.covers(TEXT.index("gov")) and not lookup.covers(TEXT.index("अधिक"))


@pytest.mark.parametrize("prose", ["वृद्धि दर 7.2 प्रतिशत रही।", "यह बात है.इस पर", "डॉ. शर्मा"])
def test_prose_is_not_swallowed(prose):
    assert non_prose_spans(prose) == []


def test_spell_check_skips_non_prose():
    checker = create_spell_checker(None, None)
    if not checker.available:
        skip_unless_spelling(checker.unavailable_reason)
    assert [f.text for f in checker.check(TEXT + " सडक")] == ["सडक"]


def test_lint_ignores_non_prose():
    rules = {f.rule for f in lint_text(TEXT)}
    assert "punct.space-after" not in rules


def test_spelled_acronyms_are_info_not_errors():
    from editor_app.core.text.findings import Severity
    from editor_app.core.text.spell import is_spelled_acronym

    assert is_spelled_acronym("बीएनएस") and is_spelled_acronym("एनडीआरएफ")
    assert not is_spelled_acronym("केसी") and not is_spelled_acronym("सडक")
    checker = create_spell_checker(None, None)
    if not checker.available:
        skip_unless_spelling(checker.unavailable_reason)
    findings = {f.text: f.severity for f in checker.check("धारा बीएनएस के तहत सडक पर")}
    assert findings.get("बीएनएस", Severity.INFO) is Severity.INFO
    assert findings["सडक"] is Severity.ERROR
