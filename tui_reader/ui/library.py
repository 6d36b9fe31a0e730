"""The library for the UI: light rows from the index, and articles loaded one at a time to read.

The library screen never holds articles: its rows are the index's `LibraryEntry` objects (a few
hundred bytes each), and an article is loaded (`load_entry`) only when it is opened.
"""

from __future__ import annotations

import re
import tempfile
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from tui_reader.core import urls
from tui_reader.core.model import Article, ArticleError, Headline, Quote

if TYPE_CHECKING:  # the index module is imported when the library is first used
    from tui_reader.core.library.index import Library
    from tui_reader.core.library.index import LibraryEntry as IndexEntry


@dataclass
class LibraryEntry:
    """One file loaded to be read: the article, or the reason it could not be."""

    path: Path
    article: Article | None = None
    error: str | None = None

    @classmethod
    def load(cls, path: Path) -> LibraryEntry:
        from tui_reader.core import load_article

        try:
            return cls(path, article=load_article(path))
        except ArticleError as exc:
            return cls(path, error=exc.reason)
        except Exception as exc:  # a loader bug must never take the library down
            return cls(path, error=f"could not be read ({type(exc).__name__}: {exc})".splitlines()[0])


BIG_FILE = 1_000_000  # bytes; bigger files are read in another process so the UI never waits for the GIL


def _load_job(path: str) -> LibraryEntry:
    return LibraryEntry.load(Path(path))


def load_entry(path: Path) -> LibraryEntry:
    """Read one file. A big one is parsed in a child process: a thread would hold the GIL for
    seconds and make every key wait; a small one is read here (a process costs more than it saves)."""
    try:
        big = path.stat().st_size >= BIG_FILE
    except OSError:
        big = False
    if not big:
        return LibraryEntry.load(path)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    # Not fork: the app has threads running, and forking a threaded process is unsafe.
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    try:
        with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
            return pool.submit(_load_job, str(path)).result()
    except Exception:  # no processes allowed here, or the child died: read it in this thread
        return LibraryEntry.load(path)


# ------------------------------------------------------------------------------------------------
# The index, used from the UI


class LibraryIndex:
    """The SQLite library for the app: searches and quotes run on one thread of their own (one
    connection serves them all, and the UI never waits on SQLite); a refresh runs in a Textual
    worker. When the cache folder cannot hold the index, a temporary one is used, with a notice."""

    def __init__(self, paths: list[Path]) -> None:
        self.paths = [Path(p) for p in paths]
        self.notices: list[str] = []
        self._library: Library | None = None
        self._lock = threading.Lock()
        self._queries = ThreadPoolExecutor(1, thread_name_prefix="tui-reader-index")

    @property
    def library(self) -> Library:
        with self._lock:
            if self._library is None:
                from tui_reader.core.library.index import Library, LibraryError

                try:
                    self._library = Library(self.paths)
                except LibraryError as exc:
                    folder = Path(tempfile.mkdtemp(prefix="tui-reader-index-"))
                    self._library = Library(self.paths, index=folder / "library.sqlite3")
                    self.notices.append(f"{exc}; a temporary index is used this time.")
            return self._library

    def take_notices(self) -> list[str]:
        """Notices for people (an index rebuilt, a temporary index), each given once."""
        library = self.library
        if library.notice:
            self.notices.append(library.notice)
            library.notice = None
        notices, self.notices = self.notices, []
        return notices

    def submit(self, method: str, *args, **kwargs) -> Future:
        """Run `Library.<method>(*args, **kwargs)` on the index thread."""
        return self._queries.submit(lambda: getattr(self.library, method)(*args, **kwargs))

    def close(self) -> None:
        self._queries.shutdown(wait=False, cancel_futures=True)
        with self._lock:
            if self._library is not None:
                self._library.close()


def light_article(entry: IndexEntry, quotes: tuple[Quote, ...] = ()) -> Article:
    """An Article with the entry's metadata and no body: enough to cite it without reading the file."""
    return Article(path=entry.path, format=entry.format or "html", metadata=entry.metadata, sections=(),
                   quotes=quotes, content_hash=entry.content_hash or "")


def find_quote(article: Article, quote: Quote) -> Quote | None:
    """The article's own quote for one found in the index (the file may have changed since)."""
    if quote in article.quotes:
        return quote
    text = " ".join(quote.text.split())
    return next((q for q in article.quotes if " ".join(q.text.split()) == text), None)


# ------------------------------------------------------------------------------------------------
# Sorting and filtering rows


def _date_key(entry: IndexEntry) -> str:
    return entry.published or ""


def _text_key(value: str | None) -> str:
    return (value or "").casefold()


# column key -> (label, key function, newest/largest first by default)
SORTS = {
    "title": ("title", lambda e: _text_key(e.display_title), False),
    "site": ("site", lambda e: _text_key(e.site), False),
    "date": ("date", _date_key, True),
    "words": ("words", lambda e: e.words, True),
    "quotes": ("quotes", lambda e: e.quote_count, True),
}


def sort_entries(entries: list[IndexEntry], key: str, reverse: bool = False) -> list[IndexEntry]:
    """Sorted by `key`; unreadable files always last. `reverse` flips the default direction."""
    _, fn, descending = SORTS[key]
    good = [e for e in entries if e.error is None]
    bad = [e for e in entries if e.error is not None]
    if key == "date":  # undated articles after dated ones, whichever the direction
        dated = sorted((e for e in good if e.published), key=fn, reverse=descending != reverse)
        good = dated + sorted((e for e in good if not e.published), key=SORTS["title"][1])
    else:
        good = sorted(good, key=fn, reverse=descending != reverse)
    return good + sorted(bad, key=lambda e: e.name)


def matches_filter(entry: IndexEntry, text: str) -> bool:
    """Every word of `text` appears in the title, site, authors, tags or file name (case-insensitive)."""
    words = text.casefold().split()
    if not words:
        return True
    haystack = [entry.name]
    if entry.error is None:
        haystack += [entry.title or "", entry.site or "", *entry.authors, *entry.tags]
    joined = " ".join(haystack).casefold()
    return all(word in joined for word in words)


def normalise_title(title: str | None) -> str:
    return re.sub(r"\W+", " ", (title or "").casefold()).strip()


def find_entry(entries: list[IndexEntry], headline: Headline) -> IndexEntry | None:
    """The library entry a headline points to: same URL (ignoring scheme, www, query), else same title."""
    readable = [e for e in entries if e.error is None]
    url = urls.page_key(headline.url, query=False)
    if url:
        for entry in readable:
            if urls.page_key(entry.url, query=False) == url:
                return entry
    title = normalise_title(headline.text)
    if title:
        for entry in readable:
            if normalise_title(entry.title) == title:
                return entry
    return None
