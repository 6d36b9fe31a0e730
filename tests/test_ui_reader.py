"""Pilot tests of the reader screen: every key path, asserting state."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.ui_support import body_text, make_article, open_reader, reader_complete, stub_library
from tui_reader.core.model import Article, Block, Headline, Section
from tui_reader.core.state import State
from tui_reader.ui import citing
from tui_reader.ui.app import create_app
from tui_reader.ui.screens.reader import ReaderScreen
from tui_reader.ui.widgets.body import FOLD, ArticleBody, prefix
from tui_reader.ui.widgets.sidebar import HeadlineList, QuoteList

SIZE = (120, 40)


@pytest.fixture
def app(tmp_path):
    (tmp_path / "lib").mkdir()
    return create_app([tmp_path / "lib"])


async def test_scroll_keys_move_the_body(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(pilot, make_article())
        body = screen.body
        assert app.focused is body
        assert body.scroll_y == 0
        await pilot.press("j", "j", "down")
        assert body.scroll_y == 3
        await pilot.press("k")
        assert body.scroll_y == 2
        await pilot.press("space")
        paged = body.scroll_y
        assert paged > 2 + body.size.height // 2
        await pilot.press("b")
        assert body.scroll_y < paged
        await pilot.press("G")
        assert body.scroll_y == body.max_scroll_y > 0
        await pilot.press("g")
        assert body.scroll_y == 0


async def test_section_and_paragraph_keys(app):
    article = make_article()
    async with app.run_test(size=SIZE) as pilot:
        body = (await open_reader(pilot, article)).body
        starts = body.section_starts
        await pilot.press("right_square_bracket")
        assert body.scroll_y == body.tops[starts[1]]
        await pilot.press("right_square_bracket")
        assert body.scroll_y == body.tops[starts[2]]
        await pilot.press("left_square_bracket")
        assert body.scroll_y == body.tops[starts[1]]
        await pilot.press("right_curly_bracket")
        assert body.scroll_y == body.tops[starts[1] + 1]
        await pilot.press("left_curly_bracket", "left_curly_bracket")
        assert body.scroll_y == body.tops[starts[1] - 1]


async def test_table_of_contents_jumps_to_a_section(app):
    article = make_article()
    async with app.run_test(size=SIZE) as pilot:
        body = (await open_reader(pilot, article)).body
        await pilot.press("t")
        assert type(app.screen).__name__ == "TocScreen"
        await pilot.press("down", "down", "down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert body.scroll_y == body.tops[body.section_starts[3]]
        assert app.focused is body
        await pilot.press("t", "escape")
        assert isinstance(app.screen, ReaderScreen)


async def test_tab_cycles_body_quotes_headlines(app):
    article = make_article(headlines=(Headline("Elsewhere", "https://other.example/x"),))
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot, article)
        assert isinstance(app.focused, ArticleBody)
        await pilot.press("tab")
        assert isinstance(app.focused, QuoteList)
        await pilot.press("tab")
        assert isinstance(app.focused, HeadlineList)
        await pilot.press("tab")
        assert isinstance(app.focused, ArticleBody)
        await pilot.press("shift+tab")
        assert isinstance(app.focused, HeadlineList)


async def test_enter_on_a_quote_scrolls_to_it_and_highlights_it(app):
    article = make_article(sections=8)
    quote = article.quotes[1]
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(pilot, article)
        body = screen.body
        await pilot.press("tab", "down", "enter")
        await pilot.pause()
        flat = body.flat[(quote.section, quote.block)]
        line = body.line_of(flat, quote.start)
        assert body.scroll_y > 0
        assert body.scroll_y <= line < body.scroll_y + body.size.height
        assert body.quote_marks == {flat: (quote.start, quote.end)}
        assert body.texts[flat][quote.start : quote.end] == quote.text


async def test_search_counts_and_steps_through_matches(app):
    article = make_article()
    expected = article.text.lower().count("mayor said")
    assert expected >= 3
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(pilot, article)
        body = screen.body
        await pilot.press("slash")
        assert app.focused.id == "search"
        await pilot.press(*"Mayor said", "enter")
        assert len(body.matches) == expected
        assert body.current_match == 0
        assert app.focused is body
        status = str(screen.query_one("#search-status").render())
        assert f"1 of {expected}" in status
        first_y = body.scroll_y
        await pilot.press("n")
        assert body.current_match == 1
        assert body.scroll_y > first_y
        await pilot.press("N", "N")
        assert body.current_match == expected - 1
        assert f"{expected} of {expected}" in str(screen.query_one("#search-status").render())
        await pilot.press("slash", *"zzzz", "enter")
        assert body.matches == []
        assert "no matches" in str(screen.query_one("#search-status").render())


async def test_search_key_as_the_reader_opens_mounts_its_parts_once(app):
    """The search box, sidebar lists and footer come right after the first paint; `/` may come first."""
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = ReaderScreen(make_article())
        await app.push_screen(screen)
        await screen.run_action("search")
        await reader_complete(pilot)
        assert app.focused.id == "search"
        assert len(screen.query("SearchInput")) == 1 and len(screen.query("Footer")) == 1
        assert len(screen.query("#sidebar > *")) == 2


async def test_escape_in_search_box_cancels_without_leaving(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(pilot, make_article())
        await pilot.press("slash", "x", "escape")
        assert app.screen is screen
        assert app.focused is screen.body
        assert not screen.query_one("#search").display


async def test_y_copies_the_focused_quote_with_its_citation(app):
    article = make_article()
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot, article)
        await pilot.press("y")
        assert app.clipboard == ""  # no quote in view, none picked: a hint instead of a copy
        assert any("No quote in view" in n.message for n in app._notifications)
        await pilot.press("tab", "down", "y")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        copied = app.clipboard
        quote = article.quotes[1]
        assert quote.text in copied
        assert "Deputy Sam Roe" in copied
        assert "Harbour ferry returns" in copied
        assert [n.message for n in app._notifications] == ["Quote copied (terminal clipboard; ? says why)"]


async def test_y_in_the_body_copies_the_quote_in_view(app):
    article = make_article()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(pilot, article)
        quote = article.quotes[0]
        screen.body.scroll_to_block(screen.body.flat[(quote.section, quote.block)])
        await pilot.pause()
        await pilot.press("y")
        assert app.focused is screen.body
        assert app.clipboard.startswith(f"“{quote.text}” — Mayor Jo Bloggs")


async def test_y_after_scrolling_away_from_a_shown_quote_copies_the_one_in_view(app):
    article = make_article(sections=8)
    first, second = article.quotes
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(pilot, article)
        await pilot.press("tab", "enter")  # show the first quote in the body
        await pilot.pause()
        assert screen.shown_quote == first
        await pilot.press("shift+tab")
        assert app.focused is screen.body
        screen.body.scroll_to_block(screen.body.flat[(second.section, second.block)])
        await pilot.pause()
        assert not screen.body.quote_in_view(first)
        await pilot.press("y")
        assert app.clipboard.startswith(f"“{second.text}” — Deputy Sam Roe")


async def test_Y_copies_the_reference_and_c_picks_the_style(app, isolated_state):
    article = make_article()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(pilot, article)
        await pilot.press("Y")
        first = app.clipboard
        assert "Harbour ferry returns" in first
        style = app.citation_style
        await pilot.press("c", "down", "enter")
        assert app.citation_style != style
        description = screen._bindings.key_to_bindings["c"][0].description
        assert description.startswith("Style:")
        await pilot.press("Y")
        assert app.clipboard == citing.reference(article, app.citation_style) != first
        assert "harbour ferry returns" in app.clipboard.lower()
    assert State(isolated_state).get("settings", "citation_style") == app.citation_style


async def test_headline_opens_library_article_by_url_then_by_title(tmp_path, monkeypatch):
    by_url = make_article(title="Bridge closes for repairs", url="https://example.org/news/bridge/", content_hash="b")
    by_title = make_article(title="Market moves to the quay", url=None, content_hash="m")
    home = make_article(
        content_hash="home",
        headlines=(
            Headline("A different text", "http://www.example.org/news/bridge?utm=x"),
            Headline("Market Moves to the Quay!", None),
        ),
    )
    stub_library(monkeypatch, tmp_path / "lib", {"a.html": by_url, "b.html": by_title, "c.html": home})
    app = create_app([tmp_path / "lib"])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await open_reader(pilot, home)
        await pilot.press("tab", "tab", "enter")
        await pilot.pause()
        assert app.screen.article is by_url
        assert len(app.screen_stack) == 3  # default, library, one reader: escape goes to the library
        await pilot.press("escape")
        await open_reader(pilot, home)
        await pilot.press("tab", "tab", "down", "enter")
        await pilot.pause()
        assert app.screen.article is by_title


async def test_headline_not_in_library_asks_before_opening_the_browser(app, monkeypatch):
    opened = []
    monkeypatch.setattr("tui_reader.ui.clipboard.open_in_browser", lambda url: opened.append(url) or True)
    article = make_article(headlines=(Headline("Elsewhere", "https://other.example/story"),))
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot, article)
        await pilot.press("tab", "tab", "enter")
        assert type(app.screen).__name__ == "ConfirmScreen"
        await pilot.press("n")
        assert isinstance(app.screen, ReaderScreen)
        assert opened == []
        await pilot.press("enter")
        await pilot.press("y")
        await app.workers.wait_for_complete()
        assert opened == ["https://other.example/story"]


async def test_escape_goes_back_to_library_and_ctrl_q_quits(app):
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot, make_article())
        await pilot.press("escape")
        assert type(app.screen).__name__ == "LibraryScreen"
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running


async def test_reading_position_is_remembered(tmp_path):
    article = make_article(sections=8)
    (tmp_path / "lib").mkdir()
    app = create_app([tmp_path / "lib"])
    async with app.run_test(size=SIZE) as pilot:
        body = (await open_reader(pilot, article)).body
        await pilot.press("right_square_bracket", "right_square_bracket", "j")
        where = body.scroll_y
        assert where > 0
        await pilot.press("escape")
        body = (await open_reader(pilot, article)).body
        await pilot.pause()
        assert body.scroll_y == where
    # and in a new session
    app = create_app([tmp_path / "lib"])
    async with app.run_test(size=SIZE) as pilot:
        body = (await open_reader(pilot, article)).body
        await pilot.pause()
        assert body.scroll_y == where


async def test_narrow_terminal_hides_the_sidebar_and_a_key_toggles_it(app):
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_reader(pilot, make_article())
        sidebar = screen.query_one("#sidebar")
        assert not sidebar.display
        await pilot.press("tab")  # QA: tab did nothing, with no hint
        assert app.focused is screen.body
        assert any("s shows them" in n.message for n in app._notifications)
        # the footer, cut short at this width, still shows how to bring the sidebar back
        footer_keys = {key.description: key for key in app.screen.query("FooterKey")}
        assert footer_keys["Sidebar"].region.right <= app.size.width
        await pilot.press("s")
        assert sidebar.display
        await pilot.press("tab")
        assert isinstance(app.focused, QuoteList)
        await pilot.press("shift+tab")
        assert app.focused is screen.body
        await pilot.press("tab")
        await pilot.press("s")
        assert not sidebar.display
        assert app.focused is screen.body
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert not sidebar.display  # hidden with s: it stays hidden whatever the width


async def test_tiny_terminal_does_not_crash(app):
    async with app.run_test(size=(40, 12)) as pilot:
        await open_reader(pilot, make_article())
        for key in ("j", "G", "right_square_bracket", "s", "tab", "enter", "y", "t", "escape", "question_mark",
                    "escape", "slash", "a", "enter", "n", "escape"):
            await pilot.press(key)
        assert app.is_running
        screen = await open_reader(pilot, make_article())  # read again after those keys
        assert_body_fits(screen.body, 40)
        await pilot.press("s")
        await pilot.resize_terminal(20, 6)
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, ReaderScreen)
        assert_body_fits(app.screen.body, 20, whole_words=False)


LONG_WORDS = ("The Llanfairpwllgwyngyllgogerychwyrndrobwll council backed a once-in-a-generation plan "
              "(see https://example.org/news/harbour/plan) on Friday.")


async def test_a_word_too_long_for_a_narrow_reader_is_cut_with_a_sign_or_after_its_hyphen(tmp_path):
    (tmp_path / "lib").mkdir()
    app = create_app([tmp_path / "lib"])
    article = replace(make_article(), sections=(Section(None, 0, (Block("paragraph", LONG_WORDS),)),), quotes=())
    async with app.run_test(size=(20, 12)) as pilot:
        screen = await open_reader(pilot, article)
        screen.body.layout_lines()
        assert screen.body.measure < 20
        lines = [line.strip() for line in body_text(screen.body).splitlines() if line.strip()]
        assert all(len(line) <= screen.body.measure for line in lines)
        cut = [line for line in lines if line[:-1].isalpha() and line.endswith(FOLD)]
        assert len(cut) >= 2  # the long name runs over three lines, each cut marked
        assert "".join(line[:-1] for line in cut).startswith("Llanfairpwllgwyngyll")
        assert "once-in-a-" in lines or any(line.endswith(("once-in-a-", "once-in-")) for line in lines)
        shown = "".join(line[:-1] if line in cut else line for line in lines)
        assert shown.replace(" ", "") == LONG_WORDS.replace(" ", "")  # the signs are the only letters added


def assert_body_fits(body, columns: int, whole_words: bool = True) -> None:
    """The body is laid out in the terminal's width: every line of text fits, and (when the width
    holds the longest word) no letter is lost."""
    width = body.scrollable_content_region.width
    assert 0 < width <= columns
    lines = body_text(body).splitlines()
    assert all(len(line) <= width for line in lines), max(lines, key=len)
    if whole_words:
        shown, text = ("".join("".join(part).split()) for part in (lines, body.texts[0]))
        assert shown.startswith(text[:60])  # the text starts where the article does, no letter lost


async def test_theme_choice_is_remembered(tmp_path, isolated_state):
    (tmp_path / "lib").mkdir()
    app = create_app([tmp_path / "lib"])
    async with app.run_test(size=SIZE) as pilot:
        app.theme = "nord"
        await pilot.pause()
    assert State(isolated_state).get("settings", "theme") == "nord"
    app = create_app([tmp_path / "lib"])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "nord"


async def test_big_article_is_virtualised(app):
    article = make_article(sections=500, paragraphs=10)  # ~6000 blocks
    assert len(article.blocks) > 5000
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(pilot, article)
        body = screen.body
        await pilot.press("G")
        assert body.scroll_y == body.max_scroll_y
        assert len(body._cache) < 200  # only what was painted was rendered
        await pilot.press("slash", *"mayor said", "enter")
        assert len(body.matches) == 499


async def test_empty_quotes_and_headlines_lists_say_what_is_there(app):
    from dataclasses import replace

    article = replace(make_article(), quotes=(), headlines=())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(pilot, article)
        for widget, words in ((screen.quotes, "No quotations found in this article"),
                              (screen.headlines, "No links to other articles")):
            assert widget.border_title.endswith("(0)")
            assert widget.option_count == 1 and words in str(widget.get_option_at_index(0).prompt)
        await pilot.press("tab", "enter", "y")
        assert screen.quotes.current_item is None and app.clipboard == ""
        assert [n.message for n in app._notifications] == ["This article has no quotes."]


@pytest.mark.parametrize("width", [80, 64])
async def test_sidebar_shown_with_s_on_a_narrow_terminal_leaves_the_text_at_least_as_wide(app, width):
    async with app.run_test(size=(width, 24)) as pilot:
        screen = await open_reader(pilot, make_article())
        sidebar = screen.query_one("#sidebar")
        await pilot.press("s")
        await pilot.pause()
        assert sidebar.display
        assert screen.body.size.width >= sidebar.size.width >= 20
        for size in ((width + 30, 30), (width - 10, 24), (width, 24)):  # resizes keep the choice
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert sidebar.display and screen.body.size.width >= sidebar.size.width


async def test_sidebar_hidden_with_s_stays_hidden_across_resizes(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(pilot, make_article())
        sidebar = screen.query_one("#sidebar")
        assert sidebar.display
        await pilot.press("s")
        for size in ((90, 24), (160, 40), SIZE):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert not sidebar.display


def test_a_numbered_item_shows_its_number_where_a_bullet_would_be():
    from tui_reader.core.model import BlockKind

    assert prefix(Block(BlockKind.LIST_ITEM, "Final vote", number=12)) == ("12. ", "    ")
    assert prefix(Block(BlockKind.LIST_ITEM, "apples")) == ("• ", "  ")
    assert prefix(Block(BlockKind.PARAGRAPH, "Text.")) == ("", "")


def test_search_in_the_article_ignores_case_and_accents_and_marks_the_words_as_written():
    # QA: "/" did not find "cafe" in "Café" nor "идет" in "идёт" (the library's search does)
    article = Article(path="a.txt", format="text", metadata=make_article().metadata, sections=(Section(None, 0, (
        Block("paragraph", "Le Café de Flore ouvre. Un café, deux CAFÉS."), Block("paragraph", "Поезд идёт в Тверь."))),))
    body = ArticleBody(article)
    assert body.search("cafe") == 3
    assert [body.texts[m.block][m.start:m.end] for m in body.matches] == ["Café", "café", "CAFÉ"]
    assert body.search("идет") == 1 and body.texts[1][body.matches[0].start:body.matches[0].end] == "идёт"
    assert body.search("") == 0


def test_search_in_the_article_finds_typographic_apostrophes_and_dashes_typed_as_on_a_keyboard():
    # QA: "/" with "let's try" found nothing in "‘Let’s try this.’" (the library's search finds it)
    article = Article(path="a.txt", format="text", metadata=make_article().metadata, sections=(Section(None, 0, (
        Block("paragraph", "She said: ‘Let’s try this.’ It was a well‑known “trick” — or so."),)),))
    body = ArticleBody(article)
    assert body.search("let's try") == 1
    assert body.texts[0][body.matches[0].start:body.matches[0].end] == "Let’s try"
    assert body.search("well-known \"trick\"") == 1
    assert body.search("let’s") == 1  # and the other way round


def test_text_without_spaces_wraps_between_its_characters_never_before_a_closing_mark():
    # QA: Japanese lines broke at every Latin space (half-empty lines) and a "。" could open a line
    from tui_reader.ui.widgets.body import wrap_spans

    text = ("今日は桜の開花が発表されました。Google Play でアプリを公開し、「新しい機能」を追加しました。"
            "東京都内では多くの人が花見を楽しんでいます。")
    lines = [text[a:b] for a, b in wrap_spans(text, 20)]
    assert "".join(lines) == text
    assert all(len(line.rstrip()) >= 8 for line in lines[:-1])  # each line filled, not cut at every space
    assert not any(line[:1] in "。、」" for line in lines) and not any(line.rstrip()[-1:] == "「" for line in lines)
    from rich.cells import cell_len

    assert all(cell_len(line.rstrip()) <= 20 for line in lines)


async def test_a_quote_gone_to_stays_on_screen_when_the_terminal_narrows(app):
    # QA: at 120x40 a quote was chosen and shown; narrowed to 80x24 the view kept its place by the block at the
    # top, and the marked paragraph ended below the screen
    async with app.run_test(size=(120, 40)) as pilot:
        article = make_article(sections=5, paragraphs=3)  # near the end: the view cannot put it on top
        screen = await open_reader(pilot, article)
        await pilot.press("tab", *["j"] * (len(article.quotes) - 1), "enter")  # the last quote, from the sidebar
        await pilot.pause()
        quote = article.quotes[-1]
        assert screen.body.quote_marks and screen.body.quote_in_view(quote)
        for size in ((80, 24), (60, 16), (140, 50), (80, 24)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert screen.body.quote_in_view(quote), size


async def test_section_keys_say_so_where_there_is_no_section_to_go_to(app):
    # QA: ] and [ did nothing, with no message, in an article without sections
    plain = Article(path="plain.txt", format="text", metadata=make_article().metadata, sections=(Section(None, 0, (
        Block("paragraph", "The ferry runs again from Monday."), Block("paragraph", "Tickets cost the same."))),))
    async with app.run_test(size=(100, 30)) as pilot:
        await open_reader(pilot, plain)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert any("no sections" in n.message for n in app._notifications)


async def test_an_empty_list_in_the_sidebar_leaves_the_room_to_the_other(app):
    # QA: an article without linked headlines kept half the sidebar for "No links to other articles"
    article = replace(make_article(), headlines=())
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_reader(pilot, article)
        await pilot.pause()
        quotes, headlines = screen.quotes, screen.headlines
        assert headlines.has_class("-empty") and not quotes.has_class("-empty")
        assert headlines.region.height <= 6 and quotes.region.height >= 25
