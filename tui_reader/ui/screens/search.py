"""Full-text search over the library index: results with their snippet, Enter reads at the match."""

from __future__ import annotations

import asyncio
from dataclasses import replace

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui_reader.core.library.listing import corrected
from tui_reader.ui.background import answer
from tui_reader.ui.messages import OpenEntry
from tui_reader.ui.text import display_text, inline_text, shorten
from tui_reader.ui.widgets.footer import KeyFooter

LIMIT = 100  # hits asked of the index
DEBOUNCE = 0.2  # seconds of no typing before a search runs
HELP = 'words · "exact phrase" · prefix* · -without · a OR b · speaker:name site: author: title: quote: tag:'


def snippet_content(snippet) -> Content:
    """The snippet's text with the matched words styled; never read as markup. (Pieces keep their
    spaces: `inline_text` would strip the one between a word and the match after it.)"""
    parts = [(display_text(piece), "bold reverse") if hit else display_text(piece) for piece, hit in snippet.parts()]
    return Content.assemble(*parts) if parts else Content("")


def hit_content(hit, width: int = 100) -> Content:
    entry = hit.entry
    details = [inline_text(v) for v in (entry.site, (entry.published or "")[:10]) if v and inline_text(v)]
    line = Content.assemble((shorten(inline_text(entry.title) or entry.name, width), "bold"),
                            (f"  {' · '.join(details)}" if details else "", "$text-muted"))
    return Content.assemble(line, "\n", snippet_content(hit.snippet))


class ResultList(OptionList):
    BINDINGS = [
        Binding("j", "cursor_down", "Next", show=False),
        Binding("k", "cursor_up", "Previous", show=False),
    ]


class QueryInput(Input):
    BINDINGS = [Binding("down", "app.focus_next", "Results", show=False)]


class SearchScreen(Screen[str]):
    """`/` in the library. The query is searched as it is typed; Enter goes to the results. Leaving
    gives the query back to the library, which offers it again next time."""

    HELP_GROUP = "Search"
    BINDINGS = [
        Binding("escape", "back", "Back", id="search.back",
                tooltip="From the results back to the search box; from the box back to the library"),
        Binding("q", "leave", "Library", show=False, id="search.quit", tooltip="Back to the library"),
        Binding("question_mark", "app.help", "Help", id="search.help", tooltip="Every key"),
        Binding("enter", "open", "Read at the match", id="search.open",
                tooltip="Open the highlighted article scrolled to the first match (n/N then step through)"),
        Binding("slash", "edit_query", "Edit search", id="search.edit", tooltip="Back to the search box"),
    ]
    DEFAULT_CSS = """
    SearchScreen #search-query { margin: 0 1; }
    SearchScreen #search-message { height: auto; padding: 0 2; color: $text-muted; }
    SearchScreen #search-message.-error { color: $error; text-style: bold; }
    SearchScreen #search-results { height: 1fr; border: round $primary 40%; }
    SearchScreen #search-results:focus { border: round $accent; }
    """

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self.initial = query
        self.query_text = ""
        self.hits: list = []
        self._corrections: dict[str, dict] = {}
        self.error: str | None = None

    def compose(self) -> ComposeResult:
        yield QueryInput(value=self.initial, placeholder="Search the library's full text", id="search-query")
        yield Static(HELP, id="search-message", markup=False)
        yield ResultList(id="search-results")
        yield KeyFooter()

    @property
    def box(self) -> Input:
        return self.query_one("#search-query", Input)

    @property
    def results(self) -> ResultList:
        return self.query_one(ResultList)

    def on_mount(self) -> None:
        from tui_reader.core.cite.overrides import all_overrides

        self._corrections = all_overrides(self.app.state)  # the details the user corrected (`e`), by content hash
        self.box.focus()
        if self.initial:
            self.run_search(self.initial, 0)

    # ----- searching ----------------------------------------------------------------------

    @on(Input.Changed, "#search-query")
    def query_changed(self, event: Input.Changed) -> None:
        self.run_search(event.value, DEBOUNCE)

    @on(Input.Submitted, "#search-query")
    async def query_submitted(self, event: Input.Submitted) -> None:
        if event.value != self.query_text or self.error:
            worker = self.run_search(event.value, 0)
            await worker.wait()
        if self.hits:
            self.results.focus()

    @work(exclusive=True, group="search")
    async def run_search(self, text: str, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)  # a newer keystroke cancels this worker first
        if not text.strip():
            self._show([], None, text)
            return
        from tui_reader.core.library.index import QuerySyntaxError

        future = self.app.library_index.search(text, limit=LIMIT)
        try:
            hits = await answer(self, future)
        except QuerySyntaxError as exc:
            self._show([], str(exc), text)
            return
        except Exception as exc:  # noqa: BLE001 - an index problem is a message, not a crash
            self._show([], f"The search failed: {exc}".splitlines()[0], text)
            return
        self._show(hits, None, text)

    def _show(self, hits: list, error: str | None, text: str) -> None:
        hits = [self._corrected(hit) for hit in hits]
        self.query_text, self.hits, self.error = text, hits, error
        message = self.query_one("#search-message", Static)
        message.set_class(error is not None, "-error")
        if error is not None:
            message.update(error)
        elif not text.strip():
            message.update(HELP)
        elif not hits:
            message.update(f"No article matches {shorten(text, 60)}. Try fewer words, or a prefix* ({HELP}).")
        else:
            more = f" (the best {LIMIT})" if len(hits) >= LIMIT else ""
            message.update(f"{len(hits)} article{'s' if len(hits) != 1 else ''}{more}, best first — enter reads at the match")
        results = self.results
        width = max(20, self.app.size.width - 8)
        results.set_options([Option(hit_content(hit, width)) for hit in hits])
        if hits:
            results.highlighted = 0

    def _corrected(self, hit):
        """The hit with its article's details as the user corrected them (`e`), as the library lists them."""
        fixes = self._corrections.get(hit.entry.content_hash or "")
        return replace(hit, entry=corrected(hit.entry, fixes)) if fixes else hit

    # ----- actions ------------------------------------------------------------------------

    def action_back(self) -> None:
        if self.focused is self.results:
            self.box.focus()
        else:
            self.dismiss(self.box.value)

    def action_leave(self) -> None:
        self.dismiss(self.box.value)

    def action_edit_query(self) -> None:
        self.set_focus(self.box)  # at once: the letters typed next are the query's

    def action_open(self) -> None:
        index = self.results.highlighted
        if index is None or not 0 <= index < len(self.hits):
            return
        hit = self.hits[index]
        self.post_message(OpenEntry(hit.entry, hit.quote or hit.query))  # a speaker's quote, or the words

    @on(OptionList.OptionSelected, "#search-results")
    def result_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_open()
