"""Headline precision and recall of `find_html_headlines` against hand labels, and its time per page.

Usage: python bench/headlines_check.py [LABELS.json ...] [--verbose] [--runs N]
Labels default to bench/quotes_dev.json, then bench/quotes_holdout.json scored on its own (one entry
per id, the last file wins); pages come from ../shared/corpus/aeb/html and, for samples, articles/.
A prediction matches a label when their URLs name the same page (scheme, "www.", fragment and
trailing slash ignored: the bench's own rule, not the code under test's). The timing covers every page of the corpus: headline finding versus
`lxml.html.document_fromstring` of the same page (median of runs, summed over pages).
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

import lxml.html

from tui_reader.core.attribution.headlines import find_html_headlines
from tui_reader.core.urls import page_key

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "aeb"


def page_title(root) -> str | None:
    for meta in root.iter("meta"):
        if meta.get("property") == "og:title" and meta.get("content"):
            return meta.get("content")
    return root.findtext(".//title")


def page_url(root) -> str | None:
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").split() and link.get("href"):
            return link.get("href")
    return None


def labelled_pages(label_files: list[Path]):
    """(label entry, page path, page URL or None) for every labelled HTML page that exists."""
    truth = json.loads((CORPUS / "ground-truth.json").read_text())
    entries = {}
    for path in label_files:
        for art in json.loads(path.read_text()).get("articles", []):
            entries[art["id"]] = art
    for art in entries.values():
        if art.get("source") == "aeb":
            page = CORPUS / "html" / f"{art['id']}.html"
        else:
            page = REPO / "articles" / art["id"]
        if page.suffix == ".html" and page.exists() and "headlines" in art:
            yield art, page, art.get("url") or truth.get(art["id"], {}).get("url")


def score(label_files: list[Path], verbose: bool, name: str = "headlines") -> None:
    tp = n_pred = n_gold = pages = 0
    for art, page, url in labelled_pages(label_files):
        root = lxml.html.document_fromstring(page.read_bytes())
        url = url or page_url(root)
        found = find_html_headlines(root, url, (), page_title(root))
        pred = {page_key(h.url): h.text for h in found}
        gold = {page_key(h["url"]): h["text"] for h in art["headlines"] if h.get("url")}
        hits = pred.keys() & gold.keys()
        tp, n_pred, n_gold, pages = tp + len(hits), n_pred + len(pred), n_gold + len(gold), pages + 1
        if verbose and (pred.keys() ^ gold.keys()):
            print(f"== {art['id'][:12]} {url}")
            for k in pred.keys() - gold.keys():
                print(f"  FP {pred[k]!r} {k}")
            for k in gold.keys() - pred.keys():
                print(f"  FN {gold[k]!r} {k}")
    if not pages:
        print(f"{name}: no page there has headline labels")
        return
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    print(f"{name}: {pages} pages, {n_gold} labelled, {n_pred} found, precision {p:.3f}, recall {r:.3f}")


def timing(runs: int) -> None:
    truth = json.loads((CORPUS / "ground-truth.json").read_text())
    parse_total = find_total = 0.0
    for page in sorted((CORPUS / "html").glob("*.html")):
        html = page.read_bytes()
        url = truth.get(page.stem, {}).get("url")
        parse, find = [], []
        for _ in range(runs):
            t0 = time.perf_counter()
            root = lxml.html.document_fromstring(html)
            t1 = time.perf_counter()
            title = page_title(root)  # the loader has it already: not timed
            t2 = time.perf_counter()
            find_html_headlines(root, url, (), title)
            find.append(time.perf_counter() - t2)
            parse.append(t1 - t0)
        parse_total += statistics.median(parse)
        find_total += statistics.median(find)
    n = len(list((CORPUS / "html").glob("*.html")))
    print(
        f"time per page over {n} pages: parse {1000 * parse_total / n:.2f} ms, "
        f"headlines {1000 * find_total / n:.2f} ms ({find_total / parse_total:.0%} of parse)"
    )


def main(argv: list[str]) -> int:
    if not CORPUS.exists():
        print(f"corpus not found: {CORPUS}", file=sys.stderr)
        return 1
    verbose = "--verbose" in argv
    runs = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else 5
    files = [Path(a) for a in argv if a.endswith(".json")]
    if files:
        score(files, verbose)
    else:
        score([REPO / "bench" / "quotes_dev.json"], verbose, "headlines, dev labels")
        score([REPO / "bench" / "quotes_holdout.json"], verbose, "headlines, held-out labels")
    timing(runs)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
