"""Omnivore's export: a zip with `metadata_*.json` (lists of items: url, title, author, labels,
savedAt, publishedAt, slug…) and each item's article as `content/SLUG.html` or `.md`.

A zip cut short keeps what is whole in it; an item whose content is missing is fetched.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from pathlib import Path

from tui_reader.core.ingest.formats import (
    BadRow,
    Entry,
    Item,
    names,
    tag_names,
    text_or_none,
    time_of,
    web_address,
)
from tui_reader.core.ingest.formats.wallabag import json_list
from tui_reader.core.ingest.formats.zipped import members

KINDS = {".html": "html", ".htm": "html", ".md": "markdown"}


def read(path: Path) -> Iterator[Entry]:
    metadata: list[tuple[str, bytes]] = []
    content: dict[str, tuple[str, str]] = {}  # slug -> (kind, text)
    for name, data in members(path):
        base, ext = posixpath.splitext(posixpath.basename(name))
        if isinstance(data, str):
            yield BadRow(name, data)
        elif base.startswith("metadata") and ext == ".json":
            metadata.append((name, data))
        elif posixpath.dirname(name).endswith("content") and ext.lower() in KINDS:
            content[base] = (KINDS[ext.lower()], data.decode("utf-8", errors="replace"))
    if not metadata:
        yield BadRow(path.name, "no metadata_*.json in the zip: not an Omnivore export, or cut short before it")
    for name, data in sorted(metadata):
        for n, entry in json_list(data.decode("utf-8", errors="replace")):
            yield _item(entry, f"{name} item {n}", content)


def _item(entry, where: str, content: dict[str, tuple[str, str]]) -> Entry:
    if isinstance(entry, ValueError):
        return BadRow(where, str(entry))
    if not isinstance(entry, dict):
        return BadRow(where, "not an object with a url")
    url = web_address(entry.get("url")) or web_address(entry.get("originalUrl"))
    if url is None:
        return BadRow(where, f"no web address (url: {str(entry.get('url'))[:80]!r})")
    kind, text = content.get(str(entry.get("slug") or ""), ("html", None))
    return Item(
        url, where, title=text_or_none(entry.get("title")), authors=names(entry.get("author")),
        saved=time_of(entry.get("savedAt")), published=text_or_none(entry.get("publishedAt")),
        tags=tag_names(entry.get("labels")), content=text_or_none(text), content_kind=kind,
        site=text_or_none(entry.get("siteName")),
    )
