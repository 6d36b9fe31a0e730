"""Work in other processes: the one choice of how to start them, and the one pool.

Parsing an article is pure Python (lxml aside) and holds the GIL, so work that must not stall the
caller, or that should use every core, runs in child processes:

    context()                      fork while this process has one thread, else forkserver (spawn
                                   where there is neither); the forkserver imports the loader once
    imap_unordered(fn, jobs, n)    results as they are ready, from n processes (indexing a library);
                                   the processes end with this one, even when it is killed

Nothing here imports the loader itself: a child does, or inherits it.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:  # imported when a child is started: `can_fork` is asked before anything is imported
    import multiprocessing.context

from tui_reader.core.orphans import exit_with

Job = TypeVar("Job")
Result = TypeVar("Result")

# What a forkserver imports once, so that each child it forks can read an article at once instead
# of importing the loader and the HTML machinery first (about 0.3 s of CPU a child).
PRELOAD = [
    "tui_reader.core.loader",
    "tui_reader.core.extract.html_body",
    "tui_reader.core.extract.html_meta",
    "tui_reader.core.attribution.headlines",
    "tui_reader.core.library.index",
]
IN_FLIGHT = 4  # jobs queued per process: enough to keep each busy, few enough to stop early at once
STOP_POLL = 0.25  # seconds between looks at `should_stop` while the processes work
BIG_FILE = 1_000_000  # bytes; a file this big is read in a child process, never in the one that shows it


def can_fork() -> bool:
    """Forking is safe only while this process has no other thread (a lock held by a thread would
    stay locked in the child for ever); macOS system frameworks do not survive a fork at all."""
    return hasattr(os, "fork") and sys.platform != "darwin" and threading.active_count() == 1


def context() -> multiprocessing.context.BaseContext:
    """The start method for new child processes: fork when it is safe (nothing to import again),
    else the forkserver, whose children are forked from a clean process that has the loader."""
    import multiprocessing

    if can_fork():
        return multiprocessing.get_context("fork")
    _start_resource_tracker()
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(PRELOAD)
    return ctx


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker (the forkserver's and spawn's children need it) with the
    process's real standard error: it hands its file descriptor to the tracker, and a terminal app that has
    put another object in `sys.stderr` (Textual does) makes that fail ("bad value(s) in fds_to_keep"), so
    every child would fail to start and all the work would run in the app's own process."""
    from multiprocessing import resource_tracker

    shown, real = sys.stderr, sys.__stderr__
    try:
        if real is not None and shown is not real:
            sys.stderr = real
        resource_tracker.ensure_running()
    except (OSError, ValueError):
        pass  # no tracker: the caller's own fallback (work in this process) still holds
    finally:
        sys.stderr = shown


def imap_unordered(fn: Callable[[Job], Result], jobs: Iterable[Job], workers: int,
                   should_stop: Callable[[], bool] | None = None) -> Iterator[Result]:
    """`fn(job)` for every job in `workers` processes, yielded in the order they finish. Closing the
    iterator early, or `should_stop()` turning true while it waits, stops at once: what has not started is
    cancelled and what is running is ended (a file that takes minutes to parse never holds up a quit).
    Raises BrokenProcessPool when the processes die or cannot start; the caller may then do the rest itself."""
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    executor = ProcessPoolExecutor(workers, mp_context=context(), initializer=exit_with, initargs=(os.getpid(),))
    waiting = iter(jobs)
    pending: set = set()
    finished = False
    try:
        while True:
            while len(pending) < workers * IN_FLIGHT and (job := next(waiting, None)) is not None:
                pending.add(executor.submit(fn, job))
            if not pending:
                finished = True
                return
            ready, pending = wait(pending, timeout=STOP_POLL if should_stop else None, return_when=FIRST_COMPLETED)
            if should_stop is not None and should_stop():
                return
            for future in ready:
                yield future.result()
    finally:
        if not finished:
            # the pool's processes (a private attribute: Python 3.14 has terminate_workers for it)
            for process in list((getattr(executor, "_processes", None) or {}).values()):
                process.terminate()
        executor.shutdown(wait=True, cancel_futures=True)
