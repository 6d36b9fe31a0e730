"""The user's state: settings, reading positions, metadata overrides.

One SQLite file under platformdirs' user state directory (or `$TUI_READER_STATE_DIR`).
Every write is one transaction, so a crash never leaves half a value. A file that is not a
readable database is renamed aside (`state.sqlite3.corrupt-<time>`) and a fresh one is made;
`State.notice` then says so, for the UI to show.

Values are JSON, stored under (namespace, key). Per-article values are keyed by the file's
content hash, so they follow a renamed or moved file.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from pathlib import Path
from typing import Any

import platformdirs

APP_NAME = "tui-reader"
STATE_FILE = "state.sqlite3"
SCHEMA = "CREATE TABLE IF NOT EXISTS kv (ns TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (ns, key))"


def state_dir() -> Path:
    override = os.environ.get("TUI_READER_STATE_DIR")
    return Path(override) if override else Path(platformdirs.user_state_dir(APP_NAME))


class State:
    def __init__(self, directory: Path | None = None) -> None:
        self.directory = Path(directory) if directory else state_dir()
        self.path = self.directory / STATE_FILE
        self.notice: str | None = None
        self._db: sqlite3.Connection | None = None

    def _connect(self) -> sqlite3.Connection:
        if self._db is None:
            self.directory.mkdir(parents=True, exist_ok=True)
            try:
                self._db = self._open()
            except sqlite3.DatabaseError as exc:
                aside = self.path.with_name(f"{STATE_FILE}.corrupt-{int(time.time())}")
                os.replace(self.path, aside)
                self.notice = f"State file was unreadable ({exc}); moved aside to {aside.name}"
                self._db = self._open()
        return self._db

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=5.0, isolation_level=None, check_same_thread=False)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute(SCHEMA)
            db.execute("SELECT count(*) FROM kv").fetchone()
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def get(self, ns: str, key: str, default: Any = None) -> Any:
        try:
            row = self._connect().execute("SELECT value FROM kv WHERE ns=? AND key=?", (ns, key)).fetchone()
        except sqlite3.Error:
            return default
        if row is None:
            return default
        try:
            return json.loads(row[0])
        except ValueError:
            return default

    def set(self, ns: str, key: str, value: Any) -> None:
        text = json.dumps(value, ensure_ascii=False)
        db = self._connect()
        with db:  # one transaction: the value is written whole or not at all
            db.execute("INSERT OR REPLACE INTO kv (ns, key, value) VALUES (?, ?, ?)", (ns, key, text))

    def delete(self, ns: str, key: str) -> None:
        db = self._connect()
        with db:
            db.execute("DELETE FROM kv WHERE ns=? AND key=?", (ns, key))

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
