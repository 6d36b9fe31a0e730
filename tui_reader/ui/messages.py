"""Messages the screens send up to the app (Textual's rule: attributes down, messages up).

A screen never calls into another screen: it posts one of these, and the app, which owns the
screen stack, the clipboard and the library, does the work.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from tui_reader.core.library.index import LibraryEntry as IndexEntry
    from tui_reader.core.library.query import Query
    from tui_reader.core.model import Quote


class OpenEntry(Message):
    """Read a library entry; `place` (a quote from the index, or a library search) is shown once it is open."""

    def __init__(self, entry: IndexEntry, place: Quote | Query | None = None) -> None:
        super().__init__()
        self.entry = entry
        self.place = place


class CopyText(Message):
    """Put `text` on the clipboard; `what` names it in the notice ("Quote", "Reference")."""

    def __init__(self, text: str, what: str) -> None:
        super().__init__()
        self.text = text
        self.what = what
