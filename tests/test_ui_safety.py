"""Article text is never markup and never reaches the terminal as control codes; help is generated."""

from __future__ import annotations

from textual.binding import Binding

from tests.ui_support import body_text, make_article, stub_library
from tui_reader.core.model import Article, Block, Headline, Metadata, Quote, Section
from tui_reader.ui.app import create_app
from tui_reader.ui.screens.help import HelpScreen
from tui_reader.ui.screens.reader import ReaderScreen
from tui_reader.ui.widgets.body import ArticleBody

EVIL_TITLE = "[b]x[/b] [@click=app.quit]q[/] [link=file:///etc/passwd]x[/link]"
EVIL_TEXT = "Before [b]x[/b] then [@click=app.quit]q[/] and [link=file:///etc/passwd]x[/link] \x1b[31mred\x1b[0m \u202eevil"


def evil_article() -> Article:
    quote_text = "[@click=app.quit]q[/]"
    start = EVIL_TEXT.index(quote_text)
    return Article(
        path="evil.html",
        format="html",
        metadata=Metadata(title=EVIL_TITLE, authors=("[i]Mallory[/i]",), site="[red]site[/red]\x1b]0;pwned\x07"),
        sections=(Section(None, 0, (Block("paragraph", EVIL_TEXT), Block("heading", "[blink]H[/blink]", level=2))),),
        quotes=(Quote(quote_text, "[link=file:///etc/passwd]x[/link]", "said", 0, 0, start, start + len(quote_text)),),
        headlines=(Headline("[@click=app.quit]Click me[/]", "https://example.org/[b]"),),
        content_hash="evil",
    )


async def test_markup_and_escapes_in_articles_show_literally(tmp_path, monkeypatch):
    article = evil_article()
    stub_library(monkeypatch, tmp_path / "lib", {"evil.html": article})
    app = create_app([tmp_path / "lib"])
    async with app.run_test(size=(160, 30)) as pilot:  # wide enough for the whole title in the table
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert str(app.screen.table.get_row_at(0)[0]) == EVIL_TITLE
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        header = screen.query_one("#reader-header").render()
        assert EVIL_TITLE in header.plain and "[i]Mallory[/i]" in header.plain and "[red]site[/red]" in header.plain
        assert "\x1b" not in header.plain and "pwned" not in header.plain.replace("[red]site[/red]", "")
        text = body_text(screen.body)
        for literal in ("[b]x[/b]", "[@click=app.quit]q[/]", "[link=file:///etc/passwd]x[/link]", "␛[31mred", "[blink]H[/blink]"):
            assert literal in text
        assert "\x1b" not in text and "\u202e" not in text
        # the quote offsets still point at the quote after sanitising
        assert screen.body.texts[0][article.quotes[0].start : article.quotes[0].end] == article.quotes[0].text
        quote_prompt = screen.quotes.get_option_at_index(0).prompt
        assert "[link=file:///etc/passwd]x[/link]" in quote_prompt.plain
        headline_prompt = screen.headlines.get_option_at_index(0).prompt
        assert "[@click=app.quit]Click me[/]" in headline_prompt.plain
        # clicking on the text and pressing keys does nothing dangerous
        await pilot.click(ArticleBody, offset=(30, 0))
        await pilot.press("j", "G", "g", "tab", "enter", "y")
        await pilot.pause()
        assert app.is_running
        assert "\x1b" not in app.clipboard
        assert "[link=file:///etc/passwd]x[/link]" in app.clipboard


async def test_help_screen_is_generated_from_the_bindings(tmp_path):
    (tmp_path / "lib").mkdir()
    app = create_app([tmp_path / "lib"])
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.pause()
        app.open_article(make_article())
        await pilot.pause()
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = app.screen.query_one("#help-text").render().plain
        for binding in Binding.make_bindings([*ReaderScreen.BINDINGS, *ArticleBody.BINDINGS]):
            assert binding.description in text
        for key in ("ctrl+q", "]", "}", "/", "Y", "tab", "shift+tab"):
            assert key in text
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)


def test_cli_help_lists_the_keys(capsys):
    from tui_reader.cli import main

    try:
        main(["--help"])
    except SystemExit:
        pass
    out = capsys.readouterr().out
    assert "Show quote" in out and "Open headline" in out and "Next section" in out
    assert "ctrl+q" in out


def test_display_text_replaces_every_character_strip_controls_would_touch():
    """The fast path (text shown as it is) is taken only when strip_controls would change nothing."""
    from tui_reader.core.sanitize import strip_controls
    from tui_reader.ui.text import display_text

    for code in range(0x10000):  # strip_controls' patterns are all in the basic plane
        if 0xD800 <= code < 0xE000:  # surrogates are not characters
            continue
        ch = chr(code)
        if ch != "\n" and (ch == "\t" or strip_controls(ch) != ch):
            shown = display_text(f"a{ch}b")
            assert len(shown) == 3 and shown[1] != ch, hex(code)
    assert display_text("plain “text”\nnext line") == "plain “text”\nnext line"


async def test_a_file_or_folder_name_never_drives_the_terminal(tmp_path, monkeypatch):
    # QA: "Loading NAME…" and the save dialog's "Into FOLDER" printed names as given: a name holding
    # OSC 52 wrote the clipboard, OSC 0 the window title. Those two are cleaned, and every rendered line
    # passes ControlFilter, whatever widget drew it
    from rich.segment import Segment
    from textual.color import Color
    from textual.geometry import Region
    from textual.widgets import Static

    from tui_reader.ui.text import ControlFilter

    line = [Segment("Loading x\x1b]52;c;RVZJTA==\x07y.html…"), Segment("\x1b[31m", None, [(1,)])]
    filtered = ControlFilter().apply(line, Color(0, 0, 0))
    assert filtered[0].text.startswith("Loading xy.html…") and "\x1b" not in filtered[0].text
    assert filtered[1] is line[1]  # Textual's own control segments pass
    folder = tmp_path / "dir\x1b]52;c;RElSQ0xJUA==\x1b\\x"
    folder.mkdir()
    evil = folder / "x\x1b]0;TITLE\x07.md"
    evil.write_text("# Title\n\nText of the article.\n", encoding="utf-8")
    app = create_app([evil])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.screen.mount(Static("raw \x1b]52;c;QUJD\x07 text", markup=False, id="raw"))
        await pilot.pause()
        raw = app.screen.query_one("#raw")
        strips = raw.render_lines(Region(0, 0, raw.size.width, 1))
        assert "raw" in strips[0].text and "text" in strips[0].text
        assert all("\x1b" not in seg.text and "\x07" not in seg.text for strip in strips for seg in strip if not seg.control)


def test_a_cut_text_ends_with_one_ellipsis():
    # QA: a quote that ends with "…" cut there showed "……" in the quotes view
    from tui_reader.ui.text import shorten

    assert shorten("He carried a lot in his head … and more besides", 32) == "He carried a lot in his head…"
    assert shorten("Short enough", 40) == "Short enough"
    assert shorten("one two three four five six", 10) == "one two…"
    assert len(shorten("x" * 50, 10)) == 10
