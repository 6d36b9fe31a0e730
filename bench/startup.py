"""Startup and responsiveness of the reader, measured in a real pseudo-terminal.

1. First paint: time from process start until the reader has painted the seed's body, against a
   bare Textual app painting one Static; median of N runs each, printed as a ratio (target <= 1.5x).
2. A 5 MB HTML article: while it loads (a file that big is parsed in a child process), F1 is
   pressed and the time until the help screen is painted is measured (target < 100 ms); median/max
   over N runs. The script checks the article had not finished loading when the answer came, and
   prints the same key's time over the seed with nothing loading as a reference for machine load.

Both apps run as installed programs do: with compiled bytecode cached (a private cache folder,
filled by one untimed run of each first), not recompiling every module on each start, as they
would under PYTHONDONTWRITEBYTECODE with no __pycache__ (`--cold-bytecode` measures that).

Usage: .venv/bin/python bench/startup.py [--runs 5] [--big-mb 5] [--cold-bytecode]
"""

from __future__ import annotations

import argparse
import fcntl
import os
import random
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "articles" / "nato-secgen-responds-to-sputnik.txt"
SEED_NEEDLE = b"Responding directly to a question"  # first body paragraph: only the reader shows it
BARE_NEEDLE = b"bench-ready"
BARE_APP = """
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static("bench-ready")

Bare().run()
"""


class Term:
    """A child process on a 120x40 pseudo-terminal, its output collected."""

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        self.start = time.perf_counter()
        self.proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env, cwd=ROOT,
                                     start_new_session=True)
        os.close(slave)
        self.fd = master
        self.out = b""

    def wait_for(self, needle: bytes, timeout: float = 30.0, since: int = 0) -> float:
        """Seconds since start when `needle` appears in the output after byte `since`."""
        deadline = time.perf_counter() + timeout
        while needle not in self.out[since:]:
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                raise TimeoutError(f"{needle!r} not seen; last output: {self.out[-400:]!r}")
            ready, _, _ = select.select([self.fd], [], [], min(remaining, 0.05))
            if ready:
                try:
                    self.out += os.read(self.fd, 65536)
                except OSError:
                    break
        return time.perf_counter() - self.start

    def press(self, data: bytes) -> None:
        os.write(self.fd, data)

    def close(self) -> None:
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
        os.close(self.fd)


PYCACHE: str | None = None  # the bytecode cache folder of this run (None: the environment's setting)


def environment(state: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    env.update(TERM="xterm-256color", TUI_READER_STATE_DIR=state, DISPLAY="", WAYLAND_DISPLAY="")
    if PYCACHE is not None:  # the same cache for both apps, and for textual as much as for us
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = PYCACHE
    return env


def first_paint(argv: list[str], needle: bytes) -> float:
    with tempfile.TemporaryDirectory() as state:
        term = Term(argv, environment(state))
        try:
            return term.wait_for(needle)
        finally:
            term.close()


# The help's first words: its groups of keys scroll, and the last ("Everywhere") is below a 40-line screen.
HELP_NEEDLE = b"Letters typed"


def key_when_idle() -> float:
    """Seconds F1 takes to paint the help over the seed's reader with nothing loading: the reference."""
    with tempfile.TemporaryDirectory() as state:
        term = Term([sys.executable, "-m", "tui_reader", str(SEED)], environment(state))
        try:
            term.wait_for(SEED_NEEDLE)
            time.sleep(0.5)
            mark = len(term.out)
            sent = time.perf_counter()
            term.press(b"\x1bOP")
            return term.wait_for(HELP_NEEDLE, since=mark) - (sent - term.start)
        finally:
            term.close()


def big_html(path: Path, megabytes: float) -> None:
    rng = random.Random(1)
    words = "council budget harbour ferry library vote residents mayor funding survey river bridge".split()
    parts = ["<html><head><title>A very long page</title></head><body><article><h1>A very long page</h1>"]
    size, n = 0, 0
    while size < megabytes * 1_000_000:
        if n % 10 == 0:
            parts.append(f"<h2>Part {n // 10}</h2>")
        text = " ".join(rng.choice(words) for _ in range(150)).capitalize()
        parts.append(f"<p>{text}. The mayor said “this is paragraph {n}” on Friday.</p>")
        size += len(parts[-1])
        n += 1
    parts.append("</article></body></html>")
    path.write_text("".join(parts), encoding="utf-8")


def key_while_loading(big: Path) -> tuple[float, float, bool, float]:
    """(seconds F1 took to paint the help while loading, seconds until the article was shown,
    whether the answer came during the load, seconds F1 took once the reader was up)."""
    with tempfile.TemporaryDirectory() as state:
        term = Term([sys.executable, "-m", "tui_reader", str(big)], environment(state))
        try:
            term.wait_for(b"Loading")  # the app is up; the article is loading
            time.sleep(0.3)
            mark = len(term.out)
            sent = time.perf_counter()
            term.press(b"\x1bOP")  # F1
            answered = term.wait_for(HELP_NEEDLE, since=mark) - (sent - term.start)
            loaded_before = b"paragraph 0" in term.out
            term.press(b"\x1b")
            time.sleep(0.2)
            loaded = term.wait_for(b"min read", timeout=120, since=mark)
            mark = len(term.out)
            sent = time.perf_counter()
            term.press(b"\x1bOP")  # F1 again, now that the reader is up
            after = term.wait_for(HELP_NEEDLE, since=mark) - (sent - term.start)
            return answered, loaded, not loaded_before, after
        finally:
            term.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--big-mb", type=float, default=5.0)
    parser.add_argument("--only", choices=("startup", "big"), help="run one of the two measurements")
    parser.add_argument("--cold-bytecode", action="store_true",
                        help="no bytecode cache of our own: modules compile as the environment allows")
    args = parser.parse_args()

    global PYCACHE
    with tempfile.TemporaryDirectory() as tmp:
        bare_script = Path(tmp) / "bare.py"
        bare_script.write_text(BARE_APP, encoding="utf-8")
        if not args.cold_bytecode:
            PYCACHE = str(Path(tmp) / "pycache")
            first_paint([sys.executable, str(bare_script)], BARE_NEEDLE)  # fill the cache, untimed
            first_paint([sys.executable, "-m", "tui_reader", str(SEED)], SEED_NEEDLE)
        bare, reader = [], []
        for _ in range(args.runs if args.only != "big" else 0):  # interleaved, so both see the same machine load
            bare.append(first_paint([sys.executable, str(bare_script)], BARE_NEEDLE))
            reader.append(first_paint([sys.executable, "-m", "tui_reader", str(SEED)], SEED_NEEDLE))
        if bare:
            b, r = statistics.median(bare), statistics.median(reader)
            cache = "no bytecode cache" if args.cold_bytecode else "bytecode cached"
            print(f"first paint ({cache}), median of {args.runs}: bare Textual app {b * 1000:.0f} ms, "
                  f"reader on the seed {r * 1000:.0f} ms, ratio {r / b:.2f}x (target <= 1.5x)")
        if args.only == "startup":
            return 0

        big = Path(tmp) / "big.html"
        big_html(big, args.big_mb)
        answers, loads, during, afters, idle = [], [], [], [], []
        for _ in range(args.runs):
            idle.append(key_when_idle())
            answered, loaded, was_loading, after = key_while_loading(big)
            answers.append(answered)
            loads.append(loaded)
            during.append(was_loading)
            afters.append(after)
        print(f"{big.stat().st_size / 1e6:.1f} MB HTML: reader shown after median {statistics.median(loads):.1f} s; "
              f"F1 answered while loading in median {statistics.median(answers) * 1000:.0f} ms, "
              f"max {max(answers) * 1000:.0f} ms (target < 100 ms); "
              f"{sum(during)}/{len(during)} answers came before the article was shown; "
              f"F1 once the reader is up: median {statistics.median(afters) * 1000:.0f} ms; "
              f"reference, F1 over the seed with nothing loading: median {statistics.median(idle) * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
