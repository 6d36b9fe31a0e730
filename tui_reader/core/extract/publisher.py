"""The publisher or owner of a page, where the page names one besides the site; and which of the
page's ways of writing the site's own name to cite.

The publisher is taken from JSON-LD (`publisher`, `copyrightHolder`, `sourceOrganization`),
publisher meta tags, then the copyright line of the page's footer ("© 2019 Hearst Communications,
Inc. All rights reserved"; "Simons Foundation All Rights Reserved"; "Site / finanzen.net GmbH"), a
network the footer says the site is part of ("Part of the AIM Media network"), and an owner's logo
in the footer linking to its own home page. A name that is only the site's own name again ("TheHill" ~ "The Hill",
"livescience.com" ~ "Live Science", "WSJ" ~ "Wall Street Journal") is no publisher, nor is an
organisation credited as the article's author (a news agency's wire story).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate

from lxml import etree

from tui_reader.core import urls
from tui_reader.core.periodicals import PERIODICAL_WORDS
from tui_reader.core.sanitize import clean_inline

_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright\b)\s*(?:©\s*)?(?:\(c\)\s*)?(?:copyright\s+)?"
    r"(?:(?:19|20)\d\d(?:\s*[-–—]\s*(?:(?:19|20)\d\d|present))?\s*[,.]?\s*(?:\|\s*)?)?"
    r"(?:all\s+rights\s+reserved\.?\s*)?(?:by\s+)?(?:the\s+copyright\s+holders?\s+)?"
    r"(?P<name>[^\s©|].{1,80}?)"
    r"(?=\s*(?:\.\s|\.$|\||·|•|,?\s+all\s+rights|,?\s+tous\s+droits|,?\s+alle\s+rechte|,?\s+todos\s+los|;|\s+[-–—]\s|$))",
    re.IGNORECASE,
)
_FOOTER = re.compile(r"footer|copyright|colophon|legal", re.IGNORECASE)
# Footers, and the class and id values of every element, in page order (values, not elements: cheap to get).
_MARKS = etree.XPath("//footer | //@class | //@id")
_CORPORATE_WORDS = r"inc|llc|l\.l\.c|ltd|limited|corp|corporation|co|gmbh|plc|s\.a|sa|ag|pty|private ltd"
_CORPORATE = re.compile(rf"[,\s]+(?:{_CORPORATE_WORDS})\.?$", re.IGNORECASE)
_ABBREVIATION_END = re.compile(r"\b(?:inc|corp|ltd|co|bros|l\.l\.c|s\.a)\.$", re.IGNORECASE)
_NOT_A_NAME = re.compile(r"https?://|www\.|@|\b(?:all rights|reserved|privacy|terms|cookie|copyright)\b", re.IGNORECASE)
# What follows an owner's name in a copyright line without being part of it.
_TAIL = re.compile(
    rf"(?P<suffix>\b(?:{_CORPORATE_WORDS})\.?),\s.*$"  # "Mortons Media Group Ltd, Media Centre, Morton Way"
    r"|\s+(?:or|and)\s+its\s+(?:affiliat|subsidiar|licensor).*$"  # "... Limited or its affiliated companies"
    r"|\s+unless\s+otherwise\s+(?:noted|stated|indicated).*$"
    r"|,\s+an?\s+.*$"  # "Poynter Institute, a 501(c)(3) nonprofit organization"
    r"|,?\s+(?:19|20)\d\d(?:\s*[-–—]\s*(?:19|20)\d\d)?$",  # "Copyright Gannett 2018"
    re.IGNORECASE,
)
# "X is a registered trademark of Y", "X is a subsidiary of Y": Y owns X.
_TRADEMARK_OF = re.compile(
    r"\bis\s+(?:a|an|the|part)\s+(?:of\s+)?(?:(?:registered\s+)?trade\s?mark|division|subsidiary|unit|member)?\s*of\s+"
    r"(?P<owner>[^.;|]+?)(?=[.;|]|,?\s+(?:all\s+rights|inc\b|llc\b)|$)",
    re.IGNORECASE,
)
# "X, a subsidiary of Y", "X. All Rights Reserved. A Division of Y", "X, a Y newspaper": Y owns X.
_PARENT = re.compile(
    r"[,.]?\s+(?:an?\s+(?:division|subsidiary|unit|part|member)\s+of\s+(?P<parent>[^.,;|]+)"
    r"|an?\s+(?P<owner>[^.,;|]+?)\s+(?:company|newspaper|publication|brand)\b)",
    re.IGNORECASE,
)
# "Part of the AIM Media network", "a member of the Gannett family": the network's owner.
# Case matters for the owner (a name, "the local news family" is none), and "a network of newsrooms"
# is a membership, not an owner.
_PART_OF = re.compile(
    r"\b(?i:part|a\s+member)\s+(?i:of\s+the)\s+(?P<owner>[A-Z][^.,;|]{1,60}?)\s+(?i:network|family|group)\b"
    r"(?!\s+(?i:of)\b)")
# "Operated by TOPICSEED LIMITED, a company registered ...", "Published by Hearst Communications": the owner.
_OPERATED_BY = re.compile(r"\b(?i:operated|owned|published)\s+(?i:by)\s+(?P<owner>(?:the\s+)?[A-Z][^.,;|()]{1,60}?)"
                          r"(?=\s*[.,;|(]|\s+(?i:a|an|and|under)\s|$)")
# "Simons Foundation All Rights Reserved © 2019": the owner written before the reservation, without ©.
_RESERVED_BY = re.compile(r"(?:^|\|)\s*(?P<name>[^|©\d\s][^|©]{1,60}?)[.,]?\s+all\s+rights\s+reserved", re.IGNORECASE)
_DOMAIN = re.compile(r"(?:\.|\s+dot\s*)(?:com|net|org|info|news|co\.uk|co|[a-z]{2})$", re.IGNORECASE)


@lru_cache(maxsize=4096)
def squash(name: str | None) -> str:
    """A name for comparison: no case, accents, punctuation or spaces, a leading "The", a corporate
    suffix ("Inc.", "LLC") or a domain ending (".com") ("The Hill" ~ "TheHill" ~ "thehill.com")."""
    text = unicodedata.normalize("NFKD", clean_inline(name or "")).strip()
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _DOMAIN.sub("", _CORPORATE.sub("", text))
    text = re.sub(r"^the\s+", "", text.casefold())
    return "".join(re.findall(r"\w+", text))


# Words that name an organisation's form rather than the organisation ("Healthline Media", "The Slate Group").
_FORM_WORDS = frozenset(
    """media group network networks company co corporation corp inc llc ltd limited plc publishing publications
    publishers newspapers holdings communications enterprises news digital online website house press""".split()
)


def essentially_same(a: str | None, b: str | None) -> bool:
    """One organisation written as another's name with words of form added ("Healthline Media" for
    "Healthline", "The Slate Group" for "Slate", "Guardian News & Media Limited" for "The Guardian"), or
    `same_organisation`: the style guides' "essentially the same" site and publisher (MLA 9, CMOS 17 §14.206)."""
    if same_organisation(a, b):
        return True
    if not (a and b):
        return False
    cores = []
    for name in (a, b):
        words = [w for w in re.findall(r"\w+", unicodedata.normalize("NFKD", name).casefold()) if w != "the"]
        while len(words) > 1 and words[-1] in _FORM_WORDS:
            words.pop()
        cores.append("".join(words))
    return bool(cores[0]) and cores[0] == cores[1]


def _initials(name: str) -> set[str]:
    """The name's initials, with and without its small words ("The Hollywood Reporter": thr, hr)."""
    words = re.findall(r"[^\W\d_]+", name)
    small = [w for w in words if w.casefold() not in ("the", "of", "and")]
    return {"".join(w[0] for w in ws).casefold() for ws in (words, small)}


# A legal form that ends a company's name: an abbreviation that is nothing else ("Inc.", "Ltd", "LLC", "GmbH",
# "plc"), "Co." and "Corp." with their periods, or any legal form after a comma ("Acme, Limited", "Acme, SA").
_LEGAL_FORM = re.compile(
    r"(?:,\s*(?:inc|llc|l\.l\.c|ltd|limited|corp|corporation|incorporated|co|company|gmbh|plc|s\.a|sa|ag|pty ltd)"
    r"|\s+(?:inc|llc|l\.l\.c|ltd|gmbh|plc|pty ltd)|\s+(?:co|corp|s\.a)(?=\.))\.?$",
    re.IGNORECASE,
)


def without_legal_words(name: str) -> str:
    """A name without any final legal-form word, spelled out or not ("TOPICSEED LIMITED" -> "TOPICSEED"): for
    matching an owner's name to a site's (`best_written`), not for printing a publisher (`without_business_words`)."""
    return _CORPORATE.sub("", name.strip()).strip() or name.strip()


def without_business_words(name: str) -> str:
    """A company's name without its legal form ("Quay Media, Inc." -> "Quay Media", "Quay Media Ltd" ->
    "Quay Media"), as MLA 9 (the publisher element: business words such as Inc., Ltd., Co., Corp.) and
    CMOS 17 §14.135 (such abbreviations as Inc., Ltd., Co.) print a publisher. A word written out without
    a comma is part of the name ("Australian Broadcasting Corporation", "Harbour Co"), and what is left
    must be a name of two words or more ("The Limited" is no "The"; "Apple Inc." stays whole)."""
    name = name.strip()
    shorter = _LEGAL_FORM.sub("", name).strip()
    return shorter if len(shorter.split()) >= 2 else name


def same_organisation(a: str | None, b: str | None) -> bool:
    """Two ways of writing one organisation's name: the same letters (see `squash`), or one written
    as the other's capital initials ("WSJ" ~ "Wall Street Journal", "THR" ~ "The Hollywood Reporter")."""
    if not (a and b and squash(a) and squash(b)):
        return False
    if squash(a) in (squash(b), f"the{squash(b)}") or squash(b) == f"the{squash(a)}":  # "TheHill" ~ "The Hill"
        return True
    for short, long in ((a, b), (b, a)):
        letters = _DOMAIN.sub("", short.strip())
        if re.fullmatch(r"[A-Z]{2,5}", letters) and len(long.split()) >= 2 and letters.casefold() in _initials(long):
            return True
    return False


def _written_alike(a: str | None, b: str | None) -> bool:
    """The same name written again (`squash`, one perhaps with a leading "The"); unlike `same_organisation`,
    not an acronym's expansion: "Cable News Network" on CNN is the owner's full name, worth recording
    (a citation still leaves it out as the site's: `essentially_same`)."""
    return bool(a and b) and (squash(a) == squash(b) or f"the{squash(b)}" == squash(a) or f"the{squash(a)}" == squash(b))


def _periodical(name: str) -> bool:
    """A newspaper's or magazine's name, which guides cite in full, never by its initials."""
    words = re.findall(r"[^\W\d_]+", name.casefold())
    return bool(words) and words[-1] in PERIODICAL_WORDS


def best_written(names: list[str | None]) -> str | None:
    """The first name, or another way of writing it that a reader would recognise better where the
    first is written like a handle or an address: words apart ("The Hill" for "TheHill"), spelled
    out (a lower-case handle: "Wall Street Journal" for "wsj", not for the site's own "WSJ"), capitalised ("NJ.com" for "nj", "The Guardian" for "the
    Guardian"). A name already written in words with a capital stays as it is."""
    names = [n for n in names if n and any(ch.isalnum() for ch in n)]  # not "—" or "..." alone
    first = names[0] if names else None
    if not first:
        return None
    if re.fullmatch(r"[A-Z]{2,6}", first.strip()) and not any(
            n and same_organisation(n, first) and _periodical(n) for n in names):
        return first  # the site's own short name, as guides cite it ("CNN", "BBC", "NPR", "NRDC"), but a
        # newspaper's initials are spelled out ("The Wall Street Journal" for "WSJ", "Financial Times" for "FT")
    variants = [n for n in names if same_organisation(n, first)] or [first]

    def rank(name: str) -> tuple:
        capitalised = name[:1].isupper()
        return (capitalised, len(_DOMAIN.sub("", name).split())) if " " not in first else (capitalised, 0)

    return max(variants, key=rank)  # the first of the best


def _owner_in(text: str) -> str | None:
    """The owner a copyright line's name part gives, without what follows it."""
    name = re.sub(r"^\([cс]\)\s*", "", clean_inline(text).lstrip(" ,.-–").rstrip(" ,-–"), flags=re.I)  # a Latin or Cyrillic "(c)"
    name = re.sub(r"^(?:operated|owned|published)\s+by\s+", "", name, flags=re.I)  # "Operated by X Limited"
    name = re.sub(r"^the\s+(?=[A-Z])", "", name)  # "... trademark of the Wikimedia Foundation"
    trademark = _TRADEMARK_OF.search(name)
    if trademark:
        name = trademark.group("owner")
    for _ in range(2):  # "Poynter Institute 2019, a 501(c)(3) nonprofit": the apposition, then the year
        name = _TAIL.sub(lambda m: m.group("suffix") or "", name).strip(" ,-–")
        if not _ABBREVIATION_END.search(name):
            name = name.rstrip(".")
    return name if 2 <= len(name) <= 80 and not _NOT_A_NAME.search(name) and not name[:1].isdigit() else None


def copyright_owners(root, url: str | None = None) -> list[str]:
    """The owners named by the page footer's copyright lines, the last line first; where a line
    names a parent ("a division of ..."), the parent follows the name. `url`: the page's address
    (its header's logos count only when they link to its domain)."""
    texts = []
    found = _footers(root)
    chosen = {id(el) for el in found}
    for el in found:  # the outermost of nested footer elements only (their text includes the inner ones')
        if not any(id(a) in chosen for a in el.iterancestors()):
            text = el.text_content()
            if "©" in text or "(c)" in text.lower() or "copyright" in text.lower() or "trade" in text.lower():
                texts.append(clean_inline("".join(_text_with_alts(el))))
    if not texts:  # no marked footer says it: the page's last copyright line outside the article and its pictures
        texts = _unmarked_copyright_line(root)
    owners: list[str] = []
    for text in reversed(texts):
        named = len(owners)
        for match in reversed(list(_COPYRIGHT.finditer(text))):
            name = match.group("name")
            if text[match.end("name"):match.end("name") + 1] == "." and _ABBREVIATION_END.search(f"{name}."):
                name += "."  # "Penske Media Corp. All Rights Reserved": the abbreviation keeps its period
            parent = _PARENT.search(text, match.start("name"), match.start("name") + 200)
            if parent and parent.start() < match.end("name"):
                name = text[match.start("name"):parent.start()]
            if name := _owner_in(name):
                owners.append(name)
            if parent and (owner := _owner_in(parent.group("parent") or parent.group("owner") or "")):
                owners.append(owner)
        owners += [name for m in _TRADEMARK_OF.finditer(text) if (name := _owner_in(m.group("owner")))]
        owners += [name for m in _PART_OF.finditer(text) if (name := _owner_in(m.group("owner")))]
        owners += [name for m in _OPERATED_BY.finditer(text) if (name := _owner_in(m.group("owner")))]
        if len(owners) == named:  # no owner after the © sign: one written before the reservation
            owners += [name for m in _RESERVED_BY.finditer(text)
                       if (name := _owner_in(m.group("name"))) and _name_shaped(name)]
    return owners + _logo_owners(found) + _logo_owners(root.iter("header"), host=urls.host(url) or None)


_COPYRIGHT_TEXT = etree.XPath(
    "//body//text()[contains(., '©') or contains(., 'Copyright') or contains(., 'copyright')]"
    "[not(ancestor::script or ancestor::style or ancestor::article or ancestor::figure or ancestor::figcaption)]")
_CREDIT_MARK = re.compile(r"credit|caption|photo|image|byline", re.IGNORECASE)


def _unmarked_copyright_line(root) -> list[str]:
    """The text of the block around the page's last copyright sign or word that is neither in the article nor
    a picture's credit ("Copyright © 2015 Heise Medien" in a bottom menu no class calls a footer)."""
    nodes = _COPYRIGHT_TEXT(root)
    if not nodes:
        return []
    node = nodes[-1]
    el = node.getparent()
    if el is not None and getattr(node, "is_tail", False):
        el = el.getparent()
    while el is not None and isinstance(el.tag, str) and el.tag in _INLINE:
        el = el.getparent()
    if el is None or not isinstance(el.tag, str) or el.tag in ("body", "html") or any(
            _CREDIT_MARK.search(f"{a.get('class') or ''} {a.get('id') or ''}") for a in (el, *el.iterancestors())):
        return []
    text = clean_inline("".join(_text_with_alts(el)))
    return [text] if len(text) <= 400 else []


def _footers(root) -> list:
    """The page's footer elements and those whose class or id `_FOOTER` finds something in, in page order.
    One search over all the values joined (a line break between them, which no footer word spans)."""
    marks = _MARKS(root)
    values = [mark if isinstance(mark, str) else "" for mark in marks]
    ends = list(accumulate(len(value) + 1 for value in values))
    hits = {bisect_right(ends, match.start()) for match in _FOOTER.finditer("\n".join(values))}
    found = {mark if not isinstance(mark, str) else mark.getparent(): None for k, mark in enumerate(marks)
             if k in hits or not isinstance(mark, str)}
    return list(found)


def _name_shaped(name: str) -> bool:
    """Written like an organisation's name: each word capitalized but for small joining words
    ("Simons Foundation", "Museum of London"), not a phrase ("Advertise with us")."""
    words = re.findall(r"[^\W\d_][\w'’.-]*", name)
    return bool(words) and all(w[0].isupper() or w in ("of", "and", "for", "the", "de", "du", "der") for w in words)


_LOGO = re.compile(r"^\s*(?P<name>.+?)\s+logo\s*$", re.IGNORECASE)


def _logo_owners(regions, host: str | None = "") -> list[str]:
    """Organisations whose logo in `regions` links to their own home page ("Advance Local logo" on a
    link to advancelocal.com/ in the footer): a network's or owner's mark. A logo linking deeper (a
    social network's profile page, an app store) names no owner. `host`: only a logo linking to the
    page's own domain counts ("comwrap GmbH Logo" on www.comwrap.com in blog.comwrap.com's header; a
    sponsor's logo in a header names no owner); None when the page's host is unknown: none counts."""
    if host is None:
        return []
    owners = []
    for region in regions:
        for img in region.iter("img"):
            match = _LOGO.match(img.get("alt") or "")
            link = next((a for a in img.iterancestors("a")), None)
            if not match or link is None:
                continue
            address = re.match(r"^(?:https?:)?//(?:www\.)?(?P<host>[^/?#:]+)(?P<path>[^?#]*)", link.get("href") or "")
            if not address or address.group("path") not in ("", "/"):
                continue
            linked = address.group("host").lower()
            if host and linked != host and not host.endswith("." + linked):  # the page's domain, or one it is under
                continue
            label = address.group("host").rsplit(".", 2)[-2] if "." in address.group("host") else ""
            if label and squash(label) == squash(match.group("name")):
                owners.append(clean_inline(match.group("name")))
    return owners


_INLINE = {"a", "span", "b", "strong", "em", "i", "small", "sup", "sub", "font", "abbr", "time", "img", "u"}


def _text_with_alts(el):
    """The element's text, an image standing for its alt text (a logo as the owner's name), and a
    bar between other elements (a menu's links after the owner's name are not part of it)."""
    for node in el.iter():
        if not isinstance(node.tag, str) or node.tag in ("script", "style"):
            continue
        if node.tag not in _INLINE:
            yield " | "
        if node.tag == "img" and node.get("alt"):
            yield f" {node.get('alt')} "
        elif node.text:
            yield node.text
        if node is not el and node.tail:
            yield node.tail


def publisher(candidates: list[str | None], footer_owners: list[str], sites: list[str | None],
              credited: list[str] = (), brands: list[str] = ()) -> str | None:
    """The first stated owner in `candidates` (copyright holder, publisher meta tags), then the
    footer's copyright owner (`footer_owners`: `copyright_owners` of the page), then `brands`
    (JSON-LD's publisher, most often the site itself or, on a wire story, the agency), that is
    neither the site (any of `sites`, its ways of writing its name) nor an organisation the page
    credits as author."""
    def usable(name: str | None) -> bool:
        return (bool(name) and not _NOT_A_NAME.search(name) and bool(squash(name))
                and not any(_written_alike(name, other) for other in sites)
                and not any(same_organisation(name, other) for other in credited))

    def parts(name: str | None) -> list[str]:  # "Business Insider Deutschland / finanzen.net GmbH"
        return [p for p in re.split(r"\s+/\s+", name or "") if p] if name and " / " in name else [name or ""]

    for name in candidates:
        for part in parts(name):
            if usable(part := _owner_in(part)):
                return part
    for name in footer_owners:
        for part in parts(name):
            if usable(part):
                return part
    for name in brands:
        if usable(name := _owner_in(name or "")):
            return name
    return None
