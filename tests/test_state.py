"""The state file: never a traceback, never a setting lost without a word."""

from __future__ import annotations

import sqlite3

import pytest

from tui_reader.core import state as state_module
from tui_reader.core.state import STATE_FILE, State


def _saved(folder, **values) -> None:
    state = State(folder)
    for key, value in values.items():
        state.set("settings", key, value)
    state.close()


def _notices(folder):
    told: list[str] = []
    return State(folder, on_notice=told.append), told


@pytest.mark.parametrize("where", ["file-in-place", "under-a-file"])
def test_an_unusable_folder_keeps_values_for_the_session(tmp_path, where):
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder")
    folder = blocker if where == "file-in-place" else blocker / "state"
    state, told = _notices(folder)
    assert state.get("settings", "style") is None
    state.set("settings", "style", "mla")
    state.delete("settings", "gone")
    assert state.get("settings", "style") == "mla"
    assert len(told) == 1 and str(folder) in told[0] and "until you quit" in told[0]
    assert blocker.read_text() == "not a folder"


def test_a_locked_file_is_not_damaged(tmp_path, monkeypatch):
    """Another program holds the file locked: it is waited for, then left alone (not set aside)."""
    monkeypatch.setattr(state_module, "BUSY_TIMEOUT_S", 0.05)
    db = sqlite3.connect(tmp_path / STATE_FILE, isolation_level=None)
    db.execute(state_module.SCHEMA)
    db.execute("""INSERT INTO kv VALUES ('settings', 'style', '"chicago"')""")
    db.execute("BEGIN EXCLUSIVE")  # a rollback-journal file, locked (the old code set it aside as corrupt)
    state, told = _notices(tmp_path)
    assert state.get("settings", "style") == "chicago"  # read as it is
    state.set("settings", "theme", "nord")
    assert state.get("settings", "theme") == "nord"  # kept for the session
    assert told and "locked" in told[0]
    assert not list(tmp_path.glob(f"{STATE_FILE}.corrupt-*"))
    db.execute("ROLLBACK")
    db.close()
    assert State(tmp_path).get("settings", "style") == "chicago"


def test_a_change_made_while_locked_is_saved_once_the_lock_is_gone(tmp_path, monkeypatch):
    monkeypatch.setattr(state_module, "BUSY_TIMEOUT_S", 0.05)
    _saved(tmp_path, style="apa")
    state, told = _notices(tmp_path)
    assert state.get("settings", "style") == "apa"
    other = sqlite3.connect(tmp_path / STATE_FILE, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another writer
    state.set("settings", "style", "mla")
    assert state.get("settings", "style") == "mla" and told and "locked" in told[-1]
    other.execute("ROLLBACK")
    other.close()
    state.set("settings", "theme", "nord")  # the next write saves both
    assert State(tmp_path).get("settings", "style") == "mla"


def test_a_read_only_file_is_read_and_changes_kept_for_the_session(tmp_path, monkeypatch):
    _saved(tmp_path, style="chicago")
    read_only = State._open_read_only
    monkeypatch.setattr(State, "_open", lambda self: read_only(self))  # as a read-only file opens
    state, told = _notices(tmp_path)
    assert state.get("settings", "style") == "chicago"
    state.set("settings", "style", "mla")  # `c` in the reader
    assert state.get("settings", "style") == "mla"
    assert len(told) == 1 and "until you quit" in told[0]
    monkeypatch.undo()
    assert State(tmp_path).get("settings", "style") == "chicago"


def test_damaged_files_are_set_aside_and_kept(tmp_path):
    path = tmp_path / STATE_FILE
    kept = []
    for n in range(2):  # twice in the same second: the first aside is not overwritten
        path.write_bytes(f"damaged {n} ".encode() * 200)
        state, told = _notices(tmp_path)
        state.set("settings", "style", "mla")
        (aside,) = set(tmp_path.glob(f"{STATE_FILE}.corrupt-*")) - set(kept)
        kept.append(aside)
        assert told and str(aside) in told[0]
        assert aside.read_bytes().startswith(f"damaged {n}".encode())
        assert state.get("settings", "style") == "mla"
        state.close()


def test_a_damaged_file_that_cannot_be_moved_stays_as_it_is(tmp_path, monkeypatch):
    path = tmp_path / STATE_FILE
    path.write_bytes(b"damaged " * 200)

    def refuse(*args):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(state_module, "set_aside", refuse)
    state, told = _notices(tmp_path)
    state.set("settings", "style", "mla")
    assert state.get("settings", "style") == "mla"
    assert told and "cannot be moved aside" in told[0]
    assert path.read_bytes() == b"damaged " * 200
