"""What went wrong with an SQLite file, told apart: damaged, busy, or not writable.

Only a damaged file may be set aside or rebuilt. A file another program holds locked is waited
for (and then left alone); a file or folder that cannot be written is read as it is.
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

# SQLite's primary result codes (https://sqlite.org/rescode.html).
_CORRUPT, _NOTADB = 11, 26
_BUSY, _LOCKED = 5, 6
_PERM, _READONLY, _CANTOPEN = 3, 8, 14


def _code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def is_corruption(exc: BaseException) -> bool:
    """A damaged or foreign file (SQLITE_CORRUPT, SQLITE_NOTADB), not a busy lock or a bad query."""
    code = _code(exc)
    if code is not None:
        return code in (_CORRUPT, _NOTADB)
    return type(exc) is sqlite3.DatabaseError


def is_busy(exc: BaseException) -> bool:
    """Another connection holds the file locked ("database is locked")."""
    code = _code(exc)
    if code is not None:
        return code in (_BUSY, _LOCKED)
    return "locked" in str(exc)


def is_unwritable(exc: BaseException) -> bool:
    """The file or its folder cannot be written or created (read-only, no permission)."""
    if isinstance(exc, OSError):
        return True
    code = _code(exc)
    if code is not None:
        return code in (_PERM, _READONLY, _CANTOPEN)
    return "readonly" in str(exc) or "unable to open" in str(exc)


def execute_waiting(db: sqlite3.Connection, sql: str, seconds: float) -> sqlite3.Cursor:
    """`db.execute(sql)`, tried again for up to `seconds` while the file is busy. For statements
    SQLite does not wait on by itself: `PRAGMA journal_mode=WAL` fails at once while another
    connection writes to a new file (two first-time runs at once)."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            return db.execute(sql)
        except sqlite3.OperationalError as exc:
            if not is_busy(exc) or time.monotonic() >= deadline:
                raise
            time.sleep(0.02)


def set_aside(path: Path) -> Path:
    """Rename a damaged database (with its -wal and -journal files) to a name of its own beside it,
    never over an earlier one; its -shm file (an index of the -wal) is removed. Raises OSError
    when it cannot be moved."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while any(Path(f"{aside}{suffix}").exists() for suffix in ("", "-wal", "-journal")):
        n += 1
        aside = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    os.replace(path, aside)
    for suffix in ("-wal", "-journal"):
        try:
            os.replace(f"{path}{suffix}", f"{aside}{suffix}")
        except FileNotFoundError:
            pass
    try:
        os.remove(f"{path}-shm")
    except FileNotFoundError:
        pass
    return aside
