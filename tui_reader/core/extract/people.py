"""People's names in bylines and author fields."""

from __future__ import annotations

import re

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
