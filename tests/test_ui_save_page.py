"""`a` in the library: a page saved from a server on 127.0.0.1 appears in the list, ready to open."""

from __future__ import annotations

from tests.http_support import LocalServer, page
from tests.library_support import filler, write_article
from tests.ui_support import reader_complete, settled
from tui_reader.ui.app import create_app
from tui_reader.ui.screens.library import LibraryScreen
from tui_reader.ui.screens.save_page import SavePageScreen


def row_titles(app) -> list[str]:
    table = app.screen.table
    return [str(table.get_row_at(n)[0]) for n in range(table.row_count)]


async def test_a_saves_a_page_and_the_cursor_lands_on_it(tmp_path):
    folder = tmp_path / "lib"
    write_article(folder, "old.md", "Zoo keepers strike", filler("zoo"))
    with LocalServer() as server:
        newer = '<meta property="article:published_time" content="2025-02-03T09:00:00Z">'
        url = server.route("/harbour", body=page("Harbour Wall Repaired", "The harbour wall was repaired at last.", newer))
        app = create_app([folder])
        async with app.run_test(size=(120, 30)) as pilot:
            await settled(pilot)
            await pilot.press("a")
            assert isinstance(app.screen, SavePageScreen)
            await pilot.press(*url, "enter")
            await settled(pilot)
            assert isinstance(app.screen, LibraryScreen)
            # in its place in the order shown (newest first), not appended below the others (QA)
            assert row_titles(app) == ["Harbour Wall Repaired", "Zoo keepers strike"]
            table = app.screen.table
            assert str(table.get_row_at(table.cursor_row)[0]) == "Harbour Wall Repaired"
            saved = list((folder / "127.0.0.1").iterdir())
            assert len(saved) == 1 and saved[0].name.endswith("-harbour-wall-repaired.html")
            await pilot.press("enter")
            reader = await reader_complete(pilot)
            assert reader.article.metadata.url == url


async def test_a_page_that_cannot_be_saved_says_why_and_writes_nothing(tmp_path):
    folder = tmp_path / "lib"
    write_article(folder, "old.md", "Budget vote delayed", filler("budget"))
    with LocalServer() as server:
        url = server.route("/paper.pdf", body=b"%PDF-1.4", content_type="application/pdf")
        app = create_app([folder])
        async with app.run_test(size=(120, 30)) as pilot:
            await settled(pilot)
            await pilot.press("a", *url, "enter")
            await settled(pilot)
            assert isinstance(app.screen, SavePageScreen)  # still open, the address can be corrected
            status = str(app.screen.query_one("#save-status").render())
            assert "application/pdf" in status
            await pilot.press("escape")
            assert isinstance(app.screen, LibraryScreen)
            assert row_titles(app) == ["Budget vote delayed"]
    assert sorted(p.name for p in folder.iterdir()) == ["old.md"]
