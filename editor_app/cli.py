"""Headless commands on top of core: ``sampadak list|show|new|check|fix|search|...``.

Contract: every command returns a process exit code. User mistakes (bad id, unreadable file,
bad database URL) print one line ``sampadak: error: …`` on stderr and return 2 (1 is kept
for "findings present" in ``check``); they never print a traceback.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from editor_app.commands.export import add_export_parser
from editor_app.config import Config
from editor_app.core.article_data import ArticleData, ArticleRecord, ArticleSummary
from editor_app.core.articles import ArticleService
from editor_app.core.checking import check_text
from editor_app.core.db import Database, open_database
from editor_app.core.errors import NotFoundError, SampadakError
from editor_app.core.fileio import atomic_write_text, read_text_file
from editor_app.core.house_style import HouseStyle, default_style, load_style
from editor_app.core.profiles import local_profile
from editor_app.core.search import search_for_cli
from editor_app.core.text.findings import Finding, Severity
from editor_app.core.text.legacy_fonts import convert_file_for_cli
from editor_app.core.text.lint.engine import fix_text, lint_file_content
from editor_app.core.text.spell import SpellChecker, create_spell_checker

__all__ = ["COMMANDS", "CliContext", "add_commands", "run_command"]

log = logging.getLogger(__name__)


@dataclass
class CliContext:
    """What a command needs: the config, a lazily opened database, the output streams."""

    config: Config
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)
    _db: Database | None = None

    @property
    def db(self) -> Database:
        """The migrated database (opened on first use)."""
        if self._db is None:
            self.config.ensure_dirs()
            self._db = open_database(self.config.database_url)
        return self._db

    def service(self) -> ArticleService:
        """An article service acting as the local profile (or "cli")."""
        profile = local_profile(self.db)
        return ArticleService(self.db, profile.name if profile else "cli")

    def close(self) -> None:
        """Close the database if it was opened."""
        if self._db is not None:
            self._db.close()
            self._db = None

    def print_json(self, value: Any) -> None:
        """Pretty UTF-8 JSON on stdout (Devanagari left readable)."""
        json.dump(value, self.out, ensure_ascii=False, indent=2, default=str)
        self.out.write("\n")


Command = Callable[[CliContext, argparse.Namespace], int]


def _summary_json(row: ArticleSummary) -> dict[str, Any]:
    return {"id": row.id, "uuid": row.uuid, "headline": row.headline, "status": row.status,
            "byline": row.byline, "tags": list(row.tags), "trashed": row.trashed,
            "updated": row.updated_at.isoformat()}


def _record_json(record: ArticleRecord) -> dict[str, Any]:
    data = record.data
    return {
        "id": record.id, "uuid": record.uuid, "version": record.version,
        "status": record.status, "trashed": record.trashed,
        "created": record.created_at.isoformat(), "updated": record.updated_at.isoformat(),
        "headline": data.headline, "dek": data.dek, "body": data.body, "slug": data.slug,
        "language": data.language, "category": data.category,
        "dateline": {"place": data.dateline_place,
                     "date": data.dateline_date.isoformat() if data.dateline_date else None},
        "tags": list(data.tags),
        "bylines": [{"name": b.name, "name_latin": b.name_latin,
                     "designation": b.designation, "outlet": b.outlet} for b in data.bylines],
    }


def cmd_list(ctx: CliContext, args: argparse.Namespace) -> int:
    """List articles (not trashed unless --trashed or --all)."""
    trashed: bool | None = None if args.all else bool(args.trashed)
    rows = ctx.service().list_articles(status=args.status, tag=args.tag, trashed=trashed)
    if args.json:
        ctx.print_json([_summary_json(r) for r in rows])
        return 0
    for row in rows:
        when = row.updated_at.astimezone().strftime("%Y-%m-%d %H:%M")
        mark = " [trash]" if row.trashed else ""
        ctx.out.write(f"{row.id:>5}  {row.status:<10} {when}  {row.headline}{mark}\n")
    return 0


def _find(ctx: CliContext, ident: str) -> ArticleRecord:
    service = ctx.service()
    if ident.isdigit():
        return service.get(int(ident))
    try:
        return service.get_by_uuid(ident)
    except NotFoundError:
        raise NotFoundError(f"no article with id or UUID {ident!r}") from None


def cmd_show(ctx: CliContext, args: argparse.Namespace) -> int:
    """Show one article by numeric id or UUID."""
    record = _find(ctx, args.id)
    if args.json:
        ctx.print_json(_record_json(record))
        return 0
    data = record.data
    lines = [data.headline, data.dek, ""]
    for byline in data.bylines:
        lines.append(byline.display())
    if data.dateline_place or data.dateline_date:
        when = data.dateline_date.isoformat() if data.dateline_date else ""
        lines.append(" ".join(p for p in (data.dateline_place, when) if p))
    lines += [f"status: {record.status}   version: {record.version}   slug: {data.slug}",
              f"tags: {', '.join(data.tags)}", "", data.body]
    ctx.out.write("\n".join(lines).rstrip("\n") + "\n")
    return 0


def cmd_new(ctx: CliContext, args: argparse.Namespace) -> int:
    """Create an article; print its id."""
    body = read_text_file(Path(args.body_file)) if args.body_file else ""
    record = ctx.service().create(ArticleData(headline=args.headline, body=body))
    ctx.out.write(f"{record.id}\n")
    return 0


def cmd_search(ctx: CliContext, args: argparse.Namespace) -> int:
    """Full-text search (nukta/nasal-insensitive; "quoted phrases"); best match first."""
    rows = search_for_cli(ctx.db, args.query, limit=args.limit, include_trashed=args.trashed)
    if args.json:
        ctx.print_json(rows)
        return 0
    for row in rows:
        ctx.out.write(f"{row['id']:>5}  {row['headline']}\n       {row['snippet']}\n")
    return 0


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


def cmd_export(ctx: CliContext, args: argparse.Namespace) -> int:
    """Export articles (editor_app.commands.export, imported when it runs)."""
    from editor_app.commands.export import cmd_export as run_export

    return run_export(ctx, args)


COMMANDS: dict[str, Command] = {
    "list": cmd_list, "show": cmd_show, "new": cmd_new, "search": cmd_search,
    "convert-legacy": cmd_convert_legacy, "check": cmd_check, "fix": cmd_fix,
    "export": cmd_export,
}


def add_commands(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Register the headless commands on an argparse sub-parser set."""
    p = subparsers.add_parser("list", parents=[common], help="list articles")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--status", help="only articles with this status")
    p.add_argument("--tag", help="only articles with this tag")
    p.add_argument("--trashed", action="store_true", help="list the trash instead")
    p.add_argument("--all", action="store_true", help="list trashed articles too")
    p = subparsers.add_parser("show", parents=[common], help="show one article")
    p.add_argument("id", help="numeric id or UUID")
    p.add_argument("--json", action="store_true", help="print JSON")
    p = subparsers.add_parser("new", parents=[common], help="create an article")
    p.add_argument("--headline", required=True, help="headline text")
    p.add_argument("--body-file", help="UTF-8 text or Markdown file with the body")
    p = subparsers.add_parser("search", parents=[common], help="full-text search")
    p.add_argument("query", help='words (all must match) or a "quoted phrase"')
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--limit", type=int, default=50, help="most results (default 50)")
    p.add_argument("--trashed", action="store_true", help="include trashed articles")
    p = subparsers.add_parser("convert-legacy", parents=[common],
                              help="convert legacy-font (Kruti Dev, Chanakya) text to Unicode")
    p.add_argument("--from", dest="source", default="krutidev",
                   help="krutidev (Kruti Dev 010) or chanakya (Walkman Chanakya)")
    p.add_argument("-o", "--output", help="write to this file instead of stdout")
    p.add_argument("file", help="text file typed in the legacy font")
    p = subparsers.add_parser("check", parents=[common],
                              help="spelling and copy-desk findings of text/Markdown files")
    p.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 text or Markdown files")
    p.add_argument("--json", action="store_true", help='print {"findings": [...]}')
    p.add_argument("--headline-first-line", action="store_true",
                   help="also apply headline rules to each file's first line")
    p = subparsers.add_parser("fix", parents=[common],
                              help="print a file with the fixes of the given rules applied")
    p.add_argument("--rules", required=True, help="comma-separated rule ids")
    p.add_argument("--use-database", action="store_true",
                   help="use the newsroom's house style from the database, not the default")
    p.add_argument("file", help="UTF-8 text or Markdown file")
    add_export_parser(subparsers, common)


def run_command(config: Config, args: argparse.Namespace, *, out: TextIO | None = None,
                err: TextIO | None = None) -> int:
    """Run ``args.command``; typed core errors become one line on stderr and exit code 2."""
    ctx = CliContext(config, out or sys.stdout, err or sys.stderr)
    try:
        return COMMANDS[args.command](ctx, args)
    except SampadakError as exc:
        log.info("command %s failed: %s", args.command, exc)
        ctx.err.write(f"sampadak: error: {exc}\n")
        return 2
    finally:
        ctx.close()
