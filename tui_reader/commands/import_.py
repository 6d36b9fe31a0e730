"""`tui-reader import FILE [--to DIR]`: bring a read-it-later export into the library folder."""

from __future__ import annotations

import argparse
import asyncio
import sys

from tui_reader.commands.index import ProgressReporter, fail
from tui_reader.commands.save import add_folder_option, library_folder, shown

SHOWN_FAILURES = 50


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "import",
        help="import a Pocket, Instapaper, Omnivore or wallabag export",
        description="Read an export (Pocket or Instapaper CSV, Omnivore zip, wallabag JSON) and put its articles "
        "in the library folder: written from the export where it holds the article, else fetched from the web "
        "(a few at a time, one request per site at once). The time you saved each article becomes its access "
        "date in citations; tags are kept (search them with tag:). Running it again skips what was imported "
        "and retries what failed.",
    )
    parser.add_argument("file", metavar="FILE")
    add_folder_option(parser)
    parser.add_argument("--jobs", type=int, default=8, metavar="N", help="pages fetched at once (default 8)")
    parser.set_defaults(run=run)


class ImportProgress(ProgressReporter):
    """A bar on a terminal; a line every tenth of the way otherwise."""

    def __init__(self) -> None:
        super().__init__(quiet_below=0.3, plain=True)

    def step(self, done: int, total: int, _outcome=None) -> None:
        if self.tty:
            width = 30
            self._draw(f"[{'#' * (width * done // total)}{'.' * (width - width * done // total)}] {done}/{total} imported")
        elif done >= self.next_line or done == total:
            print(f"importing: {done}/{total}", file=self.stream, flush=True)
            self.next_line = done + max(1, total // 10)


def run(args: argparse.Namespace) -> int:
    from tui_reader.core.ingest.formats import ExportError, read_export
    from tui_reader.core.ingest.importer import import_entries

    if args.jobs < 1:
        return fail("--jobs must be 1 or more")
    folder = library_folder(args)
    if folder.exists() and not folder.is_dir():
        return fail(f"{folder}: not a folder")
    try:
        kind, entries = read_export(args.file)
        entries = list(entries)
    except ExportError as exc:
        return fail(str(exc))
    except OSError as exc:
        return fail(f"{args.file}: cannot read ({exc.strerror or exc})")
    bar = ImportProgress()
    try:
        report = asyncio.run(import_entries(entries, folder, progress=bar.step, concurrency=args.jobs))
    except KeyboardInterrupt:
        bar.finish()
        return fail("interrupted; what was imported is kept, and running the import again goes on from there")
    bar.finish()
    for bad in report.bad_rows:
        print(f"tui-reader: {args.file}: {bad.where}: {bad.reason}", file=sys.stderr)
    for outcome in report.failed[:SHOWN_FAILURES]:
        print(f"tui-reader: {outcome.item.url}: {outcome.reason}", file=sys.stderr)
    if len(report.failed) > SHOWN_FAILURES:
        print(f"tui-reader: … and {len(report.failed) - SHOWN_FAILURES} more failed", file=sys.stderr)
    print(f"{kind} export: {report.count('written')} written from the export, {report.count('fetched')} fetched, "
          f"{report.count('already')} already there, {len(report.failed)} failed, "
          f"{len(report.bad_rows)} unreadable row{'' if len(report.bad_rows) == 1 else 's'} → {shown(folder)}")
    if report.failed:
        print("Run the same command again to retry what failed.", file=sys.stderr)
    return 1 if report.failed or report.bad_rows else 0
