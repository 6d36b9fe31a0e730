"""Tags and access dates of saved pages in the library index: kept, shown, searched with tag:."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.library_support import filler, write_article
from tests.ui_support import settled
from tui_reader.core.cite.styles import format_reference
from tui_reader.core.ingest.header import with_note
from tui_reader.core.library.index import Library
from tui_reader.ui.app import create_app

SAVED = datetime(2022, 8, 9, 10, 0, tzinfo=UTC)


def tagged(folder, name, title, tags):
    plain = write_article(folder, name, title, filler(title.split()[0].lower()))
    plain.write_bytes(with_note(plain.read_bytes(), "markdown", f"https://example.org/{name}", SAVED, tags))
    return plain


def test_tags_and_access_date_are_indexed_and_tag_search_finds_them(tmp_path):
    folder = tmp_path / "lib"
    tagged(folder, "ferry.md", "Ferry service returns", ["transport", "Kelmouth"])
    tagged(folder, "budget.md", "Budget vote delayed", ["politics"])
    write_article(folder, "plain.md", "Transport museum opens", filler("museum"))
    with Library([folder], index=tmp_path / "index.sqlite3") as library:
        library.refresh()
        by_title = {e.title: e for e in library.entries()}
        assert by_title["Ferry service returns"].tags == ("transport", "Kelmouth")
        assert by_title["Transport museum opens"].tags == ()
        assert by_title["Budget vote delayed"].accessed == "2022-08-09"
        assert "urldate = {2022-08-09}" in format_reference(by_title["Budget vote delayed"].metadata, "bibtex")
        assert [h.entry.title for h in library.search("tag:transport")] == ["Ferry service returns"]
        assert [h.entry.title for h in library.search("tag:kelmouth")] == ["Ferry service returns"]
        assert library.search("tag:museum") == []


async def test_library_rows_show_tags_and_the_filter_matches_them(tmp_path):
    folder = tmp_path / "lib"
    tagged(folder, "ferry.md", "Ferry service returns", ["transport"])
    write_article(folder, "plain.md", "Budget vote delayed", filler("budget"))
    app = create_app([folder])
    async with app.run_test(size=(120, 30)) as pilot:
        await settled(pilot)
        table = app.screen.table
        rows = [str(table.get_row_at(n)[0]) for n in range(table.row_count)]
        assert "Ferry service returns  #transport" in rows
        assert "Budget vote delayed" in rows
        await pilot.press("f", *"transport")  # f: the filter (letters in the list are commands)
        await settled(pilot)
        assert [str(table.get_row_at(n)[0]) for n in range(table.row_count)] == ["Ferry service returns  #transport"]
