"""The reader: header, body, sidebar of quotes and headlines, search, citations."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static

from tui_reader.core.model import Article, Headline, Quote
from tui_reader.ui import citing
from tui_reader.ui.keys import set_description
from tui_reader.ui.messages import CopyText, OpenEntry
from tui_reader.ui.text import inline_text, shorten
from tui_reader.ui.widgets.body import ArticleBody
from tui_reader.ui.widgets.footer import KeyFooter
from tui_reader.ui.widgets.sidebar import HeadlineList, QuoteList

if TYPE_CHECKING:
    from tui_reader.core.library.query import Query

NARROW = 100  # below this many columns the sidebar hides until `s` shows it


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

    class Cancelled(Message):
        """Escape in the search box: the reader closes it."""

    def action_cancel(self) -> None:
        self.post_message(self.Cancelled())


class ReaderScreen(Screen):
    BINDINGS = [
        Binding("q", "app.back", "Back", tooltip="Back where the article was opened from (escape too)"),
        Binding("escape", "undo", "Undo: clear the search, leave the sidebar, then back", show=False),
        Binding("question_mark", "app.help", "Help"),
        # Footer order is binding order: the sidebar toggle comes early, for narrow terminals
        # where the footer is cut short and the sidebar is hidden.
        Binding("s", "toggle_sidebar", "Sidebar"),
        Binding("tab", "pane(1)", "Next pane", show=False),
        Binding("shift+tab", "pane(-1)", "Previous pane", show=False),
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
        Binding("c", "choose_style", "Style", tooltip="Pick the citation style y and Y use"),
        Binding("e", "edit_metadata", "Edit details", id="reader.edit_metadata",
                tooltip="Correct the authors, title, site, date, URL and type used in citations"),
    ]

    def __init__(self, article: Article) -> None:
        super().__init__()
        self.article = article
        self.search_term = ""  # the search shown (matches marked, n/N step); "" when cleared
        self.last_search = ""  # what `/` offers again, kept after escape cleared the search
        self.sidebar_choice: bool | None = None  # shown or hidden with `s`; None: by the width
        self._save_timer = None
        self._completed = False
        self.shown_quote: Quote | None = None
        self._cited: tuple[Article, Article] | None = None  # (article, the same with the user's corrections)
        self.body = ArticleBody(article, id="body")
        self.quotes = QuoteList(article.quotes, id="quotes")
        self.headlines = HeadlineList(article.headlines, id="headlines")

    def compose(self) -> ComposeResult:
        # The first paint shows the header and the body; the sidebar's lists, the search box and
        # the footer are mounted right after it (`_complete`), so the text is on screen sooner. The
        # header shows the file's details until then: the user's corrections need the citation
        # modules, which import a name parser (about a third of the reader's start-up on their own).
        yield Static(header_content(self.article), id="reader-header")
        with Horizontal(id="reader-main"):
            yield self.body
            yield Vertical(id="sidebar")
        yield Static("", id="search-status", markup=False)

    def on_mount(self) -> None:
        self.set_focus(self.body)  # at once: a `/` pressed right after keeps the focus it gives the search box
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
                          KeyFooter())
        await lists
        await rest
        if self.cited is not self.article:
            self.query_one("#reader-header", Static).update(header_content(self.cited))
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
        """The sidebar as the reader chose with `s`, whatever the width; until then, hidden below
        NARROW columns. The text always keeps at least half of the width (reader.tcss)."""
        narrow = self.app.size.width < NARROW
        visible = self.sidebar_choice if self.sidebar_choice is not None else not narrow
        sidebar = self.query_one("#sidebar")
        sidebar.display = visible
        if not visible and self.focused in (self.quotes, self.headlines):
            self.body.focus()

    def action_pane(self, step: int) -> None:
        """Tab and shift+tab: to the quotes and headlines and back; with the sidebar hidden, how to show it."""
        if not self.query_one("#sidebar").display:
            self.notify("The quotes and headlines are hidden at this width: s shows them.")
        elif step > 0:
            self.focus_next()
        else:
            self.focus_previous()

    def action_toggle_sidebar(self) -> None:
        self.sidebar_choice = not self.query_one("#sidebar").display
        self._apply_sidebar()

    # ----- navigation ---------------------------------------------------------------------

    def action_undo(self) -> None:
        """Escape: clear the search, else leave the sidebar, else go back where the article was opened
        from (the library when it was opened straight from the command line)."""
        if self.search_term:
            self.clear_search()
        elif self.focused in (self.quotes, self.headlines):
            self.body.focus()
        elif len(self.app.screen_stack) > 2:  # Textual's default screen, then the one it was opened from
            self.app.pop_screen()
        else:
            self.app.show_library()

    def _jump(self, block: int | None) -> None:
        if block is not None:
            self.body.scroll_to_block(block)

    def action_next_section(self) -> None:
        self._to_section(1)

    def action_previous_section(self) -> None:
        self._to_section(-1)

    def _to_section(self, step: int) -> None:
        """] and [: the next or previous section's heading; where there is none, say so (QA: the keys did nothing)."""
        block = self.body.next_block(step, self.body.section_starts)
        if block is not None:
            self._jump(block)
        elif len(self.body.section_starts) < 2:
            self.notify("This article has no sections: } and { go by paragraph.")
        else:
            self.notify("This is the last section." if step > 0 else "This is the first section.")

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

        self.app.push_screen(TocScreen(self.article, self.body.current_section()), jump)

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
            self.post_message(OpenEntry(entry))
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
        box.value = self.search_term or self.last_search
        box.display = True
        self.set_focus(box)  # at once (focus() waits a turn): the letters typed next are the search's

    @on(SearchInput.Cancelled)
    def close_search(self) -> None:
        box = self.query_one(SearchInput)
        box.display = False
        self.body.focus()

    @on(Input.Submitted, "#search")
    def search_submitted(self, event: Input.Submitted) -> None:
        self.close_search()
        self.show_search(event.value)

    def show_search(self, term: str, at: tuple[int, int] | None = None) -> None:
        """Mark every match of `term` and go to the first one after the top of the view, or to the one
        at `at` (block, offset); the status line says where you are."""
        self.search_term = term
        if term:
            self.last_search = term
        body = self.body
        if body.search(term):
            first = next((n for n, m in enumerate(body.matches) if (m.block, m.start) == at), None)
            if first is None:
                body.goto_match(0)
            else:
                body.current_match = first - 1
                body.goto_match(1)
        self._show_search_status()

    def clear_search(self) -> None:
        """The matches unmarked and the status line gone; `/` offers the words again."""
        self.search_term = ""
        self.body.search("")
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
            status.update(f"Search “{term}”: no matches  (escape clears)")
        else:
            current = (body.current_match or 0) + 1
            status.update(f"Search “{term}”: {current} of {len(body.matches)}  (n next, N previous, escape clears)")

    # ----- landing on a place found in the library ------------------------------------------

    def land_on(self, place: Quote | Query) -> None:
        """Show a quote found in the library index (highlighted, as when chosen in the Quotes list), or
        the first match of a library search in the text (as a search here would)."""
        if isinstance(place, Quote):
            self._land_on_quote(place)
        else:
            self._land_on_match(place)

    def _land_on_quote(self, quote: Quote) -> None:
        from tui_reader.core.library.listing import find_quote

        found = find_quote(self.article, quote)
        if found is None:
            self.notify("This quote is no longer in the file (it changed since it was indexed).", severity="warning")
            return
        self.shown_quote = found
        self.body.show_quote(found)
        position = self.article.quotes.index(found)
        if position < len(self.quotes.items):
            self.quotes.highlighted = position  # the sidebar shows where the list left off: at this quote

    def _land_on_match(self, query: Query) -> None:
        from tui_reader.core.library.query import find_match

        location = find_match(self.article, query)
        block = self.body.flat.get((location.section, location.block)) if location else None
        if block is None:
            self.notify("The words are not in the text (they matched the title, site, authors or a speaker).")
            return
        self.show_search(self.body.texts[block][location.start : location.end], at=(block, location.start))

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
        set_description(self, "c", f"Style: {citing.short_label(self.app.citation_style)}")

    def action_choose_style(self) -> None:
        from tui_reader.ui.screens.choice import ChoiceScreen

        def chosen(style: str | None) -> None:
            if style is not None:
                self.app.citation_style = style
                self._update_style_binding()

        choices = [(style, citing.style_label(style)) for style in citing.styles()]
        self.app.push_screen(ChoiceScreen("Citation style for y and Y", choices, self.app.citation_style), chosen)

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
        self.post_message(CopyText(citing.quote_citation(self.cited, quote, self.app.citation_style), "Quote"))

    def action_copy_reference(self) -> None:
        self.post_message(CopyText(citing.reference(self.cited, self.app.citation_style), "Reference"))

    # ----- corrected metadata -------------------------------------------------------------

    @property
    def cited(self) -> Article:
        """The article with the user's corrections to its metadata (see `e`), made on first use."""
        if self._cited is None or self._cited[0] is not self.article:
            self._cited = (self.article, self._with_corrections())
        return self._cited[1]

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
            self._cited = None
            self.query_one("#reader-header", Static).update(header_content(self.cited))
            if self.app.state.unsaved:  # the settings file cannot be written: say so, never "saved"
                self.notify("Details changed for this session only: the settings cannot be saved, so they are "
                            "lost when you quit.", severity="error", timeout=10)
                return
            self.notify("Details saved; citations use them now." if overrides
                        else "Corrections removed; the file's details are used.")

        self.app.push_screen(MetadataForm(self.article, self.app.state), saved)
