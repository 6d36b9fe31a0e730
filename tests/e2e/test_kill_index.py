"""`kill -9` of a cold `index`: its worker processes (and the forkserver) end with it."""

import os
import signal
import subprocess
import sys
import time

import pytest

from tests.conftest import ROOT
from tests.library_support import filler, write_article
from tui_reader.core.library.index import POOL_MIN

pytestmark = pytest.mark.skipif(not hasattr(os, "killpg"), reason="POSIX process groups only")


def _group(pgid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc") if os.path.isdir("/proc") else []:
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    fields = handle.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == pgid and fields[0] != "Z":
                found.append(int(entry))
    return found


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="reads /proc")
def test_workers_die_with_a_killed_index(tmp_path):
    folder = tmp_path / "lib"
    for n in range(POOL_MIN * 20):
        write_article(folder, f"a{n:04}.md", f"Article number {n} about the harbour", filler("harbour", 40))
    env = dict(os.environ, TUI_READER_CACHE_DIR=str(tmp_path / "cache"), TUI_READER_STATE_DIR=str(tmp_path / "state"))
    proc = subprocess.Popen([sys.executable, "-m", "tui_reader", "index", str(folder)], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while len(_group(proc.pid)) < 4 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)  # the pool is up: forkserver and workers beside the main process
        if proc.poll() is not None:
            pytest.skip("the index was built before its workers could be seen")
        assert len(_group(proc.pid)) >= 4
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        deadline = time.monotonic() + 20  # a bound to catch processes left behind, not a speed test
        while _group(proc.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _group(proc.pid) == []
    finally:
        for pid in _group(proc.pid):
            os.kill(pid, signal.SIGKILL)  # only this test's own process group
