"""A page's authors, from the most explicit source that names any.

JSON-LD says whether each author is a Person or an Organization; then `citation_author` and
Dublin Core `DC.creator` (each may be repeated, one name a tag), then the `author`-style meta
tags, then visible bylines (rel/itemprop author, byline classes).
"""

from __future__ import annotations

import re

from lxml import etree

from tui_reader.core import census
from tui_reader.core.extract.meta_tags import meta_values
from tui_reader.core.extract.people import author_kind, clean_authors, no_personal_name
from tui_reader.core.extract.publisher import same_organisation
from tui_reader.core.model import Author
from tui_reader.core.sanitize import clean_inline

_BYLINE_CLASS = re.compile(r"\b(?:byline|author-name|author__name|article-author|c-byline)\b")
_BYLINE_TOKENS = {"author", "authors", "authorname", "author_name", "author-link", "posted-by", "writer"}
_URL = re.compile(r"^(?:https?:)?//|^www\.")


def jsonld_kind(obj: dict) -> str | None:
    """"person" or "organization" from a JSON-LD object's @type, None when it says neither."""
    types = obj.get("@type")
    for t in types if isinstance(types, list) else [types]:
        t = str(t or "").rsplit("/", 1)[-1].lower()
        if t == "person":
            return "person"
        if t.endswith("organization") or t in ("corporation", "newsmediaorganization", "ngo", "project"):
            return "organization"
    return None


def jsonld_authors(value) -> list[Author]:
    """Authors of a JSON-LD `author` value: a name, an object with @type and name, or a list of them."""
    found: list[Author] = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str):
            found += clean_authors([item]) if not _URL.match(item.strip()) else []
        elif isinstance(item, dict):
            names = item.get("name")
            names = [n for n in (names if isinstance(names, list) else [names]) if isinstance(n, str)]
            kind = jsonld_kind(item)
            found += [_as_written(a) if kind == "person" else a for a in clean_authors(names, kind)]
    unique: list[Author] = []
    for one in found:
        if one.name.casefold() not in {a.name.casefold() for a in unique}:
            unique.append(one)
    return unique


def _as_written(one: Author) -> Author:
    """A JSON-LD "Person" whose name no person bears ("The Associated Press", "Jerusalem Post Staff") is the
    organisation: sites type every byline Person. A name in a person's shape stays a person's whatever the
    given name ("Chidi Court": the US census lists are no evidence against a name)."""
    first = one.name.split()[0].casefold() if one.name.split() else ""
    if author_kind(one.name) == "organization" and not census.known(first) and no_personal_name(one.name):
        return Author(one.name, "organization")
    return one


def visible_bylines(root) -> list[Author]:
    """Names in byline elements of one article: rel/itemprop author and byline classes, else plain
    author classes; the innermost of nested ones; on a page listing several stories, only those in
    the first byline's <article>."""
    marked, plain = [], []
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag in ("meta", "link", "script"):
            continue
        marks = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
        if el.get("rel") == "author" or el.get("itemprop") == "author" or _BYLINE_CLASS.search(marks):
            marked.append(el)
        elif _BYLINE_TOKENS & set(marks.split()):
            plain.append(el)
    marked, plain = [el for el in marked if not _in_comments(el)], [el for el in plain if not _in_comments(el)]
    # a byline block holding an author element ("<div class=byline><span class=author>Ann Lee</span>
    # <span class=publication>...") is read from that element
    marked = [d for el in marked for d in (_author_elements(el) or [el])]
    candidates = marked or plain
    inner = {id(a) for el in candidates for a in el.iterancestors()}
    candidates = [el for el in candidates if id(el) not in inner]
    if candidates:
        first = _article_of(candidates[0])
        candidates = [el for el in candidates if _article_of(el) is first]
    texts = []
    for el in candidates[:6]:
        text = clean_inline(" ".join(el.itertext()))
        if 0 < len(text) <= 120:
            texts.append(text)
    return clean_authors(texts)


_BY_LINK = re.compile(r"^\s*by\s*$", re.IGNORECASE)


def linked_bylines(root) -> list[Author]:
    """An unmarked byline that links its names: "By <a href=/staff/louis-jacobson/>Louis Jacobson</a>
    on Monday, ..." (the first such line on the page)."""
    for el in root.iter("p", "div", "span", "li"):
        links = [a for a in el if isinstance(a.tag, str) and a.tag == "a"]
        if links and _BY_LINK.match(el.text or ""):
            text = clean_inline(" ".join(el.itertext()))
            if len(text) <= 160:
                return clean_authors([text])
    return []


_COMMENT_TOKENS = frozenset("comment comments commentlist comment-list comments-list comment-body".split())


def _in_comments(el) -> bool:
    """Inside readers' comments (an element marked "comment", "comments", "comment-…"): a commenter's name."""
    for a in el.iterancestors():
        tokens = f"{a.get('class') or ''} {a.get('id') or ''}".lower().split()
        if any(t in _COMMENT_TOKENS or t.startswith(("comment-", "comments-")) for t in tokens):
            return True
    return False


def _author_elements(el) -> list:
    """The author elements inside a byline block that hold a name (an empty one leaves the block to be read)."""
    found = []
    for d in el.iterdescendants():
        if isinstance(d.tag, str) and (d.get("rel") == "author" or d.get("itemprop") == "author" or
                                       _BYLINE_TOKENS & set(f"{d.get('class') or ''}".lower().split())):
            if "".join(d.itertext()).strip():
                found.append(d)
    return found


_TEXT_NAMING = etree.XPath("//body//text()[contains(., $name)][not(ancestor::script)][not(ancestor::style)]")


def _fuller_byline(root, found: list[Author], sites: tuple[str, ...] = ()) -> list[Author] | None:
    """The visible byline that lists the structured data's people among more writers ("By Ann Lee, Bo Kim,
    Cy Day" where JSON-LD names Ann Lee only): the line holding the first name, or a short block around it.
    A site's name credited beside them ("Sarah Litz, Reno Gazette-Journal") is no further writer."""
    if not found or len(found) > 3 or any(a.kind != "person" for a in found):
        return None
    wanted = {a.name.casefold() for a in found}
    for node in _TEXT_NAMING(root, name=found[0].name)[:3]:
        el = node.getparent()
        if el is not None and getattr(node, "is_tail", False):
            el = el.getparent()  # a tail's text belongs to the element around the one it follows
        for _ in range(3):
            if el is None or not isinstance(el.tag, str):
                break
            text = clean_inline(" ".join(el.itertext()))
            if len(text) > 200:
                break
            if not re.search(re.escape(found[-1].name) + r"\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b)\s*\w", text):
                el = el.getparent()  # no other name after the last one here
                continue
            names = [a for a in clean_authors([text]) if not _names_site(a.name, sites)]
            if len(names) > len(found) and wanted <= {a.name.casefold() for a in names} and all(
                    a.kind == "person" for a in names) and _a_byline(el, text):
                return names
            el = el.getparent()
    return None


_BY = re.compile(r"^\W*by\s", re.IGNORECASE)


def _a_byline(el, text: str) -> bool:
    """`el` is a byline: it or one of the two elements around it is marked as one (rel/itemprop author, byline
    classes), or its text opens with "By"; and no name in it carries a role in parentheses ("Tom Berg
    (graphics)" in a credits line is no author). A share bar or an author's bio block naming others is none."""
    if "(" in text:
        return False
    for e in (el, *list(el.iterancestors())[:2]):
        marks = f"{e.get('class') or ''} {e.get('id') or ''}".lower()
        if e.get("rel") == "author" or e.get("itemprop") == "author" or _BYLINE_CLASS.search(marks) or (
                _BYLINE_TOKENS & set(marks.split())):
            return True
    return bool(_BY.match(text))


def _article_of(el):
    """The nearest <article> around `el`, or None."""
    return next((a for a in el.iterancestors("article")), None)


def page_authors(root, article_ld: dict, sites: tuple[str, ...] = ()) -> tuple[Author, ...]:
    """The article's authors from its most explicit source; `sites` are the names the page gives its
    site (a name credited beside the writers that is the site's is no author).

    A structured list of authors (JSON-LD `author`, `citation_author`, Dublin Core creators: one
    author an entry) is taken whole, an organisation in it included ("Human Rights Watch" beside
    "Jane Doe" on a report); in a byline, an organisation beside the writers is their agency."""
    listed = (
        lambda: jsonld_authors(article_ld.get("author")),
        lambda: clean_authors(meta_values(root, "citation_author")),
        lambda: clean_authors(meta_values(root, "dc:creator", "dcterms:creator")),  # RDFa property first
        lambda: clean_authors(meta_values(root, "dc.creator", "dcterms.creator")),
    )
    bylines = _bylines(root)
    for source in (*listed, *bylines):
        found = source()
        if found and source in listed and _house_credit(found, article_ld, sites):
            signers = next((people for b in bylines if (people := [a for a in b() if a.kind == "person"])), None)
            if signers:
                found, source = signers, bylines[1]
        if found:
            found = _desks(found, sites)
            if source in bylines[1:]:  # the visible bylines themselves
                return _people_first(found, sites)
            found = _fuller_byline(root, found, sites) or found
            return _people_first(found, sites) if source in bylines else tuple(found)
    return ()


def _house_credit(found: list[Author], article_ld: dict, sites: tuple[str, ...]) -> bool:
    """Every structured author is the house itself: the site, or the JSON-LD publisher ("Sky" on Sky
    News, whose byline reads "Tom Gillespie"), as a CMS credits by default. Where the page signs the
    article with a person's byline, that person is the author."""
    publisher = article_ld.get("publisher")
    house = (*sites, *([publisher.get("name")] if isinstance(publisher, dict) and isinstance(publisher.get("name"), str) else []))
    return all(a.kind == "organization" and (_names_site(a.name, house) or any(same_organisation(a.name, h) for h in house))
               for a in found)


def _bylines(root) -> tuple:
    """The page's bylines, each found when called: its author meta tags, then those in its markup."""
    return (
        lambda: clean_authors([v for v in meta_values(root, "author", "article:author", "sailthru.author",
                                                      "parsely-author", "byl") if not _URL.match(v)]),
        lambda: visible_bylines(root),
        lambda: linked_bylines(root),
    )


def signed(root) -> bool:
    """Whether a byline names a person as the page's writer (an author meta tag or a byline in the
    markup), as a news article is signed; a catalogue's creators (Dublin Core, citation_author) are no byline."""
    return any(author.kind == "person" for source in _bylines(root) for author in source())


def _desks(found: list[Author], sites: tuple[str, ...]) -> list[Author]:
    """A byline that is the site's name with more words, or the first words of it, is a desk or team of
    the site ("Telegraph Sport" on The Telegraph, "Android Developers" on the Android Developers Blog): an
    organisation, unless it opens with a given name (a personal site named after its writer)."""
    out = []
    for one in found:
        words = one.name.casefold().split()
        if one.kind == "person" and words and not census.known(words[0]):
            for site in sites:
                site_words = site.casefold().split()
                site_words = site_words[1:] if site_words[:1] == ["the"] and len(site_words) > 1 else site_words
                n = min(len(words), len(site_words))
                if n and words[:n] == site_words[:n] and len(words) != len(site_words):
                    one = Author(one.name, "organization")
                    break
        out.append(one)
    return out


def _people_first(found: list[Author], sites: tuple[str, ...]) -> tuple[Author, ...]:
    """An organisation credited beside named people is their employer, agency or site ("By Danica
    Kirka and Jill Lawless" over "Associated Press"; "Tanza Loudenback, Business Insider" on Business
    Insider Deutschland): the people are the authors. An organisation alone stays the author."""
    people = [a for a in found if a.kind == "person" and not _names_site(a.name, sites)]
    return tuple(people if people and len(people) < len(found) else found)


def _names_site(name: str, sites: tuple[str, ...]) -> bool:
    """`name` is a site's name or its first words ("Business Insider" for "Business Insider Deutschland")."""
    folded = " ".join(name.casefold().split())
    return any(s and (" ".join(s.casefold().split()) + " ").startswith(folded + " ") for s in sites)
