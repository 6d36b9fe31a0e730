"""`tui-reader save URL... [--to DIR]`: fetch pages and write them into the library folder."""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from pathlib import Path

from tui_reader.commands.index import fail


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "save",
        help="fetch web pages into the library folder",
        description="Fetch each address and write the page as received, with the address and the time of "
        "saving at its top (the time becomes the access date in citations), as SITE/YYYY-MM-DD-TITLE.html "
        "under DIR. Only HTML, XHTML, plain text and Markdown pages are saved, up to 50 MB. A page saved "
        "before (same address and content) is not written again.",
    )
    parser.add_argument("urls", nargs="+", metavar="URL")
    add_folder_option(parser)
    parser.set_defaults(run=run)


def add_folder_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--to", metavar="DIR", dest="folder",
                        help="the library folder (default: ./articles if it exists, else your library folder)")


def library_folder(args: argparse.Namespace) -> Path:
    if args.folder:
        return Path(args.folder).expanduser()
    from tui_reader.ui.app import default_library

    return default_library()


def shown(path: Path) -> str:
    """The path as typed from here when it is under this folder, else in full."""
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if relative.startswith(os.pardir) else relative


def run(args: argparse.Namespace) -> int:
    from tui_reader.core.ingest.save import SaveResult, save_urls

    folder = library_folder(args)
    if folder.exists() and not folder.is_dir():
        return fail(f"{folder}: not a folder")

    def report(result: SaveResult) -> None:
        if result.error:
            print(f"tui-reader: {result.url}: {result.error}", file=sys.stderr, flush=True)
        elif result.duplicate:
            print(f"already saved: {shown(result.path)}", flush=True)
        else:
            print(f"saved: {shown(result.path)}", flush=True)

    try:
        results = asyncio.run(save_urls(args.urls, folder, on_result=report))
    except KeyboardInterrupt:
        return fail("interrupted; pages saved so far are kept")
    return 1 if any(r.error for r in results) else 0
