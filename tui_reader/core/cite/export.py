"""`export`: every article's reference and all its quotes with their speakers, in one document."""

from __future__ import annotations

import dataclasses
import datetime
import re
from collections.abc import Sequence

from tui_reader.core.cite.data import access_date, csl_item
from tui_reader.core.cite.formats import bibtex_entry, bibtex_key, csl_json, ris_record
from tui_reader.core.cite.styles import (
    clean_quote_text,
    escape_markdown,
    format_reference,
    in_text_citation,
    quote_locator,
    style_label,
)
from tui_reader.core.model import Article, Metadata

EXPORT_FORMATS = ("markdown", "csl-json", "bibtex", "ris")
# Every export says at its very start that export wrote it, in the format's own way (a comment, a
# database-name tag, a custom field that reference managers ignore): `export -o` replaces only such
# a file, never one it did not write.
SIGNATURE = "tui-reader export"
MARKDOWN_MARKER = f"<!-- {SIGNATURE} -->"
_BIBTEX_MARKER = f"% {SIGNATURE}"
_RIS_MARKER = ("DB", SIGNATURE)
_CSL_MARKER = {"generator": SIGNATURE}
_WRITTEN_BY_EXPORT = re.compile(
    "|".join((
        re.escape(MARKDOWN_MARKER) + r"\n",
        re.escape(_BIBTEX_MARKER) + r"\n",
        r"TY  - [A-Z]+\nDB  - " + re.escape(SIGNATURE) + r"\n",
        r'\[\n  \{\n    "custom": \{\n      "generator": ' + re.escape(f'"{SIGNATURE}"'),
    ))
)


def written_by_export(head: bytes) -> bool:
    """Whether a file starting with `head` (its first kilobyte is enough) is an export of ours."""
    return bool(_WRITTEN_BY_EXPORT.match(head.decode("utf-8", "replace")))


def quote_note(text: str, speaker: str | None) -> str:
    return f"“{clean_quote_text(text)}”" + (f" — {speaker.strip()}" if speaker and speaker.strip() else "")


def _notes(article: Article) -> tuple[str, ...]:
    return tuple(quote_note(q.text, q.speaker) for q in article.quotes)


def _unique_keys(metadatas: Sequence[Metadata]) -> list[str]:
    keys: list[str] = []
    for metadata in metadatas:
        base = bibtex_key(metadata)
        key, n = base, 0
        while key in keys:
            n += 1
            key = base + "abcdefghijklmnopqrstuvwxyz"[(n - 1) % 26] * (1 + (n - 1) // 26)
        keys.append(key)
    return keys


def _markdown(entries: Sequence[tuple[Article, Metadata]], style: str, given: datetime.date | None) -> str:
    days = {access_date(m, given) for _a, m in entries}
    accessed = f" Accessed {days.pop().isoformat()}." if len(days) == 1 else ""
    out = [MARKDOWN_MARKER, "", "# Quotes and references", "", f"Style: {style_label(style)}.{accessed}", ""]
    for n, (article, metadata) in enumerate(entries, 1):
        title = escape_markdown(" ".join((metadata.title or article.path).split()))
        out += [f"## {n}. {title}", ""]
        cited = dataclasses.replace(article, metadata=metadata)
        reference = format_reference(cited, style, markdown=True, accessed=given)
        if style in ("bibtex", "csl-json", "ris"):
            fence = {"bibtex": "bibtex", "csl-json": "json", "ris": "text"}[style]
            out += [f"```{fence}", reference, "```", ""]
        else:
            out += [reference, ""]
        if not article.quotes:
            out += ["*No quotes found.*", ""]
        for quote in article.quotes:
            out += [f"> “{escape_markdown(clean_quote_text(quote.text))}”", ">"]
            attribution = "— " + escape_markdown(quote.speaker.strip()) if quote.speaker else "— (speaker not identified)"
            in_text = in_text_citation(cited, style, speaker=quote.speaker, locator=quote_locator(article, quote),
                                       markdown=True, accessed=given)
            out += [f"> {attribution}" + (f" {in_text}" if in_text else ""), ""]
    return "\n".join(out).rstrip("\n") + "\n"


def export_text(entries: Sequence[tuple[Article, Metadata]], fmt: str, style: str = "apa",
                accessed: datetime.date | None = None) -> str:
    """The export document. `entries` pairs each article with its effective metadata (overrides
    applied); `style` is the reference style of the Markdown document."""
    if fmt == "markdown":
        return _markdown(entries, style, accessed)
    if fmt in ("csl-json", "bibtex", "ris"):
        return records([(m, _notes(a)) for a, m in entries], fmt, accessed, marked=True) + "\n"
    raise ValueError(f"unknown export format {fmt!r} (choose from {', '.join(EXPORT_FORMATS)})")


def records(entries: Sequence[tuple[Metadata, tuple[str, ...]]], fmt: str, accessed: datetime.date | None = None,
            marked: bool = False) -> str:
    """References of several works for a reference manager, each with its notes (quotes): one CSL-JSON
    array, BibTeX entries or RIS records. Each work has its own key, the BibTeX key, also its CSL-JSON id
    (two by one author in one year: "lee2024", "lee2024a"): what cites one never takes the other.
    `marked`: as an export writes them (it may later replace the file it wrote)."""
    keys = _unique_keys([m for m, _notes in entries])
    if fmt == "csl-json":
        items = []
        for (metadata, notes), key in zip(entries, keys):
            item = {**({"custom": _CSL_MARKER} if marked else {}), **csl_item(metadata, access_date(metadata, accessed), item_id=key)}
            if notes:
                item["note"] = "\n".join(notes)
            items.append(item)
        return csl_json(items)
    if fmt == "bibtex":
        return "\n\n".join(([_BIBTEX_MARKER] if marked else []) + [
            bibtex_entry(m, access_date(m, accessed), key=k, notes=notes) for (m, notes), k in zip(entries, keys)])
    if fmt == "ris":
        return "\n\n".join(ris_record(m, access_date(m, accessed), notes=notes, extra=(_RIS_MARKER,) if marked and n == 0 else ())
                             for n, (m, notes) in enumerate(entries))
    raise ValueError(f"unknown reference format {fmt!r}")
