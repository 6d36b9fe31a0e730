#!/usr/bin/env python3
"""Body extraction on the article-extraction-benchmark corpus: quality and speed, in one run.

    python bench/extraction.py [CORPUS_DIR] [--runs 3] [--worst N] [--limit N]

CORPUS_DIR (default ../shared/corpus/aeb) holds html/<id>.html and ground-truth.json. Prints, for
tui-reader's `load_article` and for readability-lxml alone (`Document(html).summary(html_partial=True)`
turned into text), the benchmark's metric: precision, recall and F1 of 4-word shingles, macro over
pages (as the benchmark's evaluate.py computes them), exact matches, empty and very short results,
and time per page (median of --runs passes, as a ratio to readability alone). Also the cost of
quotes and headlines: load_article against load_article without that analysis, on the median page.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from readability import Document  # noqa: E402

from tui_reader.core import ArticleError, load_article  # noqa: E402
from tui_reader.core.extract.decode import read_article  # noqa: E402
from tui_reader.core.extract.html_blocks import blocks_from_tree, parse_fragment  # noqa: E402

_TOKEN = re.compile(r"\w+")


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

    p = statistics.mean(precision(*r) for r in rows if r[0] + r[1] > 0)
    r = statistics.mean(recall(*r) for r in rows if r[0] + r[2] > 0)
    return {"f1": 2 * p * r / (p + r), "precision": p, "recall": r,
            "exact": sum(1 for row in rows if row[1] == row[2] == 0) / len(rows)}


def readability_alone(html: str) -> str:
    fragment = parse_fragment(Document(html).summary(html_partial=True))
    return "\n\n".join(b.text for b in blocks_from_tree(fragment)) if fragment is not None else ""


def ours(path: Path, analyse: bool = True) -> str:
    try:
        return load_article(path, analyse=analyse).text
    except ArticleError:
        return ""


def page_f1(row) -> float:
    tp, fp, fn = row
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def diff_lines(truth: str, pred: str, limit: int = 6) -> tuple[list[str], list[str]]:
    """Sentences of the truth missing from the prediction, and extra lines of the prediction."""
    norm = lambda s: " ".join(_TOKEN.findall(s)).lower()  # noqa: E731
    pred_norm, truth_norm = norm(pred), norm(truth)
    missing = [line for line in truth.split("\n") if line.strip() and norm(line) not in pred_norm]
    extra = [line for line in pred.split("\n") if line.strip() and norm(line) not in truth_norm]
    return missing[:limit], extra[:limit]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus" / "aeb"))
    parser.add_argument("--runs", type=int, default=3, help="timed passes over the corpus (median)")
    parser.add_argument("--worst", type=int, default=0, help="print the N pages with the lowest F1, with a diff")
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages (quick checks)")
    args = parser.parse_args()

    corpus = Path(args.corpus)
    truth_file = corpus / "ground-truth.json"
    if not truth_file.exists():
        print(f"skipped: no corpus at {corpus} (needs html/ and ground-truth.json)")
        return 0
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    ids = sorted(truth)[: args.limit or None]
    paths = {i: corpus / "html" / f"{i}.html" for i in ids}
    htmls = {i: read_article(paths[i]).text for i in ids}

    ours_text = {i: ours(paths[i]) for i in ids}
    base_text = {i: readability_alone(htmls[i]) for i in ids}

    # Interleaved page by page (each method in turn, --runs times), so every ratio compares timings
    # taken under the same machine load; the per-page figure is the median of its runs.
    methods = (("readability", lambda i: readability_alone(htmls[i])),
               ("ours", lambda i: ours(paths[i])),
               ("ours_no_analysis", lambda i: ours(paths[i], analyse=False)))
    samples: dict[str, list[list[float]]] = {name: [[] for _ in ids] for name, _ in methods}
    for k, i in enumerate(ids):
        for _ in range(args.runs):
            for name, fn in methods:
                start = time.perf_counter()
                fn(i)
                samples[name][k].append(time.perf_counter() - start)

    def per_page_median(name: str) -> list[float]:
        return [statistics.median(runs) for runs in samples[name]]

    t_base, t_ours, t_plain = (per_page_median(n) for n in ("readability", "ours", "ours_no_analysis"))
    rows_ours = {i: tp_fp_fn(truth[i]["articleBody"], ours_text[i]) for i in ids}
    rows_base = {i: tp_fp_fn(truth[i]["articleBody"], base_text[i]) for i in ids}

    print(f"corpus: {corpus} ({len(ids)} pages), timings: median of {args.runs} interleaved runs per page")
    print(f"{'':22}{'F1':>7}{'prec':>7}{'recall':>7}{'exact':>7}{'empty':>7}{'short':>7}{'ms/page':>9}")
    for name, rows, texts, times in (("readability-lxml", rows_base, base_text, t_base),
                                     ("tui-reader", rows_ours, ours_text, t_ours)):
        m = metrics(list(rows.values()))
        empty = sum(1 for i in ids if not texts[i].strip())
        short = sum(1 for i in ids if 0 < len(texts[i].split()) < 0.25 * len(truth[i]["articleBody"].split()))
        print(f"{name:22}{m['f1']:7.3f}{m['precision']:7.3f}{m['recall']:7.3f}{m['exact']:7.3f}"
              f"{empty:7d}{short:7d}{1000 * statistics.mean(times):9.1f}")
    ratio_total = sum(t_ours) / sum(t_base)
    ratio_median = statistics.median(o / b for o, b in zip(t_ours, t_base))
    print(f"time ratio tui-reader / readability-lxml: total {ratio_total:.2f}x, median page {ratio_median:.2f}x")
    analysis = statistics.median(o / p - 1 for o, p in zip(t_ours, t_plain))
    print(f"quotes + headlines cost on the median page: +{100 * analysis:.0f}% of load_article without them "
          f"(median page load {1000 * statistics.median(t_ours):.1f} ms vs {1000 * statistics.median(t_plain):.1f} ms)")

    if args.worst:
        print(f"\nworst {args.worst} pages by F1 (tui-reader):")
        for i in sorted(ids, key=lambda k: page_f1(rows_ours[k]))[: args.worst]:
            tp, fp, fn = rows_ours[i]
            print(f"\n== {i[:16]} F1={page_f1(rows_ours[i]):.3f} (readability {page_f1(rows_base[i]):.3f}) "
                  f"{truth[i].get('url', '')}")
            missing, extra = diff_lines(truth[i]["articleBody"], ours_text[i])
            for line in missing:
                print(f"  - {line[:150]}")
            for line in extra:
                print(f"  + {line[:150]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
