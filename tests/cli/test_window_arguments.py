"""Opening the window parses its options without building the sub-command parsers (issue 7
item 5: ~0.1 s of every start); whatever else is given is the full parser's business."""

from __future__ import annotations

import argparse

import pytest

import editor_app
import editor_app.app as app
from editor_app.app import build_parser, parse_arguments

WINDOW_ARGS: tuple[list[str], ...] = (
    [],
    ["--profile", "/tmp/p"],
    ["--profile", "/tmp/p", "--database", "sqlite:////tmp/x.sqlite", "--verbose"],
    ["--as", "neha", "--prof", "/tmp/abbreviated"],
    ["--profile", "list"],  # a folder named like a command is still a folder
)


@pytest.mark.parametrize("argv", WINDOW_ARGS)
def test_window_options_parse_without_the_sub_command_parsers(argv, monkeypatch):
    expected = vars(build_parser().parse_args(argv))

    def no_full_parser() -> argparse.ArgumentParser:
        raise AssertionError("the full parser was built to open the window")

    monkeypatch.setattr(app, "build_parser", no_full_parser)
    assert vars(parse_arguments(argv)) == expected


@pytest.mark.parametrize("argv", (["list", "--limit", "5"], ["--profile", "/tmp/p", "search",
                                                             "बजट"], ["show", "7", "--json"]))
def test_commands_parse_as_before(argv):
    assert vars(parse_arguments(argv)) == vars(build_parser().parse_args(argv))


@pytest.mark.parametrize("argv", (["--help"], ["--profile"], ["lsit"], ["--bogus"]))
def test_help_and_errors_are_the_full_parsers(argv, capsys):
    with pytest.raises(SystemExit) as full:
        build_parser().parse_args(argv)
    expected = capsys.readouterr()
    with pytest.raises(SystemExit) as ours:
        parse_arguments(argv)
    assert ours.value.code == full.value.code
    assert capsys.readouterr() == expected


def test_version_is_printed_by_either(capsys):
    with pytest.raises(SystemExit) as done:
        parse_arguments(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"sampadak {editor_app.__version__}"
