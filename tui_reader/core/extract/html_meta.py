"""Metadata of an HTML page: title, authors, site, date, canonical URL, language.

Each field is taken from the most explicit source that has it: Open Graph and article meta tags,
then JSON-LD, then ordinary markup (`<title>`, `<h1>`, `<time>`, bylines), then visible text.
"""

from __future__ import annotations

import json
import re

from lxml import etree

from tui_reader.core import urls
from tui_reader.core.extract.dates import (
    date_start,
    dated_apart_from_revision,
    dates_in_text,
    find_date_in_text,
    normalise_date,
    page_date,
    revision_lines,
)
from tui_reader.core.extract.item_type import bare_webpage, item_type
from tui_reader.core.extract.meta_tags import first_meta as _meta
from tui_reader.core.extract.meta_tags import meta_values
from tui_reader.core.extract.page_authors import page_authors, signed
from tui_reader.core.extract.publisher import (
    best_written,
    copyright_owners,
    publisher,
    same_organisation,
    without_legal_words,
)
from tui_reader.core.extract.title_parts import TITLE_SEPARATORS, split_title
from tui_reader.core.model import MetadataDraft
from tui_reader.core.sanitize import clean_inline

_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->", re.IGNORECASE)
_CDATA = re.compile(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$")  # XHTML's wrapping of script text
# A publication date stated in the body's markup (microdata on a <time>, HTML's pubdate).
_STATED_PUBLICATION = etree.XPath("//*[@itemprop='datePublished' or @pubdate][@content or @datetime or normalize-space()]")
_REVISION_NAMES = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "last-modified")
_REVIEW_LINE = re.compile(r"\blast\s+reviewed\b", re.IGNORECASE)  # "Page last reviewed: 9 December 2019"
# The word stands whole in one of the page's text nodes wherever `_REVIEW_LINE` finds a line: a page whose
# text holds no such word has none (looked for in a millisecond, where reading the page's lines takes tens).
_REVIEW_WORD = re.compile(r"reviewed", re.IGNORECASE)
# "Last modified: 9 February 2015": the words open a line of their own, or a sentence of a footer's line
# ("Prepared by Olaf U. Janzen. Last modified: January 13, 2014"), never inside a sentence of the body
# ("The figures were last updated on …")
_MODIFIED_LINE = re.compile(r"(?:^\W*(?i:last)|[.!?|•·]\s+(?:Last|LAST))\s+(?i:modified|updated)\b")
_MODIFIED_WORD = re.compile(r"modified|updated", re.IGNORECASE)
_PAGE_TEXT = etree.XPath("string()")
_ARTICLE_PROPERTIES = etree.XPath("//meta[starts-with(@property, 'article:')][normalize-space(@content)]")  # Open Graph's
_JSONLD_ARTICLE_TYPES = ("article", "newsarticle", "blogposting", "reportage", "report", "claimreview", "webpage", "posting")


def _jsonld_objects(root) -> list[dict]:
    objects: list[dict] = []
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(_CDATA.sub("", script.text or ""), strict=False)
        except ValueError:
            continue
        stack = [data]
        while stack and len(objects) < 200:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                objects.append(item)
                if "@graph" in item:
                    stack.extend(item["@graph"] if isinstance(item["@graph"], list) else [item["@graph"]])
    return objects


def _types(obj: dict) -> list[str]:
    t = obj.get("@type")
    values = t if isinstance(t, list) else [t]
    return [str(v).lower() for v in values if v]


def _name_of(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        name = value.get("name")
        return [name] if isinstance(name, str) else []
    if isinstance(value, list):
        return [n for v in value for n in _name_of(v)]
    return []


def _blog_of(ld: dict, site: str | None) -> str | None:
    """The blog a post belongs to (JSON-LD isPartOf a Blog), where it is not the site itself."""
    parts = ld.get("isPartOf")
    for part in parts if isinstance(parts, list) else [parts]:
        if isinstance(part, dict) and "blog" in _types(part):
            name = clean_inline(next(iter(_name_of(part)), ""))
            if name and not same_organisation(name, site):
                return name
    return None


def _jsonld_article(objects: list[dict], root=None) -> dict:
    """The page's main JSON-LD object, its author and publisher given by reference ({"@id": ...}, as
    Yoast's @graph does) replaced by the objects they name; a referenced author only where the page
    shows the name (Yoast names the account that posted, often not the writer the byline names)."""
    for preferred in _JSONLD_ARTICLE_TYPES:
        for obj in objects:
            if any(t.endswith(preferred) for t in _types(obj)):
                by_id = {o["@id"]: o for o in objects if isinstance(o.get("@id"), str) and len(o) > 1}
                author = obj.get("author")
                referenced = any(isinstance(a, dict) and not a.get("name") and a.get("@id") in by_id
                                 for a in (author if isinstance(author, list) else [author]))
                shown = _visible_text(root) if referenced and root is not None else ""
                resolved = {"publisher": _resolved(obj.get("publisher"), by_id, None),
                            "author": _resolved(obj.get("author"), by_id, shown)}
                return {**obj, **{k: v for k, v in resolved.items() if k in obj}}
    return {}


def _resolved(value, by_id: dict, shown: str | None):
    if isinstance(value, list):
        return [_resolved(v, by_id, shown) for v in value]
    if isinstance(value, dict) and not value.get("name") and value.get("@id") in by_id:
        target = by_id[value["@id"]]
        names = [n for n in _name_of(target) if n.strip()]
        if shown is None or any(" ".join(n.split()).casefold() in shown for n in names):
            return target
    return value


def _visible_text(root) -> str:
    """The page's text outside scripts and styles, white space single, case folded."""
    texts = root.xpath("//body//text()[not(ancestor::script) and not(ancestor::style) and not(ancestor::noscript)]")
    return " ".join(" ".join(texts).split()).casefold()


def _jsonld_title(ld: dict, title_tag: str | None) -> str | None:
    """JSON-LD's headline, or its name where that is nearer the <title> (on Wikipedia the headline
    is the kind of article, "Wikimedia list article", and the name is the article's title)."""
    found = [clean_inline(ld[k]) for k in ("headline", "name") if isinstance(ld.get(k), str) and ld[k].strip()]
    if len(found) < 2 or not title_tag:
        return found[0] if found else None
    words = set(re.findall(r"\w+", title_tag.casefold()))
    return max(found, key=lambda t: len(words & set(re.findall(r"\w+", t.casefold()))) / (1 + len(t.split())))


_SMALL_WORDS = frozenset("a an and are as at be by for from has have in is it of on or the to was were with".split())


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", text.casefold()) if w not in _SMALL_WORDS and not w.isdigit()}


# What follows a headline in a <title>: a separator, then a short name ("- Wikipedia", "| Code | Nicolas Perriault").
_SITE_AFTER = re.compile(r"^\s+[-|–—·•]\s+\S(?:\s*\S+){0,7}\s*$")


def _shown_headline(root, title: str | None, sites: list[str] = (), title_tag: str | None = None) -> str | None:
    """The page's visible headline, its first <h1> of three words or more, where it is about the
    same thing as the stated title (og:title, else <title> without the site: a word in common) but
    words it differently:
    the headline readers see is the one a citation gives (a sharing title is often reworded). With
    no stated title, the first <h1>; and the <h1> whatever og:title says where the <title> says the same
    (two of the page's three titles agree: a hub's sharing title left on an article, "Yahoo News - Latest
    News & Headlines" over the story's own)."""
    tag_headline = _fold(split_title(title_tag, None)[0]) if title_tag else None
    for h1 in root.iter("h1"):
        text = clean_inline(h1.text_content())
        if not text or any(same_organisation(text, site) for site in sites):
            continue  # the site's name in its banner ("Kabar tentang Dunia Islam" above the article's title)
        if not title:
            return text
        if tag_headline and len(text.split()) >= 3 and _fold(text) == tag_headline:
            return text
        if _subtitled(title, text, h1):
            return None  # "Headline: Its Subtitle" over an <h1> of the headline alone: the stated title is whole
        if _SITE_AFTER.match(title[len(text):]) and title.casefold().startswith(text.casefold()):
            return text  # "Mozilla - Wikipedia" over an <h1> "Mozilla": the site's name after the headline, however short
        if len(text.split()) >= 3 and _content_words(text) & _content_words(title):
            return text
    return None


# The first text after an element, outside scripts and styles: what the page shows right after it.
_TEXT_AFTER = etree.XPath("following::text()[normalize-space()][not(ancestor::script or ancestor::style)][1]")


def _fold(text: str) -> str:
    """`text` for comparing: white space runs as one space, no case."""
    return " ".join(text.split()).casefold()


def _subtitled(title: str, headline: str, h1) -> bool:
    """The title is the headline, a colon, then a subtitle ("Joins Confederation: A Brief History")
    that the page shows in the element right after the <h1> (its <h2>, a standfirst): a subtitle the
    page does not show is a sharing title's suffix ("…: Live Updates and Reaction")."""
    head, _, rest = _fold(title).partition(_fold(headline))
    if head or not rest.startswith(":") or not rest[1:].split():
        return False
    after = _TEXT_AFTER(h1)
    if not after:
        return False
    element = after[0].getparent().getparent() if after[0].is_tail else after[0].getparent()
    around_h1 = set(h1.iterancestors())
    for shown in (element, *element.iterancestors()) if element is not None else ():  # the text's element, or one holding it ("Live <em>updates</em>")
        if shown in around_h1:
            return False
        if _fold(clean_inline(shown.text_content())) == rest[1:].strip():
            return True
    return False


_SITE_AFTER = re.compile(r"\s*(?:\(.+\)|(?:\||-|–|—|::|·|•|»|/)\s+\S.*)", re.DOTALL)


def _catalogue_title(catalogued: str | None, title_tag: str | None) -> str | None:
    """A Dublin Core or citation title (DC.title, citation_title), where it is the page's own: with no
    <title>, or as the <title>'s opening that the rest shows to be followed by the site ("Draft of the
    Emancipation Proclamation" in "… (Mr. Lincoln's Virtual Library)"). Otherwise it is often the
    site's or a section's name ("Home", "Harbour City Council - News") and the <title> is the headline."""
    catalogued = clean_inline(catalogued) if catalogued else None
    if not catalogued or not title_tag:
        return catalogued
    head, found, rest = title_tag.partition(catalogued)
    return catalogued if found and not head.strip() and _SITE_AFTER.fullmatch(rest) else None


_MEDIAWIKI = re.compile(r"mediawiki\b", re.IGNORECASE)
# a wiki's many writers, as a whole signature: "Contributors to Wikimedia projects", "OpenStreetMap contributors"
# (not "Ann Lee and contributors", "Staff and contributors")
_CONTRIBUTORS = re.compile(r"contributors\s+to\s+[^,&]+|(?!.*\b(?:and|staff)\b)[^,&]+\s+contributors", re.IGNORECASE)


def _subdomain_word(site: str, url: str | None) -> bool:
    """The stated site is only the word of the address's subdomain, a service's and not the site's name
    ("Hosted" on hosted.ap.org, "Blog" on blog.example.com); not the site's own label ("BBC" on bbc.co.uk)."""
    host = urls.host(url) or ""
    labels = host.split(".")
    return (len(labels) >= 3 and site.casefold() == labels[0] and labels[0] != urls.own_label(host)
            and labels[0] in _SERVICE_WORDS)


# Subdomains that name a service of a site, not a site ("ProFootballTalk" on profootballtalk.nbcsports.com is one).
_SERVICE_WORDS = frozenset("""hosted blog blogs news m mobile amp app apps shop store community forum forums help support
docs web portal home my live video videos static content""".split())


def _clean_site(site: str | None) -> str | None:
    """"https://www.example.in" → "example.in"; "Name | tagline | more" → "Name"."""
    if not site:
        return None
    if re.match(r"^(?:https?://|www\.)", site):
        return urls.host(site if "://" in site else f"https://{site}") or None
    return re.split(r"\s+[|•·]\s+", site)[0].strip() or None


def _language(root, jsonld: dict) -> str | None:
    html = root if root.tag == "html" else root.find(".//html")
    lang = (html.get("lang") or html.get("xml:lang") or "") if html is not None else ""
    lang = lang or _meta(root, "og:locale", "content-language", "language", "dc.language") or ""
    lang = lang or str(jsonld.get("inLanguage") or "")
    for el in root.iter("meta"):
        if not lang and (el.get("http-equiv") or "").lower() == "content-language":
            lang = el.get("content") or ""
    lang = lang.strip().replace("_", "-")
    if not re.fullmatch(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*", lang):
        return None
    primary, *rest = lang.split("-")
    return "-".join([primary.lower(), *[r.upper() if len(r) == 2 else r for r in rest]])


def own_url(root, canonical: str | None) -> str | None:
    """The page's og:url, absolute: on a syndicated copy, the copy's own address."""
    return urls.web_url(_meta(root, "og:url"), canonical)


def page_address(root, canonical: str | None, raw_html: str = "") -> str | None:
    """Where the page itself was, for resolving its relative links.

    A `<base href>` wins. Then the browser's "saved from" note, when `raw_html` has one. A
    syndicated copy's canonical URL names the original publisher while its links are relative to
    the copy's own site, so og:url counts when it is on another host than the canonical URL (on the
    same host it is often just the home page). Else the canonical URL.
    """
    og = own_url(root, canonical)
    for el in root.iter("base"):
        resolved = urls.web_url(el.get("href"), canonical or og)
        if resolved:
            return resolved
        break
    saved = _SAVED_FROM.search(raw_html[:4096])
    if saved:
        return saved.group(1)
    if og and (not canonical or urls.host(og) != urls.host(canonical)):
        return og
    return canonical


def _dated_by_review(root, ld: dict, url: str | None, published: str) -> bool:
    """Whether the page's one date is the day it was last reviewed: its JSON-LD lastReviewed or a
    "last reviewed" line gives that day, and nothing else on the page dates it."""
    stated = [normalise_date(ld.get("lastReviewed")) if isinstance(ld.get("lastReviewed"), str) else None,
              *(find_date_in_text(text) for _el, text in _review_lines(root))]
    if not any(d and d[:10] == published[:10] for d in stated) or _STATED_PUBLICATION(root):
        return False
    return not dated_apart_from_revision(root, url, _REVISION_NAMES, _review_lines)


def _dated_by_revision(root, url: str | None, published: str, modified: list[str | None]) -> bool:
    """Whether the page's one date is the day it was last modified: its modification metadata or a
    "Last modified: …" / "Last updated …" line gives that day, and nothing else on the page dates it."""
    stated = [*modified, *(find_date_in_text(text) for _el, text in _modified_lines(root))]
    if not any(d and d[:10] == published[:10] for d in stated):
        return False
    return not dated_apart_from_revision(root, url, _REVISION_NAMES, _modified_lines)


def _review_lines(root) -> list:
    return revision_lines(root, _REVIEW_LINE) if _REVIEW_WORD.search(_PAGE_TEXT(root)) else []


def _modified_lines(root) -> list:
    """The page's "Last modified: …" lines whose one date follows those words: a line that also
    gives another date, or any date before them, states when the page was published ("Published
    March 3, 2014 | Last updated: March 5, 2014", "Created …; last modified …")."""
    if not _MODIFIED_WORD.search(_PAGE_TEXT(root)):
        return []
    return [(el, text) for el, text in revision_lines(root, _MODIFIED_LINE)
            if len(set(dates_in_text(text))) == 1 and date_start(text) > _MODIFIED_LINE.search(text).start()]


def html_metadata(root, raw_html: str, page_url: str | None = None) -> MetadataDraft:
    """The page's metadata, as a draft the loader completes from the body's byline and freezes."""
    objects = _jsonld_objects(root)
    ld = _jsonld_article(objects, root)

    url = None
    for el in root.iter("link"):
        if "canonical" in (el.get("rel") or "").lower().split() and el.get("href"):
            url = el.get("href").strip()
            break
    url = url or _meta(root, "og:url", "twitter:url")
    if not url and isinstance(ld.get("url"), str):
        url = ld["url"]
    if not url:
        saved = _SAVED_FROM.search(raw_html[:4096])
        url = saved.group(1) if saved else page_url
    if url and not urls.scheme(url) and page_url:
        url = urls.join(page_url, url)
    if urls.scheme(url) not in ("http", "https"):
        url = None

    stated_sites = [_meta(root, "og:site_name"), _meta(root, "application-name"), _meta(root, "twitter:site"),
                    *(clean_inline(n) for n in _name_of(ld.get("publisher")))]
    stated_sites = [_clean_site(s) for s in stated_sites if s and not s.startswith("@")]  # not a Twitter handle
    services = {s for s in stated_sites if s and _subdomain_word(s, url or page_url)}
    stated_sites = [s for s in stated_sites if s and s not in services]
    site = stated_sites[0] if stated_sites else None

    title_tag = None
    for el in root.iter("title"):
        title_tag = clean_inline(el.text_content())
        break
    title = _meta(root, "og:title", "twitter:title") or _jsonld_title(ld, title_tag)
    catalogued = _catalogue_title(_meta(root, "citation_title", "dc.title", "dcterms.title"), title_tag)
    inferred_site = None
    if title:
        title, inferred_site = split_title(title, site)
    elif catalogued:
        title = catalogued  # whole: it names no site
    elif title_tag:
        title, inferred_site = split_title(title_tag, site)
    title = _shown_headline(root, title, stated_sites, title_tag) or title
    if title_tag and title and title_tag != title:  # the <title> names the site more often than og:title
        _, inferred_site = split_title(title_tag, site)
    if inferred_site and _subdomain_word(inferred_site, url or page_url):
        inferred_site = None  # "… | Hosted" on hosted.ap.org: the service's word, gone from the title all the same
    site = best_written([_clean_site(site or inferred_site), *stated_sites, _clean_site(inferred_site)])

    explicit = [normalise_date(v) for v in (
        *meta_values(root, "article:published_time", "og:published_time", "datepublished", "citation_publication_date",
                     "citation_date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dc.date.created",
                     "dcterms.created", "date", "pubdate", "publishdate",
                     "publish-date", "sailthru.date", "parsely-pub-date"),
        *(ld.get(k) for k in ("datePublished", "dateCreated") if isinstance(ld.get(k), str)),
    )]
    published = page_date(root, [d for d in explicit if d], url)
    modified = [normalise_date(v) for v in (
        *meta_values(root, *_REVISION_NAMES),
        *(el.get("content") for el in root.iter("meta") if (el.get("http-equiv") or "").strip().lower() == "last-modified"),
        *([ld["dateModified"]] if isinstance(ld.get("dateModified"), str) else []),
    )]
    # dated only by its revision: the modification date is the one date, and nothing else on the
    # page (address, <time>, a visible date line) dates it once the modification metadata is gone
    revised = (bool(published) and not any(explicit) and not _STATED_PUBLICATION(root)
               and _dated_by_revision(root, url, published, modified))
    reviewed = bool(published) and not revised and not any(explicit) and _dated_by_review(root, ld, url, published)

    owners = [*_name_of(ld.get("copyrightHolder")), *_name_of(ld.get("sourceOrganization")),
              *[v for v in meta_values(root, "citation_publisher", "dc.publisher", "dcterms.publisher", "publisher")
                if not v.startswith(("http://", "https://"))]]
    authors = page_authors(root, ld, tuple(s for s in (site, *stated_sites, inferred_site) if s))
    sites = [name for name in (site, *stated_sites, inferred_site) if same_organisation(name, site)]
    footer_owners = copyright_owners(root, url)
    owner = publisher(owners, footer_owners, sites, [a.name for a in authors if a.kind == "organization"],
                      _name_of(ld.get("publisher")))
    og_type = _meta(root, "og:type")  # where the page states no kind, whether it tells itself as an article
    told_as_article = not (_types(ld) or og_type) and bool(_ARTICLE_PROPERTIES(root) or signed(root))
    if bare_webpage(_types(ld), og_type):
        # the generic WebPage beside Open Graph's "article" and its date of publication (the Guardian's
        # pages): an article; not where Open Graph gives only a revision date, as a museum's page does
        told_as_article = bool(meta_values(root, "article:published_time"))
    if site and site == site.lower():  # a site written like a handle ("nj"): the owner may write it better
        site = best_written([site, *(without_legal_words(o) for o in footer_owners)])  # not "Ltd"
    if not site:  # a page that names no site: its footer's copyright owner is the site's (an organisation's own pages)
        site = next(iter(footer_owners), None)
    if not site and services:  # it named only its subdomain's service ("Help"): the site's own domain
        site = ".".join((urls.host(url or page_url) or "").removeprefix("www.").split(".")[1:]) or None
    kind = item_type(_types(ld), og_type, url, _meta(root, "generator"), told_as_article)
    news = any(t.rsplit("/", 1)[-1] in ("newsarticle", "reportagenewsarticle") for t in _types(ld))
    if not news and (_MEDIAWIKI.match(_meta(root, "generator") or "") or any(_CONTRIBUTORS.fullmatch(a.name) for a in authors)):
        # a wiki's entry (Wikipedia): the wiki is the site and its foundation the publisher, written by no one
        # person, a web page as of its current revision (MLA 9: “Hermitian Matrix.” Wikipedia, Wikimedia
        # Foundation, 24 Feb. 2020, URL; APA 7 §10.3 dates a wiki entry by the version cited)
        segments = [p.strip() for p in TITLE_SEPARATORS.split(title_tag or "")][1:]
        stated = next((s for s in stated_sites if s in segments), None)  # Fandom: "… | Wookieepedia | Fandom"
        wiki = stated or (segments[-1].split(",")[0].strip() if segments else None)  # "Wiktionary, the free dictionary"
        if segments:
            title = TITLE_SEPARATORS.split(title_tag)[0].strip()  # a wiki's <title> is "Entry - Wiki": the entry
        if wiki and not same_organisation(wiki, site):
            owner, site = owner or site, wiki
        authors = [a for a in authors if not _CONTRIBUTORS.match(a.name)]
        published = max((d for d in modified if d), default=published)
        revised = reviewed = False
        kind = "webpage"
    return MetadataDraft(
        title=title or None,
        authors=authors,
        site=site,
        published=published,
        revised=revised or reviewed,
        reviewed=reviewed,
        url=url,
        language=_language(root, ld),
        kind=kind,
        publisher=owner,
        blog=_blog_of(ld, site),
    )
