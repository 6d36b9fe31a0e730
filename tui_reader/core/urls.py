"""URLs as saved pages carry them: parsed without ever raising, made absolute, and keyed so that two
spellings of one page compare equal.

Pages hold malformed addresses (`http://[x`, `http://[::1x]/`, `http://host:99999/`) on which
`urllib.parse` raises ValueError; every part of tui-reader that reads a URL goes through here, so a
bad address is simply no address.
"""

from __future__ import annotations

import re
from urllib.parse import SplitResult, urljoin, urlsplit

# Query parameters that say where a click came from, not which page it leads to.
TRACKING_PARAM = re.compile(r"^(?:utm_\w+|itm_\w+|intc_\w+|intcid|ref|src|srcref|cmpid|fbclid|gclid|mc_cid|mc_eid)$", re.I)
_WEB = ("http://", "https://")


def split(url: str | None) -> SplitResult | None:
    """`urlsplit(url)`, or None for no URL or one that cannot be parsed."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 - raises ValueError on a port out of range or not a number
    except ValueError:
        return None
    return parts


def host(url: str | None) -> str:
    """The host name, lower case, without "www." and port; "" when there is none."""
    parts = split(url)
    return (parts.hostname or "").removeprefix("www.") if parts else ""


_SECOND_LEVEL = frozenset("co com org net ac gov or ne go".split())  # "bbc.co.uk", "asahi.com.jp"-style hosts


def own_label(host_name: str) -> str:
    """The label naming the site in a host ("bbc" of "news.bbc.co.uk", "ap" of "hosted.ap.org"); "" for none."""
    labels = host_name.removeprefix("www.").split(".")
    if len(labels) < 2:
        return ""
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        return labels[-3]
    return labels[-2]


def site_key(url: str | None) -> str:
    """The host part of `page_key`: the host name without "www.", with its port unless 80 or 443."""
    parts = split(url)
    return _site(parts) if parts else ""


def _site(parts: SplitResult) -> str:
    name = (parts.hostname or "").removeprefix("www.")
    port = parts.port  # valid: `split` checked it
    return f"{name}:{port}" if port and port not in (80, 443) else name


def scheme(url: str | None) -> str:
    parts = split(url)
    return parts.scheme.lower() if parts else ""


def join(base: str | None, href: str | None) -> str | None:
    """`href` resolved against `base` (as it is when there is no base); None when there is no
    `href` or the result cannot be parsed."""
    href = (href or "").strip()
    if not href:
        return None
    if base:
        try:
            href = urljoin(base, href)
        except ValueError:
            return None
    return href if split(href) is not None else None


def web_url(href: str | None, base: str | None = None) -> str | None:
    """`href` as an absolute, parseable http(s) URL (resolved against `base` when relative), or None:
    fragment-only links, javascript:, mailto:, tel: and malformed addresses are not web pages."""
    href = (href or "").strip()
    if not href or href[0] == "#":
        return None
    if not href[:8].lower().startswith(_WEB):
        if ":" in href.split("/", 1)[0]:
            return None  # another scheme
        href = join(base, href) if base else None
        return href if href and href[:8].lower().startswith(_WEB) else None
    return href if split(href) is not None else None


def page_key(url: str | None, *, query: bool = True) -> str:
    """The URL without scheme, "www.", user, port 80/443, fragment, tracking parameters and
    trailing slash, host in lower case: two spellings of one page give the same key. A URL that
    cannot be parsed is its own key (stripped); no URL gives "". `query=False` leaves out the
    whole query, for a looser match."""
    if not url:
        return ""
    parts = split(url)
    if parts is None:
        return url.strip()
    return key_of(parts if query else parts._replace(query=""))


def key_of(parts: SplitResult) -> str:
    """`page_key` of a URL split by `split`."""
    name = _site(parts)
    path = parts.path.rstrip("/")
    query = parts.query
    if query:
        query = "&".join(q for q in query.split("&") if q and not TRACKING_PARAM.match(q.split("=", 1)[0]))
    return f"{name}{path}?{query}" if query else f"{name}{path}"
