#!/usr/bin/env python3
"""The app with a big library open: time to the first rows, to the refresh done, and peak memory.

    python bench/library_app.py [--n 10000] [--runs 3] [--keep DIR] [--cache DIR]
    python bench/library_app.py --fill 100000 [--runs 3] [--cache DIR]

Generates N articles with bench/library.py's generator (or reuses --keep), builds the index once,
then starts the app (headless, 120x40) in fresh processes, each run:

* first rows: from the start of the process to the library table having its rows (from the index);
* list ready: to the refresh having checked every file (nothing changed: a warm start);
* then `/` searches a word and waits for its results, `Q` opens the quotes view and one speaker's
  quotes, so that the figure covers those screens too;
* peak RSS of that process (target: ≤ 300 MB at 10,000 articles), against the same app started on
  an empty folder (Textual and the app alone) as the reference.

With --fill N no files are generated: the index is filled with N rows (bench/library.py --fill),
and the app lists them (their folder is not there, so the refresh keeps them and reads nothing).

Medians of the runs. Skips (exit 0) when ../shared is not beside the project.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


async def _wait(pilot, done, timeout: float = 600.0) -> None:
    end = time.perf_counter() + timeout
    while not done():
        if time.perf_counter() > end:
            raise TimeoutError("the app did not get there in time")
        await pilot.pause(0.01)


async def run_app(folder: str, full: bool) -> dict:
    """In the child: start the app on `folder`, wait for the library, use search and quotes."""
    import resource

    start = time.perf_counter()
    from tui_reader.ui.app import create_app
    from tui_reader.ui.screens.library import LibraryScreen

    app = create_app([folder])
    out: dict = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await _wait(pilot, lambda: isinstance(app.screen, LibraryScreen) and (app.screen.table.row_count or app.screen.loaded))
        out["first_rows"] = time.perf_counter() - start
        out["rows"] = app.screen.table.row_count
        await _wait(pilot, lambda: app.screen.loaded)
        out["ready"] = time.perf_counter() - start
        if full:
            await pilot.press("slash", *"harbour", "enter")
            await app.workers.wait_for_complete()
            await _wait(pilot, lambda: app.screen.query_text == "harbour")
            out["hits"] = len(app.screen.hits)
            await pilot.press("escape", "Q")
            await _wait(pilot, lambda: getattr(app.screen, "groups", None))
            out["speakers"] = len(app.screen.groups)
            await pilot.press("enter")
            await _wait(pilot, lambda: app.screen.hits)
            await pilot.press("escape", "escape")
    out["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux
    return out


def child(folder: Path, full: bool) -> dict:
    cmd = [sys.executable, __file__, "--child", str(folder)] + ([] if full else ["--bare"])
    done = subprocess.run(cmd, capture_output=True, text=True, check=False, env=os.environ.copy())
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-2000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10000, help="articles to generate (default 10000)")
    parser.add_argument("--runs", type=int, default=3, help="app starts to take the median of")
    parser.add_argument("--keep", type=Path, help="generate into (and keep) this folder; reused when it exists")
    parser.add_argument("--cache", type=Path, help="index folder to keep (reused when it holds an index)")
    parser.add_argument("--fill", type=int, metavar="N", help="no files: an index of N generated rows")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--bare", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(asyncio.run(run_app(args.child, full=not args.bare))))
        return 0

    import library as library_bench  # bench/library.py: the generator

    from tui_reader.core.library.index import Library

    if not (library_bench.SHARED / "corpus" / "aeb" / "html").is_dir():
        print(f"skipped: {library_bench.SHARED / 'corpus/aeb/html'} is not here")
        return 0
    base = Path(tempfile.mkdtemp(prefix="tui-reader-bench-app-"))
    folder = args.keep or base / "library"
    os.environ["TUI_READER_CACHE_DIR"] = str(args.cache or base / "cache")
    os.environ["TUI_READER_STATE_DIR"] = str(base / "state")
    try:
        if args.fill:
            folder = library_bench.FILL_ROOT
            count = library_bench.filled(folder, args.fill)
        else:
            reuse = args.keep is not None and args.keep.is_dir()
            files = sorted(p for p in folder.rglob("*") if p.is_file()) if reuse else library_bench.generate(folder, args.n)
            count = len(files)
            t = time.perf_counter()
            with Library([folder]) as lib:
                result = lib.refresh()
            print(f"{count} articles under {folder}; index built or brought up to date in "
                  f"{time.perf_counter() - t:.1f} s ({len(result.added)} added)", flush=True)
        empty = base / "empty"
        empty.mkdir(exist_ok=True)
        runs, bare = [], []
        for run in range(args.runs):
            bare.append(child(empty, full=False))
            runs.append(child(folder, full=True))
            r = runs[-1]
            print(f"  run {run + 1}: first rows {r['first_rows'] * 1000:.0f} ms ({r['rows']} rows), list ready "
                  f"{r['ready'] * 1000:.0f} ms, search hits {r['hits']}, speakers {r['speakers']}, "
                  f"peak RSS {r['rss_mb']:.0f} MB (empty library: {bare[-1]['rss_mb']:.0f} MB)", flush=True)

        def median(key: str, rows: list[dict]) -> float:
            return statistics.median(r[key] for r in rows)

        rss, rss0 = median("rss_mb", runs), median("rss_mb", bare)
        print(f"app with {count:,} articles: first rows {median('first_rows', runs) * 1000:.0f} ms, list ready "
              f"{median('ready', runs) * 1000:.0f} ms (empty library: ready {median('ready', bare) * 1000:.0f} ms)")
        print(f"peak RSS: {rss:.0f} MB (target ≤ 300 MB); empty library {rss0:.0f} MB; "
              f"ratio {rss / rss0:.2f}x; {(rss - rss0) * 1024 / max(1, count):.1f} KB per article")
    finally:
        shutil.rmtree(base, ignore_errors=True)  # --keep and --cache are elsewhere
    return 0


if __name__ == "__main__":
    sys.exit(main())
