"""The search language of the library, turned into an SQLite FTS5 query.

    words              every word, anywhere (title, authors, site, speakers, quotes, headlines, body)
    "exact phrase"     the words in this order
    confront*          any word starting with "confront"
    speaker:Stoltenberg  speaker:"Jens Stoltenberg"   site:bbc   author:lee   title:nato   quote:afraid
    tag:europe         articles with that tag (from `save`/`import`)
    -word              articles without the word
    a OR b             either side (each side may have several words)

Nothing the user types reaches FTS5 unquoted, so FTS5's own syntax never surprises anyone; a
query this module cannot read raises `QuerySyntaxError` with a message for people.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from tui_reader.core.model import Article

# field name typed by the user -> FTS5 column
FIELDS = {
    "speaker": "speakers",
    "site": "site",
    "author": "authors",
    "title": "title",
    "quote": "quotes",
    "headline": "headlines",
    "tag": "tags",
}

_FIELD_LIST = ", ".join(f"{name}:" for name in FIELDS)


class QuerySyntaxError(ValueError):
    """A search the library cannot read; `str(exc)` is one line for people, `position` the character."""

    def __init__(self, message: str, position: int | None = None) -> None:
        super().__init__(message)
        self.position = position


@dataclass(frozen=True)
class Term:
    text: str
    field: str | None = None  # a key of FIELDS
    phrase: bool = False
    prefix: bool = False
    negated: bool = False

    @property
    def words(self) -> list[str]:
        return re.findall(r"\w+", fold_text(self.text))


@dataclass
class Query:
    text: str
    groups: list[list[Term]] = field(default_factory=list)  # OR of groups; a group is AND of terms

    def fts(self, exclude: set[Term] | frozenset = frozenset()) -> str:
        """The FTS5 MATCH expression, leaving out `exclude` (filters the caller applies itself)."""
        parts = []
        for group in self.groups:
            positive = [_fts_term(t) for t in group if not t.negated and t not in exclude]
            negative = [_fts_term(t) for t in group if t.negated and t not in exclude]
            if not positive:
                continue
            expr = " AND ".join(positive)
            if negative:
                expr = f"({expr}) NOT ({' OR '.join(negative)})"
            parts.append(f"({expr})")
        return " OR ".join(parts)

    @property
    def highlight_terms(self) -> list[Term]:
        """The positive terms that can be found in an article's text (not site/author filters)."""
        return [t for g in self.groups for t in g if not t.negated and t.field in (None, "quote", "title", "headline")]


def _fts_term(term: Term) -> str:
    quoted = '"' + term.text.replace('"', '""') + '"' + ("*" if term.prefix else "")
    return f"{FIELDS[term.field]} : {quoted}" if term.field else quoted


def _has_word(text: str) -> bool:
    return any(c.isalnum() for c in text)


def parse_query(text: str) -> Query:
    query = Query(text)
    group: list[Term] = []
    i, n = 0, len(text)
    pending_or: int | None = None
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        start = i
        negated = False
        if text[i] == "-" and i + 1 < n and not text[i + 1].isspace():
            negated = True
            i += 1
        field_name = None
        m = re.match(r"([A-Za-z]+):", text[i:])
        if m and i + len(m.group(0)) <= n:
            name = m.group(1).lower()
            after = text[i + len(m.group(0)) : i + len(m.group(0)) + 1]
            if name in FIELDS:
                field_name = name
                i += len(m.group(0))
                if not after or after.isspace():
                    raise QuerySyntaxError(f"{name}: needs something after it, e.g. {name}:\"…\"", start)
            elif after and (after.isalpha() or after == '"'):
                raise QuerySyntaxError(f"unknown field {m.group(1)}: (use {_FIELD_LIST})", i)
        if i < n and text[i] == '"':
            close = text.find('"', i + 1)
            if close < 0:
                raise QuerySyntaxError(f'the " at character {i + 1} is never closed', i)
            value = text[i + 1 : close]
            i = close + 1
            prefix = i < n and text[i] == "*"
            if prefix:
                i += 1
            if i < n and not text[i].isspace():
                raise QuerySyntaxError(f'put a space after the closing " at character {close + 1}', close)
            phrase = True
        else:
            end = i
            while end < n and not text[end].isspace() and text[end] != '"':
                end += 1
            if end < n and text[end] == '"':
                raise QuerySyntaxError(f'put a space before the " at character {end + 1}', end)
            value, i = text[i:end], end
            phrase = False
            if value == "OR" and not negated and field_name is None:
                if not group or pending_or is not None:
                    raise QuerySyntaxError("OR needs words on both sides", start)
                query.groups.append(group)
                group = []
                pending_or = start
                continue
            prefix = value.endswith("*")
            value = value.rstrip("*") if prefix else value
            if "*" in value or (prefix and not value):
                raise QuerySyntaxError("* goes at the end of a word, as in confront*", start)
        if not _has_word(value):
            if field_name:
                raise QuerySyntaxError(f"{field_name}: needs a word after it", start)
            if phrase and not value.strip():
                raise QuerySyntaxError('"" is empty: put words between the quotes', start)
            continue  # punctuation on its own: nothing to look for
        if prefix and not _has_word(value[-1]):
            raise QuerySyntaxError("* goes right after a letter or digit, as in confront*", start)
        group.append(Term(value.strip(), field_name, phrase, prefix, negated))
        pending_or = None
    if pending_or is not None:
        raise QuerySyntaxError("OR needs words on both sides", pending_or)
    if group:
        query.groups.append(group)
    if not query.groups:
        raise QuerySyntaxError("nothing to search for: type a word, a \"phrase\" or a field such as speaker:name")
    for g in query.groups:
        if all(t.negated for t in g):
            raise QuerySyntaxError("a search needs at least one word that is not excluded with -")
    return query


# ------------------------------------------------------------------------------------------------
# Finding a match in a loaded article (to open it scrolled to the hit)


# Typographic apostrophes, quotation marks and hyphens are typed as the keyboard's ("let's" finds "Let’s").
_TYPED = str.maketrans({**dict.fromkeys("‘’‚‛ʼ′`", "'"), **dict.fromkeys("“”„‟″«»", '"'),
                        **dict.fromkeys("‐‑‒–—―−", "-")})


def fold_text(text: str) -> str:
    """Lower case without diacritics, the way the index's tokenizer compares words; typographic
    apostrophes, quotation marks and dashes as typed on a keyboard (one character for one)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_TYPED).casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def folded_with_offsets(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, the offset of the original character."""
    out: list[str] = []
    offsets: list[int] = []
    for k, ch in enumerate(text):
        folded = fold_text(ch)
        out.append(folded)
        offsets.extend([k] * len(folded))
    offsets.append(len(text))
    return "".join(out), offsets


def _pattern(term: Term) -> re.Pattern | None:
    words = term.words
    if not words:
        return None
    body = r"\W+".join(re.escape(w) for w in words)
    return re.compile(r"(?<!\w)" + body + ("" if term.prefix else r"(?!\w)"))


@dataclass(frozen=True)
class MatchLocation:
    section: int
    block: int
    start: int  # character offsets in the block's text
    end: int


def find_match(article: Article, query: str | Query) -> MatchLocation | None:
    """Where the first word or phrase of a search occurs in the article's text, for the reader to
    scroll to; None when the hit came from fields only (site:, author:, a speaker's name)."""
    parsed = parse_query(query) if isinstance(query, str) else query
    patterns = [p for p in (_pattern(t) for t in parsed.highlight_terms) if p]
    if not patterns:
        return None
    best: MatchLocation | None = None
    for s, section in enumerate(article.sections):
        for b, block in enumerate(section.blocks):
            folded, offsets = folded_with_offsets(block.text)
            for pattern in patterns:
                m = pattern.search(folded)
                if m and (best is None or (best.section, best.block) == (s, b) and offsets[m.start()] < best.start):
                    best = MatchLocation(s, b, offsets[m.start()], offsets[m.end()])
            if best is not None:
                return best
    return None
