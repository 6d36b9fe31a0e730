"""The pipeline's HTML parser finds element classes in C but gives the classes lxml.html's own parser gives."""

import copy

import lxml.html
from lxml import etree

from tui_reader.core.extract.html_tree import document_fromstring, element

PAGE = ("<html><head><title>T</title></head><body><!-- note --><?pi x?><form><input name=a><label>L</label>"
        "<select><option>o</option></select><textarea>t</textarea></form><p>Text <a href=/x>link</a></p></body></html>")


def _classes(root):
    return [(node.tag if isinstance(node.tag, str) else str(node.tag), type(node)) for node in root.iter()]


def test_same_classes_as_lxml_html():
    ours, theirs = document_fromstring(PAGE), lxml.html.document_fromstring(PAGE)
    assert _classes(ours) == _classes(theirs)
    assert isinstance(ours.find(".//form"), lxml.html.FormElement)
    assert isinstance(next(ours.iter(etree.Comment)), lxml.html.HtmlComment)


def test_copies_and_new_elements_keep_the_classes():
    root = document_fromstring(PAGE)
    assert _classes(copy.deepcopy(root)) == _classes(root)
    div = element("div")
    div.append(copy.deepcopy(root.find(".//form")))
    assert isinstance(div, lxml.html.HtmlElement) and isinstance(div[0], lxml.html.FormElement)
    assert div[0].inputs["a"].name == "a"  # the form element's own API works
