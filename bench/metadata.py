#!/usr/bin/env python3
"""Metadata accuracy: title, authors, date, site (and publisher, type) against labelled pages.

    python bench/metadata.py [--corpus readability|aeb|all] [--misses FIELD] [--extensive]
                             [--labels FILE ...]

Corpora (each split by a fixed rule before any tuning: a page is HELD OUT when the first hex
digit of sha1(its id) is 0-4; figures are printed for the dev part and the held-out part):
- readability: ../shared/corpus/readability (ground-truth.json: title, byline, publishedTime,
  siteName). Some expected values there are not metadata at all (a date in the byline, "Follow
  Author"); they are listed in DISCOUNTED with the reason and left out of the scores. Its titles
  are the document's <title> or og:title; tui-reader cites the visible <h1> where it rewords them
  (as the AEB labels and the style guides do), so part of its title misses there are that choice.
- aeb: AEB pages hand-labelled in bench/metadata_aeb.json (pages[]: id, url, title,
  authors[{name, kind}], published, site, publisher, type, language, notes).
- --labels FILE: an independent set kept outside the repository, in the same format (a page names
  its AEB id or the absolute "path" of its HTML file). It is scored as one part and its misses are
  never shown: nothing is tuned on it.

Dates are scored as right day / wrong day / none (of the pages that have an expected date), and
"same precision" (year, year-month or day, a timestamp counting as a day). htmldate alone (the
library tui-reader uses for dates) is printed beside ours, in fast mode and, with --extensive,
with extensive_search, with its median CPU time per page. A publisher is the same when the names
match without case, punctuation, a leading "The" or a corporate suffix ("Inc.", "LLC"). Time per page of the whole load is measured by
bench/extraction.py against readability-lxml.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import statistics
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from htmldate import find_date  # noqa: E402

from tui_reader.core import ArticleError, load_article  # noqa: E402
from tui_reader.core.extract import dates  # noqa: E402
from tui_reader.core.extract.decode import read_article  # noqa: E402
from tui_reader.core.extract.publisher import squash  # noqa: E402

SHARED = ROOT.parent / "shared" / "corpus"
AEB_LABELS = ROOT / "bench" / "metadata_aeb.json"
TYPES = {"news": "article-newspaper", "blog": "post-weblog", "webpage": "webpage"}

# Expected values in the readability corpus that are not the field they claim to be.
DISCOUNTED = {
    ("breitbart", "authors"): "byline run together with a date and a count: 'by Lucas Nolan22 Dec 2016651'",
    ("google-sre-book-1", "authors"): "'Written by ... Edited by ...': an editor is not an author of the chapter",
    ("royal-road", "authors"): "'Follow Author' is a button label",
    ("seattletimes-1", "authors"): "a date line, not a byline",
    ("spiceworks", "authors"): "'Last Updated: January 7, 2025' is a date line",
    ("lwn-1", "authors"): "byline with the date run into it",
    ("ebb-org", "authors"): "a name with a web address in it",
    ("webmd-1", "authors"): "name with a degree and the desk ('MA WebMD Health News') run together",
    ("webmd-2", "authors"): "name with the desk ('WebMD Health News') run together",
    ("yahoo-3", "authors"): "byline with the date run into it: 'By GILLIAN MOHNEY March 11, 2015 3:46 PM'",
    ("yahoo-4", "authors"): "'個人' ('individual') is a link in the site's navigation (the 'bylines' service), not a name",
    ("royal-road", "site"): None,
    ("topicseed-1", "published"): "the UTC stamp 2018-06-12T23:00Z; the page shows its readers 6/13/2018 (British time)",
}


def held_out(page_id: str) -> bool:
    return hashlib.sha1(page_id.encode()).hexdigest()[0] in "01234"


def fold(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "").casefold()
    text = re.sub(r"[\u2018\u2019\u201c\u201d\"'`´]", "", text)
    return " ".join(re.findall(r"\w+", text))


def name_words(names) -> set[str]:
    words = set(fold(" ".join(names)).split())
    return words - {"by", "and", "und", "et", "y", "par", "von", "avec", "written"}


def site_key(text: str | None) -> str:
    return re.sub(r"^the ", "", fold(text))


def precision(value: str | None) -> int:
    """1 year, 2 year-month, 3 day (a timestamp too), 0 none."""
    if not value:
        return 0
    m = re.match(r"^\d{4}(-\d\d)?(-\d\d)?", value)
    if not m:
        return 0
    return 1 + bool(m.group(1)) + bool(m.group(2))


class Tally:
    def __init__(self) -> None:
        self.counts: dict[str, list[int]] = {}
        self.misses: dict[str, list[str]] = {}

    def add(self, field: str, ok: bool | None, note: str = "") -> None:
        """ok None: the page has no expected value for the field (not counted)."""
        if ok is None:
            return
        right, total = self.counts.setdefault(field, [0, 0])
        self.counts[field] = [right + bool(ok), total + 1]
        if not ok:
            self.misses.setdefault(field, []).append(note)

    def line(self, field: str) -> str:
        right, total = self.counts.get(field, [0, 0])
        return f"{right}/{total} ({100 * right / total:.0f}%)" if total else "-"


def readability_pages() -> list[dict]:
    base = SHARED / "readability"
    truth = json.loads((base / "ground-truth.json").read_text())
    pages = []
    for name, t in sorted(truth.items()):
        path = base / "pages" / name / "source.html"
        if not path.exists():
            continue
        pages.append({
            "id": name, "path": path, "title": t.get("title"),
            "authors": [t["byline"]] if t.get("byline") and (name, "authors") not in DISCOUNTED else None,
            "published": t.get("publishedTime") if (name, "published") not in DISCOUNTED else None,
            "site": t.get("siteName"),
        })
    return pages


def aeb_pages(labels_file: Path = AEB_LABELS) -> list[dict]:
    labels = json.loads(labels_file.read_text())["pages"]
    pages = []
    for p in labels:
        path = Path(p["path"]) if p.get("path") else SHARED / "aeb" / "html" / f"{p['id']}.html"
        p.setdefault("id", path.stem)
        if path.exists():
            pages.append({**p, "path": path, "kinds": [a["kind"] for a in p["authors"]],
                          "authors": [a["name"] for a in p["authors"]]})
    return pages


def score(pages: list[dict], extensive: bool, misses: str | None, split: bool = True) -> dict[str, Tally]:
    parts = {"dev": Tally(), "held-out": Tally()} if split else {"independent": Tally()}
    for page in pages:
        tally = parts["independent"] if not split else parts["held-out" if held_out(page["id"]) else "dev"]
        pid = page["id"][:16]
        try:
            meta = load_article(page["path"], analyse=False).metadata
        except ArticleError as exc:
            print(f"  {pid}: {exc.reason}", file=sys.stderr)
            continue
        raw = read_article(page["path"]).text

        if page.get("title"):
            tally.add("title", fold(meta.title) == fold(page["title"]), f"{pid}: {meta.title!r} != {page['title']!r}")
        if page.get("authors") is not None:
            ours = [a.name for a in meta.authors]
            tally.add("authors", name_words(ours) == name_words(page["authors"]),
                      f"{pid}: {ours} != {page['authors']}")
            if "kinds" in page and page["authors"]:
                tally.add("author kinds", name_words(ours) == name_words(page["authors"])
                          and [a.kind for a in meta.authors] == page["kinds"],
                          f"{pid}: {[(a.name, a.kind) for a in meta.authors]} != {page['kinds']}")
        if page.get("site"):
            tally.add("site", site_key(meta.site) == site_key(page["site"]), f"{pid}: {meta.site!r} != {page['site']!r}")
        if "publisher" in page and page.get("publisher"):
            tally.add("publisher", squash(meta.publisher) == squash(page["publisher"]),
                      f"{pid}: {meta.publisher!r} != {page['publisher']!r}")
        if page.get("type") in TYPES:
            tally.add("type", meta.kind == TYPES[page["type"]], f"{pid}: {meta.kind} != {page['type']}")

        expected = page.get("published")
        day = (expected or "")[:10]
        found = {"ours": meta.published}
        for label, ext in (("htmldate fast", False), ("htmldate extensive", True)):
            if label.endswith("extensive") and not extensive:
                continue
            started = time.process_time()
            try:
                found[label] = find_date(raw, extensive_search=ext, original_date=True)
            except Exception:  # noqa: BLE001 - a failure of the library counts as no date
                found[label] = None
            tally.counts.setdefault(f"_time {label}", []).append(time.process_time() - started)
        for label, value in found.items():
            if expected:
                got = (value or "")[:10]
                state = "none" if not value else "right" if got == day else "wrong"
                tally.counts.setdefault(f"date {label}", [0, 0, 0])["right wrong none".split().index(state)] += 1
                if label == "ours" and state != "right":
                    tally.misses.setdefault("date", []).append(f"{pid}: {value!r} != {expected!r}")
            elif value and (page["id"], "published") not in DISCOUNTED:
                tally.counts.setdefault(f"date {label} invented", [0])[0] += 1
        if expected:
            tally.add("date precision", precision(meta.published) == precision(expected),
                      f"{pid}: {meta.published!r} vs {expected!r}")
    return parts


def report(name: str, parts: dict[str, Tally], misses: str | None) -> None:
    print(f"\n== {name}")
    for part, tally in parts.items():
        pages = max((t for f, (*_, t) in tally.counts.items() if f in ("title",)), default=0)
        print(f"-- {part} ({pages} pages with a title)")
        for field in ("title", "authors", "author kinds", "site", "publisher", "type", "date precision"):
            if field in tally.counts:
                print(f"   {field:<16} {tally.line(field)}")
        for label in ("ours", "htmldate fast", "htmldate extensive"):
            counts = tally.counts.get(f"date {label}")
            if counts:
                total = sum(counts)
                invented = tally.counts.get(f"date {label} invented", [0])[0]
                times = tally.counts.get(f"_time {label}")
                ms = f"  {1000 * statistics.median(times):.1f} ms/page" if times else ""
                print(f"   date {label:<19} right {counts[0]}/{total} ({100 * counts[0] / total:.0f}%)  "
                      f"wrong {counts[1]} ({100 * counts[1] / total:.0f}%)  none {counts[2]}  "
                      f"(a date where none expected: {invented}){ms}")
        if misses and part == "dev":  # held-out misses are not shown: nothing is tuned on them
            for line in tally.misses.get(misses, []):
                print(f"     miss {line}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=("readability", "aeb", "all"), default="all")
    parser.add_argument("--misses", help="list the dev part's misses of one field (title, authors, date, site, ...)")
    parser.add_argument("--extensive", action="store_true", help="also run htmldate with extensive_search")
    parser.add_argument("--labels", type=Path, action="append", default=[],
                        help="an independent labels file outside the repository (metadata_aeb.json's format)")
    parser.add_argument("--ours", choices=("fast", "extensive"),
                        help="htmldate's mode inside tui-reader for this run (default: dates.EXTENSIVE_SEARCH)")
    args = parser.parse_args()
    if args.ours:
        dates.EXTENSIVE_SEARCH = args.ours == "extensive"
    print(f"tui-reader's dates use htmldate's {'extensive' if dates.EXTENSIVE_SEARCH else 'fast'} search")
    if args.corpus in ("readability", "all"):
        report("readability", score(readability_pages(), args.extensive, args.misses), args.misses)
        if args.misses in ("authors", "date"):
            print("   discounted expected values:")
            for (page, field), why in DISCOUNTED.items():
                if why and field == {"date": "published"}.get(args.misses, args.misses):
                    print(f"     {page} {field}: {why}")
    if args.corpus in ("aeb", "all"):
        if not AEB_LABELS.exists():
            print(f"\n== aeb: no labels at {AEB_LABELS}")
        else:
            report("aeb (hand-labelled)", score(aeb_pages(), args.extensive, args.misses), args.misses)
    for labels in args.labels:
        report(f"independent: {labels}", score(aeb_pages(labels), args.extensive, None, split=False), None)


if __name__ == "__main__":
    main()
