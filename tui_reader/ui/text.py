"""Article text made safe for the terminal, built on the core's `strip_controls`.

The loader already strips controls. The UI still guards every string it shows: titles and
speakers go through `inline_text`; block text goes through `display_text`, which keeps the
text's length (each control character becomes a visible placeholder) so that quote, link and
search offsets still point at the right characters.
"""

from __future__ import annotations

import re

from rich.cells import cell_len
from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter

from tui_reader.core.sanitize import CONTROLS, clean_inline, strip_controls

ESCAPE_PICTURE = "\u241b"  # ␛
REPLACEMENT = "\ufffd"
# Every character `strip_controls` removes or rewrites (C0/C1 controls, which begin every escape
# sequence, bidi controls, BOM), plus tab: text with none of them is shown as it is. One
# character-class search instead of the two substitutions: 5 MB of text in ~35 ms, not ~170 ms.
_NEEDS_CARE = re.compile(f"[\\t{CONTROLS}]").search


def display_text(text: str) -> str:
    """`text` with every control character, escape or bidi override replaced one-for-one."""
    if _NEEDS_CARE(text) is None:
        return text
    out = []
    for ch in text:
        if ch == "\x1b":
            out.append(ESCAPE_PICTURE)
        elif ch == "\t":
            out.append(" ")
        elif ch == "\n":
            out.append(ch)
        elif strip_controls(ch) != ch:
            out.append(REPLACEMENT)
        else:
            out.append(ch)
    return "".join(out)


def inline_text(text: str | None, default: str = "") -> str:
    """One line of safe text for titles, speakers, sites, headlines."""
    return clean_inline(text or "") or default


def shorten(text: str, limit: int) -> str:
    text = inline_text(text)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    cut = cut if len(cut) > limit // 2 else text[: limit - 1]
    return cut.rstrip(" .…,;:—–-") + "…"  # "in his head …" cut there reads "in his head…", not "……"


class ControlFilter(LineFilter):
    """The last guard before the terminal: a rendered line's text never holds a control character or an
    escape sequence, whichever widget drew it (a file name in a splash, a folder in a dialog). What
    `strip_controls` takes away is made up with spaces, so the line keeps its width."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        if not any(_NEEDS_CARE(text) for text, _, control in segments if not control):
            return segments
        out = []
        for segment in segments:
            text, style, control = segment
            if not control and _NEEDS_CARE(text):
                width = cell_len(text)
                text = strip_controls(text.replace("\t", " ")).replace("\n", " ")
                text += " " * max(0, width - cell_len(text))
                segment = Segment(text, style)
            out.append(segment)
        return out
