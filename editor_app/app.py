"""Entry point: parse arguments, set up paths and logging, then run a command or the GUI.

Only argparse is imported before the arguments are parsed (``sampadak --version`` stays
fast); configuration, core and the GUI are imported once it is known what will run.

``sampadak`` with no command opens the window; ``sampadak COMMAND …`` runs headless.
``--profile DIR``, ``--database URL`` and ``--as LOGIN|NAME`` (the acting user) are accepted
before or after the command.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from editor_app import __version__
from editor_app.cli import add_commands, run_command

__all__ = ["build_parser", "main", "parse_arguments"]


def _common_options(*, suppress: bool) -> argparse.ArgumentParser:
    default = argparse.SUPPRESS if suppress else None
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--profile", metavar="DIR", default=default,
                        help="keep data, settings and logs under DIR")
    common.add_argument("--database", metavar="URL", default=default,
                        help="SQLAlchemy database URL (default: SQLite in the data folder; "
                             "also SAMPADAK_DATABASE_URL)")
    common.add_argument("--as", dest="acting_as", metavar="LOGIN|NAME", default=default,
                        help="act as this user (login, or name when logins are not set; "
                             "default: the local profile)")
    common.add_argument("--verbose", action="store_true",
                        default=argparse.SUPPRESS if suppress else False,
                        help="log debug messages to stderr")
    return common


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser (GUI options plus headless sub-commands)."""
    parser = argparse.ArgumentParser(
        prog="sampadak", parents=[_common_options(suppress=False)],
        description="Sampadak (संपादक): editorial review desk for Hindi newsrooms. "
                    "Without a command, opens the window.")
    parser.add_argument("--version", action="version", version=f"sampadak {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    add_commands(subparsers, _common_options(suppress=True))
    return parser


def _window_parser() -> argparse.ArgumentParser:
    """Only what the window takes: the common options and ``--version``, no sub-commands
    and no ``--help`` (those go to :func:`build_parser`)."""
    parser = argparse.ArgumentParser(prog="sampadak", parents=[_common_options(suppress=False)],
                                     add_help=False, exit_on_error=False)
    parser.add_argument("--version", action="version", version=f"sampadak {__version__}")
    return parser


def parse_arguments(argv: Sequence[str]) -> argparse.Namespace:
    """``argv`` parsed as :func:`build_parser` parses it.

    Opening the window (no command) is parsed by a parser without the ~30 sub-command
    parsers, whose building costs ~0.1 s of every start; anything that parser does not
    take whole (a command, ``--help``, an unknown or malformed option) goes to the full
    parser, so the result, the help and the error messages are the full parser's."""
    try:
        args, rest = _window_parser().parse_known_args(list(argv))
    except argparse.ArgumentError:
        rest = ["(error)"]
    if rest:
        return build_parser().parse_args(list(argv))
    args.command = None
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Run Sampadak with ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    args = parse_arguments(list(sys.argv[1:] if argv is None else argv))
    # Imported after parsing: --version and --help need none of this.
    from editor_app.config import load_config
    from editor_app.core.errors import ConfigError
    from editor_app.logging_setup import setup_logging

    try:
        config = load_config(args.profile, args.database)
        config.ensure_dirs()
    except ConfigError as exc:
        sys.stderr.write(f"sampadak: error: {exc}\n")
        return 2
    setup_logging(config.log_dir, verbose=args.verbose)
    if args.command:
        try:
            return run_command(config, args)
        except BrokenPipeError:  # output piped into `head` and the like
            sys.stderr.close()
            return 0
    # the window: a skeleton painted from the database file first when it can be (no
    # SQLAlchemy or window modules before its first paint), then the real window
    from editor_app.gui.startup import run_window

    return run_window(config)
