"""Our linear `readability_clean` gives exactly what readability's own `clean` gives."""

from __future__ import annotations

import readability.readability as readability_module
from hypothesis import given, settings
from hypothesis import strategies as st

from tui_reader.core.extract import html_container
from tui_reader.core.extract.readability_text import clean as readability_clean
from tui_reader.core.extract.readability_text import clean_length, engine, text_length

CLEAN = readability_module.clean  # as published: ours never replaces it there
WHITE = st.sampled_from([" ", "\t", "\n", "\r", "\xa0", "\u3000", "\f", "\u2028", "a", "b", ",", "x y"])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(WHITE, st.integers(1, 400).map(lambda n: " " * n), st.integers(1, 300).map(lambda n: " \t" * n)),
                max_size=40))
def test_same_result_as_readability(pieces):
    text = "".join(pieces)
    assert readability_clean(text) == CLEAN(text)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(WHITE, st.integers(1, 400).map(lambda n: " " * n), st.integers(1, 300).map(lambda n: " \t" * n),
                          st.integers(1, 300).map(lambda n: "\n " * n)), max_size=40))
def test_same_length_as_readability_without_building_the_text(pieces):
    text = "".join(pieces)
    assert clean_length(text) == len(CLEAN(text))


def test_our_readability_uses_ours():
    assert engine.text_length is text_length
    assert text_length.__globals__["clean"] is readability_clean
    assert html_container.ArticleDocument.score_paragraphs.__globals__["clean"] is readability_clean


def test_published_readability_left_as_it_is():
    """Other users of readability-lxml in the process (and the bench's reference) get the library as published."""
    assert readability_module.clean is not readability_clean
    assert readability_module.text_length.__globals__["clean"] is readability_module.clean
    assert readability_module.Document is not html_container.ArticleDocument.__mro__[1]
    assert readability_module.log.name == "readability.readability"


def test_a_tab_opening_a_run_is_counted_as_readability_replaces_it():
    # hypothesis found it: readability's `\t|[ \t]{2,}` replaces a leading tab alone, so "a\t a" keeps two spaces
    for text in ("a\t a", "a\t\tb", "a \tb", "a\t \tb", "x\ty"):
        assert clean_length(text) == len(CLEAN(text)), text
