"""The key reference, generated from the BINDINGS of the app, its screens and widgets.

Both the `?` help screen and `tui-reader --help` are built from `binding_groups()`, so the
help can never drift from what the keys actually do.
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding
from textual.keys import format_key

NAMES = {"enter": "enter", "escape": "escape", "space": "space", "tab": "tab"}


def set_description(node, key: str, description: str) -> None:
    """Change what the footer says for `key` on `node` (e.g. the current sort or citation style)."""
    bindings = node._bindings.key_to_bindings.get(key, [])
    node._bindings.key_to_bindings[key] = [replace(b, description=description) for b in bindings]
    node.refresh_bindings()


def key_label(key: str) -> str:
    *mods, last = key.split("+")
    label = NAMES.get(last) or format_key(last)
    return "+".join([*mods, label])


def _rows(bindings) -> list[tuple[str, str]]:
    """(keys, description) rows in the order first met; keys doing the same thing share a row."""
    keys_for: dict[str, list[str]] = {}
    for binding in Binding.make_bindings(bindings):
        keys_for.setdefault(binding.description, []).append(binding.key_display or key_label(binding.key))
    return [(", ".join(keys), description) for description, keys in keys_for.items()]


def binding_groups() -> list[tuple[str, list[tuple[str, str]]]]:
    from tui_reader.ui.app import ReaderApp
    from tui_reader.ui.screens.choice import ChoiceScreen
    from tui_reader.ui.screens.library import LibraryScreen, LibraryTable
    from tui_reader.ui.screens.quotes import QuotesScreen
    from tui_reader.ui.screens.reader import ReaderScreen
    from tui_reader.ui.screens.search import ResultList, SearchScreen
    from tui_reader.ui.screens.toc import TocScreen
    from tui_reader.ui.widgets.body import ArticleBody
    from tui_reader.ui.widgets.sidebar import HeadlineList, QuoteList

    return [
        ("Everywhere", _rows(ReaderApp.BINDINGS)),
        # A screen's keys, then those of the list it shows (j, k, g, G are commands there too).
        ("Library", _rows([*LibraryScreen.BINDINGS, *LibraryTable.BINDINGS])),
        (SearchScreen.HELP_GROUP, _rows([*SearchScreen.BINDINGS, *ResultList.BINDINGS])),
        (QuotesScreen.HELP_GROUP, _rows([*QuotesScreen.BINDINGS, *LibraryTable.BINDINGS])),
        ("Reader", _rows([*ArticleBody.BINDINGS, *ReaderScreen.BINDINGS])),
        ("Quotes list", _rows(QuoteList.BINDINGS)),
        ("Headlines list", _rows(HeadlineList.BINDINGS)),
        ("Table of contents", _rows(TocScreen.BINDINGS)),
        ("Style picker", _rows(ChoiceScreen.BINDINGS)),
    ]


def keys_text() -> str:
    from tui_reader.ui.app import KEY_RULE

    lines = ["keys:", *(f"  {line}" for line in KEY_RULE), ""]
    for title, rows in binding_groups():
        lines.append(f"  {title}")
        lines.extend(f"    {keys:<22} {description}" for keys, description in rows)
    return "\n".join(lines)
