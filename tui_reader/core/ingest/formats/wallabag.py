"""wallabag's JSON export: a list of entries, each with url, title, content (the article's HTML),
tags, created_at (when it was saved), published_at, published_by, language and domain_name.

A file cut short keeps the entries before the cut: each is decoded on its own.
"""

from __future__ import annotations

import json
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

# What wallabag stores as the content when it could not fetch the page: the page is fetched again.
_NOT_FETCHED = ("wallabag can't retrieve contents for this article",)


_TOO_DEEP = "nested too deeply to be an export entry"


def json_list(text: str) -> Iterator[tuple[int, object]]:
    """(n, value) for each element of a JSON list, one at a time, so that a file cut short (or
    damaged in one element) still gives the elements before it; then (n, reason) for the damage.
    A JSON object holding the list (under any key) is read the same way."""
    decoder = json.JSONDecoder()
    text = text.lstrip("\ufeff \t\r\n")
    if text.startswith("{"):
        try:
            whole = json.loads(text)
        except ValueError as exc:
            yield 1, ValueError(f"not JSON ({exc.msg} at character {exc.pos})")
            return
        except RecursionError:
            yield 1, ValueError(_TOO_DEEP)
            return
        lists = [v for v in whole.values() if isinstance(v, list)] if isinstance(whole, dict) else []
        yield from enumerate(lists[0] if lists else [whole], 1)
        return
    if not text.startswith("["):
        yield 1, ValueError("not a JSON list")
        return
    pos, n = 1, 0
    while True:
        while pos < len(text) and text[pos] in " \t\r\n,":
            pos += 1
        if pos < len(text) and text[pos] == "]":
            return
        n += 1
        if pos >= len(text):
            yield n, ValueError("the file ends before the list is closed (cut short?)")
            return
        try:
            value, pos = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            yield n, ValueError(f"cut short or not JSON ({exc.msg})")
            return
        except RecursionError:
            yield n, ValueError(_TOO_DEEP)
            return
        yield n, value


def read(path: Path) -> Iterator[Entry]:
    text = path.read_text(encoding="utf-8", errors="replace")
    for n, entry in json_list(text):
        where = f"entry {n}"
        if isinstance(entry, ValueError):
            yield BadRow(where, str(entry))
            continue
        if not isinstance(entry, dict):
            yield BadRow(where, "not an object with a url")
            continue
        url = web_address(entry.get("url")) or web_address(entry.get("given_url")) or web_address(entry.get("origin_url"))
        if url is None:
            yield BadRow(where, f"no web address (url: {str(entry.get('url'))[:80]!r})")
            continue
        content = text_or_none(entry.get("content"))
        if content and any(mark in content for mark in _NOT_FETCHED):
            content = None
        yield Item(
            url, where, title=text_or_none(entry.get("title")), authors=names(entry.get("published_by")),
            saved=time_of(entry.get("created_at")), published=text_or_none(entry.get("published_at")),
            tags=tag_names(entry.get("tags")), content=content, site=text_or_none(entry.get("domain_name")),
            language=text_or_none(entry.get("language")),
        )
