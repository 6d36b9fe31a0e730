"""Pilot tests of the quotes view (`Q` in the library): speakers, their quotes, copy, open at the quote."""

from __future__ import annotations

from tests.library_support import make_library
from tests.ui_support import settled
from tui_reader.core import load_article
from tui_reader.ui import citing
from tui_reader.ui.app import create_app
from tui_reader.ui.screens.quotes import QuotesScreen
from tui_reader.ui.screens.reader import ReaderScreen

SIZE = (120, 30)


def rows(table) -> list[list[str]]:
    return [[str(cell) for cell in table.get_row_at(n)] for n in range(table.row_count)]


async def quotes_view(pilot) -> QuotesScreen:
    await settled(pilot)
    await pilot.press("Q")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, QuotesScreen)
    return screen


async def test_speakers_grouped_then_quotes_copied_with_citation_and_opened_at_the_quote(tmp_path):
    files = make_library(tmp_path / "articles")
    # Jens Stoltenberg is "Jens Stoltenberg" in one article and "Stoltenberg" in the other.
    app = create_app([files["nato"], files["summit"], files["harbour"]])
    async with app.run_test(size=SIZE) as pilot:
        screen = await quotes_view(pilot)
        assert rows(screen.speakers) == [["2", "2", "Jens Stoltenberg (+1)"]]  # one other spelling; no room for it
        assert "2 by 1 speaker" in str(screen.query_one("#quotes-title").render())
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.focused is screen.quotes
        listed = rows(screen.quotes)
        assert [row[0] for row in listed] == ["2024-04-02", "2024-03-01"]  # newest first
        assert [row[2].split()[0] for row in listed] == ["Summit", "Alliance"]
        assert all(row[2].endswith("…") for row in listed)  # long titles cut, and it shows
        assert "Confronting these threats" in listed[0][1]
        detail = str(screen.query_one("#quote-detail").render())
        assert "— Stoltenberg" in detail and "Warsaw Herald" in detail  # the speaker as the article wrote it
        await pilot.press("down", "y")
        await settled(pilot)  # the file is read again off the UI thread
        hit = screen.hits[1]
        article = load_article(files["nato"])
        assert hit.quote in article.quotes
        assert app.clipboard == citing.quote_citation(article, hit.quote, app.citation_style)
        assert "We do not seek confrontation" in app.clipboard and "Alliance talks resume" in app.clipboard
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ReaderScreen) and reader.article.path == str(files["nato"])
        assert reader.shown_quote == hit.quote  # `y` in the reader copies this quote
        assert reader.quotes.current_item == hit.quote  # QA: the sidebar's cursor had stayed on the first quote
        body = reader.body
        block = body.flat[(hit.quote.section, hit.quote.block)]
        assert body.quote_marks[block] == (hit.quote.start, hit.quote.end)
        y = body.line_of(block, hit.quote.start)
        assert body.scroll_y <= y < body.scroll_y + body.scrollable_content_region.height


async def test_people_with_one_surname_stay_apart_and_filter_and_escape(tmp_path):
    make_library(tmp_path / "articles")
    app = create_app([tmp_path / "articles"])
    async with app.run_test(size=SIZE) as pilot:
        screen = await quotes_view(pilot)
        names = [row[2] for row in rows(screen.speakers)]
        assert names[0].startswith("Jens Stoltenberg") and "Camilla Stoltenberg" in names
        counts = {row[2].split(" (")[0]: (row[0], row[1]) for row in rows(screen.speakers)}
        assert counts["Camilla Stoltenberg"] == ("1", "1")
        await pilot.press("slash", *"camilla", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [row[2] for row in rows(screen.speakers)] == ["Camilla Stoltenberg"]
        assert [hit.quote.speaker for hit in screen.hits] == ["Camilla Stoltenberg"]
        await pilot.press("escape")
        assert app.focused is screen.speakers
        await pilot.press("escape")  # QA: the filter stayed; escape clears it, as the library's does
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is screen and screen.query_one("#speaker-filter").value == ""
        assert "Jens Stoltenberg" in " ".join(row[2] for row in rows(screen.speakers))
        await pilot.press("escape")
        assert type(app.screen).__name__ == "LibraryScreen"


async def test_y_before_choosing_a_speaker_explains(tmp_path):
    make_library(tmp_path / "articles")
    app = create_app([tmp_path / "articles"])
    async with app.run_test(size=SIZE) as pilot:
        await quotes_view(pilot)
        await pilot.press("y")
        assert app.clipboard == ""
        assert any("Choose a speaker" in n.message for n in app._notifications)


async def test_the_highlighted_speakers_quotes_show_at_once_and_cut_text_ends_with_an_ellipsis(tmp_path):
    make_library(tmp_path / "articles")
    app = create_app([tmp_path / "articles"])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await quotes_view(pilot)
        assert app.focused is screen.speakers
        first = screen.shown_groups[0]
        assert screen.quotes.display and screen.hits  # no enter needed: the right pane follows the cursor
        assert {hit.speaker_name for hit in screen.hits} == {first.name}
        await pilot.press("down")
        await settled(pilot)
        assert {hit.speaker_name for hit in screen.hits} == {screen.shown_groups[1].name}
        assert app.focused is screen.speakers  # the cursor stays where it was
        names = [row[-1] for row in rows(screen.speakers)]
        widths = {str(c.label): c.get_render_width(screen.speakers) for c in screen.speakers.columns.values()}
        cut = [name for name in names if name.endswith("…")]
        assert cut and all(len(name) <= widths["Speaker"] for name in names)  # cut, and it shows
        assert sum(widths.values()) <= screen.speakers.scrollable_content_region.width  # no column falls off
        quotes = [row[1] for row in rows(screen.quotes)]
        assert all(len(q) <= screen.quotes.columns["quote"].get_render_width(screen.quotes) for q in quotes)
        assert any(q.endswith("…") for q in quotes)


async def test_tab_goes_between_speakers_and_quotes_never_into_the_name_filter(tmp_path):
    make_library(tmp_path / "articles")
    app = create_app([tmp_path / "articles"])
    async with app.run_test(size=SIZE) as pilot:
        screen = await quotes_view(pilot)
        box = screen.query_one("#speaker-filter")
        await pilot.press("enter")
        await settled(pilot)
        assert app.focused is screen.quotes
        await pilot.press("tab")
        assert app.focused is screen.speakers
        await pilot.press("tab")
        assert app.focused is screen.quotes
        await pilot.press("shift+tab", "y")  # Q enter tab y: types nothing, says how to copy
        assert box.value == "" and app.clipboard == ""
        assert [n.message for n in app._notifications] == ["Choose a speaker (enter), then the quote to copy (y)."]
        await pilot.press("tab", "y")
        await settled(pilot)
        assert app.clipboard and box.value == ""
        await pilot.press("slash")  # the filter is /'s
        assert app.focused is box


async def test_no_quotes_in_the_library_says_so(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "plain.txt").write_text("A plain note\n\nNobody says anything in this text at all, it only describes.\n",
                                      encoding="utf-8")
    app = create_app([folder])
    async with app.run_test(size=SIZE) as pilot:
        screen = await quotes_view(pilot)
        empty = screen.query_one("#quotes-empty")
        assert empty.display and "No quotes in the library yet" in str(empty.render())


async def test_a_name_typed_before_the_speakers_arrive_still_filters_them(tmp_path):
    """The speakers come from the index on a thread: a name typed while they load must not be ignored."""
    from concurrent.futures import Future

    make_library(tmp_path / "articles")
    app = create_app([tmp_path / "articles"])
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        service = app.library_index
        answer = service.speakers()
        pending: Future = Future()
        service.speakers = lambda: pending  # the index is slow to answer
        await pilot.press("Q")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuotesScreen)
        await pilot.press("slash", *"camilla")
        pending.set_result(answer.result(timeout=30))
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.query_one("#speaker-filter").value == "camilla"
        assert [row[2] for row in rows(screen.speakers)] == ["Camilla Stoltenberg"]


async def test_a_new_width_lays_the_columns_out_again_and_a_narrow_one_stacks_the_panes(tmp_path):
    # QA: after a resize from 120 to 80 columns the Article column went off screen; at 40x12 the quote
    # preview wrapped two letters a line beside the speakers
    make_library(tmp_path / "articles")
    app = create_app([tmp_path / "articles"])
    async with app.run_test(size=SIZE) as pilot:
        screen = await quotes_view(pilot)
        await pilot.press("enter")
        await settled(pilot)
        await pilot.press("down")
        for size in ((80, 24), (40, 12), (120, 30)):
            await pilot.resize_terminal(*size)
            await settled(pilot)
            for table in (screen.speakers, screen.quotes):
                widths = sum(c.get_render_width(table) for c in table.columns.values())
                assert widths <= table.scrollable_content_region.width, (size, table.id)
            assert screen.quotes.cursor_row == 1  # the cursor stays on its quote
            assert screen.has_class("-narrow") == (size[0] < 70)
            pane, speakers = screen.query_one("#quotes-pane"), screen.query_one("#speakers-pane")
            beside = pane.region.x > speakers.region.x
            assert beside == (size[0] >= 70)
            assert pane.region.width >= min(size[0] - 2, 30)


async def test_G_goes_to_the_last_quote(tmp_path):
    # QA: `G` ("Last row") did nothing in the quotes view
    make_library(tmp_path / "articles")
    app = create_app([tmp_path / "articles"])
    async with app.run_test(size=SIZE) as pilot:
        screen = await quotes_view(pilot)
        await pilot.press("enter")
        await settled(pilot)
        assert screen.quotes.row_count == 2 and screen.quotes.cursor_row == 0
        await pilot.press("G")
        await pilot.pause()
        assert screen.quotes.cursor_row == 1
        await pilot.press("g", "tab", "G")
        await pilot.pause()
        assert screen.speakers.cursor_row == screen.speakers.row_count - 1


async def test_the_quotes_view_shows_the_details_the_user_corrected(tmp_path):
    # QA: after `e` changed an article's title and date, the quotes view still showed the file's
    from tui_reader.core.cite.overrides import save_overrides

    files = make_library(tmp_path / "articles")
    app = create_app([files["nato"], files["summit"]])
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        save_overrides(app.state, load_article(files["summit"]).content_hash,
                       {"title": "Summit ends in deadlock", "published": "2024-05-06"})
        screen = await quotes_view(pilot)
        await pilot.press("enter")
        await settled(pilot)
        listed = rows(screen.quotes)
        assert [row[0] for row in listed] == ["2024-05-06", "2024-03-01"]
        assert listed[0][2].startswith("Summit ends in")
        assert "Summit ends in deadlock" in str(screen.query_one("#quote-detail").render())


async def test_the_readers_quote_list_follows_to_the_quote_opened_from_the_quotes_view(tmp_path):
    # QA: after Enter on a quote in Q (or a speaker: search hit) the sidebar's cursor stayed on the first quote
    from tests.library_support import filler, write_article

    folder = tmp_path / "articles"
    write_article(folder, "ferry.md", "Ferry service returns after a long winter", [
        '"The first crossing is on Monday morning," said Nina Verity.',
        *filler("ferry")[:2],
        '"We hired four new deckhands for the summer season," Nina Verity said.',
        *filler("harbour")[:2],
        '"Tickets will cost the same as they did last year," Nina Verity added.',
    ])
    app = create_app([folder])
    async with app.run_test(size=SIZE) as pilot:
        screen = await quotes_view(pilot)
        await pilot.press("enter")
        await settled(pilot)
        assert len(screen.hits) == 3
        last = max(range(3), key=lambda n: screen.hits[n].quote.block)
        await pilot.press(*["down"] * last, "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        assert reader.quotes.current_item == screen.hits[last].quote and reader.quotes.highlighted == 2
