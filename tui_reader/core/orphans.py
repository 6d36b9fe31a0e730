"""Worker processes that end with the process that started them.

A pool's workers wait on their task queue; if the parent is killed (kill -9, an out-of-memory
kill) nothing tells them, and they (and the forkserver) would stay for ever. Give a pool
`initializer=exit_with, initargs=(os.getpid(),)`: each worker then watches its parent and leaves
the moment it is gone.
"""

from __future__ import annotations

import os
import select
import threading
import time


def exit_with(parent: int) -> None:
    """Start watching `parent` from this (worker) process; exit when it ends."""
    threading.Thread(target=_watch, args=(parent,), name="exit-with-parent", daemon=True).start()


def _watch(parent: int) -> None:
    try:
        handle = os.pidfd_open(parent)  # Linux 5.3+: readable once the process has ended
    except ProcessLookupError:
        os._exit(1)
    except (AttributeError, OSError):
        handle = None
    if handle is not None:
        select.select([handle], [], [])
        os._exit(1)
    while True:  # elsewhere: look every half second
        time.sleep(0.5)
        try:
            os.kill(parent, 0)
        except ProcessLookupError:
            os._exit(1)
        except PermissionError:
            pass
