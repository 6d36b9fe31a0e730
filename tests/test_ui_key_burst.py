"""Keys typed in a burst (a fast typist, a paste through tmux) arrive before the app has handled the
first of them. Every key must still go where it would have gone had it been typed slowly: the
letters after a key that opens a box are the box's."""

from __future__ import annotations

from textual import events
from textual.worker import WorkerCancelled

from tests.library_support import make_library
from tests.ui_support import make_article, open_reader, settled, stub_library
from tui_reader.ui.app import create_app
from tui_reader.ui.screens.library import LibraryScreen
from tui_reader.ui.screens.quotes import QuotesScreen
from tui_reader.ui.screens.reader import ReaderScreen
from tui_reader.ui.screens.search import SearchScreen

SIZE = (120, 30)
KEY_NAMES = {"/": "slash", " ": "space", "?": "question_mark", "\x1b": "escape", "\r": "enter"}


async def burst(pilot, text: str) -> None:
    """Every key of `text` handed to the app at once, as the terminal driver would, with no pause
    between them (Pilot.press waits for each key to be handled, which hides the problem)."""
    for char in text:
        pilot.app.post_message(events.Key(KEY_NAMES.get(char, char), char))
    for _ in range(5):
        try:
            await settled(pilot)
        except WorkerCancelled:  # a newer key replaced a worker (the speaker highlighted): settle again
            pass


def library(monkeypatch, folder):
    stub_library(monkeypatch, folder, {
        "jobs.html": make_article(title="Harbour jobs report", content_hash="j", published="2024-01-02"),
        "ferry.html": make_article(title="Ferry returns", content_hash="f", published="2024-03-02"),
    })
    return create_app([folder])


async def test_library_filter_keeps_every_letter_typed_after_f(tmp_path, monkeypatch):
    app = library(monkeypatch, tmp_path / "lib")
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        await burst(pilot, "fjobs")
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        assert screen.query_one("#filter").value == "jobs"
        assert screen.table.row_count == 1
        await burst(pilot, "\x1b")  # escape: the filter is cleared, the list has the keys again
        await burst(pilot, "fkq")  # k and q typed after f are letters, not up and quit
        assert screen.query_one("#filter").value == "kq" and app.is_running


async def test_library_search_gets_every_letter_typed_after_slash(tmp_path, monkeypatch):
    app = library(monkeypatch, tmp_path / "lib")
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        await burst(pilot, "/harbour jobs")
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.box.value == "harbour jobs"


async def test_reader_search_gets_every_letter_typed_after_slash(tmp_path):
    (tmp_path / "lib").mkdir()
    app = create_app([tmp_path / "lib"])
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot, make_article())
        await burst(pilot, "/mayor\r")
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        assert screen.search_term == "mayor" and len(screen.body.matches) > 1
        assert app.focused is screen.body  # enter closed the box: n and N step again
        await burst(pilot, "n")
        assert screen.body.current_match == 1


async def test_quotes_view_opened_and_filtered_in_one_burst(tmp_path):
    files = make_library(tmp_path / "articles")
    app = create_app([files["nato"], files["summit"], files["harbour"]])
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        await burst(pilot, "Q/stolt")
        screen = app.screen
        assert isinstance(screen, QuotesScreen)
        assert screen.query_one("#speaker-filter").value == "stolt"
        assert [g.name for g in screen.shown_groups] == ["Jens Stoltenberg"]


async def test_keys_after_a_dialog_closes_in_the_same_burst_go_on_where_it_left_the_focus(tmp_path):
    """Help opened and closed, then a search: the marker that followed q went to help, which is gone."""
    (tmp_path / "lib").mkdir()
    app = create_app([tmp_path / "lib"])
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(pilot, make_article())
        await burst(pilot, "?q/mayor\r")
        assert app.screen is screen and screen.search_term == "mayor"
        await burst(pilot, "cj\r")  # the style picker: down one, enter picks
        assert app.screen is screen and app.citation_style == "mla"


async def test_keys_typed_after_enter_go_to_the_reader_it_opens(tmp_path, monkeypatch):
    """Enter loads the article in a worker; the keys after it are the reader's, not the list's."""
    app = library(monkeypatch, tmp_path / "lib")
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        library_screen = app.screen
        row = library_screen.table.cursor_row
        await burst(pilot, "\rjjj]")
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        assert library_screen.table.cursor_row == row  # the list behind the reader did not move
        assert reader.body.scroll_y > 0  # j and ] scrolled the reader


async def test_enter_on_an_empty_list_does_not_hold_the_keys_after_it(tmp_path):
    (tmp_path / "lib").mkdir()
    app = create_app([tmp_path / "lib"])
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        app.screen.table.focus()
        await settled(pilot)
        await burst(pilot, "\r/")
        assert isinstance(app.screen, SearchScreen)  # / was not held back


async def test_keys_typed_after_enter_in_the_filter_go_to_the_reader_it_opens(tmp_path, monkeypatch):
    app = library(monkeypatch, tmp_path / "lib")
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        library_screen = app.screen
        await burst(pilot, "fjobs\rjj]")
        assert isinstance(app.screen, ReaderScreen)
        assert library_screen.query_one("#filter").value == "jobs"  # j j were not typed into the filter
        assert app.screen.body.scroll_y > 0
