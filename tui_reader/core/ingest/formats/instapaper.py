"""Instapaper's export: a CSV file with URL, Title, Selection, Folder, Timestamp (seconds since
1970) and, in newer exports, Tags (a JSON list). A folder of the user's own becomes a tag; the
built-in ones (Unread, Archive, Starred) are states, not tags. It holds no article text."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from tui_reader.core.ingest.formats import Entry, csv_items, tag_names

STATES = frozenset({"unread", "archive", "starred", "liked", ""})


def _tags(row: dict[str, str]) -> tuple[str, ...]:
    raw = row.get("tags", "").strip()
    try:
        tags = json.loads(raw) if raw.startswith("[") else raw.split(",")
    except ValueError:
        tags = raw.strip("[]").split(",")
    folder = row.get("folder", "").strip()
    return tag_names([*([folder] if folder.lower() not in STATES else []), *tags])


def read(path: Path) -> Iterator[Entry]:
    return csv_items(path, "timestamp", _tags, time_required=False)
