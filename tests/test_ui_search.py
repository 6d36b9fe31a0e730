"""Pilot tests of `/` in the library: full-text search over the index, opening at the match."""

from __future__ import annotations

import pytest

from tests.library_support import filler, make_library, write_article
from tests.ui_support import settled
from tui_reader.ui.app import create_app
from tui_reader.ui.screens.library import LibraryScreen
from tui_reader.ui.screens.reader import ReaderScreen
from tui_reader.ui.screens.search import SearchScreen

SIZE = (120, 30)


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "articles"
    make_library(root)
    return root


async def search(pilot, query: str) -> SearchScreen:
    await pilot.press("slash")
    screen = pilot.app.screen
    assert isinstance(screen, SearchScreen)
    await pilot.press(*query, "enter")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    return screen


def marked(content) -> list[str]:
    """The pieces of a result's text drawn with the match style."""
    return [content.plain[span.start:span.end] for span in content.spans if "reverse" in str(span.style)]


async def test_phrase_search_lists_hits_with_marked_snippets_and_opens_at_the_match(folder):
    app = create_app([folder])
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        screen = await search(pilot, '"seek confrontation"')
        assert [hit.entry.name for hit in screen.hits] == ["nato-talks.md"]
        assert app.focused is screen.results  # enter in the box goes to the results
        prompt = screen.results.get_option_at_index(0).prompt
        assert prompt.plain.startswith("Alliance talks resume in Brussels")
        assert [m.lower() for m in marked(prompt)] == ["seek confrontation"]
        assert "do not seek confrontation with anyone" in prompt.plain  # the words around the match keep their spaces
        assert "1 article" in str(screen.query_one("#search-message").render())
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ReaderScreen) and reader.article.path.endswith("nato-talks.md")
        body = reader.body
        match = body.matches[body.current_match]
        assert body.texts[match.block][match.start:match.end].lower() == "seek confrontation"
        assert "We do not seek confrontation" in body.texts[match.block]
        y = body.line_of(match.block, match.start)
        assert body.scroll_y <= y < body.scroll_y + body.scrollable_content_region.height  # in view
        assert "Search “seek confrontation”: 1 of 1" in str(reader.query_one("#search-status").render())
        # escape undoes one step at a time: the search in the text, the reader, the results, the search box
        await pilot.press("escape")
        assert app.screen is reader and body.matches == [] and not reader.query_one("#search-status").display
        await pilot.press("escape")
        assert app.screen is screen and app.focused is screen.results  # the results, as they were
        assert [hit.entry.name for hit in screen.hits] == ["nato-talks.md"]
        await pilot.press("escape")
        assert app.focused is screen.box
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("slash")  # the last query is offered again
        assert app.screen.box.value == '"seek confrontation"'
        await settled(pilot)
        assert [hit.entry.name for hit in app.screen.hits] == ["nato-talks.md"]


async def test_prefix_and_field_searches(folder):
    app = create_app([folder])
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        screen = await search(pilot, "confront*")
        assert {hit.entry.name for hit in screen.hits} == {"nato-talks.md", "summit.md", "health.md"}
        await pilot.press("slash", "ctrl+u", *"site:warsaw", "enter")  # / goes back to the box
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [hit.entry.name for hit in screen.hits] == ["summit.md"]
        await pilot.press("slash", "ctrl+u", *'speaker:"Camilla Stoltenberg"', "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [hit.entry.name for hit in screen.hits] == ["health.md"]


async def test_bad_query_gets_the_librarys_message_and_no_results(folder):
    app = create_app([folder])
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        screen = await search(pilot, "confront*")
        assert screen.hits
        for bad, words in (('"never closed', "never closed"), ("colour:red", "unknown field")):
            await pilot.press("slash", "ctrl+u", *bad, "enter")
            await app.workers.wait_for_complete()
            await pilot.pause()
            message = screen.query_one("#search-message")
            assert words in str(message.render()) and message.has_class("-error")
            assert screen.hits == [] and screen.results.option_count == 0
            assert app.focused is screen.box  # nothing to go to: the box keeps the focus
        await pilot.press("ctrl+u", *"harbour", "enter")  # a good query again clears the error
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not screen.query_one("#search-message").has_class("-error")
        assert [hit.entry.name for hit in screen.hits] == ["harbour.md"]


async def test_results_show_titles_and_text_literally(tmp_path):
    folder = tmp_path / "articles"
    write_article(folder, "markup.md", "The [bold]council[/bold] and [@click=app.quit]votes[/]",
                  ["Residents wrote [red]angry[/red] letters about the ferry timetable all week long.",
                   *filler("ferry")])
    app = create_app([folder])
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        screen = await search(pilot, "angry")
        prompt = screen.results.get_option_at_index(0).prompt
        assert "The [bold]council[/bold] and [@click=app.quit]votes[/]" in prompt.plain
        assert "[red]angry[/red]" in prompt.plain and marked(prompt) == ["angry"]


async def test_a_speaker_search_opens_the_article_at_that_speakers_quote(folder):
    # QA: Enter on a speaker: hit opened the article at the top (or its saved place), nothing marked,
    # though the screen says "enter reads at the match"
    app = create_app([folder])
    async with app.run_test(size=(100, 16)) as pilot:
        await settled(pilot)
        screen = await search(pilot, 'speaker:"Camilla Stoltenberg"')
        (hit,) = screen.hits
        assert hit.quote is not None and hit.quote.speaker == "Camilla Stoltenberg"
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ReaderScreen) and reader.shown_quote == hit.quote
        body = reader.body
        block = body.flat[(hit.quote.section, hit.quote.block)]
        assert body.quote_marks[block] == (hit.quote.start, hit.quote.end)
        y = body.line_of(block, hit.quote.start)
        assert body.scroll_y <= y < body.scroll_y + body.scrollable_content_region.height


async def test_results_show_the_details_the_user_corrected(folder):
    # QA: after `e` changed a title and date, the search results still showed the file's
    from tui_reader.core import load_article
    from tui_reader.core.cite.overrides import save_overrides

    app = create_app([folder])
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        save_overrides(app.state, load_article(folder / "world" / "summit.md").content_hash,
                       {"title": "Summit ends in deadlock", "published": "2024-05-06"})
        screen = await search(pilot, "site:warsaw")
        prompt = screen.results.get_option_at_index(0).prompt.plain
        assert prompt.startswith("Summit ends in deadlock") and "2024-05-06" in prompt
