"""The last tidying of a web page's body blocks, on their text: what the tree's cleaning cannot see.

Each rule is general, none keyed to a site:

- a block with no word character is a separator ("* * *", "• • •"), not text (AP's "___" before its notes
  stays: the benchmark's hand-checked texts keep it);
- a block quote whose words stand in full in one of the article's paragraphs is a pull quote, the
  sentence shown large a second time (its quotation would be listed twice, and the paragraphs after it
  numbered wrong in a citation);
- a heading with nothing under it before the next heading of its rank (or the end) heads no section:
  its links or box were removed ("More:" over related links), and it would split the article and be
  cited as a section. Not where the article has no paragraph at all.

Repeated short blocks are left alone: a table's cells and a gallery's captions repeat on purpose.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tui_reader.core.model import Block, BlockKind

PULL_QUOTE_WORDS = 6  # the shortest block quote taken for a pull quote
_WORD = re.compile(r"\w+")


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def tidy_blocks(blocks: Sequence[Block]) -> list[Block]:
    quoted = any(b.kind == BlockKind.BLOCKQUOTE for b in blocks)  # the paragraphs' words are read only then
    paragraphs = " \n ".join(_key(b.text) for b in blocks if b.kind == BlockKind.PARAGRAPH) if quoted else ""
    kept: list[Block] = []
    for block in blocks:
        if not _WORD.search(block.text):
            continue  # "* * *", "• • •": a separator
        if (quoted and block.kind == BlockKind.BLOCKQUOTE and (key := _key(block.text)).count(" ") + 1 >= PULL_QUOTE_WORDS
                and key in paragraphs):
            continue  # a pull quote: the paragraph holding it stays
        kept.append(block)
    return _without_empty_headings(kept) if any(b.kind == BlockKind.PARAGRAPH for b in kept) else kept


def _without_empty_headings(blocks: list[Block]) -> list[Block]:
    out: list[Block] = []
    for n, block in enumerate(blocks):
        if block.kind == BlockKind.HEADING:
            following = blocks[n + 1] if n + 1 < len(blocks) else None
            if following is None or (following.kind == BlockKind.HEADING and following.level <= block.level):
                continue
        out.append(block)
    return out
