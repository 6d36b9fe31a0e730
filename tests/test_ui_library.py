"""Pilot tests of the library screen and the launch paths."""

from __future__ import annotations

import threading
from pathlib import Path

from tests.ui_support import isolated_state, make_article, stub_library  # noqa: F401
from tui_reader.core.model import Headline
from tui_reader.ui import library
from tui_reader.ui.app import create_app
from tui_reader.ui.screens.library import LibraryScreen
from tui_reader.ui.screens.reader import ReaderScreen

SIZE = (120, 30)


def titles(app) -> list[str]:
    table = app.screen.table
    return [str(table.get_row_at(n)[0]) for n in range(table.row_count)]


def three(monkeypatch, folder):
    articles = {
        "old.html": make_article(title="Old bridge story", published="2019-01-02", site="Kelmouth Courier",
                                 content_hash="o"),
        "new.html": make_article(title="New ferry story", published="2024-06-01", site="Eastbrook Post",
                                 authors=("Nina Verity",), content_hash="n"),
        "mid.html": make_article(title="Middle market story", published="2021-03-04", site="Gazette",
                                 content_hash="m"),
        "bad.html": "not an article: looks like a binary file",
    }
    stub_library(monkeypatch, folder, articles)
    return articles


async def loaded(pilot):
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_library_lists_newest_first_with_errors_last_and_dimmed(tmp_path, monkeypatch):
    three(monkeypatch, tmp_path / "lib")
    app = create_app([tmp_path / "lib"])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert isinstance(app.screen, LibraryScreen)
        assert titles(app)[:3] == ["New ferry story", "Middle market story", "Old bridge story"]
        bad_row = app.screen.table.get_row_at(3)
        assert str(bad_row[0]).startswith("bad.html: ") and "binary" in str(bad_row[0])
        assert all(cell.style == "dim" for cell in bad_row)
        assert "4 articles (1 could not be read)" in str(app.screen.query_one("#library-title").render())
        assert not app.screen.query_one("#progress").display


async def test_sort_keys_and_header_click(tmp_path, monkeypatch):
    three(monkeypatch, tmp_path / "lib")
    app = create_app([tmp_path / "lib"])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("ctrl+s", "ctrl+s", "ctrl+s")  # date -> words -> quotes -> title
        assert app.screen.sort_key == "title"
        assert titles(app)[:3] == ["Middle market story", "New ferry story", "Old bridge story"]
        assert app.screen._bindings.key_to_bindings["ctrl+s"][0].description == "Sort: title"
        await pilot.press("ctrl+r")
        assert titles(app)[:3] == ["Old bridge story", "New ferry story", "Middle market story"]
        assert titles(app)[3].startswith("bad.html")  # unreadable files stay last
        await pilot.click("#articles", offset=(2, 0))  # the Title header: same column, so the order flips back
        assert app.screen.sort_key == "title" and not app.screen.sort_reverse
        assert titles(app)[:3] == ["Middle market story", "New ferry story", "Old bridge story"]


async def test_type_to_filter_on_title_site_and_author_then_enter_opens(tmp_path, monkeypatch):
    articles = three(monkeypatch, tmp_path / "lib")
    app = create_app([tmp_path / "lib"])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert app.focused is app.screen.table
        await pilot.press(*"verity")  # an author's name
        box = app.screen.query_one("#filter")
        assert app.focused is box and box.value == "verity"
        assert titles(app) == ["New ferry story"]
        await pilot.press("escape")
        assert titles(app)[0] == "New ferry story" and len(titles(app)) == 4
        await pilot.press(*"gazette", "enter")  # a site; enter opens the only match
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.article is articles["mid.html"]
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)


async def test_enter_on_an_unreadable_row_explains_and_stays(tmp_path, monkeypatch):
    three(monkeypatch, tmp_path / "lib")
    app = create_app([tmp_path / "lib"])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("down", "down", "down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert any("binary" in n.message for n in app._notifications)


async def test_first_rows_show_before_the_last_file_is_read(tmp_path, monkeypatch):
    folder = tmp_path / "lib"
    three(monkeypatch, folder)
    gate = threading.Event()
    fast_load = library.LibraryEntry.load.__func__

    def slow_load(cls, path):
        if path.name == "old.html":
            gate.wait(10)
        return fast_load(cls, path)

    monkeypatch.setattr(library.LibraryEntry, "load", classmethod(slow_load))
    app = create_app([folder])
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(50):
            await pilot.pause(0.02)
            if app.screen.table.row_count >= 2:
                break
        assert app.screen.table.row_count == 3  # bad, mid and new are read before old.html
        assert app.screen.query_one("#progress").display
        assert "loading" in str(app.screen.query_one("#library-title").render())
        await pilot.press("down")  # the UI answers while a file is still loading
        gate.set()
        await loaded(pilot)
        assert app.screen.table.row_count == 4


async def test_one_file_opens_straight_in_the_reader(tmp_path):
    page = tmp_path / "story.txt"
    page.write_text("A headline for the test\n\nFirst paragraph of the story, long enough to be one.\n\n"
                    "Second paragraph, which also says something worth reading.\n", encoding="utf-8")
    app = create_app([page])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert "First paragraph" in app.screen.article.text
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)
        assert app.screen.table.row_count == 1


async def test_empty_library_says_where_to_put_articles(tmp_path):
    folder = tmp_path / "nothing here"
    folder.mkdir()
    app = create_app([folder])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        empty = app.screen.query_one("#empty")
        assert empty.display
        assert str(folder) in str(empty.render())


def test_headline_matching_rules():
    a = library.LibraryEntry(Path("a"), article=make_article(title="Ferry back", url="https://www.example.org/x/"))
    b = library.LibraryEntry(Path("b"), article=make_article(title="Bridge: closed!", url=None))
    assert library.find_entry([a, b], Headline("other words", "http://example.org/x?ref=home")) is a
    assert library.find_entry([a, b], Headline("bridge closed", "https://elsewhere.example/y")) is b
    assert library.find_entry([a, b], Headline("Nothing like it", None)) is None
