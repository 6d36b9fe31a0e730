"""`tui-reader index [PATH...] [--rebuild]`: bring the library index up to date and say what changed.

Also the pieces `search` and `quotes` share: opening the library for the given paths and showing
a refresh's progress (a bar on a terminal, a few plain lines otherwise, on stderr).
"""

from __future__ import annotations

import argparse
import os
import sys
import time

from tui_reader.commands.terminal import control
from tui_reader.core.library.index import Library, LibraryError, RefreshProgress, RefreshResult

SHOWN_PER_KIND = 20


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "index",
        help="index articles for the library, search and quotes; print what changed",
        description="Refresh the library index for the given folders (by default every folder indexed before). "
        "Only files whose size, time or content changed are read again; moved files keep their entry. "
        "Files that cannot be read are listed with the reason.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH")
    parser.add_argument("--rebuild", action="store_true", help="read every file again")
    parser.add_argument("--forget", action="store_true",
                        help="remove PATH (a folder indexed before) and its entries from the index")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every change, not the first few")
    parser.set_defaults(run=run)


def fail(message: str) -> int:
    print(f"tui-reader: {message}", file=sys.stderr)
    return 1


class ProgressReporter:
    """Refresh progress on stderr: a redrawn bar on a terminal, a line every tenth otherwise."""

    def __init__(self, stream=None, quiet_below: float = 0.3, plain: bool = True) -> None:
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.plain = plain  # plain lines when not on a terminal (`index`); quiet otherwise
        self.started = time.monotonic()
        self.quiet_below = quiet_below  # a refresh this quick shows nothing on a terminal
        self.last_draw = 0.0
        self.next_line = 0
        self.drawn = False

    def __call__(self, p: RefreshProgress) -> None:
        if p.phase != "load" or not p.total:
            if self.tty and p.phase == "scan" and p.total is None and time.monotonic() - self.started > self.quiet_below:
                self._draw(f"scanning… {p.done} files")
            return
        if self.tty:
            now = time.monotonic()
            if now - self.started < self.quiet_below and p.done < p.total:
                return
            if now - self.last_draw > 0.1 or p.done == p.total:
                self.last_draw = now
                width = 30
                filled = width * p.done // p.total
                self._draw(f"[{'#' * filled}{'.' * (width - filled)}] {p.done}/{p.total} reading articles")
        elif self.plain and p.done and (p.done >= self.next_line or p.done == p.total):
            print(f"indexing: {p.done}/{p.total} articles read", file=self.stream, flush=True)
            self.next_line = p.done + max(1, p.total // 10)

    def _draw(self, text: str) -> None:
        columns = 80
        try:
            columns = os.get_terminal_size(self.stream.fileno()).columns
        except (OSError, ValueError):
            pass
        control(self.stream, "\r")
        self.stream.write(text[: columns - 1].ljust(columns - 1))
        self.stream.flush()
        self.drawn = True

    def finish(self) -> None:
        if self.drawn:
            control(self.stream, "\r" + " " * 79 + "\r")
            self.stream.flush()
            self.drawn = False


def open_library(paths: list[str]) -> tuple[Library | None, int]:
    """The library for PATH arguments (every indexed folder when none), or (None, exit code) after
    printing why not: a path that is not there, no library yet, an index that cannot be opened."""
    for raw in paths:
        if not os.path.exists(raw):
            return None, fail(f"{raw}: no such file or directory")
    try:
        library = Library(paths or None)
    except LibraryError as exc:
        return None, fail(str(exc))
    if library.notice:
        print(f"tui-reader: {library.notice}", file=sys.stderr)
    if not paths and not library.known_roots():
        library.close()
        return None, fail("no library yet: run `tui-reader index FOLDER` first, or give the folders to use")
    return library, 0


def with_library(args: argparse.Namespace, action):
    """For `search` and `quotes`: open the library for args.paths, refresh it unless
    args.no_refresh, and return (action(library), 0) — or (None, exit code) after saying why not."""
    if getattr(args, "limit", None) is not None and args.limit < 1:
        return None, fail("--limit must be 1 or more")
    library, code = open_library(args.paths)
    if library is None:
        return None, code
    with library:
        try:
            if not args.no_refresh:
                refresh(library, reanalyse=False)  # rows of an older analysis answer now; `index` updates them
            return action(library), 0
        except KeyboardInterrupt:
            return None, fail("interrupted")
        except LibraryError as exc:
            return None, fail(str(exc))


def refresh(library: Library, plain: bool = False, **kwargs) -> RefreshResult:
    reporter = ProgressReporter(plain=plain)
    try:
        return library.refresh(reporter, **kwargs)
    finally:
        reporter.finish()


def run(args: argparse.Namespace) -> int:
    if args.forget:
        return _forget(args.paths)
    library, code = open_library(args.paths)
    if library is None:
        return code
    with library:
        try:
            result = refresh(library, plain=True, rebuild=args.rebuild)
        except KeyboardInterrupt:
            return fail("interrupted; what was read so far is kept")
        except LibraryError as exc:
            return fail(str(exc))
        limit = None if args.verbose else SHOWN_PER_KIND
        for kind, items in (("added", result.added), ("changed", result.changed), ("removed", result.removed),
                            ("moved", [f"{old} -> {new}" for old, new in result.moved])):
            for line in items[:limit]:
                print(f"{kind:8} {line}")
            if limit is not None and len(items) > limit:
                print(f"{kind:8} … and {len(items) - limit} more (--verbose lists them all)")
        # every file that cannot be read, this time or before (its entry keeps why): a second run says so too
        unreadable = dict(result.failed)
        unreadable.update((e.path, e.error) for e in library.entries() if e.error and e.path not in unreadable)
        for path, error in sorted(unreadable.items()):
            print(f"tui-reader: {path}: {error}", file=sys.stderr)
        for root in result.unavailable:
            print(f"tui-reader: {root}: not there now; its entries are kept "
                  f"(`tui-reader index --forget {root}` removes them)", file=sys.stderr)
        articles = result.files - len(unreadable)
        print(
            f"{articles} article{'' if articles == 1 else 's'}"
            + (f" and {len(unreadable)} unreadable file{'' if len(unreadable) == 1 else 's'}" if unreadable else "")
            + f": {len(result.added)} added, {len(result.changed)} changed, "
            f"{len(result.moved)} moved, {len(result.removed)} removed, {result.unchanged} unchanged"
            + (f", {len(result.updated)} read again for the new analysis" if result.updated else "")
            + f" ({result.seconds:.1f} s)"
        )
    return 1 if unreadable else 0


def _forget(paths: list[str]) -> int:
    if not paths:
        return fail("--forget needs the folders to remove from the index")
    try:
        library = Library([])
    except LibraryError as exc:
        return fail(str(exc))
    with library:
        for raw in paths:
            count = library.forget(raw)
            print(f"forgot   {os.path.abspath(raw)} ({count} entr{'y' if count == 1 else 'ies'})")
    return 0
