"""File names that are not UTF-8 (or hold odd characters) go into the index and come back exactly."""

from __future__ import annotations

import json
import os

import pytest

from tests.library_support import filler, write_article
from tui_reader.cli import main
from tui_reader.core import load_article
from tui_reader.core.library.index import Library


def _odd_folder(tmp_path):
    folder = tmp_path / "lib"
    folder.mkdir()
    try:
        odd = os.fsdecode(os.path.join(os.fsencode(folder), b"caf\xe9 \xff.md"))
        open(odd, "wb").close()
        os.remove(odd)
    except (OSError, UnicodeError):
        pytest.skip("this file system takes only UTF-8 names")
    good = write_article(folder, "good.md", "Ferry returns", ['"The ferry is back," said Ann Lee.', *filler("ferry")])
    os.rename(write_article(folder, "tmp.md", "Harbour reopens", ['"The harbour is open," said Bo Berg.',
                                                                   *filler("harbour")]), odd)
    marked = write_article(folder, "mark \U0010fffd\U0010fe80.md", "Bridge closed", filler("bridge"))
    return folder, good, odd, str(marked)


def test_odd_names_round_trip_through_the_index(tmp_path):
    folder, good, odd, marked = _odd_folder(tmp_path)
    with Library([folder]) as library:
        result = library.refresh()
        assert sorted(result.added) == sorted([str(good), odd, marked]) and not result.failed
        paths = {e.path for e in library.entries()}
        assert paths == {str(good), odd, marked}
        assert library.entry(odd).title == "Harbour reopens"
        assert load_article(library.entry(odd).path).metadata.title == "Harbour reopens"
        assert {h.entry.path for h in library.search("harbour")} == {odd}
        assert [q.entry.path for q in library.quotes("Bo Berg")] == [odd]
        again = library.refresh()
        assert again.changes == 0 and again.unchanged == 3
        os.rename(odd, odd.replace("caf", "cafe"))
        moved = library.refresh()
        assert moved.moved == [(odd, odd.replace("caf", "cafe"))]
    with Library([]) as library:
        assert library.forget(folder) == 3


def test_odd_names_in_commands(tmp_path, capsys):
    folder, _good, odd, _marked = _odd_folder(tmp_path)
    assert main(["index", str(folder)]) == 0
    assert main(["search", "harbour"]) == 0
    assert main(["quotes", "--json"]) == 0
    assert main(["index", str(folder)]) == 0  # a rerun is clean, not a crash
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    assert "caf\ufffd \ufffd.md" in out  # shown, with the bytes that are not UTF-8 as U+FFFD
    quotes = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    assert odd in {q["path"] for q in quotes}  # JSON gives the exact name back
