"""What the commands say: usage lines, folders for export, a search without a query, dates people
read, and a file that is not an article."""

from __future__ import annotations

import re

import pytest

from tests.library_support import make_library, write_article
from tui_reader.cli import COMMANDS, main
from tui_reader.commands.dates import human_date


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "articles"
    make_library(root)
    return root


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_has_its_own_usage_line(capsys, command):
    with pytest.raises(SystemExit) as stop:
        main([command, "--help"])
    out = capsys.readouterr().out
    assert stop.value.code == 0
    assert out.startswith(f"usage: tui-reader {command} ")
    assert "COMMAND [options]" not in out.split("\n\n")[0]


def test_export_takes_folders_like_extract_and_index(capsys, folder, tmp_path):
    write_article(folder / "deeper", "ferry.md", "Ferry returns to the harbour after two years", ["Text. " * 40])
    code, out, err = run(capsys, "export", str(folder), "--format", "csl-json")
    assert code == 0, err
    titles = set(re.findall(r'"title": "([^"]+)"', out))
    assert len(titles) == 5 and "Ferry returns to the harbour after two years" in titles
    empty = tmp_path / "empty"
    empty.mkdir()
    code, out, err = run(capsys, "export", str(empty))
    assert code == 1 and out == "" and err.strip() == f"tui-reader: {empty}: no articles in this directory"


def test_search_without_a_query_says_what_to_type(capsys, folder):
    code, out, err = run(capsys, "search")
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1
    assert "search needs a QUERY" in err and 'tui-reader search "' in err and "PATH" not in err


def test_search_and_quotes_print_dates_people_read(capsys, folder):
    code, out, _ = run(capsys, "search", "confront*", str(folder))
    assert code == 0 and "(Brussels Wire, 1 Mar 2024)" in out
    code, out, _ = run(capsys, "quotes", str(folder), "--no-refresh")
    assert code == 0 and "(Warsaw Herald, 2 Apr 2024)" in out
    assert not re.search(r"\d{4}-\d\d-\d\dT", out)


@pytest.mark.parametrize(("value", "shown"), [("2024-03-14T18:42:00+00:00", "14 Mar 2024"), ("2024-03-04", "4 Mar 2024"),
                                              ("2024", "2024"), ("not a date", "not a date"), (None, "")])
def test_human_dates(value, shown):
    assert human_date(value) == shown


def test_cite_of_a_file_that_is_not_an_article_fails_with_one_line(capsys, tmp_path):
    settings = tmp_path / "settings.toml"
    settings.write_text('[project]\nname = "x"\n', encoding="utf-8")
    code, out, err = run(capsys, "cite", str(settings))
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and "nothing to cite" in err and str(settings) in err
