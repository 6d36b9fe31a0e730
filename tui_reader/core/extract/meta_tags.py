"""A page's <meta> tags, read once: the metadata stage asks for them by name some dozens of times a
page (title, site, dates, authors, publisher …), and walking every <meta> each time cost more than
the answers."""

from __future__ import annotations

from tui_reader.core.sanitize import clean_inline

# The last page's index, with the page's root it was made from: the stage reads one page at a time,
# and a reader in another thread only ever finds the index of its own root or makes a new one.
_last: tuple[object, dict[str, list[tuple[int, str]]]] | None = None


def _index(root) -> dict[str, list[tuple[int, str]]]:
    """Per lower-case name (property, name or itemprop; RDFa allows several space-separated ones),
    the non-empty contents with the tag's position in the page."""
    global _last
    last = _last
    if last is not None and last[0] is root:
        return last[1]
    table: dict[str, list[tuple[int, str]]] = {}
    for k, el in enumerate(root.iter("meta")):
        keys = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower().split()
        if not keys:
            continue
        value = clean_inline(el.get("content") or "")
        if value:
            for key in dict.fromkeys(keys):
                table.setdefault(key, []).append((k, value))
    _last = (root, table)
    return table


def first_meta(root, *names: str) -> str | None:
    """The first non-empty content of <meta property|name|itemprop=NAME>, in the order of `names`."""
    table = _index(root)
    for name in names:
        if name in table:
            return table[name][0][1]
    return None


def meta_values(root, *names: str) -> list[str]:
    """Every non-empty content of <meta property|name|itemprop=NAME> for the names, in page order
    (a tag that has two of the names counts once)."""
    table = _index(root)
    found = {k: value for name in dict.fromkeys(names) for k, value in table.get(name, ())}
    return [found[k] for k in sorted(found)]
