"""The reader's sidebar: the article's quotes and its linked headlines."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui_reader.core import urls
from tui_reader.core.model import Headline, Quote
from tui_reader.ui.text import inline_text, shorten

QUOTE_CHARS = 140
MAX_ITEMS = 300
LIST_BINDINGS = [
    Binding("j", "cursor_down", "Next", show=False),
    Binding("k", "cursor_up", "Previous", show=False),
]


def host_of(url: str | None) -> str:
    return inline_text(urls.host(url))


class ItemList(OptionList):
    """An OptionList over a tuple of model items, titled with their count."""

    EMPTY = ""  # what an empty list says instead of staying blank

    def __init__(self, items: tuple, title: str, **kwargs) -> None:
        self.items = items[:MAX_ITEMS]  # OptionList measures every option: thousands would freeze the UI
        options: list[Option | None] = []
        for item in self.items:
            options += [Option(self.prompt_for(item)), None]  # None: a divider line between items
        if not self.items:
            options = [Option(Content.styled(self.EMPTY, "italic $text-muted"), disabled=True), None]
        super().__init__(*options[:-1], **kwargs)
        self.set_class(not self.items, "-empty")
        listed = f", first {MAX_ITEMS} listed" if len(items) > MAX_ITEMS else ""
        self.border_title = f"{title} ({len(items)}{listed})"

    @staticmethod
    def prompt_for(item) -> Content:
        raise NotImplementedError

    def update_items(self, items: tuple) -> None:
        """The same items with new details (speakers filled in later): prompts replaced in place."""
        self.items = items[:MAX_ITEMS]
        for index, item in enumerate(self.items):
            self.replace_option_prompt_at_index(index, self.prompt_for(item))

    @property
    def current_item(self):
        index = self.highlighted
        return self.items[index] if index is not None and 0 <= index < len(self.items) else None


class QuoteList(ItemList):
    """Quotes: speaker in bold, then the quote, shortened."""

    BINDINGS = [Binding("enter", "select", "Show quote"), *LIST_BINDINGS]
    EMPTY = "No quotations found in this article. Its text is on the left; / searches it."

    def __init__(self, quotes: tuple[Quote, ...], **kwargs) -> None:
        super().__init__(quotes, "Quotes", **kwargs)

    @staticmethod
    def prompt_for(quote: Quote) -> Content:
        speaker = inline_text(quote.speaker, "Unattributed")
        return Content.assemble((speaker, "bold"), "\n", f"“{shorten(quote.text, QUOTE_CHARS)}”")


class HeadlineList(ItemList):
    """Linked headlines: text, then the host of the URL."""

    BINDINGS = [Binding("enter", "select", "Open headline"), *LIST_BINDINGS]
    EMPTY = "No links to other articles on this page."

    def __init__(self, headlines: tuple[Headline, ...], **kwargs) -> None:
        super().__init__(headlines, "Headlines", **kwargs)

    @staticmethod
    def prompt_for(headline: Headline) -> Content:
        text = Content(shorten(headline.text, 200) or "(untitled)")
        host = host_of(headline.url)
        return Content.assemble(text, "\n", (host, "italic $text-muted")) if host else text
