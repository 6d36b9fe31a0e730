"""The body of an HTML page: readability-lxml finds the article, our rules clean around it."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field

from lxml import etree

from tui_reader.core.extract.html_blocks import blocks_from_tree, parse_fragment
from tui_reader.core.extract.html_clean import (
    beside_scripts_notice,
    drop_scripts_notices,
    has_hidden_text,
    main_entity,
    misses,
    noscript_prose,
    noscript_text,
    post_clean,
    pre_clean,
    prose_len,
    reveal_hidden,
)
from tui_reader.core.extract.html_container import ArticleDocument
from tui_reader.core.extract.html_tree import document_fromstring
from tui_reader.core.model import Block

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
MAX_DEPTH = 255  # libxml2's HTML parser stops nesting here
SHORT = 200  # characters: less than this is no article; hidden text is then looked at
NOTICE = 2500  # characters: a notice asking for scripts is shorter; <noscript> prose is then looked at
# Weight that never holds article text: scripts (but not JSON-LD metadata), styles, comments,
# inline data: URIs (a "single file" save embeds every image this way).
_SCRIPT = re.compile(r"<script\b(?![^>]*application/ld\+json)[^>]*>.*?</script\s*>", re.IGNORECASE | re.DOTALL)
_STYLE = re.compile(r"<(?i:style)\b[^>]*>.*?</(?i:style)\s*>", re.DOTALL)  # "<" outside (?i:): found fast
_COMMENT = re.compile(r"<!--(?!\s*saved from url).*?-->", re.DOTALL)
# A long data: URI after a quote or parenthesis, found from its colon (a case-blind start is slow to find).
_DATA_URI = re.compile(r""":(?<=["'(][dD][aA][tT][aA]:)[^"')]{200,}""")


class TooDeep(ValueError):
    pass


def slim_html(text: str) -> str:
    """The page without what can never be article text, so large saved pages parse fast."""
    text = _drop_closed(_SCRIPT, text, _LAST_SCRIPT)
    text = _drop_closed(_STYLE, text, _LAST_STYLE)
    text = _drop_closed(_COMMENT, text, _LAST_COMMENT)
    return _drop_data_uris(text)


def _drop_data_uris(text: str) -> str:
    """Each long data: URI's "data:" and payload go; the quote or parenthesis before it stays."""
    parts, pos = [], 0
    for match in _DATA_URI.finditer(text):
        parts.append(text[pos : match.start() - len("data")])
        pos = match.end()
    return "".join(parts) + text[pos:] if parts else text


# Everything up to the last closing tag (greedy: the scan goes to the end and back once).
_LAST_SCRIPT = re.compile(r".*</script", re.IGNORECASE | re.DOTALL)
_LAST_STYLE = re.compile(r".*</style", re.IGNORECASE | re.DOTALL)
_LAST_COMMENT = re.compile(r".*-->", re.DOTALL)


def _drop_closed(pattern: re.Pattern, text: str, last_close: re.Pattern) -> str:
    """`pattern.sub("", text)` where the pattern ends with a lazy scan for a closing tag: only over the
    text up to the last closing tag. After it an opening has no end, and the scan from each such
    opening would run to the end of the page (quadratic: "<script>" repeated)."""
    close = last_close.match(text)
    if close is None:
        return text
    end = text.find(">", close.end() - 1) + 1 or len(text)
    return pattern.sub("", text[:end]) + text[end:]


@dataclass
class Body:
    root: object  # the whole page, parsed: for metadata and linked headlines
    summary: object | None  # readability's article fragment
    warnings: list[str] = field(default_factory=list)

    def blocks(self, base_url: str | None) -> list[Block]:
        if self.summary is None:
            return []
        return blocks_from_tree(self.summary, base_url)


# A numeric character reference to a C0 control (but tab, newline, carriage return): the parser
# would put the character in the tree, where lxml refuses it ("All strings must be XML compatible").
_CONTROL_REF = re.compile(r"&#(?:[xX]0*(?:[0-8bBcCeEfF]|1[0-9a-fA-F])(?![0-9a-fA-F])|0*(?:[0-8]|1[124-9]|2[0-9]|3[01])(?!\d));?")


def parse_document(text: str):
    text = _XML_DECL.sub("", text, count=1)  # lxml refuses str input that declares an encoding
    text = _CONTROL_REF.sub("", text)
    try:
        return document_fromstring(text)
    except (etree.ParserError, ValueError):
        return document_fromstring("<html><body></body></html>")


def _too_deep(root) -> bool:
    element = root
    for _ in range(MAX_DEPTH - 2):
        children = [c for c in element if isinstance(c.tag, str)]
        if not children:
            return False
        element = children[-1]
    return True


def _readability(doc, warnings: list[str]):
    """readability's article fragment for the page `doc` (it works on its own copy), or None."""
    try:
        summary_html = ArticleDocument(doc).summary(html_partial=True)
    except Exception as exc:  # readability raises its own Unparseable and lxml errors on odd pages
        warnings.append(f"readability could not find the article ({type(exc).__name__})")
        return None
    return parse_fragment(summary_html) if summary_html else None


def _text_len(el) -> int:
    return len("".join(el.itertext()).strip()) if el is not None else 0


def _article_in_noscript(root, summary) -> bool:
    """The page's <noscript> holds its article: prose, most of its text, where readability found only a notice
    asking for scripts or no prose. Comments, links and other stories in <noscript> are never read, and
    <noscript> text is never added to a visible article."""
    if summary is not None and prose_len(summary) >= SHORT and beside_scripts_notice(summary, SHORT) >= SHORT:
        return False  # the page shows an article
    prose = noscript_prose(root)
    return prose >= SHORT and 2 * prose > noscript_text(root)


def extract_body(text: str) -> Body:
    root = parse_document(text)
    warnings: list[str] = []
    work = copy.deepcopy(root)  # readability and our pre-cleaning change the tree; `root` stays whole
    pre_clean(work)
    summary = _readability(work, warnings)
    length = _text_len(summary)
    short = length < SHORT
    if (short and has_hidden_text(root)) or (length < NOTICE and _article_in_noscript(root, summary)):
        # the page's text is only in <noscript> or in hidden elements (shown by a script), or its <noscript>
        # holds the article beside a notice asking for scripts: read it
        work = copy.deepcopy(root)
        drop_scripts_notices(work)
        reveal_hidden(work, noscript_only=not short)
        pre_clean(work)
        revealed = _readability(work, [])
        if _text_len(revealed) > length:
            summary = revealed
    entity = main_entity(work)
    if entity is not None and (summary is None or misses(entity, summary)):
        # readability preferred other text (related posts, comments) to the article the page marks up
        page = document_fromstring("<html><body></body></html>")
        page.find("body").append(copy.deepcopy(entity))
        chosen = _readability(page, [])
        if chosen is not None:
            summary = chosen
    if summary is not None:
        post_clean(summary)
    if (summary is None or not "".join(summary.itertext()).strip()) and _too_deep(root):
        raise TooDeep(f"HTML nested more than {MAX_DEPTH} levels deep; its text cannot be read")
    return Body(root, summary, warnings)
