"""End to end: the real `tui-reader` in tmux; keys in, `capture-pane` out, `y` lands in tmux's buffer."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "articles" / "nato-secgen-responds-to-sputnik.txt"

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


@pytest.fixture
def tmux(tmp_path):
    """A private tmux server (own socket, own config with set-clipboard on)."""
    socket = f"tui-reader-e2e-{os.getpid()}"
    conf = tmp_path / "tmux.conf"
    conf.write_text("set -g set-clipboard on\nset -g escape-time 0\nset -g default-size 120x40\n", encoding="utf-8")

    def run(*args: str, check: bool = True) -> str:
        done = subprocess.run(["tmux", "-L", socket, "-f", str(conf), *args], capture_output=True, text=True,
                              timeout=10)
        if check and done.returncode:
            raise AssertionError(f"tmux {args[0]}: {done.stderr.strip()}")
        return done.stdout

    yield run
    run("kill-server", check=False)


def wait_for(tmux, text: str, timeout: float = 15.0) -> str:
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = tmux("capture-pane", "-p", "-t", "app")
        if text in screen:
            return screen
        time.sleep(0.1)
    raise AssertionError(f"{text!r} never appeared; screen was:\n{screen}")


def test_reader_in_tmux_shows_body_sidebar_and_copies_to_tmux_buffer(tmux, tmp_path):
    from tui_reader.core import load_article

    article = load_article(SEED)
    assert article.quotes, "the seed has quotes"
    env = (
        f"env -u COLUMNS -u LINES TUI_READER_STATE_DIR={tmp_path / 'state'} DISPLAY= WAYLAND_DISPLAY= TERM=xterm-256color "
        f"{sys.executable} -m tui_reader {SEED}"
    )
    tmux("new-session", "-d", "-s", "app", "-x", "120", "-y", "40", f"cd {ROOT} && {env}")
    screen = wait_for(tmux, "Quotes (")
    assert "NATO SecGen Responds to Sputnik" in screen  # header
    assert "Responding directly to a question posed by Sputnik" in screen  # body
    assert f"Quotes ({len(article.quotes)})" in screen and f"Headlines ({len(article.headlines)})" in screen
    first = article.quotes[0]
    assert (first.speaker or "Unattributed") in screen  # sidebar lists the first quote's speaker

    tmux("send-keys", "-t", "app", "j")
    tmux("send-keys", "-t", "app", "Tab")
    time.sleep(0.3)
    tmux("send-keys", "-t", "app", "y")
    deadline = time.monotonic() + 10
    buffer = ""
    while time.monotonic() < deadline and first.text[:20] not in buffer:
        time.sleep(0.1)
        buffer = tmux("show-buffer", check=False)
    assert first.text[:20] in buffer
    assert "NATO SecGen" in buffer  # the reference follows the quote
    wait_for(tmux, "copied")  # the notification says what and how

    tmux("send-keys", "-t", "app", "C-q")
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and "app" in tmux("list-sessions", "-F", "#S", check=False):
        time.sleep(0.1)
