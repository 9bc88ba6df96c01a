"""Text commands: ``sampadak convert-legacy|check|fix`` (files in, findings or text out)."""

from __future__ import annotations

import argparse
from pathlib import Path

from editor_app.commands.context import CliContext
from editor_app.core.checking import check_text
from editor_app.core.fileio import atomic_write_text, read_text_file
from editor_app.core.house_style import HouseStyle, default_style, load_style
from editor_app.core.profiles import local_profile
from editor_app.core.text.findings import Finding, Severity
from editor_app.core.text.legacy_fonts import convert_file_for_cli
from editor_app.core.text.lint.engine import fix_text, lint_file_content
from editor_app.core.text.spell import SpellChecker, create_spell_checker

__all__ = ["cmd_check", "cmd_convert_legacy", "cmd_fix"]


def cmd_convert_legacy(ctx: CliContext, args: argparse.Namespace) -> int:
    """Convert Kruti Dev / Chanakya text to Unicode; print it (or write it with -o)."""
    text = convert_file_for_cli(Path(args.file), args.source)
    if args.output:
        atomic_write_text(Path(args.output), text)
    else:
        ctx.out.write(text)
    return 0


def _checker_parts(ctx: CliContext) -> tuple[SpellChecker, HouseStyle]:
    profile = local_profile(ctx.db)
    speller = create_spell_checker(ctx.db, profile.id if profile else None)
    if not speller.available:
        ctx.err.write(f"sampadak: warning: {speller.unavailable_reason}\n")
    return speller, load_style(ctx.db)


def cmd_check(ctx: CliContext, args: argparse.Namespace) -> int:
    """Print spelling and copy-desk findings; exit 1 when any finding is an error."""
    speller, style = _checker_parts(ctx)
    texts = [(path, read_text_file(Path(path))) for path in args.files]
    results: list[tuple[str, Finding]] = []
    for path, text in texts:
        def lint(nfc: str) -> list[Finding]:
            return lint_file_content(nfc, style,
                                     first_line_is_headline=args.headline_first_line)

        results.extend((path, f) for f in check_text(text, speller, extra_checkers=[lint]))
    if args.json:
        findings = []
        for path, finding in results:
            item = finding.to_json()
            item["file"] = path
            findings.append(item)
        ctx.print_json({"findings": findings})
    else:
        for path, f in results:
            hint = f" → {', '.join(f.suggestions[:3])}" if f.suggestions else ""
            ctx.out.write(f"{path}:{f.start}-{f.end}: {f.severity.value}: [{f.rule}] "
                          f"{f.text!r}{hint} {f.message}\n")
    return 1 if any(f.severity is Severity.ERROR for _, f in results) else 0


def cmd_fix(ctx: CliContext, args: argparse.Namespace) -> int:
    """Write the file's text with every fixable finding of the given rules fixed."""
    _, style = _checker_parts(ctx) if args.use_database else (None, default_style())
    rules = [r.strip() for r in args.rules.split(",") if r.strip()]
    ctx.out.write(fix_text(read_text_file(Path(args.file)), rules, style))
    return 0


