"""Command line: `tui-reader [PATH...]` opens the reader; subcommands work without a terminal UI.

Each subcommand lives in `tui_reader/commands/<name>.py` with `add_parser(subparsers)` and
`run(args) -> int`; COMMANDS lists them in the order `--help` shows them.
"""

from __future__ import annotations

import argparse
import importlib
import sys

COMMANDS = ("extract", "cite", "export", "index", "search", "quotes")


def _command_modules():
    for name in COMMANDS:
        try:
            yield importlib.import_module(f"tui_reader.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"tui_reader.commands.{name}":
                raise


def build_parser() -> argparse.ArgumentParser:
    from tui_reader.commands import open_reader

    parser = argparse.ArgumentParser(
        prog="tui-reader",
        description="A terminal reader for saved news articles.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=open_reader.keys_help(),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in _command_modules():
        module.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser()
    commands = {name for name in parser._subparsers._group_actions[0].choices}  # noqa: SLF001
    if argv and argv[0] in commands or argv and argv[0] in ("-h", "--help"):
        args = parser.parse_args(argv)
        return args.run(args)
    from tui_reader.commands import open_reader

    return open_reader.main(argv)
