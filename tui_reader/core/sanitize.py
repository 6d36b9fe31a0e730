"""Text hygiene shared by every format: no control characters or escape sequences reach a terminal."""

from __future__ import annotations

import re
import unicodedata

# ESC-introduced sequences (CSI, OSC, DCS, …) first, then any remaining C0/C1 control character
# except tab and newline, then bidi overrides/isolates that can reorder what a reader sees.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"          # CSI … final byte
    r"|\x1b[\]PX^_].*?(?:\x07|\x1b\\|\x9c)"  # OSC/DCS/SOS/PM/APC … terminator
    r"|\x9b[0-?]*[ -/]*[@-~]"           # 8-bit CSI
    r"|[\x9d\x90\x98\x9e\x9f].*?(?:\x07|\x1b\\|\x9c)"  # 8-bit OSC/DCS/…
    r"|\x1b[@-Z\\-_]?",
    re.DOTALL,
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]")


def strip_controls(text: str) -> str:
    """Remove terminal escape sequences and control characters; keep tab and newline."""
    if not text:
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROLS.sub("", _ESCAPES.sub("", text))


_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
# Characters with no width or glyph: soft hyphen, zero-width space/joiners, word joiner, BOM.
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_ZERO_WIDTH = re.compile(f"[{INVISIBLE}]")


def clean_inline(text: str) -> str:
    """One line of visible text: controls gone, zero-width characters gone, spaces folded, NFC."""
    text = _ZERO_WIDTH.sub("", strip_controls(text)).replace("\n", " ")
    return unicodedata.normalize("NFC", _SPACES.sub(" ", text)).strip()
