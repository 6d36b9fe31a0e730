"""Large generated inputs: the quote finder and the name registry stay linear (n log n) in the
text. These assert results, not times; a quadratic path makes them run for minutes."""

from __future__ import annotations

import sys

import pytest

from tui_reader.core import Block, Section
from tui_reader.core.attribution.quotes import find_quotes
from tui_reader.core.attribution.speakers import LANGUAGES
from tui_reader.core.attribution.speakers.registry import Registry

N = 3000


def test_thousands_of_quotes_in_one_paragraph_without_a_sentence_end():
    # ~250 KB in one paragraph: every quotation looks back for its attribution in the same
    # (endless) sentence, and single marks nest inside double ones
    people = [f"Ann Lee{k}" for k in range(7)]
    para = " ".join(
        f"{people[i % 7]} said \"we will build 'bridge number {i}' very soon\" and" for i in range(N)
    )
    quotes = find_quotes((Section(None, 0, (Block("paragraph", para),)),), "en")
    assert len(quotes) == N
    assert [q.speaker for q in quotes] == [people[i % 7] for i in range(N)]
    assert all(q.text == f"we will build 'bridge number {i}' very soon" for i, q in enumerate(quotes))


def test_thousands_of_people_sharing_a_surname():
    paragraphs = [f'Kim{i} Smith met the expert Tom{i} Lee. "We will build bridge {i} next year," the expert said.'
                  for i in range(N)]
    quotes = find_quotes((Section(None, 0, tuple(Block("paragraph", p) for p in paragraphs)),), "en")
    assert [q.speaker for q in quotes] == [f"Tom{i} Lee" for i in range(N)]


def test_registry_fullest_names_with_many_people():
    text = " ".join(f"Kim{i} Smith spoke." for i in range(N)) + " Elise Matthesen spoke."
    reg = Registry([text], ["paragraph"], LANGUAGES["en"])
    assert reg.fullest(("Smith",)) is None  # thousands share it
    assert reg.fullest(("Kim7", "Smith")).display == "Kim7 Smith"
    assert reg.fullest(("Kim7",)).display == "Kim7 Smith"
    assert reg.fullest(("Matthesen",)).display == "Elise Matthesen"


def _work(fn) -> int:
    """Lines of Python run by fn(): a count of work that does not depend on the machine's speed."""
    count = 0

    def trace(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return trace

    sys.settrace(trace)
    try:
        fn()
    finally:
        sys.settrace(None)
    return count


GENERATED = {
    "a run of capitalized words": "Rock Hall Fame Induction ",
    "a name chained by 'of'": "University of Bank of ",
    "possessive names": "Smith's Jones's ",
    "one long sentence of commas and quotations": 'In Paris, Anna, Bob, "we will build it soon" and said ',
    "names and statements": 'Acme Inc. issued a statement. "We did nothing wrong at all," the statement said. ',
}


@pytest.mark.parametrize("piece", GENERATED.values(), ids=GENERATED.keys())
def test_attribution_work_grows_linearly_with_the_text(piece):
    def run(size: int) -> int:
        text = '"We have a quote here," she said. ' + piece * (size // len(piece))
        return _work(lambda: find_quotes((Section(None, 0, (Block("paragraph", text),)),), "en"))

    small, big = run(2500), run(10000)
    assert big <= 5 * small  # four times the text: about four times the work, not sixteen


def test_the_name_index_grows_linearly_with_a_run_of_capitalized_words():
    def index_size(words: int) -> int:
        reg = Registry([" ".join(["Rock", "Hall", "Fame"] * (words // 3))], ["paragraph"], LANGUAGES["en"])
        chained = sum(len(c.core) for cs in reg.chains for c in cs)
        return chained + sum(len(k) for k in reg.names.by_ending) + sum(len(k) for k in reg.names.by_start)

    assert 0 < index_size(4000) <= 5 * index_size(1000)
