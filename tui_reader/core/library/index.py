"""The library: every article under one or more folders, indexed in SQLite for instant listing,
full-text search and quotes across the archive.

    lib = Library(["~/articles"])          # or Library() for every folder indexed before
    lib.entries()                          # from the index at once (warm start)
    lib.refresh(progress=callback)         # re-reads only what changed; a cold build uses every core
    lib.search('"exact phrase" speaker:Stoltenberg confront*')
    lib.speakers(); lib.quotes(speaker="Stoltenberg")

The index (`library.sqlite3` in the user's cache folder, or `$TUI_READER_CACHE_DIR`) is a cache:
article files are only read, never written. Each thread gets its own connection; SQLite's WAL
lets a reader go on while another instance writes, and writes go in short batches.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import stat
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from tui_reader.core.library.analysis import analysis_version
from tui_reader.core.library.discover import ARTICLE_EXTENSIONS, is_asset_dir
from tui_reader.core.library.listing import HeadlineLookup
from tui_reader.core.library.query import MatchLocation, Query, QuerySyntaxError, Term, find_match, parse_query
from tui_reader.core.library.schema import (
    BODY_COLUMN,
    ENTRY_COLUMNS,
    FTS_COLUMNS,
    FTS_WEIGHTS,
    INDEX_FILE,
    LibraryError,
    index_path,
    is_corruption,
    open_index,
    reset_index,
)
from tui_reader.core.library.speakers import SpeakerGroup, group_speakers, matching_groups
from tui_reader.core.model import WORDS_PER_MINUTE, Headline, Metadata, Quote
from tui_reader.core.sqlite_files import is_unwritable

__all__ = [
    "Library",
    "IndexEntry",
    "LibraryError",
    "MatchLocation",
    "QuerySyntaxError",
    "QuoteHit",
    "RefreshProgress",
    "RefreshResult",
    "SearchHit",
    "Snippet",
    "SpeakerGroup",
    "find_match",
]

MARK_START, MARK_END = "\x02", "\x03"  # what FTS5 puts around matched words in a snippet
POOL_MIN = 24  # fewer files than this are read in this process: starting workers costs more
BATCH_SECONDS = 0.25  # a write transaction never holds the index longer than about this


# ------------------------------------------------------------------------------------------------
# What the index gives back


@dataclass(slots=True)
class IndexEntry:
    """One article file as the index knows it (no body: load the file to read it).

    Read-only by convention: not frozen, because a frozen dataclass costs five times as much to
    build and a warm start builds 10,000 of them. Key dictionaries by `id` (or `path`).
    """

    id: int  # stable while the file exists, across renames and moves
    path: str
    size: int
    mtime_ns: int
    content_hash: str | None
    format: str | None
    title: str | None
    authors: tuple[str, ...]
    site: str | None
    published: str | None
    url: str | None
    language: str | None
    kind: str | None
    words: int
    quote_count: int
    headline_count: int
    warning_count: int
    error: str | None  # why the file could not be read as an article; None when it could
    tags: tuple[str, ...] = ()  # the user's tags (from `save`/`import`)
    accessed: str | None = None  # the day the page was saved: citations' access date

    @property
    def name(self) -> str:
        return os.path.basename(self.path)

    @property
    def display_title(self) -> str:
        return self.title or self.name

    @property
    def mtime(self) -> float:
        return self.mtime_ns / 1e9

    @property
    def reading_minutes(self) -> int:
        return max(1, -(-self.words // WORDS_PER_MINUTE)) if self.words else 0

    @property
    def metadata(self) -> Metadata:
        return Metadata(
            title=self.title, authors=self.authors, site=self.site, published=self.published, url=self.url,
            language=self.language, kind=self.kind or "article-newspaper", accessed=self.accessed,
        )


@dataclass(frozen=True)
class Snippet:
    """Text around a match; `marks` are (start, end) offsets of the matched words in `text`."""

    text: str
    marks: tuple[tuple[int, int], ...] = ()

    @classmethod
    def parse(cls, raw: str) -> Snippet:
        raw = " ".join(raw.split())
        out: list[str] = []
        marks: list[tuple[int, int]] = []
        length, start = 0, None
        for piece in _split_marks(raw):
            if piece == MARK_START:
                start = length
            elif piece == MARK_END:
                if start is not None and length > start:
                    marks.append((start, length))
                start = None
            else:
                out.append(piece)
                length += len(piece)
        return cls("".join(out), tuple(marks))

    def parts(self) -> list[tuple[str, bool]]:
        """The text cut into (piece, is_match) runs, for a UI to style."""
        parts, pos = [], 0
        for start, end in self.marks:
            if start > pos:
                parts.append((self.text[pos:start], False))
            parts.append((self.text[start:end], True))
            pos = end
        if pos < len(self.text):
            parts.append((self.text[pos:], False))
        return parts

    def marked(self, before: str, after: str) -> str:
        return "".join(f"{before}{text}{after}" if hit else text for text, hit in self.parts())


_MARKS = re.compile(f"([{MARK_START}{MARK_END}])")


def _split_marks(raw: str) -> list[str]:
    return [piece for piece in _MARKS.split(raw) if piece]


@dataclass(frozen=True)
class SearchHit:
    entry: IndexEntry
    score: float  # higher is better (bm25, sign flipped; quote count for a speaker-only search)
    snippet: Snippet
    query: Query
    quote: Quote | None = None  # a speaker-only search's: the quote its snippet shows, where the reader opens

    def location(self, article) -> MatchLocation | None:
        """Where to scroll in the loaded article (`load_article(hit.entry.path)`)."""
        return find_match(article, self.query)


@dataclass(frozen=True)
class QuoteHit:
    quote: Quote
    entry: IndexEntry
    speaker_key: str | None  # the SpeakerGroup key, None for an unattributed quote
    speaker_name: str | None  # the group's name (the quote's own spelling is quote.speaker)


@dataclass(frozen=True)
class RefreshProgress:
    phase: str  # "scan" (walking folders, total unknown), "check" (hashing changed files), "load"
    done: int
    total: int | None
    path: str | None = None
    change: str | None = None  # with "load": "added" or "changed", once the entry is written


@dataclass
class RefreshResult:
    files: int = 0
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)  # unchanged files read again for a newer analysis
    moved: list[tuple[str, str]] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, error) of files read now
    unchanged: int = 0
    unavailable: list[str] = field(default_factory=list)  # roots not there now; their entries kept
    stopped: bool = False
    seconds: float = 0.0

    @property
    def changes(self) -> int:
        return len(self.added) + len(self.changed) + len(self.updated) + len(self.moved) + len(self.removed)


# ------------------------------------------------------------------------------------------------
# Reading one file (in a worker process during a cold build)


@dataclass(slots=True)
class IndexRecord:
    """What the index keeps of one file, as read by `read_record` (in a worker process during a
    cold build): the entry's fields, its quotes, and the text for full-text search."""

    path: str
    size: int
    mtime_ns: int
    hash: str | None
    format: str | None = None
    title: str | None = None
    authors: str = ""
    site: str | None = None
    published: str | None = None
    url: str | None = None
    language: str | None = None
    kind: str | None = None
    words: int = 0
    warnings: int = 0
    error: str | None = None
    headline_count: int = 0
    quotes: list[tuple] = field(default_factory=list)
    headlines: str = ""
    body: str = ""
    tags: str = ""
    accessed: str | None = None


def _hash_file(path: str) -> str | None:
    """The content hash of a regular file (None for anything else: a FIFO must not block the index)."""
    from tui_reader.core.extract.decode import open_regular
    from tui_reader.core.model import ArticleError

    digest = hashlib.sha256()
    try:
        with open_regular(path) as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
    except (OSError, ArticleError):
        return None
    return digest.hexdigest()


def read_record(job: tuple[str, int, int]) -> IndexRecord:
    """Read one file (path, size, mtime_ns) for the index; never raises: a file that cannot be read
    as an article is a record with its `error`."""
    from tui_reader.core import ArticleError, load_article

    path, size, mtime_ns = job
    try:
        article = load_article(path)
    except ArticleError as exc:
        return IndexRecord(path, size, mtime_ns, _hash_file(path), error=exc.reason)
    except Exception as exc:  # a loader defect must not stop the library: the file is listed with it
        reason = f"could not be read ({type(exc).__name__}: {exc})".splitlines()[0]
        return IndexRecord(path, size, mtime_ns, _hash_file(path), error=reason)
    meta = article.metadata
    return IndexRecord(
        path, size, mtime_ns, article.content_hash or _hash_file(path),
        format=article.format, title=meta.title, authors="\n".join(a.name for a in meta.authors), site=meta.site,
        published=meta.published, url=meta.url, language=meta.language, kind=meta.kind,
        words=article.word_count, warnings=len(article.warnings),
        quotes=[(n, q.text, q.speaker, q.cue, q.section, q.block, q.start, q.end, q.end_block)
                for n, q in enumerate(article.quotes)],
        headline_count=len(article.headlines), headlines="\n".join(h.text for h in article.headlines),
        body=article.text, tags="\n".join(article.tags), accessed=meta.accessed,
    )


# ------------------------------------------------------------------------------------------------
# The library


def _abspath(path: str | os.PathLike) -> str:
    return os.path.abspath(os.path.expanduser(os.fsdecode(path)))


# File paths as the index stores them. A name that is not UTF-8 reaches Python with its odd bytes
# as lone surrogates (U+DC80-U+DCFF), which SQLite cannot take; each is stored as _MARK and a
# private-use character (and _MARK itself doubled), so every path goes in and comes back exactly.
# Character by character, so a folder's range of paths (`_scope_sql`) still holds its files.
_MARK = "\U0010fffd"
_TO_STORE = re.compile("[\ud800-\udfff\U0010fffd]")
_FROM_STORE = re.compile("\U0010fffd(.)", re.DOTALL)


def _stored(path: str) -> str:
    """`path` as the index stores it (valid UTF-8)."""
    if not _TO_STORE.search(path):
        return path
    return _TO_STORE.sub(lambda m: _MARK + (_MARK if m[0] == _MARK else chr(0x10F000 + ord(m[0]) - 0xD800)), path)


def _path(stored: str) -> str:
    """The file path an index value stands for (the inverse of `_stored`)."""
    if _MARK not in stored:
        return stored
    return _FROM_STORE.sub(lambda m: _MARK if m[1] == _MARK else chr(0xD800 + ord(m[1]) - 0x10F000), stored)


def _scope_sql(roots: list[str] | None, column: str = "path") -> tuple[str, list[str]]:
    """SQL condition and parameters selecting the entries under `roots` (all when None)."""
    if roots is None:
        return "1", []
    if not roots:
        return "0", []
    parts, params = [], []
    for root in roots:
        root = _stored(root)
        prefix = root.rstrip(os.sep) + os.sep
        # One range the path index can walk in order (no sort for ORDER BY path), then the root
        # itself or what is under it: "/lib-old" sorts between "/lib" and "/lib/" and is left out.
        parts.append(f"({column} >= ? AND {column} < ? AND ({column} = ? OR {column} >= ?))")
        params += [min(root, prefix), prefix[:-1] + chr(ord(os.sep) + 1), root, prefix]
    return "(" + " OR ".join(parts) + ")", params


def _scan(root: str) -> Iterator[tuple[str, int, int]]:
    """(path, size, mtime_ns) of the article files under `root`, by the rules of
    `discover.find_article_files` (hidden entries and browsers' asset folders skipped, article
    extensions only, a file given as the root kept whatever its name), but with the stat that
    os.scandir gives and files and folders told apart by inode: a walk of 10,000 files costs about
    what listing them does, and a symlink loop is walked once."""
    try:
        st = os.stat(root)
    except OSError:
        return
    if not stat.S_ISDIR(st.st_mode):
        yield root, st.st_size, st.st_mtime_ns
        return
    seen_dirs, seen_files = {(st.st_dev, st.st_ino)}, set()
    stack = [root]
    while stack:
        try:
            with os.scandir(stack.pop()) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError:
            continue
        subdirs = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_dir():
                    info = entry.stat()
                    if not is_asset_dir(entry.name) and (info.st_dev, info.st_ino) not in seen_dirs:
                        seen_dirs.add((info.st_dev, info.st_ino))
                        subdirs.append(entry.path)
                elif entry.is_file() and os.path.splitext(entry.name)[1].lower() in ARTICLE_EXTENSIONS:
                    info = entry.stat()
                    if (info.st_dev, info.st_ino) not in seen_files:
                        seen_files.add((info.st_dev, info.st_ino))
                        yield entry.path, info.st_size, info.st_mtime_ns
            except OSError:
                continue
        stack.extend(reversed(subdirs))


def _outermost(roots: list[str]) -> list[str]:
    """The roots not inside another one (a folder searched once is not walked twice)."""
    ordered = sorted(set(roots))
    kept: list[str] = []
    for root in ordered:
        if not any(root.startswith(k.rstrip(os.sep) + os.sep) for k in kept):
            kept.append(root)
    return kept


def _entry(row) -> IndexEntry:
    (id_, path, size, mtime_ns, hash_, fmt, title, authors, site, published, url, language, kind,
     words, quotes, headlines, warnings, error, tags, accessed) = row
    return IndexEntry(id_, _path(path), size, mtime_ns, hash_, fmt, title, tuple(authors.split("\n")) if authors else (),
                      site, published, url, language, kind, words, quotes, headlines, warnings, error,
                      tuple(tags.split("\n")) if tags else (), accessed)


class _Link(NamedTuple):
    """What finding a headline's entry needs of each readable entry."""

    id: int
    url: str | None
    title: str | None
    error: None = None


_UPSERT_ENTRY = """INSERT INTO entries (path, size, mtime_ns, hash, format, title, authors, site, published, url,
       language, kind, words, quotes, headlines, warnings, error, tags, accessed, analysis)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
   ON CONFLICT (path) DO UPDATE SET size = excluded.size, mtime_ns = excluded.mtime_ns,
       hash = excluded.hash, format = excluded.format, title = excluded.title,
       authors = excluded.authors, site = excluded.site, published = excluded.published,
       url = excluded.url, language = excluded.language, kind = excluded.kind,
       words = excluded.words, quotes = excluded.quotes, headlines = excluded.headlines,
       warnings = excluded.warnings, error = excluded.error, tags = excluded.tags,
       accessed = excluded.accessed, analysis = excluded.analysis"""

_ENTRY_SELECT = "SELECT " + ", ".join(f"e.{c}" for c in ENTRY_COLUMNS) + " FROM entries e"


class Library:
    """Articles under `roots` (folders or files); `roots=None` means every root indexed so far."""

    def __init__(self, roots: Iterable[str | os.PathLike] | None = None, *, index: str | os.PathLike | None = None) -> None:
        self.index_path = Path(index) if index is not None else index_path()
        self._given_roots = None if roots is None else list(dict.fromkeys(_abspath(r) for r in roots))
        self._local = threading.local()
        self._lock = threading.Lock()
        self._connections: list[sqlite3.Connection] = []
        self._epoch = 0  # raised when the index is opened afresh: each thread then reopens its connection
        self._generation = 0
        self._speaker_cache: tuple | None = None
        self._headline_cache: tuple | None = None
        self._scope_cache: tuple | None = None
        self.notice: str | None = None  # set when the index had to be started afresh
        self._temporary: str | None = None  # the folder of a temporary index, when the cache cannot hold one
        self.created = False  # True when there was no index: everything will be read
        self._open()

    # -- connections -----------------------------------------------------------------------

    def _open(self) -> None:
        try:
            db, notice, created = open_index(self.index_path)
        except LibraryError as exc:  # unusable here, or locked by another program for too long
            if self._temporary is not None:
                raise
            self._use_temporary(str(exc))
            db, notice, created = open_index(self.index_path)
        self.notice = notice or self.notice
        self.created = created or self.created
        self._local.db, self._local.epoch = db, self._epoch
        with self._lock:
            self._connections.append(db)

    @property
    def _db(self) -> sqlite3.Connection:
        """This thread's connection (SQLite connections are not shared between threads)."""
        db = getattr(self._local, "db", None)
        if db is not None and self._local.epoch != self._epoch:
            self._close_own()  # the index was opened afresh by another thread: follow it
            db = None
        if db is None:
            self._open()
            db = self._local.db
        return db

    def _close_own(self) -> None:
        db, self._local.db = getattr(self._local, "db", None), None
        if db is None:
            return
        with self._lock:
            self._connections = [c for c in self._connections if c is not db]
        try:
            db.close()
        except sqlite3.Error:
            pass

    def _use_temporary(self, reason: str) -> None:
        """Work from an index in a temporary folder (removed by `close`): the cache cannot hold one."""
        import tempfile

        self._temporary = tempfile.mkdtemp(prefix="tui-reader-index-")
        self.index_path = Path(self._temporary) / INDEX_FILE
        self.notice = f"{reason}; a temporary index is used this time."
        self.created = True
        self._generation += 1

    def _disconnect(self) -> None:
        """Close this thread's connection, and have every other thread reopen its own when next
        used. Never close another thread's: it may be in a query, and that crashes the process."""
        self._close_own()
        self._epoch += 1

    def close(self) -> None:
        """Close every connection: call it when no other thread is using the library."""
        with self._lock:
            for db in self._connections:
                try:
                    db.close()
                except sqlite3.Error:
                    pass
            self._connections.clear()
        self._local = threading.local()
        if self._temporary is not None:
            import shutil

            shutil.rmtree(self._temporary, ignore_errors=True)

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _guarded(self, action: Callable):
        """Run `action`; if the index turns out damaged, start it afresh (with a notice), or if it
        cannot be written, go on from a temporary one, and run it again. Any other SQLite failure
        is a LibraryError (one line for people), never a traceback."""
        try:
            return action()
        except sqlite3.DatabaseError as exc:
            if not (is_corruption(exc) or (is_unwritable(exc) and self._temporary is None)):
                raise LibraryError(f"{self.index_path}: {exc}") from exc
            self._disconnect()
            try:
                if not is_corruption(exc):
                    raise OSError(str(exc))
                self.notice = reset_index(self.index_path, str(exc))
                self.created = True
                self._generation += 1
            except OSError as why:
                if self._temporary is not None:
                    raise LibraryError(f"{self.index_path}: {exc}") from exc
                self._use_temporary(f"{self.index_path}: the library index cannot be used ({why})")
            self._open()
            return action()

    def _write(self) -> _Transaction:
        return _Transaction(self._db)

    # -- roots and entries -----------------------------------------------------------------

    @property
    def roots(self) -> list[str] | None:
        """The folders and files this library covers; None when it is every entry in the index."""
        if self._given_roots is not None:
            return list(self._given_roots)
        return None

    def known_roots(self) -> list[str]:
        return [_path(r) for (r,) in self._db.execute("SELECT path FROM roots ORDER BY path")]

    def forget(self, root: str | os.PathLike) -> int:
        """Drop a root and every entry under it from the index (the files are not touched); how many."""
        root = _abspath(root)

        def action():
            where, params = _scope_sql([root])
            with self._write() as db:
                ids = [i for (i,) in db.execute(f"SELECT id FROM entries WHERE {where}", params)]
                self._delete_ids(db, ids)
                db.execute("DELETE FROM roots WHERE path = ?", (_stored(root),))
            self._changed()
            return len(ids)
        return self._guarded(action)

    def entries(self) -> list[IndexEntry]:
        """Every entry under the roots, by path; straight from the index (no file is touched)."""
        def action():
            where, params = _scope_sql(self.roots, "e.path")
            return [_entry(r) for r in self._db.execute(f"{_ENTRY_SELECT} WHERE {where} ORDER BY e.path", params)]
        return self._guarded(action)

    def newest(self, limit: int) -> tuple[list[IndexEntry], int, int]:
        """What a list shows first, before `entries()` is read: the first `limit` readable, dated
        entries newest first (as `listing.sort_entries(entries(), "date")` begins), the number of
        entries under the roots and how many of them are unreadable."""
        def action():
            where, params = _scope_sql(self.roots, "e.path")
            rows = self._db.execute(f"{_ENTRY_SELECT} WHERE e.error IS NULL AND e.published <> '' AND {where} "
                                    "ORDER BY e.published DESC, e.path LIMIT ?", [*params, limit])
            first = [_entry(row) for row in rows]
            total, failed = self._db.execute(
                f"SELECT count(*), count(error) FROM entries e WHERE {where}", params).fetchone()
            return first, total, failed
        return self._guarded(action)

    def entry(self, path: str | os.PathLike) -> IndexEntry | None:
        def action():
            row = self._db.execute(f"{_ENTRY_SELECT} WHERE e.path = ?", (_stored(_abspath(path)),)).fetchone()
            return _entry(row) if row else None
        return self._guarded(action)

    def find_headline(self, headline: Headline) -> IndexEntry | None:
        """The entry a linked headline points to: the same page address, else the same title."""
        def action():
            db = self._db
            stamp = (self._generation, db.execute("PRAGMA data_version").fetchone()[0], id(db))
            if self._headline_cache is None or self._headline_cache[0] != stamp:
                where, params = _scope_sql(self.roots, "path")
                rows = db.execute(f"SELECT id, url, title FROM entries WHERE error IS NULL AND {where} ORDER BY path", params)
                self._headline_cache = (stamp, HeadlineLookup(_Link(*row) for row in rows))
            found = self._headline_cache[1].find(headline)
            row = db.execute(f"{_ENTRY_SELECT} WHERE e.id = ?", (found.id,)).fetchone() if found else None
            return _entry(row) if row else None
        return self._guarded(action)

    def count(self) -> int:
        where, params = _scope_sql(self.roots)
        return self._guarded(lambda: self._db.execute(f"SELECT count(*) FROM entries WHERE {where}", params).fetchone()[0])

    def entry_quotes(self, entry_id: int) -> list[Quote]:
        rows = self._guarded(lambda: self._db.execute(
            'SELECT text, speaker, cue, section, block, start, "end", end_block FROM quotes WHERE entry = ? ORDER BY n',
            (entry_id,)).fetchall())
        return [Quote(*row) for row in rows]

    # -- refresh ---------------------------------------------------------------------------

    def refresh(
        self,
        progress: Callable[[RefreshProgress], None] | None = None,
        *,
        should_stop: Callable[[], bool] | None = None,
        rebuild: bool = False,
        workers: int | None = None,
        reanalyse: bool = True,
    ) -> RefreshResult:
        """Bring the index in line with the files: new files added, changed ones read again (size or
        mtime differ and the content hash too), moved or renamed ones keep their entry, deleted ones
        go. `rebuild` reads every file again. `reanalyse`: then unchanged files whose rows an older
        analysis made (`analysis.py`) are read again too, last; without it their rows serve as they
        are. Safe to call from a worker thread; `progress` is then called from that thread.
        `should_stop` is polled; what was written before stopping stays."""
        return self._guarded(lambda: self._refresh(progress or (lambda p: None), should_stop or (lambda: False),
                                                   rebuild, workers, reanalyse))

    def _refresh(self, progress, should_stop, rebuild, workers, reanalyse) -> RefreshResult:
        started = time.perf_counter()
        result = RefreshResult()
        roots = _outermost(self.roots if self.roots is not None else self.known_roots())
        available = []
        for root in roots:
            (available if os.path.exists(root) else result.unavailable).append(root)
        # 1. Walk the folders and stat every article file.
        found: dict[str, tuple[int, int]] = {}
        for root in available:
            for path, size, mtime_ns in _scan(root):
                found[path] = (size, mtime_ns)
                if len(found) % 500 == 0:
                    progress(RefreshProgress("scan", len(found), None))
        result.files = len(found)
        progress(RefreshProgress("scan", len(found), len(found)))
        new_roots = set(available) - set(self.known_roots())
        if new_roots or rebuild:
            with self._write() as db:
                db.executemany("INSERT OR IGNORE INTO roots (path) VALUES (?)", [(_stored(r),) for r in sorted(new_roots)])
                if rebuild:
                    where, params = _scope_sql(available)
                    self._delete_ids(db, [i for (i,) in db.execute(f"SELECT id FROM entries WHERE {where}", params)])
        # 2. Compare with the index.
        where, params = _scope_sql(available)
        rows = self._db.execute(f"SELECT id, path, size, mtime_ns, hash, analysis FROM entries WHERE {where}", params)
        known = {_path(row[1]): (row[0], *row[2:]) for row in rows}  # path -> (id, size, mtime_ns, hash, analysis)
        missing = {path: row for path, row in known.items() if path not in found}
        new = [p for p in found if p not in known]
        stat_changed = [p for p in found if p in known and known[p][1:3] != found[p]]
        to_load: list[str] = []
        touched: list[tuple[int, int, int]] = []  # (size, mtime_ns, id): same content, new stat
        moves: list[tuple[int, str, str]] = []  # (id, old path, new path)
        missing_sizes = {row[1] for row in missing.values()}
        to_hash = stat_changed + [p for p in new if found[p][0] in missing_sizes]  # a move keeps the size
        hashes: dict[str, str | None] = {}
        for k, path in enumerate(to_hash):
            hashes[path] = _hash_file(path)
            progress(RefreshProgress("check", k + 1, len(to_hash), path))
        for path in stat_changed:
            if hashes[path] is not None and hashes[path] == known[path][3]:
                touched.append((*found[path], known[path][0]))
            else:
                to_load.append(path)
        by_hash: dict[str, list[str]] = {}
        for path, (_, _, _, hash_, _) in sorted(missing.items()):
            if hash_:
                by_hash.setdefault(hash_, []).append(path)
        for path in new:
            old_paths = by_hash.get(hashes.get(path) or "")
            if old_paths:
                old = old_paths.pop(0)
                moves.append((missing.pop(old)[0], old, path))
            else:
                to_load.append(path)
        # Rows an older analysis made, of files that did not change (or only moved): read last.
        loading, version = set(to_load), analysis_version()
        moved_from = {new_path: old for _, old, new_path in moves}
        stale = [p for p in found if reanalyse and p not in loading
                 and (row := known.get(moved_from.get(p, p))) is not None and row[4] != version]
        result.unchanged = len(found) - len(loading | set(stale) | set(moved_from))
        # 3. Cheap changes in one short transaction: moves, stat updates, deletions.
        if moves or touched or missing:
            self._apply_cheap_changes(moves, touched, missing, found, result)
        # 4. Read what is new or changed, in worker processes when there is much of it; then the stale.
        if to_load or stale:
            self._load(to_load + stale, found, known, result, progress, should_stop, workers, set(stale))
        result.seconds = time.perf_counter() - started
        return result

    def _apply_cheap_changes(self, moves, touched, missing, found, result) -> None:
        with self._write() as db:
            for id_, old, new_path in moves:
                if db.execute("SELECT 1 FROM entries WHERE path = ?", (_stored(new_path),)).fetchone():
                    self._delete_ids(db, [id_])  # another instance indexed the new path meanwhile
                else:
                    size, mtime = found[new_path]
                    db.execute("UPDATE entries SET path = ?, size = ?, mtime_ns = ? WHERE id = ?",
                               (_stored(new_path), size, mtime, id_))
                result.moved.append((old, new_path))
            db.executemany("UPDATE entries SET size = ?, mtime_ns = ? WHERE id = ?", touched)
            self._delete_ids(db, [row[0] for row in missing.values()])
            result.removed.extend(sorted(missing))
        self._changed()

    def _load(self, paths, found, known, result, progress, should_stop, workers, stale: set[str]) -> None:
        jobs = [(p, *found[p]) for p in paths]
        workers = workers or os.cpu_count() or 1
        batch: list[IndexRecord] = []
        last_write = time.perf_counter()
        done = 0

        def flush():
            nonlocal done, last_write
            if not batch:
                return
            with self._write() as db:
                self._store(db, batch)
            self._changed()
            for record in batch:
                done += 1
                change = "changed" if record.path in known or record.path in stale else "added"
                kind = result.updated if record.path in stale else result.changed if change == "changed" else result.added
                kind.append(record.path)
                if record.error:
                    result.failed.append((record.path, record.error))
                progress(RefreshProgress("load", done, len(jobs), record.path, change))
            batch.clear()
            last_write = time.perf_counter()

        received: set[str] = set()

        def consume(records: Iterable[IndexRecord]) -> bool:
            for record in records:
                received.add(record.path)
                batch.append(record)
                if len(batch) >= 200 or time.perf_counter() - last_write > BATCH_SECONDS:
                    flush()
                if should_stop():
                    result.stopped = True
                    return False
            return True

        progress(RefreshProgress("load", 0, len(jobs)))
        from tui_reader.core.processes import BIG_FILE

        # a few files are read here (starting workers costs more), unless one is big: a quit never waits for it
        if (workers > 1 and len(jobs) >= POOL_MIN) or any(job[1] >= BIG_FILE for job in jobs):
            from tui_reader.core.processes import imap_unordered

            # Biggest files first (the new and changed before the stale): the last file read is a
            # small one, so no worker waits long for another to finish at the end.
            jobs.sort(key=lambda job: (job[0] in stale, -job[1]))
            records = imap_unordered(read_record, jobs, workers, should_stop)
            try:
                if not consume(records) or should_stop():
                    result.stopped = True
            except Exception:  # noqa: BLE001 - the workers could not start or died: read the rest here
                consume(read_record(job) for job in jobs if job[0] not in received)
            finally:
                records.close()
        else:
            consume(read_record(job) for job in jobs)
        flush()

    def store(self, records: list[IndexRecord]) -> None:
        """Write records read elsewhere (`read_record`) in one transaction; a path already indexed
        keeps its entry id."""
        def action():
            with self._write() as db:
                self._store(db, records)
            self._changed()
        self._guarded(action)

    @staticmethod
    def _store(db: sqlite3.Connection, records: list[IndexRecord]) -> None:
        """Write a batch of records: a few statements for the whole batch, not a few for each."""
        stored = {r.path: _stored(r.path) for r in records}
        paths = json.dumps(list(stored.values()))
        in_paths = "path IN (SELECT value FROM json_each(?))"
        old = json.dumps([i for (i,) in db.execute(f"SELECT id FROM entries WHERE {in_paths}", (paths,))])
        db.execute("DELETE FROM quotes WHERE entry IN (SELECT value FROM json_each(?))", (old,))
        db.execute("DELETE FROM fts WHERE rowid IN (SELECT value FROM json_each(?))", (old,))
        version = analysis_version()
        db.executemany(_UPSERT_ENTRY, [
            (stored[r.path], r.size, r.mtime_ns, r.hash, r.format, r.title, r.authors, r.site, r.published, r.url,
             r.language, r.kind, r.words, len(r.quotes), r.headline_count, r.warnings, r.error, r.tags, r.accessed,
             version) for r in records])
        in_index = dict(db.execute(f"SELECT path, id FROM entries WHERE {in_paths}", (paths,)))
        ids = {path: in_index[key] for path, key in stored.items()}
        db.executemany('INSERT INTO quotes (entry, n, text, speaker, cue, section, block, start, "end", end_block) '
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [(ids[r.path], *q) for r in records for q in r.quotes])
        db.executemany(f"INSERT INTO fts (rowid, {', '.join(FTS_COLUMNS)}) VALUES (?{', ?' * len(FTS_COLUMNS)})", [
            (ids[r.path], r.title or "", r.authors, r.site or "", "\n".join(dict.fromkeys(q[2] for q in r.quotes if q[2])),
             "\n".join(q[1] for q in r.quotes), r.headlines, r.body, r.tags) for r in records])

    @staticmethod
    def _delete_ids(db: sqlite3.Connection, ids: list[int]) -> None:
        for id_ in ids:
            db.execute("DELETE FROM entries WHERE id = ?", (id_,))
            db.execute("DELETE FROM quotes WHERE entry = ?", (id_,))
            db.execute("DELETE FROM fts WHERE rowid = ?", (id_,))

    def _changed(self) -> None:
        self._generation += 1

    # -- speakers and quotes ---------------------------------------------------------------

    def _speaker_groups(self) -> tuple[list[SpeakerGroup], dict[tuple[int, str], str]]:
        db = self._db
        stamp = (self._generation, db.execute("PRAGMA data_version").fetchone()[0], id(db))
        if self._speaker_cache is None or self._speaker_cache[0] != stamp:
            where, params = _scope_sql(self.roots, "e.path")
            rows = db.execute(
                f"SELECT q.entry, q.speaker, count(*) FROM quotes q JOIN entries e ON e.id = q.entry "
                f"WHERE q.speaker IS NOT NULL AND {where} GROUP BY q.entry, q.speaker", params).fetchall()
            groups, assignment = group_speakers(rows)
            entries_of: dict[str, set[int]] = {}  # group key -> the entries quoting that person
            variants_of: dict[str, set[str]] = {}  # group key -> the spellings of the name
            for (entry, spelling), key in assignment.items():
                entries_of.setdefault(key, set()).add(entry)
                variants_of.setdefault(key, set()).add(spelling)
            self._speaker_cache = (stamp, groups, assignment, entries_of, variants_of)
        return self._speaker_cache[1], self._speaker_cache[2]

    def _speaker_index(self) -> tuple[dict[str, set[int]], dict[str, set[str]]]:
        """For each speaker group: the entries quoting them, and the spellings of their name."""
        self._speaker_groups()
        return self._speaker_cache[3], self._speaker_cache[4]

    def speakers(self) -> list[SpeakerGroup]:
        """Everyone quoted in the library, name variants of one person together, most quoted first."""
        return self._guarded(lambda: list(self._speaker_groups()[0]))

    def find_speakers(self, name: str) -> list[SpeakerGroup]:
        """The groups a typed name means ("Stoltenberg" → Jens Stoltenberg's group)."""
        return self._guarded(lambda: matching_groups(name, self._speaker_groups()[0]))

    def quotes(self, speaker: str | None = None, *, group: str | None = None, limit: int | None = None) -> list[QuoteHit]:
        """Quotes across the library, newest article first. `speaker` is a name as typed (every group
        it matches); `group` a SpeakerGroup key (exactly that person)."""
        return self._guarded(lambda: self._quotes(speaker, group, limit))

    def _quotes(self, speaker, group, limit) -> list[QuoteHit]:
        groups, assignment = self._speaker_groups()
        names = {g.key: g.name for g in groups}
        wanted: set[str] | None = None
        if group is not None:
            wanted = {group}
        elif speaker is not None:
            wanted = {g.key for g in matching_groups(speaker, groups)}
        where, params = _scope_sql(self.roots, "e.path")
        sql = (f'SELECT q.text, q.speaker, q.cue, q.section, q.block, q.start, q."end", q.end_block, q.entry, '
               f'{", ".join(f"e.{c}" for c in ENTRY_COLUMNS)} FROM quotes q JOIN entries e ON e.id = q.entry WHERE {where}')
        if wanted is not None:
            variants_of = self._speaker_index()[1]
            variants = sorted(set().union(*(variants_of.get(key, ()) for key in wanted)))
            if not variants:
                return []
            sql += " AND q.speaker IN (SELECT value FROM json_each(?))"
            params = [*params, json.dumps(variants)]
        sql += " ORDER BY e.published IS NULL, e.published DESC, e.title, e.path, q.n"
        hits: list[QuoteHit] = []
        entries: dict[int, IndexEntry] = {}
        for row in self._db.execute(sql, params):
            quote, entry_id = Quote(*row[:8]), row[8]
            key = assignment.get((entry_id, quote.speaker)) if quote.speaker else None
            if wanted is not None and key not in wanted:
                continue
            entry = entries.get(entry_id) or entries.setdefault(entry_id, _entry(row[9:]))
            hits.append(QuoteHit(quote, entry, key, names.get(key) if key else None))
            if limit is not None and len(hits) >= limit:
                break
        return hits

    # -- search ----------------------------------------------------------------------------

    def search(self, query: str | Query, *, limit: int = 50, offset: int = 0) -> list[SearchHit]:
        """Ranked hits (best first) for the search language of `library_query`. Raises
        QuerySyntaxError with a message for people when the query cannot be read."""
        parsed = parse_query(query) if isinstance(query, str) else query
        return self._guarded(lambda: self._search(parsed, limit, offset))

    def _speaker_filters(self, parsed: Query) -> tuple[set[Term], set[int] | None]:
        """speaker:NAME terms that are plain conditions (no OR, no -, no *) become the exact set of
        articles quoting that person, name variants included; others stay word matches."""
        if len(parsed.groups) != 1:
            return set(), None
        terms = {t for t in parsed.groups[0] if t.field == "speaker" and not t.negated and not t.prefix}
        if not terms:
            return set(), None
        groups = self._speaker_groups()[0]
        used: set[Term] = set()
        ids: set[int] | None = None
        for term in terms:
            keys = {g.key for g in matching_groups(term.text, groups)}
            if not keys:
                continue
            used.add(term)
            entries_of = self._speaker_index()[0]
            found = set().union(*(entries_of.get(key, ()) for key in keys))
            ids = found if ids is None else ids & found
        return used, ids

    def _scope_is_everything(self) -> bool:
        """Whether every entry in the index is under the roots (one library, the usual case): then
        a search need not look each match up in the entries to see if it is in scope."""
        db = self._db
        stamp = (self._generation, db.execute("PRAGMA data_version").fetchone()[0], id(db))
        if self._scope_cache is None or self._scope_cache[0] != stamp:
            where, params = _scope_sql(self.roots)
            total, inside = db.execute(f"SELECT count(*), count(*) FILTER (WHERE {where}) FROM entries", params).fetchone()
            self._scope_cache = (stamp, total == inside)
        return self._scope_cache[1]

    def _search(self, parsed: Query, limit: int, offset: int) -> list[SearchHit]:
        used, ids = self._speaker_filters(parsed)
        expr = parsed.fts(exclude=used)
        where, params = _scope_sql(self.roots, "e.path")
        if not expr:
            return self._speaker_only(parsed, ids or set(), where, params, limit, offset)
        if ids is not None and not ids:
            return []
        try:
            ranked = self._ranked(expr, ids, where, params, limit, offset)
            snippets = self._snippets(expr, [rowid for rowid, _ in ranked]) if ranked else {}
        except sqlite3.OperationalError as exc:
            if "fts5" in str(exc) or "syntax" in str(exc):
                raise QuerySyntaxError(f"cannot search for {parsed.text!r}: {exc}") from exc
            raise
        entries = self._entries_by_id([rowid for rowid, _ in ranked])
        return [SearchHit(entries[rowid], -score, Snippet.parse(snippets.get(rowid, "")), parsed)
                for rowid, score in ranked if rowid in entries]  # one removed meanwhile is left out

    def _ranked(self, expr: str, ids: set[int] | None, where: str, params: list, limit: int,
                offset: int) -> list[tuple[int, float]]:
        """(rowid, bm25) of the best matches, best first. bm25 is computed for every match that
        passes the WHERE clause, so the filters (scope, a speaker's articles) go there."""
        weights = ", ".join(str(w) for w in FTS_WEIGHTS)
        # CROSS JOIN keeps FTS5 as the outer loop: one full-text pass, not one per entry in scope.
        sql = f"SELECT fts.rowid, bm25(fts, {weights}) AS score FROM fts"
        args: list = [expr]
        if where != "1" and not self._scope_is_everything():
            sql += f" CROSS JOIN entries e ON e.id = fts.rowid WHERE fts MATCH ? AND {where}"
            args += params
        else:
            sql += " WHERE fts MATCH ?"
        if ids is not None:
            # `+rowid`: a filter on one pass over the matches, not a full-text lookup per article
            # (each of which would gather a prefix query's words again).
            sql += " AND +fts.rowid IN (SELECT value FROM json_each(?))"
            args.append(json.dumps(sorted(ids)))
        return self._db.execute(f"{sql} ORDER BY score LIMIT ? OFFSET ?", [*args, limit, offset]).fetchall()

    def _snippets(self, expr: str, rowids: list[int]) -> dict[int, str]:
        """The body's text around the match for each row; when the match is in another column
        (title, site, speakers…), that column's. One pass over the matches between the first and
        last row wanted: looking each row up alone would gather a prefix query's words each time."""
        return {rowid: body if MARK_START in body else other for rowid, body, other in self._db.execute(
            f"SELECT rowid, snippet(fts, {BODY_COLUMN}, ?, ?, '…', 24), snippet(fts, -1, ?, ?, '…', 24) "
            "FROM fts WHERE fts MATCH ? AND rowid BETWEEN ? AND ? AND +rowid IN (SELECT value FROM json_each(?))",
            (MARK_START, MARK_END, MARK_START, MARK_END, expr, min(rowids), max(rowids), json.dumps(rowids)))}

    def _entries_by_id(self, ids: Iterable[int]) -> dict[int, IndexEntry]:
        rows = self._db.execute(f"{_ENTRY_SELECT} WHERE e.id IN (SELECT value FROM json_each(?))",
                                (json.dumps(list(ids)),))
        return {e.id: e for e in map(_entry, rows)}

    def _speaker_only(self, parsed, ids, where, params, limit, offset) -> list[SearchHit]:
        """A search made only of speaker: filters: the articles quoting them, most quotes first,
        with the first such quote as the snippet. Counted in SQL; only the hits shown are built."""
        terms = [t for t in parsed.groups[0] if t.field == "speaker"]
        groups, assignment = self._speaker_groups()
        keys = {g.key for t in terms for g in matching_groups(t.text, groups)}
        db = self._db
        ids_json = json.dumps(sorted(ids))
        counts: dict[int, int] = {}
        for entry_id, speaker, count in db.execute(
                "SELECT entry, speaker, count(*) FROM quotes WHERE entry IN (SELECT value FROM json_each(?)) "
                "AND speaker IS NOT NULL GROUP BY entry, speaker", (ids_json,)):
            if assignment.get((entry_id, speaker)) in keys:
                counts[entry_id] = counts.get(entry_id, 0) + count
        paths = db.execute(f"SELECT e.id, e.path FROM entries e WHERE e.id IN (SELECT value FROM json_each(?)) "
                           f"AND {where}", [json.dumps(sorted(counts)), *params]).fetchall()
        chosen = sorted(paths, key=lambda row: (-counts[row[0]], row[1]))[offset : offset + limit]
        entries = self._entries_by_id(id_ for id_, _ in chosen)
        hits = []
        for id_, _ in chosen:
            quote = next((q for q in self.entry_quotes(id_) if q.speaker and assignment.get((id_, q.speaker)) in keys), None)
            text = " ".join(f"“{quote.text}” — {quote.speaker}".split()) if quote else ""
            if id_ in entries:  # not removed by another instance meanwhile
                hits.append(SearchHit(entries[id_], float(counts[id_]), Snippet(text), parsed, quote))
        return hits


class _Transaction:
    """BEGIN IMMEDIATE … COMMIT (ROLLBACK on error): one writer at a time, the others wait (busy timeout)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> sqlite3.Connection:
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.db.execute("COMMIT")
        elif self.db.in_transaction:
            self.db.execute("ROLLBACK")
