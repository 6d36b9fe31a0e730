"""From `Metadata` to citation data: dates, people and organisations as CSL names, the CSL-JSON item.

An author is a `model.Author` (name and kind, "person" or "organization") or, from older callers
and the user's corrections, a plain name; a plain name that reads as an organisation ("Queensland
Health", "Department of Industry, Science, Energy and Resources") is cited as one. An organisation
is a CSL literal name: never inverted, split or reduced to initials. A person's name is split by
`core.names`.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from tui_reader.core import names
from tui_reader.core.extract.people import author_kind
from tui_reader.core.model import Metadata

KINDS = ("article-newspaper", "webpage", "post-weblog")

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def access_date(metadata: Metadata, given: datetime.date | None = None) -> datetime.date:
    """The access date a citation prints: the one asked for, else the day the article was saved
    (`Metadata.accessed`, from the note `save`/`import` wrote), else today."""
    if given:
        return given
    try:
        return datetime.date.fromisoformat((metadata.accessed or "")[:10])
    except ValueError:
        return datetime.date.today()


def parse_date(value: str | None) -> list[int] | None:
    """`YYYY`, `YYYY-MM`, `YYYY-MM-DD` or full ISO 8601 -> CSL date parts at the precision given;
    None if not a date. A timestamp keeps the calendar date written in it (the publisher's local date)."""
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


# --- authors -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Name:
    """An author as the citation code sees it: the name as written, and whether it is a person."""

    text: str
    person: names.PersonName | None  # None: an organisation, or a name kept whole (a person's one name: "Regan")
    organization: bool = False

    @property
    def is_organization(self) -> bool:
        return self.organization


def looks_like_organization(name: str) -> bool:
    """A plain author name that reads as a body rather than a person (`people.author_kind`)."""
    return author_kind(name) == "organization"


def author_name(author) -> Name | None:
    """`model.Author` or a plain string -> `Name` (None when empty)."""
    text = re.sub(r"\s+", " ", str(getattr(author, "name", author) or "")).strip().strip(",;")
    text = re.sub(r"^by\s+", "", text, flags=re.I).strip()
    if not text:
        return None
    kind = getattr(author, "kind", None)
    if kind == "organization" or (kind is None and looks_like_organization(text)):
        return Name(text, None, organization=True)
    return Name(text, names.parse_person(text))


def _split_plain(author: str) -> list[str]:
    """"Maria Lee and John Smith" -> two people; "Procter & Gamble" and organisations stay whole."""
    parts = [p for p in re.split(r"\s*(?:;|\band\b|&)\s*", author) if p.strip()]
    if len(parts) > 1 and not any(looks_like_organization(p) for p in parts):
        return parts
    return [author]


def _tidy(text: str) -> str:
    text = " ".join(text.split())
    if text.isupper() and len(text) > 4 and " " in text:  # "TOM KRISHER" -> "Tom Krisher"
        text = " ".join(w.capitalize() if w.isalpha() else w.title() for w in text.split())
    return text


def authors_of(metadata: Metadata) -> list[Name]:
    """The article's authors, each once ("Jamelle Bouie and Jamelle Bouie" is one person)."""
    out: list[Name] = []
    seen: set[str] = set()
    for author in metadata.authors:
        if isinstance(author, str):
            candidates: list = [_tidy(p) for p in _split_plain(author)]
        else:
            candidates = [author]
        for candidate in candidates:
            name = author_name(candidate)
            if name and name.text.casefold() not in seen:
                seen.add(name.text.casefold())
                out.append(name)
    return out


def csl_name(name: Name, *, whole_if_family_first: bool = False) -> dict[str, str]:
    """The CSL name: {"literal"} for an organisation or a name kept whole; otherwise family, given,
    particle and suffix. `whole_if_family_first`: a family-first name is written as it stands
    ("Kim Jong-un"), as MLA and Chicago cite it (CMOS 17 §8.15)."""
    person = name.person
    if person is None:
        return {"literal": name.text}
    if person.family_first and (whole_if_family_first or names.in_cjk_script(person.family) or not person.given):
        return {"literal": person.display}
    out = {"family": person.family}
    if person.given:
        out["given"] = person.given
    if person.particle:
        out["non-dropping-particle"] = person.particle
    if person.suffix:
        out["suffix"] = person.suffix
    return out


def sort_name(name: dict[str, str]) -> str:
    """"Family, Given" (with particle and suffix), or the literal name."""
    if "literal" in name:
        return name["literal"]
    family = " ".join(p for p in (name.get("non-dropping-particle"), name["family"]) if p)
    rest = ", ".join(p for p in (name.get("given"), name.get("suffix")) if p)
    return f"{family}, {rest}" if rest else family


# --- the CSL item ----------------------------------------------------------------------------------


def kind_of(metadata: Metadata) -> str:
    return metadata.kind if metadata.kind in KINDS else "webpage"


def site_name(metadata: Metadata) -> str | None:
    """The site's name; a site given as an address is cited by its host name ("www.newsnation.in")."""
    site = (metadata.site or "").strip()
    return re.sub(r"^https?://|/+$", "", site, flags=re.I) or None


def blog_of(metadata: Metadata) -> str | None:
    """The blog a post belongs to where a larger site hosts it (its container, before the site)."""
    return metadata.blog if kind_of(metadata) == "post-weblog" and metadata.blog else None


def publisher_of(metadata: Metadata) -> str | None:
    publisher = " ".join((getattr(metadata, "publisher", None) or "").split())
    return publisher or None


def csl_item(metadata: Metadata, accessed: datetime.date, item_id: str = "item") -> dict:
    """The CSL-JSON item for `metadata`, with the source's own casing."""
    item: dict = {"id": item_id, "type": kind_of(metadata)}
    if metadata.title and metadata.title.strip():
        item["title"] = " ".join(metadata.title.split())
    authors = [csl_name(n) for n in authors_of(metadata)]
    if authors:
        item["author"] = authors
    container = blog_of(metadata) or site_name(metadata)  # a blog's title is Zotero's blogTitle; its host the site
    if container:
        item["container-title"] = container
    if publisher_of(metadata):
        item["publisher"] = publisher_of(metadata)
    parts = parse_date(metadata.published)
    if parts:
        item["issued"] = {"date-parts": [parts]}
    if metadata.url and metadata.url.strip():
        item["URL"] = metadata.url.strip()
    if metadata.language:
        item["language"] = metadata.language
    item["accessed"] = {"date-parts": [[accessed.year, accessed.month, accessed.day]]}
    return item
