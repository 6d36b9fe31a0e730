"""Rows made by an older analysis are read again (core/library/analysis.py): a better speaker rule
or extractor reaches the library without the files changing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.library_support import filler, make_library, write_article
from tui_reader.core.library import analysis
from tui_reader.core.library import index as library_module
from tui_reader.core.library.index import Library, read_record


@pytest.fixture
def folder(tmp_path) -> Path:
    root = tmp_path / "articles"
    make_library(root)
    return root


def old_analysis(monkeypatch) -> None:
    """From now on the library reads files as an older analysis did: every quote says something else."""
    def reading(job):
        record = read_record(job)
        record.quotes = [(n, "an old reading", *rest) for n, _text, *rest in record.quotes]
        return record

    monkeypatch.setattr(library_module, "analysis_version", lambda: "older")
    monkeypatch.setattr(library_module, "read_record", reading)


def new_analysis(monkeypatch) -> list[str]:
    """From now on the library reads files as they are read today; the paths it reads, in order."""
    reads: list[str] = []
    monkeypatch.setattr(library_module, "analysis_version", lambda: "newer")
    monkeypatch.setattr(library_module, "read_record", lambda job: reads.append(job[0]) or read_record(job))
    return reads


def quote_texts(lib: Library) -> set[str]:
    return {hit.quote.text for hit in lib.quotes()}


def test_rows_of_an_older_analysis_are_read_again_after_the_new_files(folder, monkeypatch):
    old_analysis(monkeypatch)
    with Library([folder]) as lib:
        lib.refresh()
        assert quote_texts(lib) == {"an old reading"}
        ids = {e.path: e.id for e in lib.entries()}
        reads = new_analysis(monkeypatch)
        assert lib.refresh(reanalyse=False).changes == 0 and reads == []  # the old rows answer meanwhile
        new = write_article(folder, "new.md", "Ferry service restarts on the river", filler("ferry"))
        result = lib.refresh()
        assert reads[0] == str(new) and sorted(reads[1:]) == sorted(ids)  # new files first, the stale last
        assert result.added == [str(new)] and sorted(result.updated) == sorted(ids)
        assert not result.changed and result.unchanged == 0
        assert "an old reading" not in quote_texts(lib) and quote_texts(lib)
        assert not lib.search('quote:"old reading"')
        assert {e.path: e.id for e in lib.entries() if e.path in ids} == ids  # same entries, updated
        reads.clear()
        again = lib.refresh()
        assert reads == [] and again.changes == 0 and again.unchanged == 5


def test_a_moved_file_of_an_older_analysis_keeps_its_entry_and_is_read_again(folder, monkeypatch):
    old_analysis(monkeypatch)
    with Library([folder]) as lib:
        lib.refresh()
        before = lib.entry(folder / "harbour.md")
        (folder / "harbour.md").rename(folder / "harbour-moved.md")
        new_analysis(monkeypatch)
        result = lib.refresh()
        after = lib.entry(folder / "harbour-moved.md")
    assert result.moved == [(str(folder / "harbour.md"), str(folder / "harbour-moved.md"))]
    assert str(folder / "harbour-moved.md") in result.updated and not result.added
    assert after.id == before.id


def test_an_index_of_schema_2_is_kept_and_its_rows_read_again(folder, tmp_path, monkeypatch):
    index = tmp_path / "cache" / "library.sqlite3"
    with Library([folder], index=index) as lib:
        lib.refresh()
        ids = {e.path: e.id for e in lib.entries()}
    db = sqlite3.connect(index)
    db.execute("ALTER TABLE entries DROP COLUMN analysis")  # as schema 2 made it
    db.execute("DROP INDEX entries_published")
    db.execute("PRAGMA user_version = 2")
    db.close()
    with Library([folder], index=index) as lib:
        assert lib.notice is None and not lib.created  # not rebuilt: its rows list at once
        assert {e.path: e.id for e in lib.entries()} == ids
        reads = new_analysis(monkeypatch)
        result = lib.refresh()
    assert sorted(reads) == sorted(ids) and sorted(result.updated) == sorted(ids)


def test_the_version_follows_the_analysis_sources(tmp_path):
    """Any change to a module of the analysis gives another version; the index's own modules do not count."""
    core = tmp_path / "core"
    for name in ("loader.py", "extract/html_body.py", "library/index.py", "cite/csl.py"):
        (core / name).parent.mkdir(parents=True, exist_ok=True)
        (core / name).write_text("x = 1\n")
    names = [p.relative_to(core).as_posix() for p in analysis.analysis_sources(core)]
    assert names == ["extract/html_body.py", "loader.py"]
    real = analysis.analysis_sources()
    parts = [p.relative_to(analysis.CORE).parts for p in real]
    assert ("loader.py",) in parts and not any(part[0] in ("library", "cite") for part in parts)


def test_the_libraries_of_the_analysis_are_found_by_their_metadata_folders(tmp_path):
    from importlib import metadata

    site = tmp_path / "site"
    for name in ("htmldate-1.9.3.dist-info", "readability_lxml-0.9.dist-info", "textual-8.2.8.dist-info"):
        (site / name).mkdir(parents=True)
    assert analysis.installed_versions([str(site), str(tmp_path / "gone")]) == [
        "htmldate-1.9.3.dist-info", "readability_lxml-0.9.dist-info"]  # not the UI's
    here = analysis.installed_versions()
    assert f"htmldate-{metadata.version('htmldate')}.dist-info" in here
    assert f"lxml-{metadata.version('lxml')}.dist-info" in here
