"""Leave cleanly when the terminal goes away.

Textual's input thread treats end-of-file on its input as a piped stdin and goes round again, so
an app whose terminal hung up (a closed SSH connection, a killed tmux server, a closed window
whose SIGHUP went elsewhere) would spin at full speed for ever. The app exits instead, saving
what it saves on any exit (the reading position): on SIGHUP, and when a once-a-second check
finds the terminal no longer answers (EIO after a hang-up).
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
        asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, app.exit)
    except (NotImplementedError, RuntimeError, ValueError):
        pass

    def check() -> None:
        if terminal_gone(fd):
            app.exit()

    app.set_interval(CHECK_SECONDS, check, name="terminal-watch")
