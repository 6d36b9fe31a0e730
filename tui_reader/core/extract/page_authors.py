"""A page's authors, from the most explicit source that names any.

JSON-LD says whether each author is a Person or an Organization; then `citation_author` and
Dublin Core `DC.creator` (each may be repeated, one name a tag), then the `author`-style meta
tags, then visible bylines (rel/itemprop author, byline classes).
"""

from __future__ import annotations

import re

from tui_reader.core.extract.people import clean_authors
from tui_reader.core.model import Author
from tui_reader.core.sanitize import clean_inline

_BYLINE_CLASS = re.compile(r"\b(?:byline|author-name|author__name|article-author|c-byline)\b")
_URL = re.compile(r"^(?:https?:)?//|^www\.")


def meta_values(root, *names: str) -> list[str]:
    """Every non-empty content of <meta property|name|itemprop=NAME> for the names, in page order."""
    values = []
    for el in root.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        if key in names:
            value = clean_inline(el.get("content") or "")
            if value:
                values.append(value)
    return values


def jsonld_kind(obj: dict) -> str | None:
    """"person" or "organization" from a JSON-LD object's @type, None when it says neither."""
    types = obj.get("@type")
    for t in types if isinstance(types, list) else [types]:
        t = str(t or "").rsplit("/", 1)[-1].lower()
        if t == "person":
            return "person"
        if t.endswith("organization") or t in ("corporation", "newsmediaorganization", "ngo", "project"):
            return "organization"
    return None


def jsonld_authors(value) -> list[Author]:
    """Authors of a JSON-LD `author` value: a name, an object with @type and name, or a list of them."""
    found: list[Author] = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str):
            found += clean_authors([item]) if not _URL.match(item.strip()) else []
        elif isinstance(item, dict):
            names = item.get("name")
            names = [n for n in (names if isinstance(names, list) else [names]) if isinstance(n, str)]
            found += clean_authors(names, jsonld_kind(item))
    unique: list[Author] = []
    for one in found:
        if one.name.casefold() not in {a.name.casefold() for a in unique}:
            unique.append(one)
    return unique


def visible_bylines(root) -> list[Author]:
    candidates = []
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag in ("meta", "link", "script"):
            continue
        if el.get("rel") == "author" or el.get("itemprop") == "author":
            candidates.append(el)
            continue
        if _BYLINE_CLASS.search(f"{el.get('class') or ''} {el.get('id') or ''}".lower()):
            candidates.append(el)
    texts = []
    for el in candidates[:6]:
        text = clean_inline(" ".join(el.itertext()))
        if 0 < len(text) <= 120:
            texts.append(text)
    return clean_authors(texts)


def page_authors(root, article_ld: dict) -> tuple[Author, ...]:
    sources = (
        lambda: jsonld_authors(article_ld.get("author")),
        lambda: clean_authors(meta_values(root, "citation_author")),
        lambda: clean_authors(meta_values(root, "dc.creator", "dcterms.creator")),
        lambda: clean_authors([v for v in meta_values(root, "author", "article:author", "sailthru.author",
                                                      "parsely-author", "byl") if not _URL.match(v)]),
        lambda: visible_bylines(root),
    )
    for source in sources:
        found = source()
        if found:
            return tuple(found)
    return ()
