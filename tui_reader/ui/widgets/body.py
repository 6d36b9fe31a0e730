"""The article body: a virtualised (Line API) view of the article's blocks.

Only the line *breaks* of every block are computed up front (a plain-text pass, fast even for
thousands of blocks); styled lines are built when they scroll into view and cached. Article text
is only ever wrapped in `Content(...)` objects, never parsed as markup.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from rich._wrap import divide_line
from rich.cells import cell_len
from textual.binding import Binding
from textual.cache import LRUCache
from textual.content import Content, Span
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style

from tui_reader.core.model import UNSPACED_SCRIPTS, VERBATIM_KINDS, Article, Block, Quote
from tui_reader.ui.text import display_text

MEASURE = 90  # widest line of text, in cells
FOLD = "-"  # drawn where a word too long for the line goes on on the next one
PREFIX = {"list_item": ("• ", "  "), "blockquote": ("▌ ", "▌ "), "figure": ("  ", "  "), "preformatted": ("  ", "  "),
          "table": ("  ", "  ")}


def prefix(block: Block) -> tuple[str, str]:
    """What goes before a block's first line and its other lines: a bullet, or a numbered item's number."""
    if block.number is not None:
        first = f"{block.number}. "
        return first, " " * len(first)
    return PREFIX.get(block.kind, ("", ""))


@dataclass(frozen=True)
class Match:
    block: int  # flat block index
    start: int
    end: int


# Latin, Greek, Cyrillic, general punctuation, currency: one cell per character, no combining marks.
_one_cell_each = re.compile(
    r"[\x20-\x7e\xa0-\u02ff\u0370-\u0482\u048a-\u052f\u1e00-\u1eff\u2010-\u2027\u2030-\u205e\u20a0-\u20bf]*"
).fullmatch


# Scripts written without spaces between words (a line may break between any two of their characters).
# (with CJK punctuation and full-width forms)
_UNSPACED = re.compile(f"[{UNSPACED_SCRIPTS}\u3000-\u303f\uff00-\uffef]")
# Kinsoku: marks a line never starts with (closing, pausing) and never ends with (opening).
_NO_START = frozenset("、。，．！？：；）」』】〕〉》・ー…,.!?:;)]}%")
_NO_END = frozenset("「『（【〔〈《([{")


def _unspaced_breaks(piece: str, width: int) -> list[int]:
    """Offsets where wrapped lines of text in a script without spaces start: between any two characters
    where one is of that script, or after a space, filling each line; never with a closing mark first
    or an opening mark last on a line."""
    breaks: list[int] = []
    start, cells, last_ok = 0, 0, None
    k = 0
    while k < len(piece):
        ch = piece[k]
        if k > start and (piece[k - 1] == " " or _UNSPACED.match(ch) or _UNSPACED.match(piece[k - 1])):
            if ch not in _NO_START and piece[k - 1] not in _NO_END and ch != " ":
                last_ok = k
        width_of = cell_len(ch)
        if cells + width_of > width and k > start:
            cut = last_ok if last_ok is not None and last_ok > start else k
            breaks.append(cut)
            start, cells, last_ok = cut, 0, None
            k = cut
            continue
        cells += width_of
        k += 1
    return breaks


def _breaks(piece: str, width: int) -> list[int]:
    """Offsets where wrapped lines of `piece` start (after the first): break at spaces, cut words
    longer than a line after a hyphen or slash, else fold them one cell early so the line can end
    with FOLD. Text of one-cell characters is cut with C-speed string searches; text in a script
    written without spaces (Chinese, Japanese, Thai) between its characters."""
    if not _one_cell_each(piece):
        if _UNSPACED.search(piece):
            return _unspaced_breaks(piece, width)
        return divide_line(piece, width, fold=True)
    breaks: list[int] = []
    start, length = 0, len(piece)
    while length - start > width:
        limit = start + width
        cut = piece.rfind(" ", start + 1, limit + 1)
        if cut == -1:  # no space: after a hyphen or slash in the word, else fold it with a sign (FOLD)
            joint = max(piece.rfind("-", start + 1, limit), piece.rfind("/", start + 1, limit))
            nxt = joint + 1 if joint != -1 else limit - len(FOLD)
        else:
            nxt = cut + 1
            while nxt < length and piece[nxt] == " ":
                nxt += 1
            if nxt >= length:
                break
        breaks.append(nxt)
        start = nxt
    return breaks


def folded(text: str, end: int) -> bool:
    """A display line ending at `end` cut a word of one-cell letters in two (see `_breaks`)."""
    pair = text[end - 1 : end + 1]
    return len(pair) == 2 and pair.isalnum() and bool(_one_cell_each(pair))


def wrap_spans(text: str, width: int, fold_only: bool = False) -> list[tuple[int, int]]:
    """(start, end) offsets of each display line of `text` at `width` cells; newlines always break."""
    width = max(width, 4)
    spans: list[tuple[int, int]] = []
    pos = 0
    for piece in text.split("\n"):
        if not piece:
            spans.append((pos, pos))
        elif fold_only:
            start = 0
            while start < len(piece):
                end = start
                cells = 0
                while end < len(piece) and cells + cell_len(piece[end]) <= width:
                    cells += cell_len(piece[end])
                    end += 1
                end = max(end, start + 1)
                spans.append((pos + start, pos + end))
                start = end
        else:
            cuts = [0, *_breaks(piece, width), len(piece)]
            spans.extend((pos + a, pos + b) for a, b in zip(cuts, cuts[1:]))
        pos += len(piece) + 1
    return spans or [(0, 0)]


class ArticleBody(ScrollView, can_focus=True):
    """Scrollable body of one article, centred at a comfortable measure."""

    BINDINGS = [
        Binding("j,down", "scroll_down", "Scroll down", show=False),
        Binding("k,up", "scroll_up", "Scroll up", show=False),
        Binding("space,pagedown", "page_down", "Page down", show=False),
        Binding("b,pageup", "page_up", "Page up", show=False),
        Binding("g,home", "top", "Top", show=False),
        Binding("G,end", "bottom", "Bottom", show=False),
    ]

    COMPONENT_CLASSES = {
        "article-body--heading",
        "article-body--blockquote",
        "article-body--figure",
        "article-body--preformatted",
        "article-body--link",
        "article-body--marker",
        "article-body--quote",
        "article-body--match",
        "article-body--match-current",
    }

    DEFAULT_CSS = """
    ArticleBody { overflow-x: hidden; scrollbar-gutter: stable; }
    ArticleBody > .article-body--heading { text-style: bold; color: $accent; }
    ArticleBody > .article-body--blockquote { text-style: italic; }
    ArticleBody > .article-body--figure { text-style: italic; color: $text-muted; }
    ArticleBody > .article-body--preformatted { background: $boost; }
    ArticleBody > .article-body--link { text-style: underline; color: $text-primary; }
    ArticleBody > .article-body--marker { color: $primary; }
    ArticleBody > .article-body--quote { background: $warning 35%; }
    ArticleBody > .article-body--match { background: $accent 45%; }
    ArticleBody > .article-body--match-current { background: $accent; color: $text; text-style: bold; }
    """

    def __init__(self, article: Article, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.article = article
        self.blocks: list[Block] = []
        self.section_of: list[int] = []
        self.flat: dict[tuple[int, int], int] = {}
        self.section_starts: list[int] = []
        for s, section in enumerate(article.sections):
            self.section_starts.append(len(self.blocks))
            for b, block in enumerate(section.blocks):
                self.flat[(s, b)] = len(self.blocks)
                self.blocks.append(block)
                self.section_of.append(s)
        self.texts = [display_text(block.text) for block in self.blocks]
        self._folded: list[tuple[str, list[int]]] | None = None  # the texts folded for search, made at the first
        self.tops: list[int] = []  # y of each block's first text line
        self.spans: list[list[tuple[int, int]]] = []
        self._layout_key: tuple[int, int] | None = None
        self._view_height: int | None = None  # the view's height at the last resize
        self._cache: LRUCache[tuple[int, int], Strip] = LRUCache(2048)
        self._content_cache: LRUCache[int, Content] = LRUCache(512)
        self.quote_marks: dict[int, tuple[int, int]] = {}
        self.matches: list[Match] = []
        self.current_match: int | None = None
        self._match_by_block: dict[int, list[int]] = {}

    # ----- layout -------------------------------------------------------------------------

    @property
    def measure(self) -> int:
        return max(10, min(MEASURE, self.scrollable_content_region.width - 2))

    def _margin(self, width: int) -> int:
        return max(0, (width - self.measure) // 2)

    def layout_lines(self) -> None:
        """Compute every block's line breaks for the current width (plain text only)."""
        width = self.scrollable_content_region.width
        measure = self.measure
        key = (width, measure)
        if key == self._layout_key or width <= 0:
            return
        anchor = self.position() if self._layout_key else None
        self._layout_key = key
        tops: list[int] = []
        spans: list[list[tuple[int, int]]] = []
        y = 0
        for i, block in enumerate(self.blocks):
            if i:
                y += 1  # blank line between blocks
                if block.kind == "heading":
                    y += 1
            first, _ = prefix(block)
            lines = wrap_spans(self.texts[i], measure - len(first), fold_only=block.kind in VERBATIM_KINDS)
            tops.append(y)
            spans.append(lines)
            y += len(lines)
        self.tops = tops
        self.spans = spans
        self._cache.clear()
        self.virtual_size = Size(width, y + 1)
        if anchor is not None:
            self.restore_position(anchor)

    def _mark_in_view(self, height: int) -> tuple[int, int] | None:
        """(block, offset) where the marked quote starts, when a line of it is within `height` lines from the
        top of the view in the layout as it stands; else None."""
        if not self.quote_marks or not self.tops:
            return None
        top = round(self.scroll_y)
        bottom = top + height
        first = min(self.quote_marks)
        last = max(self.quote_marks)
        start, end = self.quote_marks[first][0], self.quote_marks[last][1]
        if self._line_in_layout(first, start) < bottom and self._line_in_layout(last, max(end - 1, 0)) >= top:
            return first, start
        return None

    def on_resize(self) -> None:
        """Lay the text out for the new size; the quote the reader went to, if it was on screen, stays on it
        (the top block keeps its place otherwise, which a shorter or narrower view can push the quote past)."""
        mark = self._mark_in_view(self._view_height or self.scrollable_content_region.height)
        self.layout_lines()
        if mark is not None and self._mark_in_view(self.scrollable_content_region.height) is None:
            self.scroll_to_line(self.line_of(*mark))
        self._view_height = self.scrollable_content_region.height

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()
        self._content_cache.clear()

    # ----- positions ----------------------------------------------------------------------

    def block_at_y(self, y: int) -> int:
        return max(0, bisect_right(self.tops, y) - 1) if self.tops else 0

    def position(self) -> dict[str, int]:
        """Where the reader is: the block at the top of the view and the line inside it."""
        y = round(self.scroll_y)
        block = self.block_at_y(y)
        return {"block": block, "line": max(0, y - self.tops[block]) if self.tops else 0}

    def restore_position(self, position: dict) -> None:
        self.layout_lines()
        try:
            block = min(max(int(position.get("block", 0)), 0), len(self.blocks) - 1)
            line = max(int(position.get("line", 0)), 0)
        except (TypeError, ValueError, AttributeError):
            return
        if block < 0 or not self.tops:
            return
        limit = self.tops[block + 1] - 1 if block + 1 < len(self.tops) else self.tops[block] + len(self.spans[block])
        self.scroll_to(y=min(self.tops[block] + line, limit), animate=False, force=True)

    def line_of(self, block: int, offset: int) -> int:
        """y of the display line holding character `offset` of `block`."""
        self.layout_lines()
        return self._line_in_layout(block, offset)

    def _line_in_layout(self, block: int, offset: int) -> int:
        """`line_of` in the layout as it stands (while a new width is being laid out, the old one)."""
        if not self.tops:
            return 0
        for n, (_start, end) in enumerate(self.spans[block]):
            if offset < end or n == len(self.spans[block]) - 1:
                return self.tops[block] + n
        return self.tops[block]

    def scroll_to_line(self, y: int, context: int = 2) -> None:
        self.scroll_to(y=max(0, y - context), animate=False, force=True)

    def scroll_to_block(self, block: int) -> None:
        self.layout_lines()
        if self.tops:
            self.scroll_to(y=self.tops[block], animate=False, force=True)

    def current_section(self) -> int:
        """The section of the block at the top of the view."""
        self.layout_lines()
        return self.section_of[self.block_at_y(round(self.scroll_y))] if self.section_of else 0

    def next_block(self, direction: int, starts: list[int] | None = None) -> int | None:
        """The next/previous block start (or section start from `starts`) from the top of the view."""
        self.layout_lines()
        candidates = starts if starts is not None else range(len(self.blocks))
        y = round(self.scroll_y)
        if direction > 0:
            for i in candidates:
                if self.tops[i] > y:
                    return i
        else:
            for i in reversed(candidates):
                if self.tops[i] < y:
                    return i
        return None

    # ----- highlights ---------------------------------------------------------------------

    def _invalidate(self) -> None:
        self._cache.clear()
        self._content_cache.clear()
        self.refresh()

    def show_quote(self, quote: Quote) -> None:
        """Highlight `quote` in the text and scroll to it."""
        first = self.flat.get((quote.section, quote.block))
        if first is None:
            return
        last = self.flat.get((quote.section, quote.end_block if quote.end_block is not None else quote.block), first)
        marks: dict[int, tuple[int, int]] = {}
        for i in range(first, max(first, last) + 1):
            start = quote.start if i == first else 0
            end = quote.end if i == last else len(self.texts[i])
            marks[i] = (max(0, start), min(len(self.texts[i]), end))
        self.quote_marks = marks
        self._invalidate()
        self.scroll_to_line(self.line_of(first, quote.start))

    def quote_in_view(self, quote: Quote) -> bool:
        """Some line of the quote (which may run over several paragraphs) is on screen."""
        first = self.flat.get((quote.section, quote.block))
        last = self.flat.get((quote.section, quote.end_block if quote.end_block is not None else quote.block))
        if first is None or last is None:
            return False
        top = round(self.scroll_y)
        bottom = top + self.scrollable_content_region.height
        return self.line_of(first, quote.start) < bottom and self.line_of(last, max(quote.end - 1, 0)) >= top

    def first_visible_quote(self) -> Quote | None:
        """The first quote that starts on screen; else one that fills or ends on it."""
        top = round(self.scroll_y)
        bottom = top + self.scrollable_content_region.height
        for quote in self.article.quotes:
            block = self.flat.get((quote.section, quote.block))
            if block is not None and top <= self.line_of(block, quote.start) < bottom:
                return quote
        return next((quote for quote in self.article.quotes if self.quote_in_view(quote)), None)

    def search(self, term: str) -> int:
        """Find `term` in every block, case and accents aside ("cafe" finds "café", "идет" "идёт", as the
        library's search does); returns the number of matches."""
        from tui_reader.core.library.query import fold_text, folded_with_offsets

        self.matches = []
        self._match_by_block = {}
        self.current_match = None
        wanted = fold_text(term)
        if wanted:
            if self._folded is None:
                self._folded = [folded_with_offsets(text) for text in self.texts]
            for i, (folded, offsets) in enumerate(self._folded):
                at = folded.find(wanted)
                while at >= 0:
                    self._match_by_block.setdefault(i, []).append(len(self.matches))
                    self.matches.append(Match(i, offsets[at], offsets[at + len(wanted)]))
                    at = folded.find(wanted, at + len(wanted))
        self._invalidate()
        return len(self.matches)

    def goto_match(self, direction: int) -> int | None:
        """Move to the next (1), previous (-1) or first-after-view (0) match; returns its index."""
        if not self.matches:
            return None
        if self.current_match is None or direction == 0:
            y = round(self.scroll_y)
            lines = [self.line_of(m.block, m.start) for m in self.matches]
            after = [n for n, line in enumerate(lines) if line >= y]
            self.current_match = after[0] if after else 0
        else:
            self.current_match = (self.current_match + direction) % len(self.matches)
        match = self.matches[self.current_match]
        self._invalidate()
        self.scroll_to_line(self.line_of(match.block, match.start), context=3)
        return self.current_match

    # ----- rendering ----------------------------------------------------------------------

    def _style(self, name: str) -> Style:
        return Style.from_rich_style(self.get_component_rich_style(f"article-body--{name}", partial=True))

    def _block_content(self, i: int) -> Content:
        content = self._content_cache.get(i)
        if content is not None:
            return content
        block = self.blocks[i]
        text = self.texts[i]
        spans: list[Span] = []
        if block.kind in ("heading", "blockquote", "figure", *VERBATIM_KINDS):
            spans.append(Span(0, len(text), self._style("preformatted" if block.kind in VERBATIM_KINDS else block.kind)))
        link_style = self._style("link")
        for link in block.links:
            if 0 <= link.start < link.end <= len(text):
                spans.append(Span(link.start, link.end, link_style))
        if i in self.quote_marks:
            start, end = self.quote_marks[i]
            if start < end:
                spans.append(Span(start, end, self._style("quote")))
        for n in self._match_by_block.get(i, ()):
            m = self.matches[n]
            spans.append(Span(m.start, m.end, self._style("match-current" if n == self.current_match else "match")))
        content = Content(text, spans, strip_control_codes=False)
        self._content_cache[i] = content
        return content

    def _render_text_line(self, block: int, n: int, width: int) -> Strip:
        key = (block, n)
        strip = self._cache.get(key)
        if strip is not None:
            return strip
        kind = self.blocks[block].kind
        first, rest = prefix(self.blocks[block])
        start, end = self.spans[block][n]
        line = self._block_content(block)[start:end]
        if kind not in VERBATIM_KINDS:
            line = line.rstrip()
        marker = Content.styled(first if n == 0 else rest, self._style("marker"))
        pieces = [Content(" " * self._margin(width)), marker, line]
        if kind not in VERBATIM_KINDS and folded(self.texts[block], end):
            pieces.append(Content.styled(FOLD, self._style("marker")))
        if kind in VERBATIM_KINDS:
            fill = self.measure - marker.cell_length - line.cell_length
            pieces.append(Content.styled(" " * max(0, fill), self._style("preformatted")))
        segments = Content.assemble(*pieces).render_segments(self.visual_style)
        strip = Strip(segments).crop_extend(0, width, self.rich_style)
        self._cache[key] = strip
        return strip

    def render_line(self, y: int) -> Strip:
        self.layout_lines()
        width = self.scrollable_content_region.width
        scroll_y = round(self.scroll_y)
        absolute = scroll_y + y
        if not self.tops:
            return Strip.blank(width, self.rich_style)
        block = self.block_at_y(absolute)
        n = absolute - self.tops[block]
        if n < 0 or n >= len(self.spans[block]):
            return Strip.blank(width, self.rich_style)
        return self._render_text_line(block, n, width).apply_offsets(0, absolute)

    # ----- actions ------------------------------------------------------------------------

    def action_top(self) -> None:
        self.scroll_home(animate=False)

    def action_bottom(self) -> None:
        self.scroll_end(animate=False)

    def action_scroll_down(self) -> None:
        self.scroll_relative(y=1, animate=False)

    def action_scroll_up(self) -> None:
        self.scroll_relative(y=-1, animate=False)

    def action_page_down(self) -> None:
        self.scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        self.scroll_page_up(animate=False)
