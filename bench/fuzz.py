#!/usr/bin/env python3
"""The long fault campaign: mutated pages through `load_article`, and how time grows with size.

    python bench/fuzz.py [--cases 10000] [--seed 15] [--hang 60] [--cli-every 10] [--scaling]

Campaign: `--cases` mutated files made from the pages in ../shared and the project's samples
(tests/fuzz_support.py: truncations, cuts, repeats, junk bytes and escape sequences, markup and
malformed URLs, deep nesting, byte flips, splices, other encodings, other file suffixes), each
loaded in a worker process that is replaced if it gives no answer within --hang seconds. Prints
counts by outcome (article, empty, refused, crash:<type>, hang), every crash grouped by where it
happened, the time per case (median, 99th percentile, max, cases over 5 s, the slowest), the
worker's peak memory and the cases that raised it most, files written beside the case (must be
none), seed files changed (must be none), and for every --cli-every'th case the characters that
could drive a terminal in what `extract --format markdown` and `cite --style bibtex` printed.

Scaling (--scaling, or --scaling-only): generated inputs built to find superlinear paths (repeated
Markdown link openings, brackets, emphasis, quotes, nesting, links, white space, CJK text,
unclosed scripts) loaded at two sizes 4x apart; the ratio of times should stay near 4 (linear).
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.fuzz_support import Runner, cases, seed_files  # noqa: E402

SLOW_SECONDS = 5.0

SCALING = {
    "md: '[a](' repeated": (".md", lambda n: "# T\n\n" + "[a](" * (n // 4)),
    "md: '[' repeated": (".md", lambda n: "# T\n\n" + "[" * n),
    "md: '[a][' repeated": (".md", lambda n: "# T\n\n" + "[a][" * (n // 4)),
    "md: '*a ' repeated": (".md", lambda n: "# T\n\n" + "*a " * (n // 3)),
    "md: nested '*'": (".md", lambda n: "# T\n\n" + "*" * (n // 2) + "a" + "*" * (n // 2)),
    "md: list items": (".md", lambda n: "# T\n\n" + "- item of a list\n" * (n // 17)),
    "md: paragraphs with links": (".md", lambda n: "# T\n\n" + "Text [a link of words](/a/b-c-d) more.\n\n" * (n // 40)),
    "text: paragraphs": (".txt", lambda n: "Title\n\n" + "A line of text, and more words here.\n\n" * (n // 38)),
    "text: quotes in one paragraph": (".txt", lambda n: "Title\n\n" + '"A few words," he said. ' * (n // 24)),
    "text: open quotes": (".txt", lambda n: "Title\n\n" + "“a " * (n // 3)),
    "text: names": (".txt", lambda n: "Title\n\n" + "John Smith said that Mary Jones told him. " * (n // 42)),
    "text: one long line": (".txt", lambda n: "Title\n\n" + "word " * (n // 5)),
    "html: paragraphs": (".html", lambda n: "<html><body><article>" + "<p>Some words of text, and more.</p>" * (n // 36) + "</article></body></html>"),
    "html: quotes": (".html", lambda n: "<html><body><article>" + "<p>“A few words,” she said.</p>" * (n // 32) + "</article></body></html>"),
    "html: links": (".html", lambda n: "<html><body><article><p>" + '<a href="/a/b-c-d-e">A headline of several words</a> ' * (n // 56) + "</p></article></body></html>"),
    "html: nested divs": (".html", lambda n: "<html><body>" + "<div><p>Words of text here.</p>" * (n // 32) + "</body></html>"),
    "html: table cells": (".html", lambda n: "<html><body><table>" + "<tr><td>cell text</td></tr>" * (n // 27) + "</table></body></html>"),
    "html: white space runs": (".html", lambda n: "<html><body><article>" + ("<p>word" + " " * 200 + "word</p>") * (n // 212) + "</article></body></html>"),
    "html: unclosed scripts": (".html", lambda n: "<html><body><p>Text.</p>" + "<script>x" * (n // 9)),
    "html: unclosed comments": (".html", lambda n: "<html><body><p>Text.</p>" + "<!--x" * (n // 5)),
    "html: CJK text": (".html", lambda n: "<html><body><article><p>" + "日本語の文章です。" * (n // 9) + "</p></article></body></html>"),
}


def campaign(args) -> None:
    shared = ROOT.parent / "shared"
    if not (shared / "corpus").is_dir():
        print(f"{shared}/corpus is not here: no campaign")
        return
    seeds = seed_files(shared, ROOT)
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in seeds}
    runner = Runner(hang_seconds=args.hang)
    outcomes: Counter = Counter()
    crashes: dict[tuple[str, str], list] = defaultdict(list)
    refusals: Counter = Counter()
    times, slow, memory, wrote, escapes = [], [], [], [], []
    sizes = []
    started = time.perf_counter()
    try:
        for case in cases(seeds, args.cases, master_seed=args.seed):
            result = runner.run(case, check_cli=args.cli_every > 0 and case.n % args.cli_every == 0)
            outcomes[result.outcome] += 1
            sizes.append(len(case.data))
            times.append(result.seconds)
            memory.append((result.grew_kb, case))
            if result.outcome.startswith(("crash", "hang")):
                where = result.detail.rsplit(" at ", 1)[-1] if result.outcome != "hang" else ""
                crashes[(result.outcome, where)].append((case, result.detail))
            elif result.outcome == "refused":
                refusals[result.detail.split(":")[0].split("(")[0].strip()[:60]] += 1
            if result.seconds > SLOW_SECONDS:
                slow.append((result.seconds, case))
            if result.wrote:
                wrote.append((case, result.wrote))
            if result.escapes:
                escapes.append((case, result.escapes))
            if args.progress and (case.n + 1) % args.progress == 0:
                print(f"  {case.n + 1} cases, {time.perf_counter() - started:.0f} s, {dict(outcomes)}", flush=True)
    finally:
        runner.close()
    changed = [p for p, digest in before.items() if hashlib.sha256(p.read_bytes()).hexdigest() != digest]
    total = len(times)
    print(f"\nCampaign: {total} cases (seed {args.seed}) from {len(seeds)} seed files, "
          f"{statistics.median(sizes) / 1024:.0f} KB median, {max(sizes) / 1024:.0f} KB largest; "
          f"{time.perf_counter() - started:.0f} s")
    print("Outcomes:")
    for outcome, count in outcomes.most_common():
        print(f"  {outcome:24} {count:6}  ({100 * count / total:.1f}%)")
    others = sum(c for o, c in outcomes.items() if o not in ("article", "empty", "refused"))
    print(f"Exceptions other than ArticleError, and hangs: {others}")
    for (outcome, where), items in sorted(crashes.items(), key=lambda kv: -len(kv[1])):
        case, detail = items[0]
        print(f"  {len(items):5} x {outcome} {where}: {detail[:160]}  (e.g. case {case.n}: {case.seed} {case.suffix} {case.ops})")
    print("Refusals (ArticleError) by reason:")
    for reason, count in refusals.most_common(8):
        print(f"  {count:6}  {reason}")
    ordered = sorted(times)
    print(f"Time per case: median {statistics.median(times) * 1000:.0f} ms, 99th percentile "
          f"{ordered[int(0.99 * (total - 1))]:.2f} s, max {ordered[-1]:.2f} s; over {SLOW_SECONDS:.0f} s: {len(slow)}")
    for seconds, case in sorted(slow, key=lambda s: -s[0])[:10]:
        print(f"  {seconds:6.1f} s  case {case.n}: {case.seed} {case.suffix} {len(case.data) / 1024:.0f} KB {case.ops}")
    slowest = sorted(zip(times, range(total)), reverse=True)[:5]
    print("Slowest cases: " + ", ".join(f"#{n} {t:.2f} s" for t, n in slowest))
    print(f"Peak memory of the worker: {runner.peak_kb / 1024:.0f} MB; the cases that raised it most:")
    for grew, case in sorted(memory, key=lambda m: -m[0])[:5]:
        if grew > 0:
            print(f"  +{grew / 1024:6.0f} MB  case {case.n}: {case.seed} {case.suffix} {len(case.data) / 1024:.0f} KB {case.ops}")
    checked = len(range(0, total, args.cli_every)) if args.cli_every > 0 else 0
    print(f"Raw escapes printed by extract/cite ({checked} cases checked): {sum(e for _c, e in escapes)}"
          + (f" in {len(escapes)} cases, e.g. case {escapes[0][0].n}" if escapes else ""))
    print(f"Files written beside a case: {len(wrote)}" + (f" (e.g. case {wrote[0][0].n}: {wrote[0][1]})" if wrote else ""))
    print(f"Seed files changed: {len(changed)}" + (f" ({changed[:3]})" if changed else ""))


def scaling(args) -> None:
    import tempfile

    from tui_reader.core import ArticleError, load_article

    small, large = args.scale_bytes, 4 * args.scale_bytes
    print(f"\nScaling: time at {small // 1000} KB and {large // 1000} KB (median of {args.runs}); "
          "the ratio is 4 when time grows linearly")
    with tempfile.TemporaryDirectory() as folder:
        for name, (suffix, make) in SCALING.items():
            row = []
            for size in (small, large):
                path = Path(folder) / f"input{suffix}"
                path.write_text(make(size), encoding="utf-8")
                runs = []
                for _ in range(args.runs):
                    started = time.perf_counter()
                    try:
                        load_article(path)
                    except ArticleError:
                        pass
                    runs.append(time.perf_counter() - started)
                row.append(statistics.median(runs))
            ratio = row[1] / max(row[0], 1e-4)
            flag = "  <- superlinear" if ratio > 6 and row[1] > 0.2 else ""
            print(f"  {name:32} {row[0]:7.3f} s {row[1]:7.3f} s  x{ratio:5.1f}{flag}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=15, help="master seed: the same seed gives the same cases")
    parser.add_argument("--hang", type=float, default=60.0, help="seconds without an answer that count as a hang")
    parser.add_argument("--cli-every", type=int, default=10, help="check the commands' output on every Nth case (0: never)")
    parser.add_argument("--progress", type=int, default=500, help="print a line every N cases (0: never)")
    parser.add_argument("--scaling", action="store_true", help="also measure how time grows with size")
    parser.add_argument("--scaling-only", action="store_true")
    parser.add_argument("--scale-bytes", type=int, default=250_000, help="the smaller size of the scaling inputs")
    parser.add_argument("--runs", type=int, default=3, help="runs per size in the scaling part (the median is kept)")
    args = parser.parse_args()
    if not args.scaling_only:
        campaign(args)
    if args.scaling or args.scaling_only:
        scaling(args)


if __name__ == "__main__":
    main()
