"""Saving pages from the web into the library folder: fetch, then write with the note.

    async with Fetcher() as fetcher:
        result = await save_url(fetcher, Store("~/articles"), "https://example.com/story")
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from tui_reader.core.ingest.fetch import Fetcher, FetchError, Progress
from tui_reader.core.ingest.write import Store


@dataclass(frozen=True)
class SaveResult:
    url: str  # as asked
    path: Path | None = None
    duplicate: bool = False  # the same page was saved before: `path` is that file
    error: str | None = None  # why nothing was saved (one line)
    final_url: str | None = None


def now() -> datetime:
    return datetime.now().astimezone()


async def save_url(fetcher: Fetcher, store: Store, url: str, *, saved: datetime | None = None, tags=(),
                   title: str | None = None, progress: Progress | None = None) -> SaveResult:
    """Fetch `url` and write it; a SaveResult with the reason when it could not be."""
    try:
        page = await fetcher.fetch(url, progress)
    except FetchError as exc:
        return SaveResult(url, error=str(exc))
    try:
        written = await asyncio.to_thread(store.save, page.url, page.data, page.kind, saved or now(), tags=tags,
                                          title=title, charset=page.charset)
    except OSError as exc:
        return SaveResult(url, error=f"could not be written ({exc.strerror or exc})", final_url=page.url)
    return SaveResult(url, written.path, written.duplicate, final_url=page.url)


async def save_urls(urls: Iterable[str], folder: str | Path, *, on_result: Callable[[SaveResult], None] | None = None,
                    **fetcher_options) -> list[SaveResult]:
    """Save several addresses (a few at a time, one at a time per host); results in the given order."""
    store = Store(folder)
    async with Fetcher(**fetcher_options) as fetcher:
        async def one(url: str) -> SaveResult:
            result = await save_url(fetcher, store, url)
            if on_result:
                on_result(result)
            return result

        return list(await asyncio.gather(*(one(u) for u in urls)))
