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
                                   description="Print the reference of each saved article in a citation style, "
                                               "or with --quote N the citation of its Nth quote. Directories "
                                               "are scanned recursively; a file that cannot be read is one line "
                                               "on stderr and the others are still cited.")
    parser.add_argument("paths", nargs="+", metavar="PATH")
    add_common(parser)
    parser.add_argument("--quote", type=int, metavar="N", default=None,
                        help="cite the Nth quote (1-based, in extract's order) as `y` copies it")
    parser.add_argument("--markdown", action="store_true", help="Markdown output (italics as *…*)")
    parser.set_defaults(run=run)


def open_state():
    from tui_reader.core.state import State

    return State(on_notice=lambda message: print(f"tui-reader: {message}", file=sys.stderr))


def with_overrides(article, state):
    """The article's metadata with the user's corrections applied."""
    from tui_reader.core.cite.styles import apply_overrides, load_overrides

    return apply_overrides(article.metadata, load_overrides(state, article.content_hash))


def citable(metadata) -> bool:
    """Whether a reference would say anything: a title, an author, a site or an address."""
    return bool(metadata.title or metadata.authors or metadata.site or metadata.url)


def chosen_style(args, state) -> str:
    from tui_reader.core.cite.styles import load_style

    return args.style or load_style(state)


def fail(message: str) -> int:
    print(f"tui-reader: {message}", file=sys.stderr)
    return 1


MACHINE_STYLES = ("bibtex", "csl-json", "ris")  # a reference manager's formats, not text to paste


def run(args) -> int:
    import dataclasses

    from tui_reader.commands.batch import Batch
    from tui_reader.core.cite.export import quote_note, records
    from tui_reader.core.cite.styles import format_quote_citation, format_reference

    batch = Batch(args.paths, parsed_speakers=args.quote is not None)  # the speaker the reader's `y` gives
    state = open_state()
    style = chosen_style(args, state)
    texts = []
    works: list = []  # (metadata, notes) for a reference manager's format: one document for them all
    for path, article in batch.articles():
        cited = dataclasses.replace(article, metadata=with_overrides(article, state))  # the text tells APA its proper nouns
        if not citable(cited.metadata):
            batch.fail(f"{path}: nothing to cite: no title, author, site or web address found "
                       "(is it an article? the reader's e key can add them)")
            continue
        if args.quote is not None and not 1 <= args.quote <= len(article.quotes):
            count = len(article.quotes)
            batch.fail(f"{path}: no quote {args.quote} (the article has {count} quote{'s' if count != 1 else ''})")
            continue
        quote = article.quotes[args.quote - 1] if args.quote is not None else None
        if style in MACHINE_STYLES:  # the quote goes in the record's notes: the document stays valid
            works.append((cited.metadata, (quote_note(quote.text, quote.speaker),) if quote else ()))
        elif quote is None:
            texts.append(format_reference(cited, style, markdown=args.markdown, accessed=args.accessed))
        else:
            texts.append(format_quote_citation(cited, quote, style, markdown=args.markdown, accessed=args.accessed))
    if works:
        texts.append(records(works, style, args.accessed))
    if texts:
        print("\n\n".join(texts))
    return batch.status
