"""Text hygiene shared by every format: no control characters or escape sequences reach a terminal.

One definition of what is unsafe (`CONTROLS`: C0 and C1 controls but tab and newline, bidi
controls, BOM and non-characters) serves everything: `strip_controls` for article text, notices and
whatever a command prints; `terminal_json` for JSON printed where a terminal may show it (the same
characters escaped, so the JSON still decodes to exactly the same values).
"""

from __future__ import annotations

import json
import re
import unicodedata

# Bidi controls reorder what a reader sees: embeddings/overrides (U+202A-U+202E), isolates
# (U+2066-U+2069) and the marks LRM, RLM and ALM (U+200E, U+200F, U+061C).
BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
# Every character that never reaches a terminal: C0 controls except tab and newline, DEL, C1
# controls, bidi controls, BOM and the non-characters U+FFFE/U+FFFF. A regex character class.
CONTROLS = f"\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f{BIDI}\\ufeff\\ufffe\\uffff"

# ESC-introduced sequences (CSI, OSC, DCS, …) first, then any remaining control character. A string
# sequence (OSC, DCS, SOS, PM, APC) counts only up to its terminator; an unterminated one loses just
# its introducer, so that the rest of the text stays (and a scan never runs past the next ESC:
# the work stays linear however many introducers a page holds).
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"          # CSI … final byte
    r"|\x1b[\]PX^_][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)"  # OSC/DCS/SOS/PM/APC … terminator
    r"|\x9b[0-?]*[ -/]*[@-~]"           # 8-bit CSI
    r"|[\x9d\x90\x98\x9e\x9f][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)"  # 8-bit OSC/DCS/…
    r"|\x1b[@-Z\\-_]?",
)
_UNSAFE = re.compile(f"{_ESCAPES.pattern}|[{CONTROLS}]")  # one pass: sequences whole, then characters
_SURROGATES = re.compile("[\ud800-\udfff]")  # a file name's bytes that are not UTF-8 (os.fsdecode)
_NEEDS_CARE = re.compile(f"[{CONTROLS}\ud800-\udfff]")


def strip_controls(text: str) -> str:
    """Remove terminal escape sequences and control characters; keep tab and newline. Lone
    surrogates (a file name's bytes that are not UTF-8) become U+FFFD: the text can always be
    printed, and it can never drive the terminal."""
    if not text:
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not _NEEDS_CARE.search(text):
        return text
    return _SURROGATES.sub("\ufffd", _UNSAFE.sub("", text))


def terminal_json(value, **options) -> str:
    """`json.dumps(value, ensure_ascii=False, **options)` with every character `strip_controls`
    would remove or replace written as a \\u escape: exactly the same data, safe to print."""
    text = json.dumps(value, ensure_ascii=False, **options)
    return _NEEDS_CARE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)

_ASCII_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # what strip_controls takes of ASCII but CR
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
# Characters with no width or glyph: soft hyphen, zero-width space/joiners, word joiner, BOM.
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_ZERO_WIDTH = re.compile(f"[{INVISIBLE}]")


def clean_inline(text: str) -> str:
    """One line of visible text: controls gone, zero-width characters gone, spaces folded, NFC. Plain ASCII
    text without controls, most link text and names, is only folded (the same result, the quick way)."""
    if text.isascii() and not _ASCII_CONTROLS.search(text):
        return " ".join(text.split())
    text = _ZERO_WIDTH.sub("", strip_controls(text)).replace("\n", " ")
    return unicodedata.normalize("NFC", _SPACES.sub(" ", text)).strip()
