"""`tui-reader search QUERY [PATH...] [--json] [--limit N]`: ranked full-text hits with snippets."""

from __future__ import annotations

import argparse
import sys

from tui_reader.commands.dates import human_date
from tui_reader.commands.index import fail, with_library
from tui_reader.commands.terminal import print_styled
from tui_reader.core.library.index import QuerySyntaxError
from tui_reader.core.library.query import parse_query
from tui_reader.core.sanitize import terminal_json

BOLD, MARK, DIM = "\x1b[1m", "\x1b[1;7m", "\x1b[2m"


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "search",
        help="search the library's full text",
        description='Search the articles under PATH (by default the whole library). QUERY: words, "exact phrases", '
        "prefixes (confront*), -excluded words, a OR b, and fields speaker:NAME site:NAME author:NAME "
        'title:WORD quote:WORD tag:TAG (quote multi-word values: speaker:"Jens Stoltenberg"). '
        "The index is refreshed first.",
    )
    parser.add_argument("query", metavar="QUERY", nargs="?", help='what to look for, e.g. "harbour vote" or speaker:Lee')
    parser.add_argument("paths", nargs="*", metavar="PATH")
    parser.add_argument("--json", action="store_true", help="one JSON object per hit: path, title, score, snippet, marks")
    parser.add_argument("--limit", type=int, default=20, metavar="N", help="at most N hits (default 20)")
    parser.add_argument("--no-refresh", action="store_true", help="search the index as it is")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if not args.query:
        fail('search needs a QUERY, e.g. tui-reader search "harbour vote" (tui-reader search --help lists the forms)')
        return 2
    try:
        query = parse_query(args.query)
    except QuerySyntaxError as exc:
        return fail(f"search {args.query!r}: {exc}")
    hits, code = with_library(args, lambda library: library.search(query, limit=args.limit))
    if code:
        return code
    color = sys.stdout.isatty() and not args.json
    for rank, hit in enumerate(hits, 1):
        entry = hit.entry
        if args.json:
            print(terminal_json({
                "path": entry.path, "title": entry.title, "score": round(hit.score, 4),
                "snippet": hit.snippet.text, "marks": [list(m) for m in hit.snippet.marks],
                "site": entry.site, "published": entry.published,
            }))
            continue
        about = ", ".join(x for x in (entry.site, human_date(entry.published)) if x)
        print_styled([(f"{rank}. ", None), (entry.display_title, BOLD), (f"  ({about})" if about else "", None)], color)
        print_styled([("   ", None), (entry.path, DIM)], color)
        if hit.snippet.text:
            if color:
                print_styled([("   ", None), *((text, MARK if hit else None) for text, hit in hit.snippet.parts())], color)
            else:
                print("   " + hit.snippet.marked("**", "**"))
    if not hits and not args.json:
        print(f"no match for {args.query!r}", file=sys.stderr)
    return 0
