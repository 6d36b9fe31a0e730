"""The real reader, in a pseudo-terminal that goes away: it must exit, not spin."""

import os
import subprocess
import sys
import time

import pytest

from tests.conftest import ROOT, SEED
from tui_reader.ui.terminal_watch import terminal_gone

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX terminals only")


def test_terminal_gone_on_a_pipe_and_not_on_a_pty():
    read_end, write_end = os.pipe()
    master, slave = os.openpty()
    try:
        assert terminal_gone(read_end)
        assert not terminal_gone(slave)
    finally:
        for fd in (read_end, write_end, master, slave):
            os.close(fd)


def test_reader_exits_when_its_terminal_hangs_up(tmp_path):
    master, slave = os.openpty()
    env = dict(os.environ, TUI_READER_STATE_DIR=str(tmp_path), TERM="xterm-256color")
    proc = subprocess.Popen([sys.executable, "-m", "tui_reader", str(SEED)], stdin=slave, stdout=slave,
                            stderr=slave, cwd=ROOT, env=env, start_new_session=True)
    os.close(slave)
    try:
        seen = b""
        deadline = time.monotonic() + 30
        while b"Responding directly" not in seen and time.monotonic() < deadline:
            try:
                seen += os.read(master, 65536)
            except OSError:
                break
        assert b"Responding directly" in seen, "the reader never painted the article"
        os.close(master)  # the terminal goes away, with no SIGHUP to this process (not its controlling tty)
        master = None
        assert proc.wait(timeout=15) is not None
    finally:
        if master is not None:
            os.close(master)
        if proc.poll() is None:
            proc.kill()
            proc.wait()
