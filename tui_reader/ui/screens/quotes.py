"""Every quote in the library (`Q`): speakers with their counts, then one speaker's quotes across
articles; `y` copies a quote with its citation, Enter reads the article at the quote."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static

from tui_reader.core.library.listing import find_quote, light_article
from tui_reader.ui import citing
from tui_reader.ui.screens.library import LibraryTable
from tui_reader.ui.text import inline_text, shorten

ARTICLE_WIDTH = 24
QUOTE_WIDTH = 400  # characters of a quote in its row; the whole quote is shown below the table


def speaker_matches(group, text: str) -> bool:
    words = text.casefold().split()
    names = " ".join(group.variants).casefold()
    return all(word in names for word in words)


def quote_detail(hit) -> Content:
    entry = hit.entry
    said = inline_text(hit.quote.speaker, "Unattributed")
    where = " · ".join(v for v in (inline_text(entry.title) or entry.name, inline_text(entry.site),
                                   inline_text(entry.published)[:10]) if v)
    return Content.assemble(f"“{inline_text(hit.quote.text)}”", "\n", (f"— {said}", "bold"), "\n", (where, "$text-muted"))


class QuotesScreen(Screen):
    HELP_GROUP = "Quotes view"
    BINDINGS = [
        Binding("escape", "back", "Back", id="quotes.back", tooltip="Back to the speakers, then to the library"),
        Binding("f1", "app.help", "Help", id="quotes.help", tooltip="Every key"),
        Binding("enter", "choose", "Choose / read", id="quotes.open",
                tooltip="On a speaker: list their quotes; on a quote: read the article at the quote"),
        Binding("y", "copy_quote", "Copy quote", id="quotes.copy",
                tooltip="Copy the quote with its citation, in the style chosen in the reader (c)"),
        Binding("slash", "filter", "Find speaker", id="quotes.filter", tooltip="Filter the speakers by name"),
    ]
    DEFAULT_CSS = """
    QuotesScreen #quotes-title { height: 1; padding: 0 1; text-style: bold; color: $accent; }
    QuotesScreen #speaker-filter { margin: 0 1; }
    QuotesScreen #speakers-pane { width: 40%; min-width: 30; }
    QuotesScreen DataTable { height: 1fr; border: round $primary 40%; }
    QuotesScreen DataTable:focus { border: round $accent; }
    QuotesScreen #quote-detail { height: auto; max-height: 8; padding: 0 1; border: round $primary 40%; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.groups: list = []
        self.shown_groups: list = []
        self.group = None
        self.hits: list = []

    def compose(self) -> ComposeResult:
        yield Static("Quotes across the library — loading speakers…", id="quotes-title", markup=False)
        with Horizontal():
            with Vertical(id="speakers-pane"):
                yield Input(placeholder="Filter speakers by name", id="speaker-filter")
                yield LibraryTable(id="speakers", cursor_type="row", zebra_stripes=True)
            with Vertical(id="quotes-pane"):
                yield LibraryTable(id="speaker-quotes", cursor_type="row", zebra_stripes=True)
                yield Static("", id="quote-detail")
        yield Footer(compact=True, show_command_palette=False)

    @property
    def speakers(self) -> DataTable:
        return self.query_one("#speakers", DataTable)

    @property
    def quotes(self) -> DataTable:
        return self.query_one("#speaker-quotes", DataTable)

    def on_mount(self) -> None:
        self.speakers.add_column("Quotes", key="quotes", width=6)
        self.speakers.add_column("Articles", key="articles", width=8)
        self.speakers.add_column("Speaker", key="name")
        self.speakers.border_title = "Speakers"
        self.quotes.border_title = "Quotes"
        self.query_one("#quote-detail").display = False
        self.speakers.focus()
        self.load_speakers()

    # ----- speakers -----------------------------------------------------------------------

    @work(exclusive=True, group="speakers")
    async def load_speakers(self) -> None:
        try:
            groups = await asyncio.wrap_future(self.app.library_index.speakers())
        except Exception as exc:  # noqa: BLE001 - an index problem is a message, not a crash
            self.query_one("#quotes-title", Static).update(f"The quotes could not be read: {exc}".splitlines()[0])
            return
        self.groups = groups
        total = sum(g.quotes for g in groups)
        title = f"Quotes across the library: {total:,} by {len(groups):,} speaker{'s' if len(groups) != 1 else ''}"
        if not self.app.library_index.refreshed:
            title += " (the library is still being indexed: Q again later for the rest)"
        self.query_one("#quotes-title", Static).update(title)
        self.show_speakers("")

    def show_speakers(self, text: str) -> None:
        table = self.speakers
        table.clear()
        self.shown_groups = [g for g in self.groups if speaker_matches(g, text)]
        for n, group in enumerate(self.shown_groups):
            name = inline_text(group.name, "?")
            if len(group.variants) > 1:
                name += f" (also {', '.join(inline_text(v) for v in group.variants if v != group.name)})"
            table.add_row(Text(str(group.quotes), justify="right"), Text(str(group.articles), justify="right"),
                          Text(shorten(name, 80)), key=str(n))
        table.border_title = f"Speakers ({len(self.shown_groups):,})"

    @on(Input.Changed, "#speaker-filter")
    def filter_changed(self, event: Input.Changed) -> None:
        self.show_speakers(event.value)

    @on(Input.Submitted, "#speaker-filter")
    def filter_submitted(self) -> None:
        self.speakers.focus()
        if self.shown_groups:
            self.choose_speaker(self.speakers.cursor_row)

    def action_filter(self) -> None:
        self.query_one("#speaker-filter", Input).focus()

    # ----- one speaker's quotes -----------------------------------------------------------

    def choose_speaker(self, row: int) -> None:
        if 0 <= row < len(self.shown_groups):
            self.group = self.shown_groups[row]
            self.load_quotes(self.group.key)

    @work(exclusive=True, group="quotes")
    async def load_quotes(self, key: str) -> None:
        try:
            hits = await asyncio.wrap_future(self.app.library_index.quotes(key))
        except Exception as exc:  # noqa: BLE001
            self.notify(f"The quotes could not be read: {exc}".splitlines()[0], severity="error")
            return
        self.hits = hits
        table = self.quotes
        table.clear(columns=True)
        width = max(table.scrollable_content_region.width, 60) - 2 - 3 * 2  # the scrollbar, cell padding
        table.add_column("Date", key="date", width=10)
        table.add_column("Quote", key="quote", width=max(20, width - 10 - ARTICLE_WIDTH))
        table.add_column("Article", key="article", width=ARTICLE_WIDTH)
        for n, hit in enumerate(hits):
            table.add_row(Text(inline_text(hit.entry.published)[:10]), Text(shorten(hit.quote.text, QUOTE_WIDTH)),
                          Text(shorten(inline_text(hit.entry.title) or hit.entry.name, ARTICLE_WIDTH)), key=str(n))
        table.border_title = f"{inline_text(self.group.name)}: {len(hits):,} quote{'s' if len(hits) != 1 else ''}"
        table.focus()
        self._show_detail()

    @on(DataTable.RowHighlighted, "#speaker-quotes")
    def quote_highlighted(self) -> None:
        self._show_detail()

    def _show_detail(self) -> None:
        detail = self.query_one("#quote-detail", Static)
        hit = self.current_hit()
        detail.display = hit is not None
        if hit is not None:
            detail.update(quote_detail(hit))

    def current_hit(self):
        row = self.quotes.cursor_row
        return self.hits[row] if self.hits and 0 <= row < len(self.hits) else None

    # ----- actions ------------------------------------------------------------------------

    @on(DataTable.RowSelected)
    def row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_choose()

    def action_choose(self) -> None:
        if self.focused is self.quotes:
            hit = self.current_hit()
            if hit is not None:
                self.app.open_at_quote(hit.entry, hit.quote)
        elif self.shown_groups:
            self.choose_speaker(self.speakers.cursor_row)

    def action_back(self) -> None:
        if self.focused is self.quotes or self.focused is self.query_one("#speaker-filter"):
            self.speakers.focus()
        else:
            self.dismiss()

    def action_copy_quote(self) -> None:
        hit = self.current_hit() if self.focused is not self.speakers or self.group else None
        if hit is None:
            self.notify("Choose a speaker (enter), then a quote to copy.", severity="warning")
            return
        self.copy_quote(hit)

    @work(exclusive=True, group="copy-quote")
    async def copy_quote(self, hit) -> None:
        """The file is read again off the UI thread (APA's paragraph number and sentence case come
        from its text); without it, the index's metadata is cited."""
        from tui_reader.core.cite.styles import effective_metadata

        loaded = await asyncio.wrap_future(self.app.reader.read(Path(hit.entry.path)))
        article, quote = cited_article(hit.entry, hit.quote, loaded.article)
        article = replace(article, metadata=effective_metadata(article, self.app.state))  # the user's corrections
        text = citing.quote_citation(article, quote, self.app.citation_style)
        who = inline_text(hit.quote.speaker, "an unattributed speaker")
        self.app.copy_text(text, f"Quote by {who}")


def cited_article(entry, quote, article):
    """The article and quote to cite: the file's (`article`, read again) when it could be read and
    still has the quote, else the index's metadata alone."""
    if article is None:
        return light_article(entry, (quote,)), quote
    own = find_quote(article, quote)
    return (article, own) if own else (light_article(entry, (quote,)), quote)
