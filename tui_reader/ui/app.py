"""The Textual app: a library screen at the bottom of the stack, readers pushed on top."""

from __future__ import annotations

import asyncio
import importlib
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App
from textual.binding import Binding
from textual.widgets import Static

from tui_reader.core.model import Article, Headline, Quote
from tui_reader.core.sanitize import strip_controls
from tui_reader.core.state import State
from tui_reader.ui import citing
from tui_reader.ui.background import ArticleReader, IndexService, LoadedFile
from tui_reader.ui.terminal_watch import watch_terminal

if TYPE_CHECKING:
    from tui_reader.core.library.index import IndexEntry
    from tui_reader.core.library.query import Query
    from tui_reader.ui.screens.library import LibraryScreen
    from tui_reader.ui.screens.reader import ReaderScreen

SETTINGS = "settings"
# Imported while a big file loads: the reader that will show it, and what the help screen reads its
# keys from (the first F1 would import them all at once).
WARM_UP = (
    "tui_reader.ui.screens.reader",
    "tui_reader.ui.screens.help",
    "tui_reader.ui.screens.library",
    "tui_reader.ui.screens.search",
    "tui_reader.ui.screens.quotes",
    "tui_reader.ui.screens.toc",
)
WARM_UP_SECONDS = 0.05
POSITIONS = "positions"


def default_library() -> Path:
    """`./articles` if it exists, else the user's library folder (created on first run)."""
    local = Path("articles")
    if local.is_dir():
        return local
    import platformdirs

    folder = Path(platformdirs.user_data_dir("tui-reader")) / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class ReaderApp(App):
    # One style sheet per screen (or family of dialogs), named for what it styles.
    CSS_PATH = ["library.tcss", "reader.tcss", "dialogs.tcss", "metadata_form.tcss"]
    TITLE = "tui-reader"
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", priority=True),
        Binding("f1", "help", "Help", show=False),
        Binding("tab", "focus_next", "Next pane", show=False),
        Binding("shift+tab", "focus_previous", "Previous pane", show=False),
        Binding("ctrl+p", "command_palette", "Commands (theme…)", show=False),
    ]

    def __init__(self, paths: Sequence[Path], *, state: State | None = None, preload: Future | None = None,
                 reader: ArticleReader | None = None) -> None:
        super().__init__()
        self.paths = [Path(p) for p in paths]
        self.state = state if state is not None else State()
        self.reader = reader or ArticleReader()
        # One file: read it at once, while Textual starts; the library comes later.
        self._preload = preload
        if preload is None and len(self.paths) == 1 and self.paths[0].is_file():
            self._preload = self.reader.read(self.paths[0])
        self._library_screen: LibraryScreen | None = None  # made only when a library is shown
        self._library_index: IndexService | None = None
        self._citation_style: str | None = None  # the saved choice, read on first use

    def notify(self, message: str, *, title: str = "", severity="information", timeout: float | None = None,
               markup: bool = False) -> None:
        """Every notice is plain text: a file name, an error message or a URL in it is never read as
        markup (`[@click=app.quit]` would act), and control characters are dropped. The one way
        notices go out (a screen's `notify` comes here)."""
        super().notify(strip_controls(str(message)), title=strip_controls(str(title)), severity=severity,
                       timeout=timeout, markup=False)

    # ----- start --------------------------------------------------------------------------

    def on_mount(self) -> None:
        theme = self.state.get(SETTINGS, "theme")
        if isinstance(theme, str) and theme in self.available_themes:
            self.theme = theme
        if self.state.notice:
            self.notify(self.state.notice, severity="warning", timeout=10)
        self.state.on_notice = partial(self.notify, severity="warning", timeout=10)  # later problems, as they come
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        watch_terminal(self)
        if self._preload is None:
            self._push_library()
        else:
            self._preload.add_done_callback(self._preload_done)
            if not self._preload.done():
                self.set_timer(WARM_UP_SECONDS, partial(self._warm_up, WARM_UP))

    def _warm_up(self, modules: tuple[str, ...]) -> None:
        """While a file loads, import what comes next, one module a step so a key waits for one at most."""
        if modules and self._preload is not None and not self._preload.done():
            importlib.import_module(modules[0])
            self.set_timer(WARM_UP_SECONDS, partial(self._warm_up, modules[1:]))

    def compose(self):
        if self._preload is not None:
            yield Static(f"Loading {self.paths[0].name}…", id="preload", markup=False)

    def _preload_done(self, future: Future) -> None:
        if threading.get_ident() == self._thread_id:
            # Read already (on_mount): open it once start-up is over, so its first paint is shown
            # (Textual drops the paints made while the app is still starting).
            self.call_later(self._preloaded, future.result())
        else:
            try:
                self.call_from_thread(self._preloaded, future.result())
            except RuntimeError:  # the app was closed while the file was loading
                pass

    def _preloaded(self, entry: LoadedFile) -> None:
        if entry.article is None:
            self.show_library()
            self.notify(f"{entry.path.name}: {entry.error}", severity="error", title="Cannot open")
            return
        self.open_article(entry.article)

    @property
    def library_index(self) -> IndexService:
        """The SQLite index of the library's folders, made on first use."""
        if self._library_index is None:
            self._library_index = IndexService(self.paths)
        return self._library_index

    def on_unmount(self) -> None:
        if self._library_index is not None:
            self._library_index.close()
        self.reader.close()

    def _theme_changed(self, theme) -> None:
        self.state.set(SETTINGS, "theme", theme.name)

    # ----- state --------------------------------------------------------------------------

    def get_position(self, article: Article) -> dict | None:
        if not article.content_hash:
            return None
        value = self.state.get(POSITIONS, article.content_hash)
        return value if isinstance(value, dict) else None

    def set_position(self, article: Article, position: dict) -> None:
        if article.content_hash:
            try:
                self.state.set(POSITIONS, article.content_hash, position)
            except Exception as exc:  # a full disk must not take the reader down
                self.notify(f"Could not save the reading position: {exc}", severity="warning")

    @property
    def citation_style(self) -> str:
        """The chosen citation style; the styles are looked up (citeproc imported) only when asked."""
        if self._citation_style is None:
            saved = self.state.get(SETTINGS, "citation_style")
            styles = citing.styles()
            self._citation_style = saved if saved in styles else styles[0]
        return self._citation_style

    @citation_style.setter
    def citation_style(self, style: str) -> None:
        self._citation_style = style

    def cycle_citation_style(self) -> None:
        styles = citing.styles()
        index = styles.index(self.citation_style) if self.citation_style in styles else -1
        self.citation_style = styles[(index + 1) % len(styles)]
        self.state.set(SETTINGS, "citation_style", self.citation_style)

    # ----- library and readers ------------------------------------------------------------

    async def find_in_library(self, headline: Headline) -> IndexEntry | None:
        """The library's entry for a linked headline, from the index."""
        return await asyncio.wrap_future(self.library_index.find_headline(headline))

    def open_entry(self, entry: IndexEntry, then: Callable[[ReaderScreen], None] | None = None) -> None:
        """Load the entry's file (in a worker) and read it; `then` runs once the reader is shown."""
        if entry.error is not None:
            self.notify(f"{entry.name}: {entry.error}", severity="error", title="Cannot open")
            return
        self._load_and_open(entry.path, then)

    @work(exclusive=True, group="open")
    async def _load_and_open(self, path: str, then: Callable | None) -> None:
        await self._loaded(await asyncio.wrap_future(self.reader.read(Path(path))), then)

    async def _loaded(self, loaded: LoadedFile, then: Callable | None) -> None:
        if loaded.article is None:
            self.notify(f"{loaded.path.name}: {loaded.error}", severity="error", title="Cannot open")
            return
        screen, mounted = self._push_reader(loaded.article)
        if then is not None:
            await mounted
            screen.call_after_refresh(then, screen)  # after the reader restored its saved position

    def open_at_match(self, entry: IndexEntry, query: Query) -> None:
        """Read the entry scrolled to the first match of a library search, found with the reader's search."""
        from tui_reader.core.library.index import find_match

        def land(screen: ReaderScreen) -> None:
            location = find_match(screen.article, query)
            body = screen.body
            block = body.flat.get((location.section, location.block)) if location else None
            if block is None:
                self.notify("The words are not in the text (they matched the title, site, authors or a speaker).")
                return
            screen.search_term = body.texts[block][location.start : location.end]
            count = body.search(screen.search_term)
            first = next((n for n, m in enumerate(body.matches) if m.block == block and m.start == location.start), 0)
            if count:
                body.current_match = (first - 1) % count
                body.goto_match(1)
            screen._show_search_status()

        self.open_entry(entry, land)

    def open_at_quote(self, entry: IndexEntry, quote: Quote) -> None:
        """Read the entry scrolled to one of its quotes, highlighted as when chosen in the reader's list."""

        from tui_reader.core.library.listing import find_quote

        def land(screen: ReaderScreen) -> None:
            found = find_quote(screen.article, quote)
            if found is None:
                self.notify("This quote is no longer in the file (it changed since it was indexed).", severity="warning")
                return
            screen.shown_quote = found
            screen.body.show_quote(found)

        self.open_entry(entry, land)

    def open_article(self, article: Article) -> None:
        self._push_reader(article)

    def _push_reader(self, article: Article):
        from tui_reader.ui.screens.reader import ReaderScreen

        self._pop_to_library()
        screen = ReaderScreen(article)
        return screen, self.push_screen(screen)

    def _pop_to_library(self) -> None:
        while len(self.screen_stack) > 1 and self.screen is not self._library_screen:
            self.pop_screen()

    def show_library(self) -> None:
        self._pop_to_library()
        if self.screen is not self._library_screen:  # one file was opened: its library comes now
            self._push_library()

    def _push_library(self) -> None:
        from tui_reader.ui.screens.library import LibraryScreen

        self._library_screen = LibraryScreen(self.paths)
        self.push_screen(self._library_screen)

    def action_help(self) -> None:
        from tui_reader.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(getattr(self.screen, "HELP_GROUP", "Reader")))

    # ----- outside world ------------------------------------------------------------------

    def copy_text(self, text: str, what: str) -> None:
        """OSC 52 always (works over SSH and in tmux), plus the system clipboard when it can."""
        self.copy_to_clipboard(text)
        self._system_copy(text, what)

    @work(thread=True, group="clipboard")
    def _system_copy(self, text: str, what: str) -> None:
        from tui_reader.ui.clipboard import system_copy

        failure = system_copy(text)
        if failure is None:
            how = "system clipboard and terminal (OSC 52)"
        else:
            how = f"terminal clipboard (OSC 52); system clipboard unavailable: {failure}"
        self.call_from_thread(self.notify, f"{what} copied to the {how}.", title="Copied")

    def open_url_outside(self, url: str) -> None:
        self._open_url(url)

    @work(thread=True, group="browser")
    def _open_url(self, url: str) -> None:
        from tui_reader.ui.clipboard import open_in_browser

        if open_in_browser(url):
            self.call_from_thread(self.notify, f"Opened in the browser: {url}")
        else:
            self.call_from_thread(self.copy_to_clipboard, url)
            self.call_from_thread(
                self.notify, f"No graphical browser here; the link was copied (OSC 52): {url}", severity="warning"
            )


def create_app(
    paths: Sequence[str | Path] = (), *, state: State | None = None, preload: Future | None = None,
    reader: ArticleReader | None = None,
) -> ReaderApp:
    """The one app factory, for the CLI and the tests. `preload`: the one file, already being read
    (by `reader`, which the app then uses for every file it opens)."""
    resolved = [Path(p) for p in paths] or [default_library()]
    return ReaderApp(resolved, state=state, preload=preload, reader=reader)
