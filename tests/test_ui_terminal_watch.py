"""The app leaves when its terminal goes away, and never stays behind as an orphan."""

from __future__ import annotations

import threading

from tui_reader.ui import terminal_watch


class FakeApp:
    def __init__(self) -> None:
        self.exits = 0

    def exit(self) -> None:
        self.exits += 1


def test_leaving_exits_once_and_arms_a_forced_exit(monkeypatch):
    # QA: after a hang-up mid-index the app waited for ever in Textual's shutdown (its output thread's queue
    # never emptied to the closed terminal) and stayed as an orphan holding the settings file open
    timers = []

    class Timer:
        def __init__(self, seconds, fn, args=()):
            timers.append((seconds, fn, args))
            self.daemon = False

        def start(self):
            timers[-1] = (*timers[-1], self.daemon)

    monkeypatch.setattr(threading, "Timer", Timer)
    app = FakeApp()
    terminal_watch.leave(app)
    terminal_watch.leave(app)  # SIGHUP and the check both fire: one exit, one timer
    assert app.exits == 1
    (seconds, fn, args, daemon), = timers
    assert seconds == terminal_watch.LEAVE_SECONDS and daemon
    assert fn.__name__ == "_exit" and args == (terminal_watch.HANGUP_STATUS,)
