"""``sampadak sync --to URL [--on-conflict copy|report] [--json]``: field sync.

Syncs this database (the laptop's) with the newsroom's at ``URL`` as the acting user
(``--as``, else the local profile), matched in the newsroom by login
(:mod:`editor_app.core.sync.engine`). One progress line per article on stdout
(``[3/12] pushed: <headline>``), then the conflicts and a summary line
``pushed N, pulled N, conflicts N, unchanged N, failed N``. With ``--to`` omitted the URL
remembered in the settings (``sync_url``, set by the GUI) is used.

Exit codes: 0 when everything was synced; 1 when conflicts were only reported
(``--on-conflict report``) and are left for the user; 2 when the newsroom could not be
opened, the user is not known there, an article failed or the run was cut short (what was
synced before stays; running again resumes).
"""

from __future__ import annotations

import argparse
import logging
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the parser is built for every command: keep its imports light
    from editor_app.commands.context import CliContext

__all__ = ["add_sync_parser", "cmd_sync"]

log = logging.getLogger(__name__)


def add_sync_parser(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Register ``sync`` on the CLI's sub-parsers."""
    p = subparsers.add_parser(
        "sync", parents=[common],
        help="sync this laptop with the newsroom: push your submitted stories, pull the "
             "stories assigned to you")
    p.add_argument("--to", dest="url", metavar="URL",
                   help="the newsroom's database URL (default: the one remembered)")
    p.add_argument("--on-conflict", choices=("copy", "report"), default="copy",
                   help="a story edited on both sides: keep both, the laptop's version as "
                        "a copy (default), or only report it")
    p.add_argument("--json", action="store_true", help="print the report as JSON")


def cmd_sync(ctx: CliContext, args: argparse.Namespace) -> int:
    from editor_app.core.errors import ConfigError
    from editor_app.core.sync import SyncItem, open_and_sync

    url = args.url or ctx.config.get_str("sync_url")
    if not url:
        raise ConfigError("no newsroom given: sampadak sync --to URL")

    def progress(done: int, total: int, item: SyncItem) -> None:
        if not args.json:
            detail = f" ({item.detail})" if item.detail else ""
            ctx.out.write(f"[{done}/{total}] {item.action}: {item.headline}{detail}\n")
            ctx.out.flush()

    report = open_and_sync(ctx.db, url, ctx.actor, policy=args.on_conflict,
                           progress=progress)
    summary = report.summary()
    if args.json:
        ctx.print_json({"summary": summary, "complete": report.complete,
                        "error": report.error,
                        "items": [{"uuid": i.uuid, "headline": i.headline,
                                   "action": i.action, "detail": i.detail,
                                   "copy_uuid": i.copy_uuid, "fields": list(i.fields)}
                                  for i in report.items]})
    else:
        for item in report.conflicts:
            where = f"; copy {item.copy_uuid}" if item.copy_uuid else ""
            ctx.out.write(f"conflict: {item.headline} [{item.uuid}] fields "
                          f"{', '.join(item.fields) or '-'}{where}\n")
        ctx.out.write(", ".join(f"{k} {v}" for k, v in summary.items()) + "\n")
    if report.error:
        ctx.err.write(f"sampadak: error: sync stopped: {report.error} (run it again to "
                      "resume)\n")
        return 2
    if summary["failed"]:
        for item in report.items:
            if item.action == "failed":
                ctx.err.write(f"sampadak: error: {item.headline or item.uuid}: "
                              f"{item.detail}\n")
        return 2
    if args.on_conflict == "report" and summary["conflicts"]:
        return 1
    return 0
