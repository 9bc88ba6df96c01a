"""Storage commands: ``sampadak doctor`` (health report) and ``sampadak maintenance``."""

from __future__ import annotations

import argparse

from editor_app.commands.context import CliContext
from editor_app.core.maintenance import diagnose, run_maintenance

__all__ = ["cmd_doctor", "cmd_maintenance"]


def cmd_doctor(ctx: CliContext, args: argparse.Namespace) -> int:
    """Check the database (integrity, search index, revision) and list its backups.

    Exit 0 when healthy, 2 when damaged or otherwise unusable. Changes nothing.
    """
    result = diagnose(ctx.config.database_url)
    out = ctx.out
    out.write(f"database: {result.target}\n")
    if result.size is not None:
        out.write(f"size: {result.size.describe()}\n")
    for name, outcome in result.checks:
        out.write(f"{name}: {outcome}\n")
    for problem in result.problems:
        out.write(f"problem: {problem}\n")
    if result.path is not None:
        if result.backups:
            out.write(f"backups ({len(result.backups)}, newest last):\n")
            for backup in result.backups:
                out.write(f"  {backup.describe()}\n")
        else:
            out.write("backups: none\n")
    if result.damaged:
        newest = result.backups[-1].path if result.backups else None
        hint = (f"restore the newest backup ({newest}) from the Sampadak window, or copy it "
                "over the database with Sampadak closed" if newest else
                "no backup exists: copy the file somewhere safe before trying repairs")
        out.write(f"verdict: DAMAGED: {hint}\n")
    elif not result.healthy:
        out.write("verdict: problems found (see above)\n")
    else:
        out.write("verdict: healthy\n")
    return 0 if result.healthy else 2


def cmd_maintenance(ctx: CliContext, args: argparse.Namespace) -> int:
    """ANALYZE; optionally optimize/rebuild the search index and VACUUM; report sizes."""
    report = run_maintenance(ctx.db, vacuum=args.vacuum, optimize=args.optimize,
                             rebuild_search=args.rebuild_search)
    ctx.out.write(f"database: {ctx.db.label}\n")
    ctx.out.write(f"before: {report.before.describe()}\n")
    for step in report.steps:
        ctx.out.write(f"done: {step}\n")
    ctx.out.write(f"after: {report.after.describe()}\n")
    return 0
