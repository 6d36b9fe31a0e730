"""`tui-reader [PATH...]`: open the reader (placeholder until the UI lands)."""

from __future__ import annotations


def keys_help() -> str:
    return ""


def main(argv: list[str]) -> int:
    from textual.app import App
    from textual.widgets import Static

    class Placeholder(App):
        BINDINGS = [("ctrl+q", "quit", "Quit")]

        def compose(self):
            yield Static("tui-reader: the reader is being built. ctrl+q quits.", markup=False)

    Placeholder().run()
    return 0
