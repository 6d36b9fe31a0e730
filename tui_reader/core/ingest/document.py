"""An export's own copy of an article written as an article file: HTML with the metadata the
loader reads (title, authors, date, site, address), or Markdown with front matter; either with
the note (address, time saved, tags) at its top."""

from __future__ import annotations

import html
import re
from datetime import datetime

from tui_reader.core.extract.dates import normalise_date
from tui_reader.core.ingest.formats import Item
from tui_reader.core.ingest.header import front_matter_lines, html_note, yaml_text
from tui_reader.core.ingest.naming import file_name

_BODY = re.compile(r"<body\b[^>]*>(.*?)(?:</body\s*>|\Z)", re.IGNORECASE | re.DOTALL)


def _attr(value: str) -> str:
    return html.escape(" ".join(value.split()), quote=True)


def html_document(item: Item, saved: datetime) -> str:
    body = item.content or ""
    match = _BODY.search(body)
    if match:  # a whole page: its body goes in; the metadata comes from the export
        body = match.group(1)
    head = ['<meta charset="utf-8">']
    if item.title:
        head += [f"<title>{html.escape(item.title)}</title>", f'<meta property="og:title" content="{_attr(item.title)}">']
    head.append(f'<link rel="canonical" href="{_attr(item.url)}">')
    head += [f'<meta name="author" content="{_attr(a)}">' for a in item.authors]
    published = normalise_date(item.published)
    if published:
        head.append(f'<meta property="article:published_time" content="{_attr(published)}">')
    if item.site:
        head.append(f'<meta property="og:site_name" content="{_attr(item.site)}">')
    lang = f' lang="{_attr(item.language)}"' if item.language and re.fullmatch(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*", item.language) else ""
    heading = f"<h1>{html.escape(item.title)}</h1>\n" if item.title else ""
    return (html_note(item.url, saved, item.tags) + f"<!DOCTYPE html>\n<html{lang}><head>\n" + "\n".join(head)
            + f"\n</head><body><article>\n{heading}{body}\n</article></body></html>\n")


def markdown_document(item: Item, saved: datetime) -> str:
    lines = ["---"]
    if item.title:
        lines.append(f"title: {yaml_text(item.title)}")
    if item.authors:
        lines.append("authors: [" + ", ".join(yaml_text(a) for a in item.authors) + "]")
    published = normalise_date(item.published)
    if published:
        lines.append(f"date: {published}")
    if item.site:
        lines.append(f"site: {yaml_text(item.site)}")
    if item.language:
        lines.append(f"language: {yaml_text(item.language)}")
    lines += front_matter_lines(item.url, saved, item.tags)
    return "\n".join(lines) + "\n---\n\n" + (item.content or "").lstrip("\ufeff") + "\n"


def document(item: Item, saved: datetime) -> tuple[str, bytes]:
    """(path relative to the library folder, the file's bytes) for an item with content."""
    if item.content_kind == "markdown":
        return file_name(item.url, saved, item.title, "markdown"), markdown_document(item, saved).encode("utf-8")
    return file_name(item.url, saved, item.title, "html"), html_document(item, saved).encode("utf-8")
