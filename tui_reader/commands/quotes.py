"""`tui-reader quotes [PATH...] [--speaker NAME] [--speakers] [--json]`: quotes across the library."""

from __future__ import annotations

import argparse
import sys

from tui_reader.commands.dates import human_date
from tui_reader.commands.index import fail, with_library
from tui_reader.core.sanitize import terminal_json


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "quotes",
        help="list quotes across the library, by speaker",
        description="Quotes from the articles under PATH (by default the whole library), newest article first. "
        '--speaker takes a name as people write it: "Stoltenberg" also finds "Jens Stoltenberg" '
        "(variants of one person's name are grouped). The index is refreshed first.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH")
    parser.add_argument("--speaker", metavar="NAME", help="only this person's quotes")
    parser.add_argument("--speakers", action="store_true", help="list the speakers with their quote counts instead")
    parser.add_argument("--json", action="store_true", help="one JSON object per quote (or speaker)")
    parser.add_argument("--limit", type=int, metavar="N", help="at most N quotes (or speakers, the most quoted first)")
    parser.add_argument("--no-refresh", action="store_true", help="use the index as it is")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    def action(library):
        if args.speakers:
            return library.speakers()[: args.limit]  # [:None]: all
        if args.speaker is not None and not library.find_speakers(args.speaker):
            return None
        return library.quotes(args.speaker, limit=args.limit)

    hits, code = with_library(args, action)
    if code:
        return code
    if hits is None:
        return fail(f"no quotes from anyone called {args.speaker!r} in the library")
    if args.speakers:
        return _speakers(hits, args.json)
    for hit in hits:
        entry, quote = hit.entry, hit.quote
        if args.json:
            print(terminal_json({
                "text": quote.text, "speaker": quote.speaker, "speaker_group": hit.speaker_name,
                "path": entry.path, "title": entry.title, "site": entry.site, "published": entry.published,
                "url": entry.url, "section": quote.section, "block": quote.block, "start": quote.start, "end": quote.end,
            }))
            continue
        source = ", ".join(x for x in (entry.site, human_date(entry.published)) if x)
        print(f"“{quote.text}”")
        print(f"    — {quote.speaker or 'unattributed'}, in “{entry.display_title}”" + (f" ({source})" if source else ""))
        print(f"      {entry.path}")
    if not hits and not args.json:
        print("no quotes found", file=sys.stderr)
    return 0


def _speakers(groups, as_json: bool) -> int:
    for group in groups:
        if as_json:
            print(terminal_json({"name": group.name, "key": group.key, "variants": list(group.variants),
                                 "quotes": group.quotes, "articles": group.articles}))
        else:
            others = [v for v in group.variants if v != group.name]
            print(f"{group.quotes:5}  {group.name}" + (f"  (also: {', '.join(others)})" if others else "")
                  + f"  — {group.articles} article{'s' if group.articles != 1 else ''}")
    return 0
