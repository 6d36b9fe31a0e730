"""Walking an HTML tree into body blocks: headings, paragraphs, list items, quotes, captions, code.

Block-level elements always end the current block, so the words of adjacent elements are never
glued; inline elements (links, emphasis, spans) flow into the block being built. Links keep their
resolved URL and their character span in the block's text.
"""

from __future__ import annotations

import re
import unicodedata

from lxml import etree

from tui_reader.core import urls
from tui_reader.core.model import Block, BlockKind, Link
from tui_reader.core.sanitize import INVISIBLE, clean_inline, strip_controls

HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
# Elements that start a new block. Everything else is inline (including unknown custom tags).
BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "dir",
        "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "header", "hgroup",
        "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
        "td", "tfoot", "th", "thead", "tr", "ul", "caption", "legend", "html", "noscript",
        *HEADINGS,
    }
)
SKIP_TAGS = frozenset(
    {"script", "style", "template", "svg", "math", "iframe", "object", "embed", "canvas", "video",
     "audio", "map", "head", "title", "meta", "link", "button", "input", "select", "textarea", "option",
     "rt", "rp"}  # ruby readings (furigana) above the text, not part of the line
)
_WS = re.compile(r"\s+")
# Kinds that a paragraph inside them takes on (a <p> in a <li> is a list item).
_CONTAINING_KINDS = (BlockKind.BLOCKQUOTE, BlockKind.LIST_ITEM, BlockKind.FIGURE)


# Text a capital letter of the next element would run into: a sentence's end, a lowercase letter.
_RUNS_ON = re.compile(r"(?:[.!?:)\]”\"’]|[a-z])$")


class _Builder:
    """Collects inline text and links for one block at a time."""

    def __init__(self, base_url: str | None) -> None:
        self.base_url = base_url
        self.blocks: list[Block] = []
        self.parts: list[str] = []
        self.links: list[tuple[str, str, int, int]] = []  # raw text, url, raw start, raw end
        self.length = 0  # characters in `parts`
        self.number: int | None = None  # the number of the numbered list's item being read, until its first block
        self.numbers: dict = {}  # each ordered list's items' numbers, counted once per list

    def text(self, value: str | None) -> None:
        """Inline text from the source: its newlines are plain white space in HTML; decomposed letters
        (written as character references: "e&#x301;") composed (NFC)."""
        if value:
            if not value.isascii() and not unicodedata.is_normalized("NFC", value):
                value = unicodedata.normalize("NFC", value)
            self._append(strip_controls(value).replace("\n", " "))

    def apart(self, el) -> None:
        """A space before the inline element `el` of a caption where its text would run into the text before
        it: a caption's credit or its "Credit" label is an element of its own that style sheets set apart
        ("… on July 25, 2019.</span><span>J. Scott Applewhite / AP" read "2019.J. Scott")."""
        text = el.text or next((t for t in el.itertext() if t.strip()), "")
        if self.parts and text[:1].isupper() and _RUNS_ON.search(self.parts[-1]):
            self._append(" ")

    def line_break(self) -> None:
        self._append("\n")

    def _append(self, value: str) -> None:
        self.parts.append(value)
        self.length += len(value)

    def raw_len(self) -> int:
        return self.length

    def flush(self, kind: BlockKind, level: int = 0) -> None:
        raw = "".join(self.parts)
        links = self.links
        self.parts, self.links, self.length = [], [], 0
        if kind == BlockKind.PREFORMATTED:
            text = raw.strip("\n")
            if text.strip():
                self.blocks.append(Block(BlockKind.PREFORMATTED, text))
            return
        text, mapped = _normalise_with_links(raw, links)
        if text:
            number = self.number if kind == BlockKind.LIST_ITEM else None
            if number is not None:
                self.number = None  # the item's first block carries its number
            self.blocks.append(Block(kind, text, level, mapped, number))

    def resolve(self, href: str | None) -> str | None:
        if not href:
            return None
        href = href.strip()
        if href.startswith(("javascript:", "#", "data:")):
            return None
        return urls.join(self.base_url, href)


def _normalise_with_links(raw: str, links: list[tuple[str, str, int, int]]) -> tuple[str, tuple[Link, ...]]:
    """Fold white space as a browser renders it, carrying link spans through the folding.

    In `raw`, "\\n" only comes from `<br>` (source newlines were made spaces by `_Builder.text`):
    it stays a line break; any other run of white space becomes one space. Invisible characters
    (soft hyphens, zero-width spaces) go.
    """
    if _HAS_INVISIBLE.search(raw):
        if not links:
            return _fold(raw.translate(_DROP_INVISIBLE)), ()
        return _normalise_slow(raw, links)
    if not links:
        return _fold(raw), ()
    text, index = _fold_marking(raw, sorted({p for _, _, start, end in links for p in (start, end)}))
    return text, _spans(text, links, index)


def _fold(raw: str) -> str:
    return _SPACES.sub(" ", _BREAK.sub("\n", raw.strip()))


def _fold_marking(raw: str, marks: list[int]) -> tuple[str, dict[int, int]]:
    """`_fold`, and where each raw offset in `marks` lands in the folded text (as `_normalise_slow`)."""
    out: list[str] = []
    index: dict[int, int] = {}
    n = pos = k = 0
    pending = ""
    runs = [(m.start(), m.end(), "\n" in m.group()) for m in _WS.finditer(raw)]
    runs.append((len(raw), len(raw), False))
    for start, end, has_break in runs:
        if start > pos:  # the words between two runs of white space
            if pending:
                out.append(pending)
                n += 1
                pending = ""
            while k < len(marks) and marks[k] < start:
                index[marks[k]] = n + marks[k] - pos
                k += 1
            out.append(raw[pos:start])
            n += start - pos
        while k < len(marks) and marks[k] < end:
            index[marks[k]] = n
            k += 1
        if n and end > start:
            pending = "\n" if has_break or pending == "\n" else " "
        pos = end
    while k < len(marks):
        index[marks[k]] = n
        k += 1
    return "".join(out), index


def _spans(text: str, links: list[tuple[str, str, int, int]], index) -> tuple[Link, ...]:
    result = []
    for _, url, start, end in links:
        s, e = index[start], min(index[end], len(text))
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            result.append(Link(text[s:e], url, s, e))
    return tuple(result)


def _normalise_slow(raw: str, links: list[tuple[str, str, int, int]]) -> tuple[str, tuple[Link, ...]]:
    """Character by character: the reference for the fast paths, and the path for invisible characters."""
    out: list[str] = []
    index_map = [0] * (len(raw) + 1)
    pending = ""
    for i, ch in enumerate(raw):
        index_map[i] = len(out)
        if ch.isspace():
            if out:
                pending = "\n" if ch == "\n" or pending == "\n" else " "
            continue
        if ord(ch) in _INVISIBLE:
            continue
        if pending:
            out.append(pending)
            pending = ""
            index_map[i] = len(out)
        out.append(ch)
    index_map[len(raw)] = len(out)
    text = "".join(out)
    return text, _spans(text, links, index_map)


_INVISIBLE = frozenset(map(ord, INVISIBLE))
_DROP_INVISIBLE = dict.fromkeys(_INVISIBLE)
_HAS_INVISIBLE = re.compile("[" + "".join(chr(c) for c in sorted(_INVISIBLE)) + "]")
_BREAK = re.compile(r"\s*\n\s*")
_SPACES = re.compile(r"[^\S\n]+")


def _item_number(li, numbers: dict) -> int | None:
    """The number an item of an ordered list shows (`start`, `value` and `reversed` honoured), or None.
    `numbers` keeps each list's count, made once (a list of many items stays linear)."""
    parent = li.getparent()
    if parent is None or not isinstance(parent.tag, str) or parent.tag.lower() != "ol":
        return None
    if parent not in numbers:
        items = [c for c in parent if isinstance(c.tag, str) and c.tag.lower() == "li"]
        step = -1 if parent.get("reversed") is not None else 1
        number = _integer(parent.get("start"), len(items) if step < 0 else 1)
        counted = numbers[parent] = {}
        for item in items:
            number = counted[item] = _integer(item.get("value"), number)
            number += step
    return numbers[parent].get(li)


def _integer(value: str | None, default: int) -> int:
    try:
        return int((value or "").strip())
    except ValueError:
        return default


def _walk(el, b: _Builder, kind: BlockKind) -> None:
    """Walk `el`'s content; `kind` is the block kind that inline content here becomes."""
    tag = el.tag.lower() if isinstance(el.tag, str) else ""
    if tag in SKIP_TAGS or not isinstance(el.tag, str):
        return
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return
    if tag in BLOCK_TAGS:
        b.flush(kind)
        child_kind = kind
        level = 0
        if tag in HEADINGS:
            child_kind, level = BlockKind.HEADING, HEADINGS[tag]
        elif kind == BlockKind.HEADING:
            pass  # a list or paragraph inside a heading ('<h3><ol><li>“My fears…”</li></ol></h3>') is the heading
        elif tag == "li" or tag == "dd" or tag == "dt":
            child_kind = BlockKind.LIST_ITEM if kind != BlockKind.BLOCKQUOTE else kind
            b.number = _item_number(el, b.numbers) if tag == "li" else None
        elif tag == "blockquote":
            child_kind = BlockKind.BLOCKQUOTE
        elif tag in ("figcaption", "caption"):
            child_kind = BlockKind.FIGURE
        elif tag == "pre":
            child_kind = BlockKind.PREFORMATTED
        elif tag in ("p", "div", "td", "th", "section", "article", "main", "body", "center", "address"):
            child_kind = kind if kind in _CONTAINING_KINDS else BlockKind.PARAGRAPH
        if tag == "figure":
            child_kind = BlockKind.FIGURE
        if child_kind == BlockKind.PREFORMATTED:
            b._append(strip_controls("".join(el.itertext())))
            b.flush(BlockKind.PREFORMATTED)
        else:
            b.text(el.text)
            for child in el:
                _walk(child, b, child_kind)
                b.text(child.tail)
            if level:
                b.flush(BlockKind.HEADING, level)
            else:
                b.flush(child_kind)
        return
    # inline
    if tag == "br":
        b.line_break()
        return
    if tag == "img":
        return
    if tag == "a":
        url = b.resolve(el.get("href"))
        start = b.raw_len()
        b.text(el.text)
        for child in el:
            _walk(child, b, kind)
            b.text(child.tail)
        if url:
            b.links.append(("", url, start, b.raw_len()))
        return
    if kind == BlockKind.FIGURE:
        b.apart(el)
    b.text(el.text)
    for child in el:
        _walk(child, b, kind)
        b.text(child.tail)


def blocks_from_tree(root, base_url: str | None = None) -> list[Block]:
    """All blocks under `root` (an lxml element), in document order."""
    b = _Builder(base_url)
    _walk(root, b, BlockKind.PARAGRAPH)
    b.flush(BlockKind.PARAGRAPH)
    return [_fix_heading_levels(block) for block in b.blocks]


def _fix_heading_levels(block: Block) -> Block:
    if block.kind == BlockKind.HEADING and not block.level:
        return Block(BlockKind.HEADING, block.text, 2, block.links)
    return block


def parse_fragment(html: str):
    """readability's summary as one `<div>`, or None when it holds no body at all (an empty page's
    summary is a bare `<html></html>`, on which lxml's `fragment_fromstring` fails an assertion)."""
    from tui_reader.core.extract.html_tree import document_fromstring, element

    if not re.match(r"\s*<html\b", html, re.IGNORECASE):
        html = f"<html><body>{html}</body></html>"
    try:
        doc = document_fromstring(html)
    except (etree.ParserError, ValueError):
        return None
    body = doc.find("body")
    if body is None:
        return None
    fragment = element("div")
    fragment.text = body.text
    fragment.extend(body)
    return fragment


def inline_text(el) -> str:
    return clean_inline(" ".join(el.itertext()))
