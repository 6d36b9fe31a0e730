"""Start reading one article before the UI is even imported: the file is parsed while Textual loads.

No Textual import here. From the command line (`process=True`) the file is read in a child process
forked before anything else runs: it imports the loader and parses on another core while this
process imports Textual, and nothing it does competes for this process's GIL. Elsewhere (tests,
an app made by hand, no `fork`) a thread reads it.
"""

from __future__ import annotations

import atexit
import os
import pickle
import signal
import sys
import threading
from concurrent.futures import Future
from pathlib import Path


def start_loading(path: Path, *, process: bool = False) -> Future:
    """A Future of the file's `LibraryEntry` (never raises: errors become the entry's error).

    The entry module (and with it `typing`, `dataclasses` and the model) is imported here, in the
    calling thread: a module half-imported by two threads at once can be seen partially initialised
    (dataclasses looks `typing` up in sys.modules), which killed the thread before it set a result.
    """
    from tui_reader.ui.library import LibraryEntry, load_entry

    future: Future = Future()
    if process and _can_fork():
        try:
            _load_in_child(path, future)
            return future
        except OSError:  # no more processes or pipes: read it in a thread instead
            pass

    def run() -> None:
        try:
            future.set_result(load_entry(path))
        except BaseException as exc:  # load_entry already turns errors into entries; belt and braces
            future.set_result(LibraryEntry(path, error=f"could not be read ({type(exc).__name__})"))

    threading.Thread(target=run, name="tui-reader-preload", daemon=True).start()
    return future


def _can_fork() -> bool:
    # Forking is only safe while this process has no other thread (a lock held by a thread would
    # stay locked in the child for ever); macOS system frameworks do not survive a fork at all.
    return hasattr(os, "fork") and sys.platform != "darwin" and threading.active_count() == 1


def _load_in_child(path: Path, future: Future) -> None:
    from tui_reader.ui.library import LibraryEntry, load_entry

    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        raise
    if pid == 0:  # the child: parse, send the entry back pickled, and leave without cleanup
        try:
            os.close(read_end)
            _quiet()
            data = pickle.dumps(LibraryEntry.load(path), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_end, "wb") as out:
                out.write(data)
        except BaseException:  # the parent sees an empty answer and reads the file itself
            pass
        finally:
            os._exit(0)

    os.close(write_end)
    reaped = threading.Event()
    atexit.register(_stop, pid, reaped)  # the app closed before the file was read: stop parsing it

    def receive() -> None:
        chunks = []
        try:
            with os.fdopen(read_end, "rb") as answer:
                while chunk := answer.read(1 << 20):  # the GIL is free while this waits
                    chunks.append(chunk)
        except OSError:
            chunks = []
        _reap(pid)
        reaped.set()
        entry = None
        if chunks:
            try:
                entry = pickle.loads(b"".join(chunks))
            except Exception:
                entry = None
        if not isinstance(entry, LibraryEntry):  # the child died (killed, out of memory): read it here
            try:
                entry = load_entry(path)
            except BaseException as exc:
                entry = LibraryEntry(path, error=f"could not be read ({type(exc).__name__})")
        future.set_result(entry)

    threading.Thread(target=receive, name="tui-reader-preload", daemon=True).start()


def _quiet() -> None:
    """The child shares the terminal: nothing it prints (a library's warning) may reach it."""
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    os.close(devnull)


def _reap(pid: int) -> None:
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass


def _stop(pid: int, reaped: threading.Event) -> None:
    if reaped.is_set():  # the child is gone and its number may belong to another process now
        return
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    _reap(pid)
