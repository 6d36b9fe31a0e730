"""What kind of item a page is, as a CSL type: a news article, a blog post or a web page.

From the page's own evidence, most explicit first: the JSON-LD @type of its main object
(NewsArticle, BlogPosting, WebPage...), Open Graph's og:type, then where the page lives (a blog
host or a /blog/ path) and what made it (a blogging platform's generator tag). A page that states
no kind at all is a web page unless something else tells it as an article: Open Graph's article
properties, an author, an address that is dated or under /news/.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

NEWS, BLOG, PAGE = "article-newspaper", "post-weblog", "webpage"

_BLOG_TYPES = {"blogposting", "blog", "socialmediaposting", "discussionforumposting"}
_NEWS_TYPES = {"newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
               "reviewnewsarticle", "backgroundnewsarticle", "askpublicnewsarticle", "liveblogposting",
               "report"}
_PAGE_TYPES = {"webpage", "aboutpage", "faqpage", "collectionpage", "itempage", "contactpage", "profilepage",
               "medicalwebpage", "qapage", "searchresultspage", "checkoutpage", "product", "website"}
_BLOG_HOSTS = re.compile(
    r"(?:^|\.)(?:blogspot\.[a-z.]+|wordpress\.com|medium\.com|substack\.com|tumblr\.com|typepad\.com|"
    r"livejournal\.com|hatenablog\.(?:com|jp)|hatenadiary\.[a-z.]+|ameblo\.jp|tistory\.com|blog\.naver\.com|"
    r"over-blog\.com|wixsite\.com|ghost\.io|hashnode\.dev|dev\.to|blogger\.com)$"
)
_BLOG_GENERATORS = re.compile(r"^(?:blogger|wordpress\.com|ghost|jekyll|hugo|hexo|typepad|medium|substack)\b", re.I)


def _blog_address(url: str | None) -> bool:
    try:
        parts = urlparse(url or "")
    except ValueError:
        return False
    host = (parts.hostname or "").lower()
    return bool(_BLOG_HOSTS.search(host) or host.startswith(("blog.", "blogs.")) or
                re.search(r"/blogs?/", parts.path or "", re.I))


# /news/…, /2014/03/…, …-2014-03-03…: an address filed by day or month, or under news
_NEWS_PATH = re.compile(r"/news/|/(?:19|20)\d\d/(?:0?[1-9]|1[0-2])/|(?:19|20)\d\d-(?:0[1-9]|1[0-2])-[0-3]\d", re.I)


def _news_address(url: str | None) -> bool:
    try:
        return bool(_NEWS_PATH.search(urlparse(url or "").path or ""))
    except ValueError:
        return False


def bare_webpage(ld_types: list[str], og_type: str | None) -> bool:
    """The JSON-LD says only the generic WebPage (every page's type) and Open Graph says "article": the
    page's other evidence decides (`told_as_article`)."""
    types = {t.rsplit("/", 1)[-1] for t in ld_types}
    return bool(types) and types <= {"webpage", "website"} and (og_type or "").lower() == "article"


def item_type(ld_types: list[str], og_type: str | None, url: str | None, generator: str | None,
              told_as_article: bool = False) -> str:
    """`ld_types`: the @type values of the page's main JSON-LD object, lower-cased. `told_as_article`:
    the page has Open Graph article properties (article:published_time …) or names a person as its author."""
    types = {t.rsplit("/", 1)[-1] for t in ld_types}
    if types & _BLOG_TYPES:
        return BLOG
    if types & _NEWS_TYPES:
        return NEWS
    if _blog_address(url) or (og_type or "").lower() == "blog" or _BLOG_GENERATORS.match(generator or ""):
        return BLOG
    if types & _PAGE_TYPES and not types & {"article"} and not (bare_webpage(ld_types, og_type) and told_as_article):
        return PAGE  # but a bare WebPage is every page's type: Open Graph's article with its properties says more
    if not types and not og_type and not (told_as_article or _news_address(url)):
        return PAGE  # no word of its kind at all, nor anything else that tells an article (an old Dublin Core page)
    if (og_type or "article").lower() not in ("article", "news", "newsarticle") and not types & {"article"}:
        return PAGE
    return NEWS
