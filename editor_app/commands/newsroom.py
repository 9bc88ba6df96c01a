"""``sampadak newsroom init``: set up the database's own enforcement of the newsroom rules
on a PostgreSQL database (:mod:`editor_app.core.newsroom.policies`), and the password
input shared by ``user add`` / ``user password`` (never echoed, never logged).

Run ``newsroom init`` as the maintainer (the login that owns the tables and may create
roles), after the first admin exists; then add users with ``sampadak user add … --login``.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # building the parser imports no core module (--version stays fast)
    from editor_app.commands.context import CliContext

__all__ = ["add_newsroom_parsers", "cmd_newsroom", "read_new_password"]

log = logging.getLogger(__name__)


def add_newsroom_parsers(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Register ``newsroom init``."""
    p = subparsers.add_parser("newsroom", parents=[common],
                              help="shared newsroom on PostgreSQL: database roles and rules")
    actions = p.add_subparsers(dest="newsroom_command", metavar="ACTION", required=True)
    init = actions.add_parser(
        "init", parents=[common],
        help="create the group roles, grants and rules (idempotent; PostgreSQL only)")
    init.add_argument("--prefix", default="sampadak",
                      help="group role name prefix (default: sampadak → sampadak_reporter, …)")
    init.add_argument("--json", action="store_true", help="print what was done as JSON")


def cmd_newsroom(ctx: CliContext, args: argparse.Namespace) -> int:
    """``newsroom init``: refuses on SQLite (exit 2) with the reason."""
    from editor_app.core.newsroom.policies import init_newsroom

    report = init_newsroom(ctx.db, args.prefix)
    if args.json:
        ctx.print_json({"prefix": report.prefix, "schema": report.schema,
                        "groups_created": report.groups_created, "tables": report.tables,
                        "logins_grouped": report.logins_grouped,
                        "logins_missing": report.logins_missing})
        return 0
    out = ctx.out
    out.write(f"newsroom rules set up on {ctx.db.label} (schema {report.schema})\n")
    created = ", ".join(report.groups_created) or "none (all existed)"
    out.write(f"group roles created: {created}\n")
    out.write(f"tables covered: {len(report.tables)}\n")
    for login in report.logins_grouped:
        out.write(f"login {login}: group membership set\n")
    for login in report.logins_missing:
        out.write(f"login {login}: no database role yet: sampadak user password {login}\n")
    return 0


def read_new_password(args: argparse.Namespace, login: str) -> str:
    """The new password for ``login``: the first line of stdin with ``--password-stdin``,
    else asked twice on the terminal (never echoed). :class:`ValidationError` when there
    is no terminal to ask on, the two differ, or it is empty."""
    from editor_app.core.errors import ValidationError

    if getattr(args, "password_stdin", False):
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        if not sys.stdin.isatty():
            raise ValidationError("पासवर्ड के लिए टर्मिनल नहीं (no terminal to ask the password "
                                  "on: give it with --password-stdin)")
        password = getpass.getpass(f"password for {login}: ")
        if getpass.getpass(f"password for {login} (again): ") != password:
            raise ValidationError("दोनों पासवर्ड अलग हैं (the two passwords differ)")
    if not password:
        raise ValidationError("पासवर्ड खाली नहीं हो सकता (the password cannot be empty)")
    return password
