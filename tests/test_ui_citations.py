"""Pilot tests of citations in the reader: `y`, `Y`, `c` and the `e` form for corrected details."""

from __future__ import annotations

import dataclasses
import shutil
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from textual.widgets import Input, Select, Static
from textual.widgets._footer import FooterKey

from tests.ui_support import make_article, one_file_app, reader_complete
from tui_reader.core.cite.styles import (
    apply_overrides,
    format_reference,
    load_overrides,
    load_style,
    save_overrides,
    save_style,
    validate_override,
)
from tui_reader.core.model import Metadata
from tui_reader.core.state import State
from tui_reader.ui.app import create_app
from tui_reader.ui.keys import binding_groups
from tui_reader.ui.screens.metadata_form import (
    FORM_FIELDS,
    MetadataForm,
    form_value,
    join_authors,
    overrides_from_form,
    split_authors_field,
)
from tui_reader.ui.screens.reader import ReaderScreen

SIZE = (120, 40)
SEED = Path(__file__).resolve().parents[1] / "articles" / "nato-secgen-responds-to-sputnik.txt"


async def wait_for_reader(pilot) -> ReaderScreen:
    """The app was started on one file: wait until its reader is up, footer and sidebar included."""
    screen = await reader_complete(pilot)
    await pilot.pause()
    return screen


def header_text(screen: ReaderScreen) -> str:
    return str(screen.query_one("#reader-header", Static).render())


def footer_descriptions(screen) -> list[str]:
    return [key.description for key in screen.query(FooterKey)]


reader_app = one_file_app  # an app started on one hand-built article, as from the command line


@pytest.fixture
def seed_copy(tmp_path):
    """The reference article (no author, no date, no URL) copied to a temp folder."""
    folder = tmp_path / "articles"
    folder.mkdir()
    path = folder / "sputnik.txt"
    shutil.copyfile(SEED, path)
    return path


# ----- y, Y, c ------------------------------------------------------------------------------


@pytest.mark.parametrize("style", ["apa", "mla", "chicago"])
async def test_y_copies_the_focused_quote_with_the_reference_of_the_current_style(style):
    save_style(State(), style)
    article = make_article()
    quote = article.quotes[1]
    app = reader_app(article)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_reader(pilot)
        assert app.citation_style == style
        await pilot.press("tab", "down")
        assert app.screen.quotes.current_item == quote
        await pilot.press("y")
        copied = app.clipboard
    assert copied.startswith(f"“{quote.text}” — {quote.speaker}")
    assert format_reference(article, style) in copied
    others = {"apa", "mla", "chicago"} - {style}
    assert all(format_reference(article, other) not in copied for other in others)


async def test_Y_copies_the_article_reference():
    article = make_article()
    app = reader_app(article)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_reader(pilot)
        await pilot.press("Y")
        assert app.clipboard == format_reference(article, "apa")


async def test_c_picks_the_style_from_a_list_the_footer_says_it_short_and_the_choice_persists():
    article = make_article()
    app = reader_app(article)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_for_reader(pilot)
        assert "Style: APA 7" in footer_descriptions(screen)
        label = {"mla": "MLA 9", "chicago": "Chicago 17", "chicago-note": "Chicago 17 note"}
        for steps, expected in ((1, "mla"), (1, "chicago"), (1, "chicago-note")):
            await pilot.press("c")
            picker = app.screen
            assert picker.query_one("OptionList").highlighted == picker.choices.index(
                next(c for c in picker.choices if c[0] == app.citation_style))  # the current style first
            await pilot.press(*["down"] * steps, "enter")
            await pilot.pause()
            assert app.screen is screen and app.citation_style == expected
            assert f"Style: {label[expected]}" in footer_descriptions(screen)
            await pilot.press("Y")
            assert app.clipboard == format_reference(article, expected)
        await pilot.press("c", "up", "escape")  # escape keeps the current style
        assert app.screen is screen and app.citation_style == "chicago-note"
        await app.workers.wait_for_complete()
        await pilot.pause()
        # no notice per change of style, and the copies' notices replaced each other
        assert [n.message for n in app._notifications] == ["Reference copied (terminal clipboard)"]
    assert load_style(State()) == "chicago-note"

    again = reader_app(article)
    async with again.run_test(size=SIZE) as pilot:
        screen = await wait_for_reader(pilot)
        assert again.citation_style == "chicago-note"
        assert "Style: Chicago 17 note" in footer_descriptions(screen)
        await pilot.press("Y")
        assert again.clipboard == format_reference(article, "chicago-note")


# ----- the e form -----------------------------------------------------------------------------


@asynccontextmanager
async def form_on(path: Path):
    """An app started on the file at `path`, with the `e` form open: (pilot, reader, form)."""
    app = create_app([path])
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_for_reader(pilot)
        await pilot.press("e")
        assert isinstance(app.screen, MetadataForm)
        yield pilot, screen, app.screen


async def fill(pilot, form: MetadataForm, field: str, text: str) -> None:
    """Put `text` in a field, its last character typed as a key press."""
    box = form.query_one(f"#field-{field}", Input)
    box.focus()
    box.value = text[:-1]
    box.cursor_position = len(box.value)
    await pilot.press(text[-1])
    assert box.value == text


async def test_e_saves_date_and_authors_used_at_once_and_the_file_is_untouched(seed_copy):
    before = seed_copy.read_bytes(), seed_copy.stat().st_mtime_ns
    async with form_on(seed_copy) as (pilot, screen, form):
        app, article = pilot.app, screen.article
        assert "By " not in header_text(screen)
        assert form.query_one("#field-authors", Input).value == ""
        assert form.query_one("#field-site", Input).value == "Sputnik International"
        await fill(pilot, form, "authors", "Maria Lee, John Smith")
        await fill(pilot, form, "published", "2016-07-11")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        header = header_text(screen)
        assert "By Maria Lee, John Smith" in header
        assert "2016-07-11" in header
        await pilot.press("Y")
        corrected = dataclasses.replace(article, metadata=dataclasses.replace(
            article.metadata, authors=("Maria Lee", "John Smith"), published="2016-07-11"))
        assert app.clipboard == format_reference(corrected, "apa")
        assert app.clipboard.startswith("Lee, M., & Smith, J. (2016, July 11).")
        await pilot.press("tab", "y")  # a quote now cites the corrected reference, with its in-text form
        assert "(as cited in Lee & Smith, 2016, para. " in app.clipboard
        assert app.clipboard.endswith(format_reference(corrected, "apa"))
    assert load_overrides(State(), article.content_hash) == {
        "authors": [{"name": "Maria Lee", "kind": "person"}, {"name": "John Smith", "kind": "person"}],
        "published": "2016-07-11"}
    assert (seed_copy.read_bytes(), seed_copy.stat().st_mtime_ns) == before


async def test_a_bad_date_is_refused_beside_the_field_and_nothing_is_saved(seed_copy):
    async with form_on(seed_copy) as (pilot, screen, form):
        app = pilot.app
        await fill(pilot, form, "authors", "Maria Lee")
        await fill(pilot, form, "published", "2016-02-30")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form  # still open
        message = form.query_one("#error-published", Static)
        assert message.display and "not a valid date" in str(message.render())
        assert app.focused is form.query_one("#field-published", Input)
        assert any("not a valid date" in n.message for n in app._notifications)
        assert load_overrides(State(), screen.article.content_hash) == {}
        await pilot.press("escape")  # cancel: back to the reader, nothing changed
        await pilot.pause()
        assert app.screen is screen
        assert "Maria Lee" not in header_text(screen)
        await pilot.press("Y")
        assert app.clipboard == format_reference(screen.article, "apa")
    assert load_overrides(State(), screen.article.content_hash) == {}


async def test_a_bad_url_is_refused_and_fixing_it_saves(seed_copy):
    async with form_on(seed_copy) as (pilot, screen, form):
        app = pilot.app
        await fill(pilot, form, "url", "sputniknews.com/world")
        assert "not a web address" in str(form.query_one("#error-url", Static).render())  # as you type
        await pilot.press("ctrl+s")
        assert app.screen is form
        await fill(pilot, form, "url", "https://sputniknews.com/world/2016")
        assert not form.query_one("#error-url", Static).display
        await pilot.press("enter")  # enter in a field saves too
        await pilot.pause()
        assert app.screen is screen
    assert load_overrides(State(), screen.article.content_hash) == {"url": "https://sputniknews.com/world/2016"}


async def test_overrides_survive_a_new_app_and_follow_a_renamed_copy(seed_copy, tmp_path):
    async with form_on(seed_copy) as (pilot, _screen, form):
        await fill(pilot, form, "authors", "Maria Lee")
        await fill(pilot, form, "published", "2016-07-11")
        form.query_one("#field-kind", Select).value = "webpage"
        await pilot.press("ctrl+s")
        await pilot.pause()

    renamed = tmp_path / "elsewhere" / "renamed copy.txt"
    renamed.parent.mkdir()
    shutil.copyfile(seed_copy, renamed)
    again = create_app([renamed])  # a new app, on a renamed copy of the same bytes
    async with again.run_test(size=SIZE) as pilot:
        screen = await wait_for_reader(pilot)
        assert "By Maria Lee" in header_text(screen)
        await pilot.press("e")
        form = again.screen
        assert form.query_one("#field-authors", Input).value == "Maria Lee"
        assert form.query_one("#field-published", Input).value == "2016-07-11"
        assert form.query_one("#field-kind", Select).value == "webpage"
        await pilot.press("escape")
        await pilot.press("Y")
        corrected = dataclasses.replace(screen.article, metadata=dataclasses.replace(
            screen.article.metadata, authors=("Maria Lee",), published="2016-07-11", kind="webpage"))
        assert again.clipboard == format_reference(corrected, "apa")
        # APA 7 §6.17 sentence case; "Sputnik" is a proper noun by the article's own text
        assert again.clipboard.startswith("Lee, M. (2016, July 11). NATO SecGen responds to Sputnik")


async def test_cite_command_uses_the_corrections_made_in_the_form(seed_copy, capsys):
    async with form_on(seed_copy) as (pilot, _screen, form):
        await fill(pilot, form, "authors", "Maria Lee")
        await pilot.press("ctrl+s")
        await pilot.pause()
    from tui_reader.cli import main

    capsys.readouterr()
    assert main(["cite", str(seed_copy), "--style", "apa"]) == 0
    assert capsys.readouterr().out.startswith("Lee, M. (n.d.).")


async def test_an_emptied_field_goes_back_to_the_files_value(seed_copy):
    app = create_app([seed_copy])
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_for_reader(pilot)
        save_overrides(app.state, screen.article.content_hash, {"site": "Sputnik News", "language": "en-GB"})
        await pilot.press("e")
        form = app.screen
        site = form.query_one("#field-site", Input)
        assert site.value == "Sputnik News"
        assert site.placeholder == "Sputnik International"  # what an empty field falls back to
        site.value = ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Sputnik International" in header_text(screen)
        # a field the form does not show (language) is kept
        assert load_overrides(app.state, screen.article.content_hash) == {"language": "en-GB"}
        await pilot.press("e")
        await pilot.press("ctrl+r")  # every field back to the file's values
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
    assert load_overrides(State(), screen.article.content_hash) == {"language": "en-GB"}


async def test_form_shows_article_values_literally():
    hostile = "[b]x[/b] [@click=app.quit]q[/] [link=file:///etc/passwd]p[/link]"
    article = make_article(title=hostile, site="[red]Site[/red]", authors=("[i]Ann[/i] Example",))
    app = reader_app(article)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_for_reader(pilot)
        await pilot.press("e")
        form = app.screen
        assert form.query_one("#field-title", Input).value == hostile
        assert form.query_one("#field-site", Input).value == "[red]Site[/red]"
        assert form.query_one("#field-authors", Input).value == "[i]Ann[/i] Example"
        hints = " ".join(str(s.render()) for s in form.query(".form-hint"))
        assert "[b]x[/b] [@click=app.quit]q[/]" in hints
        await pilot.press("ctrl+s")  # unchanged values: saved as no override at all
        await pilot.pause()
        assert app.screen is screen and app.is_running
        assert hostile in header_text(screen)
    assert load_overrides(State(), article.content_hash) == {}


async def test_e_without_content_hash_explains_instead_of_opening():
    app = reader_app(make_article(content_hash=""))
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_for_reader(pilot)
        await pilot.press("e")
        assert app.screen is screen
        assert any("cannot be stored" in n.message for n in app._notifications)


async def test_e_is_in_the_footer_and_the_generated_help():
    app = reader_app(make_article())
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_for_reader(pilot)
        assert "Edit details" in footer_descriptions(screen)
        await pilot.press("question_mark")
        await pilot.pause()
        help_text = str(app.screen.query_one("#help-text", Static).render())
    reader_rows = dict(binding_groups())["Reader"]
    assert ("e", "Edit details") in reader_rows
    assert "Edit details" in help_text


async def test_form_fits_a_tiny_terminal():
    app = reader_app(make_article())
    async with app.run_test(size=(40, 12)) as pilot:
        await wait_for_reader(pilot)
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, MetadataForm)
        screen = form.region
        dialog = form.query_one("#metadata-dialog")
        assert screen.contains_region(dialog.region)  # the dialog is inside the 40x12 terminal
        fields = [*form.query(Input), *form.query(Select)]
        assert len(fields) == len(FORM_FIELDS) == 7  # authors, title, site, publisher, date, URL, type
        for field in fields:  # every field can be reached, and is on screen while it has the focus
            field.focus()
            for _ in range(50):  # scrolling to the focused field takes a refresh or two
                await pilot.pause(0.02)
                if dialog.region.contains_region(field.region):
                    break
            assert dialog.region.contains_region(field.region), (field.id, field.region, dialog.region)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_the_form_labels_and_the_style_pickers_hint_are_whole_at_common_sizes(size):
    app = reader_app(make_article())
    async with app.run_test(size=size) as pilot:
        await wait_for_reader(pilot)
        await pilot.press("e")
        await pilot.pause()
        labels = list(app.screen.query(".form-label"))
        assert {str(label.render()) for label in labels} >= {"Publisher", "Authors"}
        assert all(label.size.height == 1 for label in labels)  # no label broken over two lines
        await pilot.press("escape", "c")
        await pilot.pause()
        dialog = app.screen.query_one("#choice-dialog")
        assert len(dialog.border_subtitle) + 4 <= dialog.size.width  # drawn whole, not cut with "…"


async def test_the_style_picker_stays_on_a_narrow_screen():
    # QA: at 40x12 the picker had no right border and its hint read "escape keeps i"
    app = reader_app(make_article())
    async with app.run_test(size=(40, 12)) as pilot:
        await wait_for_reader(pilot)
        await pilot.press("c")
        await pilot.pause()
        dialog = app.screen.query_one("#choice-dialog")
        assert dialog.region.x >= 0 and dialog.region.right <= 40
        assert len(dialog.border_subtitle) + 4 <= dialog.size.width


# ----- the form's rules, without the UI -----------------------------------------------------


def test_authors_field_splits_on_commas_or_semicolons():
    assert split_authors_field("Maria Lee, John Smith") == ["Maria Lee", "John Smith"]
    assert split_authors_field("Lee, Maria; Smith, John") == ["Lee, Maria", "Smith, John"]
    assert split_authors_field("Martin Luther King, Jr., Ann Roe") == ["Martin Luther King, Jr.", "Ann Roe"]
    assert split_authors_field(" , ;") == []
    assert split_authors_field("Writer, Sam") == ["Writer, Sam"]  # QA: it became two authors, "Writer" and "Sam"
    assert split_authors_field("Writer, Sam, Ann Lee") == ["Writer", "Sam", "Ann Lee"]
    for authors in (("Maria Lee", "John Smith"), ("Lee, Maria", "Ann Roe"), ("Martin Luther King, Jr.",)):
        assert split_authors_field(join_authors(authors)) == list(authors)


def test_overrides_keep_only_what_differs_from_the_file():
    original = Metadata(title="A title", authors=("Ann Roe",), site="Site", kind="article-newspaper")
    typed = {"authors": "Ann Roe", "title": "  A   title ", "site": "", "published": "2024-05", "url": "",
             "kind": "post-weblog"}
    assert overrides_from_form(original, typed, {"language": "fr", "site": "Old"}) == {
        "language": "fr", "published": "2024-05", "kind": "post-weblog"}


def test_form_has_a_publisher_field_and_reads_partial_and_written_dates():
    # issue #10: the e form gains the publisher; it accepts the partial dates it says it accepts
    assert "publisher" in FORM_FIELDS
    original = Metadata(title="T", site="CNBC")
    typed = {"authors": "", "title": "T", "site": "CNBC", "publisher": "NBCUniversal", "published": "March 2020",
             "url": "", "kind": "article-newspaper"}
    overrides = overrides_from_form(original, typed)
    assert overrides == {"publisher": "NBCUniversal", "published": "2020-03"}
    for typed_date, stored in (("2020", "2020"), ("2020-03", "2020-03"), ("5 March 2020", "2020-03-05")):
        assert form_value("published", typed_date) == stored
        assert validate_override("published", stored) is None
    assert apply_overrides(original, overrides).publisher == "NBCUniversal"


async def test_corrections_made_in_the_form_reach_the_library_list(seed_copy):
    # QA: the reader showed the corrected details, the library row (and its sort and filter) kept the file's
    from tests.ui_support import settled

    app = create_app([seed_copy.parent])
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        library = app.screen
        await pilot.press("enter")
        screen = await reader_complete(pilot)
        await pilot.pause()
        await pilot.press("e")
        form = app.screen
        assert isinstance(form, MetadataForm)
        await fill(pilot, form, "title", "Stoltenberg answers Sputnik")
        await fill(pilot, form, "published", "2016-07-11")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("q")
        await settled(pilot)
        assert app.screen is library
        row = [str(cell) for cell in library.table.get_row_at(0)]
        assert row[0].startswith("Stoltenberg answers Sputnik") and "2016-07-11" in row
        assert seed_copy.read_bytes() == SEED.read_bytes()  # the file is never written


async def test_corrections_that_cannot_be_saved_are_never_called_saved(seed_copy, monkeypatch):
    # QA: with a read-only or full settings folder the form said "Details saved; citations use them now." and
    # the warning that settings cannot be saved was replaced by it at once; after a restart the change was gone
    async with form_on(seed_copy) as (pilot, screen, form):
        app = pilot.app
        monkeypatch.setattr(type(app.state), "_connect", lambda self: None)  # the settings file cannot be opened
        app.state.on_notice("Settings cannot be saved in /x (disk full); changes last until you quit.")
        await fill(pilot, form, "authors", "Maria Lee")
        await pilot.press("ctrl+s")
        await pilot.pause()
        messages = [(n.severity, n.message) for n in app._notifications]
        assert not any("Details saved" in m for _, m in messages)
        assert any(s == "error" and "this session only" in m for s, m in messages)
        assert any("Settings cannot be saved" in m for _, m in messages)  # not replaced by the next notice
        assert "Maria Lee" in header_text(screen)  # used for this session all the same
        app.notify("Reference copied (terminal clipboard)")
        assert any("Settings cannot be saved" in n.message for n in app._notifications)
