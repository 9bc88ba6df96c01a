"""Desk commands: ``sampadak assign``, ``embargo``, ``update``, ``kill``.

``sampadak assign ID LOGIN [--deadline ISO] [--as LOGIN]`` gives the story to a copy
editor; ``sampadak assign ID --clear`` takes it back. ``sampadak embargo ID ISO-DATETIME``
holds a story back until then (``--clear`` lifts it); export refuses it meanwhile unless a
desk chief passes ``export --override-embargo REASON``. ``sampadak update ID --note TEXT``
reopens an exported story as an update (the note is the correction export prints);
``sampadak kill ID --reason TEXT`` takes a story down (desk chief or admin). A refused move
prints every reason and exits 2. Deadlines are ISO 8601; a time
without an offset is IST (:func:`editor_app.core.workflow.times.parse_when`); the answer
prints them in IST. Refusals (a reporter assigning, a copy editor assigning someone else,
an inactive or reporter assignee) are one line on stderr and exit code 2, like every typed
core error.
"""

from __future__ import annotations

import argparse
import logging
from typing import TYPE_CHECKING, Any

from editor_app.core.errors import ValidationError

if TYPE_CHECKING:  # the parser is built on every run: nothing heavy at import time
    from editor_app.commands.context import CliContext
    from editor_app.core.profiles import Actor

__all__ = ["add_desk_parsers", "cmd_assign", "cmd_embargo", "cmd_kill", "cmd_update",
           "find_user"]

log = logging.getLogger(__name__)


def add_desk_parsers(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Register the desk commands on the CLI's sub-parsers."""
    p = subparsers.add_parser("assign", parents=[common],
                              help="assign a story to a copy editor, with a deadline")
    p.add_argument("id", help="numeric id or UUID")
    p.add_argument("login", nargs="?", help="the assignee's login (or name)")
    p.add_argument("--deadline", help="ISO 8601 date-time (no offset: IST)")
    p.add_argument("--clear", action="store_true", help="unassign (and clear the deadline)")
    p = subparsers.add_parser("embargo", parents=[common],
                              help="hold a story back until a time (or --clear)")
    p.add_argument("id", help="numeric id or UUID")
    p.add_argument("when", nargs="?", metavar="ISO-DATETIME",
                   help="ISO 8601 date-time (no offset: IST)")
    p.add_argument("--clear", action="store_true", help="lift the embargo")
    p = subparsers.add_parser("update", parents=[common],
                              help="reopen an exported story as an update (a correction)")
    p.add_argument("id", help="numeric id or UUID")
    p.add_argument("--note", required=True, help="the correction, printed by export")
    p = subparsers.add_parser("kill", parents=[common],
                              help="take a story down (desk chief or admin)")
    p.add_argument("id", help="numeric id or UUID")
    p.add_argument("--reason", required=True, help="why (kept in the audit log)")


def find_user(ctx: CliContext, ident: str) -> Actor:
    """The user named by login, else by (Devanagari or Latin) name."""
    from editor_app.core.users import find_user as find

    return find(ctx.db, ident)


def cmd_assign(ctx: CliContext, args: argparse.Namespace) -> int:
    """Assign, re-assign or unassign a story (see the module contract)."""
    from editor_app.core.workflow.assignments import AssignmentService
    from editor_app.core.workflow.times import ist_text, parse_when

    article_id = ctx.find_id(args.id)
    service = AssignmentService(ctx.db, ctx.actor)
    if args.clear:
        if args.login or args.deadline:
            raise ValidationError("--clear takes no assignee and no deadline")
        service.unassign(article_id)
        ctx.out.write(f"article {article_id}: unassigned\n")
        return 0
    if not args.login:
        raise ValidationError("name the assignee (a login) or give --clear")
    assignee = find_user(ctx, args.login)
    deadline = parse_when(args.deadline) if args.deadline else None
    done = service.assign(article_id, assignee.id, deadline=deadline)
    due = f", deadline {ist_text(done.deadline)}" if done.deadline else ""
    ctx.out.write(f"article {article_id}: assigned to {done.assignee}{due}\n")
    return 0


def cmd_embargo(ctx: CliContext, args: argparse.Namespace) -> int:
    """Set or lift a story's embargo."""
    from editor_app.core.workflow.publishing import PublishingService
    from editor_app.core.workflow.times import ist_text, parse_when

    article_id = ctx.find_id(args.id)
    if bool(args.when) == bool(args.clear):
        raise ValidationError("give the embargo time (ISO 8601) or --clear, not both")
    until = parse_when(args.when) if args.when else None
    PublishingService(ctx.db, ctx.actor).set_embargo(article_id, until)
    ctx.out.write(f"article {article_id}: embargoed until {ist_text(until)}\n" if until
                  else f"article {article_id}: embargo lifted\n")
    return 0


def cmd_update(ctx: CliContext, args: argparse.Namespace) -> int:
    """Reopen an exported story as an update with its correction note."""
    from editor_app.core.workflow.publishing import PublishingService

    article_id = ctx.find_id(args.id)
    record = PublishingService(ctx.db, ctx.actor).reopen_as_update(article_id, args.note)
    ctx.out.write(f"article {article_id}: reopened as an update ({record.status}); "
                  "the published version is exported until the update is approved\n")
    return 0


def cmd_kill(ctx: CliContext, args: argparse.Namespace) -> int:
    """Take a story down with a reason."""
    from editor_app.core.workflow.publishing import PublishingService

    article_id = ctx.find_id(args.id)
    record = PublishingService(ctx.db, ctx.actor).kill(article_id, args.reason)
    ctx.out.write(f"article {article_id}: killed ({record.status})\n")
    return 0
