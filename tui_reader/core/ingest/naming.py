"""Readable file names for saved pages: `site/YYYY-MM-DD-title-slug.ext`.

The site is the address's host (without "www."); the date is the day of saving; the slug comes
from the page's title (letters of every script are kept), else from the address's last segment.
"""

from __future__ import annotations

import html
import re
import unicodedata
from datetime import datetime
from urllib.parse import unquote

from tui_reader.core import urls
from tui_reader.core.extract.decode import decode

SLUG_CHARS = 60
EXTENSIONS = {"html": ".html", "markdown": ".md", "text": ".txt"}
_TITLE_SNIFF = 256 * 1024  # the title is in a page's head: only this much is decoded to find it

_OG_TITLE = re.compile(
    r"""<meta\s(?=[^>]*?(?:property|name)\s*=\s*["']?(?:og|twitter):title["'\s>])[^>]*?content\s*=\s*(["'])(.*?)\1""",
    re.IGNORECASE | re.DOTALL)
_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)
_FRONT_TITLE = re.compile(r"\A\ufeff?---\s*\n(?:.*?\n)*?title\s*:\s*(.+?)\s*\n", re.IGNORECASE)
_MD_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)


def site_folder(url: str) -> str:
    host = urls.host(url)
    try:
        host = host.encode("ascii").decode("idna") if "xn--" in host else host
    except UnicodeError:
        pass
    host = re.sub(r"[^\w.-]+", "-", host).strip(".-")
    return host or "unknown-site"


def slug(text: str | None, limit: int = SLUG_CHARS) -> str:
    """Lower-case words joined by hyphens, cut at a word boundary within `limit` characters."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    text = "".join(_ascii_base(c) for c in text)
    words = re.findall(r"\w+", text.replace("_", " ").replace("'", "").replace("’", ""))
    out = ""
    for word in words:
        candidate = f"{out}-{word}" if out else word
        if len(candidate) > limit:
            return out or word[:limit]
        out = candidate
    return out


def _ascii_base(char: str) -> str:
    """"é" → "e"; a letter of another script stays as it is (Hangul is not split into jamo)."""
    parts = unicodedata.normalize("NFD", char)
    if parts[0].isascii():
        return "".join(c for c in parts if unicodedata.category(c) != "Mn")
    return char


def page_title(data: bytes, kind: str, charset: str | None = None) -> str | None:
    """A page's title as it names itself, read lightly (no parsing of the whole page)."""
    head = data[:_TITLE_SNIFF]
    if charset:
        try:
            text = head.decode(charset, errors="replace")
        except LookupError:
            text = decode(head, html=kind == "html")[0]
    else:
        text = decode(head, html=kind == "html")[0]
    if kind == "html":
        for pattern, group in ((_OG_TITLE, 2), (_TITLE, 1)):
            match = pattern.search(text)
            if match:
                title = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", match.group(group))).split())
                if title:
                    return title
        return None
    match = _FRONT_TITLE.match(text) or (_MD_HEADING.search(text) if kind == "markdown" else None)
    if match:
        return match.group(1).strip("\"' ")
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return first[:200] or None


def url_slug(url: str) -> str:
    parts = urls.split(url)
    path = unquote(parts.path if parts else "").rstrip("/")
    last = path.rsplit("/", 1)[-1]
    return slug(re.sub(r"\.[A-Za-z0-9]{1,5}$", "", last)) or slug(parts.hostname if parts else None) or "page"


def file_name(url: str, saved: datetime, title: str | None, kind: str) -> str:
    """The path, relative to the library folder, before any suffix that keeps it new."""
    name = f"{saved.date().isoformat()}-{slug(title) or url_slug(url)}"
    return f"{site_folder(url)}/{name}{EXTENSIONS[kind]}"
