"""The footer keeps every key in sight: full descriptions where they fit, first words where not."""

from __future__ import annotations

from textual.widgets._footer import FooterKey

from tests.ui_support import make_article, open_reader, settled
from tui_reader.ui.app import create_app
from tui_reader.ui.widgets.footer import short


def shown(screen) -> list[tuple[str, str]]:
    return [(key.key, key.description) for key in screen.query(FooterKey)]


def right_edge(screen) -> int:
    return max(key.region.right for key in screen.query(FooterKey))


def test_short_keeps_the_first_word_or_a_settings_value():
    assert short("Copy quote") == "Copy"
    # QA: with the sidebar focused the footer read "c Style", hiding the style `y` and `Y` use
    assert short("Style: Chicago 17 note") == "Chicago 17 note"
    assert short("Back") == "Back"


async def test_reader_footer_at_80_columns_shows_every_key_in_short_words(tmp_path):
    (tmp_path / "lib").mkdir()
    app = create_app([tmp_path / "lib"])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_reader(pilot, make_article())
        await settled(pilot)
        keys = shown(screen)
        assert ("e", "Edit") in keys and ("Y", "Cite") in keys and ("c", "APA 7") in keys
        assert right_edge(screen) <= 80  # the last key is not cut off


async def test_reader_footer_grows_back_to_full_words_when_the_terminal_widens(tmp_path):
    (tmp_path / "lib").mkdir()
    app = create_app([tmp_path / "lib"])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_reader(pilot, make_article())
        await pilot.resize_terminal(140, 30)
        await settled(pilot)
        keys = shown(screen)
        assert ("e", "Edit details") in keys and ("c", "Style: APA 7") in keys
        await pilot.resize_terminal(80, 24)
        await settled(pilot)
        assert ("e", "Edit") in shown(screen)


async def test_the_style_stays_in_the_footer_when_the_sidebar_has_the_keys(tmp_path):
    # QA: Chicago (note) and the sidebar focused: the footer said "c Style", not which style `y` uses
    (tmp_path / "lib").mkdir()
    app = create_app([tmp_path / "lib"])
    async with app.run_test(size=(120, 40)) as pilot:
        app.citation_style = "chicago-note"
        screen = await open_reader(pilot, make_article())
        await pilot.press("tab")
        await settled(pilot)
        keys = shown(screen)
        assert any(key == "c" and "Chicago 17 note" in text for key, text in keys), keys
        assert right_edge(screen) <= 120
