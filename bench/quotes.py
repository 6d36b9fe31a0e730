"""Quote and headline figures of `load_article` against the hand-labelled development set.

Usage: python bench/quotes.py [LABELS.json] [--verbose] [--detail] [--timing [--runs N]]

Labels default to bench/quotes_dev.json. For an "aeb" article the page is
../shared/corpus/aeb/html/<id>.html; for "seed"/"articles" entries, its `path` in the repo.
Each page goes through `load_article`; predicted quotes become spans in `article.text`
(blocks joined with "\\n\\n"), and each label becomes a span by locating its parts in that text
(whitespace, quote and apostrophe styles normalized). A label whose parts cannot be found is
counted as missed and reported (the body extraction lost it).

Quotes: a prediction matches a label when their spans overlap by at least half of the shorter
(one-to-one, best overlaps first). Speaker accuracy over matched quotes: same person when equal
ignoring case, or one name's tokens end the other's ("Stoltenberg" ~ "Jens Stoltenberg");
None vs a name is wrong, None vs None is right.
Headlines: predicted `article.headlines` against the labels, matched by normalized text and, when
the label has a URL, by URL too (scheme, "www.", fragment and trailing slash ignored).

--verbose prints one row per article; --detail also lists misses, false alarms and wrong
speakers; --timing reports, over every page of the corpus, what find_quotes adds to load_article
(find_quotes time / time of load_article(analyse=False), median page; each time the median of
--runs runs).
Where ../shared is absent, the corpus articles are skipped with a message.
"""

from __future__ import annotations

import json
import re
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tui_reader.core import ArticleError, load_article  # noqa: E402
from tui_reader.core.attribution.quotes import find_quotes  # noqa: E402

SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus" / "aeb"
_FOLD = str.maketrans({"’": "'", "‘": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"',
                       "«": '"', "»": '"', "\u00ad": None, "\u200b": None, "\ufeff": None})


def normalized(text: str) -> tuple[str, list[int]]:
    """Whitespace collapsed, quote styles folded; with the original index of each kept character."""
    out: list[str] = []
    where: list[int] = []
    space = False
    for i, ch in enumerate(text):
        ch = ch.translate(_FOLD)
        if not ch:
            continue
        if ch.isspace():
            space = True
            continue
        if space and out:
            out.append(" ")
            where.append(i)
        space = False
        out.append(ch)
        where.append(i)
    return "".join(out), where


def locate(label: dict, norm: str, where: list[int], hint: int) -> tuple[int, int, int] | None:
    """(start, end) of a labelled quote's parts in the original text, and the next search hint."""
    pos = hint
    start = end = None
    for part in label["parts"]:
        needle, _ = normalized(part)
        if not needle:
            continue
        k = norm.find(needle, pos)
        if k < 0 and start is None:
            k = norm.find(needle)
        if k < 0:
            return None
        if start is None:
            start = where[k]
        end = where[k + len(needle) - 1] + 1
        pos = k + len(needle)
    if start is None:
        return None
    return start, end, pos


def quote_spans(article) -> list[tuple[int, int]]:
    offsets: dict[tuple[int, int], int] = {}
    off = 0
    for si, sec in enumerate(article.sections):
        for bi, blk in enumerate(sec.blocks):
            offsets[(si, bi)] = off
            off += len(blk.text) + 2
    spans = []
    for q in article.quotes:
        end_block = q.end_block if q.end_block is not None else q.block
        spans.append((offsets[(q.section, q.block)] + q.start, offsets[(q.section, end_block)] + q.end))
    return spans


def overlap_ok(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    shorter = min(a[1] - a[0], b[1] - b[0])
    return inter / shorter if shorter > 0 and inter > 0 else 0.0


def match(gold: list[tuple[int, int]], pred: list[tuple[int, int]]) -> list[tuple[int, int]]:
    pairs = sorted(
        ((overlap_ok(g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred)), reverse=True
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for ratio, gi, pi in pairs:
        if ratio < 0.5:
            break
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    return out


def _name_tokens(name: str) -> list[str]:
    return re.findall(r"\w+", name.casefold())


def same_speaker(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    ta, tb = _name_tokens(a), _name_tokens(b)
    if not ta or not tb:
        return ta == tb
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    return long_[-len(short):] == short


def _headline_text(s: str) -> str:
    return " ".join(s.translate(_FOLD).casefold().split())


def _url_key(url: str | None) -> str | None:
    if not url:
        return None
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}" + (f"?{parts.query}" if parts.query else "")


def headline_matches(gold: list[dict], pred) -> int:
    used: set[int] = set()
    hits = 0
    for g in gold:
        gt, gu = _headline_text(g["text"]), _url_key(g.get("url"))
        for k, h in enumerate(pred):
            if k in used or _headline_text(h.text) != gt:
                continue
            if gu is not None and _url_key(h.url) != gu:
                continue
            used.add(k)
            hits += 1
            break
    return hits


def page_of(art: dict) -> Path | None:
    if art.get("source") == "aeb":
        return CORPUS / "html" / f"{art['id']}.html"
    path = art.get("path")
    return REPO / path if path else None


def main(argv: list[str]) -> int:
    verbose = "--verbose" in argv or "--detail" in argv
    detail = "--detail" in argv
    timing = "--timing" in argv
    runs = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else 3
    files = [a for a in argv if a.endswith(".json")]
    labels_path = Path(files[0]) if files else REPO / "bench" / "quotes_dev.json"
    if not labels_path.exists():
        print(f"{labels_path}: no labelled set; nothing to measure")
        return 0
    articles = json.loads(labels_path.read_text())["articles"]
    if not CORPUS.exists():
        print(f"{CORPUS} is absent: corpus articles skipped")
        articles = [a for a in articles if a.get("source") != "aeb"]
    tp = n_pred = n_gold = unfound = 0
    sp_right = 0
    h_tp = h_pred = h_gold = 0
    ratios: list[float] = []
    for art in articles:
        page = page_of(art)
        if page is None or not page.exists():
            print(f"{art['id']}: page not found, skipped")
            continue
        try:
            article = load_article(str(page))
        except ArticleError as exc:
            print(f"{art['id']}: {exc.reason}, skipped")
            continue
        text = article.text
        norm, where = normalized(text)
        gold: list[tuple[int, int]] = []
        gold_labels = []
        hint = 0
        missing = []
        for lab in art.get("quotes", []):
            loc = locate(lab, norm, where, hint)
            if loc is None:
                missing.append(lab)
                continue
            gold.append(loc[:2])
            gold_labels.append(lab)
            hint = loc[2]
        pred = quote_spans(article)
        pairs = match(gold, pred)
        right = sum(same_speaker(gold_labels[g]["speaker"], article.quotes[p].speaker) for g, p in pairs)
        tp += len(pairs)
        n_pred += len(pred)
        n_gold += len(gold) + len(missing)
        unfound += len(missing)
        sp_right += right
        hl = art.get("headlines", [])
        hits = headline_matches(hl, article.headlines)
        h_tp += hits
        h_pred += len(article.headlines)
        h_gold += len(hl)
        if verbose:
            print(
                f"{art['id'][:16]:16}  quotes gold {len(gold) + len(missing):2} (unfound {len(missing)})"
                f"  pred {len(pred):2}  match {len(pairs):2}  speaker {right}/{len(pairs)}"
                f"  headlines gold {len(hl):2} pred {len(article.headlines):2} match {hits:2}"
            )
        if detail:
            mg = {g for g, _ in pairs}
            mp = {p for _, p in pairs}
            for lab in missing:
                print(f"    UNFOUND  {lab['parts'][0][:90]!r}")
            for gi, lab in enumerate(gold_labels):
                if gi not in mg:
                    print(f"    MISSED   [{lab['speaker']}] {lab['parts'][0][:90]!r}")
            for pi, q in enumerate(article.quotes):
                if pi not in mp:
                    print(f"    FALSE    [{q.speaker}|{q.cue}] {q.text[:90]!r}")
            for g, p in pairs:
                if not same_speaker(gold_labels[g]["speaker"], article.quotes[p].speaker):
                    q = article.quotes[p]
                    print(f"    SPEAKER  gold {gold_labels[g]['speaker']!r} got {q.speaker!r} ({q.cue}) {q.text[:60]!r}")
    precision = tp / n_pred if n_pred else 1.0
    recall = tp / n_gold if n_gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"articles {len(articles)}  labelled quotes {n_gold}  predicted {n_pred}  matched {tp}"
          f"  (labels not found in the extracted text: {unfound})")
    print(f"quotes    precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}")
    print(f"speakers  accuracy {sp_right / tp if tp else 0:.3f}  ({sp_right}/{tp} matched quotes)")
    hp = h_tp / h_pred if h_pred else 1.0
    hr = h_tp / h_gold if h_gold else 1.0
    print(f"headlines precision {hp:.3f}  recall {hr:.3f}  ({h_tp} matched, {h_pred} predicted, {h_gold} labelled)")
    if timing:
        pages = sorted((CORPUS / "html").glob("*.html")) if CORPUS.exists() else []
        pages = pages or [p for p in (page_of(a) for a in articles) if p is not None and p.exists()]
        for page in pages:
            try:
                ratios.append(_timing(page, runs))
            except ArticleError:
                continue
        if ratios:
            print(f"find_quotes adds to load_article: median page {statistics.median(ratios):.1%}"
                  f"  (max {max(ratios):.1%}, {len(ratios)} pages, median of {runs} runs each)")
    return 0


def _timing(page: Path, runs: int) -> float:
    """find_quotes time over the time of load_article without analysis (quotes and headlines),
    for one page (medians of `runs`)."""
    loads, finds = [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        article = load_article(str(page), analyse=False)
        t1 = time.perf_counter()
        find_quotes(article.sections)
        t2 = time.perf_counter()
        loads.append(t1 - t0)
        finds.append(t2 - t1)
    return statistics.median(finds) / max(statistics.median(loads), 1e-9)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
