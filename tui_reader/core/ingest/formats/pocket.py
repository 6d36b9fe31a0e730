"""Pocket's export (2024-25): a CSV file with title, url, time_added (seconds since 1970),
tags (separated by "|") and status (unread or archive). It holds no article text."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from tui_reader.core.ingest.formats import Entry, csv_items, tag_names


def read(path: Path) -> Iterator[Entry]:
    return csv_items(path, "time_added", lambda row: tag_names(row.get("tags", "").split("|")), time_required=True)
