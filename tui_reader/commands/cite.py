"""`tui-reader cite PATH`: print the article's reference, or with `--quote N` a quote citation."""

from __future__ import annotations

import argparse
import datetime
import sys

STYLE_CHOICES = ("apa", "mla", "chicago", "chicago-note", "bibtex", "csl-json", "ris")


class CommandError(Exception):
    """A one-line error for stderr."""


def access_date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (use YYYY-MM-DD)") from None


def add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--style", choices=STYLE_CHOICES, default=None,
                        help="citation style (default: the style last chosen in the reader, else apa)")
    parser.add_argument("--accessed", type=access_date, default=None, metavar="YYYY-MM-DD",
                        help="access date to print where a style asks for one (default: today)")


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("cite", help="print an article's reference or a quote citation",
                                   description="Print the reference of a saved article in a citation style, "
                                               "or with --quote N the citation of its Nth quote.")
    parser.add_argument("path", metavar="PATH")
    add_common(parser)
    parser.add_argument("--quote", type=int, metavar="N", default=None,
                        help="cite the Nth quote (1-based, in extract's order) as `y` copies it")
    parser.add_argument("--markdown", action="store_true", help="Markdown output (italics as *…*)")
    parser.set_defaults(run=run)


def open_state():
    from tui_reader.core.state import State

    return State(on_notice=lambda message: print(f"tui-reader: {message}", file=sys.stderr))


def load_with_metadata(path: str, state):
    """(article, metadata with the user's overrides) or CommandError."""
    from tui_reader.core import ArticleError, load_article
    from tui_reader.core.cite.styles import apply_overrides, load_overrides

    try:
        article = load_article(path)
    except ArticleError as exc:
        raise CommandError(str(exc)) from None
    except (OSError, ValueError) as exc:
        raise CommandError(f"{path}: {getattr(exc, 'strerror', None) or exc}") from None
    return article, apply_overrides(article.metadata, load_overrides(state, article.content_hash))


def chosen_style(args, state) -> str:
    from tui_reader.core.cite.styles import load_style

    return args.style or load_style(state)


def fail(message: str) -> int:
    print(f"tui-reader: {message}", file=sys.stderr)
    return 1


def run(args) -> int:
    import dataclasses

    from tui_reader.core.cite.styles import format_quote_citation, format_reference

    try:
        state = open_state()
        article, metadata = load_with_metadata(args.path, state)
        style = chosen_style(args, state)
        cited = dataclasses.replace(article, metadata=metadata)  # the text tells APA its proper nouns
        if args.quote is None:
            text = format_reference(cited, style, markdown=args.markdown, accessed=args.accessed)
        else:
            count = len(article.quotes)
            if not 1 <= args.quote <= count:
                raise CommandError(f"{args.path}: no quote {args.quote} (the article has "
                                   f"{count} quote{'s' if count != 1 else ''})")
            text = format_quote_citation(cited, article.quotes[args.quote - 1], style,
                                         markdown=args.markdown, accessed=args.accessed)
    except CommandError as exc:
        return fail(str(exc))
    print(text)
    return 0
