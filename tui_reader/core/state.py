"""The user's state: settings, reading positions, metadata overrides.

One SQLite file under platformdirs' user state directory (or `$TUI_READER_STATE_DIR`).
Every write is one transaction, so a crash never leaves half a value.

Nothing here raises, and nothing is lost without a word:
- a damaged file (not a database, damaged pages) is renamed aside, never deleted
  (`state.sqlite3.corrupt-<time>`), and a fresh one is started;
- a file another program holds locked is waited for, then left alone: it is not damaged;
- a file or folder that cannot be written (read-only, a file where the folder should be, no
  permission) is read as it is.
A value that cannot be written is kept in memory for the session. Each problem is told once, in
`State.notice` and to the `on_notice` callback (the UI shows it; the CLI prints it).

Values are JSON, stored under (namespace, key). Per-article values are keyed by the file's
content hash, so they follow a renamed or moved file.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import platformdirs

from tui_reader.core.sqlite_files import execute_waiting, is_busy, is_corruption, is_unwritable, set_aside

APP_NAME = "tui-reader"
STATE_FILE = "state.sqlite3"
SCHEMA = "CREATE TABLE IF NOT EXISTS kv (ns TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (ns, key))"
BUSY_TIMEOUT_S = 5.0  # how long one statement waits for another program's lock
OPEN_ATTEMPTS = 3  # a file still locked after this many waits is used read-only for the session
_DELETED = object()


def state_dir() -> Path:
    override = os.environ.get("TUI_READER_STATE_DIR")
    return Path(override) if override else Path(platformdirs.user_state_dir(APP_NAME))


class State:
    def __init__(self, directory: Path | None = None, *, on_notice: Callable[[str], None] | None = None) -> None:
        self.directory = Path(directory) if directory else state_dir()
        self.path = self.directory / STATE_FILE
        self.notice: str | None = None
        self.on_notice = on_notice
        self._told: set[str] = set()
        self._db: sqlite3.Connection | None = None
        self._opened = False
        self._writable = True
        self._unsaved: dict[tuple[str, str], Any] = {}  # values not written: kept for the session
        self._lock = threading.RLock()

    # -- opening ---------------------------------------------------------------------------

    def _tell(self, message: str) -> None:
        if message not in self._told:
            self._told.add(message)
            self.notice = message
            if self.on_notice is not None:
                self.on_notice(message)

    def _connect(self) -> sqlite3.Connection | None:
        """The database, opened on first use; None when there is none to use (then values live in
        memory for the session)."""
        if not self._opened:
            self._opened = True
            self._db = self._open_best()
        return self._db

    def _open_best(self) -> sqlite3.Connection | None:
        lost = "changes last until you quit"
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self._writable = False
            if not self.path.is_file():
                self._tell(f"Settings cannot be saved in {self.directory} ({exc.strerror or exc}); {lost}.")
                return None
        for attempt in range(OPEN_ATTEMPTS):
            try:
                return self._open() if self._writable else self._open_read_only()
            except (sqlite3.Error, OSError) as exc:
                if is_corruption(exc):
                    return self._start_afresh(exc)
                if is_busy(exc):
                    if attempt + 1 < OPEN_ATTEMPTS:
                        time.sleep(0.2)
                        continue
                    self._writable = False
                    self._tell(f"The settings file {self.path} is locked by another program; {lost}.")
                    return self._try_read_only()
                if is_unwritable(exc) and self._writable:
                    self._writable = False
                    self._tell(f"The settings file {self.path} cannot be written ({exc}); {lost}.")
                    return self._try_read_only()
                self._writable = False
                self._tell(f"The settings file {self.path} cannot be read ({exc}); {lost}.")
                return None
        return None

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
        try:
            execute_waiting(db, "PRAGMA journal_mode=WAL", BUSY_TIMEOUT_S)
            db.execute(SCHEMA)
            db.execute("SELECT count(*) FROM kv").fetchone()
        except sqlite3.Error:
            db.close()
            raise
        return db

    def _open_read_only(self) -> sqlite3.Connection:
        """The existing file, for reading only; `immutable` when even its -shm cannot be made."""
        if not self.path.is_file():
            raise sqlite3.OperationalError("unable to open database file")
        last: sqlite3.Error | None = None
        for query in ("mode=ro", "mode=ro&immutable=1"):
            uri = f"{self.path.resolve().as_uri()}?{query}"
            try:
                db = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S, isolation_level=None,
                                     check_same_thread=False)
            except sqlite3.Error as exc:
                last = exc
                continue
            try:
                db.execute("SELECT count(*) FROM kv").fetchone()
                return db
            except sqlite3.Error as exc:
                db.close()
                if is_corruption(exc):
                    raise
                last = exc
        raise last or sqlite3.OperationalError("unable to open database file")

    def _try_read_only(self) -> sqlite3.Connection | None:
        try:
            return self._open_read_only()
        except (sqlite3.Error, OSError):
            return None

    def _start_afresh(self, exc: BaseException) -> sqlite3.Connection | None:
        """A damaged file: moved aside (kept, with a notice that says where), then a new one."""
        try:
            aside = set_aside(self.path)
        except OSError as why:
            self._writable = False
            self._tell(f"The settings file {self.path} is damaged ({exc}) and cannot be moved aside "
                       f"({why.strerror or why}); changes last until you quit.")
            return None
        self._tell(f"The settings file was damaged ({exc}); it is kept as {aside} and a new one was started.")
        try:
            return self._open()
        except (sqlite3.Error, OSError) as again:
            self._writable = False
            self._tell(f"A new settings file cannot be made in {self.directory} ({again}); changes last until you quit.")
            return None

    # -- values ----------------------------------------------------------------------------

    def get(self, ns: str, key: str, default: Any = None) -> Any:
        with self._lock:
            if (ns, key) in self._unsaved:
                value = self._unsaved[(ns, key)]
                return default if value is _DELETED else value
            db = self._connect()
            if db is None:
                return default
            try:
                row = db.execute("SELECT value FROM kv WHERE ns=? AND key=?", (ns, key)).fetchone()
            except sqlite3.Error:
                return default
        if row is None:
            return default
        try:
            return json.loads(row[0])
        except ValueError:
            return default

    def namespace(self, ns: str) -> dict[str, Any]:
        """Every value of namespace `ns`, by key (those not yet saved included)."""
        found: dict[str, Any] = {}
        with self._lock:
            db = self._connect()
            rows = []
            if db is not None:
                try:
                    rows = db.execute("SELECT key, value FROM kv WHERE ns=?", (ns,)).fetchall()
                except sqlite3.Error:
                    rows = []
            unsaved = {k: v for (n, k), v in self._unsaved.items() if n == ns}
        for key, raw in rows:
            try:
                found[key] = json.loads(raw)
            except ValueError:
                continue
        for key, value in unsaved.items():
            if value is _DELETED:
                found.pop(key, None)
            else:
                found[key] = value
        return found

    @property
    def unsaved(self) -> bool:
        """Changes are kept in memory only: the settings file could not take them (they last until quit)."""
        with self._lock:
            return bool(self._unsaved)

    def set(self, ns: str, key: str, value: Any) -> None:
        self._write(ns, key, value)

    def delete(self, ns: str, key: str) -> None:
        self._write(ns, key, _DELETED)

    def _write(self, ns: str, key: str, value: Any) -> None:
        """Write one value (and any left unsaved before); on failure keep it for the session."""
        with self._lock:
            self._unsaved[(ns, key)] = value
            db = self._connect()
            if db is None or not self._writable:
                return
            try:
                for (n, k), v in list(self._unsaved.items()):
                    with db:  # one transaction: the value is written whole or not at all
                        if v is _DELETED:
                            db.execute("DELETE FROM kv WHERE ns=? AND key=?", (n, k))
                        else:
                            db.execute("INSERT OR REPLACE INTO kv (ns, key, value) VALUES (?, ?, ?)",
                                       (n, k, json.dumps(v, ensure_ascii=False)))
                    del self._unsaved[(n, k)]
            except sqlite3.Error as exc:
                if is_busy(exc):
                    self._tell(f"The settings file {self.path} is locked by another program; a change "
                               "is kept in memory until it can be saved.")
                else:
                    self._tell(f"Settings cannot be saved in {self.path} ({exc}); changes last until you quit.")

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None
            self._opened = False
