"""Grouping body blocks into sections at their headings."""

from __future__ import annotations

from collections.abc import Sequence

from tui_reader.core.model import Block, BlockKind, Section


def build_sections(blocks: Sequence[Block]) -> tuple[Section, ...]:
    """Each heading opens a section whose first block is that heading.

    What precedes the first heading is the lead section (title None); it is omitted when empty.
    An article without headings is one lead section.
    """
    sections: list[Section] = []
    title: str | None = None
    level = 0
    current: list[Block] = []
    for block in blocks:
        if block.kind == BlockKind.HEADING:
            if current or title is not None:
                sections.append(Section(title, level, tuple(current)))
            title, level, current = block.text, block.level, [block]
        else:
            current.append(block)
    if current or title is not None:
        sections.append(Section(title, level, tuple(current)))
    return tuple(sections)
