"""The `?` screen: every key, generated from the bindings."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from tui_reader.ui.keys import binding_groups


def help_content(first: str | None = None, note: str = "") -> Content:
    """How keys work, then every group of keys (the group of the screen help was opened from
    first), then `note` (where copies go)."""
    from tui_reader.ui.app import KEY_RULE

    groups = sorted(binding_groups(), key=lambda group: group[0] != first)
    parts: list = [("\n".join(KEY_RULE) + "\n\n", "italic")]
    for n, (title, rows) in enumerate(groups):
        parts.append(("\n" if n else "") + title + "\n")
        parts[-1] = (parts[-1], "bold $accent")
        width = max((len(keys) for keys, _ in rows), default=0) + 2
        for keys, description in rows:
            parts.append((f"  {keys:<{width}}", "bold"))
            parts.append(description + "\n")
    if note:
        parts.append(("\nClipboard\n", "bold $accent"))
        parts.append(("  " + note, "$text-muted"))
    return Content.assemble(*parts).rstrip()


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,question_mark,q,f1", "close", "Close"),
        Binding("j", "scroll(1)", "Scroll down", show=False),
        Binding("k", "scroll(-1)", "Scroll up", show=False),
    ]

    def __init__(self, first: str | None = None, note: str = "") -> None:
        super().__init__()
        self.first = first
        self.note = note

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-dialog", classes="dialog") as scroll:
            scroll.border_title = "Keys"
            scroll.border_subtitle = "j/k scroll · escape closes"
            yield Static(help_content(self.first, self.note), id="help-text")

    def on_mount(self) -> None:
        self.query_one("#help-dialog").focus()

    def action_scroll(self, lines: int) -> None:
        self.query_one("#help-dialog").scroll_relative(y=lines, animate=False)

    def action_close(self) -> None:
        self.dismiss(None)
