"""Reading an article file's bytes, telling its format by content, and decoding it to text."""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from tui_reader.core.model import ArticleError
from tui_reader.core.sanitize import strip_controls

MAX_BYTES = 50 * 1024 * 1024  # larger files are refused: no saved article is this big
MAX_CHARS = 12_000_000  # characters of text, or of HTML markup once scripts, styles and data: URIs are gone

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Magic numbers of formats that are certainly not articles.
_BINARY_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a zip archive",
    b"PK\x05\x06": "a zip archive",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "an executable",
    b"BZh": "a bzip2 archive",
    b"7z\xbc\xaf": "a 7z archive",
    b"\xd0\xcf\x11\xe0": "an Office document",
    b"SQLite format 3": "an SQLite database",
    b"RIFF": "a RIFF media file",
    b"OggS": "an Ogg media file",
    b"ID3": "an MP3 file",
}

_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
# A page's first tag, or a saved fragment's: structural elements only (a Markdown file may open with HTML).
_PAGE_TAGS = r"html|head|body|meta|title|article|div|p|h[1-6]|section|main|header|nav|aside|footer|table|center|form"
_HTML_START = re.compile(rf"<(?:!doctype\s+html|{_PAGE_TAGS})\b", re.IGNORECASE)
# What may come before a page's first tag: comments, style and script blocks, links (a page saved with
# a large inline <style> first), white space.
_LEADING = re.compile(
    r"\s+|<!--.*?-->|<(style|script)\b[^>]*>.*?</\1\s*>|<link\b[^>]*>", re.IGNORECASE | re.DOTALL
)
_DOCUMENT_TAG = re.compile(r"<(?:!doctype\s+html|html)\b", re.IGNORECASE)
SNIFF_CHARS = 262_144  # a leading <style> block can be this large
_MAX_LINES_BEFORE = 8  # server warnings or notices printed before the page
_MAX_CHARS_BEFORE = 16_384
_BLOCK_OPENING = re.compile(r"<!--|<(?:style|script)\b", re.IGNORECASE)
_HTML_ANYWHERE = re.compile(rf"<(?:{_PAGE_TAGS})\b[^>]*>", re.IGNORECASE)
_MD_SIGNS = re.compile(
    r"^(?:---\n|#{1,6} \S)|^\[[^\]\n]+\]\([^)\s]+\)|^(?:[-*+]|\d+\.) \S|^> |^```", re.MULTILINE
)
_MD_LIST = re.compile(r"^(?:[-*+]|\d+\.) \S", re.MULTILINE)
_MD_LINK = re.compile(r"\[[^\]\n]+\]\((?:https?://|/|\.)[^)\s]*\)")


@dataclass(frozen=True)
class RawArticle:
    path: str
    data: bytes
    text: str
    encoding: str
    format: str  # html | text | markdown
    warnings: tuple[str, ...] = ()


@contextmanager
def open_regular(path: str | os.PathLike) -> Iterator[BinaryIO]:
    """The file open for reading, if it is a regular file; else ArticleError. Opened without
    blocking (a FIFO with no writer would wait for ever) and told by `fstat` of what was opened,
    so a link to /dev/zero or a FIFO named *.html is refused before a byte is read."""
    name = os.fsdecode(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise ArticleError(name, "no such file") from None
    except IsADirectoryError:
        raise ArticleError(name, "is a directory, not an article file") from None
    except PermissionError:
        raise ArticleError(name, "permission denied") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise ArticleError(name, "a loop of symbolic links, no file at its end") from None
        try:  # a socket cannot be opened at all ("No such device or address"): say what it is
            special = _SPECIAL.get(stat.S_IFMT(os.stat(path).st_mode))
        except OSError:
            special = None
        if special:
            raise ArticleError(name, f"not an article file: {special}") from None
        raise ArticleError(name, f"cannot read: {exc.strerror or exc}") from None
    try:
        kind = os.fstat(fd).st_mode
        if stat.S_ISDIR(kind):
            raise ArticleError(name, "is a directory, not an article file")
        if not stat.S_ISREG(kind):
            raise ArticleError(name, f"not an article file: {_SPECIAL.get(stat.S_IFMT(kind), 'a special file')}")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        handle = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    with handle:
        yield handle


_SPECIAL = {stat.S_IFIFO: "a FIFO (named pipe)", stat.S_IFCHR: "a device", stat.S_IFBLK: "a device",
            stat.S_IFSOCK: "a socket"}


def read_bytes(path: Path) -> bytes:
    """The file's bytes: a regular file of at most MAX_BYTES, read with that cap (a file that grows
    while it is read is refused like a large one)."""
    name = str(path)
    too_large = f"too large (the limit is {MAX_BYTES // 1048576} MB)"
    with open_regular(path) as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > MAX_BYTES:
            raise ArticleError(name, f"too large ({size / 1048576:.0f} MB; the limit is {MAX_BYTES // 1048576} MB)")
        try:
            data = handle.read(MAX_BYTES + 1)
        except OSError as exc:
            raise ArticleError(name, f"cannot read: {exc.strerror or exc}") from None
    if len(data) > MAX_BYTES:
        raise ArticleError(name, too_large)
    if not data.strip():
        raise ArticleError(name, "empty file")
    return data


def binary_kind(data: bytes) -> str | None:
    """What the bytes certainly are when they are no text ("a PDF document", "a binary file"), else None."""
    for magic, kind in _BINARY_MAGIC.items():
        if data.startswith(magic):
            return kind
    head = data[:4096]
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return None
    if b"\x00" in head and not _utf16_without_bom(head):  # zero bytes: binary, unless UTF-16's
        return "a binary file"
    return None


def _utf16_without_bom(head: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" for text saved as UTF-16 without its byte order mark (a Windows tool's
    "Unicode" text): on one side of each pair, the high bytes of a few alphabets (zero for ASCII, 0x04 for
    Cyrillic …) and many zeros; on the other, the letters, hardly ever zero."""
    from collections import Counter

    head = head[: len(head) - len(head) % 2]
    if len(head) < 64:
        return None
    even, odd = head[0::2], head[1::2]
    for high, low, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        few = sum(n for _, n in Counter(high).most_common(4))
        if high.count(0) >= 0.05 * len(high) and few >= 0.95 * len(high) and low.count(0) <= 0.02 * len(low):
            return encoding
    return None


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:8192])
    if not match:
        return None
    name = match.group(1).decode("ascii", "replace").lower()
    try:
        name = codecs.lookup(name).name
    except LookupError:
        return None
    # Browsers treat a declared latin-1 as windows-1252 (the WHATWG encoding standard).
    return "cp1252" if name in ("latin_1", "iso8859-1", "ascii") else name


def decode(data: bytes, *, html: bool | None = None) -> tuple[str, str]:
    """Bytes to text: a BOM first, then an HTML charset declaration, then charset-normalizer.

    Never raises on bad bytes: undecodable sequences become U+FFFD.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), encoding
    if b"\x00" in data[:4096] and (wide := _utf16_without_bom(data[:4096])):
        return data.decode(wide, errors="replace"), wide
    looks_html = html if html is not None else looks_like_html(data[:SNIFF_CHARS].decode("latin-1"))
    declared = _declared_charset(data) if looks_html else None
    if declared and declared != "utf-8":
        if not data.isascii():
            try:  # valid UTF-8 with letters beyond ASCII is UTF-8 whatever the page says (a copied template)
                return data.decode("utf-8"), "utf-8"
            except UnicodeDecodeError:
                pass
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError:
            pass  # a wrong declaration is common: fall through to detection
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if declared in (None, "utf-8"):
        text = _mostly_utf8(data, 1 if declared else 10)
        if text is not None:
            return text, "utf-8"
    encoding = _detect(data[:200_000])
    return data.decode(encoding, errors="replace"), encoding


def _mostly_utf8(data: bytes, ratio: int) -> str | None:
    """UTF-8 with a few bad bytes (a truncated character, one pasted windows-1252 quote) stays UTF-8:
    its valid multi-byte characters outnumber the bad bytes (`ratio` times: by far when nothing is
    declared; at all when the page declares UTF-8), where a page in a single-byte code page has next
    to none. Read as windows-1252 instead, every accented letter would become mojibake ("Ã©")."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = len(text) - len(text.encode("ascii", "ignore")) - bad
    return text if good >= ratio * bad else None


def _detect(sample: bytes) -> str:
    """charset-normalizer's choice, except that among equally good readings windows-1252 wins.

    Western European text decodes without error under several single-byte code pages; windows-1252
    is by far the commonest of them (and what browsers assume), while detection ties are broken
    arbitrarily (cp1250 for French, say, which turns "è" into "č").
    """
    from charset_normalizer import from_bytes  # only for files that are not UTF-8: imported on need

    matches = list(from_bytes(sample))
    if not matches:
        return "utf-8"
    best = matches[0]
    tied = [m for m in matches if m.chaos <= best.chaos + 0.01 and m.coherence >= best.coherence - 0.05]
    for preferred in ("utf_8", "cp1252"):
        for match in tied:
            if match.encoding == preferred:
                return preferred
    return best.encoding


def looks_like_html(head: str) -> bool:
    """The text starts as an HTML page: its first tag after comments, styles and scripts is a page's,
    or a few lines (server warnings) come before its doctype or <html> tag."""
    pos = 0
    while match := _LEADING.match(head, pos):
        pos = match.end()
    if _HTML_START.match(head, pos):
        return True
    document = _DOCUMENT_TAG.search(head)
    if document is None:
        return False
    before = head[: document.start()]
    block = _BLOCK_OPENING.search(before)
    if block is not None:  # style and script blocks, comments between the warnings and the page: skipped
        pos = block.start()
        while match := _LEADING.match(head, pos):
            pos = match.end()
        if pos >= document.start():
            before = before[: block.start()]
    return before.count("\n") <= _MAX_LINES_BEFORE and len(before) <= _MAX_CHARS_BEFORE and "```" not in before


def detect_format(text: str, suffix: str) -> str:
    """By content first: an HTML document is HTML whatever its name; Markdown needs its signs."""
    head = text[:4096]
    if looks_like_html(text[:SNIFF_CHARS]) or (
        suffix in (".html", ".htm", ".xhtml") and _HTML_ANYWHERE.search(head)
    ):
        return "html"
    if suffix in (".md", ".markdown"):
        return "markdown"
    signs = len(_MD_SIGNS.findall(head)) + 2 * len(_MD_LINK.findall(head))
    if head.startswith("---\n") and re.search(r"^title\s*:", head, re.MULTILINE | re.IGNORECASE):
        return "markdown"
    if signs >= 3 and suffix not in (".txt", ".text"):
        return "markdown"
    # in a file named as text, lists ("1. ", "- ") are no sign: plain text numbers and dashes its lists too (a
    # page copied from a browser lists its menus and most-read headlines so)
    strong = signs - len(_MD_LIST.findall(head)) if suffix in (".txt", ".text") else signs
    if strong >= 6:
        return "markdown"
    return "text"


def read_article(path: Path) -> RawArticle:
    data = read_bytes(path)
    kind = binary_kind(data)
    if kind:
        raise ArticleError(str(path), f"not an article: looks like {kind}")
    text, encoding = decode(data)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)  # decomposed letters ("e" + U+0301) as one character
    replaced = text.count("\ufffd")
    if replaced > max(16, len(text) // 20):
        raise ArticleError(str(path), "not an article: mostly undecodable bytes")
    warnings = (f"{replaced} undecodable bytes replaced",) if replaced else ()
    text = strip_controls(text)  # no parser or terminal ever sees a control byte (lxml refuses them)
    fmt = detect_format(text, path.suffix.lower())
    if not text.strip(" \t\r\n\ufeff\ufffd"):
        raise ArticleError(str(path), "empty file")
    return RawArticle(str(path), data, text, encoding, fmt, warnings)
