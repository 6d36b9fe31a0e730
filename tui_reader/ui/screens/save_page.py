"""`a` in the library: ask for an address, save the page into the library folder in the
background (with progress), then show it in the list with the cursor on it, ready to open.

The save runs as an app worker: closing the dialog (escape) does not stop it; a notification
says when it is done.
"""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, ProgressBar, Static

from tui_reader.core.sanitize import strip_controls
from tui_reader.ui.background import answer
from tui_reader.ui.text import inline_text


class SavePageScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    SavePageScreen { align: center middle; }
    #save-dialog { padding: 0 1; }
    #save-status { color: $text-muted; height: auto; }
    #save-progress { margin: 1 0 0 0; }
    """
    BINDINGS = [Binding("escape", "close", "Close", id="save.close", tooltip="Close; a save under way goes on")]

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder

    def compose(self) -> ComposeResult:
        with Vertical(id="save-dialog", classes="dialog") as dialog:
            dialog.border_title = "Save a page from the web"
            dialog.border_subtitle = "enter saves · escape closes"
            yield Input(placeholder="https://…", id="save-url", select_on_focus=False)
            yield ProgressBar(id="save-progress", show_eta=False, show_percentage=False)
            yield Static(Content(f"Into {strip_controls(str(self.folder))}"), id="save-status")

    def on_mount(self) -> None:
        self.query_one("#save-progress").display = False
        self.query_one(Input).focus()

    def action_close(self) -> None:
        self.dismiss(None)

    def show(self, status: str, *, progress: tuple[int, int | None] | None = None) -> None:
        """Say how the save goes (while the dialog is open)."""
        if not self.is_attached:
            return
        self.query_one("#save-status", Static).update(Content(status))
        bar = self.query_one("#save-progress", ProgressBar)
        bar.display = progress is not None
        if progress is not None:
            done, total = progress
            bar.update(total=total, progress=done)

    @on(Input.Submitted, "#save-url")
    def submitted(self, event: Input.Submitted) -> None:
        url = event.value.strip()
        if not url:
            return
        event.input.disabled = True
        self.show(f"Fetching {inline_text(url)}…", progress=(0, None))
        self.app.run_worker(self._save(url), group="save-page", exit_on_error=False)

    async def _save(self, url: str) -> None:

        from tui_reader.core.ingest.fetch import Fetcher
        from tui_reader.core.ingest.save import save_url
        from tui_reader.core.ingest.write import Store

        def progress(done: int, total: int | None) -> None:
            self.show(f"Fetching… {done / 1024:,.0f} KB", progress=(done, total))

        app = self.app
        async with Fetcher() as fetcher:
            result = await save_url(fetcher, Store(self.folder), url, progress=progress)
        if result.error:
            app.notify(f"{inline_text(url)}: {inline_text(result.error)}", title="Not saved", severity="error")
            if self.is_attached:
                self.show(inline_text(result.error))
                field = self.query_one(Input)
                field.disabled = False
                field.focus()
            return
        self.show("Adding it to the library…", progress=(0, None))
        entry = await answer(app, app.library_index.add(result.path))
        name = inline_text(entry.display_title if entry else result.path.name)
        already = "Already saved" if result.duplicate else "Saved"
        app.notify(f"{already}: {name} — enter opens it", title=result.path.parent.name)
        if self.is_attached:
            self.dismiss(None)
        for screen in app.screen_stack:
            if entry is not None and hasattr(screen, "show_entry"):
                screen.show_entry(entry)
