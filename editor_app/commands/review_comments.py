"""Comment commands: ``sampadak comment|comments|resolve|reopen``.

``comment ID --text T [--anchor TEXT] [--field body|headline|dek] [--reply-to N]`` adds a
comment on the first occurrence of TEXT in the field (an error when it does not occur),
on the article as a whole without ``--anchor``, or a reply in the thread of comment N.
``comments ID [--json]`` lists the threads; ``resolve ID COMMENT`` / ``reopen ID COMMENT``
act on one thread. The acting user is ``--as`` or the local profile (core checks what they
may do: anyone comments; the author, the article's owner, copy editors and desk chiefs
resolve).
"""

from __future__ import annotations

import argparse
import logging
from typing import TYPE_CHECKING, Any

from editor_app.core.errors import NotFoundError, ValidationError

if TYPE_CHECKING:  # the parser is built on every run: storage loads only when a command runs
    from editor_app.commands.context import CliContext
    from editor_app.core.review.comments import CommentInfo, CommentService

__all__ = ["ORPHANED_MARK", "add_comment_parsers", "cmd_comment", "cmd_comments",
           "cmd_reopen", "cmd_resolve"]

log = logging.getLogger(__name__)

#: How an orphaned thread is marked (GUI and CLI alike).
ORPHANED_MARK = "(पाठ हटाया गया — text deleted)"
_FIELD_NAMES = {"body": "मुख्य पाठ (body)", "headline": "शीर्षक (headline)",
                "dek": "सार (dek)"}


def add_comment_parsers(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Register ``comment``, ``comments``, ``resolve`` and ``reopen``."""
    p = subparsers.add_parser("comment", parents=[common],
                              help="comment on an article's text, or reply to a comment")
    p.add_argument("id", help="article id or UUID")
    p.add_argument("--text", required=True, help="the comment")
    p.add_argument("--anchor", metavar="TEXT",
                   help="comment on the first occurrence of TEXT in the field")
    p.add_argument("--field", choices=("body", "headline", "dek"), default="body",
                   help="where --anchor is looked for (default: body)")
    p.add_argument("--reply-to", type=int, metavar="N", help="reply in the thread of comment N")
    p = subparsers.add_parser("comments", parents=[common], help="list an article's comments")
    p.add_argument("id", help="article id or UUID")
    p.add_argument("--json", action="store_true", help="print JSON")
    for name, what in (("resolve", "mark a comment thread resolved"),
                       ("reopen", "open a resolved comment thread again")):
        p = subparsers.add_parser(name, parents=[common], help=what)
        p.add_argument("id", help="article id or UUID")
        p.add_argument("comment", type=int, help="comment number (see: sampadak comments)")


def _service(ctx: CliContext) -> CommentService:
    from editor_app.core.review.comments import CommentService

    return CommentService(ctx.db, ctx.actor)


def _own(service: CommentService, article_id: int, comment_id: int) -> CommentInfo:
    comment = service.get(comment_id)
    if comment.article_id != article_id:
        raise NotFoundError(f"comment {comment_id} is not on article {article_id}")
    return comment


def cmd_comment(ctx: CliContext, args: argparse.Namespace) -> int:
    """Add a comment or a reply; print its number."""
    article_id = ctx.find_id(args.id)
    service = _service(ctx)
    if args.reply_to is not None:
        if args.anchor is not None:
            raise ValidationError("a reply belongs to its thread's text: leave out --anchor")
        _own(service, article_id, args.reply_to)
        comment = service.reply(args.reply_to, args.text)
    elif args.anchor is not None:
        comment = service.add_on_text(article_id, args.field, args.anchor, args.text)
    else:
        comment = service.add_general(article_id, args.text)
    ctx.out.write(f"{comment.id}\n")
    return 0


def _line(comment: CommentInfo) -> str:
    when = comment.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
    return f"{comment.author_name}, {when}: {comment.text}"


def cmd_comments(ctx: CliContext, args: argparse.Namespace) -> int:
    """List the article's comment threads (resolved and orphaned ones too)."""
    article_id = ctx.find_id(args.id)
    threads = _service(ctx).list(article_id)
    if args.json:
        ctx.print_json([t.to_json() for t in threads])
        return 0
    if not threads:
        ctx.out.write("कोई टिप्पणी नहीं (no comments)\n")
    for thread in threads:
        first = thread.comment
        where = _FIELD_NAMES[first.field]
        quote = f" «{first.quote}»" if first.quote else ""
        mark = f" {ORPHANED_MARK}" if thread.orphaned else ""
        state = "हल (resolved)" if thread.state == "resolved" else "खुली (open)"
        ctx.out.write(f"#{first.id} [{state}] {where}{quote}{mark}\n    {_line(first)}\n")
        for reply in thread.replies:
            ctx.out.write(f"    ↳ #{reply.id} {_line(reply)}\n")
    return 0


def cmd_resolve(ctx: CliContext, args: argparse.Namespace) -> int:
    """Resolve the thread of a comment."""
    service = _service(ctx)
    _own(service, ctx.find_id(args.id), args.comment)
    thread = service.resolve(args.comment)
    ctx.out.write(f"टिप्पणी #{thread.id} हल (comment resolved)\n")
    return 0


def cmd_reopen(ctx: CliContext, args: argparse.Namespace) -> int:
    """Reopen the thread of a comment."""
    service = _service(ctx)
    _own(service, ctx.find_id(args.id), args.comment)
    thread = service.reopen(args.comment)
    ctx.out.write(f"टिप्पणी #{thread.id} फिर खुली (comment reopened)\n")
    return 0
