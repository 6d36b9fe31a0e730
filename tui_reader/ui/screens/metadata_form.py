"""`e` in the reader: a form to correct the article's details for citations.

The values are stored as overrides in the user's state, keyed by the article's content hash
(`tui_reader.core.cite.styles`), so a renamed copy of the file keeps them; the file itself is never
written. Each field is prefilled with the value in use; a field left empty falls back to the
file's value (shown as the field's placeholder and in the hint under it). Every value is
checked with `validate_override` before anything is stored: a bad date or address is refused
with the reason beside the field.

Article text is shown as plain text only: Input values and placeholders are never markup, and
every label built from article values is a `Content`.
"""

from __future__ import annotations

import re

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from tui_reader.core.cite.styles import load_overrides, save_overrides, validate_override
from tui_reader.core.extract.dates import normalise_date
from tui_reader.core.model import Article, Author, Metadata, as_author
from tui_reader.ui.text import inline_text, shorten

# (field, label, hint) in the order of the form; the type is a Select, the rest are Inputs.
TEXT_FIELDS = (
    ("authors", "Authors", "Separate names with commas, or with semicolons when a name has a comma."),
    ("title", "Title", ""),
    ("site", "Site", "The website or publication."),
    ("publisher", "Publisher", "The owner or publisher, where it is not the site."),
    ("published", "Date", "YYYY-MM-DD, YYYY-MM or YYYY (or as written: 5 March 2020, March 2020)."),
    ("url", "URL", "Starts with https:// or http://."),
)
KIND_LABELS = (
    ("News article", "article-newspaper"),
    ("Web page", "webpage"),
    ("Blog post", "post-weblog"),
)
FORM_FIELDS = tuple(field for field, _label, _hint in TEXT_FIELDS) + ("kind",)
_SUFFIX = re.compile(r"^(jr|sr|ii|iii|iv|v)\.?$", re.IGNORECASE)


def split_authors_field(text: str) -> list[str]:
    """The names typed in the authors field: separated by semicolons if there is one, else by
    commas (a suffix after a comma, as in "Martin Luther King, Jr.", stays with its name; two single
    words, "Writer, Sam", are one name written family name first)."""
    text = inline_text(text)
    if ";" in text:
        return [p.strip(" ,") for p in text.split(";") if p.strip(" ,")]
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if len(parts) == 2 and all(len(p.split()) == 1 for p in parts) and not _SUFFIX.match(parts[1]):
        return [", ".join(parts)]  # "Writer, Sam": one name written family name first, as citations write it
    names: list[str] = []
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        if names and _SUFFIX.match(part):
            names[-1] = f"{names[-1]}, {part}"
        else:
            names.append(part)
    return names


def join_authors(authors: tuple[Author | str, ...] | list[Author | str]) -> str:
    """The inverse of `split_authors_field` (semicolons when a name holds a comma)."""
    names = [inline_text(str(a)) for a in authors if inline_text(str(a))]
    return ("; " if any("," in n for n in names) else ", ").join(names)


def field_text(metadata: Metadata, field: str) -> str:
    """A metadata field as the form shows it (one safe line; "" when absent)."""
    if field == "authors":
        return join_authors(metadata.authors)
    return inline_text(getattr(metadata, field))


def kind_value(metadata: Metadata) -> str:
    kinds = [value for _label, value in KIND_LABELS]
    return metadata.kind if metadata.kind in kinds else "webpage"


def form_value(field: str, text: str):
    """The override value for what was typed: a list of names for authors, a date as YYYY[-MM[-DD]]
    (a date written for people is read as one), else the text."""
    if field == "authors":
        return split_authors_field(text)
    text = " ".join(text.split())
    return (normalise_date(text) or text) if field == "published" else text


def overrides_from_form(original: Metadata, typed: dict[str, str], kept: dict | None = None) -> dict:
    """The overrides to store: every field whose typed value differs from the file's; an empty
    field or the file's own value means no override. Overrides of fields the form does not show
    (`kept`, e.g. language) are carried over. Values must already be valid."""
    overrides = {k: v for k, v in (kept or {}).items() if k not in FORM_FIELDS}
    for field, text in typed.items():
        if field == "kind":
            if text != kind_value(original):
                overrides["kind"] = text
            continue
        value = form_value(field, text)
        if not value or value == form_value(field, field_text(original, field)):
            continue
        overrides[field] = _typed_authors(original, value) if field == "authors" else value
    return overrides


def _typed_authors(original: Metadata, names: list[str]) -> list[dict]:
    """Typed names as stored authors: a name the file has keeps its kind, a new one is judged by its words."""
    known = {a.name.casefold(): a for a in original.authors}
    authors = [known.get(name.casefold()) or as_author(name) for name in names]
    return [{"name": name, "kind": a.kind} for name, a in zip(names, authors)]


def _hint(original: Metadata, field: str, hint: str) -> Content:
    current = field_text(original, field)
    source = f"in the file: {shorten(current, 60)}" if current else "the file has none"
    return Content(" · ".join(p for p in (hint.rstrip("."), source) if p))


class MetadataForm(ModalScreen[dict | None]):
    """Dismissed with the stored overrides after a save, or None when cancelled."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="form.save", tooltip="Check every field and store the corrections"),
        Binding("escape", "cancel", "Cancel", id="form.cancel", tooltip="Close the form without saving"),
        Binding("ctrl+r", "reset", "File's values", id="form.reset",
                tooltip="Fill every field with the value in the article file"),
    ]

    def __init__(self, article: Article, state) -> None:
        super().__init__()
        self.article = article
        self.state = state
        self.overrides = load_overrides(state, article.content_hash)

    @property
    def original(self) -> Metadata:
        return self.article.metadata

    def current(self) -> Metadata:
        from tui_reader.core.cite.styles import apply_overrides

        return apply_overrides(self.original, self.overrides)

    def compose(self) -> ComposeResult:
        current = self.current()
        with VerticalScroll(id="metadata-dialog", classes="dialog") as dialog:
            dialog.border_title = "Correct the details of this article"
            dialog.border_subtitle = "ctrl+s saves · escape cancels"
            yield Static(
                Content("Used by citations (y, Y, cite, export). Stored in your settings, never in the file. "
                        "Each field shows the value in use, and the file's own value under it; "
                        "empty a field to go back to the file's value."),
                id="metadata-note",
            )
            for field, label, hint in TEXT_FIELDS:
                with Horizontal(classes="form-row"):
                    yield Label(label, classes="form-label")
                    with Vertical(classes="form-field"):
                        yield Input(
                            field_text(current, field),
                            placeholder=field_text(self.original, field) or "(none)",
                            id=f"field-{field}",
                            select_on_focus=False,
                            compact=True,
                        )
                        yield Static("", id=f"error-{field}", classes="form-error", markup=False)
                        yield Static(_hint(self.original, field, hint), classes="form-hint")
            with Horizontal(classes="form-row"):
                yield Label("Type", classes="form-label")
                with Vertical(classes="form-field"):
                    yield Select(KIND_LABELS, value=kind_value(current), allow_blank=False, id="field-kind",
                                 compact=True)
                    yield Static("", id="error-kind", classes="form-error", markup=False)
            with Horizontal(id="metadata-buttons"):
                yield Button("Save (ctrl+s)", id="save", variant="primary")
                yield Button("File's values (ctrl+r)", id="reset")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#field-authors", Input).focus()

    # ----- reading and checking the fields ------------------------------------------------

    def typed(self) -> dict[str, str]:
        values = {field: self.query_one(f"#field-{field}", Input).value for field, _l, _h in TEXT_FIELDS}
        values["kind"] = str(self.query_one("#field-kind", Select).value)
        return values

    def check(self, field: str, text: str) -> str | None:
        """Show (or clear) the message beside `field`; return it."""
        error = validate_override(field, form_value(field, text))
        message = self.query_one(f"#error-{field}", Static)
        message.update(error or "")
        message.set_class(bool(error), "-shown")
        return error

    @on(Input.Changed)
    def field_changed(self, event: Input.Changed) -> None:
        field = (event.input.id or "").removeprefix("field-")
        if field in FORM_FIELDS:
            self.check(field, event.value)

    @on(Input.Submitted)
    def field_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    # ----- actions ------------------------------------------------------------------------

    def action_save(self) -> None:
        typed = self.typed()
        errors = {field: error for field, text in typed.items() if (error := self.check(field, text))}
        if errors:
            self.query_one(f"#field-{next(iter(errors))}").focus()
            labels = dict((field, label) for field, label, _hint in TEXT_FIELDS)
            self.notify("; ".join(f"{labels.get(f, f)}: {e}" for f, e in errors.items()),
                        title="Not saved", severity="error", markup=False)
            return
        overrides = overrides_from_form(self.original, typed, self.overrides)
        try:
            save_overrides(self.state, self.article.content_hash, overrides)
        except (ValueError, OSError) as exc:
            self.notify(f"Not saved: {exc}", severity="error", markup=False)
            return
        self.dismiss(overrides)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_reset(self) -> None:
        for field, _label, _hint in TEXT_FIELDS:
            self.query_one(f"#field-{field}", Input).value = field_text(self.original, field)
        self.query_one("#field-kind", Select).value = kind_value(self.original)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        actions = {"save": self.action_save, "reset": self.action_reset, "cancel": self.action_cancel}
        actions[event.button.id]()
