"""The article model: frozen dataclasses that every part of tui-reader shares.

`load_article(path)` builds an `Article`; the CLI, the UI, the benchmarks and
the tests only ever read these objects.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

BLOCK_KINDS = ("heading", "paragraph", "list_item", "blockquote", "figure", "preformatted")

WORDS_PER_MINUTE = 230


class ArticleError(Exception):
    """A file that cannot be read as an article; the message is one line for people."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True)
class Link:
    """A link inside a block: `start`/`end` are character offsets in the block's text."""

    text: str
    url: str
    start: int
    end: int


@dataclass(frozen=True)
class Block:
    """One unit of the body: a heading, paragraph, list item, block quote, figure caption or code."""

    kind: str
    text: str
    level: int = 0  # heading level 1-6; 0 for other kinds
    links: tuple[Link, ...] = ()


@dataclass(frozen=True)
class Section:
    """Blocks from one heading to the next. The lead section (before any heading) has no title.

    A titled section's first block is its heading block.
    """

    title: str | None
    level: int
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Quote:
    """A direct quotation. `start`/`end` index into `article.sections[section].blocks[block].text`.

    A quote that runs over several blocks ends in a later block: `end_block` says which
    (equal to `block` for a one-block quote) and `end` indexes into that block's text.
    """

    text: str
    speaker: str | None
    cue: str | None
    section: int
    block: int
    start: int
    end: int
    end_block: int | None = None


@dataclass(frozen=True)
class Headline:
    """A linked headline (related article). `section`/`block` are set where it stood in the body."""

    text: str
    url: str | None
    section: int | None = None
    block: int | None = None


@dataclass(frozen=True)
class Metadata:
    title: str | None = None
    authors: tuple[str, ...] = ()
    site: str | None = None
    published: str | None = None  # "YYYY-MM-DD" or full ISO 8601
    url: str | None = None
    language: str | None = None
    kind: str = "article-newspaper"  # CSL type: article-newspaper, webpage, post-weblog
    accessed: str | None = None  # "YYYY-MM-DD": the day the page was saved (a citation's access date)


@dataclass(frozen=True)
class Article:
    path: str
    format: str  # "html" | "text" | "markdown"
    metadata: Metadata
    sections: tuple[Section, ...]
    quotes: tuple[Quote, ...] = ()
    headlines: tuple[Headline, ...] = ()
    warnings: tuple[str, ...] = ()
    content_hash: str = ""  # sha256 of the file's bytes: identity that survives a rename
    tags: tuple[str, ...] = ()  # the user's tags, from the note `save`/`import` wrote (core/ingest/header)

    @property
    def title(self) -> str | None:
        return self.metadata.title

    @property
    def blocks(self) -> tuple[Block, ...]:
        return tuple(b for s in self.sections for b in s.blocks)

    @property
    def text(self) -> str:
        return "\n\n".join(b.text for b in self.blocks)

    @property
    def word_count(self) -> int:
        return sum(len(b.text.split()) for b in self.blocks)

    @property
    def reading_minutes(self) -> int:
        words = self.word_count
        return max(1, math.ceil(words / WORDS_PER_MINUTE)) if words else 0

    def block_at(self, section: int, block: int) -> Block:
        return self.sections[section].blocks[block]
