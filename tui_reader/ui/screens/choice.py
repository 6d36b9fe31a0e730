"""A small list to pick one value from (the citation style): Enter picks, escape keeps the old one."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option


class ChoiceScreen(ModalScreen[str | None]):
    BINDINGS = [
        Binding("escape,q", "close", "Keep the current one"),
        Binding("j", "cursor(1)", "Next", show=False),
        Binding("k", "cursor(-1)", "Previous", show=False),
    ]

    def __init__(self, title: str, choices: list[tuple[str, str]], current: str | None = None) -> None:
        """`choices`: (value, label) pairs, in the order shown; `current` is highlighted first."""
        super().__init__()
        self.title_text = title
        self.choices = choices
        self.current = current

    def compose(self) -> ComposeResult:
        options = [Option(("● " if value == self.current else "  ") + label, id=value) for value, label in self.choices]
        with Vertical(id="choice-dialog", classes="dialog") as dialog:
            dialog.border_title = self.title_text
            dialog.border_subtitle = "enter picks · escape keeps it"
            yield OptionList(*options, id="choices")

    def on_mount(self) -> None:
        choices = self.query_one(OptionList)
        choices.focus()
        values = [value for value, _ in self.choices]
        choices.highlighted = values.index(self.current) if self.current in values else 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cursor(self, step: int) -> None:
        choices = self.query_one(OptionList)
        choices.action_cursor_down() if step > 0 else choices.action_cursor_up()

    def action_close(self) -> None:
        self.dismiss(None)
