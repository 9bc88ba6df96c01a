"""Workflow commands: ``sampadak user add|list|activate|deactivate|role``, ``sampadak status``
and ``sampadak transition``. Every command acts as ``ctx.actor`` (``--as LOGIN|NAME``, else
the local profile), and core checks the rights: the same rules as the window.

A refused move prints every reason (one per line, Hindi + English) on stderr and exits 2,
like every other refused command; nothing is changed then.
"""

from __future__ import annotations

import argparse
import logging
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from editor_app.commands.context import CliContext
    from editor_app.core.profiles import ProfileInfo

__all__ = ["ROLE_CHOICES", "STATUS_CHOICES", "add_workflow_parsers", "cmd_status",
           "cmd_transition", "cmd_user"]

log = logging.getLogger(__name__)

#: ``Role`` and ``Status`` values, spelled out so that building the parser imports no core
#: module (``--version`` stays fast); a test keeps them equal to the enums.
ROLE_CHOICES = ("reporter", "copy_editor", "desk_chief", "admin")
STATUS_CHOICES = ("draft", "submitted", "in_copy_edit", "returned", "approved", "exported",
                  "spiked")


def add_workflow_parsers(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Register ``user``, ``status`` and ``transition`` on the CLI's sub-parsers."""
    p = subparsers.add_parser("user", parents=[common], help="add, list and change users")
    users = p.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    add = users.add_parser("add", parents=[common], help="add a user (admin only, except "
                                                          "the first user)")
    add.add_argument("name", help="display name (Devanagari)")
    add.add_argument("--role", required=True, choices=ROLE_CHOICES)
    add.add_argument("--login", help="login (unique, any case)")
    add.add_argument("--latin", default="", help="the name in Latin letters")
    add.add_argument("--json", action="store_true", help="print the new user as JSON")
    add.add_argument("--password-stdin", action="store_true",
                     help="PostgreSQL newsroom: read the login's password from stdin "
                          "(default: ask on the terminal)")
    listing = users.add_parser("list", parents=[common], help="list users")
    listing.add_argument("--json", action="store_true", help="print JSON")
    for action, text in (("activate", "let a user work again"),
                         ("deactivate", "stop a user (kept in the history)")):
        q = users.add_parser(action, parents=[common], help=text + " (admin only)")
        q.add_argument("user", help="login or name")
    q = users.add_parser("password", parents=[common],
                         help="PostgreSQL newsroom: set a login's database password "
                              "(your own, or anyone's as admin)")
    q.add_argument("user", help="login or name")
    q.add_argument("--password-stdin", action="store_true",
                   help="read the password from stdin (default: ask on the terminal)")
    q = users.add_parser("role", parents=[common], help="change a user's role (admin only)")
    q.add_argument("user", help="login or name")
    q.add_argument("role", choices=ROLE_CHOICES)

    p = subparsers.add_parser("status", parents=[common],
                              help="an article's status and the moves you may make")
    p.add_argument("id", help="numeric id or UUID")
    p.add_argument("--json", action="store_true", help="print JSON")
    p = subparsers.add_parser("transition", parents=[common],
                              help="move an article to another status")
    p.add_argument("id", help="numeric id or UUID")
    p.add_argument("--to", required=True, dest="target", choices=STATUS_CHOICES)
    p.add_argument("--note", default="", help="why (needed to return, spike, update)")
    p.add_argument("--override", metavar="REASON",
                   help="desk chief: approve despite the approval gate, for this reason")
    p.add_argument("--json", action="store_true", help="print the new status as JSON")


def _user_json(user: ProfileInfo) -> dict[str, object]:
    return {"id": user.id, "name": user.name, "name_latin": user.name_latin,
            "login": user.login, "role": user.role.value, "active": user.active}


def _user_line(user: ProfileInfo) -> str:
    state = "" if user.active else "  [निष्क्रिय (inactive)]"
    latin = f" ({user.name_latin})" if user.name_latin else ""
    return (f"{user.id}\t{user.login or '-'}\t{user.role.value}\t{user.name}{latin}{state}")


def cmd_user(ctx: CliContext, args: argparse.Namespace) -> int:
    """``user add|list|activate|deactivate|role``."""
    from editor_app.core.users import UserService, find_user, list_users

    if args.user_command == "list":
        users = list_users(ctx.db)
        if args.json:
            ctx.print_json([_user_json(u) for u in users])
        else:
            for user in users:
                ctx.out.write(_user_line(user) + "\n")
        return 0
    if args.user_command == "add":
        from editor_app.commands.newsroom import read_new_password
        from editor_app.core.newsroom.roles import newsroom_prefix
        from editor_app.core.profiles import local_profile
        from editor_app.core.users import clean_login

        # the very first user needs no rights (there is nobody to grant them)
        acting = ctx.actor if local_profile(ctx.db) is not None else None
        password = None
        login = clean_login(args.login)
        if login is not None:
            with ctx.db.session() as session:
                on_newsroom = newsroom_prefix(session) is not None
            if on_newsroom:  # the login is a database role: it needs a password
                password = read_new_password(args, login)
        user = UserService(ctx.db, acting).create(args.name, args.role, login=args.login,
                                                  name_latin=args.latin, password=password)
    else:
        service = UserService(ctx.db, ctx.actor)
        target = find_user(ctx.db, args.user)
        if args.user_command == "role":
            user = service.set_role(target.id, args.role)
        elif args.user_command == "password":
            from editor_app.commands.newsroom import read_new_password

            user = service.set_password(target.id, read_new_password(
                args, target.login or target.name))
        else:
            user = service.set_active(target.id, args.user_command == "activate")
    if getattr(args, "json", False):
        ctx.print_json(_user_json(user))
    else:
        ctx.out.write(_user_line(user) + "\n")
    return 0


def _workflow(ctx: CliContext) -> Any:
    from editor_app.core.text.spell import create_spell_checker
    from editor_app.core.users import actor_id
    from editor_app.core.workflow.service import WorkflowService

    actor = ctx.actor
    return WorkflowService(ctx.db, actor,
                           speller=create_spell_checker(ctx.db, actor_id(actor)))


def cmd_status(ctx: CliContext, args: argparse.Namespace) -> int:
    """Print the status, owner, assignee and the acting user's moves."""
    from editor_app.core.workflow.service import WorkflowService

    info = WorkflowService(ctx.db, ctx.actor).status(ctx.find_id(args.id))
    if args.json:
        ctx.print_json(info.to_json())
        return 0
    ctx.out.write(f"{info.article_id}: {info.label}\n")
    ctx.out.write(f"स्वामी (owner): {info.owner or '-'}\n")
    ctx.out.write(f"सौंपा (assignee): {info.assignee or '-'}\n")
    edit = "हां (yes)" if info.may_edit else "नहीं (no)"
    ctx.out.write(f"{ctx.actor.name} संपादन कर सकते हैं (may edit): {edit}\n")
    if not info.moves:
        ctx.out.write("कोई कदम नहीं (no moves for you)\n")
    for m in info.moves:
        flags = "".join((" [टिप्पणी ज़रूरी (--note)]" if m.needs_note else "",
                         " [जांच (approval gate)]" if m.gated else ""))
        ctx.out.write(f"  --to {m.target.value}\t{m.label}{flags}\n")
    return 0


def cmd_transition(ctx: CliContext, args: argparse.Namespace) -> int:
    """Move the article; a refusal prints every reason and exits 2."""
    from editor_app.core.workflow.service import TransitionRefused
    from editor_app.core.workflow.statuses import Status

    article_id = ctx.find_id(args.id)
    workflow = _workflow(ctx)
    if workflow.speller is not None and not workflow.speller.available:
        ctx.err.write(f"sampadak: warning: {workflow.speller.unavailable_reason}\n")
    try:
        record = workflow.transition(article_id, args.target, note=args.note,
                                     override=args.override)
    except TransitionRefused as exc:
        ctx.err.write(f"sampadak: refused: स्थिति नहीं बदली (article {article_id} not moved "
                      f"to {args.target})\n")
        for reason in exc.reasons:
            ctx.err.write(f"  - {reason}\n")
        if exc.may_override:
            ctx.err.write("  (डेस्क प्रमुख --override REASON से आगे बढ़ा सकते हैं; "
                          "a desk chief may use --override REASON)\n")
        return 2
    if args.json:
        ctx.print_json(workflow.status(article_id).to_json())
    else:
        ctx.out.write(f"{record.id}: {Status(record.status).label}\n")
    return 0
