"""The US Census name lists that the `names` package ships: given names with the sex they are
mostly given to (dist.male.first, dist.female.first) and family names (dist.all.last); each name's
share of the people counted, in percent. Located through the installed distribution's files, not
whatever module "names" is first on sys.path (a names.py in the working directory would shadow
the package). Without the package every answer is "no evidence".

Given names: a name counts for one sex when its share there is at least `RATIO` times its share in
the other ("Jessica", "Donald"); names given to both ("Chris", "Jordan", "Jean") count for neither.
A name missing from one list was rarer there than the list's last name, not absent: it counts as
that last share, so a name rare in both ("Yuri", "Nikita", "Min": one list only) counts for
neither. The lists are American and say little about anyone else (they make "Andrea" and
"Lindsay" women's names): weak evidence, which never outweighs the text.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.metadata import PackageNotFoundError, distribution

RATIO = 10.0  # how many times more common with one sex a name must be to count for it


def _census_file(name: str):
    # the installed distribution's files, not whatever module "names" is first on sys.path
    return distribution("names").locate_file(f"names/{name}")


@cache
def _table() -> dict[str, str | None]:
    try:
        shares = []
        for sex in ("male", "female"):
            with open(_census_file(f"dist.{sex}.first"), encoding="ascii") as f:
                shares.append(_shares(f.read()))
    except (PackageNotFoundError, OSError, ValueError):
        return {}  # the package is missing or unreadable: no evidence either way
    male, female = shares
    if not male or not female:
        return {}
    least_m, least_f = min(male.values()), min(female.values())
    table: dict[str, str | None] = {}
    for name in male.keys() | female.keys():
        m, f = male.get(name, least_m), female.get(name, least_f)
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


# A family name common enough in the US Census surname list (dist.all.last of the `names` package:
# share of people counted, in percent) to be read as one beside a given name ("Andrew Court").
_FAMILY_SHARE = 0.001


def is_family_name(word: str) -> bool:
    """Whether `word` is a common family name in the US Census lists (no evidence without them)."""
    return word.lower() in _family_names()


@cache
def _family_names() -> frozenset[str]:
    found: set[str] = set()
    try:
        with open(_census_file("dist.all.last"), encoding="ascii") as f:
            for line in f:  # most common first: read only down to the share wanted
                name, share = line.split()[:2]
                if float(share) < _FAMILY_SHARE:
                    break
                found.add(name.lower())
    except (PackageNotFoundError, OSError, ValueError):
        return frozenset()  # the lists are missing or unreadable: no word is known as a family name
    return frozenset(found)
