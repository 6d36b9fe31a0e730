#!/usr/bin/env python3
"""Body extraction on two corpora, dev and held-out parts apart: quality and speed, in one run.

    python bench/extraction.py [--corpus aeb|readability|all] [--runs 3] [--worst N] [--limit N]
                               [--no-time] [--shared DIR]

Corpora (under ../shared/corpus): `aeb` (the article-extraction-benchmark: html/<id>.html and
ground-truth.json) and `readability` (Readability.js's test pages: pages/<name>/source.html and
ground-truth.json). Each page is scored with the benchmark's metric: precision, recall and F1 of
4-word shingles, macro over pages (as the benchmark's evaluate.py computes them), exact matches,
empty and very short results, for tui-reader's `load_article`, for readability-lxml alone
(`Document(html).summary(html_partial=True)` turned into text) and, when installed, trafilatura.

Measure like an outsider: a page is held out when the first hex digit of sha1(page id) is 0-4.
Figures are printed for the dev part, the held-out part and all pages; --worst lists dev pages only
(held-out pages are never shown one by one, so nobody tunes on them).

Time per page is the median of --runs interleaved runs (each method in turn, page by page, so every
ratio compares timings taken under the same load), reported as a ratio to readability-lxml alone
(the library as published: tui-reader runs its own copy of readability's module, never the
published one). Then the share of load_article's time each stage takes (one more pass, each stage's
own time: a stage called inside another is counted once, in itself); --profile N lists the N
functions with the most cumulative time under cProfile.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import json
import pstats
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from readability import Document  # noqa: E402

from tui_reader.core import ArticleError, load_article  # noqa: E402
from tui_reader.core.extract.decode import read_article  # noqa: E402
from tui_reader.core.extract.html_blocks import blocks_from_tree, parse_fragment  # noqa: E402

_TOKEN = re.compile(r"\w+")


def held_out(page_id: str) -> bool:
    """The fixed split: about 5 pages in 16 are held out, whatever the corpus."""
    return hashlib.sha1(page_id.encode("utf-8")).hexdigest()[0] in "01234"


def shingles(text: str, n: int = 4) -> Counter:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def tp_fp_fn(truth: str, pred: str) -> tuple[float, float, float]:
    t, p = shingles(truth), shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def metrics(rows: list[tuple[float, float, float]]) -> dict:
    def precision(tp, fp, fn):
        return 1.0 if fp == fn == 0 else 0.0 if tp == fp == 0 else tp / (tp + fp)

    def recall(tp, fp, fn):
        return 1.0 if fp == fn == 0 else 0.0 if tp == fn == 0 else tp / (tp + fn)

    ps = [precision(*r) for r in rows if r[0] + r[1] > 0]
    rs = [recall(*r) for r in rows if r[0] + r[2] > 0]
    p = statistics.mean(ps) if ps else 0.0
    r = statistics.mean(rs) if rs else 0.0
    return {"f1": 2 * p * r / (p + r) if p + r else 0.0, "precision": p, "recall": r,
            "exact": sum(1 for row in rows if row[1] == row[2] == 0) / len(rows)}


def page_f1(row) -> float:
    tp, fp, fn = row
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


# --- corpora ------------------------------------------------------------------------------------------


@dataclass
class Page:
    id: str
    path: Path
    truth: str
    html: str = ""


def load_corpus(name: str, shared: Path, limit: int) -> list[Page] | None:
    base = shared / "corpus" / name
    truth_file = base / "ground-truth.json"
    if not truth_file.exists():
        return None
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(truth)[: limit or None]:
        path = base / "html" / f"{page_id}.html" if name == "aeb" else base / "pages" / page_id / "source.html"
        pages.append(Page(page_id, path, truth[page_id].get("articleBody") or ""))
    for page in pages:
        page.html = read_article(page.path).text
    return pages


# --- methods ------------------------------------------------------------------------------------------


def readability_alone(page: Page) -> str:
    try:
        fragment = parse_fragment(Document(page.html).summary(html_partial=True))
    except Exception:  # readability's own failures count as an empty result
        return ""
    return "\n\n".join(b.text for b in blocks_from_tree(fragment)) if fragment is not None else ""


def ours(page: Page, analyse: bool = True) -> str:
    try:
        return load_article(page.path, analyse=analyse).text
    except ArticleError:
        return ""


def _trafilatura() -> Callable[[Page], str] | None:
    try:
        import trafilatura
    except ImportError:
        return None
    return lambda page: trafilatura.extract(page.html, include_comments=False, include_tables=True) or ""


# --- report -------------------------------------------------------------------------------------------


def report(corpus: str, pages: list[Page], texts: dict[str, dict[str, str]]) -> dict:
    """Prints one table per part; returns {method: {part: f1}}."""
    parts = {"dev": [p for p in pages if not held_out(p.id)], "held-out": [p for p in pages if held_out(p.id)],
             "all": pages}
    summary: dict[str, dict[str, float]] = {}
    print(f"\n{corpus}: {len(pages)} pages ({len(parts['dev'])} dev, {len(parts['held-out'])} held out)")
    print(f"{'':14}{'':18}{'F1':>7}{'prec':>7}{'recall':>7}{'exact':>7}{'empty':>7}{'short':>7}")
    for part, members in parts.items():
        if not members:
            continue
        for method, by_id in texts.items():
            rows = [tp_fp_fn(p.truth, by_id[p.id]) for p in members]
            m = metrics(rows)
            empty = sum(1 for p in members if p.truth.strip() and not by_id[p.id].strip())
            short = sum(1 for p in members if 0 < len(by_id[p.id].split()) < 0.25 * len(p.truth.split()))
            summary.setdefault(method, {})[part] = m["f1"]
            print(f"{part:14}{method:18}{m['f1']:7.3f}{m['precision']:7.3f}{m['recall']:7.3f}{m['exact']:7.3f}"
                  f"{empty:7d}{short:7d}")
    return summary


def diff_lines(truth: str, pred: str, limit: int = 6) -> tuple[list[str], list[str]]:
    """Sentences of the truth missing from the prediction, and extra lines of the prediction."""
    norm = lambda s: " ".join(_TOKEN.findall(s)).lower()  # noqa: E731
    pred_norm, truth_norm = norm(pred), norm(truth)
    missing = [line for line in truth.split("\n") if line.strip() and norm(line) not in pred_norm]
    extra = [line for line in pred.split("\n") if line.strip() and norm(line) not in truth_norm]
    return missing[:limit], extra[:limit]


def worst(pages: list[Page], texts: dict[str, dict[str, str]], n: int) -> None:
    dev = [p for p in pages if not held_out(p.id)]
    f1 = {p.id: page_f1(tp_fp_fn(p.truth, texts["tui-reader"][p.id])) for p in dev}
    reference = texts.get("readability-lxml", {})
    base = {p.id: page_f1(tp_fp_fn(p.truth, reference[p.id])) if reference else 0.0 for p in dev}
    print(f"\nworst {n} dev pages by F1 (tui-reader):")
    for p in sorted(dev, key=lambda p: f1[p.id])[:n]:
        print(f"\n== {p.id[:40]} F1={f1[p.id]:.3f} (readability {base[p.id]:.3f})")
        missing, extra = diff_lines(p.truth, texts["tui-reader"][p.id])
        for line in missing:
            print(f"  - {line[:150]}")
        for line in extra:
            print(f"  + {line[:150]}")


def timings(pages: list[Page], methods: dict[str, Callable[[Page], str]], runs: int) -> dict[str, list[float]]:
    """Per page, the median of `runs` interleaved runs of each method."""
    samples: dict[str, list[list[float]]] = {name: [[] for _ in pages] for name in methods}
    for k, page in enumerate(pages):
        for _ in range(runs):
            for name, fn in methods.items():
                start = time.perf_counter()
                fn(page)
                samples[name][k].append(time.perf_counter() - start)
    return {name: [statistics.median(r) for r in per_page] for name, per_page in samples.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", choices=("aeb", "readability", "all"), default="all")
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--runs", type=int, default=3, help="timed passes over each page (median)")
    parser.add_argument("--no-time", action="store_true", help="quality only")
    parser.add_argument("--worst", type=int, default=0, help="print the N dev pages with the lowest F1, with a diff")
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages of each corpus")
    parser.add_argument("--profile", type=int, default=0, help="after timing, the N functions with most cumulative time")
    parser.add_argument("--dev", action="store_true",
                        help="while tuning: dev pages only, tui-reader only, no timing")
    args = parser.parse_args()

    names = ("aeb", "readability") if args.corpus == "all" else (args.corpus,)
    methods: dict[str, Callable[[Page], str]] = {"readability-lxml": readability_alone, "tui-reader": ours}
    traf = _trafilatura()
    if traf is not None:
        methods["trafilatura"] = traf
    all_pages: list[Page] = []
    for name in names:
        pages = load_corpus(name, Path(args.shared), args.limit)
        if pages is None:
            print(f"skipped {name}: no corpus under {args.shared}/corpus/{name}")
            continue
        if args.dev:
            pages = [p for p in pages if not held_out(p.id)]
            methods = {"tui-reader": ours}
        texts = {method: {p.id: fn(p) for p in pages} for method, fn in methods.items()}
        report(name, pages, texts)
        if args.worst:
            worst(pages, texts, args.worst)
        all_pages += pages

    if args.no_time or args.dev or not all_pages:
        return 0
    timed = {"readability-lxml": readability_alone, "tui-reader": ours,
             "no-analysis": lambda p: ours(p, analyse=False)}
    if traf is not None:
        timed["trafilatura"] = traf
    t = timings(all_pages, timed, args.runs)
    base = t["readability-lxml"]
    print(f"\ntime per page, {len(all_pages)} pages, median of {args.runs} interleaved runs, "
          f"as a ratio to readability-lxml alone ({1000 * statistics.mean(base):.1f} ms/page mean):")
    for name, times in t.items():
        if name == "readability-lxml":
            continue
        ratios = [o / b for o, b in zip(times, base)]
        print(f"  {name:18} total {sum(times) / sum(base):.2f}x, median page {statistics.median(ratios):.2f}x "
              f"({1000 * statistics.mean(times):.1f} ms/page mean)")
    analysis = statistics.median(o / p - 1 for o, p in zip(t["tui-reader"], t["no-analysis"]))
    print(f"  quotes + headlines cost on the median page: +{100 * analysis:.0f}% of load_article without them")
    stage_shares(all_pages)
    if args.profile:
        profile(all_pages, args.profile)
    return 0


# --- where the time goes ------------------------------------------------------------------------------

# Stage: (module, attribute) pairs whose calls are that stage's time. Who owns it, for routing work.
STAGES = {
    "decode": [("tui_reader.core.loader", "read_article")],
    "slim+parse": [("tui_reader.core.extract.html_body", "slim_html"),
                   ("tui_reader.core.extract.html_body", "parse_document")],
    "readability": [("tui_reader.core.extract.html_body", "_readability")],
    "our cleaning": [("tui_reader.core.extract.html_body", "extract_body")],  # copies, pre/post cleaning
    "blocks": [("tui_reader.core.extract.html_body", "Body.blocks")],
    "metadata": [("tui_reader.core.extract.html_meta", "html_metadata"),
                 ("tui_reader.core.extract.html_meta", "page_address"),
                 ("tui_reader.core.loader", "take_byline"), ("tui_reader.core.loader", "guess_language")],
    "htmldate": [("tui_reader.core.extract.html_meta", "page_date")],
    "quotes": [("tui_reader.core.loader", "find_quotes")],
    "speakers": [("tui_reader.core.attribution.quotes", "Attributor")],
    "headlines": [("tui_reader.core.attribution.headlines", "find_html_headlines")],
}


class _StageClock:
    """Wall-clock time per stage, each call's own time only (a nested stage's time is its own)."""

    def __init__(self) -> None:
        self.own: Counter = Counter()
        self.stack: list[list] = []  # [stage, start, time spent in nested stages]

    def wrap(self, stage: str, fn):
        def timed(*args, **kwargs):
            self.stack.append([stage, time.perf_counter(), 0.0])
            try:
                return fn(*args, **kwargs)
            finally:
                name, start, nested = self.stack.pop()
                spent = time.perf_counter() - start
                self.own[name] += spent - nested
                if self.stack:
                    self.stack[-1][2] += spent
        return timed


def _patch(clock: _StageClock) -> list[tuple[object, str, object]]:
    import importlib

    undo = []
    for stage, targets in STAGES.items():
        for module_name, path in targets:
            owner = importlib.import_module(module_name)
            *outer, attr = path.split(".")
            for name in outer:
                owner = getattr(owner, name)
            original = getattr(owner, attr)
            if isinstance(original, type):  # a class: every method of it
                for name, member in list(vars(original).items()):
                    if callable(member) and not isinstance(member, type):
                        undo.append((original, name, member))
                        setattr(original, name, clock.wrap(stage, member))
                continue
            undo.append((owner, attr, original))
            setattr(owner, attr, clock.wrap(stage, original))
    return undo


def stage_shares(pages: list[Page]) -> None:
    clock = _StageClock()
    undo = _patch(clock)
    try:
        start = time.perf_counter()
        for page in pages:
            ours(page)
        total = time.perf_counter() - start
    finally:
        for owner, attr, original in reversed(undo):
            setattr(owner, attr, original)
    clock.own["other"] = total - sum(clock.own.values())
    print(f"\nshare of load_article's time by stage ({len(pages)} pages, one pass, {1000 * total / len(pages):.1f} ms/page):")
    for stage in (*STAGES, "other"):
        print(f"  {stage:14} {100 * clock.own[stage] / total:5.1f}%  {1000 * clock.own[stage] / len(pages):6.1f} ms/page")


def profile(pages: list[Page], n: int) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    for page in pages:
        ours(page)
    profiler.disable()
    print(f"\ncProfile of load_article, {len(pages)} pages, top {n} by cumulative time:")
    pstats.Stats(profiler, stream=sys.stdout).sort_stats("cumulative").print_stats(n)


if __name__ == "__main__":
    raise SystemExit(main())
