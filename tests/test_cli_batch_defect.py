"""A defect in the loader for one file (an exception nobody planned for, like lxml's "too many bodies")
costs that file only: `extract` and `index` say so in one line, go on, and exit 1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import tui_reader.core as core
from tests.library_support import make_library
from tui_reader.cli import main


@pytest.fixture
def broken_first(tmp_path, monkeypatch):
    root = tmp_path / "articles"
    make_library(root)
    files = sorted(p for p in root.rglob("*") if p.is_file())
    victim = files[0]
    load = core.load_article

    def loader(path, *args, **kwargs):
        if Path(path) == victim:
            raise AssertionError("too many bodies")
        return load(path, *args, **kwargs)

    monkeypatch.setattr(core, "load_article", loader)
    return root, victim, files


def test_extract_reports_a_loader_defect_in_one_line_and_goes_on(broken_first, capsys):
    root, victim, files = broken_first
    code = main(["extract", *map(str, files), "--format", "jsonl"])
    out, err = capsys.readouterr()
    assert code == 1
    assert err == f"tui-reader: {victim}: could not be read (AssertionError: too many bodies)\n"
    assert len([json.loads(line) for line in out.splitlines()]) == len(files) - 1


def test_index_lists_a_loader_defect_and_keeps_the_other_articles(broken_first, capsys):
    root, victim, files = broken_first
    code = main(["index", str(root)])
    out, err = capsys.readouterr()
    assert code == 1 and "Traceback" not in err
    errors = [line for line in err.splitlines() if line.startswith("tui-reader: ")]  # the rest is progress
    assert errors == [f"tui-reader: {victim}: could not be read (AssertionError: too many bodies)"]
    assert f"{len(files) - 1} articles and 1 unreadable file: {len(files)} added" in out  # listed with its error
