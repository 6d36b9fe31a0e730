"""Hand-built articles and helpers for the UI tests (no loader, no dates of today)."""

from __future__ import annotations

from pathlib import Path

from tui_reader.core.model import Article, Block, Headline, Link, Metadata, Quote, Section

WORDS = (
    "council budget harbour ferry library vote residents mayor funding survey river bridge "
    "school hospital report committee figures office station market winter summer"
).split()


def paragraph(seed: int, words: int = 60) -> str:
    return " ".join(WORDS[(seed * 7 + i * 3) % len(WORDS)] for i in range(words)).capitalize() + "."


def make_article(
    *,
    title: str = "Harbour ferry returns after two years",
    sections: int = 6,
    paragraphs: int = 6,
    content_hash: str = "hash-ferry",
    url: str | None = "https://example.org/news/ferry-returns",
    published: str | None = "2024-05-21",
    site: str | None = "Kelmouth Courier",
    authors: tuple[str, ...] = ("Ann Example",),
    headlines: tuple[Headline, ...] = (),
    extra_quotes: tuple[Quote, ...] = (),
    path: str = "ferry.html",
) -> Article:
    """An article long enough to scroll: a lead section, then titled sections with quotes in them."""
    built = []
    lead = tuple(Block("paragraph", paragraph(n)) for n in range(paragraphs))
    built.append(Section(None, 0, lead))
    for s in range(1, sections):
        heading = f"Part {s}: the {WORDS[s % len(WORDS)]} question"
        blocks = [Block("heading", heading, level=2)]
        for p in range(paragraphs):
            text = paragraph(s * 10 + p)
            if p == 2:
                text = f"The mayor said “the {WORDS[s % len(WORDS)]} will be ready by June” on Friday. " + text
            blocks.append(Block("paragraph", text))
        blocks.append(Block("list_item", "A list item with a link to the council site.",
                            links=(Link("council site", "https://example.org/council", 31, 43),)))
        blocks.append(Block("blockquote", "A block quote that stands apart from the text."))
        built.append(Section(heading, 2, tuple(blocks)))
    quotes = []
    for s in (2, 4):
        text = built[s].blocks[3].text
        start = text.index("“") + 1
        end = text.index("”")
        quotes.append(Quote(text[start:end], "Mayor Jo Bloggs" if s == 2 else "Deputy Sam Roe", "said", s, 3, start, end))
    return Article(
        path=path,
        format="html",
        metadata=Metadata(title=title, authors=authors, site=site, published=published, url=url),
        sections=tuple(built),
        quotes=(*quotes, *extra_quotes),
        headlines=headlines,
        content_hash=content_hash,
    )


def stub_library(monkeypatch, folder: Path, articles: dict[str, Article | str]) -> None:
    """Files named after the keys; loading returns the hand-built article, or the error string
    (for the reader, and for the library index, which reads small libraries in this process)."""
    import tui_reader.core
    from tui_reader.core.model import ArticleError

    folder.mkdir(parents=True, exist_ok=True)
    for name in articles:
        (folder / name).write_text("stub\n", encoding="utf-8")

    def load_article(path, *args, **kwargs):
        value = articles[Path(path).name]
        if isinstance(value, str):
            raise ArticleError(str(path), value)
        return value

    monkeypatch.setattr(tui_reader.core, "load_article", load_article, raising=False)


def strip_text(strip) -> str:
    return "".join(segment.text for segment in strip)


def body_text(body) -> str:
    """Every line of the body as it would be painted, top to bottom."""
    body.layout_lines()
    width = body.scrollable_content_region.width
    lines = []
    for y in range(body.virtual_size.height):
        block = body.block_at_y(y)
        n = y - body.tops[block]
        lines.append(strip_text(body._render_text_line(block, n, width)) if 0 <= n < len(body.spans[block]) else "")
    return "\n".join(lines)


# ------------------------------------------------------------------------------------------------
# Pilot helpers


async def settled(pilot) -> None:
    """Everything started so far has run: pending messages, then every worker, then their messages;
    on the library, until its refresh has been shown (a loaded machine may deliver it a few pauses late,
    and keys pressed before it would meet the list it re-sorts)."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    for _ in range(200):
        if getattr(pilot.app.screen, "loaded", True):
            break
        await pilot.pause(0.01)


async def reader_complete(pilot):
    """The reader shown, with what comes right after its first paint: the sidebar's lists and the footer."""
    from textual.widgets._footer import FooterKey

    from tui_reader.ui.screens.reader import ReaderScreen

    for _ in range(300):
        screen = pilot.app.screen
        if isinstance(screen, ReaderScreen) and screen.quotes.is_mounted and screen.query(FooterKey):
            return screen
        await pilot.pause(0.01)
    raise AssertionError(f"the reader never completed (screen: {pilot.app.screen!r})")


def one_file_app(article: Article):
    """An app started on one hand-built article, as if its file had been given on the command line."""
    from concurrent.futures import Future

    from tui_reader.ui.app import create_app
    from tui_reader.ui.background import LoadedFile

    done: Future = Future()
    done.set_result(LoadedFile(Path(article.path), article=article))
    return create_app([article.path], preload=done)


async def open_reader(pilot, article):
    """Open `article` in the reader and wait until it is complete."""
    from tui_reader.ui.screens.reader import ReaderScreen

    await pilot.pause()
    pilot.app.open_article(article)
    await pilot.pause()
    assert isinstance(pilot.app.screen, ReaderScreen)
    return await reader_complete(pilot)
