"""Reading articles off the UI thread (ui/background.py): in a child process when there is one
(forked at the command line before Textual loads, or started for a big file), else on a thread."""

from __future__ import annotations

import asyncio
import os
import sys
import threading
from concurrent.futures import Future
from pathlib import Path

import pytest

from tests.conftest import ARTICLES, ROOT, SEED
from tui_reader.core import processes
from tui_reader.core.loader import load_article  # imported before forking: the child need not import it
from tui_reader.ui import background
from tui_reader.ui.background import ArticleReader, LoadedFile

needs_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this system")


@pytest.fixture
def forking(monkeypatch):
    monkeypatch.setattr(processes, "can_fork", lambda: True)


@pytest.fixture
def reader():
    readers: list[ArticleReader] = []

    def make(**kwargs) -> ArticleReader:
        readers.append(ArticleReader(**kwargs))
        return readers[-1]

    yield make
    for made in readers:
        made.close()


def child_pid(reader: ArticleReader) -> int | None:
    child = reader._child
    return child.process.pid if child is not None else None


@needs_fork
def test_child_process_reads_the_article(forking, reader):
    articles = reader(process=True)
    assert child_pid(articles) not in (None, os.getpid())
    loaded = articles.read(SEED).result(timeout=60)
    assert loaded.error is None
    assert loaded.article == load_article(SEED)


@needs_fork
def test_the_child_reads_every_later_file_too(forking, reader):
    articles = reader(process=True)
    pid = child_pid(articles)
    other = ARTICLES / "library-funding-cuts.md"
    assert articles.read(SEED).result(timeout=60).article == load_article(SEED)
    assert articles.read(other).result(timeout=60).article == load_article(other)
    assert child_pid(articles) == pid


@needs_fork
def test_child_process_reports_an_unreadable_file(forking, reader, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    loaded = reader(process=True).read(empty).result(timeout=60)
    assert loaded.article is None and loaded.error


@needs_fork
def test_a_child_that_dies_is_replaced_by_reading_here(forking, reader, monkeypatch):
    parent = os.getpid()
    real_load = LoadedFile.load.__func__

    def load(cls, path):
        if os.getpid() != parent:
            os._exit(3)  # the child dies without answering (killed, out of memory)
        return real_load(cls, path)

    monkeypatch.setattr(LoadedFile, "load", classmethod(load))
    articles = reader(process=True)
    loaded = articles.read(SEED).result(timeout=60)
    assert loaded.article is not None and loaded.article.sections
    assert articles._child is None  # gone: the next big file starts another


def test_without_process_a_thread_reads_a_small_file(monkeypatch, reader):
    forks = []
    monkeypatch.setattr(os, "fork", lambda: forks.append(1) or 0, raising=False)
    loaded = reader().read(SEED).result(timeout=60)
    assert loaded.article == load_article(SEED)
    assert forks == []


def test_a_big_file_is_read_in_a_child_process(monkeypatch, reader):
    monkeypatch.setattr(background, "BIG_FILE", 1)  # every file counts as big
    articles = reader()
    loaded = articles.read(SEED).result(timeout=120)
    assert loaded.article == load_article(SEED)
    assert child_pid(articles) not in (None, os.getpid())


def test_warm_up_imports_on_a_thread_of_its_own(tmp_path, monkeypatch):
    for name in ("warm_first", "warm_second"):
        (tmp_path / f"{name}.py").write_text("import threading\nTHREAD = threading.current_thread().name\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    for name in ("warm_first", "warm_second"):
        monkeypatch.delitem(sys.modules, name, raising=False)
    background.warm_up(["warm_first", "warm_second"]).result(timeout=60)
    threads = {sys.modules[name].THREAD for name in ("warm_first", "warm_second")}
    assert len(threads) == 1 and threading.current_thread().name not in threads


async def test_while_the_file_loads_keys_work_and_the_reader_opens_when_it_arrives(tmp_path):
    from tests.ui_support import make_article, reader_complete
    from tui_reader.ui.app import create_app
    from tui_reader.ui.screens.help import HelpScreen

    article = make_article(path=str(tmp_path / "slow.html"))
    pending: Future = Future()
    app = create_app([article.path], preload=pending)
    async with app.run_test(size=(120, 40)) as pilot:
        await asyncio.wrap_future(app.warming_up)  # the screens that come next were imported meanwhile
        assert "Loading slow.html" in str(app.query_one("#preload").render())
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        pending.set_result(LoadedFile(Path(article.path), article=article))
        screen = await reader_complete(pilot)
        assert screen.article is article


def test_children_start_while_a_terminal_app_holds_stderr(tmp_path):
    # QA: under Textual sys.stderr's fileno() is -1; multiprocessing's resource tracker handed it to its child
    # ("bad value(s) in fds_to_keep"), every child failed, and all parsing ran in the app's own process
    import subprocess
    import sys

    script = tmp_path / "app_like.py"
    script.write_text("""
import os, sys, threading, time
from tui_reader.core import processes

def pid(_):
    return os.getpid()

class Capture:  # what Textual puts in sys.stderr
    def write(self, text): return len(text)
    def flush(self): pass
    def fileno(self): return -1

if __name__ == "__main__":
    shown = sys.stderr
    sys.stderr = Capture()
    threading.Thread(target=time.sleep, args=(3,), daemon=True).start()  # an app has threads: no fork
    assert not processes.can_fork()
    try:
        pids = set(processes.imap_unordered(pid, range(4), 2))
        print("child" if os.getpid() not in pids else "here")
    except Exception as exc:
        print(type(exc).__name__, exc)
""", encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.stdout.strip() == "child", done.stdout + done.stderr


def test_a_closed_reader_never_reads_the_file_again_itself(monkeypatch, reader):
    # QA: q while a big file loaded stopped the child, then the reader's thread read the same file again in
    # the app's process, and the app took 80 s to exit
    articles = reader()
    loads = []
    monkeypatch.setattr(LoadedFile, "load", classmethod(lambda cls, path: loads.append(path) or cls(path)))

    class Stopped:
        def read(self, path):
            articles.close()  # the user quits while the child works; the child is stopped: no answer
            return None

        def stop(self):
            pass

    articles._child = Stopped()
    loaded = articles._read(SEED)
    assert loaded.article is None and loaded.error and loads == []


def test_a_pool_stops_at_once_when_asked_even_mid_job():
    # a file that takes minutes to parse never holds up a quit: the running job is ended
    import time

    stop_at = time.monotonic() + 1
    started = time.monotonic()
    results = list(processes.imap_unordered(time.sleep, [60, 60], 2, should_stop=lambda: time.monotonic() > stop_at))
    assert results == [] and time.monotonic() - started < 30


def test_a_big_file_in_a_small_library_is_read_by_a_worker(tmp_path, monkeypatch):
    from tui_reader.core.library import index

    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "a.md").write_text("# A\n\nText.\n", encoding="utf-8")
    (folder / "big.md").write_text("# Big\n\n" + "Words of a long article. " * 50_000, encoding="utf-8")
    used = []
    real = processes.imap_unordered
    monkeypatch.setattr(processes, "imap_unordered", lambda *a, **k: used.append(len(a[1])) or real(*a, **k))
    lib = index.Library([folder], index=tmp_path / "index.sqlite3")
    result = lib.refresh()
    assert used == [2] and len(result.added) == 2 and not result.failed


def test_closing_the_index_waits_for_a_running_query_before_closing_its_connections(tmp_path):
    """Quitting while a query runs: the connections are closed after the query, not under it
    (which crashed the process with a segfault in sqlite3)."""
    (tmp_path / "a.txt").write_text("A title\n\nSome text of the article.\n", encoding="utf-8")
    service = background.IndexService([tmp_path])
    service.refresh(lambda event, entry: None, lambda: False).result(timeout=60)
    started, release, order = threading.Event(), threading.Event(), []
    library = service._library
    close = library.close
    library.close = lambda: (order.append("closed"), close())

    def slow(lib):
        started.set()
        release.wait(10)
        found = [Path(entry.path).name for entry in lib.entries()]
        order.append("queried")
        return found

    running = service._query(slow)
    assert started.wait(10)
    service.close()
    release.set()
    assert running.result(timeout=10) == ["a.txt"]
    assert service.wait_closed(10)
    assert order == ["queried", "closed"]


def _done(value) -> Future:
    future = Future()
    future.set_result(value)
    return future


def test_an_answer_reaches_a_worker_whose_screen_is_still_shown():
    app = type("App", (), {"is_running": True})()
    screen = type("Screen", (), {"app": app, "is_attached": True})()
    app.app = app
    assert asyncio.run(background.answer(screen, _done(3))) == 3
    assert asyncio.run(background.answer(app, _done(4))) == 4


@pytest.mark.parametrize("running, attached", [(False, True), (True, False)])
def test_an_answer_that_comes_after_its_screen_or_app_closed_ends_the_worker(running, attached):
    """The app quitting (or the screen closed) while the index answered: the worker ends as
    cancelled, before it looks for widgets that are gone (a NoMatches had failed the app on exit)."""
    app = type("App", (), {"is_running": running})()
    screen = type("Screen", (), {"app": app, "is_attached": attached})()
    with pytest.raises(asyncio.CancelledError):
        asyncio.run(background.answer(screen, _done(3)))
