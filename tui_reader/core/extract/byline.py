"""Byline and date lines at the top of a body: metadata, not article text."""

from __future__ import annotations

import re
from collections.abc import Sequence

from tui_reader.core.extract.dates import date_start, find_date_in_text
from tui_reader.core.extract.people import clean_authors
from tui_reader.core.model import Block, MetadataDraft

BYLINE = re.compile(r"^(?:by|von|par|por|di|door|автор|autor|autorka)(?:\s*:)?\s+(?P<names>[^,|•·–—]+)", re.IGNORECASE)
_DATE_WORDS = re.compile(
    r"^(?:(?:published|updated|posted|last updated|publié|mis à jour|veröffentlicht|aktualisiert|publicado|"
    r"опубликовано|le|am|on|el)\b[\s:]*)*",
    re.IGNORECASE,
)
LOOK_AT = 4  # blocks from the top


def take_byline(blocks: Sequence[Block], meta: MetadataDraft) -> list[Block]:
    """Drop short byline/date paragraphs from the top of the body, filling authors and date from them."""
    kept: list[Block] = []
    for i, block in enumerate(blocks):
        if i >= LOOK_AT:
            kept.extend(blocks[i:])
            break
        if block.kind != "paragraph" or len(block.text.split()) > 15:
            kept.append(block)
            continue
        text = block.text.strip()
        match = BYLINE.match(text)
        date = find_date_in_text(text)
        if match:
            names = clean_authors([before_date(text)])
            if not names:
                kept.append(block)
                continue
            if not meta.authors:
                meta.authors = tuple(names)
        elif not (date and only_date(text)):
            kept.append(block)
            continue
        if date and not meta.published:
            meta.published = date
    return kept


def before_date(text: str) -> str:
    """The byline without a date run on after the names ("By Ann Lee March 3, 2024")."""
    start = date_start(text)
    return text if start is None else text[:start]


def only_date(text: str, most: int = 10) -> bool:
    """The line says a date and little else ("Published: March 3, 2024 10:42"): at most `most` words, three of
    them words of letters."""
    stripped = _DATE_WORDS.sub("", text)
    words = [w for w in re.split(r"[\s,.:|/-]+", stripped) if w]
    letters = [w for w in words if re.search(r"[^\W\d_]{4,}", w)]
    return len(letters) <= 3 and len(words) <= most
