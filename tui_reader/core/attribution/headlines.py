"""Linked headlines of an HTML page: links whose text reads as the headline of another article.

`find_html_headlines` makes one pass over the page's `<a>` elements. Each link is judged by
general signals only: its text (several words, reads like a title, not a "Read more" or menu
label), its URL (an http(s) page, not a share or author or tag page, not the page itself) and
the zones it stands in (navigation, share bars, tag lists, bylines, comments, ads, site header
and footer). Zone flags are computed once per element, walking up from each link to the first
ancestor already seen, so the cost stays close to one pass over the links. How many links pass
says nothing by itself: a related-stories carousel of fifty is fifty headlines, and a site's
section rails are navigation however few they are (a site marks them with its menus, its header or
footer, or `nocontent`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from urllib.parse import SplitResult

from tui_reader.core import urls
from tui_reader.core.extract import html_meta
from tui_reader.core.model import Headline, Section
from tui_reader.core.sanitize import clean_inline

# Zone flags carried from an element to everything inside it.
NAV = 1  # menus, breadcrumbs, pagination, site header/footer, "skip" links
SHARE = 2  # share bars and social links
TAGS = 4  # tags, topics, categories
AUTHOR = 8  # bylines and author boxes
COMMENTS = 16
AD = 32  # ads, sponsored content
HIDDEN = 64  # noscript, template, hidden
HEADING = 128  # h1-h6 or an element named like a headline
CARD = 256  # an <article> or <main>: header/footer inside it are not the site's
RECIRC = 512  # a box of story links: related, trending, popular, recommended, latest stories
MENU = 1024 | NAV  # a menu proper (not the site header or footer around it)
SUBMENU = 2048  # inside an item of a menu: a story box there ("Latest" in a mega-menu) is still the menu
# A link in one of these zones is never a headline. In navigation only a link to an article-like
# URL inside a story box (a site header's "trending" bar, "previous post") passes: a menu's teasers,
# headings and all, are the menu.
REJECT = SHARE | TAGS | AUTHOR | COMMENTS | AD | HIDDEN

_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_TAG_FLAGS = {
    **{h: HEADING for h in _HEADING_TAGS},
    "article": CARD,
    "main": CARD,
    "nav": MENU,
    "menu": MENU,
    "noscript": HIDDEN,
    "template": HIDDEN,
    "select": NAV,
    "button": NAV,
}
_ROLE_FLAGS = {
    "navigation": MENU,
    "menu": MENU,
    "menubar": MENU,
    "menuitem": MENU,
    "banner": NAV,
    "contentinfo": NAV,
    "search": NAV,
    "heading": HEADING,
    "complementary": 0,
}
# Words of class/id names (split on "-", "_", spaces and camelCase) that mark a zone.
_NAME_FLAGS = {
    "nav": MENU,
    "navbar": MENU,
    "navigation": MENU,
    "menu": MENU,
    "submenu": MENU,
    "megamenu": MENU,
    "breadcrumb": NAV,
    "breadcrumbs": NAV,
    "pagination": NAV,
    "pager": NAV,
    "masthead": NAV,
    "skip": NAV,
    "nocontent": NAV,  # the site's own mark for what is not the article (search appliances' convention)
    "share": SHARE,
    "sharing": SHARE,
    "sharebar": SHARE,
    "social": SHARE,
    "tag": TAGS,
    "tags": TAGS,
    "taglist": TAGS,
    "topics": TAGS,
    "keywords": TAGS,
    "categories": TAGS,
    "byline": AUTHOR,
    "author": AUTHOR,
    "authors": AUTHOR,
    "contributor": AUTHOR,
    "comment": COMMENTS,
    "comments": COMMENTS,
    "disqus": COMMENTS,
    "ad": AD,
    "ads": AD,
    "advert": AD,
    "advertisement": AD,
    "advertising": AD,
    "sponsor": AD,
    "sponsored": AD,
    "promoted": AD,
    "dfp": AD,
    "headline": HEADING,
    "hed": HEADING,
}
_SITE_ZONE_NAMES = frozenset({"header", "footer", "foot"})
# Words that may follow a zone word in a class name without changing its meaning ("share-bar",
# "nav__item", "tags-list"); any other word makes it a value ("tag-minnesota", "category-sports").
_NAME_SUFFIXES = frozenset(
    {
        "bar", "bars", "box", "block", "buttons", "button", "btn", "container", "wrapper", "wrap", "inner",
        "outer", "item", "items", "list", "links", "link", "area", "section", "module", "widget", "tools",
        "toolbar", "icons", "icon", "holder", "group", "row", "panel", "main", "top", "bottom", "primary",
        "secondary", "global", "site", "desktop", "mobile", "content", "component", "unit",
        "slot", "label", "name", "count", "title", "v2", "new",
    }
)
_RECIRC_WORDS = frozenset(
    {
        "related", "trending", "popular", "mostpopular", "mostread", "recommended", "recommendations",
        "recirc", "recirculation", "latest", "headlines", "stories", "story", "teaser", "teasers",
        "prev", "previous", "next",
    }
)
_AD_SUBSTRINGS = ("sponsor", "advert", "nativead", "promoted", "adslot", "adunit", "adchoices")
_NAME_SPLIT = re.compile(r"[_\-:./]+|(?<=[a-z])(?=[A-Z])")

_REL_REJECT = frozenset({"author", "tag", "sponsored", "category", "me", "license"})
# Author, tag and topic pages (the word and at most one more segment, the name), and service pages.
_URL_PATH_REJECT = re.compile(
    r"/(?:authors?|writers?|contributors?|profiles?|people|user|users|tags?|topics?|"
    r"category|categories|keywords?)(?:/[^/]*)?/?$|"
    r"/(?:search|login|signin|signup|register|subscribe|newsletters?|share|sharer|print)(?:/|$|\.)",
    re.IGNORECASE,
)
# Share, search and comment-reply queries; affiliate and paid-traffic links.
_URL_QUERY_REJECT = re.compile(
    r"(?:^|&)(?:share|replytocom|s|q|tag|affid|aff_id|affiliate|aff|paid)=|"
    r"utm_medium=(?:affiliates?|cpc|ppc|paid|display|sponsored|contentmarketing|native)",
    re.IGNORECASE,
)
_ARTICLE_PATH = re.compile(
    r"/(?:19|20)\d\d[/-](?:0?[1-9]|1[0-2])(?:[/-]|$)|\d{5,}|[^/\W_]+(?:[-_][^/\W_]+){3,}",
)
_ARTICLE_QUERY = re.compile(r"=(?:\d{5,}|[^\W_]+(?:[-_][^\W_]+){4,})(?:&|$)")  # ?id=1234567, ?a=a-long-slug-of-words
_NON_PAGE_EXT = re.compile(
    r"\.(?:pdf|jpe?g|png|gif|webp|svg|mp3|mp4|m4a|mov|zip|docx?|xlsx?|pptx?|rss|xml|json)$",
    re.IGNORECASE,
)
# Share targets, social profiles and video platforms: a post or a clip there is not an article headline.
_SOCIAL_HOSTS = frozenset({
    "facebook.com",
    "twitter.com",
    "x.com",
    "t.co",
    "instagram.com",
    "linkedin.com",
    "pinterest.com",
    "reddit.com",
    "whatsapp.com",
    "wa.me",
    "t.me",
    "telegram.me",
    "tumblr.com",
    "vk.com",
    "plus.google.com",
    # link shorteners: on a news page almost always a shop's affiliate or a campaign link
    "bit.ly",
    "amzn.to",
    "ow.ly",
    "tinyurl.com",
    "goo.gl",
    "buff.ly",
    "youtube.com",
    "youtu.be",
    "vimeo.com",
    "tiktok.com",
    "getpocket.com",
    "flipboard.com",
})

_LABEL_PREFIX = re.compile(
    r"^(?:related(?: (?:article|story|stories|content|coverage))?|read more|read also|also read|"
    r"see also|more|recommended|featured|read|(?:previous|prev|next|older|newer) (?:post|article|story|entry))"
    r"\s*[:|»>\-–—]+\s*",
    re.IGNORECASE,
)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = (
    rf"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,? )?(?:\d{{1,2}} {_MONTH},? \d{{4}}|{_MONTH} \d{{1,2}},? \d{{4}}|"
    r"\d{1,2}/\d{1,2}/\d{2,4}|\d+ (?:minutes?|mins?|hours?|hrs?|days?|weeks?) ago)"
)
_DURATION = r"\(?\d{1,2}:\d{2}(?::\d{2})?\)?"  # a clip's running time: "(3:05)"
_DATE_AROUND = re.compile(rf"^{_DATE}\s*[|•·–—-]?\s+|\s+[|•·–—-]?\s*(?:{_DATE}|{_DURATION})$", re.IGNORECASE)
_TITLE_CLASS = re.compile(r"(?:^|[\s_-])(?i:title|headline|heading|hed)(?:$|[\s_-])|[a-z](?:Title|Headline)(?:$|[\s_-])")
_NOT_HEADLINE = re.compile(
    r"^(?:read (?:more|full|the full|the rest|on|next|our)|continue reading|keep reading|"
    r"click\b|tap here|view (?:all|more|comments|gallery|full)|see (?:all|more|the full)|"
    r"show (?:all|more)|load more|more (?:stories|news|articles|from|on)|sign (?:up|in)|log ?in|"
    r"subscribe|follow us|back to top|skip to|jump to|go to|share (?:this|on|via|to|article|story)|"
    r"leave a (?:comment|reply)|add a comment|join the (?:conversation|discussion)|"
    r"privacy|terms (?:of|and)|cookie|contact us|about us|advertise|all rights reserved|copyright|"
    r"download (?:the|our|on)|(?:photo|image|picture|portrait) of |get (?:the|our) (?:app|newsletter)|sponsored|promoted|paid (?:post|content))"
    r"|^(?:see|read|get|join|visit|update|manage|check|explore|discover|browse|view|search|find|request|try|"
    r"shop|buy|learn|follow|download|subscribe|sign|tell|give|send|listen|watch) (?:to |up |in )?(?:our|your|us|all)\b"
    r"|\b(?:sign up|subscribe|register) (?:for|to) (?:our|the) (?:\w+ )?(?:newsletters?|emails?|alerts?)"
    r"|\b\d+\s+(?:comments?|replies|responses)\b|\bcomments?\s*\(\d+\)"
    # a control about the page itself: "Reuse this content", "About this content", "Print this page"
    r"|^(?:about|reuse|republish|report|share|print|save|email|cite|embed|license|licence|translate|listen to) "
    r"this (?:content|article|story|page|post|video|image)\b",
    re.IGNORECASE,
)
# Two sentence breaks inside the text: a blurb or a notice, not a title.
_BLURB = re.compile(r"[a-z]{3}[.?]\s+\S.*[a-z]{3}[.?]\s+\S")
_NO_WORD = re.compile(r"[\W_]+")
_INLINE_TAGS = frozenset({"strong", "b", "em", "i", "u", "span", "font", "mark", "small", "cite", "q"})
# Text before a link that introduces it as a headline rather than running into it.
_LABEL_BEFORE = re.compile(
    r"(?:^|\W)(?:related|read more|read also|also read|see also|more|recommended|watch|listen|read|"
    r"also|previously|earlier|opinion|analysis)$",
    re.IGNORECASE,
)
_CONTINUES = re.compile(r"[,;]\s*[a-z]")  # "<a>…</a>, according to" carries on the sentence
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_OPENERS = "\"'“‘«„‹¿¡([$£€#"

MIN_WORDS = 4
MIN_WORDS_STRONG = 3  # in a heading, or linking to an article-like URL
MIN_WORDS_PLAIN_URL = 6  # linking to a URL that does not name one article
MIN_CHARS = 25
MAX_WORDS = 40
MAX_CHARS = 300


def find_html_headlines(
    root,
    base_url: str | None,
    sections: Sequence[Section],
    title: str | None = None,
    *,
    address: str | None = None,
) -> tuple[Headline, ...]:
    """The linked headlines of a page parsed with `lxml.html.document_fromstring`, in page order.

    `base_url` is the page's canonical URL; `address` where the page itself was, as the loader
    found it with `html_meta.page_address` (computed here the same way when not given).
    """
    own_url = html_meta.own_url(root, base_url)
    base = address if address is not None else html_meta.page_address(root, base_url)
    page_keys = {urls.page_key(u) for u in (base_url, own_url) if u}
    bare_pages = {key for key in page_keys if "?" not in key}  # for the page again with a referral query
    page_hosts = {urls.site_key(u) for u in (base_url, base) if u}
    title_key = _text_key(title) if title else ""
    body_links = _body_link_positions(sections, base, page_hosts)
    flags_cache: dict = {}
    seen: set[str] = set()
    found: list[Headline] = []
    for a in root.iter("a"):
        href = a.get("href")
        if not href or href[:1] == "#":
            continue
        text = _plain_text(a)
        if not _may_be_headline(text):
            continue
        url = urls.web_url(href, base)
        parts = urls.split(url)
        if parts is None:
            continue
        key = urls.key_of(parts)
        if key in seen or key in page_keys or (_referral_only(parts.query)
                                                 and urls.key_of(parts._replace(query="")) in bare_pages):
            continue  # the page itself, also as linked from its own date ("?source=post_page-----…")
        path = _page_path(parts, a)
        if path is None:
            continue
        flags = _flags(a, flags_cache)
        if flags & REJECT:
            continue
        text, heading_inside = _headline_text(a, text)
        if heading_inside:
            flags |= HEADING
        article_like = _article_like(parts)
        if flags & NAV and not (article_like and flags & RECIRC):
            continue  # a menu item; a story box around a menu passes
        min_words = MIN_WORDS_STRONG if flags & (HEADING | RECIRC) or article_like else MIN_WORDS
        if not article_like and _word_count(text) < MIN_WORDS_PLAIN_URL:
            continue  # a short title on a section, service or landing page URL
        if not _reads_as_headline(text, min_words) or (not heading_inside and _inline(a)):
            continue
        text_key = _text_key(text)
        if title_key and (text_key == title_key or (len(text_key) >= 20 and title_key.startswith(text_key))):
            continue
        if _in_credit(a):
            continue  # a picture's credit: a photographer's, an agency's or a photo site's page
        seen.add(key)
        section, block = body_links.get(key) or body_links.get(_path_key(key, page_hosts)) or (None, None)
        found.append(Headline(text=text, url=url, section=section, block=block))
    return tuple(found)


def _path_key(key: str, hosts: set[str]) -> str | None:
    """A URL key without its host when the host is the page's own: links of one site compare by path."""
    host, _, rest = key.partition("/")
    return "/" + rest if host in hosts else None


def _page_path(parts: SplitResult, a) -> str | None:
    """The path of a URL when it may lead to another article: not a home, share, social, author,
    tag, search or file URL, and not a link marked rel=author/tag/sponsored."""
    host = parts.netloc.lower().rsplit("@", 1)[-1].split(":", 1)[0]
    if not host:
        return None
    labels = host.split(".")
    if any(".".join(labels[i:]) in _SOCIAL_HOSTS for i in range(len(labels) - 1)):
        return None
    path = parts.path
    if path in ("", "/") and not parts.query:
        return None  # a home page
    if _URL_PATH_REJECT.search(path) or _NON_PAGE_EXT.search(path):
        return None
    if parts.query and _URL_QUERY_REJECT.search(parts.query):
        return None
    rel = a.get("rel")
    if rel and any(r in _REL_REJECT for r in rel.lower().split()):
        return None
    return path


def _article_like(parts: SplitResult) -> bool:
    """A URL that names one article: a dated path, a long numeric id or a slug of several words."""
    return bool(_ARTICLE_PATH.search(parts.path) or (parts.query and _ARTICLE_QUERY.search(parts.query)))


def _own_flags(el, inherited: int) -> int:
    tag = el.tag
    if tag in ("body", "html") or not isinstance(tag, str):
        return 0  # classes on <body> describe the whole site, not a zone
    flags = _TAG_FLAGS.get(tag, 0)
    if tag in ("header", "footer") and not inherited & CARD:
        flags = NAV
    attrib = el.attrib
    if not attrib:
        return flags
    if "hidden" in attrib:
        flags |= HIDDEN
    role = attrib.get("role")
    if role:
        role = role.strip().lower()
        flags |= CARD if role in ("main", "article") else _ROLE_FLAGS.get(role, 0)
    names = attrib.get("class") or ""
    ident = attrib.get("id")
    if ident:
        names = f"{names} {ident}"
    if names:
        flags |= _name_flags(names, bool((inherited | flags) & CARD))
    return flags


@lru_cache(maxsize=4096)
def _name_flags(names: str, in_card: bool) -> int:
    """Zone flags named by class and id tokens ("site-nav", "c-share-bar__item", "post-tags")."""
    flags = 0
    lower = names.lower()
    if any(sub in lower for sub in _AD_SUBSTRINGS):
        flags |= AD
    for token in names.split():
        words = [w.lower() for w in _NAME_SPLIT.split(token) if w]
        for i, word in enumerate(words):
            if word in _RECIRC_WORDS:
                flags |= RECIRC
            zone = _NAME_FLAGS.get(word)
            if zone is None:
                if word in _SITE_ZONE_NAMES and not in_card:
                    zone = NAV
                elif word.endswith(("nav", "menu")) or word.startswith(("nav", "menu")):
                    zone = MENU  # mainnav, topmenu, navlist

            if zone and all(w in _NAME_SUFFIXES for w in words[i + 1 :]):
                flags |= zone
    return flags


def _flags(el, cache: dict) -> int:
    """Zone flags of `el`: its own and its ancestors', cached per element."""
    chain = []
    node = el
    inherited = 0
    while node is not None:
        cached = cache.get(node)
        if cached is not None:
            inherited = cached
            break
        chain.append(node)
        node = node.getparent()
    for node in reversed(chain):
        own = _own_flags(node, inherited)
        if inherited & SUBMENU:
            own &= ~RECIRC  # a "Latest" column inside a menu's item is the menu
        elif inherited & MENU == MENU and node.tag == "li":
            own |= SUBMENU
        inherited |= own
        cache[node] = inherited
    return inherited


def _clean(text: str | None) -> str:
    """Visible text on one line: controls and zero-width characters gone ("Online Business Collection"
    followed by a zero-width space), spaces folded, NFC."""
    return clean_inline(text) if text else ""


def _plain_text(a) -> str:
    """The visible text of link `a`, whitespace collapsed; an empty link's title or aria-label."""
    raw = a.text_content()
    if len(raw) < 8 and raw.strip():
        return ""  # too short for any headline
    return _clean(raw) or _clean(a.get("title")) or _clean(a.get("aria-label"))


def _headline_text(a, text: str) -> tuple[str, bool]:
    """The headline in link `a` whose plain text is `text`, and whether it came from headline markup
    inside the link: a heading, or an element named like a title (a teaser card's title beside its
    summary and date)."""
    if len(a):
        for h in a.iter("h1", "h2", "h3", "h4", "h5", "h6"):
            inner = _clean(h.text_content())
            if inner:
                return _tidy(inner), True
        for el in a.iterdescendants():
            names = el.get("class")
            if names and _TITLE_CLASS.search(names):
                inner = _clean(el.text_content())
                if inner:
                    return _tidy(inner), True
    return _tidy(text), False


def _tidy(text: str) -> str:
    """Link text without a label ("Related:", "Next post:") and without a date before or after it."""
    if len(text) < 8:
        return text
    text = _LABEL_PREFIX.sub("", text)
    return _DATE_AROUND.sub("", text) or text


def _inline(a) -> bool:
    """True when link `a` is a phrase inside running text ("the agency <a>said in a statement</a>
    that ..."), not a title standing alone, after a label ("Related: <a>") or quoted as a source."""
    node = a
    while True:
        prev = node.getprevious()
        before = (prev.tail if prev is not None else node.getparent().text) or ""
        after = node.tail or ""
        parent = node.getparent()
        if before.strip() or after.strip() or parent is None or parent.tag not in _INLINE_TAGS or len(parent) > 1:
            break
        node = parent  # <strong><a>Headline</a></strong>: judge the wrapper's neighbours
    before = before.rstrip()
    if before and (before[-1].isalnum() or before[-1] in ".,;!?)%") and not _LABEL_BEFORE.search(before):
        return True  # prose runs into the link
    after = after.lstrip()
    return bool(after) and (after[0].isalnum() or bool(_CONTINUES.match(after)))


# Query parameters that say where a click came from, not which page it is ("?source=post_page", "?ref=home").
_REFERRAL = frozenset("source ref referrer referer from via src share shared feature cmp cmpid campaign".split())


def _referral_only(query: str) -> bool:
    keys = [q.split("=", 1)[0].lower() for q in query.split("&") if q]
    return bool(keys) and all(k in _REFERRAL for k in keys)


_CREDIT_WORDS = frozenset({"credit", "credits", "attribution"})
CREDIT_TEXT = 200  # a picture's credit is short; a box of stories marked so is not


def _in_credit(a) -> bool:
    """The link is in a picture's credit: a short element (a few links at most) whose class or id has the
    word "credit" or "attribution" ("5W Infographics for Quanta Magazine; sources: …"); not a box of
    stories in a "credit" topic, nor a teaser card that also shows a credit."""
    for depth, el in enumerate(a.iterancestors()):
        if depth >= 4:
            return False
        words = {w.lower() for v in (el.get("class") or "", el.get("id") or "") for w in _NAME_SPLIT.split(v) if w}
        words |= {w.lower() for v in (el.get("class") or "", el.get("id") or "") for w in v.split()}
        if words & _CREDIT_WORDS:
            return (len(" ".join(el.text_content().split())) <= CREDIT_TEXT and sum(1 for _ in el.iter("a")) <= 2
                    and not any(True for _ in el.iter("h1", "h2", "h3", "h4", "h5", "h6")))
    return False


def _may_be_headline(text: str) -> bool:
    """A cheap first test: long enough for a headline even inside a heading."""
    if len(text) < 8:
        return False
    return len(text) >= MIN_CHARS or text.count(" ") >= MIN_WORDS_STRONG - 1 or bool(_CJK.search(text))


def _reads_as_headline(text: str, min_words: int) -> bool:
    if len(text) > MAX_CHARS:
        return False
    words = text.split()
    if len(words) > MAX_WORDS:
        return False
    if _CJK.search(text):
        if len(text) < 8:
            return False
    elif _word_count(text) < min_words and len(text) < MIN_CHARS:
        return False
    if len(words) < 2:
        return False  # one long word is a URL or an identifier, not a headline
    if _NOT_HEADLINE.search(text) or _BLURB.search(text):
        return False
    first = text.lstrip(_OPENERS)[:1]
    if first.isalpha() and first.islower() and not _has_inner_capital(words[0]):
        return False  # a sentence fragment ("according to a report"), not a title
    if not any(c.isalpha() for c in text):
        return False
    if text.isupper() and len(words) < 6:
        return False  # all-caps menu words
    return not text.startswith(("http://", "https://", "www."))


def _word_count(text: str) -> int:
    """Words with a letter or digit: "&", "|" and dashes do not count."""
    return sum(1 for w in text.split() if not _NO_WORD.fullmatch(w))


def _has_inner_capital(word: str) -> bool:
    return any(c.isupper() for c in word[1:])


def _text_key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _body_link_positions(sections: Sequence[Section], base: str | None, hosts: set[str]) -> dict[str, tuple[int, int]]:
    """URL key (and, for the page's own hosts, path key) -> (section, block) of the first body block
    that links to it."""
    positions: dict[str, tuple[int, int]] = {}
    for s_index, section in enumerate(sections):
        for b_index, block in enumerate(section.blocks):
            for link in block.links:
                url = urls.web_url(link.url, base)
                if url is None:
                    continue
                key = urls.page_key(url)
                positions.setdefault(key, (s_index, b_index))
                path = _path_key(key, hosts)
                if path:
                    positions.setdefault(path, (s_index, b_index))
    return positions
