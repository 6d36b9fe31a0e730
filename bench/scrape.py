#!/usr/bin/env python3
"""Plain-text scrapes of whole pages: what "select all, copy, paste into a .txt" gives, read back.

    python bench/scrape.py [--corpus aeb|readability|all] [--detail] [--shared DIR]

A user who saves an article as text from the browser keeps what the page showed around it: menus,
sharing buttons, teasers, footers. This renders each page of the shared corpora as a browser would
lay it out in text (inscriptis, `pip install -e '.[bench]'`), drops indentation and list bullets as a
copy does, saves it as a .txt file and reads it with `load_article`, as the reader would.

Scored, dev and held-out pages apart (bench/extraction.py's split): body F1 of 4-word shingles against
the corpus's expected text (macro over pages); on the Readability.js pages also the title (the expected
title or one of its parts around a separator, word-overlap F1 >= 0.8: the corpus gives the <title>,
which often carries the site's name), an author (a word of the expected byline among our authors' names)
and the date (same day as the expected publication time). --detail lists dev pages only. Without
inscriptis or the corpora the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extraction import held_out, load_corpus, page_f1, tp_fp_fn

from tui_reader.core import ArticleError, load_article

ROOT = Path(__file__).resolve().parents[1]


def copied_text(html: str) -> str:
    """The page as a browser shows it in text, copied: no indentation, no list bullets, no runs of blank lines."""
    from inscriptis import get_text

    lines = (re.sub(r"^\s*(?:[*+o•-]\s+)?", "", line) for line in get_text(html).split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines))


def _words(text: str | None) -> set[str]:
    return set(re.findall(r"\w+", (text or "").lower()))


def title_right(ours: str | None, expected: str | None) -> bool:
    """Our title is the expected one, or one of its parts around a separator ("Headline | Site")."""
    if not ours or not expected:
        return False
    o = _words(ours)
    for part in [expected, *re.split(r"\s[|\-–—:»]\s", expected)]:
        e = _words(part)
        common = len(o & e)
        if common and 2 * common / (len(o) + len(e)) >= 0.8:
            return True
    return False


def _given(value) -> str | None:
    return None if value in (None, "", "None") else str(value)


@dataclass
class Row:
    body: float
    title: bool | None
    author: bool | None
    date: bool | None


def score(corpus: str, shared: Path, detail: bool) -> dict[str, list[Row]]:
    pages = load_corpus(corpus, shared, 0)
    if pages is None:
        print(f"{corpus}: no corpus under {shared}")
        return {}
    truth = json.loads((shared / "corpus" / corpus / "ground-truth.json").read_text(encoding="utf-8"))
    parts: dict[str, list[Row]] = {"dev": [], "held-out": []}
    with tempfile.TemporaryDirectory() as tmp:
        for page in pages:
            path = Path(tmp) / "page.txt"
            path.write_text(copied_text(page.html), encoding="utf-8")
            try:
                article = load_article(path, analyse=False)
                text, meta = article.text, article.metadata
            except ArticleError:
                text, meta = "", None
            expected = truth[page.id]
            byline, day = _given(expected.get("byline")), _given(expected.get("publishedTime"))
            title = meta.title if meta else None
            authors = [a.name for a in meta.authors] if meta else []
            row = Row(page_f1(tp_fp_fn(page.truth, text)),
                      title_right(title, _given(expected.get("title"))) if "title" in expected else None,
                      any(_words(name) & _words(byline) for name in authors) if byline else None,
                      ((meta.published or "") if meta else "")[:10] == day[:10] if day else None)
            part = "held-out" if held_out(page.id) else "dev"
            parts[part].append(row)
            if detail and part == "dev":
                print(f"  {page.id[:40]:40} body {row.body:.3f}  title {'right' if row.title else 'wrong'}: "
                      f"{(title or '')[:50]!r}  authors {authors[:2]}  date {meta.published if meta else None}")
    return parts


def report(corpus: str, parts: dict[str, list[Row]]) -> None:
    for part, rows in parts.items():
        if not rows:
            continue
        line = f"{corpus:12} {part:9} {len(rows):4} pages  body F1 {statistics.mean(r.body for r in rows):.3f}"
        for name in ("title", "author", "date"):
            known = [getattr(r, name) for r in rows if getattr(r, name) is not None]
            if known:
                line += f"  {name} {sum(known)}/{len(known)}"
        print(line)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", choices=("aeb", "readability", "all"), default="all")
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--detail", action="store_true", help="one line per dev page")
    args = parser.parse_args()
    try:
        import inscriptis  # noqa: F401
    except ImportError:
        print("inscriptis is not installed (pip install -e '.[bench]'): nothing to measure")
        return 0
    for corpus in ("aeb", "readability") if args.corpus == "all" else (args.corpus,):
        report(corpus, score(corpus, Path(args.shared), args.detail))
    return 0


if __name__ == "__main__":
    sys.exit(main())
