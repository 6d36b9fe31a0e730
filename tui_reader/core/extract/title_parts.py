"""A page title's parts: "Headline | Site" is a headline and the name of the site that shows it."""

from __future__ import annotations

import re

TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|•|»|/)\s+")


# Chinese portals join headline, channel and site with underscores: "…大不同_教育频道_中国青年网", "…_科技_腾讯网".
# An underscore between two letters of an identifier ("__init__") joins nothing.
_CJK_PORTAL = re.compile(r"^(?P<head>.+?)\s*(?P<channels>(?:(?<![A-Za-z0-9_])_\s*[^_\s]{1,8}\s*){0,2})"
                         r"(?<![A-Za-z0-9_])_\s*(?P<site>[^_\s]{2,10}[网網站])\s*$")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
# A channel's name, which tells the segment after it is the portal's name: 教育频道, 科技, 新闻.
_CHANNEL = re.compile(r"(?:频道|頻道|新闻|新聞|科技|财经|財經|教育|体育|體育|娱乐|娛樂|汽车|汽車|军事|軍事|国际|國際|国内|社会|社會|"
                      r"健康|旅游|文化|房产|游戏|数码|时尚)")
# Words that end in 网 or 站 and name no site: the Internet, the Internet of Things, a website, a station.
_NOT_A_SITE = frozenset("互联网 互聯網 物联网 物聯網 工业互联网 网站 網站 本站 车站 車站 火车站 火車站 地铁站 电站 网络".split())


def split_title(title: str, site: str | None) -> tuple[str, str | None]:
    """"Headline | Site" → ("Headline", "Site"). Only the last (or a first) segment that names a site goes."""
    portal = _CJK_PORTAL.match(title)
    if (portal and _CJK.search(portal.group("head")) and portal.group("site") not in _NOT_A_SITE
            and ((site and site in portal.group("site")) or _CHANNEL.search(portal.group("channels")))):
        return portal.group("head"), portal.group("site")
    parts = TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title, None
    norm = lambda s: re.sub(r"\W+", "", s).lower()  # noqa: E731
    if site:
        if norm(parts[-1]) == norm(site) or norm(site) in norm(parts[-1]):
            return _without_last(title), parts[-1]
        if norm(parts[0]) == norm(site):
            return _without_first(title), parts[0]
    last = parts[-1]
    # A short trailing segment is a site or section name: "… | The Daily Planet"; a phrase in lower
    # case is the title's own subtitle ("… - an async task framework").
    if len(last.split()) <= 4 and len(last) < len(" ".join(parts[:-1])) and not re.match(r"[a-z]+\s", last):
        return _without_last(title), last
    # A short leading segment is a section label: "Opinion | The Headline Itself".
    if len(parts) == 2 and len(parts[0].split()) <= 2 and len(parts[1].split()) >= 4:
        return parts[1], None
    return title, None


def _without_last(title: str) -> str:
    """The title up to its last separator, with the separators it had ("A | B | Site" → "A | B")."""
    return title[: list(TITLE_SEPARATORS.finditer(title))[-1].start()].strip()


def _without_first(title: str) -> str:
    return title[TITLE_SEPARATORS.search(title).end():].strip()
