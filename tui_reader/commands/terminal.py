"""Everything a command prints passes one filter, `sanitize.strip_controls`.

`cli.main` puts `TerminalStream`s in place of `sys.stdout` and `sys.stderr` for the length of a
command, so article text, references (Markdown, BibTeX, RIS), file names, error lines and argparse's
messages can never carry an escape sequence (an OSC 52 clipboard write, a window title) to the
terminal, whichever code path prints them. JSON is printed with `sanitize.terminal_json`, which
escapes those characters instead: the filter then finds nothing to change, and the JSON is exact.
Our own styling (search's bold, the progress bar's carriage return) goes out through `control`.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TextIO

from tui_reader.core.sanitize import strip_controls


class TerminalStream(io.TextIOBase):
    """A text stream that writes what it is given without control characters or escapes."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        self.stream.write(strip_controls(text))
        return len(text)

    def control(self, sequence: str) -> None:
        """Write one of our own control sequences (SGR styling, a carriage return) as it is."""
        self.stream.write(sequence)

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return self.stream.isatty()

    def fileno(self) -> int:
        return self.stream.fileno()

    def writable(self) -> bool:
        return True

    @property
    def encoding(self) -> str:
        return getattr(self.stream, "encoding", None) or "utf-8"

    @property
    def errors(self) -> str | None:
        return getattr(self.stream, "errors", None)


def control(stream: TextIO, sequence: str) -> None:
    """Write our own control `sequence` to `stream`, past the filter if it has one."""
    getattr(stream, "control", stream.write)(sequence)


RESET = "\x1b[0m"


def print_styled(parts: Iterable[tuple[str, str | None]], color: bool, stream: TextIO | None = None) -> None:
    """One line of (text, SGR style or None) pieces: the text filtered, the styles ours."""
    stream = stream or sys.stdout
    for text, style in parts:
        if style and color and text:
            control(stream, style)
            stream.write(text)
            control(stream, RESET)
        else:
            stream.write(text)
    stream.write("\n")


@contextmanager
def filtered_output() -> Iterator[None]:
    """sys.stdout and sys.stderr filtered for the duration."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = TerminalStream(sys.stdout), TerminalStream(sys.stderr)
    try:
        yield
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
        sys.stdout, sys.stderr = saved


@contextmanager
def unfiltered_output() -> Iterator[None]:
    """The real streams back, for the Textual app (it drives the terminal itself)."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = (s.stream if isinstance(s, TerminalStream) else s for s in saved)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved
