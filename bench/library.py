#!/usr/bin/env python3
"""The library at scale: cold index build, warm start, search latency and memory.

    python bench/library.py [--n 10000] [--runs 3] [--cold-runs 3] [--sample 200] [--workers N]
                            [--keep DIR] [--cache DIR]
    python bench/library.py --fill 100000 [--runs 3] [--cache DIR]

Generates N articles in a temporary folder (real pages from ../shared/corpus/aeb/html and the
project's articles/, copied under varied names into subfolders, each with its own title: the
<title>/og:title text, the Markdown title or the first line of a text file is changed), then
prints, each a median over runs:

* cold build: articles per second with every core (`Library.refresh()` on an empty index), and
  the ratio to `load_article` alone in one process, measured back to back on a sample of the
  same files (a shared machine slows both alike), and the CPU time each spends per article (parent
  and worker processes together), which other programs do not change: a wall-clock ratio needs
  idle cores (with the kernel's autogroup scheduling, one login's processes share one slice of a
  busy machine, however many there are), so the load average is printed beside it;
* warm start: a fresh process opening the index and listing every entry, against the floor of
  walking the same tree with os.scandir + stat (ratio); also a warm refresh (walk, stat, compare);
* search: p50/p95 latency of 100 varied queries (words, phrases, prefixes, field filters,
  exclusions, OR), plus the speakers list and one speaker's quotes;
* peak RSS of the process that opened the library and listed every entry (the library alone;
  the app's figure adds Textual).

With --fill N no files are generated: the index is filled with N rows made from the real pages
(each read once, then repeated under other names and titles, bodies and quotes included) through
the index's own write path, and only listing (warm start) and searching are measured.

Skips (exit 0) when ../shared is not beside the project.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from tui_reader.core import ArticleError, load_article  # noqa: E402
from tui_reader.core.library.index import Library, read_record  # noqa: E402
from tui_reader.core.processes import imap_unordered  # noqa: E402

WORDS = ("amber harbour quiet northern early final hidden local rapid second open winter civic river "
         "coastal urgent modest public silent bright").split()
TOPICS = ("report update briefing dispatch analysis review bulletin story note digest").split()


# ------------------------------------------------------------------------------------------------
# The generated library


def sources() -> list[Path]:
    pages = sorted((SHARED / "corpus" / "aeb" / "html").glob("*.html"))
    samples = sorted(p for p in (ROOT / "articles").iterdir() if p.is_file())
    return pages + samples


_TITLE = re.compile(r"(<title[^>]*>)(.*?)(</title>)", re.IGNORECASE | re.DOTALL)
_OG_TITLE = (
    re.compile(r"""(<meta[^>]+property=["']og:title["'][^>]*?content=["'])([^"']*)""", re.IGNORECASE),
    re.compile(r"""(<meta[^>]+content=["'])([^"']*)(["'][^>]*property=["']og:title["'])""", re.IGNORECASE),
)


def retitle(data: bytes, suffix: Path, extra: str) -> bytes:
    """The same page with `extra` added to its title (bytes outside ASCII left as they are)."""
    text = data.decode("latin-1")  # byte-transparent
    if suffix in (".html", ".htm"):
        text = _TITLE.sub(lambda m: f"{m.group(1)}{m.group(2).strip()} {extra}{m.group(3)}", text, count=1)
        text = _OG_TITLE[0].sub(lambda m: f"{m.group(1)}{m.group(2)} {extra}", text, count=1)
        text = _OG_TITLE[1].sub(lambda m: f"{m.group(1)}{m.group(2)} {extra}{m.group(3)}", text, count=1)
    elif suffix == ".md":
        text = re.sub(r'^(title:\s*"?)([^"\n]*)', lambda m: f"{m.group(1)}{m.group(2)} {extra}", text, count=1,
                      flags=re.MULTILINE)
        text = re.sub(r"^(# .*)$", lambda m: f"{m.group(1)} {extra}", text, count=1, flags=re.MULTILINE)
    else:
        text = re.sub(r"^(\s*)(\S[^\n]*)", lambda m: f"{m.group(1)}{m.group(2)} {extra}", text, count=1)
    return text.encode("latin-1")


def generate(folder: Path, n: int, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    srcs = sources()
    cache = {p: p.read_bytes() for p in srcs}
    made = []
    for k in range(n):
        src = srcs[k % len(srcs)]
        extra = f"- {rng.choice(WORDS)} {rng.choice(TOPICS)} {k}"
        sub = folder / f"box-{k // 500:02d}" / rng.choice(("news", "saved", "research"))
        sub.mkdir(parents=True, exist_ok=True)
        path = sub / f"{k:05d}-{rng.choice(WORDS)}-{src.stem[:12]}{src.suffix}"
        path.write_bytes(retitle(cache[src], src.suffix, extra))
        made.append(path)
    return made


def fill(root: Path, n: int, seed: int = 7) -> None:
    """The index filled with `n` entries under `root` (no files there) from the real pages, each
    read once and then written again and again under another path and title."""
    jobs = [(str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in sources()]
    records = sorted((r for r in imap_unordered(read_record, jobs, os.cpu_count() or 1) if r.error is None),
                     key=lambda r: r.path)
    rng = random.Random(seed)
    with Library([root]) as lib:
        for start in range(0, n, 2000):
            batch = []
            for k in range(start, min(n, start + 2000)):
                r = records[k % len(records)]
                extra = f"- {rng.choice(WORDS)} {rng.choice(TOPICS)} {k}"
                path = root / f"box-{k // 500:03d}" / f"{k:06d}-{Path(r.path).name}"
                batch.append(replace(r, path=str(path), title=f"{r.title or ''} {extra}".strip()))
            lib.store(batch)


FILL_ROOT = Path("/nonexistent-tui-reader-fill")  # entries only: no file is there, and none is read


def filled(root: Path, n: int) -> int:
    """The index in $TUI_READER_CACHE_DIR filled with `n` entries under `root` (reused when it has them)."""
    with Library([root]) as lib:
        have = lib.count()
    if have != n:
        shutil.rmtree(os.environ["TUI_READER_CACHE_DIR"], ignore_errors=True)
        t = time.perf_counter()
        fill(root, n)
        print(f"filled the index with {n:,} entries in {time.perf_counter() - t:.0f} s", flush=True)
    else:
        print(f"reused the index of {have:,} entries in {os.environ['TUI_READER_CACHE_DIR']}")
    return n


def fill_main(args, base: Path) -> None:
    root = FILL_ROOT
    os.environ["TUI_READER_CACHE_DIR"] = str(args.cache or base / "cache-fill")
    filled(root, args.fill)
    index = Path(os.environ["TUI_READER_CACHE_DIR"]) / "library.sqlite3"
    print(f"index size: {index.stat().st_size / 1e6:.0f} MB")
    starts = [warm_start(str(root), refresh=False) for _ in range(args.runs)]
    assert all(child["entries"] == args.fill for child in starts), starts
    listed = statistics.median(c["list"] + c["rows"] for c in starts)
    print(f"warm start to first rows: {statistics.median(c['first'] for c in starts) * 1000:.0f} ms (open index, the "
          f"newest 200 entries and the counts: what the library screen shows first), CPU "
          f"{statistics.median(c['first_cpu'] for c in starts) * 1000:.0f} ms; median of {len(starts)} fresh processes")
    print(f"every entry listed: {listed * 1000:.0f} ms for {args.fill:,} entries (open index, list every "
          f"entry, read each row's columns), median of {len(starts)} fresh processes (CPU "
          f"{statistics.median(c['list_cpu'] for c in starts) * 1000:.0f} ms); import of the library "
          f"module {statistics.median(c['import'] for c in starts) * 1000:.0f} ms, not counted; peak RSS "
          f"{statistics.median(c['rss_mb'] for c in starts):.0f} MB; load average {os.getloadavg()[0]:.1f}")
    search_report(Library([root]), args.runs)


# ------------------------------------------------------------------------------------------------
# Measures


def floor_walk(root: str) -> int:
    count, stack = 0, [root]
    while stack:
        with os.scandir(stack.pop()) as it:
            for entry in it:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(entry.path)
                else:
                    entry.stat()
                    count += 1
    return count


_CHILD = r"""
import json, resource, sys, time
t0 = time.perf_counter()
from tui_reader.core.library.index import Library
t1 = time.perf_counter()
c1 = time.process_time()
lib = Library([sys.argv[1]])
first = lib.newest(200)
tf = time.perf_counter()
cf = time.process_time()
entries = lib.entries()
t2 = time.perf_counter()
rows = [(e.display_title, e.site, e.published, e.words, e.quote_count) for e in entries]
t3 = time.perf_counter()
c3 = time.process_time()
result = lib.refresh() if sys.argv[2] == "refresh" else None
t4 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "first": tf - t1, "first_cpu": cf - c1, "list": t2 - t1, "rows": t3 - t2, "list_cpu": c3 - c1, "entries": len(entries),
                  "refresh": t4 - t3, "changes": result.changes if result else 0,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def warm_start(root: str, refresh: bool = True) -> dict:
    out = subprocess.run([sys.executable, "-c", _CHILD, root, "refresh" if refresh else "list"], cwd=ROOT,
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def make_queries(lib: Library, count: int = 100, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    entries = [e for e in lib.entries() if e.title]
    titles = [re.findall(r"[^\W\d_]{4,}", e.title) for e in rng.sample(entries, min(len(entries), 400))]
    titles = [t for t in titles if len(t) >= 2]
    words = [w for t in titles for w in t]
    sites = [re.findall(r"[^\W\d_]{3,}", e.site)[0] for e in entries if e.site and re.findall(r"[^\W\d_]{3,}", e.site)]
    authors = [e.authors[0].split()[-1] for e in entries if e.authors]
    speakers = [g.name for g in lib.speakers()[:200]]
    makers = [
        (30, lambda: rng.choice(words)),
        (15, lambda: " ".join(rng.sample(rng.choice(titles), 2))),
        (15, lambda: (lambda t, i: f'"{t[i]} {t[i + 1]}"')(t := rng.choice(titles), rng.randrange(len(t) - 1))),
        (10, lambda: rng.choice(words)[:5] + "*"),
        (8, lambda: f"site:{rng.choice(sites)} {rng.choice(words)}" if sites else rng.choice(words)),
        (7, lambda: f"author:{rng.choice(authors)}" if authors else rng.choice(words)),
        (10, lambda: f'speaker:"{rng.choice(speakers)}"' + rng.choice(["", f" {rng.choice(words)}"])
         if speakers else rng.choice(words)),
        (5, lambda: rng.choice([f"{rng.choice(words)} -{rng.choice(words)}",
                                f"{rng.choice(words)} OR {rng.choice(words)}"])),
    ]
    queries = [make() for weight, make in makers for _ in range(weight)]
    return queries[:count]


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def search_times(lib: Library, queries: list[str]) -> tuple[list[float], list[float], int]:
    """Wall and CPU seconds of each query, and how many found nothing."""
    times, cpu, empty = [], [], 0
    for query in queries:
        t, c = time.perf_counter(), time.process_time()
        hits = lib.search(query, limit=20)
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
        empty += not hits
    return times, cpu, empty


def cpu_seconds() -> float:
    """CPU time of this process and of its children that have ended (the pool's workers, forked
    from here, are waited for when the pool closes)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def load_seconds(files: list[Path]) -> tuple[float, float]:
    """Wall and CPU seconds of load_article over the files, one after the other in this process."""
    t, cpu = time.perf_counter(), cpu_seconds()
    for path in files:
        try:
            load_article(path)
        except ArticleError:
            pass
    return time.perf_counter() - t, cpu_seconds() - cpu


def paired_cold(files: list[Path], sample: int, runs: int, workers: int | None, base: Path) -> list[tuple]:
    """(load_article alone, cold build) wall seconds over the same sample, measured back to back so
    that both see the same machine (other programs running change both alike), then their CPU seconds."""
    chosen = random.Random(5).sample(files, min(sample, len(files)))
    folder = base / "pair"
    folder.mkdir(exist_ok=True)
    for k, path in enumerate(chosen):
        (folder / f"{k:05d}{path.suffix}").symlink_to(path)
    pairs = []
    for run in range(runs):
        alone, alone_cpu = load_seconds(chosen)
        os.environ["TUI_READER_CACHE_DIR"] = str(base / f"pair-cache-{run}")
        with Library([folder]) as lib:
            t, cpu = time.perf_counter(), cpu_seconds()
            lib.refresh(workers=workers)
            pairs.append((alone, time.perf_counter() - t, alone_cpu, cpu_seconds() - cpu))
    return pairs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10000, help="articles to generate (default 10000)")
    parser.add_argument("--runs", type=int, default=3, help="runs of the warm start and search measures")
    parser.add_argument("--cold-runs", type=int, default=3, help="cold builds (each reads every file)")
    parser.add_argument("--workers", type=int, default=None, help="worker processes (default: every core)")
    parser.add_argument("--sample", type=int, default=200,
                        help="files for the cold build / load_article alone pairs (each of --runs)")
    parser.add_argument("--keep", type=Path, help="generate into (and keep) this folder; reused when it exists")
    parser.add_argument("--cache", type=Path, help="index folder to keep; with --cold-runs 0 an index built "
                        "there before is measured (brought up to date first)")
    parser.add_argument("--fill", type=int, metavar="N",
                        help="no files: fill the index with N generated entries, measure listing and search")
    args = parser.parse_args()
    if not (SHARED / "corpus" / "aeb" / "html").is_dir():
        print(f"skipped: {SHARED / 'corpus/aeb/html'} is not here")
        return 0
    base = Path(tempfile.mkdtemp(prefix="tui-reader-bench-"))
    if args.fill:
        try:
            fill_main(args, base)
        finally:
            shutil.rmtree(base, ignore_errors=True)
        return 0
    folder = args.keep or base / "library"
    try:
        t = time.perf_counter()
        reuse = args.keep is not None and args.keep.is_dir()
        files = sorted(p for p in folder.rglob("*") if p.is_file()) if reuse else generate(folder, args.n)
        print(f"{'reused' if reuse else 'generated'} {len(files)} articles in {time.perf_counter() - t:.1f} s under {folder} "
              f"({sum(f.stat().st_size for f in files) / 1e6:.0f} MB); cores: {os.cpu_count()}")

        # Cold builds, each on an empty index.
        rates = []
        for run in range(args.cold_runs):
            os.environ["TUI_READER_CACHE_DIR"] = str(args.cache or base / f"cache-{run}")
            shutil.rmtree(os.environ["TUI_READER_CACHE_DIR"], ignore_errors=True)
            with Library([folder]) as lib:
                t = time.perf_counter()
                result = lib.refresh(workers=args.workers)
                rates.append(len(files) / (time.perf_counter() - t))
            print(f"  cold build {run + 1}: {rates[-1]:.1f} articles/s ({len(result.added)} added, "
                  f"{len(result.failed)} unreadable)", flush=True)
        if rates:
            print(f"cold build of all {len(files)}: {statistics.median(rates):.1f} articles/s (median of {len(rates)})")
            pairs = paired_cold(files, args.sample, args.runs, args.workers, base)
            n = min(args.sample, len(files))
            cores = args.workers or os.cpu_count() or 1
            print(f"cold build vs load_article alone (one process), same {n} files back to back, {len(pairs)} pairs: "
                  f"{statistics.median(n / p[1] for p in pairs):.1f} vs {statistics.median(n / p[0] for p in pairs):.1f} "
                  f"articles/s; ratio {statistics.median(p[0] / p[1] for p in pairs):.2f}x "
                  f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
            alone_cpu, build_cpu = (statistics.median(p[k] for p in pairs) for k in (2, 3))
            print(f"CPU per article: load_article alone {1000 * alone_cpu / n:.1f} ms, cold build {1000 * build_cpu / n:.1f} ms "
                  f"(this process and its workers); on {cores} idle cores the build can reach "
                  f"{cores * alone_cpu / build_cpu:.2f}x the rate of load_article alone")
            os.environ["TUI_READER_CACHE_DIR"] = str(args.cache or base / f"cache-{args.cold_runs - 1}")
        else:
            os.environ["TUI_READER_CACHE_DIR"] = str(args.cache or base / "cache-0")
            with Library([folder]) as lib:
                result = lib.refresh(workers=args.workers)
            print(f"no cold build; index brought up to date: {len(result.added)} added, {len(result.changed)} changed")
        index = Path(os.environ["TUI_READER_CACHE_DIR"]) / "library.sqlite3"
        print(f"index size: {index.stat().st_size / 1e6:.0f} MB (+ WAL {Path(f'{index}-wal').stat().st_size / 1e6:.0f} MB)"
              if Path(f"{index}-wal").exists() else f"index size: {index.stat().st_size / 1e6:.0f} MB")

        # Warm start in fresh processes, against the floor of a scandir + stat walk.
        floors, lists, refreshes, rss, imports = [], [], [], [], []
        for _ in range(args.runs):
            t = time.perf_counter()
            floor_walk(str(folder))
            floors.append(time.perf_counter() - t)
            child = warm_start(str(folder))
            lists.append(child["list"])
            refreshes.append(child["refresh"])
            rss.append(child["rss_mb"])
            imports.append(child["import"])
            assert child["entries"] == len(files) and child["changes"] == 0, child
        floor, listed, refreshed = (statistics.median(x) for x in (floors, lists, refreshes))
        print(f"warm start to list ready: {listed * 1000:.0f} ms for {len(files)} entries (open index + list); "
              f"floor scandir+stat walk {floor * 1000:.0f} ms; ratio {listed / floor:.2f}x "
              f"(import of the library module {statistics.median(imports) * 1000:.0f} ms, not counted)")
        print(f"warm refresh (walk, stat, compare; nothing changed): {refreshed * 1000:.0f} ms; "
              f"ratio {refreshed / floor:.2f}x the floor")
        print(f"peak RSS, process that opened the library, listed every entry and refreshed: "
              f"{statistics.median(rss):.0f} MB")

        search_report(Library([folder]), args.runs)
    finally:
        shutil.rmtree(base, ignore_errors=True)  # --keep and --cache folders are elsewhere
    return 0


def search_report(library: Library, runs: int) -> None:
    """Speakers and quotes on a fresh instance (nothing cached), then search latency."""
    with library as lib:
        t = time.perf_counter()
        groups = lib.speakers()
        speakers_s = time.perf_counter() - t
        t = time.perf_counter()
        quotes = lib.quotes(groups[0].name) if groups else []
        quotes_s = time.perf_counter() - t
        queries = make_queries(lib)
        p50s, p95s, worst, cpu95s, empties = [], [], [], [], 0
        for _ in range(runs):
            times, cpu, empties = search_times(lib, queries)
            p50s.append(percentile(times, 0.5))
            p95s.append(percentile(times, 0.95))
            worst.append(max(times))
            cpu95s.append(percentile(cpu, 0.95))
        print(f"search over {len(queries)} queries (limit 20; {empties} found nothing): "
              f"p50 {statistics.median(p50s) * 1000:.1f} ms, p95 {statistics.median(p95s) * 1000:.1f} ms, "
              f"max {statistics.median(worst) * 1000:.1f} ms; CPU p95 {statistics.median(cpu95s) * 1000:.1f} ms "
              f"(load average {os.getloadavg()[0]:.1f})")
        print(f"speakers list: {len(groups)} groups in {speakers_s * 1000:.0f} ms (first call; cached after); "
              f"quotes of {groups[0].name if groups else '-'}: {len(quotes)} in {quotes_s * 1000:.0f} ms")
        print("queries sample: " + " | ".join(queries[::10]))


if __name__ == "__main__":
    sys.exit(main())
