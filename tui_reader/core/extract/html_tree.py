"""The HTML parser every page tree of the pipeline is built with: lxml.html's, its element classes
found in C.

lxml.html's own parser asks a Python method (`HtmlElementClassLookup.lookup`) for the class of
every element each time Python touches one it has not touched before (each pass over a tree meets
most of them again): on a news page that is thousands of Python calls per pass, and the pipeline
makes dozens of passes. Here the same classes (`HtmlElement`, the form elements' own classes,
`HtmlComment`, ...) come from lxml's C lookups: a tag-name registry over a default-class fallback.
Trees, copies of them (a copy keeps its parser) and elements made with `element` behave as before.
"""

from __future__ import annotations

import lxml.html
from lxml import etree


def _parser() -> lxml.html.HTMLParser:
    lookup = etree.ElementNamespaceClassLookup(etree.ElementDefaultClassLookup(
        element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment, pi=lxml.html.HtmlProcessingInstruction,
        entity=lxml.html.HtmlEntity))
    by_tag = lookup.get_namespace(None)
    for tag, cls in lxml.html.HtmlElementClassLookup._default_element_classes.items():  # form, input, label, ...
        by_tag[tag] = cls
    parser = lxml.html.HTMLParser()
    parser.set_element_class_lookup(lookup)
    return parser


PARSER = _parser()


def document_fromstring(text: str):
    """`lxml.html.document_fromstring(text)` with `PARSER`."""
    return lxml.html.document_fromstring(text, parser=PARSER)


def element(tag: str):
    """A new element, in a tree of `PARSER`'s (`lxml.html.Element(tag)`)."""
    return PARSER.makeelement(tag)
