"""The one file given on the command line is read before the UI is up: in a forked child, else a thread."""

from __future__ import annotations

import os
from concurrent.futures import Future
from pathlib import Path

import pytest

from tests.conftest import SEED
from tui_reader.core.loader import load_article  # imported before forking: the child need not import it
from tui_reader.ui import preload
from tui_reader.ui.library import LibraryEntry

needs_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this system")


@pytest.fixture
def forking(monkeypatch):
    monkeypatch.setattr(preload, "_can_fork", lambda: True)


@needs_fork
def test_child_process_reads_the_article(forking):
    entry = preload.start_loading(SEED, process=True).result(timeout=30)
    assert entry.error is None
    assert entry.article == load_article(SEED)


@needs_fork
def test_child_process_reports_an_unreadable_file(forking, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    entry = preload.start_loading(empty, process=True).result(timeout=30)
    assert entry.article is None and entry.error


@needs_fork
def test_a_child_that_dies_is_replaced_by_reading_here(forking, monkeypatch):
    parent = os.getpid()
    real_load = LibraryEntry.load.__func__

    def load(cls, path):
        if os.getpid() != parent:
            os._exit(3)  # the child dies without answering (killed, out of memory)
        return real_load(cls, path)

    monkeypatch.setattr(LibraryEntry, "load", classmethod(load))
    entry = preload.start_loading(SEED, process=True).result(timeout=30)
    assert entry.article is not None and entry.article.sections


def test_without_process_a_thread_reads_it(monkeypatch):
    forks = []
    monkeypatch.setattr(os, "fork", lambda: forks.append(1) or 0, raising=False)
    entry = preload.start_loading(SEED).result(timeout=30)
    assert entry.article == load_article(SEED)
    assert forks == []


async def test_while_the_file_loads_keys_work_and_the_reader_opens_when_it_arrives(tmp_path):
    from tests.ui_support import make_article, reader_complete
    from tui_reader.ui import app as app_module
    from tui_reader.ui.app import create_app
    from tui_reader.ui.screens.help import HelpScreen

    article = make_article(path=str(tmp_path / "slow.html"))
    pending: Future = Future()
    app = create_app([article.path], preload=pending)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(app_module.WARM_UP_SECONDS * (len(app_module.WARM_UP) + 2))  # the warm-up ran
        assert "Loading slow.html" in str(app.query_one("#preload").render())
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        pending.set_result(LibraryEntry(Path(article.path), article=article))
        screen = await reader_complete(pilot)
        assert screen.article is article
