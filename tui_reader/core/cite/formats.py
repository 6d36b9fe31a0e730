"""Reference-manager formats: BibTeX (biblatex `@online`/`@article`), CSL-JSON, RIS."""

from __future__ import annotations

import datetime
import re
import unicodedata

from tui_reader.core.cite.data import (
    authors_of,
    blog_of,
    csl_item,
    csl_name,
    kind_of,
    parse_date,
    publisher_of,
    sort_name,
)
from tui_reader.core.model import Metadata
from tui_reader.core.sanitize import terminal_json

_RIS_TYPES = {"article-newspaper": "NEWS", "webpage": "ELEC", "post-weblog": "BLOG"}
_LATEX_SPECIAL = re.compile(r"([\\{}&%$#_^~])")
_LATEX_REPLACE = {"\\": r"\textbackslash{}", "^": r"\^{}", "~": r"\~{}"}


def csl_json(items: list[dict]) -> str:
    """A CSL-JSON array (what Pandoc and Zotero import); control characters are \\u escapes."""
    return terminal_json(items, indent=2)


def _names(metadata: Metadata) -> list[dict]:
    return [csl_name(n) for n in authors_of(metadata)]


def _latex(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return _LATEX_SPECIAL.sub(lambda m: _LATEX_REPLACE.get(m.group(1), "\\" + m.group(1)), text)


def _ascii_slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", ascii_text.lower())


_KEY_SKIP = {"a", "an", "the", "of", "on", "in", "and", "to", "for", "at", "by", "with"}


def bibtex_key(metadata: Metadata) -> str:
    names = _names(metadata)
    first = names[0] if names else None
    who = (first.get("family") or first.get("literal")) if first else (metadata.site or "")
    parts = parse_date(metadata.published)
    title_words = [w for w in (_ascii_slug(w) for w in (metadata.title or "").split()) if w]
    word = next((w for w in title_words if w not in _KEY_SKIP), title_words[0] if title_words else "")
    key = _ascii_slug(who)[:20] + (str(parts[0]) if parts else "nd") + word[:20]
    return key if key[:1].isalpha() else "ref" + key


def _date_text(parts: list[int], sep: str = "-") -> str:
    return sep.join(f"{p:04d}" if i == 0 else f"{p:02d}" for i, p in enumerate(parts))


def bibtex_entry(metadata: Metadata, accessed: datetime.date, key: str | None = None,
                 notes: tuple[str, ...] = ()) -> str:
    """A biblatex entry; `notes` (the quotes) go into `annotation`, which styles do not print."""
    kind = kind_of(metadata)
    # biblatex's @article needs its journal: a news article whose paper is not known is @online
    entry_type = "article" if kind == "article-newspaper" and metadata.site and metadata.site.strip() else "online"
    fields: list[tuple[str, str]] = []
    names = _names(metadata)
    if names:
        fields.append(("author", " and ".join(
            "{" + _latex(n["literal"]) + "}" if "literal" in n else _latex(sort_name(n)) for n in names)))
    if metadata.title and metadata.title.strip():
        fields.append(("title", "{" + _latex(metadata.title) + "}"))  # keep the source's casing
    if metadata.site and metadata.site.strip():
        fields.append(("journal" if entry_type == "article" else "organization", _latex(metadata.site)))
    if entry_type == "article":
        fields.append(("entrysubtype", "newspaper"))  # biblatex: a newspaper, not a journal
    if publisher_of(metadata):
        fields.append(("publisher", _latex(publisher_of(metadata))))
    parts = parse_date(metadata.published)
    if parts:
        fields.append(("date", _date_text(parts)))
        fields.append(("year", str(parts[0])))
    if metadata.url and metadata.url.strip():
        fields.append(("url", metadata.url.strip().replace("{", "%7B").replace("}", "%7D")))
    fields.append(("urldate", accessed.isoformat()))
    if metadata.language:
        fields.append(("langid", _latex(metadata.language)))
    if notes:
        fields.append(("annotation", " \\par ".join(_latex(n) for n in notes)))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{entry_type}{{{key or bibtex_key(metadata)},\n{body}\n}}"


def ris_record(metadata: Metadata, accessed: datetime.date, notes: tuple[str, ...] = (),
               extra: tuple[tuple[str, str], ...] = ()) -> str:
    """An RIS record; each of `notes` (the quotes) becomes an N1 line; `extra` (tag, value) lines
    follow the type line."""
    lines = [("TY", _RIS_TYPES[kind_of(metadata)]), *extra]
    for name in _names(metadata):
        lines.append(("AU", sort_name(name)))
    if metadata.title and metadata.title.strip():
        lines.append(("TI", re.sub(r"\s+", " ", metadata.title).strip()))
    container = (blog_of(metadata) or metadata.site or "").strip()  # a blog post's T2 is its blog's title
    if container:
        lines.append(("T2", container))
    if publisher_of(metadata):
        lines.append(("PB", publisher_of(metadata)))
    parts = parse_date(metadata.published)
    if parts:
        lines.append(("PY", f"{parts[0]:04d}"))
        padded = [f"{p:02d}" for p in parts[1:]] + [""] * (2 - len(parts[1:]))
        lines.append(("DA", f"{parts[0]:04d}/{padded[0]}/{padded[1]}/"))
    if metadata.url and metadata.url.strip():
        lines.append(("UR", metadata.url.strip()))
    lines.append(("Y2", accessed.strftime("%Y/%m/%d/")))
    if metadata.language:
        lines.append(("LA", metadata.language))
    lines.extend(("N1", re.sub(r"\s+", " ", note).strip()) for note in notes)
    lines.append(("ER", ""))
    return "\n".join(f"{tag}  - {value}" for tag, value in lines)


__all__ = ["bibtex_entry", "bibtex_key", "csl_item", "csl_json", "ris_record"]
