"""`tui-reader extract PATH... [--format json|jsonl|text|markdown]`: the cleaned article and its analysis."""

from __future__ import annotations

import argparse
import sys

from tui_reader.core import ArticleError, load_article
from tui_reader.core.library.discover import find_article_files
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


def expand(paths: list[str]) -> tuple[list, list[str]]:
    """Article files for the given paths, and an error line for each directory that holds none.

    A path that is not a directory is kept as it is: loading it says what is wrong with it.
    """
    files, errors = [], []
    for raw in paths:
        found = find_article_files([raw])
        files.extend(found)
        if not found:
            errors.append(f"{raw}: no articles in this directory")
    return files, errors


def run(args: argparse.Namespace) -> int:
    files, errors = expand(args.paths)
    for line in errors:
        print(f"tui-reader: {line}", file=sys.stderr)
    articles = []
    for path in files:
        try:
            article = load_article(path)
        except ArticleError as exc:
            print(f"tui-reader: {exc}", file=sys.stderr)
            errors.append(str(exc))
            continue
        if args.format == "jsonl":
            print(terminal_json(article_to_dict(article)), flush=True)
        elif args.format == "json":
            articles.append(article_to_dict(article))
        elif args.format == "text":
            print(article_to_text(article), end="\n\n" if path != files[-1] else "\n")
        else:
            print(article_to_markdown(article))
    if args.format == "json" and articles:
        single = len(args.paths) == 1 and len(files) == 1
        print(terminal_json(articles[0] if single else articles, indent=2))
    return 1 if errors else 0
