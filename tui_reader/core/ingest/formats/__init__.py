"""Read-it-later exports: Pocket and Instapaper (CSV), Omnivore (zip), wallabag (JSON).

`read_export(path)` tells the format by content and gives the export's items one by one: an
`Item` (an article, with its content when the export holds it) or a `BadRow` (one line saying
what was wrong with one row or entry; the others are still read).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from tui_reader.core.ingest.header import clean_tags, parse_saved_time


class ExportError(Exception):
    """The file is no export we can read at all; `str(exc)` is one line for people."""


@dataclass(frozen=True)
class Item:
    url: str
    where: str  # "line 7", "entry 3": where the item is in the export, for messages
    title: str | None = None
    authors: tuple[str, ...] = ()
    saved: datetime | None = None  # when the user saved it: the access date of citations
    published: str | None = None
    tags: tuple[str, ...] = ()
    content: str | None = None  # the article as the export holds it
    content_kind: str = "html"  # "html" | "markdown"
    site: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class BadRow:
    where: str
    reason: str


Entry = Item | BadRow


def read_export(path: str | Path) -> tuple[str, Iterator[Entry]]:
    """(format name, items). Raises ExportError when the file is none of the known exports."""
    from tui_reader.core.extract.decode import open_regular
    from tui_reader.core.model import ArticleError

    path = Path(path)
    try:
        with open_regular(path) as handle:  # a FIFO or a device is refused, never waited on
            head = handle.read(4096)
    except ArticleError as exc:
        raise ExportError(f"{path}: {exc.reason.replace('an article file', 'an export file')}") from None
    except OSError as exc:
        raise ExportError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if head.startswith(b"PK"):
        from tui_reader.core.ingest.formats import omnivore

        return "Omnivore", omnivore.read(path)
    text_head = head.decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")
    if text_head.startswith(("[", "{")):
        from tui_reader.core.ingest.formats import wallabag

        return "wallabag", wallabag.read(path)
    header = {h.strip().lower() for h in next(csv.reader(io.StringIO(text_head.splitlines()[0] if text_head else "")), [])}
    if {"url", "time_added"} <= header:
        from tui_reader.core.ingest.formats import pocket

        return "Pocket", pocket.read(path)
    if {"url", "folder"} <= header or {"url", "selection"} <= header:
        from tui_reader.core.ingest.formats import instapaper

        return "Instapaper", instapaper.read(path)
    raise ExportError(f"{path}: not an export tui-reader knows (Pocket or Instapaper CSV, "
                      "an Omnivore zip, a wallabag JSON file)")


# ------------------------------------------------------------------------------------------------
# Pieces the formats share


def csv_rows(path: Path) -> Iterator[tuple[int, dict[str, str] | str]]:
    """(line number, row with lower-case keys) for each row of a CSV file with a header, or
    (line number, reason) for a row that cannot be read."""
    with open(path, encoding="utf-8-sig", errors="replace", newline="") as handle:
        reader = csv.reader(handle)
        try:
            header = [h.strip().lower() for h in next(reader)]
        except StopIteration:
            return
        previous = reader.line_num
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield previous + 1, f"not a CSV row ({exc})"
                previous = reader.line_num
                continue
            start, previous = previous + 1, reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                yield start, f"{len(row)} fields where the header names {len(header)}"
                continue
            yield start, dict(zip(header, row, strict=True))


def csv_items(path: Path, time_column: str, tags: Callable[[dict[str, str]], tuple[str, ...]], *,
              time_required: bool) -> Iterator[Entry]:
    """The items of a CSV export with `url`, `title` and a time in seconds since 1970."""
    for line, row in csv_rows(path):
        where = f"line {line}"
        if isinstance(row, str):
            yield BadRow(where, row)
            continue
        url = web_address(row.get("url"))
        if url is None:
            yield BadRow(where, f"not a web address: {row.get('url', '')[:80]!r}")
            continue
        stamp = row.get(time_column, "").strip()
        saved = unix_time(stamp) if stamp else None
        if saved is None and (stamp or time_required):
            yield BadRow(where, f"{time_column} is not a time: {stamp[:40]!r}")
            continue
        title = text_or_none(row.get("title"))
        yield Item(url, where, title=None if title == url else title, saved=saved, tags=tags(row))


def web_address(value) -> str | None:
    """An http(s) address, or None."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    if value.lower().startswith(("http://", "https://")) and len(value) > 10 and " " not in value:
        return value
    return None


def unix_time(value: str) -> datetime | None:
    """Seconds since 1970 (as Pocket and Instapaper write them) as a local time; None if not that."""
    try:
        seconds = int(str(value).strip())
    except ValueError:
        return None
    if not 0 < seconds < 4_102_444_800:  # up to 2100
        return None
    return datetime.fromtimestamp(seconds, UTC).astimezone()


def time_of(value) -> datetime | None:
    """An ISO 8601 time (wallabag, Omnivore) or seconds since 1970."""
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)) or (isinstance(value, str) and value.strip().isdigit()):
        return unix_time(str(int(float(value))))
    return parse_saved_time(str(value))


def tag_names(value) -> tuple[str, ...]:
    """Tags given as a list of names or of objects with a name or label."""
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list):
        return ()
    names = [v if isinstance(v, str) else (v.get("name") or v.get("label") or v.get("slug"))
             for v in value if isinstance(v, (str, dict))]
    return clean_tags(n for n in names if isinstance(n, str))


def names(value) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value.strip(),) if value.strip() else ()
    if isinstance(value, list):
        return tuple(v.strip() for v in value if isinstance(v, str) and v.strip())
    return ()


def text_or_none(value) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
