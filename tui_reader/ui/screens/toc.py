"""Table of contents: a modal list of the article's sections; Enter jumps."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui_reader.core.model import Article
from tui_reader.ui.text import shorten


def section_label(article: Article, index: int) -> Content:
    section = article.sections[index]
    if section.title:
        indent = "  " * max(0, section.level - 1)
        return Content(indent + shorten(section.title, 80))
    first = next((b.text for b in section.blocks if b.text.strip()), "")
    label = "Beginning" if index == 0 else "Untitled section"
    return Content.assemble((label, "italic"), ("  " + shorten(first, 50), "$text-muted") if first else "")


class TocScreen(ModalScreen[int | None]):
    BINDINGS = [
        Binding("escape,t,q", "close", "Close"),
        Binding("j", "cursor(1)", "Next section", show=False),
        Binding("k", "cursor(-1)", "Previous section", show=False),
    ]

    def __init__(self, article: Article, current: int = 0) -> None:
        """`current`: the section being read, highlighted when the list opens."""
        super().__init__()
        self.article = article
        self.current = current

    def compose(self) -> ComposeResult:
        options = [Option(Content.assemble("▸ " if n == self.current else "  ", section_label(self.article, n)), id=f"s{n}")
                   for n in range(len(self.article.sections))]
        with Vertical(id="toc-dialog", classes="dialog") as dialog:
            dialog.border_title = f"Contents ({len(options)} section{'s' if len(options) != 1 else ''})"
            dialog.border_subtitle = "▸ you are here · enter jumps · escape closes"
            yield OptionList(*options, id="toc")

    def on_mount(self) -> None:
        toc = self.query_one(OptionList)
        toc.focus()
        if toc.option_count:
            toc.highlighted = min(max(self.current, 0), toc.option_count - 1)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option_index)

    def action_cursor(self, step: int) -> None:
        toc = self.query_one(OptionList)
        toc.action_cursor_down() if step > 0 else toc.action_cursor_up()

    def action_close(self) -> None:
        self.dismiss(None)
