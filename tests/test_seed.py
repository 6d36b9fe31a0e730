"""The reference article: a real plain-text scrape (articles/nato-secgen-responds-to-sputnik.txt)."""

import re

from tui_reader.core import load_article

from .conftest import SEED, shared_or_skip

FIRST = "Responding directly to a question posed by Sputnik"
LAST = "In his tweet, Mr. Stoltenberg indicated that dialogue with Russia would continue"


def paragraphs(article):
    return [b.text for b in article.blocks if b.kind == "paragraph"]


def test_seed_is_the_shared_seed_byte_for_byte():
    shared = shared_or_skip("seeds", "000_e5af2997e578470e.txt")
    assert SEED.read_bytes() == shared.read_bytes()


def test_seed_body_is_the_twelve_article_paragraphs():
    a = load_article(SEED)
    body = paragraphs(a)
    assert len(body) == 12
    assert body[0].startswith(FIRST)
    assert body[-1].startswith(LAST)
    # each paragraph is, word for word, a line of the file
    source_lines = {re.sub(r"\s+", " ", line.replace("\u00a0", " ")).strip() for line in SEED.read_text("utf-8").splitlines()}
    assert all(p in source_lines for p in body)


def test_seed_nothing_of_chrome_credits_captions_or_teasers_in_paragraphs():
    body = " ".join(paragraphs(load_article(SEED)))
    for leftover in ("Registration", "log in or register", "To participate", "©", "REUTERS", "Sputnik International",
                     "Soldiers park", "Croatia's President", "This is Why NATO Summit", "Imaginary Threats",
                     "conversation with Sputnik", "Заголовок"):
        assert leftover not in body


def test_seed_metadata_and_headlines():
    a = load_article(SEED)
    assert a.metadata.title == "NATO SecGen Responds to Sputnik, Says Alliance 'Doesn't Seek Confrontation'"
    assert a.metadata.site == "Sputnik International"
    assert a.metadata.language == "en"
    assert [h.text for h in a.headlines] == [
        "This is Why NATO Summit Was Not About Peace and Stability in Europe",
        "NATO Tackling 'Imaginary Threats Instead of Real Challenges'",
    ]
    assert all(h.url is None for h in a.headlines)


def test_seed_captions_are_figures_once_each():
    figures = [b.text for b in load_article(SEED).blocks if b.kind == "figure"]
    assert figures == [
        "NATO Secretary-General Jens Stoltenberg speaks to the media outside PGE National Stadium, the venue of the "
        "NATO Summit, in Warsaw, Poland July 8, 2016.",
        "Jens Stoltenberg's conversation with Sputnik.",
    ]


def test_seed_one_lead_section():
    a = load_article(SEED)
    assert len(a.sections) == 1 and a.sections[0].title is None
