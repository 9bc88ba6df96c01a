"""The copy-desk lint engine: run rules on article fields, apply fixes.

Contract:
- :func:`lint_text` lints one text. Offsets of the returned findings are code points into
  ``to_nfc(text)``; findings are sorted by ``(start, end, rule)``. Rules the style disables
  are skipped unless named explicitly in ``rules``.
- :func:`lint_article` lints named fields (``headline``, ``dek``, ``body``, ``caption:1`` ...)
  as one story: consistency rules (nukta, digits, terms) count over all fields together.
- :func:`apply_fixes` applies the fixes of non-overlapping findings right to left (the first
  finding wins an overlap); a finding whose ``text`` no longer matches is skipped.
- :func:`fix_text` lints and fixes with chosen rules until nothing changes (at most a few
  passes, so fixes that were skipped for overlapping are applied on the next pass).
- A rule that raises is logged and skipped; linting itself never fails on odd input.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from editor_app.core.errors import ValidationError
from editor_app.core.house_style import HouseStyle, default_style
from editor_app.core.text.findings import Finding
from editor_app.core.text.lint.base import LintContext, Rule, StoryStats
from editor_app.core.text.lint.rules_punctuation import PUNCTUATION_RULES
from editor_app.core.text.lint.rules_quotes import QUOTE_RULES
from editor_app.core.text.lint.rules_style import STYLE_RULES
from editor_app.core.text.lint.rules_unicode import UNICODE_RULES
from editor_app.core.text.normalize import to_nfc

__all__ = [
    "ALL_RULES",
    "FieldFinding",
    "apply_fixes",
    "fix_rule",
    "fix_text",
    "lint_article",
    "lint_file_content",
    "lint_text",
    "rule_catalog",
    "rule_ids",
    "select_rules",
]

log = logging.getLogger(__name__)

ALL_RULES: tuple[Rule, ...] = UNICODE_RULES + PUNCTUATION_RULES + QUOTE_RULES + STYLE_RULES
_RULES_BY_ID: dict[str, Rule] = {rule.id: rule for rule in ALL_RULES}
MAX_FIX_PASSES = 4


@dataclass(frozen=True, slots=True)
class FieldFinding:
    """A finding in one named field of an article (offsets are into that field's NFC text)."""

    field: str
    finding: Finding

    def to_json(self) -> dict[str, Any]:
        """The finding's JSON object with a ``field`` key added."""
        return {"field": self.field, **self.finding.to_json()}


def rule_ids() -> list[str]:
    """Every rule id, in run order."""
    return [rule.id for rule in ALL_RULES]


def rule_catalog() -> list[dict[str, Any]]:
    """Id, default severity, English and Hindi title, and ``style`` flag of every rule."""
    return [{"id": r.id, "severity": r.severity.value, "title": r.title, "title_hi": r.title_hi,
             "style": r.style} for r in ALL_RULES]


def select_rules(ids: Iterable[str] | None) -> tuple[Rule, ...]:
    """Rules for ids such as ``unicode.rra``, a group ``punct`` or ``punct.*``.

    ``None`` means all rules. An unknown id raises :class:`ValidationError` naming it.
    """
    if ids is None:
        return ALL_RULES
    chosen: dict[str, Rule] = {}
    for raw in ids:
        name = raw.strip()
        if not name:
            continue
        if name in _RULES_BY_ID:
            chosen[name] = _RULES_BY_ID[name]
            continue
        prefix = name.removesuffix("*").removesuffix(".") + "."
        group = [r for r in ALL_RULES if r.id.startswith(prefix)]
        if not group:
            raise ValidationError(f"unknown lint rule {name!r}; known rules: "
                                  f"{', '.join(rule_ids())}")
        chosen.update((r.id, r) for r in group)
    return tuple(r for r in ALL_RULES if r.id in chosen)


def _run(ctx: LintContext, rules: Sequence[Rule]) -> list[Finding]:
    found: dict[tuple[str, int, int], Finding] = {}
    for rule in rules:
        try:
            for finding in rule.check(ctx):
                found.setdefault((finding.rule, finding.start, finding.end), finding)
        except Exception:  # a buggy rule must not take the whole check down
            log.exception("lint rule %s failed on field %s", rule.id, ctx.field)
    return sorted(found.values(), key=lambda f: (f.start, f.end, f.rule))


def _active(style: HouseStyle, rules: Iterable[str] | None) -> tuple[Rule, ...]:
    if rules is not None:
        return select_rules(rules)
    disabled = set(style.disabled_rules)
    return tuple(r for r in ALL_RULES if r.id not in disabled)


def lint_text(text: str, style: HouseStyle | None = None, field: str = "body", *,
              rules: Iterable[str] | None = None, story: StoryStats | None = None) -> list[Finding]:
    """Lint one text (see module contract). ``story`` shares counts across fields."""
    sheet = style or default_style()
    nfc = to_nfc(text)
    ctx = LintContext(text=nfc, style=sheet, field=field, raw=text, story=story)
    return _run(ctx, _active(sheet, rules))


def lint_article(fields: Mapping[str, str], style: HouseStyle | None = None, *,
                 rules: Iterable[str] | None = None) -> list[FieldFinding]:
    """Lint an article's fields as one story; findings come field by field, in order."""
    sheet = style or default_style()
    active = _active(sheet, rules)
    story = StoryStats("\n\n".join(to_nfc(value) for value in fields.values()),
                       keep_tokens=len(fields) == 1)  # the story is that one field
    out: list[FieldFinding] = []
    for name, value in fields.items():
        ctx = LintContext(text=to_nfc(value), style=sheet, field=name, raw=value, story=story)
        out.extend(FieldFinding(name, f) for f in _run(ctx, active))
    return out


def apply_fixes(text: str, findings: Iterable[Finding]) -> str:
    """Apply the fixes of non-overlapping findings to ``text`` (the text they were made on)."""
    candidates = sorted((f for f in findings if f.fix is not None),
                        key=lambda f: (f.start, f.end))
    chosen: list[Finding] = []
    last_end = -1
    for finding in candidates:
        if finding.start < last_end or (chosen and finding.start == chosen[-1].start
                                        and finding.start == finding.end):
            continue
        if text[finding.start:finding.end] != finding.text:
            log.warning("skipping stale fix of %s at %d", finding.rule, finding.start)
            continue
        chosen.append(finding)
        last_end = finding.end
    pieces: list[str] = []
    pos = 0
    for finding in chosen:  # left to right into pieces == right-to-left splicing
        pieces.append(text[pos:finding.start])
        pieces.append(finding.fix or "")
        pos = finding.end
    pieces.append(text[pos:])
    return "".join(pieces)


def fix_text(text: str, rule_ids: Iterable[str], style: HouseStyle | None = None) -> str:
    """NFC ``text`` with every fixable finding of the given rules fixed.

    Used by ``sampadak fix --rules ID,... FILE``. Unknown ids raise ValidationError; an empty
    list fixes nothing but still normalises to NFC.
    """
    ids = [r for r in rule_ids if r.strip()]
    current = to_nfc(text)
    if not ids:
        return current
    select_rules(ids)  # validate before doing anything
    for _ in range(MAX_FIX_PASSES):
        findings = [f for f in lint_text(current, style, rules=ids) if f.fix is not None]
        fixed = apply_fixes(current, findings)
        if fixed == current:
            break
        current = fixed
    return current


def fix_rule(text: str, rule_id: str, style: HouseStyle | None = None) -> str:
    """Fix every finding of one rule (the GUI's "fix all of this kind")."""
    return fix_text(text, [rule_id], style)


def lint_file_content(content: str, style: HouseStyle | None = None, *,
                      first_line_is_headline: bool = False) -> list[Finding]:
    """Lint a whole plain-text file (``sampadak check FILE``) as one body text.

    Offsets are into ``to_nfc(content)``. With ``first_line_is_headline`` the first non-empty
    line is also checked with the headline-only rules (length, full stop at the end).
    """
    sheet = style or default_style()
    findings = lint_text(content, sheet, "body")
    if first_line_is_headline:
        nfc = to_nfc(content)
        offset = len(nfc) - len(nfc.lstrip())
        line = nfc[offset:].split("\n", 1)[0]
        headline_rules = [r for r in ("style.length", "style.headline-end")
                          if r not in sheet.disabled_rules]
        for f in lint_text(line, sheet, "headline", rules=headline_rules):
            findings.append(Finding(f.rule, f.start + offset, f.end + offset, f.text, f.severity,
                                    f.message, f.message_hi, f.suggestions, f.fix))
        findings.sort(key=lambda f: (f.start, f.end, f.rule))
    return findings
