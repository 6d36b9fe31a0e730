"""The publisher or owner of a page, where the page names one besides the site.

Taken from JSON-LD (`publisher`, `copyrightHolder`, `sourceOrganization`), publisher meta tags,
then the copyright line of the page's footer ("© 2019 Hearst Communications, Inc. All rights
reserved"). A name that is only the site's own name again is no publisher.
"""

from __future__ import annotations

import re

from tui_reader.core.sanitize import clean_inline

_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright\b)\s*(?:©\s*)?(?:\(c\)\s*)?"
    r"(?:(?:19|20)\d\d(?:\s*[-–—]\s*(?:(?:19|20)\d\d|present))?\s*[,.]?\s*)?"
    r"(?:by\s+)?(?:the\s+copyright\s+holders?\s+)?"
    r"(?P<name>[^\s©|].{1,80}?)"
    r"(?=\s*(?:\.\s|\.$|\||·|•|,?\s+all\s+rights|,?\s+tous\s+droits|,?\s+alle\s+rechte|,?\s+todos\s+los|;|\s+-\s|$))",
    re.IGNORECASE,
)
_FOOTER = re.compile(r"footer|copyright|colophon|legal", re.IGNORECASE)
_CORPORATE = re.compile(r"[,\s]+(?:inc|llc|l\.l\.c|ltd|limited|corp|corporation|co|gmbh|plc|s\.a|sa|ag|pty)\.?$",
                        re.IGNORECASE)
_NOT_A_NAME = re.compile(r"https?://|www\.|@|\b(?:all rights|reserved|privacy|terms|cookie)\b", re.IGNORECASE)


def key(name: str | None) -> str:
    """A name for comparison: case, punctuation, a leading "The" and a corporate suffix ignored."""
    text = " ".join(re.findall(r"\w+", _CORPORATE.sub("", (name or "").strip()).casefold()))
    return re.sub(r"^the ", "", text)


def copyright_owner(root) -> str | None:
    """The owner named by the last copyright line of the page's footer."""
    texts = []
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style"):
            continue
        if el.tag == "footer" or _FOOTER.search(f"{el.get('class') or ''} {el.get('id') or ''}"):
            texts.append(clean_inline(" ".join(el.itertext())))
    for text in reversed(texts):
        for match in reversed(list(_COPYRIGHT.finditer(text))):
            name = match.group("name").strip(" ,.-–")
            if 2 <= len(name) <= 80 and not _NOT_A_NAME.search(name) and not name[:1].isdigit():
                return name
    return None


def publisher(candidates: list[str | None], root, site: str | None) -> str | None:
    """The first candidate (then the copyright owner) that is not the site itself."""
    for name in (*candidates, copyright_owner(root)):
        name = clean_inline(name or "")
        if name and not _NOT_A_NAME.search(name) and key(name) and key(name) != key(site):
            return name
    return None
