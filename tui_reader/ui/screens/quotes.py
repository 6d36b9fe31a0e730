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
from textual.widgets import DataTable, Input, Static

from tui_reader.core.library.listing import corrected, find_quote, light_article
from tui_reader.ui import citing
from tui_reader.ui.background import answer
from tui_reader.ui.messages import CopyText, OpenEntry
from tui_reader.ui.screens.library import LibraryTable
from tui_reader.ui.text import inline_text, shorten
from tui_reader.ui.widgets.footer import KeyFooter

ARTICLE_WIDTH = 24
WIDE = 100  # from this many columns the speakers list also counts their articles
NARROW = 70  # below this many columns the quotes go below the speakers, not beside them
HIGHLIGHT_SECONDS = 0.15  # the quotes of the highlighted speaker load once the cursor rests this long


def speaker_matches(group, text: str) -> bool:
    words = text.casefold().split()
    names = " ".join(group.variants).casefold()
    return all(word in names for word in words)


def speaker_label(group, width: int) -> str:
    """The speaker's name with the other ways it is written: all of them when they fit in `width`,
    else how many ("Jens Stoltenberg (+1)"), else the name cut with an ellipsis."""
    name = inline_text(group.name, "?")
    others = [inline_text(v) for v in group.variants if v != group.name]
    if not others:
        return shorten(name, width)
    full = f"{name} (also {', '.join(others)})"
    if len(full) <= width:
        return full
    counted = f"{name} (+{len(others)})"
    return counted if len(counted) <= width else shorten(name, width)


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
        Binding("question_mark", "app.help", "Help", id="quotes.help", tooltip="Every key"),
        Binding("enter", "choose", "Choose / read", id="quotes.open",
                tooltip="On a speaker: to their quotes; on a quote: read the article at the quote"),
        Binding("tab,shift+tab", "switch_pane", "Speakers ⇄ quotes", show=False, id="quotes.switch",
                tooltip="Between the speakers and the quotes (/ goes to the name filter)"),
        Binding("y", "copy_quote", "Copy quote", id="quotes.copy",
                tooltip="Copy the quote with its citation, in the style chosen in the reader (c)"),
        Binding("slash", "filter", "Find speaker", id="quotes.filter", tooltip="Filter the speakers by name"),
    ]
    DEFAULT_CSS = """
    QuotesScreen #quotes-title { height: 1; padding: 0 1; text-style: bold; color: $accent; }
    QuotesScreen #speaker-filter { margin: 0 1; }
    QuotesScreen #speakers-pane { width: 40%; min-width: 34; }
    QuotesScreen #quotes-empty { padding: 1 2; color: $text-muted; }
    QuotesScreen DataTable { height: 1fr; border: round $primary 40%; }
    QuotesScreen DataTable:focus { border: round $accent; }
    QuotesScreen #quote-detail { height: auto; max-height: 8; padding: 0 1; border: round $primary 40%; }
    QuotesScreen.-narrow #panes { layout: vertical; }
    QuotesScreen.-narrow #speakers-pane { width: 1fr; min-width: 0; height: 1fr; }
    QuotesScreen.-narrow #quotes-pane { height: 1fr; }
    QuotesScreen.-narrow #quote-detail { max-height: 4; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.groups: list = []
        self.shown_groups: list = []
        self.group = None
        self.hits: list = []
        self._corrections: dict[str, dict] = {}  # the details the user corrected (`e`), by content hash

    def compose(self) -> ComposeResult:
        yield Static("Quotes across the library — loading speakers…", id="quotes-title", markup=False)
        with Horizontal(id="panes"):
            with Vertical(id="speakers-pane"):
                yield Input(placeholder="Filter speakers by name", id="speaker-filter")
                yield LibraryTable(id="speakers", cursor_type="row", zebra_stripes=True)
            with Vertical(id="quotes-pane"):
                yield Static("", id="quotes-empty")
                yield LibraryTable(id="speaker-quotes", cursor_type="row", zebra_stripes=True, opens_entries=True)
                yield Static("", id="quote-detail")
        yield KeyFooter()

    @property
    def speakers(self) -> DataTable:
        return self.query_one("#speakers", DataTable)

    @property
    def quotes(self) -> DataTable:
        return self.query_one("#speaker-quotes", DataTable)

    def on_mount(self) -> None:
        from tui_reader.core.cite.overrides import all_overrides

        self._corrections = all_overrides(self.app.state)
        self.set_class(self.app.size.width < NARROW, "-narrow")
        self.speakers.border_title = "Speakers"
        self.quotes.border_title = "Quotes"
        self.query_one("#quote-detail").display = False
        self.query_one("#quotes-empty").display = False
        self.speakers.focus()
        self.load_speakers()

    # ----- speakers -----------------------------------------------------------------------

    @work(exclusive=True, group="speakers")
    async def load_speakers(self) -> None:
        try:
            groups = await answer(self, self.app.library_index.speakers())
        except Exception as exc:  # noqa: BLE001 - an index problem is a message, not a crash
            self.query_one("#quotes-title", Static).update(f"The quotes could not be read: {exc}".splitlines()[0])
            return
        self.groups = groups
        total = sum(g.quotes for g in groups)
        title = f"Quotes across the library: {total:,} by {len(groups):,} speaker{'s' if len(groups) != 1 else ''}"
        if not self.app.library_index.refreshed:
            title += " (the library is still being indexed: Q again later for the rest)"
        self.query_one("#quotes-title", Static).update(title)
        self.show_speakers(self.query_one("#speaker-filter", Input).value)  # a name typed while they loaded

    def on_resize(self) -> None:
        """The columns are cut to the width: a new width lays them out again, the cursors kept."""
        self.set_class(self.app.size.width < NARROW, "-narrow")
        self.call_after_refresh(self._relayout)

    def _relayout(self) -> None:
        if self.groups:
            row = self.speakers.cursor_row
            self.show_speakers(self.query_one("#speaker-filter", Input).value)
            self.speakers.move_cursor(row=row, animate=False)
        if self.hits and self.group is not None and self.quotes.display:
            row = self.quotes.cursor_row
            self._fill_quotes(self.group)
            self.quotes.move_cursor(row=row, animate=False)

    def show_speakers(self, text: str) -> None:
        table = self.speakers
        table.clear(columns=True)
        counts = [("Quotes", "quotes", 6)]
        if self.app.size.width >= WIDE:
            counts.append(("Articles", "articles", 8))
        for label, key, width in counts:
            table.add_column(label, key=key, width=width)
        room = table.scrollable_content_region.width - 2 - 2 * (len(counts) + 1) - sum(w for *_, w in counts)
        width = max(8, room)  # the scrollbar, cell padding and the counts come first
        table.add_column("Speaker", key="name", width=width)
        self.shown_groups = [g for g in self.groups if speaker_matches(g, text)]
        for n, group in enumerate(self.shown_groups):
            numbers = (group.quotes, group.articles)[: len(counts)]
            table.add_row(*(Text(str(x), justify="right") for x in numbers), Text(speaker_label(group, width)),
                          key=str(n))
        table.border_title = f"Speakers ({len(self.shown_groups):,})"
        self._say_when_empty(text)

    def _say_when_empty(self, text: str) -> None:
        """No speakers at all, or none for the filter: say so in the right pane, and what to do."""
        if self.shown_groups:
            return
        if not self.groups:
            message = ("No quotes in the library yet: quotes are found when articles are indexed. "
                       "Save articles with quotations in the library folder; escape goes back.")
        else:
            message = f"Nobody called “{shorten(text, 40)}” is quoted. escape clears the name filter."
        self._show_quotes_message(message)

    def _show_quotes_message(self, message: str) -> None:
        empty = self.query_one("#quotes-empty", Static)
        empty.update(message)
        empty.display = True
        self.quotes.display = False
        self.query_one("#quote-detail").display = False

    @on(Input.Changed, "#speaker-filter")
    def filter_changed(self, event: Input.Changed) -> None:
        self.show_speakers(event.value)

    @on(Input.Submitted, "#speaker-filter")
    def filter_submitted(self) -> None:
        self.speakers.focus()
        if self.shown_groups:
            self.choose_speaker(self.speakers.cursor_row, focus=True)

    def action_filter(self) -> None:
        self.set_focus(self.query_one("#speaker-filter", Input))  # at once: the letters typed next are the filter's

    # ----- one speaker's quotes -----------------------------------------------------------

    @on(DataTable.RowHighlighted, "#speakers")
    def speaker_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """The right pane follows the cursor: the highlighted speaker's quotes, once it rests (not again
        for the speaker shown: the list laid out anew keeps the quote the cursor is on)."""
        row = event.cursor_row
        if self.hits and 0 <= row < len(self.shown_groups) and self.shown_groups[row] is self.group:
            return
        self.choose_speaker(row, delay=HIGHLIGHT_SECONDS)

    def choose_speaker(self, row: int, *, focus: bool = False, delay: float = 0) -> None:
        if 0 <= row < len(self.shown_groups):
            self.group = self.shown_groups[row]
            self.load_quotes(self.group, focus, delay)

    @work(exclusive=True, group="quotes")
    async def load_quotes(self, group, focus: bool, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)  # a newer highlight cancels this worker first
        try:
            hits = await answer(self, self.app.library_index.quotes(group.key))
        except Exception as exc:  # noqa: BLE001
            self.notify(f"The quotes could not be read: {exc}".splitlines()[0], severity="error")
            return
        self.hits = [self._corrected(hit) for hit in hits]
        self.query_one("#quotes-empty").display = False
        self.quotes.display = True
        self._fill_quotes(group)
        if focus:
            self.quotes.focus()
        self._show_detail()

    def _corrected(self, hit):
        """The hit with its article's details as the user corrected them (`e`), as the library lists them."""
        fixes = self._corrections.get(hit.entry.content_hash or "")
        return replace(hit, entry=corrected(hit.entry, fixes)) if fixes else hit

    def _fill_quotes(self, group) -> None:
        table = self.quotes
        table.clear(columns=True)
        width = max(table.scrollable_content_region.width, 24) - 2  # the scrollbar
        # the article's title has a column when the quote keeps room (the detail below names it anyway)
        article_width = min(ARTICLE_WIDTH, width // 3) if width >= 50 else 0
        quote_width = max(8, width - 2 * 2 - 10 - (article_width + 2 if article_width else 0))  # cell padding
        table.add_column("Date", key="date", width=10)
        table.add_column("Quote", key="quote", width=quote_width)
        if article_width:
            table.add_column("Article", key="article", width=article_width)
        for n, hit in enumerate(self.hits):
            cells = [Text(inline_text(hit.entry.published)[:10]), Text(shorten(hit.quote.text, quote_width))]
            if article_width:
                cells.append(Text(shorten(inline_text(hit.entry.title) or hit.entry.name, article_width)))
            table.add_row(*cells, key=str(n))
        count = len(self.hits)
        table.border_title = f"{inline_text(group.name)}: {count:,} quote{'s' if count != 1 else ''}"

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
                self.post_message(OpenEntry(hit.entry, hit.quote))
            else:
                self.call_later(self.app.release_keys)  # nothing to open: the keys held by Enter go on
        elif self.shown_groups:
            self.choose_speaker(self.speakers.cursor_row, focus=True)

    def action_switch_pane(self) -> None:
        """Tab: between the speakers and their quotes (the name filter is `/`'s)."""
        if self.focused is self.speakers and self.hits:
            self.quotes.focus()
        else:
            self.speakers.focus()

    def action_back(self) -> None:
        """Escape undoes the last step, as in the library: the name filter is cleared (from its box or the
        list it filters), the quotes are left for the speakers, then the screen is left."""
        box = self.query_one("#speaker-filter", Input)
        if self.focused is box or (self.focused is self.speakers and box.value):
            box.value = ""
            self.speakers.focus()
        elif self.focused is self.quotes:
            self.speakers.focus()
        else:
            self.dismiss()

    def action_copy_quote(self) -> None:
        hit = self.current_hit() if self.focused is self.quotes else None
        if hit is None:
            self.notify("Choose a speaker (enter), then the quote to copy (y).", severity="warning")
            return
        self.copy_quote(hit)

    @work(exclusive=True, group="copy-quote")
    async def copy_quote(self, hit) -> None:
        """The file is read again off the UI thread (APA's paragraph number and sentence case come
        from its text); without it, the index's metadata is cited."""
        from tui_reader.core.cite.styles import effective_metadata

        loaded = await answer(self, self.app.reader.read(Path(hit.entry.path)))
        article, quote = cited_article(hit.entry, hit.quote, loaded.article)
        article = replace(article, metadata=effective_metadata(article, self.app.state))  # the user's corrections
        self.post_message(CopyText(citing.quote_citation(article, quote, self.app.citation_style), "Quote"))


def cited_article(entry, quote, article):
    """The article and quote to cite: the file's (`article`, read again) when it could be read and
    still has the quote, else the index's metadata alone."""
    if article is None:
        return light_article(entry, (quote,)), quote
    own = find_quote(article, quote)
    return (article, own) if own else (light_article(entry, (quote,)), quote)
