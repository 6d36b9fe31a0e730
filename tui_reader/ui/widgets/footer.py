"""The footer of every screen: its keys and what they do, in short words where the terminal is narrow."""

from __future__ import annotations

import re

from textual import events
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


def short(description: str) -> str:
    """A description's first word ("Copy quote" -> "Copy"); a setting's value ("Style: APA 7" -> "APA 7",
    "Sort: date" -> "date"): which style `y` will use stays in sight where the footer is narrow."""
    label, colon, value = description.partition(":")
    if colon and value.strip():
        return value.strip()
    return re.split(r"[:\s]", description.strip(), maxsplit=1)[0] or description


class KeyFooter(Footer):
    """Textual's compact footer without the command palette. When the keys with their full
    descriptions are wider than the footer, every description is cut to its first word, so each key
    stays in sight at 80 columns (`?` lists them in full)."""

    def __init__(self) -> None:
        super().__init__(compact=True, show_command_palette=False)
        self._shortened = False

    def full_width(self) -> int:
        """Cells the footer takes with full descriptions: per key, the key, a space, the description
        and the margin after it (keys of one action shown once, as Footer does)."""
        shown = {}
        for _, binding, _, _ in self.screen.active_bindings.values():
            if binding.show:
                shown.setdefault(binding.action, binding)
        return sum(len(self.app.get_key_display(b)) + len(b.description) + 2 for b in shown.values())

    def compose(self):
        self._shortened = self.full_width() > (self.size.width or self.app.size.width)
        for widget in super().compose():
            if self._shortened and isinstance(widget, FooterKey) and widget.description:
                widget.description = short(widget.description)
            yield widget

    def on_resize(self, event: events.Resize) -> None:
        if self._bindings_ready and (self.full_width() > event.size.width) != self._shortened:
            self.call_after_refresh(self.recompose)
