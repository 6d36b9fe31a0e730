"""From `Metadata` to citation data: dates, personal and corporate names, the CSL-JSON item."""

from __future__ import annotations

import datetime
import re

from tui_reader.core.model import Metadata

KINDS = ("article-newspaper", "webpage", "post-weblog")

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_date(value: str | None) -> list[int] | None:
    """`YYYY`, `YYYY-MM`, `YYYY-MM-DD` or full ISO 8601 -> CSL date parts; None if not a date.

    A timestamp keeps the calendar date written in it (the publisher's local date)."""
    if not value or not isinstance(value, str):
        return None
    value = value.strip()
    match = _DATE.match(value)
    if match:
        parts = [int(p) for p in match.groups() if p is not None]
        try:
            datetime.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
        except ValueError:
            return None
        return parts if parts[0] >= 1 else None
    try:
        stamp = datetime.datetime.fromisoformat(value.replace("z", "Z"))
    except ValueError:
        return None
    return [stamp.year, stamp.month, stamp.day]


_PARTICLES = {"van", "von", "de", "der", "den", "da", "di", "du", "la", "le", "del", "della", "dos",
              "das", "do", "ten", "ter", "bin", "ibn", "al", "el", "st.", "zu", "af"}
_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "v"}
_ORG_WORDS = {
    "press", "news", "staff", "agency", "office", "reuters", "associated", "bureau", "desk", "team",
    "editors", "editorial", "board", "department", "ministry", "organization", "organisation",
    "university", "institute", "council", "service", "services", "times", "post", "media", "group",
    "committee", "foundation", "association", "correspondent", "correspondents", "reporters",
    "network", "centre", "center", "nato", "afp", "ap", "bbc", "cnn", "government", "inc.", "ltd",
    "ltd.", "llc", "company", "newsroom", "wire", "online", "trust", "society", "club", "party",
    "police", "authority", "commission", "union", "bank", "fund", "agencies", "blog", "magazine",
    "journal", "herald", "tribune", "gazette", "courier", "daily", "weekly", "review", "institution",
}


def parse_name(raw: str) -> dict[str, str] | None:
    """A byline name as a CSL name: {"family", "given", ...} for a person, {"literal"} otherwise."""
    name = re.sub(r"\s+", " ", raw or "").strip().strip(",;")
    name = re.sub(r"^by\s+", "", name, flags=re.I).strip()
    if not name:
        return None
    words = name.replace(",", " ").split()
    lowered = {w.lower().strip(".,") for w in words} | {w.lower() for w in words}
    if (
        len(words) == 1
        or len(words) > 5
        or lowered & _ORG_WORDS
        or re.search(r"\d|&|@|\band\b|\bund\b|/", name)
    ):
        return {"literal": name}
    if "," in name:
        family, _, rest = name.partition(",")
        rest = rest.strip()
        if rest.lower() in _SUFFIXES:  # "Martin Luther King, Jr."
            person = parse_name(family)
            if person and "literal" not in person:
                person["suffix"] = rest
            return person
        return {"family": family.strip(), "given": rest} if rest else {"literal": family.strip()}
    suffix = None
    if words[-1].lower() in _SUFFIXES and len(words) > 2:
        suffix = words.pop()
    family_start = len(words) - 1
    while family_start > 1 and words[family_start - 1].lower() in _PARTICLES:
        family_start -= 1
    person = {"given": " ".join(words[:family_start]), "family": words[-1]}
    particle = " ".join(words[family_start:-1])
    if particle:
        person["non-dropping-particle"] = particle
    if suffix:
        person["suffix"] = suffix
    return person


def split_authors(authors: tuple[str, ...] | list[str]) -> list[str]:
    """Split "Maria Lee and John Smith" into two people; leave "Procter & Gamble" whole."""
    out: list[str] = []
    for author in authors:
        parts = [p for p in re.split(r"\s*(?:;|\band\b|&)\s*", author or "") if p.strip()]
        people = [parse_name(p) for p in parts]
        if len(parts) > 1 and all(p and "literal" not in p for p in people):
            out.extend(parts)
        elif author and author.strip():
            out.append(author)
    unique: list[str] = []
    for author in out:  # bylines often repeat a name ("Jamelle Bouie and Jamelle Bouie")
        name = " ".join(author.split())
        if name.isupper() and len(name) > 4:  # "TOM KRISHER" -> "Tom Krisher"
            name = " ".join(w.capitalize() if w.isalpha() else w.title() for w in name.split())
        if name.casefold() not in {u.casefold() for u in unique}:
            unique.append(name)
    return unique


def sort_name(name: dict[str, str]) -> str:
    """"Family, Given" (with particle and suffix), or the literal name."""
    if "literal" in name:
        return name["literal"]
    family = " ".join(p for p in (name.get("non-dropping-particle"), name["family"]) if p)
    rest = ", ".join(p for p in (name.get("given"), name.get("suffix")) if p)
    return f"{family}, {rest}" if rest else family


def kind_of(metadata: Metadata) -> str:
    return metadata.kind if metadata.kind in KINDS else "webpage"


def csl_item(metadata: Metadata, accessed: datetime.date, item_id: str = "item") -> dict:
    """The CSL-JSON item for `metadata`, with the source's own casing."""
    item: dict = {"id": item_id, "type": kind_of(metadata)}
    if metadata.title and metadata.title.strip():
        item["title"] = re.sub(r"\s+", " ", metadata.title).strip()
    names = [n for n in (parse_name(a) for a in split_authors(metadata.authors)) if n]
    if names:
        item["author"] = names
    if metadata.site and metadata.site.strip():
        # a site given as an address is cited by its host name ("www.newsnation.in")
        item["container-title"] = re.sub(r"^https?://|/+$", "", metadata.site.strip(), flags=re.I)
    parts = parse_date(metadata.published)
    if parts:
        item["issued"] = {"date-parts": [parts]}
    if metadata.url and metadata.url.strip():
        item["URL"] = metadata.url.strip()
    if metadata.language:
        item["language"] = metadata.language
    item["accessed"] = {"date-parts": [[accessed.year, accessed.month, accessed.day]]}
    return item
