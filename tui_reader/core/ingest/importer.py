"""Importing a read-it-later export into the library folder.

Items with their content in the export are written as article files; the others are fetched as
`save` fetches (a few at a time, one request at a time per host, retries with back-off). Each
item done is noted in a journal (`.tui-reader-import.jsonl`, hidden, in the library folder), so
running the import again skips what is there and picks up where it stopped.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tui_reader.core.ingest.document import document
from tui_reader.core.ingest.fetch import Fetcher
from tui_reader.core.ingest.formats import BadRow, Entry, Item
from tui_reader.core.ingest.save import now, save_url
from tui_reader.core.ingest.write import Store

JOURNAL = ".tui-reader-import.jsonl"


class Journal:
    """Addresses imported into a folder, and the file each became."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.path = root / JOURNAL
        self._done: dict[str, str] = {}
        self._lock = threading.Lock()
        with contextlib.suppress(OSError), open(self.path, encoding="utf-8") as handle:
            for line in handle:
                with contextlib.suppress(ValueError, TypeError, KeyError):
                    record = json.loads(line)
                    self._done[str(record["url"])] = str(record["path"])

    def done(self, url: str) -> Path | None:
        """The file an address became, when it was imported before and the file is still there."""
        relative = self._done.get(url)
        if relative is None:
            return None
        path = self.root / relative
        return path if path.exists() else None

    def record(self, url: str, path: Path) -> None:
        relative = os.path.relpath(path, self.root)
        with self._lock:
            self.root.mkdir(parents=True, exist_ok=True)
            with open(self.path, "a", encoding="utf-8") as handle:
                handle.write(json.dumps({"url": url, "path": relative}, ensure_ascii=False) + "\n")
            self._done[url] = relative


@dataclass(frozen=True)
class Outcome:
    item: Item
    how: str  # "written" (from the export), "fetched", "already" (imported before), "failed"
    path: Path | None = None
    reason: str | None = None


@dataclass
class ImportReport:
    outcomes: list[Outcome] = field(default_factory=list)
    bad_rows: list[BadRow] = field(default_factory=list)

    def count(self, how: str) -> int:
        return sum(1 for o in self.outcomes if o.how == how)

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.how == "failed"]


Progress = Callable[[int, int, Outcome], None]  # (done, total, the outcome just had)


async def import_entries(entries: Iterable[Entry], folder: str | Path, *, progress: Progress | None = None,
                         **fetcher_options) -> ImportReport:
    """Import every item of an export (`formats.read_export`) into `folder`."""
    root = Path(folder).expanduser()
    store, journal = Store(root), Journal(root)
    report = ImportReport()
    items: dict[str, Item] = {}
    for entry in entries:
        if isinstance(entry, BadRow):
            report.bad_rows.append(entry)
        else:
            items.setdefault(entry.url, entry)  # an address listed twice is imported once
    total, done = len(items), 0

    async def one(item: Item) -> None:
        nonlocal done
        outcome = await _import_one(item, fetcher, store, journal)
        report.outcomes.append(outcome)
        done += 1
        if progress:
            progress(done, total, outcome)

    async with Fetcher(**fetcher_options) as fetcher:
        await asyncio.gather(*(one(item) for item in items.values()))
    return report


async def _import_one(item: Item, fetcher: Fetcher, store: Store, journal: Journal) -> Outcome:
    before = journal.done(item.url)
    if before is not None:
        return Outcome(item, "already", before)
    saved = item.saved or now()
    if item.content:
        relative, data = document(item, saved)
        try:
            written = await asyncio.to_thread(store.write_document, relative, data, item.url)
        except OSError as exc:
            return Outcome(item, "failed", reason=f"could not be written ({exc.strerror or exc})")
        how, path = ("already" if written.duplicate else "written"), written.path
    else:
        result = await save_url(fetcher, store, item.url, saved=saved, tags=item.tags, title=item.title)
        if result.error:
            return Outcome(item, "failed", reason=result.error)
        how, path = ("already" if result.duplicate else "fetched"), result.path
    try:
        await asyncio.to_thread(journal.record, item.url, path)
    except OSError:
        pass  # the article is there; only resuming will not know it (the same page is noticed anyway)
    return Outcome(item, how, path)
