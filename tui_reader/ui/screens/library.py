"""The library: every article under the given paths, listed from the index at once, then
brought up to date by a refresh in a worker thread (changed rows are updated in place).

The table holds only the rows seen so far: a page at a time, the next one when the cursor or the
view comes near the last row put in (`G` puts in the rest). Sorting and filtering are core's
(`listing`); the first page comes straight from the index, before every entry is read."""

from __future__ import annotations

import threading
from collections import deque
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import DataTable, Input, ProgressBar, Static

from tui_reader.core.cite.overrides import all_overrides
from tui_reader.core.library.listing import SORTS, Arrangement, corrected, matches_filter
from tui_reader.ui.background import answer
from tui_reader.ui.keys import set_description
from tui_reader.ui.messages import OpenEntry
from tui_reader.ui.text import inline_text, shorten
from tui_reader.ui.widgets.footer import KeyFooter

if TYPE_CHECKING:
    from tui_reader.core.library.index import IndexEntry

COLUMNS = ("Title", "Site", "Date", "Words", "Quotes")
SITE_WIDTH = 24  # at most; the title has the rest of the width
WIDE_WORDS = 100  # from this many columns, Words shows "12,340 · 54 min", below only "54 min"
PAGE_ROWS = 200  # rows put in the table at a time
MARGIN_ROWS = 50  # the next page goes in when the cursor or the view is this near the last row in
UPDATE_SECONDS = 0.15  # a refresh sends its progress and changed rows to the UI at most this often
RESCAN_SECONDS = 30  # while the list is shown, files saved or deleted in its folders are looked for this often


def column_widths(width: int) -> dict[str, int]:
    """Each column's width for a terminal `width` columns wide: Date, Words and Quotes what they need,
    Site a third of the rest (at most SITE_WIDTH), the title everything else."""
    words = 15 if width >= WIDE_WORDS else 7
    rest = max(0, width - 2 * len(COLUMNS) - 3 - 10 - words - 6)  # cell padding, the scrollbar and a margin
    site = min(SITE_WIDTH, max(8, rest // 3))
    return {"Title": max(12, rest - site), "Site": site, "Date": 10, "Words": words, "Quotes": 6}


def row_cells(entry: IndexEntry, widths: dict[str, int] | None = None) -> list[Text]:
    widths = widths or column_widths(120)
    if entry.error is not None:
        dim = "dim"
        reason = inline_text(entry.error, "unreadable")
        return [Text(shorten(f"{entry.name}: {reason}", widths["Title"]), style=dim),
                *(Text("", style=dim) for _ in range(4))]
    words = f"{entry.words:,} · {entry.reading_minutes} min" if widths["Words"] >= 15 else f"{entry.reading_minutes} min"
    return [
        title_cell(entry, widths["Title"]),
        Text(shorten(inline_text(entry.site), widths["Site"])),
        Text(inline_text(entry.published)[:10]),
        Text(words, justify="right"),
        Text(str(entry.quote_count), justify="right"),
    ]


def title_cell(entry: IndexEntry, width: int) -> Text:
    """The title, then the entry's tags (dim) in what room is left."""
    title = shorten(inline_text(entry.title) or entry.name, width)
    tags = " ".join(f"#{inline_text(tag)}" for tag in entry.tags)
    if not tags or len(title) + 3 > width:
        return Text(title)
    return Text.assemble(title, ("  " + shorten(tags, width - len(title) - 2), "dim"))


class LibraryTable(DataTable):
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "scroll_top", "First row", show=False),
        Binding("G", "scroll_bottom", "Last row", show=False),
    ]

    def __init__(self, *args, opens_entries: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.opens_entries = opens_entries  # Enter on a row opens its article in a reader

    def action_select_cursor(self) -> None:
        """Enter: the row's article is opened once its RowSelected has gone round; the keys typed
        after Enter wait for the reader (see key_order)."""
        if self.opens_entries and self.row_count:
            self.app.hold_keys()
        super().action_select_cursor()

    class NearEnd(Message):
        """The cursor or the view came near the last row put in: the screen may add the next page."""

    class ToEnd(Message):
        """`G`: every row wanted, with the cursor on the last."""

    def watch_cursor_coordinate(self, old, new) -> None:
        super().watch_cursor_coordinate(old, new)
        self._check_end()

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        self._check_end()

    def near_end(self) -> bool:
        """Whether fewer than MARGIN_ROWS rows are left below the cursor or the bottom of the view."""
        bottom = max(self.cursor_row + 1, round(self.scroll_y) + self.size.height)
        return bool(self.row_count) and self.row_count - bottom < MARGIN_ROWS

    def _check_end(self) -> None:
        if self.near_end():
            self.post_message(self.NearEnd())

    def action_scroll_bottom(self) -> None:
        """`G`: the last row; a table filled page by page (the library's) is asked for the rest first."""
        if self.row_count:
            self.move_cursor(row=self.row_count - 1, animate=False)
        self.post_message(self.ToEnd())

    def _update_dimensions(self, new_rows) -> None:
        """Rows of one line in columns of fixed width have nothing to measure: DataTable measures
        every cell of every new row all the same (about 2 s for a library of 10,000)."""
        if any(column.auto_width for column in self.columns.values()) or any(
            (row := self.rows.get(key)) is not None and (row.auto_height or row.label is not None) for key in new_rows
        ):
            super()._update_dimensions(new_rows)
            return
        width = sum(column.get_render_width(self) for column in self.columns.values()) + self._row_label_column_width
        self.virtual_size = Size(width, self._total_row_height + (self.header_height if self.show_header else 0))


class FilterInput(Input):
    """The library's filter: every letter typed here is the filter's; down or tab go to the list."""

    BINDINGS = [Binding("down,tab", "app.focus_next", "To the list", show=False)]

    async def action_submit(self) -> None:
        """Enter opens the best match: as on the list, the keys typed after it wait for the reader."""
        if self.screen.table.row_count:
            self.app.hold_keys()
        await super().action_submit()


class LibraryScreen(Screen):
    HELP_GROUP = "Library"
    BINDINGS = [
        Binding("enter", "open", "Open", id="library.open", tooltip="Read the highlighted article"),
        Binding("q", "app.back", "Quit", id="library.quit", tooltip="Quit (ctrl+q quits from anywhere)"),
        Binding("question_mark", "app.help", "Help", id="library.help", tooltip="Every key"),
        Binding("f", "filter", "Filter", id="library.filter",
                tooltip="Type to narrow the list by title, site, author or tag; enter opens the best match"),
        Binding("slash", "search", "Search", id="library.search",
                tooltip='Full-text search: words, "phrases", prefix*, speaker: site: author: title: tag:'),
        Binding("Q", "quotes", "Quotes", id="library.quotes", tooltip="Everyone quoted in the library, and their quotes"),
        Binding("a", "save_page", "Save from the web", id="library.save-page", show=False,
                tooltip="Save a page from its address into the library folder"),
        Binding("ctrl+s", "cycle_sort", "Sort", id="library.sort", tooltip="Sort by the next column"),
        Binding("ctrl+r", "reverse_sort", "Reverse", id="library.reverse", tooltip="Reverse the order"),
        Binding("escape", "clear_filter", "Clear the filter", show=False, id="library.clear-filter"),
        Binding("down", "cursor(1)", "Down", show=False),
        Binding("up", "cursor(-1)", "Up", show=False),
    ]

    def __init__(self, paths: list[Path]) -> None:
        super().__init__()
        self.paths = paths
        self.sort_key = "date"
        self.sort_reverse = False
        self.filter_text = ""
        self.last_search = ""  # the last full-text search, offered again by `/`
        self.loaded = False
        self.entries: dict[int, IndexEntry] = {}  # the rows, by index id (no article held)
        self._stop = threading.Event()  # tells a refresh to stop when the screen goes
        self._incoming: deque[IndexEntry] = deque()  # entries the refresh wrote, for the UI to show
        self._progress_state: tuple[str, int, int | None] = ("scan", 0, None)
        self._poll: Timer | None = None
        self._rescanning = False
        self._arrangement = Arrangement()  # sorts and filters the entries, keeping its work
        self._order: list[IndexEntry] = []  # the rows in the order shown (sorted, filtered)
        self._shown = 0  # how many of them are in the table
        self._counts: tuple[int, int] | None = None  # (entries, unreadable) before the entries are read
        self._corrections: dict[str, dict] = {}  # the details the user corrected (`e`), by content hash
        self._plain: dict[int, IndexEntry] = {}  # corrected entries as the index has them

    def compose(self) -> ComposeResult:
        yield Static("", id="library-title", markup=False)
        yield FilterInput(placeholder="f filters by title, site, author or tag · / searches the full text",
                          id="filter", select_on_focus=False)
        yield ProgressBar(id="progress", show_eta=False)
        table = LibraryTable(id="articles", cursor_type="row", zebra_stripes=True, opens_entries=True)
        yield table
        yield Static("", id="empty", markup=False)
        yield KeyFooter()

    @property
    def table(self) -> DataTable:
        return self.query_one(DataTable)

    def on_mount(self) -> None:
        self._corrections = all_overrides(self.app.state)
        self.query_one("#empty").display = False
        self._add_columns()
        self._update_title()
        self._update_sort_binding()
        self.table.focus()
        self.load_library()
        self.set_interval(RESCAN_SECONDS, self._rescan_if_idle)

    def on_screen_resume(self) -> None:
        self.call_after_refresh(self._take_keys)  # after Textual gave the focus back to what had it
        self._recorrect()
        self._rescan_if_idle()  # files saved or deleted meanwhile (by a browser, by hand)

    def _rescan_if_idle(self) -> None:
        if self.loaded and self.app.screen is self and not self._rescanning:
            self.rescan()

    @work(exclusive=True, group="library")
    async def rescan(self) -> None:
        """The index refreshed again, quietly: new and changed files come into the list, deleted ones go."""
        index = self.app.library_index
        self._rescanning = True
        self._progress_state = ("scan", 0, None)
        self._poll = self._poll or self.set_interval(UPDATE_SECONDS, self._drain)
        try:
            result = await answer(self, index.refresh(self._progress, should_stop=self._stop.is_set))
            if not result.stopped:
                entries = await answer(self, index.entries()) if result.changes or result.failed else None
                self._refreshed(entries, index.take_notices())
        except Exception as exc:  # noqa: BLE001 - the index must never take the app down
            self._failed(f"The library index could not be used: {exc}".splitlines()[0])
        finally:
            self._stop_polling()
            self._rescanning = False

    def _corrected(self, entry: IndexEntry) -> IndexEntry:
        """The entry with the details the user corrected in the reader (`e`), as the reader shows them."""
        self._plain.pop(entry.id, None)
        fixes = self._corrections.get(entry.content_hash or "")
        if not fixes:
            return entry
        self._plain[entry.id] = entry
        return corrected(entry, fixes)

    def _recorrect(self) -> None:
        """Back from the reader: corrections made there reach the rows, their sort and their filter."""
        now = all_overrides(self.app.state)
        if now == self._corrections:
            return
        changed = {h for h in set(now) | set(self._corrections) if now.get(h) != self._corrections.get(h)}
        self._corrections = now
        for key, entry in list(self.entries.items()):
            if entry.content_hash in changed:
                self.entries[key] = self._corrected(self._plain.get(key, entry))
        self._arrangement.forget()
        self.refresh_table()

    def _take_keys(self) -> None:
        """Back from a reader or another view: the list has the keys again."""
        if self.table.display:
            self.table.focus()
        elif self.focused is not None and not self.focused.display:
            self.set_focus(None)

    # ----- loading ------------------------------------------------------------------------

    @work(exclusive=True, group="library")
    async def load_library(self) -> None:
        """Rows from the index at once, then a refresh that reads only what changed."""
        index = self.app.library_index
        try:
            if self.sort_key == "date" and not self.sort_reverse:  # the newest at once, then the others
                self._show_first(*await answer(self, index.newest(PAGE_ROWS)))
            self._show_entries(await answer(self, index.entries()), index.take_notices())
            result = await answer(self, index.refresh(self._progress, should_stop=self._stop.is_set))
            if result.stopped:
                return
            entries = await answer(self, index.entries()) if result.changes or result.failed else None
            self._refreshed(entries, index.take_notices())
        except Exception as exc:  # noqa: BLE001 - the index must never take the app down
            self._failed(f"The library index could not be used: {exc}".splitlines()[0])

    def _progress(self, event, entry: IndexEntry | None) -> None:
        """On the refresh's thread: the UI takes what is new on a timer."""
        if entry is not None:
            self._incoming.append(entry)
        self._progress_state = (event.phase, event.done, event.total)

    def on_unmount(self) -> None:
        self._stop.set()

    def _show_first(self, first: list[IndexEntry], total: int, failed: int) -> None:
        """The first page, before every entry is read (the title says how many there are)."""
        self._counts = (total, failed)
        table = self.table
        for entry in first:
            if str(entry.id) not in table.rows:
                table.add_row(*row_cells(self._corrected(entry), self.widths), key=str(entry.id))
        self._update_title()

    def _show_entries(self, entries: list[IndexEntry], notices: list[str]) -> None:
        self.entries = {e.id: self._corrected(e) for e in entries}
        self._arrangement.forget()
        self._counts = None
        self._notify(notices)
        self.query_one(ProgressBar).update(total=None, progress=0)
        self._update_title("checking for changes…")
        self.refresh_table()
        self._poll = self.set_interval(UPDATE_SECONDS, self._drain)

    def _notify(self, notices: list[str]) -> None:
        for notice in notices:
            self.app.notify(notice, severity="warning", timeout=10)

    def _drain(self) -> None:
        """Show the refresh's progress, and the entries it added or changed since last time."""
        phase, done, total = self._progress_state
        bar = self.query_one(ProgressBar)
        if phase in ("check", "load") and total:
            bar.update(total=total, progress=done)
        if phase == "load" and total:
            self._update_title(f"reading {done:,} of {total:,} new or changed files…")
        while self._incoming:
            self._put(self._incoming.popleft())

    def _put(self, entry: IndexEntry) -> None:
        """Add an entry, or update its row in place."""
        table = self.table
        stale = [k for k, e in self.entries.items() if e.path == entry.path and k != entry.id]
        for key in stale:  # the index was rebuilt meanwhile: same file, new id
            self._remove_row(key)
        known = entry.id in self.entries
        self.entries[entry.id] = entry = self._corrected(entry)
        self._arrangement.forget()
        if not matches_filter(entry, self.filter_text):
            self._remove_row(entry.id, keep_entry=True)
            return
        cells = row_cells(entry, self.widths)
        if known and str(entry.id) in table.rows:
            for label, cell in zip(COLUMNS, cells, strict=True):
                table.update_cell(str(entry.id), label.lower(), cell)
        else:
            table.add_row(*cells, key=str(entry.id))

    def _remove_row(self, key: int, keep_entry: bool = False) -> None:
        if not keep_entry:
            self.entries.pop(key, None)
            self._arrangement.forget()
        if str(key) in self.table.rows:
            self.table.remove_row(str(key))

    def _stop_polling(self) -> None:
        if self._poll is not None:
            self._poll.stop()
            self._poll = None
        self._incoming.clear()

    def _refreshed(self, entries: list[IndexEntry] | None, notices: list[str]) -> None:
        self._stop_polling()
        self._notify(notices)
        if entries is not None:
            self.entries = {e.id: self._corrected(e) for e in entries}  # the user's corrections kept
            self._arrangement.forget()
            # Rows came in file order while they were read: unless the reader moved the cursor
            # meanwhile, the sorted list starts at its top.
            self.refresh_table(keep_cursor=self.table.cursor_row != 0)
        self._done()

    def _failed(self, message: str) -> None:
        self._stop_polling()
        self.app.notify(message, severity="error", timeout=15)
        self._done()

    def _done(self) -> None:
        self.loaded = True
        self.query_one(ProgressBar).display = False
        self._update_title()
        self._show_empty()

    def _show_empty(self) -> None:
        """Instead of a blank table: what is there, and what to do."""
        empty = self.query_one("#empty", Static)
        box = self.query_one("#filter")
        box.display = not (self.loaded and not self.entries)  # nothing to filter
        if not box.display and self.focused is box:
            self.set_focus(None)  # keys are commands again (q quits)
        if self.loaded and not self.entries:
            where = ", ".join(str(p) for p in self.paths)
            empty.update(f"No articles in {where} yet.\n\n"
                         "Save news pages there (a browser's Save Page As .html, .txt or .md), or press a to "
                         "add one from its web address; tui-reader FOLDER opens another folder.\nq quits.")
        elif self.entries and self.filter_text.strip() and not self.table.row_count:
            empty.update(f"No article has “{shorten(self.filter_text, 40)}” in its title, site, author or tags "
                         f"(of {len(self.entries):,}).\n\nescape clears the filter; / searches the full text.")
        else:
            empty.display = False
            self.table.display = True
            return
        empty.display = True
        self.table.display = False

    def _update_title(self, doing: str | None = None) -> None:
        if self._counts is not None:
            count, failed = self._counts
        else:
            count, failed = len(self.entries), sum(1 for e in self.entries.values() if e.error is not None)
        articles = count - failed  # an unreadable file is listed, but it is no article
        text = f"Library: {articles:,} article{'s' if articles != 1 else ''}"
        if failed:
            text += f", {failed:,} file{'s' if failed != 1 else ''} could not be read"
        if not self.loaded:
            text += f" — {doing or 'loading…'}"
        self.query_one("#library-title", Static).update(text)

    # ----- table --------------------------------------------------------------------------

    def _add_columns(self) -> None:
        for label, width in self.widths.items():
            self.table.add_column(label, width=width, key=label.lower())

    @property
    def widths(self) -> dict[str, int]:
        return column_widths(self.app.size.width)

    def on_resize(self) -> None:
        if self.entries:
            self.refresh_table()

    def current_key(self) -> str | None:
        table = self.table
        if not table.row_count or table.cursor_row is None:
            return None
        try:
            return table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value
        except Exception:
            return None

    def refresh_table(self, keep_cursor: bool = True) -> None:
        """The rows again (sorted and filtered by core), a page of them in the table: as many more
        as it takes to keep the cursor on its article when `keep_cursor`, else it goes to the top."""
        table = self.table
        current = self.current_key() if keep_cursor else None
        table.clear(columns=True)
        self._add_columns()
        self._order = self._arrangement.rows(self.entries.values(), self.sort_key, self.sort_reverse, self.filter_text)
        self._shown = 0
        at = next((n for n, e in enumerate(self._order) if str(e.id) == current), None) if current else None
        self._show_more(self._page_rows() if at is None else max(self._page_rows(), at + MARGIN_ROWS))
        if current is not None and current in table.rows:
            table.move_cursor(row=table.get_row_index(current), animate=False)
        self._show_empty()

    def _show_more(self, count: int) -> None:
        """The next `count` rows of the order into the table."""
        table = self.table
        widths = self.widths
        for entry in self._order[self._shown : self._shown + count]:
            key = str(entry.id)
            if key not in table.rows:  # a refresh may have put it in already
                table.add_row(*row_cells(entry, widths), key=key)
        self._shown = min(len(self._order), self._shown + count)

    @on(LibraryTable.NearEnd)
    def next_page(self) -> None:
        if self._shown < len(self._order) and self.table.near_end():  # still: several may have come
            self._show_more(self._page_rows())

    def _page_rows(self) -> int:
        return max(PAGE_ROWS, self.table.size.height + MARGIN_ROWS)

    @on(LibraryTable.ToEnd)
    def last_row(self) -> None:
        self._show_more(len(self._order) - self._shown)
        table = self.table
        if table.row_count:
            table.move_cursor(row=table.row_count - 1, animate=False)

    def _update_sort_binding(self) -> None:
        label = SORTS[self.sort_key][0] + (" ↑" if self.sort_reverse else "")
        set_description(self, "ctrl+s", f"Sort: {label}")

    def action_cycle_sort(self) -> None:
        keys = list(SORTS)
        self.sort_key = keys[(keys.index(self.sort_key) + 1) % len(keys)]
        self.sort_reverse = False
        self._update_sort_binding()
        self.refresh_table()

    def action_reverse_sort(self) -> None:
        self.sort_reverse = not self.sort_reverse
        self._update_sort_binding()
        self.refresh_table()

    @on(DataTable.HeaderSelected)
    def header_selected(self, event: DataTable.HeaderSelected) -> None:
        key = list(SORTS)[event.column_index]
        if key == self.sort_key:
            self.sort_reverse = not self.sort_reverse
        else:
            self.sort_key, self.sort_reverse = key, False
        self._update_sort_binding()
        self.refresh_table()

    def action_cursor(self, step: int) -> None:
        table = self.table
        if table.row_count:
            table.move_cursor(row=min(max(table.cursor_row + step, 0), table.row_count - 1))

    # ----- filter -------------------------------------------------------------------------

    def action_filter(self) -> None:
        self.set_focus(self.query_one("#filter", Input))  # at once: the letters typed next are the filter's

    @on(Input.Changed, "#filter")
    def filter_changed(self, event: Input.Changed) -> None:
        self.filter_text = event.value
        self.refresh_table(keep_cursor=False)  # the best match first, under the cursor: enter opens it

    @on(Input.Submitted, "#filter")
    def filter_submitted(self) -> None:
        self.action_open()

    def action_clear_filter(self) -> None:
        box = self.query_one("#filter", Input)
        box.value = ""
        self.table.focus()

    # ----- search, quotes -----------------------------------------------------------------

    def action_search(self) -> None:
        from tui_reader.ui.screens.search import SearchScreen

        def closed(query: str | None) -> None:
            if query is not None:
                self.last_search = query

        self.app.push_screen(SearchScreen(self.last_search), closed)

    def action_quotes(self) -> None:
        from tui_reader.ui.screens.quotes import QuotesScreen

        self.app.push_screen(QuotesScreen())

    def action_save_page(self) -> None:
        from tui_reader.ui.screens.save_page import SavePageScreen

        folder = next((p for p in self.paths if p.is_dir()), self.paths[0].parent)
        self.app.push_screen(SavePageScreen(folder))

    def show_entry(self, entry: IndexEntry) -> None:
        """An entry added from outside the refresh (a page saved with `a`), with the cursor on it."""
        self._put(entry)
        self._update_title()
        self._show_empty()
        if str(entry.id) in self.table.rows:
            self.table.move_cursor(row=self.table.get_row_index(str(entry.id)), animate=False)
            self.refresh_table(keep_cursor=True)  # in its place in the order shown, not below the others
            self.table.focus()

    # ----- opening ------------------------------------------------------------------------

    def action_open(self) -> None:
        key = self.current_key()
        entry = self.entries.get(int(key)) if key is not None else None
        if entry is not None:
            self.post_message(OpenEntry(entry))
        else:
            self.call_later(self.app.release_keys)  # nothing to open: the keys held by Enter go on

    @on(DataTable.RowSelected)
    def row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open()
