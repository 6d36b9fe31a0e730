"""The `?` screen: every key, generated from the bindings."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from tui_reader.ui.keys import binding_groups


def help_content(first: str | None = None) -> Content:
    """Every group of keys; the group of the screen help was opened from comes first."""
    groups = sorted(binding_groups(), key=lambda group: group[0] != first)
    parts: list = []
    for n, (title, rows) in enumerate(groups):
        parts.append(("\n" if n else "") + title + "\n")
        parts[-1] = (parts[-1], "bold $accent")
        width = max((len(keys) for keys, _ in rows), default=0) + 2
        for keys, description in rows:
            parts.append((f"  {keys:<{width}}", "bold"))
            parts.append(description + "\n")
    return Content.assemble(*parts).rstrip()


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark,q,f1", "close", "Close")]

    def __init__(self, first: str | None = None) -> None:
        super().__init__()
        self.first = first

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-dialog", classes="dialog") as scroll:
            scroll.border_title = "Keys"
            scroll.border_subtitle = "escape closes"
            yield Static(help_content(self.first), id="help-text")

    def on_mount(self) -> None:
        self.query_one("#help-dialog").focus()

    def action_close(self) -> None:
        self.dismiss(None)
