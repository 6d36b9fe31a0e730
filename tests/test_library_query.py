"""The library's search language, turned into FTS5 queries."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui_reader.core.library.query import QuerySyntaxError, find_match, parse_query
from tui_reader.core.model import Article, Block, Metadata, Section


def test_terms_fields_phrases_prefixes():
    q = parse_query('nato "seek confrontation" confront* speaker:"Jens Stoltenberg" site:bbc -russia')
    (group,) = q.groups
    assert [(t.text, t.field, t.phrase, t.prefix, t.negated) for t in group] == [
        ("nato", None, False, False, False),
        ("seek confrontation", None, True, False, False),
        ("confront", None, False, True, False),
        ("Jens Stoltenberg", "speaker", True, False, False),
        ("bbc", "site", False, False, False),
        ("russia", None, False, False, True),
    ]
    assert q.fts() == ('(("nato" AND "seek confrontation" AND "confront"* AND speakers : "Jens Stoltenberg" '
                       'AND site : "bbc") NOT ("russia"))')


def test_or_splits_groups():
    q = parse_query("a b OR c")
    assert [[t.text for t in g] for g in q.groups] == [["a", "b"], ["c"]]
    assert q.fts() == '("a" AND "b") OR ("c")'


def test_quotes_inside_words_are_escaped():
    assert parse_query("rock'n'roll").fts() == '("rock\'n\'roll")'


@pytest.mark.parametrize("query, fragment", [
    ('"open', "never closed"), ("foo:bar", "unknown field"), ("speaker:", "needs"), ("-x", "excluded"),
    ("x OR", "OR"), ("OR x", "OR"), ("x OR OR y", "OR"), ("co*nf", "end of a word"), ("", "nothing"),
    ("?!", "nothing"), ('"a"b', "space"),
])
def test_bad_syntax_messages(query, fragment):
    with pytest.raises(QuerySyntaxError) as info:
        parse_query(query)
    assert fragment in str(info.value)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list('ab "*:-()^{}ORNEAT\'.é\tспикер') + ["speaker:", "title:", " OR ", "foo:"]),
                max_size=20).map("".join))
def test_any_text_is_a_valid_fts5_query_or_a_syntax_error(text):
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE fts USING fts5(title, authors, site, speakers, quotes, headlines, body)")
    db.execute("INSERT INTO fts VALUES ('a', 'b', 'c', 'd', 'e', 'f', 'a b é спикер')")
    try:
        query = parse_query(text)
    except QuerySyntaxError:
        return
    db.execute("SELECT rowid FROM fts WHERE fts MATCH ?", (query.fts(),)).fetchall()


def _article(*texts: str) -> Article:
    blocks = tuple(Block("paragraph", t) for t in texts)
    return Article("x.txt", "text", Metadata(title="T"), (Section(None, 0, blocks),))


def test_find_match_ignores_case_and_diacritics():
    article = _article("Nothing here.", "The CAFÉ closed; the café reopened.", "Café again")
    where = find_match(article, "cafe")
    assert (where.section, where.block, where.start, where.end) == (0, 1, 4, 8)
    where = find_match(article, '"café reopened"')
    assert article.blocks[where.block].text[where.start:where.end] == "café reopened"
    assert find_match(article, "reop*").start == article.blocks[1].text.index("reopened")
    assert find_match(article, "site:bbc") is None
    assert find_match(article, "caf") is None
