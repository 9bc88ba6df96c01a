"""Headless commands on top of core: ``sampadak list|show|new|check|fix|search|doctor|...``.

Contract: every command returns a process exit code. User mistakes (bad id, unreadable file,
bad database URL) and storage faults (a damaged database, a full disk) print one line
``sampadak: error: …`` on stderr and return 2 (1 is kept for "findings present" in
``check``); they never print a traceback.

This module holds only the argument parser and the dispatch: a command's implementation
(in :mod:`editor_app.commands`) is imported when that command runs, so the parser (and
``--version``) costs no more than argparse.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from editor_app.config import Config

__all__ = ["COMMANDS", "add_commands", "run_command"]

log = logging.getLogger(__name__)

#: Command name -> ``module:function`` implementing it (imported on use).
COMMANDS: dict[str, str] = {
    "list": "editor_app.commands.articles:cmd_list",
    "show": "editor_app.commands.articles:cmd_show",
    "new": "editor_app.commands.articles:cmd_new",
    "search": "editor_app.commands.articles:cmd_search",
    "convert-legacy": "editor_app.commands.text:cmd_convert_legacy",
    "check": "editor_app.commands.text:cmd_check",
    "fix": "editor_app.commands.text:cmd_fix",
    "doctor": "editor_app.commands.storage:cmd_doctor",
    "maintenance": "editor_app.commands.storage:cmd_maintenance",
    "import": "editor_app.commands.intake:cmd_import",
    "export": "editor_app.commands.export:cmd_export",
    # review history (issue 11 item 4)
    "history": "editor_app.commands.review_history:cmd_history",
    "diff": "editor_app.commands.review_history:cmd_diff",
    "restore-revision": "editor_app.commands.review_history:cmd_restore_revision",
    # review workflow (wip-workflow): users, status, transitions
    "user": "editor_app.commands.workflow:cmd_user",
    "status": "editor_app.commands.workflow:cmd_status",
    "transition": "editor_app.commands.workflow:cmd_transition",
    # comments (issue 11 item 6)
    "comment": "editor_app.commands.review_comments:cmd_comment",
    "comments": "editor_app.commands.review_comments:cmd_comments",
    "resolve": "editor_app.commands.review_comments:cmd_resolve",
    "reopen": "editor_app.commands.review_comments:cmd_reopen",
    # tracked changes (issue 11 item 5)
    "suggestions": "editor_app.commands.review_tracking:cmd_suggestions",
    "accept": "editor_app.commands.review_tracking:cmd_accept",
    "reject": "editor_app.commands.review_tracking:cmd_reject",
    "assign": "editor_app.commands.desk:cmd_assign",  # wip-queues
    "embargo": "editor_app.commands.desk:cmd_embargo",
    "update": "editor_app.commands.desk:cmd_update",
    "kill": "editor_app.commands.desk:cmd_kill",
    "newsroom": "editor_app.commands.newsroom:cmd_newsroom",  # wip-pgauth (issue 8)
    "sync": "editor_app.commands.sync:cmd_sync",  # wip-pgsync: field sync (issue 8 item 6)
}


def _non_negative(text: str) -> int:
    if not text.isascii() or not text.isdigit():
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}")
    return int(text)


def add_commands(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Register the headless commands on an argparse sub-parser set."""
    p = subparsers.add_parser("list", parents=[common], help="list articles")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--status", help="only articles with this status")
    p.add_argument("--tag", help="only articles with this tag")
    p.add_argument("--trashed", action="store_true", help="list the trash instead")
    p.add_argument("--all", action="store_true", help="list trashed articles too")
    p.add_argument("--queue", choices=("mine", "waiting", "overdue"),
                   help="a desk queue: my queue, waiting for me, overdue (with --as)")
    p.add_argument("--limit", type=_non_negative, default=0, metavar="N",
                   help="at most N articles (default: all)")
    p.add_argument("--offset", type=_non_negative, default=0, metavar="N",
                   help="skip the first N articles")
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

    p = subparsers.add_parser(
        "doctor", parents=[common],
        help="check the database (integrity, search index, version) and list its backups")
    p = subparsers.add_parser(
        "maintenance", parents=[common],
        help="ANALYZE the database; optionally optimize the search index and VACUUM")
    p.add_argument("--vacuum", action="store_true",
                   help="rebuild the file to give unused space back (needs free space)")
    p.add_argument("--optimize", action="store_true", help="merge the search index")
    p.add_argument("--rebuild-search", action="store_true",
                   help="re-create the search index from the articles")
    _add_import(subparsers, common)
    from editor_app.commands.export import add_export_parser  # wip-publish's parser

    add_export_parser(subparsers, common)
    from editor_app.commands.review_history import add_history_parsers  # issue 11 item 4

    add_history_parsers(subparsers, common)
    from editor_app.commands.workflow import add_workflow_parsers  # wip-workflow's parsers

    add_workflow_parsers(subparsers, common)
    from editor_app.commands.review_comments import add_comment_parsers  # issue 11 item 6

    add_comment_parsers(subparsers, common)
    from editor_app.commands.review_tracking import add_tracking_parsers  # issue 11 item 5

    add_tracking_parsers(subparsers, common)
    from editor_app.commands.desk import add_desk_parsers  # wip-queues: assign, update, ...

    add_desk_parsers(subparsers, common)
    from editor_app.commands.newsroom import add_newsroom_parsers  # wip-pgauth (issue 8)

    add_newsroom_parsers(subparsers, common)
    from editor_app.commands.sync import add_sync_parser  # wip-pgsync: field sync

    add_sync_parser(subparsers, common)


def _add_import(subparsers: Any, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser("import", parents=[common],
                              help="bring stories in (scraped text, HTML, Word, Markdown, "
                                   "WordPress WXR, field bundles)")
    p.add_argument("files", nargs="+", metavar="FILE", help="files to import")
    p.add_argument("--as-format", choices=("scraped", "html", "docx", "md", "wxr", "bundle"),
                   help="read every file as this format (default: from name and content)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--dry-run", action="store_true",
                   help="show what would be stored; store nothing")
    p.add_argument("--on-conflict", choices=("report", "mine", "theirs", "both"),
                   default="report", help="a bundle edited on both sides: only report it "
                   "(default), or take mine/theirs for every field, or keep both (a copy)")
    p.add_argument("--choose", action="append", default=[], metavar="FIELD=CHOICE",
                   help="per-field choice for a bundle conflict (mine, theirs or both), "
                   "e.g. --choose headline=theirs; fields not named follow --on-conflict")


def _command(name: str) -> Any:
    module, _, function = COMMANDS[name].partition(":")
    return getattr(importlib.import_module(module), function)


def run_command(config: Config, args: argparse.Namespace, *, out: TextIO | None = None,
                err: TextIO | None = None) -> int:
    """Run ``args.command``; typed core errors become one line on stderr and exit code 2."""
    from editor_app.commands.context import CliContext
    from editor_app.core.errors import DatabaseDamaged, SampadakError

    ctx = CliContext(config, out or sys.stdout, err or sys.stderr,
                     acting_as=getattr(args, "acting_as", None))
    try:
        result: int = _command(args.command)(ctx, args)
        return result
    except SampadakError as exc:
        log.info("command %s failed: %s", args.command, exc)
        hint = "; details: sampadak doctor" if isinstance(exc, DatabaseDamaged) else ""
        ctx.err.write(f"sampadak: error: {exc}{hint}\n")
        return 2
    finally:
        try:
            ctx.close()
        except Exception as exc:  # closing a damaged database must not add a traceback
            log.info("closing the database failed: %s", exc)
