"""The library index when its cache is odd: read-only, a file in the folder's place, damaged and
not removable, locked by a second first-time run. The library always works, from a temporary index
when it must, and says so."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest

from tests.library_support import make_library
from tui_reader.cli import main
from tui_reader.core.library import schema
from tui_reader.core.library.index import Library


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "articles"
    make_library(root)
    return root


def _works(library: Library, folder: Path) -> None:
    result = library.refresh()
    assert len(result.added) == 4 and not result.failed
    assert len(library.entries()) == 4
    assert library.search("harbour")


def test_a_file_in_the_cache_folder_s_place(tmp_path, folder):
    blocker = tmp_path / "cache"
    blocker.write_text("a file, not a folder")
    library = Library([folder], index=blocker / "library.sqlite3")
    assert library.notice and "temporary index" in library.notice
    _works(library, folder)
    temporary = library.index_path.parent
    library.close()
    assert not temporary.exists()  # the temporary index goes with the library
    assert blocker.read_text() == "a file, not a folder"


def test_a_damaged_index_that_cannot_be_removed(tmp_path, folder, monkeypatch):
    index = tmp_path / "cache" / "library.sqlite3"
    index.parent.mkdir()
    index.write_bytes(b"damaged" * 1000)

    def refuse(path):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(schema, "_remove", refuse)  # as in a read-only cache folder
    with Library([folder], index=index) as library:
        assert "temporary index" in library.notice
        _works(library, folder)  # not an empty library
    assert index.read_bytes() == b"damaged" * 1000


def test_a_read_only_index(tmp_path, folder, monkeypatch):
    index = tmp_path / "cache" / "library.sqlite3"
    with Library([folder], index=index) as library:
        library.refresh()
    connect = schema.connect

    def read_only(path):
        if Path(path) != index:
            return connect(path)
        return sqlite3.connect(f"{index.as_uri()}?mode=ro", uri=True, isolation_level=None, check_same_thread=False)

    monkeypatch.setattr(schema, "connect", read_only)
    (folder / "harbour.md").unlink()
    with Library([folder], index=index) as library:
        assert "temporary index" in library.notice
        result = library.refresh()
        assert len(result.added) == 3 and len(library.entries()) == 3


def test_two_first_runs_at_once_wait_for_each_other(tmp_path):
    """While one run writes a new index, the other's switch to WAL fails at once with "database is
    locked" unless it is tried again (SQLite does not wait on it by itself)."""
    index = tmp_path / "library.sqlite3"
    first = sqlite3.connect(index, isolation_level=None, check_same_thread=False)
    first.execute("BEGIN IMMEDIATE")
    first.execute("CREATE TABLE early (x)")
    releaser = threading.Timer(0.5, lambda: first.execute("ROLLBACK"))
    releaser.start()
    started = time.monotonic()
    db, _notice, _created = schema.open_index(index)
    assert time.monotonic() - started >= 0.4
    db.close()
    releaser.join()
    first.close()


def test_index_command_with_an_unusable_cache(tmp_path, folder, monkeypatch, capsys):
    blocker = tmp_path / "cache-file"
    blocker.write_text("x")
    monkeypatch.setenv("TUI_READER_CACHE_DIR", str(blocker))
    assert main(["index", str(folder)]) == 0
    assert main(["search", "harbour", str(folder)]) == 0
    out, err = capsys.readouterr()
    assert "4 added" in out and "Harbour wind farm" in out
    assert "temporary index" in err and "Traceback" not in err


def test_the_rule_for_an_edit_that_keeps_size_and_time(tmp_path, folder):
    """As the README says: size and modification time decide whether a file is read again, so an
    edit that keeps both is seen by a rebuild."""
    import os

    path = folder / "harbour.md"
    with Library([folder], index=tmp_path / "index.sqlite3") as library:
        library.refresh()
        before = os.stat(path)
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("Harbour wind farm approved", "Harbour wind farm rejected"), encoding="utf-8")
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
        assert library.refresh().changes == 0
        assert library.entry(path).title.startswith("Harbour wind farm approved")
        assert library.refresh(rebuild=True) and library.entry(path).title.startswith("Harbour wind farm rejected")


def test_an_index_another_program_keeps_locked(tmp_path, folder, monkeypatch):
    """Locked for longer than the busy timeout: the library works from a temporary index, says so,
    and leaves the locked one alone."""
    index = tmp_path / "cache" / "library.sqlite3"
    with Library([folder], index=index) as library:
        library.refresh()
    monkeypatch.setattr(schema, "BUSY_TIMEOUT_S", 0.2)
    holder = sqlite3.connect(index, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with Library([folder], index=index) as library:
            assert "locked" in library.notice and "temporary index" in library.notice
            assert library.index_path != index
            _works(library, folder)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with Library([folder], index=index) as library:
        assert library.notice is None and len(library.entries()) == 4
