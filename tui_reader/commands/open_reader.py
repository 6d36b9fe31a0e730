"""`tui-reader [PATH...]`: open the library (directories) or the reader (one file)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def keys_help() -> str:
    """The key reference for `--help`, generated from the UI's bindings."""
    from tui_reader.ui.keys import keys_text

    return keys_text()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="tui-reader", description="Read saved news articles in the terminal.")
    parser.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders (default: ./articles)")
    args = parser.parse_args(argv)
    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        looped = Path(missing[0]).is_symlink()  # a link that leads nowhere, or round in a loop
        print(f"tui-reader: {missing[0]}: " + ("a symbolic link to no file (broken, or a loop)" if looped
                                               else "no such file or directory"), file=sys.stderr)
        return 2
    reader = preload = None
    if len(args.paths) == 1 and Path(args.paths[0]).is_file():
        from tui_reader.ui.background import ArticleReader

        reader = ArticleReader(process=True)  # a child process, forked before Textual is imported,
        preload = reader.read(Path(args.paths[0]))  # parses the file while the UI loads
    from tui_reader.commands.terminal import unfiltered_output
    from tui_reader.ui.app import create_app

    with unfiltered_output():  # the app drives the terminal itself; its notices are plain text
        create_app(args.paths, preload=preload, reader=reader).run()
    return 0
