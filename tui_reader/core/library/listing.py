"""What a list of index entries is used for, with no UI: sorting and filtering the library's rows,
finding the entry a linked headline points to, and citing an entry without reading its file."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar

from tui_reader.core import urls
from tui_reader.core.cite.overrides import apply_overrides
from tui_reader.core.library.query import fold_text
from tui_reader.core.model import Article, Headline, Quote

if TYPE_CHECKING:  # the index imports this module
    from tui_reader.core.library.index import IndexEntry


def _date_key(entry: IndexEntry) -> str:
    return entry.published or ""


def _text_key(value: str | None) -> str:
    """Alphabetical order as a reader expects it: case and accents aside ("À Bréval" among the A's, not after
    "Zürich"), and leading quotation marks and punctuation skipped ("'What is the sea…'" among the W's)."""
    return _LEADING_MARKS.sub("", fold_text(value or ""))


_LEADING_MARKS = re.compile(r"^[\W_]+")


# column key -> (label, key function, newest/largest first by default)
SORTS: dict[str, tuple[str, Callable[[IndexEntry], object], bool]] = {
    "title": ("title", lambda e: _text_key(e.display_title), False),
    "site": ("site", lambda e: _text_key(e.site), False),
    "date": ("date", _date_key, True),
    "words": ("words", lambda e: e.words, True),
    "quotes": ("quotes", lambda e: e.quote_count, True),
}


def sort_entries(entries: Iterable[IndexEntry], key: str, reverse: bool = False) -> list[IndexEntry]:
    """Sorted by `key`; unreadable files always last. `reverse` flips the default direction."""
    _, fn, descending = SORTS[key]
    entries = list(entries)
    good = [e for e in entries if e.error is None]
    bad = [e for e in entries if e.error is not None]
    if key == "date":  # undated articles after dated ones, whichever the direction
        dated = sorted((e for e in good if e.published), key=fn, reverse=descending != reverse)
        good = dated + sorted((e for e in good if not e.published), key=SORTS["title"][1])
    elif key == "site":  # articles that name no site after the others, whichever the direction (QA)
        sited = sorted((e for e in good if fn(e)), key=fn, reverse=descending != reverse)
        good = sited + sorted((e for e in good if not fn(e)), key=SORTS["title"][1])
    else:
        good = sorted(good, key=fn, reverse=descending != reverse)
    return good + sorted(bad, key=lambda e: e.name)


def matches_filter(entry: IndexEntry, text: str) -> bool:
    """Every word of `text` appears in the title, site, authors, tags or file name (case-insensitive)."""
    return filter_rank(entry, text.casefold().split()) is not None


@lru_cache(maxsize=64)
def _word_start(word: str) -> re.Pattern:
    return re.compile(r"(?<!\w)" + re.escape(word))


def searchable(entry: IndexEntry) -> tuple[str, str]:
    """What the filter looks in, casefolded: the title, and the title with the file name, site,
    authors and tags (only the file name for an unreadable file)."""
    title = (entry.title or "").casefold() if entry.error is None else ""
    others = [entry.name, *((entry.site or "", *entry.authors, *entry.tags) if entry.error is None else ())]
    return title, " ".join([title, *others]).casefold()


def filter_rank(entry: IndexEntry, words: list[str], texts: tuple[str, str] | None = None) -> int | None:
    """How well casefolded `words` match: None when one is missing from the title, site, authors, tags
    and file name; 0 when each begins a word of the title ("star w" in "Star Wars Jedi"), 1 when each
    begins a word of any of them, 2 when some only appear inside a word ("star" in "restart").
    `texts`: the entry's `searchable` texts, when the caller keeps them."""
    if not words:
        return 0
    title, joined = texts or searchable(entry)
    if not all(word in joined for word in words):
        return None
    for rank, text in enumerate((title, joined)):
        if all(_word_start(word).search(text) for word in words):
            return rank
    return 2


def rank_entries(entries: Iterable[IndexEntry], text: str,
                 texts: Callable[[IndexEntry], tuple[str, str]] = searchable) -> list[IndexEntry]:
    """The entries that match the filter `text`, best matches first, keeping their order within a rank."""
    words = text.casefold().split()
    if not words:  # no filter: every entry, in its order
        return list(entries)
    ranked = [(rank, n, e) for n, e in enumerate(entries) if (rank := filter_rank(e, words, texts(e))) is not None]
    return [e for _, _, e in sorted(ranked, key=lambda item: item[:2])]


class Arrangement:
    """The rows of a list in the order shown (`sort_entries`, then `rank_entries`), kept between
    calls so that a big library is not sorted and ranked again for every key typed: the sort is
    kept until the sort or the entries change (`forget`), and a filter that extends the last one
    ranks only the entries the last one kept (typing narrows a filter, it never widens it); what
    each entry is searched by is kept too, as long as the entries are."""

    def __init__(self) -> None:
        self._sorted: tuple[str, bool, list[IndexEntry]] | None = None
        self._filtered: tuple[str, set[int]] | None = None  # the last filter and the entries it kept
        self._texts: dict[int, tuple[str, str]] = {}  # each entry's `searchable` texts, by id

    def forget(self) -> None:
        """The entries changed: sort and rank them afresh next time."""
        self._sorted = self._filtered = None
        self._texts = {}

    def _searchable(self, entry: IndexEntry) -> tuple[str, str]:
        texts = self._texts.get(entry.id)
        if texts is None:
            texts = self._texts[entry.id] = searchable(entry)
        return texts

    def rows(self, entries: Iterable[IndexEntry], key: str, reverse: bool, text: str) -> list[IndexEntry]:
        if self._sorted is None or self._sorted[:2] != (key, reverse):
            self._sorted = (key, reverse, sort_entries(entries, key, reverse))
            self._filtered = None
        ordered = self._sorted[2]
        folded = text.casefold()
        if self._filtered is not None and folded.startswith(self._filtered[0]):
            kept = self._filtered[1]
            ordered = [e for e in ordered if e.id in kept]
        rows = rank_entries(ordered, folded, self._searchable)
        self._filtered = (folded, {e.id for e in rows})
        return rows


def normalise_title(title: str | None) -> str:
    return re.sub(r"\W+", " ", (title or "").casefold()).strip()


class Linkable(Protocol):
    url: str | None
    title: str | None
    error: str | None


T = TypeVar("T", bound=Linkable)


class HeadlineLookup(Generic[T]):
    """The entries a linked headline may point to, by page address and by title (the first entry
    wins when several share one); unreadable files are left out."""

    def __init__(self, entries: Iterable[T]) -> None:
        self.by_url: dict[str, T] = {}
        self.by_title: dict[str, T] = {}
        for entry in entries:
            if entry.error is None:
                self.by_url.setdefault(urls.page_key(entry.url, query=False), entry)
                self.by_title.setdefault(normalise_title(entry.title), entry)
        self.by_url.pop("", None)
        self.by_title.pop("", None)

    def find(self, headline: Headline) -> T | None:
        """Same URL (ignoring scheme, www, query), else same title."""
        return self.by_url.get(urls.page_key(headline.url, query=False)) or self.by_title.get(normalise_title(headline.text))


def find_entry(entries: Iterable[IndexEntry], headline: Headline) -> IndexEntry | None:
    """The library entry a headline points to (see HeadlineLookup)."""
    return HeadlineLookup(entries).find(headline)


def corrected(entry: IndexEntry, overrides: dict | None) -> IndexEntry:
    """The entry as the user corrected its article's details (`e` in the reader; stored by content hash):
    the list, its sort and filter, and citations made from the list agree with the reader."""
    if not overrides:
        return entry
    md = apply_overrides(entry.metadata, overrides)
    return dataclasses.replace(entry, title=md.title, authors=tuple(a.name for a in md.authors), site=md.site,
                               published=md.published, url=md.url, language=md.language, kind=md.kind)


def light_article(entry: IndexEntry, quotes: tuple[Quote, ...] = ()) -> Article:
    """An Article with the entry's metadata and no body: enough to cite it without reading the file."""
    return Article(path=entry.path, format=entry.format or "html", metadata=entry.metadata, sections=(),
                   quotes=quotes, content_hash=entry.content_hash or "")


def find_quote(article: Article, quote: Quote) -> Quote | None:
    """The article's own quote for one found in the index (the file may have changed since)."""
    if quote in article.quotes:
        return quote
    text = " ".join(quote.text.split())
    return next((q for q in article.quotes if " ".join(q.text.split()) == text), None)
