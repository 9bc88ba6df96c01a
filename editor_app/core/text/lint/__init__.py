"""Copy-desk lint for Hindi news copy (no Qt): rules, engine, fixes.

Public API (see :mod:`editor_app.core.text.lint.engine` for contracts)::

    lint_text(text, style=None, field="body", *, rules=None) -> list[Finding]
    lint_article({"headline": ..., "dek": ..., "body": ...}, style) -> list[FieldFinding]
    apply_fixes(text, findings) -> str
    fix_text(text, ["unicode.rra", "punct"], style) -> str
    fix_rule(text, "punct.space-after", style) -> str
    lint_file_content(content, style, first_line_is_headline=False) -> list[Finding]
    rule_ids() / rule_catalog() / select_rules(ids)
"""

from __future__ import annotations

from editor_app.core.text.lint.engine import (
    ALL_RULES,
    FieldFinding,
    apply_fixes,
    fix_rule,
    fix_text,
    lint_article,
    lint_file_content,
    lint_text,
    rule_catalog,
    rule_ids,
    select_rules,
)

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
