"""People's names in bylines and author fields."""

from __future__ import annotations

import re

from tui_reader.core.model import AUTHOR_KINDS, Author
from tui_reader.core.sanitize import clean_inline

_BY = re.compile(r"^\s*(?:by|von|par|por|di|door|av|af|автор[:]?|about|sobre|über|à propos de)\s+", re.IGNORECASE)
_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&|\bund\b|\bet\b|\by\b|\bи\b)\s*", re.IGNORECASE)
_NOT_A_NAME = re.compile(
    r"https?://|www\.|@|\d{3,}|\b(?:staff|editor|reporter|correspondent|updated|published|share|follow|"
    r"minutes?|read|news|min|hours?|ago|contributors?|team|desk|writer|columnist|photographer|guest|"
    r"gast|гость|admin|administrator|editorial|redaktion|rédaction|redacción)\b",
    re.IGNORECASE,
)


def clean_authors(values: list[str]) -> list[str]:
    """Byline strings → distinct person names, in order ("By Ann Lee and Bo Chan" → two names)."""
    names: list[str] = []
    for value in values:
        text = clean_inline(value)
        if not text or text.startswith(("http://", "https://")):
            continue
        text = _BY.sub("", text)
        text = re.split(r"\s+[|•·–—]\s+|\s-\s|(?<=[a-z]{2})\.\s", text)[0]
        for part in _SPLIT.split(text):
            part = part.strip(" .,:;")
            words = part.split()
            if not (1 <= len(words) <= 5) or _NOT_A_NAME.search(part):
                continue
            if not all(w[:1].isupper() or w.lower() in ("de", "van", "von", "der", "da", "la", "le", "bin", "al") for w in words):
                continue
            if part.isupper() and len(words) >= 2:  # "TOM KRISHER" → "Tom Krisher"
                part = " ".join(w.capitalize() for w in words)
            if part.lower() not in (n.lower() for n in names):
                names.append(part)
    return names


# Words that make a name an organisation's ("Queensland Health", "The Library of Congress", "ABC News").
_ORG_WORDS = frozenset(
    """press news staff agency agencies office reuters associated bureau desk team editors editorial board
    department dept ministry organization organisation university institute council service services times post
    media group committee foundation association correspondent correspondents reporters network centre center
    centers centres nato afp ap bbc cnn abc nbc cbs government inc inc. ltd ltd. llc plc corp corp. corporation
    company co. newsroom wire online trust society club party police authority commission union bank fund blog
    magazine journal herald tribune gazette courier daily weekly review institution library museum health
    hospital clinic school college academy administration secretariat parliament senate congress embassy
    county federal national international global community project program programme initiative alliance
    coalition federation league partners partnership laboratory laboratories lab labs studio studios records
    publishing publications publishers broadcasting radio television channel division""".split()
)
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&.]{1,7}$")
# A personal name in a script written without spaces: 2-6 Han, kana or Hangul characters.
_UNSPACED_NAME = re.compile(r"^[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u00b7\u30fb]{2,6}$")


def author(name: str, kind: str | None = None) -> Author:
    """An `Author` from a name as written: spaces tidied, a person's name in capitals written as a
    name ("TOM KRISHER" -> "Tom Krisher"); without a `kind` from the page, judged by `author_kind`."""
    name = " ".join(name.split())
    kind = kind if kind in AUTHOR_KINDS else author_kind(name)
    if kind == "person" and name.isupper() and " " in name:
        name = " ".join(w.capitalize() if w.isalpha() else w.title() for w in name.split())
    return Author(name, kind)


def author_kind(name: str) -> str:
    """"organization" for a name that reads as an organisation's, else "person".

    Used where the page does not say (JSON-LD @type does): a one-word name, an acronym, a name of
    more than five words or with "of", "and", "&", digits or an organisation word ("Health",
    "Department", "News"), or a leading "The", is an organisation's. An acronym counts only in a name not written all in capitals.
    """
    words = name.split()
    lowered = [w.lower().strip(",.;:()") for w in words]
    if (
        (len(words) <= 1 and not _UNSPACED_NAME.match(name))
        or words[0].lower() == "the"
        or (not name.isupper() and any(_ACRONYM.match(w) and not re.fullmatch(r"(?:[A-Z]\.)+", w) and w.lower() not in _SUFFIXES
               for w in words))
        or len(words) > 5
        or re.search(r"\d|&|@|/|\b(?:and|und|of|for)\b", name)
        or any(w in _ORG_WORDS for w in lowered)
    ):
        return "organization"
    return "person"


_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
