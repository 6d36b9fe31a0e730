"""Pilot tests of the library screen and the launch paths."""

from __future__ import annotations

import asyncio
import threading

import pytest

import tui_reader.core
from tests.library_support import filler, make_library, write_article
from tests.ui_support import make_article, settled, stub_library
from tui_reader.core.library import index as library_module
from tui_reader.core.library import listing
from tui_reader.core.library.index import IndexEntry, Library
from tui_reader.core.model import Headline
from tui_reader.ui.app import KEY_RULE, create_app
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


async def test_library_lists_newest_first_with_errors_last_and_dimmed(tmp_path, monkeypatch):
    three(monkeypatch, tmp_path / "lib")
    app = create_app([tmp_path / "lib"])
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        assert isinstance(app.screen, LibraryScreen)
        assert titles(app)[:3] == ["New ferry story", "Middle market story", "Old bridge story"]
        bad_row = app.screen.table.get_row_at(3)
        assert str(bad_row[0]).startswith("bad.html: ") and "binary" in str(bad_row[0])
        assert all(cell.style == "dim" for cell in bad_row)
        assert "3 articles, 1 file could not be read" in str(app.screen.query_one("#library-title").render())
        assert not app.screen.query_one("#progress").display


async def test_sort_keys_and_header_click(tmp_path, monkeypatch):
    three(monkeypatch, tmp_path / "lib")
    app = create_app([tmp_path / "lib"])
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
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


async def test_f_filters_on_title_site_and_author_then_enter_opens(tmp_path, monkeypatch):
    articles = three(monkeypatch, tmp_path / "lib")
    app = create_app([tmp_path / "lib"])
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        assert app.focused is app.screen.table
        await pilot.press("f", *"verity")  # an author's name
        box = app.screen.query_one("#filter")
        assert app.focused is box and box.value == "verity"
        assert titles(app) == ["New ferry story"]
        await pilot.press("escape")
        assert titles(app)[0] == "New ferry story" and len(titles(app)) == 4
        assert app.focused is app.screen.table and box.value == ""
        await pilot.press("f", *"gazette", "enter")  # a site; enter opens the only match
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.article is articles["mid.html"]
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)


async def test_enter_on_an_unreadable_row_explains_and_stays(tmp_path, monkeypatch):
    three(monkeypatch, tmp_path / "lib")
    app = create_app([tmp_path / "lib"])
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        await pilot.press("down", "down", "down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert any("binary" in n.message for n in app._notifications)


def gated_reads(monkeypatch, waits) -> tuple[threading.Event, list[str]]:
    """The index reads a file for which `waits(path)` is true only once the event is set; the
    paths it started reading, in order."""
    gate = threading.Event()
    reads: list[str] = []
    real_read = library_module.read_record

    def read(job):
        reads.append(job[0])
        if waits(job[0]):
            gate.wait(10)
        return real_read(job)

    monkeypatch.setattr(library_module, "read_record", read)
    return gate, reads


async def test_cold_start_shows_rows_as_they_are_indexed(tmp_path, monkeypatch):
    folder = tmp_path / "lib"
    three(monkeypatch, folder)
    monkeypatch.setattr(library_module, "BATCH_SECONDS", 0)  # every record written as it comes
    gate, reads = gated_reads(monkeypatch, lambda path: path.endswith("old.html"))
    app = create_app([folder])
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(100):
            await pilot.pause(0.02)
            if app.screen.table.row_count >= 3:
                break
        assert app.screen.table.row_count == 3  # bad, mid and new are in before old.html is read
        assert app.screen.query_one("#progress").display
        assert "reading" in str(app.screen.query_one("#library-title").render())
        await pilot.press("down")  # the UI answers while a file is still being read
        gate.set()
        await settled(pilot)
        assert app.screen.table.row_count == 4
        assert titles(app)[:3] == ["New ferry story", "Middle market story", "Old bridge story"]  # sorted at the end
        assert not app.screen.query_one("#progress").display


async def test_warm_start_lists_from_the_index_then_updates_a_changed_file_in_place(tmp_path, monkeypatch):
    folder = tmp_path / "lib"
    make_library(folder)
    with Library([folder]) as lib:
        lib.refresh()
    # The title of one article changes on disk while the app is closed.
    write_article(folder, "harbour.md", "Harbour wind farm rejected after all", filler("harbour"), date="2023-11-20")
    loads: list[str] = []
    real_load = tui_reader.core.load_article
    monkeypatch.setattr(tui_reader.core, "load_article", lambda path, *a, **k: loads.append(str(path)) or real_load(path, *a, **k))
    gate, _ = gated_reads(monkeypatch, lambda path: True)
    app = create_app([folder])
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(100):
            await pilot.pause(0.02)
            if app.screen.table.row_count == 4:
                break
        # The rows are there at once, from the index: no article was parsed for them.
        assert loads == []
        assert "Harbour wind farm approved after long vote" in titles(app)
        assert app.screen.query_one("#progress").display  # the refresh is running
        harbour = next(e for e in app.screen.entries.values() if e.name == "harbour.md")
        app.screen.table.move_cursor(row=app.screen.table.get_row_index(str(harbour.id)))
        gate.set()
        await settled(pilot)
        assert loads == [str(folder / "harbour.md")]  # only the changed file was read again
        assert "Harbour wind farm rejected after all" in titles(app)
        assert "Harbour wind farm approved after long vote" not in titles(app)
        assert app.screen.table.row_count == 4
        assert app.screen.entries[harbour.id].title == "Harbour wind farm rejected after all"  # same entry, in place
        assert app.screen.current_key() == str(harbour.id)  # the cursor stayed on it
        assert not app.screen.query_one("#progress").display


async def test_closing_the_app_stops_the_refresh(tmp_path, monkeypatch):
    folder = tmp_path / "lib"
    three(monkeypatch, folder)
    gate, reads = gated_reads(monkeypatch, lambda path: True)
    app = create_app([folder])
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(100):
            await pilot.pause(0.02)
            if reads:
                break
        worker = next(w for w in app.workers if w.group == "library")
    gate.set()  # the app is closed: the refresh sees the cancellation and stops after this file
    for _ in range(100):
        if worker.is_finished:
            break
        await asyncio.sleep(0.02)
    assert worker.is_cancelled and len(reads) == 1


async def test_one_file_opens_straight_in_the_reader(tmp_path):
    page = tmp_path / "story.txt"
    page.write_text("A headline for the test\n\nFirst paragraph of the story, long enough to be one.\n\n"
                    "Second paragraph, which also says something worth reading.\n", encoding="utf-8")
    app = create_app([page])
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert "First paragraph" in app.screen.article.text
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)
        assert app.screen.table.row_count == 1


async def test_empty_library_says_where_to_put_articles_at_the_top(tmp_path):
    folder = tmp_path / "nothing here"
    folder.mkdir()
    app = create_app([folder])
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        empty = app.screen.query_one("#empty")
        assert empty.display and not app.screen.table.display
        text = str(empty.render())
        assert str(folder) in text and ".html" in text and "q quits" in text
        assert empty.region.y < 8  # under the filter box, not below an empty table at the bottom


# ----- the key rule: letters typed into the filter are the filter's; the list's keys are commands


@pytest.fixture
def app(tmp_path, monkeypatch):
    """The app on a library of three articles and an unreadable file."""
    three(monkeypatch, tmp_path / "lib")
    return create_app([tmp_path / "lib"])


async def test_letters_typed_into_the_filter_all_go_to_the_filter(app):
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        await pilot.press("f", *"jobs?Qq kfv")
        box = app.screen.query_one("#filter")
        assert box.value == "jobs?Qq kfv"  # j, k, ?, Q, q and f are letters here
        assert isinstance(app.screen, LibraryScreen) and app.is_running
        await pilot.press("ctrl+u", "down")  # down (or tab) goes to the list
        assert app.focused is app.screen.table


async def test_in_the_list_letters_are_commands_j_k_help_quotes_and_q_quits(app):
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        table = app.screen.table
        await pilot.press("j", "j", "k")
        assert table.cursor_row == 1
        assert app.screen.query_one("#filter").value == ""
        await pilot.press("question_mark")
        assert type(app.screen).__name__ == "HelpScreen"
        text = str(app.screen.query_one("#help-text").render())
        assert "Letters typed into a search or filter box go to the box" in text
        await pilot.press("q")  # closes help
        await pilot.pause()
        await pilot.press("Q")
        await settled(pilot)
        assert type(app.screen).__name__ == "QuotesScreen"
        await pilot.press("q")  # back to the library
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("q")  # the first screen: quit
        await pilot.pause()
        assert not app.is_running


# ----- layout and ranking


def ranked(monkeypatch, folder):
    stub_library(monkeypatch, folder, {
        "restart.html": make_article(title="Studio will restart plans for its next film", published="2024-06-02",
                                     site="Variety", content_hash="r"),
        "jedi.html": make_article(title="Star Wars Jedi: Fallen Order review", published="2019-11-18",
                                  site="The Games Weekly Review Of Everything", content_hash="j"),
        "ship.html": make_article(title="Ship sails", published="2020-01-01", site="Star Tribune", content_hash="s"),
    })


async def test_filter_ranks_title_word_prefixes_first_and_enter_opens_the_best(tmp_path, monkeypatch):
    ranked(monkeypatch, tmp_path / "lib")
    app = create_app([tmp_path / "lib"])
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        assert titles(app)[0].startswith("Studio will restart")  # newest first without a filter
        await pilot.press("f", *"star w")
        assert [t.split()[0] for t in titles(app)] == ["Star", "Studio"]  # title prefixes, then inside a word
        await pilot.press("enter")
        await settled(pilot)
        assert isinstance(app.screen, ReaderScreen) and app.screen.article.metadata.title.startswith("Star Wars")
        await pilot.press("q", "f", "ctrl+u", *"star")
        # "Star Wars" (title), then "Star Tribune" (a site's word), then "restart" (inside a word)
        assert [t.split()[0] for t in titles(app)] == ["Star", "Ship", "Studio"]


@pytest.mark.parametrize("width", [80, 120])
async def test_titles_get_the_room_and_every_column_fits(tmp_path, monkeypatch, width):
    ranked(monkeypatch, tmp_path / "lib")
    app = create_app([tmp_path / "lib"])
    async with app.run_test(size=(width, 24)) as pilot:
        await settled(pilot)
        table = app.screen.table
        widths = {str(c.label): c.get_render_width(table) for c in table.columns.values()}
        assert sum(widths.values()) <= table.scrollable_content_region.width  # Quotes is on screen
        assert widths["Title"] >= 2 * widths["Site"]
        assert widths["Title"] >= width // 3
        row = {str(c.label): str(cell) for c, cell in zip(table.columns.values(), table.get_row_at(0), strict=True)}
        assert row["Quotes"] == "2" and "min" in row["Words"]
        jedi = next(n for n in range(table.row_count) if "Jedi" in str(table.get_row_at(n)[0]))
        site = str(table.get_row_at(jedi)[1])
        assert site.endswith("…") and len(site) <= widths["Site"]


async def test_a_filter_without_matches_says_so_and_what_to_do(app):
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        await pilot.press("f", *"zebra")
        empty = app.screen.query_one("#empty")
        assert empty.display and not app.screen.table.display
        text = str(empty.render())
        assert "zebra" in text and "escape clears the filter" in text and "/ searches the full text" in text
        await pilot.press("escape")
        assert not empty.display and app.screen.table.display and app.screen.table.row_count == 4


def index_entry(id_: int, title: str | None, url: str | None, error: str | None = None) -> IndexEntry:
    return IndexEntry(id_, f"/lib/{id_}.html", 10, 0, f"h{id_}", "html", title, (), None, None, url, None, None,
                        100, 0, 0, 0, error)


def test_headline_matching_rules():
    a = index_entry(1, "Ferry back", "https://www.example.org/x/")
    b = index_entry(2, "Bridge: closed!", None)
    bad = index_entry(3, None, None, error="not an article")
    assert listing.find_entry([bad, a, b], Headline("other words", "http://example.org/x?ref=home")) is a
    assert listing.find_entry([bad, a, b], Headline("bridge closed", "https://elsewhere.example/y")) is b
    assert listing.find_entry([bad, a, b], Headline("Nothing like it", None)) is None


async def test_help_lists_search_and_quotes_keys(tmp_path, monkeypatch):
    three(monkeypatch, tmp_path / "lib")
    app = create_app([tmp_path / "lib"])
    async with app.run_test(size=(100, 60)) as pilot:
        await settled(pilot)
        await pilot.press("f1")
        text = str(app.screen.query_one("#help-text").render())
        rule, _, keys = text.partition("\n\n")
        assert rule == "\n".join(KEY_RULE)  # how keys work comes first
        groups = {part.split("\n")[0]: part for part in keys.split("\n\n")}
        assert keys.startswith("Library")  # then the library's keys
        assert "/" in groups["Library"] and "Search" in groups["Library"]
        assert "Q" in groups["Library"] and "Quotes" in groups["Library"]
        assert "Read at the match" in groups["Search"]
        assert "Copy quote" in groups["Quotes view"] and "Choose / read" in groups["Quotes view"]


async def test_the_table_holds_a_page_and_takes_more_as_the_cursor_nears_its_end(tmp_path, monkeypatch):
    """A big library is not put in the table at once: the rows seen, a margin, more as the cursor
    goes down, and every row for G; sorting and filtering still cover every entry."""
    from tui_reader.ui.screens import library as library_screen

    monkeypatch.setattr(library_screen, "PAGE_ROWS", 30)
    monkeypatch.setattr(library_screen, "MARGIN_ROWS", 5)
    folder = tmp_path / "lib"
    stub_library(monkeypatch, folder, {
        f"story-{k:03d}.html": make_article(title=f"Story number {k:03d}", published=f"2020-01-{1 + k % 28:02d}",
                                            content_hash=f"h{k}") for k in range(90)})
    with Library([folder]) as lib:
        lib.refresh(workers=1)  # in this process, where the articles are stubbed
        by_date = [e.display_title for e in listing.sort_entries(lib.entries(), "date")]
    app = create_app([folder])
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        table = app.screen.table
        first = table.row_count
        assert 30 <= first < 90 and titles(app) == by_date[:first]
        assert "90 articles" in str(app.screen.query_one("#library-title").render())
        table.move_cursor(row=first - 3)
        await pilot.pause()
        assert first < table.row_count < 90 and titles(app) == by_date[: table.row_count]
        await pilot.press("G")
        await pilot.pause()
        assert titles(app) == by_date and table.cursor_row == 89
        await pilot.press("ctrl+s")  # by title: from the first page again, over every entry
        await pilot.pause()
        assert titles(app) == [f"Story number {k:03d}" for k in range(table.row_count)]
        await pilot.press("f", *"number 08")
        await pilot.pause()
        # "08" beginning a word first, then inside one
        assert titles(app) == [f"Story number {k:03d}" for k in range(80, 90)] + ["Story number 008"]


async def test_files_saved_or_deleted_while_the_library_is_open_come_and_go(tmp_path):
    # QA: a page saved into the folder while the app ran never appeared (no key rescans); a deleted one stayed
    # listed and Enter said "no such file"
    folder = tmp_path / "articles"
    files = make_library(folder)
    app = create_app([folder])
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        screen = app.screen
        assert "Ferry timetable changes" not in titles(app)
        write_article(folder, "ferry.md", "Ferry timetable changes", filler("ferry"), date="2024-07-01")
        files["harbour"].unlink()
        await pilot.press("question_mark")  # a look at the help, then back: the list looks again
        await pilot.pause()
        await pilot.press("escape")
        await settled(pilot)
        assert app.screen is screen
        listed = titles(app)
        assert "Ferry timetable changes" in listed
        assert not any("Harbour wind farm" in title for title in listed)
        before = titles(app)
        screen._rescan_if_idle()  # the timer's call, nothing changed: the list stays as it is
        await settled(pilot)
        assert titles(app) == before
