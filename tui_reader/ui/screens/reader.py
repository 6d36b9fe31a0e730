"""The reader: header, body, sidebar of quotes and headlines, search, citations."""

from __future__ import annotations

from dataclasses import replace

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static

from tui_reader.core.model import Article, Headline, Quote
from tui_reader.ui import citing
from tui_reader.ui.keys import set_description
from tui_reader.ui.text import inline_text, shorten
from tui_reader.ui.widgets.body import ArticleBody
from tui_reader.ui.widgets.sidebar import HeadlineList, QuoteList

NARROW = 100  # below this many columns the sidebar hides


def header_content(article: Article) -> Content:
    meta = article.metadata
    title = inline_text(meta.title) or inline_text(article.path.rsplit("/", 1)[-1])
    details = []
    if meta.authors:
        details.append("By " + ", ".join(inline_text(a.name) for a in meta.authors))
    if meta.site:
        details.append(inline_text(meta.site))
    if meta.published:
        details.append(inline_text(meta.published)[:10])
    details.append(f"{article.reading_minutes} min read")
    return Content.assemble((title, "bold"), "\n", (" · ".join(details), "$text-muted"))


class SearchInput(Input):
    BINDINGS = [Binding("escape", "cancel", "Cancel search")]

    def action_cancel(self) -> None:
        self.screen.close_search()


class ReaderScreen(Screen):
    BINDINGS = [
        Binding("escape", "back", "Library"),
        Binding("question_mark", "app.help", "Help"),
        # Footer order is binding order: the sidebar toggle comes early, for narrow terminals
        # where the footer is cut short and the sidebar is hidden.
        Binding("s", "toggle_sidebar", "Sidebar"),
        Binding("t", "toc", "Contents"),
        Binding("slash", "search", "Search"),
        Binding("n", "next_match", "Next match", show=False),
        Binding("N", "previous_match", "Previous match", show=False),
        Binding("right_square_bracket", "next_section", "Next section", show=False),
        Binding("left_square_bracket", "previous_section", "Previous section", show=False),
        Binding("right_curly_bracket", "next_paragraph", "Next paragraph", show=False),
        Binding("left_curly_bracket", "previous_paragraph", "Previous paragraph", show=False),
        Binding("y", "copy_quote", "Copy quote"),
        Binding("Y", "copy_reference", "Cite article"),
        Binding("c", "cycle_style", "Style"),
        Binding("e", "edit_metadata", "Edit details", id="reader.edit_metadata",
                tooltip="Correct the authors, title, site, date, URL and type used in citations"),
    ]

    def __init__(self, article: Article) -> None:
        super().__init__()
        self.article = article
        self.search_term = ""
        self.sidebar_override: bool | None = None
        self._narrow: bool | None = None
        self._save_timer = None
        self._completed = False
        self.shown_quote: Quote | None = None
        self.cited = article  # the article with the user's corrections to its metadata (see `e`)
        self.body = ArticleBody(article, id="body")
        self.quotes = QuoteList(article.quotes, id="quotes")
        self.headlines = HeadlineList(article.headlines, id="headlines")

    def compose(self) -> ComposeResult:
        # The first paint shows the header and the body; the sidebar's lists, the search box and
        # the footer are mounted right after it (`_complete`), so the text is on screen sooner.
        self.cited = self._with_corrections()
        yield Static(header_content(self.cited), id="reader-header")
        with Horizontal(id="reader-main"):
            yield self.body
            yield Vertical(id="sidebar")
        yield Static("", id="search-status", markup=False)

    def on_mount(self) -> None:
        self.body.focus()
        self.body.layout_lines()
        position = self.app.get_position(self.article)
        if position:
            self.call_after_refresh(self.body.restore_position, position)
        self.watch(self.body, "scroll_y", self._scrolled, init=False)
        self.call_after_refresh(self._complete)

    async def _complete(self) -> None:
        """Mount what the first paint left out (once; actions that need it await this first)."""
        if self._completed:
            return
        self._completed = True
        lists = self.query_one("#sidebar").mount(self.quotes, self.headlines)
        rest = self.mount(SearchInput(placeholder="Search this article (enter to find, escape to cancel)", id="search"),
                          Footer(compact=True, show_command_palette=False))
        await lists
        await rest
        self._update_style_binding()  # imports the citation styles; the footer, listening now, shows its keys
        if any(q.speaker is None for q in self.article.quotes):
            self._fill_speakers()

    @work(thread=True, exclusive=True, group="speakers", exit_on_error=False)
    def _fill_speakers(self) -> None:
        """Speakers the rules left empty, from the optional parser (core: `fill_speakers`); the
        sidebar shows them when they are ready. Without the parser nothing happens."""
        from tui_reader.core.attribution.speakers.parsed import available, fill_speakers

        if available():
            quotes = fill_speakers(self.article)
            if quotes != self.article.quotes:
                self.app.call_from_thread(self._speakers_filled, quotes)

    def _speakers_filled(self, quotes: tuple[Quote, ...]) -> None:
        self.article = replace(self.article, quotes=quotes)
        self.cited = replace(self.cited, quotes=quotes)
        self.body.article = replace(self.body.article, quotes=quotes)
        self.quotes.update_items(quotes)

    def on_resize(self) -> None:
        self._apply_sidebar()

    # ----- reading position ---------------------------------------------------------------

    def _scrolled(self) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(0.5, self.save_position)

    def save_position(self) -> None:
        self.app.set_position(self.article, self.body.position())

    def on_unmount(self) -> None:
        self.save_position()

    # ----- sidebar ------------------------------------------------------------------------

    def _apply_sidebar(self) -> None:
        narrow = self.app.size.width < NARROW
        if narrow != self._narrow:
            self._narrow = narrow
            self.sidebar_override = None
        visible = self.sidebar_override if self.sidebar_override is not None else not narrow
        sidebar = self.query_one("#sidebar")
        sidebar.set_class(narrow, "-narrow")
        sidebar.display = visible
        if not visible and self.focused in (self.quotes, self.headlines):
            self.body.focus()

    def action_toggle_sidebar(self) -> None:
        sidebar = self.query_one("#sidebar")
        self.sidebar_override = not sidebar.display
        self._apply_sidebar()

    # ----- navigation ---------------------------------------------------------------------

    def action_back(self) -> None:
        self.app.show_library()

    def _jump(self, block: int | None) -> None:
        if block is not None:
            self.body.scroll_to_block(block)

    def action_next_section(self) -> None:
        self._jump(self.body.next_block(1, self.body.section_starts))

    def action_previous_section(self) -> None:
        self._jump(self.body.next_block(-1, self.body.section_starts))

    def action_next_paragraph(self) -> None:
        self._jump(self.body.next_block(1))

    def action_previous_paragraph(self) -> None:
        self._jump(self.body.next_block(-1))

    def action_toc(self) -> None:
        from tui_reader.ui.screens.toc import TocScreen

        def jump(section: int | None) -> None:
            if section is not None:
                self.body.scroll_to_block(self.body.section_starts[section])
                self.body.focus()

        self.app.push_screen(TocScreen(self.article), jump)

    # ----- quotes and headlines -----------------------------------------------------------

    @on(OptionList.OptionSelected, "#quotes")
    def quote_selected(self, event: OptionList.OptionSelected) -> None:
        quote = self.quotes.current_item
        if quote is not None:
            self.shown_quote = quote
            self.body.show_quote(quote)

    @on(OptionList.OptionSelected, "#headlines")
    def headline_selected(self, event: OptionList.OptionSelected) -> None:
        headline = self.headlines.current_item
        if headline is not None:
            self.open_headline(headline)

    @work(exclusive=True, group="headline")
    async def open_headline(self, headline: Headline) -> None:
        entry = await self.app.find_in_library(headline)
        if entry is not None:
            self.app.open_entry(entry)
            return
        if not headline.url:
            self.notify("Not in the library, and the headline has no link.", severity="warning")
            return
        from tui_reader.ui.screens.confirm import ConfirmScreen

        url = inline_text(headline.url)

        def answer(yes: bool | None) -> None:
            if yes:
                self.app.open_url_outside(url)

        self.app.push_screen(ConfirmScreen(f"Not in your library. Open this link in the browser?\n\n{url}"), answer)

    # ----- search -------------------------------------------------------------------------

    async def action_search(self) -> None:
        await self._complete()  # `/` pressed before the first paint was done
        box = self.query_one(SearchInput)
        box.value = self.search_term
        box.display = True
        box.focus()

    def close_search(self) -> None:
        box = self.query_one(SearchInput)
        box.display = False
        self.body.focus()

    @on(Input.Submitted, "#search")
    def search_submitted(self, event: Input.Submitted) -> None:
        self.search_term = event.value
        count = self.body.search(event.value)
        self.close_search()
        if count:
            self.body.goto_match(0)
        self._show_search_status()

    def _show_search_status(self) -> None:
        status = self.query_one("#search-status", Static)
        body = self.body
        if not self.search_term:
            status.display = False
            return
        status.display = True
        term = shorten(self.search_term, 40)
        if not body.matches:
            status.update(f"Search “{term}”: no matches")
        else:
            current = (body.current_match or 0) + 1
            status.update(f"Search “{term}”: {current} of {len(body.matches)}  (n next, N previous)")

    def action_next_match(self) -> None:
        self._step_match(1)

    def action_previous_match(self) -> None:
        self._step_match(-1)

    def _step_match(self, direction: int) -> None:
        if not self.search_term:
            self.notify("Press / to search first.")
            return
        self.body.goto_match(direction)
        self._show_search_status()

    # ----- citations ----------------------------------------------------------------------

    def _update_style_binding(self) -> None:
        set_description(self, "c", f"Style: {citing.style_label(self.app.citation_style)}")

    def action_cycle_style(self) -> None:
        self.app.cycle_citation_style()
        self._update_style_binding()
        self.notify(f"Citation style: {citing.style_label(self.app.citation_style)}")

    def current_quote(self) -> Quote | None:
        """The quote `y` copies: the one highlighted in the quotes list when it has focus, else the
        one last shown with Enter while it is still on screen, else the first quote visible in the body."""
        if self.focused is self.quotes:
            return self.quotes.current_item
        if self.shown_quote is not None and self.body.quote_in_view(self.shown_quote):
            return self.shown_quote
        return self.body.first_visible_quote()

    def action_copy_quote(self) -> None:
        quote = self.current_quote()
        if quote is None:
            message = (
                "This article has no quotes."
                if not self.article.quotes
                else "No quote in view: pick one in the Quotes list (tab), then press y."
            )
            self.notify(message, severity="warning")
            return
        text = citing.quote_citation(self.cited, quote, self.app.citation_style)
        who = inline_text(quote.speaker, "an unattributed speaker")
        self.app.copy_text(text, f"Quote by {who}")

    def action_copy_reference(self) -> None:
        text = citing.reference(self.cited, self.app.citation_style)
        self.app.copy_text(text, "Reference")

    # ----- corrected metadata -------------------------------------------------------------

    def _with_corrections(self) -> Article:
        """The article with the overrides stored for its content hash (the file is untouched)."""
        # Not `citation.effective_metadata`: that module imports citeproc, which the first paint can do without.
        from tui_reader.core.cite.overrides import apply_overrides, load_overrides

        metadata = apply_overrides(self.article.metadata, load_overrides(self.app.state, self.article.content_hash))
        return self.article if metadata == self.article.metadata else replace(self.article, metadata=metadata)

    def action_edit_metadata(self) -> None:
        if not self.article.content_hash:
            self.notify("This article has no content hash, so corrections cannot be stored.", severity="warning")
            return
        from tui_reader.ui.screens.metadata_form import MetadataForm

        def saved(overrides: dict | None) -> None:
            if overrides is None:
                return
            self.cited = self._with_corrections()
            self.query_one("#reader-header", Static).update(header_content(self.cited))
            self.notify("Details saved; citations use them now." if overrides
                        else "Corrections removed; the file's details are used.")

        self.app.push_screen(MetadataForm(self.article, self.app.state), saved)
