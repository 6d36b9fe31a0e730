"""Leave cleanly when the terminal goes away.

Textual's input thread treats end-of-file on its input as a piped stdin and goes round again, so
an app whose terminal hung up (a closed SSH connection, a killed tmux server, a closed window
whose SIGHUP went elsewhere) would spin at full speed for ever. The app exits instead, saving
what it saves on any exit (the reading position): on SIGHUP, and when a once-a-second check
finds the terminal no longer answers (EIO after a hang-up). An exit that then hangs is ended (`leave`).
"""

from __future__ import annotations

import asyncio
import signal
import sys

try:
    import termios
except ImportError:  # not a POSIX terminal: nothing to watch
    termios = None  # type: ignore[assignment]

CHECK_SECONDS = 1.0


def terminal_gone(fd: int) -> bool:
    try:
        termios.tcgetattr(fd)
    except (termios.error, OSError, ValueError):
        return True
    return False


LEAVE_SECONDS = 5.0  # after the terminal went away, the longest an exit may take before it is forced
HANGUP_STATUS = 129  # 128 + SIGHUP, as a shell reports a process that a hang-up ended


def leave(app) -> None:
    """Exit `app` because its terminal is gone, saving what any exit saves; and should the exit hang (Textual
    waits to write the last screen to a terminal that no longer reads it: a writer thread whose queue never
    empties), end the process after `LEAVE_SECONDS` rather than stay an orphan for ever."""
    import os
    import threading

    if getattr(app, "_leaving", False):
        return
    app._leaving = True
    timer = threading.Timer(LEAVE_SECONDS, os._exit, args=(HANGUP_STATUS,))
    timer.daemon = True  # a clean exit before it ends it with the process
    timer.start()
    app.exit()


def watch_terminal(app) -> None:
    """Make `app` exit when its terminal disappears. Does nothing headless or without a terminal."""
    if termios is None or app.is_headless:
        return
    stream = sys.__stdin__
    try:
        fd = stream.fileno()
    except (AttributeError, OSError, ValueError):
        return
    if terminal_gone(fd):
        return  # not a terminal to begin with (input is piped): Textual handles that itself
    try:
        asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, leave, app)
    except (NotImplementedError, RuntimeError, ValueError):
        pass

    def check() -> None:
        if terminal_gone(fd):
            leave(app)

    app.set_interval(CHECK_SECONDS, check, name="terminal-watch")
