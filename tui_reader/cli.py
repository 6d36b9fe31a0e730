"""Command line: `tui-reader [PATH...]` opens the reader; subcommands work without a terminal UI.

Each subcommand lives in `tui_reader/commands/<name>.py` with `add_parser(subparsers)` and
`run(args) -> int`; COMMANDS lists them in the order `--help` shows them.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

COMMANDS = ("extract", "cite", "export", "index", "search", "quotes", "save", "import")


def _command_module(name: str):
    # `import` is a Python keyword: its module is import_.py
    return importlib.import_module(f"tui_reader.commands.{'import_' if name == 'import' else name}")


def _library_folder() -> str:
    from tui_reader.ui.app import library_folder

    return str(library_folder())


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole parser, or (for a run of one subcommand) only that subcommand's part."""
    from tui_reader.commands import open_reader

    parser = argparse.ArgumentParser(
        prog="tui-reader",
        usage="tui-reader [PATH ...]\n       tui-reader COMMAND [options] ...",
        description="A terminal reader for saved news articles. With PATHs (folders are scanned, "
        "one file opens straight in the reader), or none: ./articles when there is one, else your "
        f"library folder, {_library_folder()}, made on the first run." if only is None else None,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=open_reader.keys_help() if only is None else None,
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", prog="tui-reader")  # usage: tui-reader export …
    for name in COMMANDS if only is None else (only,):
        _command_module(name).add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    from tui_reader.commands.terminal import filtered_output

    try:
        with filtered_output():  # every line printed, by any command or by argparse, is filtered
            return _main(sys.argv[1:] if argv is None else argv)
    except BrokenPipeError:
        # The reader of our output went away (`tui-reader extract … | head`): stop quietly.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except KeyboardInterrupt:
        return 130


def _main(argv: list[str]) -> int:
    if argv and argv[0] in COMMANDS:
        args = build_parser(only=argv[0]).parse_args(argv)
        return args.run(args)
    if argv and argv[0] in ("-h", "--help"):
        build_parser().parse_args(argv)
        return 0
    from tui_reader.commands import open_reader

    return open_reader.main(argv)
