"""The article model: frozen dataclasses that every part of tui-reader shares.

`load_article(path)` builds an `Article`; the CLI, the UI, the benchmarks and
the tests only ever read these objects.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, fields, make_dataclass
from enum import StrEnum


class BlockKind(StrEnum):
    """What a body block is. A StrEnum: `block.kind == "heading"` and JSON output keep working."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    BLOCKQUOTE = "blockquote"
    FIGURE = "figure"  # a caption
    PREFORMATTED = "preformatted"
    TABLE = "table"  # a table: a line a row, cells between pipes, columns aligned (a GitHub-flavoured Markdown table)


BLOCK_KINDS = tuple(BlockKind)
# Kinds kept line by line as written (code, a table's rows): never wrapped, never narrative to read quotations in.
VERBATIM_KINDS = (BlockKind.PREFORMATTED, BlockKind.TABLE)

WORDS_PER_MINUTE = 230
# Letters of the scripts written without spaces between words: Thai, Lao, Myanmar, Khmer, kana, CJK
# ideographs. A regex character class, for the word count, the choice of a page's container and line breaks.
UNSPACED_SCRIPTS = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff"
_UNSPACED = re.compile(f"[{UNSPACED_SCRIPTS}]")


def words_in(text: str) -> float:
    """Words as a reader counts them: in scripts written without spaces (Chinese, Japanese, Thai …) two
    characters count as a word (a run between spaces there is a whole sentence)."""
    unspaced = len(_UNSPACED.findall(text))
    if not unspaced:
        return len(text.split())
    runs = text.split()  # a run holding such characters counts by them, not as one word (linear: no regex scan)
    return len(runs) + unspaced / 2 - sum(1 for run in runs if _UNSPACED.search(run))


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

    kind: BlockKind
    text: str
    level: int = 0  # heading level 1-6; 0 for other kinds
    links: tuple[Link, ...] = ()
    number: int | None = None  # an item of a numbered list: its number ("2." before it), shown, not in `text`


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


AUTHOR_KINDS = ("person", "organization")


@dataclass(frozen=True)
class Author:
    """One author as the page names it: a person ("Ann Lee") or an organisation ("Queensland Health")."""

    name: str
    kind: str = "person"  # one of AUTHOR_KINDS

    def __str__(self) -> str:
        return self.name


def as_author(value: Author | str) -> Author:
    """An `Author`; a bare name is tidied and classified by its words (`people.author`)."""
    if isinstance(value, Author):
        return value
    from tui_reader.core.extract.people import author

    return author(str(value))


@dataclass(frozen=True)
class Metadata:
    """What is known about the article, for the header, the library and citations.

    `published` has the precision the page gives: "YYYY", "YYYY-MM", "YYYY-MM-DD" or a full ISO 8601
    timestamp (no day is ever invented). `publisher` is the owner or publisher where the page names
    one besides the site. `kind` is a CSL type. `authors` given as bare names become `Author`s.
    `revised`: `published` is the day the page was last modified, because it states no publication
    date (Chicago writes "last modified", CMOS 17 §14.13); with `reviewed`, the page calls that day
    the one it was last reviewed (schema.org lastReviewed, "Page last reviewed: ..."). `blog`: a post's
    blog, named by the page (JSON-LD isPartOf), where a larger site hosts it.
    """

    title: str | None = None
    authors: tuple[Author, ...] = ()
    site: str | None = None
    published: str | None = None
    url: str | None = None
    language: str | None = None
    kind: str = "article-newspaper"  # CSL type: article-newspaper, webpage, post-weblog
    accessed: str | None = None  # "YYYY-MM-DD": the day the page was saved (a citation's access date)
    publisher: str | None = None
    revised: bool = False
    reviewed: bool = False
    blog: str | None = None  # the blog a post belongs to where it is not the site ("Notes & Theories" on the Guardian)

    def __post_init__(self) -> None:
        if not all(isinstance(a, Author) for a in self.authors):
            object.__setattr__(self, "authors", tuple(as_author(a) for a in self.authors))


def _freeze(draft) -> Metadata:
    return Metadata(**{f.name: getattr(draft, f.name) for f in fields(draft)})


# Metadata while it is being gathered (the page's head, then byline lines at the top of the body):
# the same fields, mutable; `freeze()` makes the Metadata.
MetadataDraft = make_dataclass(
    "MetadataDraft",
    [(f.name, f.type, field(default=f.default)) for f in fields(Metadata)],
    namespace={"freeze": _freeze, "__module__": __name__},
)


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
        """Words as a reader counts them; in scripts written without spaces (Chinese, Japanese, Thai …)
        two characters count as a word (a run between spaces there is a whole sentence)."""
        return round(sum(words_in(block.text) for block in self.blocks))

    @property
    def reading_minutes(self) -> int:
        words = self.word_count
        return max(1, math.ceil(words / WORDS_PER_MINUTE)) if words else 0

    def block_at(self, section: int, block: int) -> Block:
        return self.sections[section].blocks[block]
