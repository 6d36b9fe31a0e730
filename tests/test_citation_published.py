"""Published style-guide examples (issue 10), end to end.

Each example (APA 7, MLA 9, Chicago 17 notes and bibliography) is rebuilt as a small saved page in
fixtures/cite_published/ that carries exactly the example's data (title, authors as people or
organisations, date at the precision given, site, publisher, address, and whether it is a news
article, a web page or a blog post) in the ordinary markup of such pages, read through
`load_article`, cited, and compared with the string the source publishes. Each example names its
source in examples.json.

examples_holdout.json holds a third of the examples, written after the rules were settled and
never tuned on (`bench/citations.py` prints both counts). examples_fresh.json is a second held-out group,
collected blind in a later session from guides not used before and scored once before any change;
examples_blind.json a third, collected the same way in the session after and scored once before any
change (8/16); rules were then tuned on its misses (f7eec6e, 771cd59), so it is no longer held out.
examples_group5.json is a development group (29 examples from 12 guides not used before, collected in
session 7 to be tuned on: 12/29 before its rules, 18/29 after; its remaining misses are the guides'
departures from the styles, each explained in `known_miss`). examples_group6.json (33 examples, session 10)
was collected blind and scored once before any change: 16/33 (12/20 of those where the guide does not
depart from its style); rules were then taken from its misses, so it is a development group since. Three of
its pages had been given an address the guide's example does not show; they carry none now.

Comparison ignores only the quotation-mark glyphs (several guides print straight quotes where the
style uses typographic ones) and runs of white space.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from tui_reader.core import load_article
from tui_reader.core.cite.styles import format_reference, in_text_citation, quote_locator
from tui_reader.core.model import Quote

FIXTURES = Path(__file__).parent / "fixtures" / "cite_published"
DEFAULT_ACCESSED = datetime.date(2024, 1, 15)


def examples(name: str) -> list[dict]:
    path = FIXTURES / name
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else []


DEV = examples("examples.json")
HELD_OUT = examples("examples_holdout.json")
FRESH = examples("examples_fresh.json")
BLIND = examples("examples_blind.json")
GROUP5 = examples("examples_group5.json")
GROUP6 = examples("examples_group6.json")


def same(text: str) -> str:
    """The text with quotation marks straight and white space single."""
    for curly, straight in (("“", '"'), ("”", '"'), ("‘", "'"), ("’", "'")):
        text = text.replace(curly, straight)
    return " ".join(text.split())


def _quote(article, text: str) -> Quote:
    for s, section in enumerate(article.sections):
        for b, block in enumerate(section.blocks):
            start = block.text.find(text)
            if start >= 0:
                return Quote(text=text, speaker=None, cue=None, section=s, block=b, start=start, end=start + len(text))
    raise AssertionError(f"the quotation {text!r} is not in the article's text")


def render(example: dict, folder: Path = FIXTURES) -> str:
    """Our citation for the example's saved page (in `folder`)."""
    article = load_article(folder / f"{example['page']}.html")
    accessed = datetime.date.fromisoformat(example.get("accessed", DEFAULT_ACCESSED.isoformat()))
    if example["style"] == "apa-quote":  # the in-text citation of a direct quotation (APA 7 §8.28)
        quote = _quote(article, example["quote"])
        return in_text_citation(article, "apa", locator=quote_locator(article, quote)) or ""
    return format_reference(article, example["style"], accessed=accessed)


def _id(example: dict) -> str:
    return f"{example['style']}:{example['page']}"


def _params(examples: list[dict]) -> list:
    """An example whose miss is known and explained (`known_miss`) is an expected failure, shown as
    such by pytest (and as a pass once its cause is fixed)."""
    return [pytest.param(e, id=_id(e), marks=[pytest.mark.xfail(reason=e["known_miss"], strict=False)]
                         if e.get("known_miss") else []) for e in examples]


@pytest.mark.parametrize("example", _params(DEV))
def test_published_example(example):
    assert same(render(example)) == same(example["expected"]), example["source"]


@pytest.mark.parametrize("example", _params(HELD_OUT))
def test_published_example_held_out(example):
    assert same(render(example)) == same(example["expected"]), example["source"]


@pytest.mark.parametrize("example", _params(FRESH))
def test_published_example_fresh(example):
    assert same(render(example)) == same(example["expected"]), example["source"]


@pytest.mark.parametrize("example", _params(BLIND))
def test_published_example_blind(example):
    assert same(render(example)) == same(example["expected"]), example["source"]


@pytest.mark.parametrize("example", _params(GROUP5))
def test_published_example_group5(example):
    assert same(render(example)) == same(example["expected"]), example["source"]


@pytest.mark.parametrize("example", _params(GROUP6))
def test_published_example_group6(example):
    assert same(render(example)) == same(example["expected"]), example["source"]


def test_examples_are_independent_and_sourced():
    assert len(DEV) + len(HELD_OUT) >= 35 or not HELD_OUT  # the held-out third is written last
    for example in DEV + HELD_OUT + FRESH + BLIND + GROUP5 + GROUP6:
        assert example["source"] and (FIXTURES / f"{example['page']}.html").exists()
    groups = [{_id(e) for e in group} for group in (DEV, HELD_OUT, FRESH, BLIND, GROUP5, GROUP6)]
    assert all(not (a & b) for i, a in enumerate(groups) for b in groups[i + 1:])
