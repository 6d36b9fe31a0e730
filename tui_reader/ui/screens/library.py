"""The library: every article found under the given paths, loaded in a worker thread."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, ProgressBar, Static
from textual.worker import get_current_worker

from tui_reader.ui.keys import set_description
from tui_reader.ui.library import SORTS, LibraryEntry, load_entry, matches_filter, sort_entries
from tui_reader.ui.text import inline_text, shorten


SITE_WIDTH = 24
COLUMNS = (("Title", 0), ("Site", SITE_WIDTH), ("Date", 10), ("Words", 13), ("Quotes", 6))
OTHER_COLUMNS = sum(width + 2 for _, width in COLUMNS[1:])  # each cell has one space of padding a side


def row_cells(entry: LibraryEntry, title_width: int = 60) -> list[Text]:
    if entry.article is None:
        dim = "dim"
        reason = inline_text(entry.error, "unreadable")
        return [
            Text(shorten(f"{entry.path.name}: {reason}", title_width), style=dim),
            Text("", style=dim),
            Text("", style=dim),
            Text("", style=dim),
            Text("", style=dim),
        ]
    article = entry.article
    meta = article.metadata
    words = article.word_count
    return [
        Text(shorten(inline_text(meta.title) or entry.path.name, title_width)),
        Text(shorten(inline_text(meta.site), SITE_WIDTH)),
        Text(inline_text(meta.published)[:10]),
        Text(f"{words:,} · {article.reading_minutes} min", justify="right"),
        Text(str(len(article.quotes)), justify="right"),
    ]


class LibraryTable(DataTable):
    BINDINGS = [Binding("j", "cursor_down", "Down", show=False), Binding("k", "cursor_up", "Up", show=False)]


class LibraryScreen(Screen):
    BINDINGS = [
        Binding("enter", "open", "Open"),
        Binding("f1", "app.help", "Help"),
        Binding("ctrl+s", "cycle_sort", "Sort"),
        Binding("ctrl+r", "reverse_sort", "Reverse"),
        Binding("slash", "focus_filter", "Filter", show=False),
        Binding("escape", "clear_filter", "Clear filter", show=False),
        Binding("down", "cursor(1)", "Down", show=False),
        Binding("up", "cursor(-1)", "Up", show=False),
    ]

    def __init__(self, paths: list[Path], loaded: bool = False) -> None:
        super().__init__()
        self.paths = paths
        self.loaded = loaded  # the app already holds the entries (one file opened directly)
        self.sort_key = "date"
        self.sort_reverse = False
        self.filter_text = ""

    def compose(self) -> ComposeResult:
        yield Static("", id="library-title", markup=False)
        yield Input(placeholder="Type to filter by title, site or author", id="filter", select_on_focus=False)
        yield ProgressBar(id="progress", show_eta=False)
        table = LibraryTable(id="articles", cursor_type="row", zebra_stripes=True)
        yield table
        yield Static("", id="empty", markup=False)
        yield Footer(compact=True, show_command_palette=False)

    @property
    def table(self) -> DataTable:
        return self.query_one(DataTable)

    def on_mount(self) -> None:
        self.query_one("#empty").display = False
        self._add_columns()
        self._update_title()
        self._update_sort_binding()
        self.table.focus()
        if self.loaded:
            self._done()
        else:
            self.load_library()

    # ----- loading ------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="library")
    def load_library(self) -> None:
        from tui_reader.core.discover import find_article_files

        worker = get_current_worker()
        files = find_article_files(self.paths)
        self.app.call_from_thread(self._begin, len(files))
        for path in files:
            if worker.is_cancelled:
                return
            entry = load_entry(path)
            self.app.call_from_thread(self._add, entry)
        self.app.call_from_thread(self._done)

    def _begin(self, total: int) -> None:
        self.query_one(ProgressBar).update(total=total, progress=0)
        if total == 0:
            self._done()

    def _add(self, entry: LibraryEntry) -> None:
        self.app.entries.append(entry)
        self.query_one(ProgressBar).advance(1)
        self._update_title()
        if matches_filter(entry, self.filter_text):
            self.table.add_row(*row_cells(entry, self.title_width), key=str(entry.path))

    def _done(self) -> None:
        self.query_one(ProgressBar).display = False
        self.app.library_loaded = True
        self._update_title()
        self.refresh_table()
        empty = self.query_one("#empty", Static)
        if not self.app.entries:
            where = ", ".join(str(p) for p in self.paths)
            empty.update(
                f"No articles found in {where}.\n\n"
                "Save news pages there (.html, .htm, .txt, .md) and start tui-reader again."
            )
            empty.display = True

    def _update_title(self) -> None:
        entries = self.app.entries
        failed = sum(1 for e in entries if e.article is None)
        text = f"Library: {len(entries)} article{'s' if len(entries) != 1 else ''}"
        if failed:
            text += f" ({failed} could not be read)"
        if not self.app.library_loaded:
            text += " — loading…"
        self.query_one("#library-title", Static).update(text)

    # ----- table --------------------------------------------------------------------------

    def _add_columns(self) -> None:
        for label, width in COLUMNS:
            self.table.add_column(label, width=width or self.title_width, key=label.lower())

    @property
    def title_width(self) -> int:
        return max(20, self.app.size.width - OTHER_COLUMNS - 6)  # the scrollbar and a margin

    def on_resize(self) -> None:
        if self.app.library_loaded:
            self.refresh_table()

    def refresh_table(self) -> None:
        table = self.table
        current = None
        if table.row_count and table.cursor_row is not None:
            try:
                current = table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value
            except Exception:
                current = None
        table.clear(columns=True)
        self._add_columns()
        visible = [e for e in self.app.entries if matches_filter(e, self.filter_text)]
        for entry in sort_entries(visible, self.sort_key, self.sort_reverse):
            table.add_row(*row_cells(entry, self.title_width), key=str(entry.path))
        if current is not None:
            try:
                table.move_cursor(row=table.get_row_index(current), animate=False)
            except Exception:
                pass

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

    def on_key(self, event) -> None:
        """Type-to-filter: a printable key typed in the table goes to the filter box."""
        if self.focused is self.table and event.is_printable and event.character and event.character not in "jk/":
            box = self.query_one("#filter", Input)
            box.focus()
            box.insert_text_at_cursor(event.character)
            event.stop()
            event.prevent_default()

    @on(Input.Changed, "#filter")
    def filter_changed(self, event: Input.Changed) -> None:
        self.filter_text = event.value
        self.refresh_table()

    @on(Input.Submitted, "#filter")
    def filter_submitted(self) -> None:
        self.action_open()

    def action_focus_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_clear_filter(self) -> None:
        box = self.query_one("#filter", Input)
        box.value = ""
        self.table.focus()

    # ----- opening ------------------------------------------------------------------------

    def action_open(self) -> None:
        table = self.table
        if not table.row_count:
            return
        key = table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value
        entry = self.app.entry_for(Path(key))
        if entry is not None:
            self.app.open_entry(entry)

    @on(DataTable.RowSelected)
    def row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open()
