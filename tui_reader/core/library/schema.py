"""The library index's SQLite file: schema, opening, and rebuilding it when it cannot be used.

The index is a cache of what the article files say, so anything wrong with it (not a database,
damaged pages, a schema from another version) is answered by starting it afresh, with a notice.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import platformdirs

from tui_reader.core.sqlite_files import execute_waiting, is_busy, is_corruption

APP_NAME = "tui-reader"
INDEX_FILE = "library.sqlite3"
# 2: tags and the access date (the day a page was saved); 3: each row's analysis version; 4: entries by date
SCHEMA_VERSION = 4
# Older schemas brought up to date in place (their rows kept): the statements from each version to the next.
MIGRATIONS = {
    2: ('ALTER TABLE entries ADD COLUMN analysis TEXT',),
    3: ('CREATE INDEX entries_published ON entries (published)',),
}
BUSY_TIMEOUT_S = 10.0

# FTS5 columns, in order; search weights for bm25 follow the same order.
FTS_COLUMNS = ("title", "authors", "site", "speakers", "quotes", "headlines", "body", "tags")
FTS_WEIGHTS = (8.0, 3.0, 3.0, 3.0, 1.5, 1.0, 1.0, 3.0)
BODY_COLUMN = FTS_COLUMNS.index("body")

ENTRY_COLUMNS = (
    "id", "path", "size", "mtime_ns", "hash", "format", "title", "authors", "site", "published", "url",
    "language", "kind", "words", "quotes", "headlines", "warnings", "error", "tags", "accessed",
)

SCHEMA = f"""
CREATE TABLE roots (path TEXT PRIMARY KEY);
CREATE TABLE entries (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    hash TEXT,
    format TEXT,
    title TEXT,
    authors TEXT,
    site TEXT,
    published TEXT,
    url TEXT,
    language TEXT,
    kind TEXT,
    words INTEGER NOT NULL DEFAULT 0,
    quotes INTEGER NOT NULL DEFAULT 0,
    headlines INTEGER NOT NULL DEFAULT 0,
    warnings INTEGER NOT NULL DEFAULT 0,
    error TEXT,
    tags TEXT,
    accessed TEXT,
    analysis TEXT  -- analysis.analysis_version() of what made the row
);
CREATE INDEX entries_hash ON entries (hash);
CREATE INDEX entries_published ON entries (published);  -- the newest first, at once (Library.newest)
CREATE TABLE quotes (
    entry INTEGER NOT NULL,
    n INTEGER NOT NULL,
    text TEXT NOT NULL,
    speaker TEXT,
    cue TEXT,
    section INTEGER NOT NULL,
    block INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    end_block INTEGER,
    PRIMARY KEY (entry, n)
) WITHOUT ROWID;
CREATE INDEX quotes_speaker ON quotes (speaker);
CREATE VIRTUAL TABLE fts USING fts5({", ".join(FTS_COLUMNS)}, tokenize = 'unicode61 remove_diacritics 2');
PRAGMA user_version = {SCHEMA_VERSION};
"""


class LibraryError(Exception):
    """The index cannot be used at all (another program holds it locked)."""


class CacheUnusable(LibraryError):
    """The cache folder or the index file cannot be written (read-only, a file where the folder
    should be, no permission, a damaged index that cannot be removed): a temporary index can do."""


def index_path() -> Path:
    override = os.environ.get("TUI_READER_CACHE_DIR")
    directory = Path(override) if override else Path(platformdirs.user_cache_dir(APP_NAME))
    return directory / INDEX_FILE


def connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
    try:
        db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        execute_waiting(db, "PRAGMA journal_mode = WAL", BUSY_TIMEOUT_S)
        db.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.Error:
        db.close()
        raise
    return db


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        try:
            os.remove(f"{path}{suffix}")
        except FileNotFoundError:
            pass


def _tables(db: sqlite3.Connection) -> list[tuple[str, str]]:
    return db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").fetchall()


def _ensure_schema(db: sqlite3.Connection) -> str | None:
    """Create the schema, bring an older one up to date (MIGRATIONS) or replace one from another
    version; the notice to show, if any."""
    if db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
        db.execute("SELECT id FROM entries LIMIT 1").fetchall()
        db.execute("SELECT rowid FROM fts LIMIT 1").fetchall()
        return None
    db.execute("BEGIN IMMEDIATE")
    try:
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version == SCHEMA_VERSION:  # another instance made it meanwhile
            db.execute("COMMIT")
            return None
        if version in MIGRATIONS and _tables(db):  # rows kept; a refresh reads the stale ones again
            for step in range(version, SCHEMA_VERSION):
                for statement in MIGRATIONS[step]:
                    db.execute(statement)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            db.execute("COMMIT")
            return None
        tables = _tables(db)
        notice = None
        if tables:
            notice = f"The library index was made by another version of tui-reader (schema {version}); rebuilding it."
            for name, _sql in sorted(tables, key=lambda t: not (t[1] or "").upper().startswith("CREATE VIRTUAL")):
                if any(n == name for n, _ in _tables(db)):
                    db.execute(f'DROP TABLE IF EXISTS "{name}"')
        for statement in SCHEMA.split(";"):
            if statement.strip():
                db.execute(statement)
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise
    return notice


def _check_writable(db: sqlite3.Connection) -> None:
    """Raise SQLITE_READONLY now, not at the first write: a write undone at once."""
    db.execute("BEGIN IMMEDIATE")
    try:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    finally:
        db.execute("ROLLBACK")


def _connect_checked(path: Path) -> tuple[sqlite3.Connection, str | None]:
    db = connect(path)
    try:
        notice = _ensure_schema(db)
        _check_writable(db)
    except BaseException:
        db.close()
        raise
    return db, notice


def open_index(path: Path) -> tuple[sqlite3.Connection, str | None, bool]:
    """The connection, a notice for people when the index had to be started afresh, and whether
    the index is new (nothing indexed yet). CacheUnusable when the index cannot be kept at `path`;
    LibraryError when another program holds it locked for longer than the busy timeout."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CacheUnusable(f"{path.parent}: cannot create the cache folder ({exc.strerror or exc})") from exc
    created = not path.exists()
    try:
        db, notice = _connect_checked(path)
    except (sqlite3.DatabaseError, OSError) as exc:
        if is_busy(exc):
            raise LibraryError(f"{path}: the library index is locked by another program ({exc})") from exc
        if not is_corruption(exc):
            raise CacheUnusable(f"{path}: the library index cannot be opened ({exc})") from exc
        try:
            _remove(path)
        except OSError as why:
            raise CacheUnusable(f"{path}: the library index is damaged ({exc}) and cannot be removed "
                                f"({why.strerror or why})") from why
        notice = f"The library index was unreadable ({exc}); rebuilding it."
        created = True
        try:
            db, _ = _connect_checked(path)
        except (sqlite3.Error, OSError) as again:
            raise CacheUnusable(f"{path}: the library index cannot be created ({again})") from again
    return db, notice, created


def reset_index(path: Path, reason: str) -> str:
    """Delete a damaged index file (found damaged while in use); the notice to show."""
    _remove(path)
    return f"The library index was damaged ({reason}); rebuilding it."
