"""Tracked-changes commands: ``sampadak suggestions ID [--json]`` and
``sampadak accept|reject ID SUGGESTION…|--all [--by LOGIN]``.

Every command acts as ``ctx.actor`` (``--as``, else the local profile) and core decides who
may decide (the story's reporter or a desk chief/admin; nobody accepts their own), exactly
as in the window. A refused decision prints one line on stderr and exits 2; nothing changes.
"""

from __future__ import annotations

import argparse
import logging
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from editor_app.commands.context import CliContext
    from editor_app.core.review.tracking_values import SuggestionInfo

__all__ = ["add_tracking_parsers", "cmd_accept", "cmd_reject", "cmd_suggestions"]

log = logging.getLogger(__name__)


def _positive(text: str) -> int:
    if not text.isascii() or not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"not a suggestion number: {text!r}")
    return int(text)


def add_tracking_parsers(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Register ``suggestions``, ``accept`` and ``reject`` on the CLI's sub-parsers."""
    p = subparsers.add_parser("suggestions", parents=[common],
                              help="an article's tracked changes (open, then decided)")
    p.add_argument("id", help="numeric id or UUID")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--open", action="store_true", help="only the undecided ones")
    for name, verb in (("accept", "accept"), ("reject", "reject")):
        q = subparsers.add_parser(name, parents=[common],
                                  help=f"{verb} tracked changes (a new revision)")
        q.add_argument("id", help="numeric id or UUID")
        q.add_argument("suggestions", nargs="*", type=_positive, metavar="SUGGESTION",
                       help="suggestion numbers (see: sampadak suggestions ID)")
        q.add_argument("--all", action="store_true", help=f"{verb} every open suggestion")
        q.add_argument("--by", metavar="LOGIN",
                       help="only the suggestions of this reviewer (login or name)")
        q.add_argument("--json", action="store_true", help="print the result as JSON")


def _line(info: SuggestionInfo) -> str:
    when = info.updated_at.astimezone().strftime("%Y-%m-%d %H:%M")
    old = " ".join(info.old_text.split()) or "∅"
    new = " ".join(info.new_text.split()) or "∅"
    line = f"{info.id}\t{info.field}\t{info.state}\t{info.author_name}\t{when}\t{old} → {new}"
    if info.state != "open":
        decided = info.decided_at.astimezone().strftime("%Y-%m-%d %H:%M") \
            if info.decided_at else ""
        line += f"\t[{info.decided_by_name} {decided}]"
    return line


def cmd_suggestions(ctx: CliContext, args: argparse.Namespace) -> int:
    """``suggestions ID``: id, field, state, author, time, old → new (decided: by whom)."""
    from editor_app.core.review.tracking import TrackingService

    article_id = ctx.find_id(args.id)
    infos = TrackingService(ctx.db, ctx.actor).suggestions(
        article_id, include_decided=not args.open)
    if args.json:
        ctx.print_json([info.as_json() for info in infos])
        return 0
    if not infos:
        ctx.out.write("कोई सुझाव नहीं (no suggestions)\n")
    for info in infos:
        ctx.out.write(_line(info) + "\n")
    return 0


def _decide(ctx: CliContext, args: argparse.Namespace, accept: bool) -> int:
    from editor_app.core.errors import ValidationError
    from editor_app.core.review.tracking import TrackingService
    from editor_app.core.users import find_user

    if bool(args.suggestions) == bool(args.all):
        raise ValidationError("सुझाव संख्या या --all दें (give suggestion numbers or --all)")
    article_id = ctx.find_id(args.id)
    author_id = find_user(ctx.db, args.by).id if args.by else None
    service = TrackingService(ctx.db, ctx.actor)
    call = service.accept if accept else service.reject
    result = call(article_id, args.suggestions or None, author_id=author_id)
    word = "स्वीकार (accepted)" if accept else "अस्वीकार (rejected)"
    if args.json:
        ctx.print_json({"article": result.article_id, "decided": list(result.decided),
                        "state": "accepted" if accept else "rejected",
                        "version": result.version, "revision_id": result.revision_id})
    elif result.decided:
        ids = ", ".join(str(i) for i in result.decided)
        ctx.out.write(f"{len(result.decided)} सुझाव {word}: {ids} "
                      f"(version {result.version})\n")
    else:
        ctx.out.write("कोई खुला सुझाव नहीं मिला (no open suggestion matched)\n")
    return 0


def cmd_accept(ctx: CliContext, args: argparse.Namespace) -> int:
    """``accept ID SUGGESTION…|--all [--by LOGIN]``."""
    return _decide(ctx, args, True)


def cmd_reject(ctx: CliContext, args: argparse.Namespace) -> int:
    """``reject ID SUGGESTION…|--all [--by LOGIN]``."""
    return _decide(ctx, args, False)
