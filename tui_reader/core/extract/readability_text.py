"""Our own copy of readability-lxml's scoring module, measuring text in linear time.

readability's `clean` (white space folded before every text length it measures) uses the regexes
`\\s{255,}` and `\\s*\\n\\s*`, which backtrack over every run of white space shorter than 255: a
page indented with long runs took seconds per candidate element. `clean` here gives exactly the
same result reading each run once.

`readability.readability` is loaded a second time from its own file as a private module (`engine`),
and `clean` is replaced there only: the published module, and so any other user of the library in
the process, is left as it is. The copy's debug messages (built before `log.debug` even looks at the
level) name elements with cheap stand-ins, and it logs under our own logger name.
"""

from __future__ import annotations

import importlib.util
import logging
import re

import lxml.html
import readability.readability as published

from tui_reader.core.extract.html_tree import PARSER

_WHITE_RUN = re.compile(r"\s{2,}")
_TABS = re.compile(r"\t|[ \t]{2,}")


def _fold_run(match: re.Match) -> str:
    run = match[0]
    return " " * 255 if len(run) >= 255 else "\n" if "\n" in run else run


def clean(text: str) -> str:
    """readability's `clean`: runs of 255 or more white space characters become 255 spaces, a run
    with a newline one newline, tabs and runs of spaces one space; then stripped."""
    return _TABS.sub(" ", _WHITE_RUN.sub(_fold_run, text)).strip()


# White space other than spaces, tabs and newlines: where it stands in a run, `clean` may keep the run longer
# than one character.
_ODD_WHITE = re.compile(r"[^\S \t\n]")


def clean_length(text: str) -> int:
    """`len(clean(text))` without building the string: when the text's white space is only spaces and
    newlines, `clean` turns every run of it between words into one character (a space, a newline, or the
    255 spaces of a long run folded again to one) and strips the ends."""
    if "\t" in text or _ODD_WHITE.search(text):
        return len(clean(text))  # a tab opening a run is replaced alone ("a\t a" -> "a  a"): count it as built
    words = text.split()
    return sum(map(len, words)) + len(words) - 1 if words else 0


def text_length(i) -> int:
    """readability's `text_length`: the length of an element's text once `clean`ed."""
    return clean_length(i.text_content() or "")


def _private_copy():
    # Named inside the `readability` package so that its relative imports (.cleaners, .htmls) find the
    # published helpers; never put in sys.modules, so nobody else imports it.
    spec = importlib.util.spec_from_file_location("readability._tui_reader_copy", published.__file__)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


engine = _private_copy()
engine.clean = clean
engine.text_length = text_length
engine.log = logging.getLogger("tui_reader.readability")
engine.log.setLevel(logging.ERROR)  # debug and info messages are never shown: not worth building
engine.describe = lambda node, depth=1: ""
engine.text_content = lambda elem, length=40: ""
# The article readability builds is made in trees of our parser (`html_tree`), like the page it reads.
engine.fragment_fromstring = lambda html: lxml.html.fragment_fromstring(html, parser=PARSER)
engine.document_fromstring = lambda html: lxml.html.document_fromstring(html, parser=PARSER)
Document = engine.Document
REGEXES = engine.REGEXES
