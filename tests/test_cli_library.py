"""`tui-reader index`, `search` and `quotes` on a small generated library."""

from __future__ import annotations

import json

import pytest

from tests.library_support import make_library
from tui_reader.cli import main


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "articles"
    make_library(root)
    return root


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_index_prints_what_changed(capsys, folder):
    code, out, err = run(capsys, "index", str(folder))
    assert code == 0 and out.count("added ") == 4 and "4 articles: 4 added" in out
    assert "Traceback" not in err
    (folder / "harbour.md").rename(folder / "harbour-renamed.md")
    (folder / "nato-talks.md").unlink()
    code, out, _ = run(capsys, "index")  # every folder indexed before
    assert code == 0
    assert f"moved    {folder / 'harbour.md'} -> {folder / 'harbour-renamed.md'}" in out
    assert f"removed  {folder / 'nato-talks.md'}" in out
    assert "3 articles: 0 added, 0 changed, 1 moved, 1 removed, 2 unchanged" in out


def test_index_lists_unreadable_files_on_stderr(capsys, folder):
    (folder / "empty.html").write_bytes(b"")
    code, out, err = run(capsys, "index", str(folder))
    assert code == 1 and "4 articles and 1 unreadable file: 5 added" in out  # a batch with a failing file exits 1
    assert f"{folder / 'empty.html'}: " in err
    # QA: a second run said nothing, exited 0 and counted the unreadable file as an article; nothing is read
    # again, but the file still cannot be read
    code, out, err = run(capsys, "index", str(folder))
    assert code == 1 and "4 articles and 1 unreadable file: 0 added" in out
    assert err.count("\n") == 1 and f"{folder / 'empty.html'}: " in err
    (folder / "empty.html").unlink()
    code, out, err = run(capsys, "index", str(folder))
    assert code == 0 and err == "" and "4 articles: 0 added" in out


def test_search_json_gives_ranked_hits_with_snippets(capsys, folder):
    code, out, err = run(capsys, "search", "confront*", str(folder), "--json")
    hits = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(hits) == 3
    assert {"path", "title", "score", "snippet"} <= set(hits[0])
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)
    for hit in hits:
        assert hit["marks"] and all(hit["snippet"][a:b].lower().startswith("confront") for a, b in hit["marks"])


def test_search_text_marks_matches_and_respects_limit(capsys, folder):
    code, out, _ = run(capsys, "search", "alliance", str(folder), "--limit", "1")
    assert code == 0 and out.startswith("1. ") and "2. " not in out
    assert "**alliance**" in out.lower()
    assert "\x1b[" not in out  # no colours when not on a terminal


def test_search_bad_query_is_one_line_on_stderr(capsys, folder):
    code, out, err = run(capsys, "search", '"never closed', str(folder))
    assert code == 1 and out == "" and len(err.strip().splitlines()) == 1 and "never closed" in err


def test_search_without_a_library_says_how_to_make_one(capsys):
    code, _, err = run(capsys, "search", "anything")
    assert code == 1 and "tui-reader index" in err


def test_missing_path_is_an_error(capsys, tmp_path):
    code, _, err = run(capsys, "index", str(tmp_path / "nope"))
    assert code == 1 and "no such file or directory" in err


def test_quotes_by_speaker(capsys, folder):
    run(capsys, "index", str(folder / "world"), str(folder / "nato-talks.md"))
    code, out, _ = run(capsys, "quotes", "--speaker", "Jens Stoltenberg", "--json")
    quotes = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and {q["speaker"] for q in quotes} == {"Jens Stoltenberg", "Stoltenberg"}
    assert {q["speaker_group"] for q in quotes} == {"Jens Stoltenberg"}
    assert [q["published"] for q in quotes] == ["2024-04-02", "2024-03-01"]
    code, out, _ = run(capsys, "quotes", "--speakers")
    assert code == 0 and "Jens Stoltenberg  (also: Stoltenberg)" in out
    code, limited, _ = run(capsys, "quotes", "--speakers", "--limit", "1")  # QA: --limit was ignored here
    assert code == 0 and len(limited.splitlines()) == 1 and limited.splitlines()[0] == out.splitlines()[0]
    code, _, err = run(capsys, "quotes", "--speaker", "Nobody Atall")
    assert code == 1 and "Nobody Atall" in err
