"""Snapshots of the main views at fixed sizes, from hand-built articles (no dates of today)."""

from __future__ import annotations

from tests.ui_support import make_article, reader_complete, settled, stub_library
from tui_reader.core.model import Headline
from tui_reader.ui.app import create_app


def library_app(tmp_path, monkeypatch):
    stub_library(
        monkeypatch,
        tmp_path / "lib",
        {
            "ferry.html": make_article(content_hash="f", headlines=(
                Headline("Bridge closes for repairs", "https://example.org/news/bridge"),
                Headline("Elsewhere: a story", "https://other.example/story"),
            )),
            "market.html": make_article(title="Market moves to the quay", published="2023-11-02",
                                        site="Eastbrook Post", content_hash="m"),
            "broken.html": "not an article: looks like a binary file",
        },
    )
    return create_app([tmp_path / "lib"])


def test_library_snapshot(snap_compare, tmp_path, monkeypatch):
    assert snap_compare(library_app(tmp_path, monkeypatch), terminal_size=(100, 16), run_before=settled)


def open_first(keys=()):
    async def run(pilot):
        await settled(pilot)
        await pilot.press("enter")
        await reader_complete(pilot)
        await pilot.press(*keys)
        await pilot.pause()

    return run


def test_reader_snapshot(snap_compare, tmp_path, monkeypatch):
    app = library_app(tmp_path, monkeypatch)
    assert snap_compare(app, terminal_size=(120, 32), run_before=open_first(["right_square_bracket"]))


def test_help_snapshot(snap_compare, tmp_path, monkeypatch):
    app = library_app(tmp_path, monkeypatch)
    assert snap_compare(app, terminal_size=(100, 40), run_before=open_first(["question_mark"]))


def test_narrow_reader_snapshot(snap_compare, tmp_path, monkeypatch):
    app = library_app(tmp_path, monkeypatch)
    assert snap_compare(app, terminal_size=(60, 20), run_before=open_first())
