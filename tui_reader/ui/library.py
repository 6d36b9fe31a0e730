"""The library's entries: each found file, loaded or with the reason it could not be."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from tui_reader.core.model import Article, ArticleError, Headline


@dataclass
class LibraryEntry:
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


def _date_key(entry: LibraryEntry) -> str:
    return (entry.article.metadata.published or "") if entry.article else ""


def _text_key(value: str | None) -> str:
    return (value or "").casefold()


# column key -> (label, key function, newest/largest first by default)
SORTS = {
    "title": ("title", lambda e: _text_key(e.article.metadata.title if e.article else e.path.name), False),
    "site": ("site", lambda e: _text_key(e.article.metadata.site if e.article else ""), False),
    "date": ("date", _date_key, True),
    "words": ("words", lambda e: e.article.word_count if e.article else -1, True),
    "quotes": ("quotes", lambda e: len(e.article.quotes) if e.article else -1, True),
}


def sort_entries(entries: list[LibraryEntry], key: str, reverse: bool = False) -> list[LibraryEntry]:
    """Sorted by `key`; unreadable files always last. `reverse` flips the default direction."""
    _, fn, descending = SORTS[key]
    good = [e for e in entries if e.article is not None]
    bad = [e for e in entries if e.article is None]
    if key == "date":  # undated articles after dated ones, whichever the direction
        dated = sorted((e for e in good if _date_key(e)), key=fn, reverse=descending != reverse)
        good = dated + sorted((e for e in good if not _date_key(e)), key=SORTS["title"][1])
    else:
        good = sorted(good, key=fn, reverse=descending != reverse)
    return good + sorted(bad, key=lambda e: e.path.name)


def matches_filter(entry: LibraryEntry, text: str) -> bool:
    """Every word of `text` appears in the title, site, authors or file name (case-insensitive)."""
    words = text.casefold().split()
    if not words:
        return True
    haystack = [entry.path.name]
    if entry.article is not None:
        meta = entry.article.metadata
        haystack += [meta.title or "", meta.site or "", *meta.authors]
    joined = " ".join(haystack).casefold()
    return all(word in joined for word in words)


def normalise_url(url: str | None) -> str:
    if not url:
        return ""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return ""
    host = (parts.hostname or "").removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}".casefold()


def normalise_title(title: str | None) -> str:
    return re.sub(r"\W+", " ", (title or "").casefold()).strip()


def find_entry(entries: list[LibraryEntry], headline: Headline) -> LibraryEntry | None:
    """The library article a headline points to: same URL (ignoring scheme, www, query), else same title."""
    loaded = [e for e in entries if e.article is not None]
    url = normalise_url(headline.url)
    if url:
        for entry in loaded:
            if normalise_url(entry.article.metadata.url) == url:
                return entry
    title = normalise_title(headline.text)
    if title:
        for entry in loaded:
            if normalise_title(entry.article.metadata.title) == title:
                return entry
    return None
