"""Our faster versions of readability-lxml's steps give what the published steps give.

`ArticleDocument` replaces readability's `transform_misused_divs_into_paragraphs` (it serialised each
<div>'s children) and its HTML cleaner (lxml_html_clean's Cleaner, in Python over every element and
link) with linear and C-level equivalents. Random nestings of the tags those steps look at, and the
corpus pages when ../shared is there, are run through both.
"""

from __future__ import annotations

import copy

import lxml.html
import pytest
import readability.readability as published
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from readability.cleaners import html_cleaner

from tests.conftest import shared_or_skip
from tui_reader.core.extract.html_container import ArticleDocument, clean_page

TAGS = ["div", "p", "span", "a", "b", "img", "br", "ul", "li", "table", "td", "pre", "blockquote", "section",
        "picture", "param", "em", "dl", "font", "ol", "script", "style", "link", "image"]
WORDS = ["", " ", "Harbour news ", "\n  ", "two, three. ", "<!-- a <p> in a comment -->"]


@st.composite
def trees(draw, depth=0):
    if depth > 3 or draw(st.integers(0, 3)) == 0:
        return draw(st.sampled_from(WORDS))
    tag = draw(st.sampled_from(TAGS))
    attrs = draw(st.sampled_from(["", " class='x'", " style='color: red'", " href='javascript:void(0)'",
                                  " href=' /a '", " onclick='go()'"]))
    inner = "".join(draw(st.lists(trees(depth + 1), max_size=4)))
    tail = draw(st.sampled_from(WORDS))
    return f"<{tag}{attrs}>{inner}</{tag}>{tail}"


def _document(cls, html: str):
    doc = cls(html)
    doc.html = html_cleaner.clean_html(lxml.html.document_fromstring(html))
    return doc


@settings(max_examples=80, deadline=None)
@given(st.lists(trees(), min_size=1, max_size=5))
def test_divs_become_paragraphs_as_readability_makes_them(parts):
    html = "<html><body><div>" + "".join(parts) + "</div></body></html>"
    ours, theirs = _document(ArticleDocument, html), _document(published.Document, html)
    ours.transform_misused_divs_into_paragraphs()
    theirs.transform_misused_divs_into_paragraphs()
    assert _shape(ours.html) == _shape(theirs.html)


def _shape(root) -> list:
    """Tags, text, tails and the attributes the article's text can depend on, in document order."""
    return [(el.tag, el.text, el.tail, el.get("class"), el.get("href")) for el in root.iter()]


@settings(max_examples=80, deadline=None)
@given(st.lists(trees(), min_size=1, max_size=5))
def test_page_cleaned_as_readability_cleans_it(parts):
    html = "<html><body>" + "".join(parts) + "</body></html>"
    ours = lxml.html.document_fromstring(html)
    theirs = html_cleaner.clean_html(copy.deepcopy(ours))
    clean_page(ours)
    assert [(el.tag, el.text, el.tail, el.get("class")) for el in ours.iter()] == \
        [(el.tag, el.text, el.tail, el.get("class")) for el in theirs.iter()]
    assert all(el.get("style") is None for el in ours.iter())


@pytest.mark.parametrize("corpus", ["aeb", "readability"])
def test_same_summary_as_with_readabilitys_steps_on_the_corpus(corpus):
    """The article readability finds with our steps is, to the byte, the one it finds with its own
    (links trimmed and script links blanked as its cleaner does; event attributes and image sources aside:
    the text never reads them)."""
    base = shared_or_skip("corpus", corpus)
    pages = sorted(base.glob("html/*.html")) or sorted(base.glob("pages/*/source.html"))

    class Published(ArticleDocument):  # our rules, readability's own steps
        _parse = published.Document._parse
        get_clean_html = published.Document.get_clean_html
        transform_misused_divs_into_paragraphs = published.Document.transform_misused_divs_into_paragraphs

    for path in pages[::12]:
        html = path.read_text(encoding="utf-8", errors="replace")
        root = lxml.html.document_fromstring(html.encode("utf-8"))
        ours = ArticleDocument(copy.deepcopy(root)).summary(html_partial=True)
        theirs = Published(copy.deepcopy(root)).summary(html_partial=True)
        assert _without_events(ours) == _without_events(theirs), path.name


def _without_events(html: str) -> str:
    root = lxml.html.fragment_fromstring(html) if html.strip() else None
    if root is None:
        return ""
    for el in root.iter(etree.Element):
        for name in [n for n in el.attrib if n.startswith("on") or n == "src"]:
            del el.attrib[name]
    return etree.tostring(root, encoding="unicode", method="html")
