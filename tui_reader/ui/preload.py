"""Start reading one article before the UI is even imported: the file is parsed while Textual loads.

No Textual import here; the thread imports what it needs.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future
from pathlib import Path


def start_loading(path: Path) -> Future:
    """A Future of the file's `LibraryEntry` (never raises: errors become the entry's error).

    The entry module (and with it `typing`, `dataclasses` and the model) is imported here, in the
    calling thread: a module half-imported by two threads at once can be seen partially initialised
    (dataclasses looks `typing` up in sys.modules), which killed the thread before it set a result.
    """
    from tui_reader.ui.library import LibraryEntry, load_entry

    future: Future = Future()

    def run() -> None:
        try:
            future.set_result(load_entry(path))
        except BaseException as exc:  # load_entry already turns errors into entries; belt and braces
            future.set_result(LibraryEntry(path, error=f"could not be read ({type(exc).__name__})"))

    threading.Thread(target=run, name="tui-reader-preload", daemon=True).start()
    return future
