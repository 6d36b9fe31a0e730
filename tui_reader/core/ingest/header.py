"""The note a saved article carries about where it came from and when it was saved.

Written by `save` and `import`, read by the loader (the address for links and citations, the
time of saving as the access date, the user's tags):

- HTML: the browsers' note `<!-- saved from url=(NNNN)ADDRESS -->` (NNNN: the address's length,
  as Internet Explorer and Chrome write it), then `<!-- saved date: ISO 8601 -->` (SingleFile
  writes a "saved date:" line too, in JavaScript's date form; both are read) and, when there are
  tags, `<!-- tags: a, b -->`. The page's bytes follow unchanged.
- Markdown and plain text: front matter with `url`, `saved` and `tags` before the text.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from datetime import datetime

SNIFF_CHARS = 4096  # the note is at the top: only this much of a file is searched for it
FRONT_KEYS = ("url", "saved", "tags")

_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->", re.IGNORECASE)
_SAVED_DATE = re.compile(r"^\s*saved date:\s*(.+?)\s*$", re.IGNORECASE | re.MULTILINE)
_TAGS = re.compile(r"<!--\s*tags:\s*(.*?)\s*-->", re.IGNORECASE | re.DOTALL)
_FRONT = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_UNSAFE_IN_COMMENT = re.compile(r"--+|[<>\x00-\x1f\x7f]")
_UTF16_32 = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(frozen=True)
class SavedNote:
    url: str | None = None
    saved: datetime | None = None
    tags: tuple[str, ...] = ()

    @property
    def accessed(self) -> str | None:
        """The day of saving (YYYY-MM-DD, in the saver's time zone): a citation's access date."""
        return self.saved.date().isoformat() if self.saved else None


# ------------------------------------------------------------------------------------------------
# Writing


def clean_tags(tags) -> tuple[str, ...]:
    """Tags as a tuple of one-line names, in order, each once (case-insensitively)."""
    seen: dict[str, str] = {}
    for tag in tags or ():
        name = " ".join(_UNSAFE_IN_COMMENT.sub(" ", str(tag)).replace(",", " ").split())
        if name and name.casefold() not in seen:
            seen[name.casefold()] = name
    return tuple(seen.values())


def _safe_url(url: str) -> str:
    return re.sub(r"[\s<>\"]", lambda m: f"%{ord(m.group()):02X}", url)


def html_note(url: str, saved: datetime, tags=(), charset: str | None = None) -> str:
    """The lines put before a page's bytes. `charset`, when the server named one that the page
    itself does not declare, goes in a meta tag so that the file decodes as it was served."""
    url = _safe_url(url)
    lines = [f"<!-- saved from url=({len(url):04d}){url} -->", f"<!-- saved date: {saved.isoformat(timespec='seconds')} -->"]
    tags = clean_tags(tags)
    if tags:
        lines.append(f"<!-- tags: {', '.join(tags)} -->")
    if charset:
        lines.append(f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">')
    return "\n".join(lines) + "\n"


def front_matter_lines(url: str, saved: datetime, tags=()) -> list[str]:
    lines = [f"url: {yaml_text(_safe_url(url))}", f"saved: {saved.isoformat(timespec='seconds')}"]
    tags = clean_tags(tags)
    if tags:
        lines.append("tags: [" + ", ".join(yaml_text(t) for t in tags) + "]")
    return lines


def yaml_text(value: str) -> str:
    """A one-line YAML scalar that the front matter reader gives back as it was: plain, in double quotes
    when it holds no quote nor backslash (no escape to read), else in single quotes ("'" written twice)."""
    if re.fullmatch(r"[\w./:?&=%+~#@!$*;-]+", value) and value[0] not in "!&*#@%":
        return value
    if '"' not in value and "\\" not in value:
        return f'"{value}"'
    return "'" + value.replace("'", "''") + "'"


def with_note(data: bytes, kind: str, url: str, saved: datetime, tags=(), charset: str | None = None) -> bytes:
    """The file to write: `data` (the bytes received) with the note in front.

    `kind` is "html", "markdown" or "text". HTML keeps its bytes as they are (a byte-order mark
    stays first, and the note is written in that encoding). Markdown and text are written as
    UTF-8 (decoded with `charset` when the server named another) with the note as front matter;
    front matter already there gets the note's keys added at its top.
    """
    if kind == "html":
        for bom, encoding in _UTF16_32:
            if data.startswith(bom):
                return bom + html_note(url, saved, tags).encode(encoding) + data[len(bom):]
        bom = codecs.BOM_UTF8 if data.startswith(codecs.BOM_UTF8) else b""
        if bom or _declares_charset(data) or not _not_utf8(data, charset):
            charset = None  # the page says how it is encoded, or it is UTF-8 as the decoder assumes
        return bom + html_note(url, saved, tags, charset).encode("ascii") + data[len(bom):]
    text = _text_of(data, charset)
    match = _FRONT.match(text)
    if match:
        # the page's own front matter keeps its keys: its address stays its `url` (ours is `saved_from`), its
        # tags are kept beside the ones given
        from tui_reader.core.extract.markdown import _front_matter

        page = _front_matter(text.replace("\r\n", "\n"))[0]
        page_tags = page.get("tags") or ()
        page_tags = page_tags.strip("[]").split(",") if isinstance(page_tags, str) else page_tags
        lines = front_matter_lines(url, saved, (*page_tags, *tags))
        if isinstance(page.get("url"), str) and page["url"].strip():
            lines[0] = "saved_from: " + lines[0].split(": ", 1)[1]
        first_line_end = text.index("\n") + 1
        ours = {line.split(":", 1)[0] for line in lines}
        closing = text[match.end(1):match.end()]
        text = text[:first_line_end] + "\n".join(lines + _without_keys(match.group(1), ours)) + closing + text[match.end():]
    else:
        text = "---\n" + "\n".join(front_matter_lines(url, saved, tags)) + "\n---\n" + text
    return text.encode("utf-8")


def _without_keys(front: str, keys: set[str]) -> list[str]:
    """The front matter's lines without the entries of `keys`, a key's list items and continued lines with it."""
    kept: list[str] = []
    dropping = False
    for line in front.splitlines():
        if line[:1] in (" ", "\t", "-") and line.strip():
            if not dropping:
                kept.append(line)
            continue
        dropping = line.split(":", 1)[0].strip().lower() in keys
        if not dropping:
            kept.append(line)
    return kept


def _text_of(data: bytes, charset: str | None) -> str:
    if not _not_utf8(data, charset):
        return data.decode("utf-8-sig")
    try:
        return data.decode(charset or "", errors="replace")
    except LookupError:
        from tui_reader.core.extract.decode import decode

        return decode(data, html=False)[0]


def _declares_charset(data: bytes) -> bool:
    return re.search(rb"<meta[^>]+charset", data[:8192], re.IGNORECASE) is not None


def _not_utf8(data: bytes, charset: str | None) -> bool:
    try:
        if charset and codecs.lookup(charset).name not in ("utf-8", "ascii"):
            return True
    except LookupError:
        pass
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


# ------------------------------------------------------------------------------------------------
# Reading


def parse_saved_time(text: str | None) -> datetime | None:
    """ISO 8601, or the JavaScript form SingleFile writes ("Sat Feb 25 2023 10:08:03 GMT+0100 (…)")."""
    if not text:
        return None
    text = re.sub(r"\s*\([^)]*\)\s*$", "", str(text).strip())
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    for form in ("%a %b %d %Y %H:%M:%S GMT%z", "%a, %d %b %Y %H:%M:%S %z", "%a, %d %b %Y %H:%M:%S GMT"):
        try:
            return datetime.strptime(text, form)
        except ValueError:
            continue
    return None


def read_note(text: str) -> SavedNote:
    """The note at the top of an HTML page's text (empty when there is none)."""
    head = text[:SNIFF_CHARS]
    found = _SAVED_FROM.search(head)
    url = found.group(1) if found else None
    saved = None
    for comment in re.findall(r"<!--(.*?)-->", head, re.DOTALL):
        match = _SAVED_DATE.search(comment)
        if match:
            saved = parse_saved_time(match.group(1))
            if url is None:  # SingleFile: "url: ADDRESS" in the same comment
                single = re.search(r"^\s*url:\s*(https?://\S+)", comment, re.IGNORECASE | re.MULTILINE)
                url = single.group(1) if single else None
            break
    tags = _TAGS.search(head)
    return SavedNote(url, saved, clean_tags(tags.group(1).split(",")) if tags else ())


def note_from_front_matter(meta: dict) -> SavedNote:
    """The note in front matter already parsed into `meta` (keys lower-cased)."""
    # where it was saved from: `saved_from` where the page's front matter has a `url` of its own
    url = next((meta[k] for k in ("saved_from", "url") if isinstance(meta.get(k), str) and meta[k]), None)
    # web clippers write the clip's time as "created" (Obsidian Web Clipper, MarkDownload) or "clipped"
    saved = next((parse_saved_time(meta[k]) for k in ("saved", "date_saved", "saved_at", "accessed", "created",
                                                      "clipped", "date_clipped")
                  if isinstance(meta.get(k), str) and meta[k]), None)
    tags = meta.get("tags") or meta.get("labels") or ()
    if isinstance(tags, str):
        tags = tags.split(",")
    return SavedNote(url, saved, clean_tags(tags))


def split_front_matter(text: str) -> tuple[dict, str]:
    """(front matter, rest) of a text that starts with one written by `with_note`; else ({}, text)."""
    from tui_reader.core.extract.markdown import _front_matter

    meta, rest = _front_matter(text.replace("\r\n", "\n"))
    if not any(k in meta for k in ("url", "saved")):
        return {}, text
    return meta, rest
