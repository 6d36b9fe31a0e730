"""The Textual app: a library screen at the bottom of the stack, readers pushed on top."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from concurrent.futures import Future
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Static

from tui_reader.core.model import Article, Headline, Quote
from tui_reader.core.sanitize import strip_controls
from tui_reader.core.state import State
from tui_reader.ui import citing
from tui_reader.ui.background import ArticleReader, IndexService, LoadedFile, answer, warm_up
from tui_reader.ui.key_order import KeysInOrder
from tui_reader.ui.messages import CopyText, OpenEntry
from tui_reader.ui.terminal_watch import watch_terminal
from tui_reader.ui.text import ControlFilter

if TYPE_CHECKING:
    from tui_reader.core.library.index import IndexEntry
    from tui_reader.core.library.query import Query
    from tui_reader.ui.screens.library import LibraryScreen

SETTINGS = "settings"
# How keys work everywhere (shown at the top of `?` and of `--help`), one line each.
KEY_RULE = (
    "Letters typed into a search or filter box go to the box; everywhere else they are commands.",
    "In the library f filters the list and / searches the full text.",
    "q goes back one screen, and quits from the first.",
    "escape undoes the last step: it clears a search, leaves a list, then goes back.",
)
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
POSITIONS = "positions"
CONTROL_FILTER = ControlFilter()


def library_folder() -> Path:
    """The user's library folder (platformdirs' data directory), where saved pages go."""
    import platformdirs

    return Path(platformdirs.user_data_dir("tui-reader")) / "articles"


def default_library() -> Path:
    """`./articles` if it exists, else the user's library folder (created on first run)."""
    local = Path("articles")
    if local.is_dir():
        return local
    folder = library_folder()
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class ReaderApp(KeysInOrder):
    # One style sheet per screen (or family of dialogs), named for what it styles.
    CSS_PATH = ["library.tcss", "reader.tcss", "dialogs.tcss", "metadata_form.tcss"]
    TITLE = "tui-reader"
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", priority=True, show=False),
        Binding("q", "back", "Back one screen; quit from the first", show=False),
        Binding("question_mark,f1", "help", "Help", show=False),
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
        self.warming_up: Future | None = None  # the imports of WARM_UP, while a file given loads
        self._citation_style: str | None = None  # the saved choice, read on first use
        self.clipboard_problem: str | None = None  # why the system clipboard failed, once it did

    def get_line_filters(self):
        """Textual's filters, then `ControlFilter`: no control character of any text reaches the terminal."""
        return [*super().get_line_filters(), CONTROL_FILTER]

    def notify(self, message: str, *, title: str = "", severity="information", timeout: float | None = None,
               markup: bool = False) -> None:
        """Every notice is plain text on one line: a file name, an error message or a URL in it is never
        read as markup (`[@click=app.quit]` would act), and control characters are dropped. The one way
        notices go out (a screen's `notify` comes here; widgets pass markup=True, ignored here)."""
        super().notify(" ".join(strip_controls(str(message)).splitlines()), title=strip_controls(str(title)),
                       severity=severity, timeout=timeout, markup=False)

    def _on_notify(self, event) -> None:
        """Notices do not stack: a new one takes the place of the earlier ones (an error stays until it
        times out, unless the same error comes again)."""
        new = event.notification
        for old in list(self._notifications):
            if old.message == new.message or old.severity != "error":
                self._unnotify(old, refresh=False)
        super()._on_notify(event)

    # ----- start --------------------------------------------------------------------------

    def on_mount(self) -> None:
        theme = self.state.get(SETTINGS, "theme")
        if isinstance(theme, str) and theme in self.available_themes:
            self.theme = theme
        # settings that cannot be saved, or were reset, are shown as errors: no routine notice hides them
        if self.state.notice:
            self.notify(self.state.notice, severity="error", timeout=10)
        self.state.on_notice = partial(self.notify, severity="error", timeout=10)  # later problems, as they come
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        watch_terminal(self)
        if self._preload is None:
            self._push_library()
        else:
            self._preload.add_done_callback(self._preload_done)
            if not self._preload.done():
                self.warming_up = warm_up(WARM_UP)

    def compose(self):
        if self._preload is not None:
            yield Static(f"Loading {strip_controls(self.paths[0].name)}…", id="preload", markup=False)

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
            self.notify(f"{entry.path.name}: {entry.error}", severity="error")
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
        """The style chosen (the picker, `c`): used at once and remembered for the next run."""
        self._citation_style = style
        self.state.set(SETTINGS, "citation_style", style)

    # ----- library and readers ------------------------------------------------------------

    async def find_in_library(self, headline: Headline) -> IndexEntry | None:
        """The library's entry for a linked headline, from the index."""
        return await answer(self, self.library_index.find_headline(headline))

    def on_open_entry(self, message: OpenEntry) -> None:
        self.open_entry(message.entry, message.place)

    def open_entry(self, entry: IndexEntry, place: Quote | Query | None = None) -> None:
        """Load the entry's file (off the UI thread) and read it; the reader then lands on `place`.
        Keys typed meanwhile wait for the reader (they are meant for it, not for the list)."""
        if entry.error is not None:
            self.notify(f"{entry.name}: {entry.error}", severity="error")
            self.call_later(self.release_keys)
            return
        self._load_and_open(entry.path, place, self.hold_keys())

    @work(exclusive=True, group="open")
    async def _load_and_open(self, path: str, place: Quote | Query | None, hold: int) -> None:
        try:
            await self._loaded(await answer(self, self.reader.read(Path(path))), place)
        finally:
            await self.release_keys(hold)

    async def _loaded(self, loaded: LoadedFile, place: Quote | Query | None) -> None:
        if loaded.article is None:
            self.notify(f"{loaded.path.name}: {loaded.error}", severity="error")
            return
        screen, mounted = self._push_reader(loaded.article)
        await mounted
        await screen.wait_for_refresh()  # the keys held go on once the body has its size: 'Enter j j' must scroll it
        if place is not None:
            screen.call_after_refresh(screen.land_on, place)  # after the reader restored its saved position

    def open_article(self, article: Article) -> None:
        self._push_reader(article)

    def _push_reader(self, article: Article):
        """A reader on top of the screen it was opened from: the library, a search's results or the
        quotes view (escape goes back there). An article opened from a reader takes that reader's place."""
        from tui_reader.ui.screens.reader import ReaderScreen

        while len(self.screen_stack) > 1 and isinstance(self.screen, (ReaderScreen, ModalScreen)):
            self.pop_screen()
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

    def action_back(self) -> None:
        """q: back one screen (a dialog closes, a reader goes back where it was opened from); from the
        first screen, quit."""
        if isinstance(self.screen, ModalScreen):
            self.screen.dismiss(None)
        elif len(self.screen_stack) > 2:  # Textual's default screen is the first of the stack
            self.pop_screen()
        else:
            self.exit()

    def action_help(self) -> None:
        from tui_reader.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(getattr(self.screen, "HELP_GROUP", "Reader"), self.clipboard_note()))

    # ----- outside world ------------------------------------------------------------------

    def on_copy_text(self, message: CopyText) -> None:
        self.copy_text(message.text, message.what)

    def copy_text(self, text: str, what: str) -> None:
        """OSC 52 always (works over SSH and in tmux), plus the system clipboard when it can."""
        self.copy_to_clipboard(text)
        self._system_copy(text, what)

    @work(thread=True, group="clipboard")
    def _system_copy(self, text: str, what: str) -> None:
        from tui_reader.ui.clipboard import system_copy

        failure = system_copy(text)
        self.call_from_thread(self._copied, what, failure)

    def _copied(self, what: str, failure: str | None) -> None:
        """One line each time; why the system clipboard is missing is said once, in help (`?`)."""
        if failure is None:
            self.notify(f"{what} copied (system and terminal clipboards)")
            return
        first = self.clipboard_problem is None
        self.clipboard_problem = failure
        self.log.warning(f"system clipboard unavailable: {failure}")
        self.notify(f"{what} copied (terminal clipboard{'; ? says why' if first else ''})")

    def clipboard_note(self) -> str:
        if self.clipboard_problem is None:
            return "y and Y copy to the system clipboard and through the terminal (OSC 52, also over SSH)."
        return (f"No system clipboard here ({self.clipboard_problem}). y and Y copy through the terminal "
                "(OSC 52): most terminals accept it, and tmux after `set -g set-clipboard on`; paste with your "
                "terminal's paste key.")

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
