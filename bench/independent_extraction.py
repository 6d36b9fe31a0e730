#!/usr/bin/env python3
"""Body extraction on independent sets nobody tunes on: trafilatura's evaluation snippets, newspaper4k's pages.

    python bench/independent_extraction.py [--data DIR] [--detail]
    python bench/independent_extraction.py --newspaper4k [DIR]

The set is kept outside the repository (default /work/labels/indep/trafilatura, or $INDEP_EXTRACTION):
`eval.json` ({"pages": {file: {"url", "with": [...], "without": [...]}}}, taken from the EVAL_PAGES
of trafilatura's tests/evaldata.py) and `pages/<file>` (the matching saved pages of its tests/cache).
Scored as trafilatura's own evaluation does: a "with" snippet found in the extracted text is a true
positive, missing a false negative; a "without" snippet found is a false positive, missing a true
negative (whitespace runs are collapsed on both sides before looking). Printed: precision, recall, F1
and accuracy over all snippets, and the mean over pages of each page's accuracy, for tui-reader's
`load_article` (analyse=False) and for readability-lxml alone (bench/extraction.py's baseline).

Aggregates only by default; --detail adds one row per page. Never tune on this set: it exists to
check the development figures from outside. Where the data is absent the script says so and exits 0.

--newspaper4k scores instead the test pages of newspaper4k 0.9.6 (MIT; default directory
/work/labels/indep/newspaper4k, or $INDEP_NEWSPAPER4K): `html/<name>.html` and `ground-truth.json`
({name: {"articleBody", "url", "notes"}}, bodies checked by hand against each page, not newspaper's own output;
`metadata.json` gives each page's language). Same metric as bench/extraction.py (F1 of 4-word shingles, macro
over pages, its own functions imported): one row of page F1 per page, then macro figures for all pages and for
the pages whose language separates words by spaces (on Chinese, Japanese, Thai and Burmese a `\\w+` token runs
from one punctuation mark to the next, so their scores move in big steps).
"""

from __future__ import annotations

import json
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from extraction import Page, metrics, ours, page_f1, readability_alone, tp_fp_fn

from tui_reader.core.extract.decode import read_article

DEFAULT = Path(os.environ.get("INDEP_EXTRACTION", "/work/labels/indep/trafilatura"))
NEWSPAPER4K = Path(os.environ.get("INDEP_NEWSPAPER4K", "/work/labels/indep/newspaper4k"))
UNSPACED = {"zh", "ja", "th", "my", "lo", "km"}  # languages written without spaces between words
METHODS = {"tui-reader": ours, "readability-lxml": readability_alone}
_SPACE = re.compile(r"\s+")


@dataclass
class Score:
    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0

    def add(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.fn + other.fn, self.fp + other.fp, self.tn + other.tn)

    @property
    def accuracy(self) -> float:
        total = self.tp + self.fn + self.fp + self.tn
        return (self.tp + self.tn) / total if total else 1.0

    def line(self) -> str:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return (f"precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}  accuracy {self.accuracy:.3f}"
                f"  (tp {self.tp} fn {self.fn} fp {self.fp} tn {self.tn})")


def _flat(text: str) -> str:
    return _SPACE.sub(" ", text or "").strip()


def score(text: str, wanted: list[str], unwanted: list[str]) -> Score:
    flat = _flat(text)
    found = [_flat(s) in flat for s in wanted]
    leaked = [_flat(s) in flat for s in unwanted]
    return Score(tp=sum(found), fn=len(found) - sum(found), fp=sum(leaked), tn=len(leaked) - sum(leaked))


def newspaper4k(data: Path) -> int:
    truth_file = data / "ground-truth.json"
    if not truth_file.exists():
        print(f"{truth_file}: no newspaper4k gold here; nothing to measure")
        return 0
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    meta_file = data / "metadata.json"
    meta = json.loads(meta_file.read_text(encoding="utf-8"))["pages"] if meta_file.exists() else []
    language = {Path(p["path"]).stem: p.get("language") or "" for p in meta}
    rows: dict[str, dict[str, tuple[float, float, float]]] = {method: {} for method in METHODS}
    print(f"{'page':28}{'lang':>5}" + "".join(f"{method:>18}" for method in METHODS) + "   (page F1)")
    for name, item in sorted(truth.items()):
        path = data / "html" / f"{name}.html"
        if not path.exists():
            print(f"{name[:28]:28}  missing page {path}")
            continue
        page = Page(name, path, item.get("articleBody") or "", read_article(path).text)
        for method, run in METHODS.items():
            rows[method][name] = tp_fp_fn(page.truth, run(page))
        print(f"{name[:28]:28}{language.get(name, '?'):>5}"
              + "".join(f"{page_f1(rows[method][name]):18.3f}" for method in METHODS))
    names = list(rows["tui-reader"])
    parts = {"all": names, "spaced": [n for n in names if language.get(n) not in UNSPACED]}
    print(f"\nnewspaper4k gold: {len(names)} pages from {data}; macro over pages as bench/extraction.py")
    print(f"{'':22}{'':18}{'F1':>7}{'prec':>7}{'recall':>7}{'exact':>7}{'mean page F1':>14}")
    for part, members in parts.items():
        for method in METHODS:
            picked = [rows[method][n] for n in members]
            if not picked:
                continue
            m = metrics(picked)
            mean = sum(page_f1(r) for r in picked) / len(picked)
            print(f"{part + f' ({len(picked)} pages)':22}{method:18}{m['f1']:7.3f}{m['precision']:7.3f}"
                  f"{m['recall']:7.3f}{m['exact']:7.3f}{mean:14.3f}")
    return 0


def main(argv: list[str]) -> int:
    if "--newspaper4k" in argv:
        rest = argv[argv.index("--newspaper4k") + 1:]
        return newspaper4k(Path(rest[0]) if rest and not rest[0].startswith("--") else NEWSPAPER4K)
    data = Path(argv[argv.index("--data") + 1]) if "--data" in argv else DEFAULT
    detail = "--detail" in argv
    spec_file = data / "eval.json"
    if not spec_file.exists():
        print(f"{spec_file}: no independent extraction set here; nothing to measure")
        return 0
    spec = json.loads(spec_file.read_text(encoding="utf-8"))["pages"]
    methods = METHODS
    totals = {name: Score() for name in methods}
    page_acc: dict[str, list[float]] = {name: [] for name in methods}
    missing = 0
    for name, item in sorted(spec.items()):
        path = data / "pages" / name
        if not path.exists():
            missing += 1
            continue
        page = Page(name, path, "", read_article(path).text)
        row = []
        for method, run in methods.items():
            s = score(run(page), item.get("with", []), item.get("without", []))
            totals[method] = totals[method].add(s)
            page_acc[method].append(s.accuracy)
            row.append(f"{method} {s.tp}/{s.tp + s.fn} wanted, {s.fp}/{s.fp + s.tn} unwanted")
        if detail:
            print(f"{name[:48]:48}  " + "  |  ".join(row))
    pages = len(page_acc["tui-reader"])
    print(f"independent extraction set: {pages} pages ({missing} missing) from {data}")
    for method, total in totals.items():
        mean = sum(page_acc[method]) / pages if pages else 1.0
        print(f"  {method:17} {total.line()}  per-page accuracy {mean:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
