"""Given names and the sex they are mostly given to, from the US Census first-name lists that the
`names` package ships (dist.male.first, dist.female.first: each name's share of the men or
women counted, in percent).

A name counts for one sex when its share there is at least `RATIO` times its share in the other
("Jessica", "Hillary", "Donald"); names given to both ("Chris", "Jordan", "Jean") count for
neither. The lists are American: a name missing from them says nothing (most names of the world
are), a name found there is evidence of a person and of their sex.
"""

from __future__ import annotations

import importlib.util
import os
import re
from functools import cache

RATIO = 10.0  # how many times more common with one sex a name must be to count for it


@cache
def _table() -> dict[str, str | None]:
    try:
        spec = importlib.util.find_spec("names")
        folder = spec.submodule_search_locations[0] if spec and spec.submodule_search_locations else None
        if folder is None:
            return {}
        shares = []
        for sex in ("male", "female"):
            with open(os.path.join(folder, f"dist.{sex}.first"), encoding="ascii") as f:
                shares.append(_shares(f.read()))
    except (ImportError, OSError, ValueError):
        return {}  # the package is missing or unreadable: no evidence either way
    male, female = shares
    table: dict[str, str | None] = {}
    for name in male.keys() | female.keys():
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        table[name] = "m" if m >= RATIO * f else "f" if f >= RATIO * m else None
    return table


_LINE = re.compile(r"^([A-Z]+)\s+([0-9.]+)", re.MULTILINE)


def _shares(text: str) -> dict[str, float]:
    # "0.000": rarer than the list shows
    return {name.lower(): max(float(share), 0.0005) for name, share in _LINE.findall(text)}


def known(word: str) -> bool:
    """Whether `word` is a given name in the lists."""
    return word.lower() in _table()


def sex_of(word: str) -> str | None:
    """"m" or "f" when the given name `word` is mostly given to men or to women, else None."""
    return _table().get(word.lower())
