"""`load_article(path) -> Article`: the one way into the core for the CLI, the UI, benches and tests."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import replace
from os import PathLike
from pathlib import Path

from tui_reader.core import urls
from tui_reader.core.attribution.quotes import find_quotes
from tui_reader.core.extract.byline import take_byline
from tui_reader.core.extract.dates import normalise_date
from tui_reader.core.extract.decode import MAX_CHARS, RawArticle, read_article
from tui_reader.core.extract.language import checked_language, guess_language
from tui_reader.core.extract.markdown import parse_markdown
from tui_reader.core.extract.people import clean_authors
from tui_reader.core.extract.sections import build_sections
from tui_reader.core.extract.text_scrape import is_chrome, parse_scrape
from tui_reader.core.extract.title_parts import split_title
from tui_reader.core.ingest.header import SavedNote, note_from_front_matter, read_note, split_front_matter
from tui_reader.core.model import (
    Article,
    ArticleError,
    Block,
    BlockKind,
    Headline,
    MetadataDraft,
    Section,
    as_author,
)

# The HTML machinery (readability, lxml, metadata, linked headlines) is imported by `_from_html`
# on first use: a text or Markdown article, the common case at start-up, never pays for it.


def load_article(path: str | PathLike, *, analyse: bool = True) -> Article:
    """Read, decode, clean and analyse one saved article. Raises `ArticleError` for bad input.

    `analyse=False` skips quotes and linked headlines (benchmarks measure their cost with it).
    """
    path = Path(path)
    raw = read_article(path)
    try:
        if raw.format == "html":
            article = _from_html(raw, analyse)
        elif raw.format == "markdown":
            article = _from_markdown(raw, analyse)
        else:
            article = _from_text(raw, analyse)
    except RecursionError:
        raise ArticleError(str(path), "document structure too deeply nested to read") from None
    return article


def _sections(blocks: Sequence[Block], title: str | None) -> tuple[Section, ...]:
    return build_sections(_drop_title_heading(blocks, title))


def _finish(raw: RawArticle, meta: MetadataDraft, sections: tuple[Section, ...], analyse: bool,
            headlines: Sequence[Headline] = (), warnings: Sequence[str] = (), note: SavedNote | None = None) -> Article:
    note = note or SavedNote()
    meta.accessed = note.accessed
    meta.url = meta.url or note.url
    if not meta.language:
        meta.language = guess_language(" ".join(b.text for s in sections for b in s.blocks))
    else:  # as declared, unless the article's prose is plainly in another language
        prose = " ".join(b.text for s in sections for b in s.blocks if b.kind in ("paragraph", "list_item", "heading"))
        meta.language = checked_language(meta.language, prose, meta.title)
    warnings = list(raw.warnings) + list(warnings)
    if not sections:
        warnings.append("no article text found")
    return Article(
        path=raw.path,
        format=raw.format,
        metadata=meta.freeze(),
        sections=sections,
        quotes=find_quotes(sections, meta.language, meta.title) if analyse else (),
        headlines=tuple(headlines) if analyse else (),
        warnings=tuple(warnings),
        content_hash=hashlib.sha256(raw.data).hexdigest(),
        tags=note.tags,
    )


def _drop_title_heading(blocks: Sequence[Block], title: str | None) -> list[Block]:
    """The page's own headline repeated as the body's first heading is header, not body."""
    blocks = list(blocks)
    if title:
        key = _key(title)
        for i, block in enumerate(blocks[:3]):
            if block.kind == BlockKind.HEADING and _key(block.text) == key:
                return blocks[:i] + blocks[i + 1 :]
    return blocks


def _key(text: str) -> str:
    return re.sub(r"\W+", "", text).casefold()


def _from_html(raw: RawArticle, analyse: bool) -> Article:
    from tui_reader.core.attribution.headlines import find_html_headlines
    from tui_reader.core.extract.html_body import TooDeep, extract_body, slim_html
    from tui_reader.core.extract.html_meta import html_metadata, page_address
    from tui_reader.core.extract.html_tidy import tidy_blocks

    markup = _within_limit(raw.path, slim_html(raw.text), "of markup without scripts and images")
    try:
        body = extract_body(markup)
    except TooDeep as exc:
        raise ArticleError(raw.path, str(exc)) from None
    meta = html_metadata(body.root, raw.text)
    address = page_address(body.root, meta.url, raw.text)
    sections = _sections(take_byline(tidy_blocks(body.blocks(address)), meta), meta.title)
    headlines = (find_html_headlines(body.root, meta.url, sections, meta.title, address=address)
                 if analyse else ())
    return _finish(raw, meta, sections, analyse, headlines, body.warnings, read_note(raw.text))


def _within_limit(path: str, content: str, what: str) -> str:
    if len(content) > MAX_CHARS:
        raise ArticleError(path, f"too large: {len(content) / 1e6:.0f} million characters {what} "
                           f"(the limit is {MAX_CHARS / 1e6:.0f} million)")
    return content


def _from_text(raw: RawArticle, analyse: bool) -> Article:
    front, text = split_front_matter(_within_limit(raw.path, raw.text, "of text"))
    scrape = parse_scrape(text)
    meta = MetadataDraft(title=scrape.title, authors=tuple(as_author(a) for a in scrape.authors), site=scrape.site,
                         published=scrape.published)
    headlines = [Headline(text, None) for text in scrape.headlines]
    return _finish(raw, meta, _sections(scrape.blocks, scrape.title), analyse, headlines,
                   note=note_from_front_matter(front))


def _from_markdown(raw: RawArticle, analyse: bool) -> Article:
    doc = parse_markdown(_within_limit(raw.path, raw.text, "of text"))
    fm = doc.meta
    first = lambda *keys: next((fm[k] for k in keys if isinstance(fm.get(k), str) and fm[k]), None)  # noqa: E731
    source = first("source") or ""
    if source.startswith("//"):  # an address without its scheme ("//us.yahoo.com/news/")
        source = f"https:{source}"
    if urls.scheme(source) in ("http", "https"):  # a clipper's "source:" is the page's address
        fm = {**{k: v for k, v in fm.items() if k != "source"}, "source_url": source}
    authors = fm.get("authors") or fm.get("author") or []
    if isinstance(authors, str):
        authors = [authors]
    title = first("title", "headline")
    blocks = list(doc.blocks)
    if not title:
        title = next((b.text for b in blocks[:3] if b.kind == BlockKind.HEADING and b.level == 1), None)
    meta = MetadataDraft(
        title=title,
        authors=tuple(as_author(a) for a in clean_authors(authors)),
        site=first("site", "site_name", "publisher", "source", "publication"),
        published=normalise_date(first("date", "published", "pubdate", "date_published")),
        url=first("url", "canonical_url", "canonical", "link", "source_url"),
        language=first("lang", "language"),
    )
    if first("publisher") != meta.site:
        meta.publisher = first("publisher")
    if title and not meta.site:
        meta.title, meta.site = _site_from_title(title, meta.url, [a.name for a in meta.authors])
    if not meta.published and (modified := normalise_date(first("modified", "lastmod", "updated", "date_modified"))):
        meta.published, meta.revised = modified, True  # dated only by its last revision
    elif not meta.published and (reviewed := normalise_date(first("reviewed", "last_reviewed"))):
        meta.published, meta.revised, meta.reviewed = reviewed, True, True  # dated only by its last review
    base = meta.url
    blocks = [_absolute_links(b, base) for b in take_byline(blocks, meta) if not _clipped_chrome(b)]
    sections = _sections(blocks, title)
    related = [Headline(text, _absolute(url, base)) for text, url in doc.headlines]  # the closing list
    in_body = _body_headlines(sections, base, title) if analyse else []
    seen = {h.url for h in in_body}
    headlines = in_body + [h for h in related if h.url not in seen]  # page order
    return _finish(raw, meta, sections, analyse, headlines, note=note_from_front_matter(fm))


def _clipped_chrome(block: Block) -> bool:
    """A short paragraph a clipper took with the article that is the page's UI: "Advertisement", "Continue
    reading the main story", "Share on Facebook" (the text scrape's rules for such lines, without its language
    tests: a Markdown note is written, not copied from a page in another language)."""
    return (block.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM) and len(block.text.split()) <= 8
            and is_chrome(block.text, None, None))


def _site_from_title(title: str, url: str | None, authors: list[str]) -> tuple[str, str | None]:
    """A web clipper keeps the page's <title>, with what the page put after the headline: the site's name
    where the page's address names it too ("… - BBC News" from bbc.com), or the author's ("… | Eleanor Ainge
    Roy"). Either goes from the title; the site's is the site. Anything else stays: it may be the headline's."""
    headline, suffix = split_title(title, None)
    if not suffix:
        return title, None
    squashed = _key(suffix)
    if any(_key(name) == squashed for name in authors):
        return headline, None
    label = urls.host(url).removeprefix("www.").split(".")[0] if url else ""
    if len(label) >= 3 and (squashed.startswith(label) or label.startswith(squashed.removeprefix("the"))
                            or squashed.removeprefix("the").startswith(label)):
        return headline, suffix
    return title, None


def _body_headlines(sections: Sequence[Section], base: str | None, title: str | None) -> list[Headline]:
    """Linked headlines among a non-HTML body's links, judged by the same rules as a web page's:
    the blocks are laid out as a small HTML document for `find_html_headlines`."""
    if not any(b.links for s in sections for b in s.blocks):
        return []
    from lxml import etree
    from lxml import html as lxml_html

    from tui_reader.core.attribution.headlines import find_html_headlines

    tags = {BlockKind.HEADING: "h2", BlockKind.LIST_ITEM: "li", BlockKind.BLOCKQUOTE: "blockquote",
            BlockKind.FIGURE: "figcaption", BlockKind.PREFORMATTED: "pre", BlockKind.TABLE: "pre"}
    root = lxml_html.Element("html")
    body = etree.SubElement(root, "body")
    for block in (b for s in sections for b in s.blocks):
        element = etree.SubElement(body, tags.get(block.kind, "p"))
        element.text, last, pos = "", element, 0
        for link in block.links:
            before = block.text[pos : link.start]
            if last is element:
                element.text += before
            else:
                last.tail = (last.tail or "") + before
            last = etree.SubElement(element, "a", href=link.url)
            last.text = block.text[link.start : link.end]
            pos = link.end
        rest = block.text[pos:]
        if last is element:
            element.text += rest
        else:
            last.tail = rest
    return list(find_html_headlines(root, base, sections, title))


def _absolute(url: str | None, base: str | None) -> str | None:
    if not url or not base:
        return url
    return urls.join(base, url) or url


def _absolute_links(block: Block, base: str | None) -> Block:
    if not block.links or not base:
        return block
    links = tuple(replace(link, url=_absolute(link.url, base)) for link in block.links)
    return replace(block, links=links)
