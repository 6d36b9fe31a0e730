"""Pilot tests of the keys that move between things: escape undoes one step, q goes back then quits,
notices say one line and do not stack, the contents list opens at the section being read."""

from __future__ import annotations

import pytest

from tests.ui_support import make_article, one_file_app, open_reader, reader_complete, settled
from tui_reader.ui.app import create_app
from tui_reader.ui.screens.reader import ReaderScreen
from tui_reader.ui.widgets.sidebar import QuoteList

SIZE = (120, 40)


@pytest.fixture
def app(tmp_path):
    (tmp_path / "lib").mkdir()
    return create_app([tmp_path / "lib"])


def status(screen) -> str:
    line = screen.query_one("#search-status")
    return str(line.render()) if line.display else ""


async def test_escape_clears_the_search_then_leaves_the_sidebar_then_goes_back_and_slash_keeps_the_words(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(pilot, make_article())
        body = screen.body
        await pilot.press("slash", *"harbour", "enter")
        assert body.matches and "Search “harbour”" in status(screen)
        await pilot.press("tab")  # into the sidebar
        assert isinstance(app.focused, QuoteList)
        await pilot.press("escape")  # 1: the search is cleared, the reader stays
        assert app.screen is screen and body.matches == [] and status(screen) == ""
        assert isinstance(app.focused, QuoteList)
        await pilot.press("escape")  # 2: out of the sidebar
        assert app.screen is screen and app.focused is body
        await pilot.press("slash")  # the last words are offered again
        assert app.focused.value == "harbour"
        await pilot.press("escape")  # closes the box only
        assert app.screen is screen and app.focused is body
        await pilot.press("escape")  # 3: back to the library
        assert type(app.screen).__name__ == "LibraryScreen"


async def test_q_goes_back_from_the_reader_then_quits_from_the_library(app):
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot, make_article())
        await pilot.press("slash", *"q", "enter")  # q typed in the search box is a letter
        assert isinstance(app.screen, ReaderScreen) and app.screen.search_term == "q"
        await pilot.press("q")
        assert type(app.screen).__name__ == "LibraryScreen"
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_q_quits_a_file_opened_from_the_command_line_and_escape_shows_its_library():
    article = make_article()
    app = one_file_app(article)
    async with app.run_test(size=SIZE) as pilot:
        await reader_complete(pilot)
        await pilot.press("escape")
        await settled(pilot)
        assert type(app.screen).__name__ == "LibraryScreen"
    again = one_file_app(article)
    async with again.run_test(size=SIZE) as pilot:
        await reader_complete(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not again.is_running


async def test_q_closes_help_and_contents(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(pilot, make_article())
        for key in ("question_mark", "t"):
            await pilot.press(key)
            assert app.screen is not screen
            await pilot.press("q")
            await pilot.pause()
            assert app.screen is screen


async def test_copy_notices_are_one_line_never_stack_and_help_says_where_copies_go(app):
    article = make_article()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_reader(pilot, article)
        await pilot.press("s", "tab")  # the sidebar is hidden at 80 columns until s
        for _ in range(4):
            await pilot.press("y")
            await settled(pilot)
        messages = [n.message for n in app._notifications]
        assert messages == ["Quote copied (terminal clipboard)"]  # one, not four; the first said "? says why"
        await pilot.pause()
        toasts = list(app.screen.query("Toast"))
        assert len(toasts) == 1 and toasts[0].size.height <= 3  # one line inside the toast's border
        await pilot.press("question_mark")
        text = str(app.screen.query_one("#help-text").render())
        assert "No system clipboard here (no clipboard tool in tests)" in text and "OSC 52" in text


async def test_first_copy_notice_points_to_help_once(app):
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot, make_article())
        await pilot.press("tab", "y")
        await settled(pilot)
        assert [n.message for n in app._notifications] == ["Quote copied (terminal clipboard; ? says why)"]
        await pilot.press("Y")
        await settled(pilot)
        assert [n.message for n in app._notifications] == ["Reference copied (terminal clipboard)"]


async def test_notices_are_never_markup(app):
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        screen = await open_reader(pilot, make_article())
        screen.notify("[b]bold[/b] [@click=app.quit]x[/]")
        await pilot.pause()
        (toast,) = app.screen.query("Toast")
        assert "[b]bold[/b] [@click=app.quit]x[/]" in str(toast.render())


async def test_contents_opens_at_the_section_being_read(app):
    article = make_article(sections=6)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(pilot, article)
        await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket", "j")
        assert screen.body.current_section() == 3
        await pilot.press("t")
        toc = app.screen.query_one("OptionList")
        assert toc.highlighted == 3
        assert app.screen.query_one("#toc-dialog").border_title == "Contents (6 sections)"
        assert str(toc.get_option_at_index(3).prompt).startswith("▸")
        await pilot.press("enter")
        await pilot.press("g", "t")
        assert app.screen.query_one("OptionList").highlighted == 0


def test_help_lists_the_letter_keys_of_each_screens_list_beside_its_arrow_keys():
    from tui_reader.ui.keys import binding_groups

    groups = {title: dict((description, keys) for keys, description in rows) for title, rows in binding_groups()}
    assert groups["Library"]["Down"] == "↓, j" and groups["Library"]["Up"] == "↑, k"  # one row per thing done
    assert groups["Library"]["First row"] == "g" and groups["Library"]["Last row"] == "G"
    assert groups["Search"]["Next"] == "j" and groups["Quotes view"]["Down"] == "j"
