"""Quote, speaker and headline figures of `load_article` against the hand-labelled sets.

Usage: python bench/quotes.py [LABELS.json ...] [--verbose] [--detail] [--timing [--runs N]] [--no-parser]
       [--min-words N]
       python bench/quotes.py --scaling [--runs N]

Without a file: the development set bench/quotes_dev.json (tune on it), the held-out set
bench/quotes_holdout.json (never tune on it: run it only to report) and both together.
--verbose/--detail print per-article rows only for files named on the command line.

Pages: "aeb" entries are ../shared/corpus/aeb/html/<id>.html; "readability" entries
../shared/corpus/readability/pages/<id>/source.html; "seed"/"articles" entries their `path` in the
repo; "file" entries their absolute `path` (material kept outside the repo, e.g. /work/labels/polnear:
skipped with a note where it is absent). Each page goes through `load_article`; predicted quotes become spans in `article.text`
(blocks joined with "\\n\\n"), and each label becomes a span by locating its parts in that text
(whitespace, quote and apostrophe styles normalized). A label whose parts cannot be found is
counted as missed and reported (the body extraction lost it).

Quotes: a prediction matches a label when their spans overlap by at least half of the shorter
(one-to-one, best overlaps first). Over matched quotes:
  speaker accuracy    same person when equal ignoring case, or one name's tokens end the
                      other's ("Stoltenberg" ~ "Jens Stoltenberg"), or both start and end alike
                      and the shorter's tokens come in order in the longer ("Donald Trump" ~
                      "Donald J. Trump"); None vs None is right;
  named precision     of the quotes we give a name, the share whose name is right;
  coverage            of the quotes labelled with a name, the share we give a name;
  named accuracy      of the quotes labelled with a name, the share we give the right name.
Headlines (entries with a "headlines" key only): predicted `article.headlines` against the labels,
matched by normalized text and, when the label has a URL, by URL too.

With the optional parser installed (`pip install -e '.[nlp]'`), the figures are printed twice: the
rules alone, and the rules with the parser filling in speakers they left empty
(`fill_speakers`). --timing adds the time per article: `load_article` (rules), the parser's
share, and what find_quotes adds to load_article(analyse=False) over the aeb corpus (median page;
each time the median of --runs runs). Where ../shared is absent, the corpus articles are skipped.

--min-words N: only the labels of N words or more (the reader lists quotations of three words or more;
sets labelled with shorter attributed phrases, such as the PolNeAR sets, are reported both ways).

--scaling: find_quotes on generated paragraphs (runs of capitalized words, names chained by "of",
possessives, long sentences, dense names and quotations) of about 0.5 MB and 2 MB; the ratio of
the times should stay near 4 (linear). tests/test_quotes_scale.py asserts the same by counting work.
"""

from __future__ import annotations

import json
import re
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tui_reader.core import Article, ArticleError, Quote, load_article  # noqa: E402
from tui_reader.core.attribution.quotes import find_quotes  # noqa: E402
from tui_reader.core.urls import page_key  # noqa: E402

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


def quote_spans(article: Article, quotes: tuple[Quote, ...]) -> list[tuple[int, int]]:
    offsets: dict[tuple[int, int], int] = {}
    off = 0
    for si, sec in enumerate(article.sections):
        for bi, blk in enumerate(sec.blocks):
            offsets[(si, bi)] = off
            off += len(blk.text) + 2
    spans = []
    for q in quotes:
        end_block = q.end_block if q.end_block is not None else q.block
        spans.append((offsets[(q.section, q.block)] + q.start, offsets[(q.section, end_block)] + q.end))
    return spans


def overlap_ok(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    shorter = min(a[1] - a[0], b[1] - b[0])
    return inter / shorter if shorter > 0 and inter > 0 else 0.0


def jaccard(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union > 0 and inter > 0 else 0.0


def match(gold: list[tuple[int, int]], pred: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One-to-one pairs, best overlap first; between equal overlaps, the closer spans first (a quotation
    and the shorter one nested in it both overlap a prediction of the outer one fully: it is the outer's)."""
    pairs = sorted(
        ((overlap_ok(g, p), jaccard(g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred)),
        reverse=True,
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for ratio, _, gi, pi in pairs:
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


def same_speaker(a: str | None, b: str | None, speakers: tuple[str, ...] = ()) -> bool:
    """Same person: equal ignoring case; one name's tokens end the other's ("Stoltenberg" ~ "Jens
    Stoltenberg"); or the first and last tokens agree and the shorter's tokens come in order in
    the longer ("Donald Trump" ~ "Donald J. Trump", "Paul Ryan" ~ "Paul D. Ryan"; not "Donald
    Trump" ~ "Donald Trump Jr."). `speakers` are the other speakers the article's labels name: a
    name that fits one of them as well ("Clinton" where Hillary and Bill Clinton both speak) says
    neither, and is not counted right."""
    if not _same_person(a, b):
        return False
    return not any(_same_person(other, b) and not _same_person(other, a) for other in speakers if other)


def _same_person(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    ta, tb = _name_tokens(a), _name_tokens(b)
    if not ta or not tb:
        return ta == tb
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    if long_[-len(short):] == short:
        return True
    return short[0] == long_[0] and short[-1] == long_[-1] and _subsequence(short, long_)


def _subsequence(short: list[str], long_: list[str]) -> bool:
    rest = iter(long_)
    return all(any(w == x for x in rest) for w in short)


def _headline_text(s: str) -> str:
    return " ".join(s.translate(_FOLD).casefold().split())


def _url_key(url: str | None) -> str | None:
    return page_key(url) or None


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


READABILITY = SHARED / "corpus" / "readability" / "pages"
DEV = REPO / "bench" / "quotes_dev.json"
HOLDOUT = REPO / "bench" / "quotes_holdout.json"


def page_of(art: dict) -> Path | None:
    if art.get("source") == "aeb":
        return CORPUS / "html" / f"{art['id']}.html"
    if art.get("source") == "readability":
        return READABILITY / art["id"] / "source.html"
    path = art.get("path")
    if not path:
        return None
    return Path(path) if art.get("source") == "file" else REPO / path


@dataclass
class Tally:
    articles: int = 0
    gold: int = 0
    pred: int = 0
    matched: int = 0
    unfound: int = 0
    right: int = 0  # matched quotes whose speaker is right (None vs None included)
    named: int = 0  # matched quotes we give a name
    named_right: int = 0  # ... and the name is right
    gold_named: int = 0  # matched quotes labelled with a name
    gold_named_given: int = 0  # ... to which we give a name
    gold_named_right: int = 0  # ... the right one
    h_tp: int = 0
    h_pred: int = 0
    h_gold: int = 0
    h_articles: int = 0

    def add(self, other: Tally) -> Tally:
        return Tally(**{k: getattr(self, k) + getattr(other, k) for k in self.__dataclass_fields__})


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "  -  "


def report(name: str, t: Tally, headlines: bool = True) -> None:
    precision = t.matched / t.pred if t.pred else 1.0
    recall = t.matched / t.gold if t.gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"[{name}] articles {t.articles}  labelled quotes {t.gold}  predicted {t.pred}  matched {t.matched}"
          f"  (labels not found in the extracted text: {t.unfound})")
    print(f"  quotes    precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}")
    print(f"  speakers  accuracy {_ratio(t.right, t.matched)} ({t.right}/{t.matched})"
          f"  named precision {_ratio(t.named_right, t.named)} ({t.named_right}/{t.named})"
          f"  coverage {_ratio(t.gold_named_given, t.gold_named)} ({t.gold_named_given}/{t.gold_named})"
          f"  named accuracy {_ratio(t.gold_named_right, t.gold_named)} ({t.gold_named_right}/{t.gold_named})")
    if headlines and t.h_articles:
        print(f"  headlines precision {_ratio(t.h_tp, t.h_pred)}  recall {_ratio(t.h_tp, t.h_gold)}"
              f"  ({t.h_tp} matched, {t.h_pred} predicted, {t.h_gold} labelled, {t.h_articles} articles)")


def load_labels(path: Path, min_words: int = 0) -> list[dict]:
    """The set's articles; with `min_words`, only the labels of that many words or more (the reader lists
    quotations of three words or more: a shorter quoted phrase reads as a term or a scare quote)."""
    articles = json.loads(path.read_text())["articles"]
    if min_words:
        articles = [{**a, "quotes": [q for q in a.get("quotes", []) if len(" ".join(q["parts"]).split()) >= min_words]}
                    for a in articles]
    if not CORPUS.exists():
        print(f"{CORPUS} is absent: corpus articles skipped")
        articles = [a for a in articles if a.get("source") != "aeb"]
    if not READABILITY.exists():
        print(f"{READABILITY} is absent: readability articles skipped")
        articles = [a for a in articles if a.get("source") != "readability"]
    return articles


def loaded(articles: list[dict]) -> list[tuple[dict, Article]]:
    out = []
    for art in articles:
        page = page_of(art)
        if page is None or not page.exists():
            print(f"{art['id']}: page not found ({page}), skipped")
            continue
        try:
            out.append((art, load_article(str(page))))
        except ArticleError as exc:
            print(f"{art['id']}: {exc.reason}, skipped")
    return out


def score(art: dict, article: Article, quotes: tuple[Quote, ...], verbose: bool, detail: bool) -> Tally:
    t = Tally(articles=1)
    norm, where = normalized(article.text)
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
    pred = quote_spans(article, quotes)
    pairs = match(gold, pred)
    speakers = tuple({lab["speaker"] for lab in gold_labels if lab["speaker"]})
    for g, p in pairs:
        want, got = gold_labels[g]["speaker"], quotes[p].speaker
        ok = same_speaker(want, got, speakers)
        t.right += ok
        t.named += got is not None
        t.named_right += got is not None and ok
        t.gold_named += want is not None
        t.gold_named_given += want is not None and got is not None
        t.gold_named_right += want is not None and ok
    t.matched = len(pairs)
    t.pred = len(pred)
    t.gold = len(gold) + len(missing)
    t.unfound = len(missing)
    hits = 0
    if "headlines" in art:
        hl = art["headlines"]
        hits = headline_matches(hl, article.headlines)
        t.h_tp, t.h_pred, t.h_gold, t.h_articles = hits, len(article.headlines), len(hl), 1
    if verbose:
        right = sum(same_speaker(gold_labels[g]["speaker"], quotes[p].speaker, speakers) for g, p in pairs)
        print(f"{art['id'][:16]:16}  quotes gold {t.gold:2} (unfound {len(missing)})  pred {len(pred):2}"
              f"  match {len(pairs):2}  speaker {right}/{len(pairs)}"
              + (f"  headlines gold {t.h_gold:2} pred {t.h_pred:2} match {hits:2}" if "headlines" in art else ""))
    if detail:
        mg = {g for g, _ in pairs}
        mp = {p for _, p in pairs}
        for lab in missing:
            print(f"    UNFOUND  {lab['parts'][0][:90]!r}")
        for gi, lab in enumerate(gold_labels):
            if gi not in mg:
                print(f"    MISSED   [{lab['speaker']}] {lab['parts'][0][:90]!r}")
        for pi, q in enumerate(quotes):
            if pi not in mp:
                print(f"    FALSE    [{q.speaker}|{q.cue}] {q.text[:90]!r}")
        for g, p in pairs:
            if not same_speaker(gold_labels[g]["speaker"], quotes[p].speaker, speakers):
                q = quotes[p]
                print(f"    SPEAKER  gold {gold_labels[g]['speaker']!r} got {q.speaker!r} ({q.cue}) {q.text[:60]!r}")
    return t


def _parser():
    """`fill_speakers` when the optional parser is installed, else None."""
    try:
        from tui_reader.core.attribution.speakers.parsed import available, fill_speakers
    except ImportError:
        return None
    return fill_speakers if available() else None


def main(argv: list[str]) -> int:
    verbose = "--verbose" in argv or "--detail" in argv
    detail = "--detail" in argv
    timing = "--timing" in argv
    runs = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else 3
    if "--scaling" in argv:
        scaling(runs)
        return 0
    files = [Path(a) for a in argv if a.endswith(".json")]
    min_words = int(argv[argv.index("--min-words") + 1]) if "--min-words" in argv else 0
    fill = None if "--no-parser" in argv else _parser()
    named = files or [DEV, HOLDOUT]
    sets = []
    for path in named:
        if not path.exists():
            print(f"{path}: no labelled set; nothing to measure")
            continue
        sets.append((path.stem if not min_words else f"{path.stem}, labels of {min_words}+ words",
                     loaded(load_labels(path, min_words))))
    modes = [("rules", None)] + ([("rules+parser", fill)] if fill else [])
    for mode, filler in modes:
        total = Tally()
        for name, arts in sets:
            t = Tally()
            for art, article in arts:
                quotes = filler(article) if filler else article.quotes
                last = mode == modes[-1][0]  # per-article rows for the fullest mode only
                t = t.add(score(art, article, quotes, verbose and bool(files) and last, detail and bool(files) and last))
            report(f"{mode}: {name}", t)
            total = total.add(t)
        if len(sets) > 1:
            report(f"{mode}: both", total)
    if timing:
        pages = [page_of(a) for _, arts in sets for a, _ in arts]
        _timing_per_article([p for p in pages if p is not None], runs, fill)
        corpus = sorted((CORPUS / "html").glob("*.html")) if CORPUS.exists() else []
        ratios = []
        for page in corpus:
            try:
                ratios.append(_timing(page, runs))
            except ArticleError:
                continue
        if ratios:
            print(f"find_quotes adds to load_article: median page {statistics.median(ratios):.1%}"
                  f"  (max {max(ratios):.1%}, {len(ratios)} pages, median of {runs} runs each)")
    return 0


SCALING = {
    "capitalized words": "Rock Hall Fame Induction ",
    "names chained by 'of'": "University of Bank of ",
    "possessive names": "Smith's Jones's ",
    "long sentence, commas, quotations": 'In Paris, Anna, Bob, "we will build it soon" and said ',
    "names and statements": 'Acme Inc. issued a statement. "We did nothing wrong at all," the statement said. ',
    "dense names": "Imam Muslim dsb bikin kitab Shahih Bukhari, Shahih Muslim dsb. Sebagian dari Syiah ",
}


def scaling(runs: int) -> None:
    from tui_reader.core import Block, Section

    def seconds(piece: str, size: int) -> float:
        text = '"We have a quote here," she said. ' + piece * (size // len(piece))
        sections = (Section(None, 0, (Block("paragraph", text),)),)
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            find_quotes(sections, "en")
            times.append(time.perf_counter() - t0)
        return statistics.median(times)

    print(f"find_quotes on one generated paragraph, median of {runs} runs (linear: ratio near 4)")
    for name, piece in SCALING.items():
        small, big = seconds(piece, 500_000), seconds(piece, 2_000_000)
        print(f"  {name:36} 0.5 MB {small:6.2f} s   2 MB {big:6.2f} s   ratio {big / small:4.1f}")


def _timing_per_article(pages: list[Path], runs: int, fill) -> None:
    """Median over the labelled pages of load_article's time, and of the parser's on top of it."""
    loads, parses = [], []
    for page in pages:
        lt, pt = [], []
        for _ in range(runs):
            t0 = time.perf_counter()
            article = load_article(str(page))
            t1 = time.perf_counter()
            if fill is not None:
                fill(article)
            t2 = time.perf_counter()
            lt.append(t1 - t0)
            pt.append(t2 - t1)
        loads.append(statistics.median(lt))
        parses.append(statistics.median(pt))
    if not loads:
        return
    print(f"time per article (median of {len(loads)} labelled pages): load_article with rules "
          f"{statistics.median(loads) * 1000:.1f} ms (mean {statistics.mean(loads) * 1000:.1f} ms)")
    if fill is not None:
        print(f"  the parser adds {statistics.median(parses) * 1000:.1f} ms (mean {statistics.mean(parses) * 1000:.1f} ms;"
              f" its model loaded once beforehand)")
    else:
        print("  no parser installed (pip install -e '.[nlp]')")


def _timing(page: Path, runs: int) -> float:
    """find_quotes time over the time of load_article without analysis (quotes and headlines),
    for one page (medians of `runs`)."""
    loads, finds = [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        article = load_article(str(page), analyse=False)
        t1 = time.perf_counter()
        find_quotes(article.sections, article.metadata.language)
        t2 = time.perf_counter()
        loads.append(t1 - t0)
        finds.append(t2 - t1)
    return statistics.median(finds) / max(statistics.median(loads), 1e-9)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
