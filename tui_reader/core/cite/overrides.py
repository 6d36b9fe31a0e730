"""The user's corrections to an article's metadata, kept in the state store.

Stored under namespace "overrides", keyed by the article's content hash (so a renamed file keeps
them); the article file is never touched. An override dict maps a field to its value:
`authors` (a list of {"name", "kind"} objects; lists of plain names, or one string with names
separated by ";", as stored by earlier versions, are read too: each name's kind is then judged
from its words), `title`, `site`, `publisher`,
`published` (YYYY, YYYY-MM, YYYY-MM-DD or full ISO 8601), `url`, `language`, `kind`
(article-newspaper, webpage, post-weblog). A missing key leaves the field as the article has it;
an empty value ("" / [] / None) clears the field.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from tui_reader.core.model import AUTHOR_KINDS, Author, Metadata, as_author

NAMESPACE = "overrides"
OVERRIDE_FIELDS = ("authors", "title", "site", "publisher", "published", "url", "kind", "language")


def _authors(value: Any) -> tuple[Author, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = value.split(";")
    authors = []
    for item in value:
        if isinstance(item, Author):
            authors.append(item)
            continue
        if isinstance(item, dict):
            name = " ".join(str(item.get("name") or "").split())
            if name:
                authors.append(Author(name, item["kind"]) if item.get("kind") in AUTHOR_KINDS else as_author(name))
            continue
        name = " ".join(str(item).split())
        if name:
            authors.append(as_author(name))
    return tuple(authors)


def _is_author(item: Any) -> bool:
    return isinstance(item, (str, Author)) or (
        isinstance(item, dict) and isinstance(item.get("name"), str) and item.get("kind", "person") in AUTHOR_KINDS)


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, (str, list, tuple)) and not (
        value.strip() if isinstance(value, str) else [v for v in value if _text(v).strip()]))


def _text(item: Any) -> str:
    return str(item.get("name") or "") if isinstance(item, dict) else str(item)


def validate_override(field: str, value: Any) -> str | None:
    """None when `value` is acceptable for `field`, else a one-line message for the form."""
    if field not in OVERRIDE_FIELDS:
        return f"unknown field {field!r} (fields: {', '.join(OVERRIDE_FIELDS)})"
    if _empty(value):
        return None
    if field == "authors":
        if not isinstance(value, (str, list, tuple)) or not all(_is_author(v) for v in (
                [value] if isinstance(value, str) else value)):
            return "authors must be names separated by ';'"
        return None
    if not isinstance(value, str):
        return f"{field} must be text"
    # here, not at import: the library reads the corrections at its first paint, which needs no citation code
    from tui_reader.core.cite.data import KINDS, parse_date

    value = value.strip()
    if field == "published" and parse_date(value) is None:
        return f"not a valid date: {value!r} (use YYYY-MM-DD, YYYY-MM or YYYY, or write it out: 5 March 2020)"
    if field == "url" and not re.match(r"^https?://[^\s/?#]+\.[^\s/?#]+[^\s]*$|^https?://localhost\b\S*$", value):
        return f"not a web address: {value!r} (it must start with http:// or https://)"
    if field == "kind" and value not in KINDS:
        return f"unknown type {value!r} (types: {', '.join(KINDS)})"
    if field == "language" and not re.match(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$", value):
        return f"not a language code: {value!r} (for example en or en-GB)"
    if "\n" in value:
        return f"{field} must be one line"
    return None


def apply_overrides(metadata: Metadata, overrides: dict | None) -> Metadata:
    """`metadata` with every valid override applied (invalid ones are ignored)."""
    changes: dict[str, Any] = {}
    for field, value in (overrides or {}).items():
        if validate_override(field, value) is not None:
            continue
        if field == "authors":
            changes["authors"] = _authors(value)
        elif field == "kind":
            changes["kind"] = value.strip() if not _empty(value) else "article-newspaper"
        else:
            changes[field] = None if _empty(value) else re.sub(r"\s+", " ", value).strip()
        if field == "published":
            changes["revised"] = changes["reviewed"] = False  # the user's date is the publication date
    return dataclasses.replace(metadata, **changes) if changes else metadata


def load_overrides(state, content_hash: str) -> dict:
    if not content_hash:
        return {}
    value = state.get(NAMESPACE, content_hash, {})
    return {k: v for k, v in value.items() if k in OVERRIDE_FIELDS} if isinstance(value, dict) else {}


def all_overrides(state) -> dict[str, dict]:
    """The corrections stored for every article, by content hash."""
    return {key: {k: v for k, v in value.items() if k in OVERRIDE_FIELDS}
            for key, value in state.namespace(NAMESPACE).items() if isinstance(value, dict)}


def save_overrides(state, content_hash: str, overrides: dict) -> None:
    """Store the overrides (replacing earlier ones); ValueError names the first invalid field."""
    if not content_hash:
        raise ValueError("the article has no content hash; overrides cannot be stored")
    for field, value in overrides.items():
        error = validate_override(field, value)
        if error:
            raise ValueError(f"{field}: {error}")
    clean = {k: ([{"name": a.name, "kind": a.kind} for a in _authors(v)] if k == "authors" else v)
             for k, v in overrides.items()}
    if clean:
        state.set(NAMESPACE, content_hash, clean)
    else:
        state.delete(NAMESPACE, content_hash)
