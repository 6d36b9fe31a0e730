"""Everything the UI must not wait for, in one place. Each method returns a
`concurrent.futures.Future`; a screen awaits it in a Textual async worker with
`await answer(self, future)`, so an exclusive worker drops answers nobody wants any more, and a
worker whose screen (or app) closed while it waited ends there instead of updating widgets that are gone.

    ArticleReader.read(path)         one article file, read to be shown (LoadedFile)
    warm_up(modules)                 modules imported on a thread (what shows a file, while it loads)
    IndexService.newest(n) / .entries() / .refresh(progress) / .add(path) / .search(text) / .speakers() /
                 .quotes(group) / .find_headline(headline)     the library index

No Textual import here: the command line starts an ArticleReader before Textual is imported, so
that the file it was given is parsed on another core while the UI loads.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from tui_reader.core.processes import BIG_FILE  # a file this big is never parsed in this process

if TYPE_CHECKING:
    # Imported when used: the command line forks the reader's child before anything it can do without,
    # and the index (with sqlite3) comes when the library is first used.
    from concurrent.futures import Future

    from tui_reader.core.library.index import IndexEntry, Library, QuoteHit, RefreshProgress, RefreshResult, SearchHit
    from tui_reader.core.library.speakers import SpeakerGroup
    from tui_reader.core.model import Article, Headline

T = TypeVar("T")

@dataclass
class LoadedFile:
    """One file read to be shown: the article, or the reason it could not be read."""

    path: Path
    article: Article | None = None
    error: str | None = None

    @classmethod
    def load(cls, path: Path) -> LoadedFile:
        from tui_reader.core import ArticleError, load_article

        try:
            return cls(path, article=load_article(path))
        except ArticleError as exc:
            return cls(path, error=exc.reason)
        except Exception as exc:  # noqa: BLE001 - a loader bug must never take the app down
            return cls(path, error=f"could not be read ({type(exc).__name__}: {exc})".splitlines()[0])


def warm_up(modules: Sequence[str]) -> Future[None]:
    """Import `modules` on a thread of their own, in order: what the UI shows next is ready when it
    is asked for, and the UI thread never waits for an import it did not ask for (one it asks for
    meanwhile waits for that module only)."""
    from concurrent.futures import ThreadPoolExecutor

    pool = ThreadPoolExecutor(1, thread_name_prefix="tui-reader-warm-up")
    future = pool.submit(_import_all, tuple(modules))
    pool.shutdown(wait=False)  # the thread ends once the imports are done
    return future


def _import_all(modules: tuple[str, ...]) -> None:
    import importlib

    for name in modules:
        importlib.import_module(name)


async def answer(node, future: Future[T]) -> T:
    """The future's result, awaited in a worker of `node` (a screen or the app). When the node was
    taken down meanwhile (its screen closed, the app quitting), the worker ends as cancelled: its
    widgets may be gone already, and a query for them would fail the app on its way out."""
    import asyncio

    result = await asyncio.wrap_future(future)
    app = node.app
    if not app.is_running or (node is not app and not node.is_attached):
        raise asyncio.CancelledError
    return result


# ------------------------------------------------------------------------------------------------
# Reading articles


class ArticleReader:
    """Reads article files one at a time, off the UI thread.

    Parsing is Python and holds the GIL, so it happens in a child process when there is one: the
    command line forks it before Textual is imported (`process=True`: nothing to import twice, and
    the given file is parsed while the UI loads), and otherwise the first big file starts one. The
    child is kept for later files. Without a child, small files are read on the reader's thread;
    if the child dies, the file is read there too and the next big file starts a new child.
    """

    def __init__(self, *, process: bool = False) -> None:
        self._child: _Child | None = None
        self._closed = False
        if process:
            from tui_reader.core.processes import can_fork

            if can_fork():  # only while this process has no thread, and first: little to copy
                self._child = _Child.start()
        from concurrent.futures import ThreadPoolExecutor

        self._thread = ThreadPoolExecutor(1, thread_name_prefix="tui-reader-read")

    def read(self, path: Path) -> Future[LoadedFile]:
        """The file's LoadedFile (never an exception: errors become its `error`)."""
        return self._thread.submit(self._read, Path(path))

    def _read(self, path: Path) -> LoadedFile:
        if self._child is None and _is_big(path):
            self._child = _Child.start()
        if self._child is not None:
            loaded = self._child.read(path)
            if loaded is not None:
                return loaded
            self._child = None  # it died (killed, out of memory): read this one here
            if self._closed:
                return LoadedFile(path, error="not read: the reader was closed")  # stopped: never read again
        return LoadedFile.load(path)

    def close(self) -> None:
        self._closed = True
        self._thread.shutdown(wait=False, cancel_futures=True)
        if self._child is not None:
            self._child.stop()


def _is_big(path: Path) -> bool:
    try:
        return path.stat().st_size >= BIG_FILE
    except OSError:
        return False


class _Child:
    """A child process that reads the files it is sent: a path in, a pickled LoadedFile out.

    Forked straight away while this process has one thread (the command line: nothing to import
    first, so the file is being parsed at once), else started from multiprocessing's forkserver,
    which has the loader imported (`core.processes.context`). Both speak the same bytes protocol."""

    def __init__(self, process, connection) -> None:
        self.process = process
        self.connection = connection

    @classmethod
    def start(cls) -> _Child | None:
        from tui_reader.core.processes import can_fork

        try:
            return cls._fork() if can_fork() else cls._spawn()
        except (OSError, ValueError, RuntimeError):  # no more processes or pipes here: read in this one
            return None

    @classmethod
    def _fork(cls) -> _Child:
        import os

        requests, answers = os.pipe(), os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: serve, then leave without running the parent's clean-ups
            try:
                os.close(requests[1])
                os.close(answers[0])
                _serve(_Pipe(requests[0], answers[1]))
            finally:
                os._exit(0)
        os.close(requests[0])
        os.close(answers[1])
        return cls(_Forked(pid), _Pipe(answers[0], requests[1]))

    @classmethod
    def _spawn(cls) -> _Child:
        from tui_reader.core.processes import context

        ctx = context()
        ours, theirs = ctx.Pipe()
        process = ctx.Process(target=_serve, args=(theirs,), name="tui-reader-read", daemon=True)
        process.start()
        theirs.close()
        return cls(process, ours)

    def read(self, path: Path) -> LoadedFile | None:
        """The child's answer, or None when it died first."""
        import os
        import pickle

        try:
            self.connection.send_bytes(os.fsencode(path))
            loaded = pickle.loads(self.connection.recv_bytes())  # the GIL is free while this waits
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
            self.stop()
            return None
        return loaded if isinstance(loaded, LoadedFile) else None

    def stop(self) -> None:
        self.connection.close()
        if self.process.is_alive():
            self.process.terminate()
        self.process.join(timeout=1)


def _serve(connection) -> None:
    """In the child: read each path sent until the parent goes away."""
    import os
    import pickle

    _quiet()
    while True:
        try:
            path = Path(os.fsdecode(connection.recv_bytes()))
        except (EOFError, OSError):
            return
        connection.send_bytes(pickle.dumps(LoadedFile.load(path), protocol=pickle.HIGHEST_PROTOCOL))


class _Pipe:
    """send_bytes/recv_bytes over two plain pipe ends (as multiprocessing's Connection, without
    importing it before the fork): an 8-byte length, then the bytes."""

    def __init__(self, read_fd: int, write_fd: int) -> None:
        self.read_fd, self.write_fd = read_fd, write_fd

    def send_bytes(self, data: bytes) -> None:
        import os

        view = memoryview(len(data).to_bytes(8, "big") + data)
        while view:
            view = view[os.write(self.write_fd, view):]

    def recv_bytes(self) -> bytes:
        size = int.from_bytes(self._exactly(8), "big")
        return self._exactly(size)

    def _exactly(self, size: int) -> bytes:
        import os

        chunks, left = [], size
        while left:
            chunk = os.read(self.read_fd, min(left, 1 << 20))
            if not chunk:
                raise EOFError
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)

    def close(self) -> None:
        import os

        for fd in (self.read_fd, self.write_fd):
            try:
                os.close(fd)
            except OSError:
                pass


class _Forked:
    """The forked child, with the calls of multiprocessing's Process that _Child uses."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self._ended = False

    def is_alive(self) -> bool:
        import os

        if not self._ended:
            try:
                self._ended = os.waitpid(self.pid, os.WNOHANG)[0] != 0
            except ChildProcessError:
                self._ended = True
        return not self._ended

    def terminate(self) -> None:
        import os
        import signal

        if self.is_alive():
            os.kill(self.pid, signal.SIGTERM)

    def join(self, timeout: float | None = None) -> None:
        import time

        deadline = time.monotonic() + (timeout or 0)
        while self.is_alive() and time.monotonic() < deadline:
            time.sleep(0.01)


def _quiet() -> None:
    """The child shares the terminal: nothing it prints (a library's warning) may reach it."""
    import os

    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    os.close(devnull)


# ------------------------------------------------------------------------------------------------
# The library index


class IndexService:
    """The SQLite library for the app. Queries run one at a time on the index's own thread (one
    connection serves them all); a refresh runs on a thread of its own, so that searching goes on
    while files are read."""

    def __init__(self, paths: list[Path]) -> None:
        from concurrent.futures import ThreadPoolExecutor

        self.paths = [Path(p) for p in paths]
        self.refreshed = False  # a refresh has brought the index up to date with the files
        self._notices: list[str] = []
        self._library: Library | None = None
        self._lock = threading.Lock()
        self._queries = ThreadPoolExecutor(1, thread_name_prefix="tui-reader-index")
        self._refreshes = ThreadPoolExecutor(1, thread_name_prefix="tui-reader-refresh")
        self._closer: threading.Thread | None = None

    @property
    def _lib(self) -> Library:
        with self._lock:
            if self._library is None:
                from tui_reader.core.library.index import Library

                self._library = Library(self.paths)  # from a temporary index when it must (its notice says so)
            return self._library

    def _query(self, action: Callable) -> Future:
        return self._queries.submit(lambda: action(self._lib))

    def entries(self) -> Future[list[IndexEntry]]:
        """Every entry under the paths, straight from the index (no file is read)."""
        return self._query(lambda lib: lib.entries())

    def newest(self, limit: int) -> Future[tuple[list[IndexEntry], int, int]]:
        """The first entries newest first, the number of entries and of unreadable ones (Library.newest)."""
        return self._query(lambda lib: lib.newest(limit))

    def search(self, text: str, limit: int) -> Future[list[SearchHit]]:
        """Ranked hits; the future raises QuerySyntaxError when the query cannot be read."""
        return self._query(lambda lib: lib.search(text, limit=limit))

    def speakers(self) -> Future[list[SpeakerGroup]]:
        return self._query(lambda lib: lib.speakers())

    def quotes(self, group: str) -> Future[list[QuoteHit]]:
        """One speaker group's quotes across the library."""
        return self._query(lambda lib: lib.quotes(group=group))

    def find_headline(self, headline: Headline) -> Future[IndexEntry | None]:
        return self._query(lambda lib: lib.find_headline(headline))

    def refresh(self, progress: Callable[[RefreshProgress, IndexEntry | None], None],
                should_stop: Callable[[], bool]) -> Future[RefreshResult]:
        """Bring the index up to date with the files. `progress(event, entry)` is called on the
        refresh's thread, with the entry as now indexed when the event added or changed one."""

        def run() -> RefreshResult:
            lib = self._lib

            def report(event: RefreshProgress) -> None:
                progress(event, lib.entry(event.path) if event.change and event.path else None)

            result = lib.refresh(report, should_stop=should_stop)
            self.refreshed = not result.stopped
            return result

        return self._refreshes.submit(run)

    def add(self, path: Path) -> Future[IndexEntry | None]:
        """A file just saved under the library's folders, indexed (with whatever else changed)."""

        def run() -> IndexEntry | None:
            lib = self._lib
            lib.refresh(reanalyse=False)  # at once: the library's own refresh updates stale rows
            return lib.entry(path)

        return self._refreshes.submit(run)

    def take_notices(self) -> list[str]:
        """Notices for people (an index rebuilt, a temporary index), each given once."""
        with self._lock:
            if self._library is not None and self._library.notice:
                self._notices.append(self._library.notice)
                self._library.notice = None
            notices, self._notices = self._notices, []
        return notices

    def close(self) -> None:
        """Take no more work, and close the index once what is running has finished: closing a
        connection while another thread is in a query crashes the process (a segfault in sqlite3)."""
        self._queries.shutdown(wait=False, cancel_futures=True)
        self._refreshes.shutdown(wait=False, cancel_futures=True)
        self._closer = threading.Thread(target=self._close_when_idle, name="tui-reader-index-close")
        self._closer.start()

    def wait_closed(self, timeout: float | None = None) -> bool:
        """After `close`: wait for the index to be closed; whether it is."""
        self._closer.join(timeout)
        return not self._closer.is_alive()

    def _close_when_idle(self) -> None:
        self._queries.shutdown(wait=True)
        self._refreshes.shutdown(wait=True)
        with self._lock:
            if self._library is not None:
                self._library.close()
