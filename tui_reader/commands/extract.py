"""`tui-reader extract PATH... [--format json|jsonl|text|markdown]`: the cleaned article and its analysis."""

from __future__ import annotations

import argparse

from tui_reader.commands.batch import Batch
from tui_reader.core.render import article_to_dict, article_to_markdown, article_to_text
from tui_reader.core.sanitize import terminal_json


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "extract",
        help="print cleaned articles with metadata, sections, quotes and headlines",
        description="Print each article's cleaned text and analysis. Directories are scanned recursively.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH")
    parser.add_argument("--format", choices=("json", "jsonl", "text", "markdown"), default="json")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    batch = Batch(args.paths, parsed_speakers=True)  # the speakers the reader's sidebar shows
    articles = []
    for path, article in batch.articles():
        if args.format == "jsonl":
            print(terminal_json(article_to_dict(article)), flush=True)
        elif args.format == "json":
            articles.append(article_to_dict(article))
        elif args.format == "text":
            print(article_to_text(article), end="\n\n" if path != batch.files[-1] else "\n")
        else:
            print(article_to_markdown(article))
    if args.format == "json" and articles:
        single = len(args.paths) == 1 and len(batch.files) == 1
        print(terminal_json(articles[0] if single else articles, indent=2))
    return batch.status
