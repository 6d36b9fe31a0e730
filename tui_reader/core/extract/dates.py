"""Publication dates: normalising machine dates and finding a date line in visible text."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan", "januar", "janvier", "enero", "gennaio", "janeiro", "januari", "января", "январь", "ledna", "leden", "stycznia"),
            ("february", "feb", "februar", "février", "fevrier", "febrero", "febbraio", "fevereiro", "februari", "февраля", "февраль", "února", "unora", "únor", "lutego"),
            ("march", "mar", "märz", "maerz", "mars", "marzo", "março", "marco", "maart", "марта", "март", "března", "brezna", "březen", "marca"),
            ("april", "apr", "avril", "abril", "aprile", "апреля", "апрель", "dubna", "duben", "kwietnia"),
            ("may", "mai", "mayo", "maggio", "maio", "mei", "мая", "май", "května", "kvetna", "květen", "maja"),
            ("june", "jun", "juni", "juin", "junio", "giugno", "junho", "июня", "июнь", "června", "cervna", "červen", "czerwca"),
            ("july", "jul", "juli", "juillet", "julio", "luglio", "julho", "июля", "июль", "července", "cervence", "červenec", "lipca"),
            ("august", "aug", "août", "aout", "agosto", "augustus", "августа", "август", "srpna", "srpen", "sierpnia"),
            ("september", "sep", "sept", "septembre", "septiembre", "settembre", "setembro", "сентября", "сентябрь", "září", "zari", "września", "wrzesnia"),
            ("october", "oct", "oktober", "octobre", "octubre", "ottobre", "outubro", "октября", "октябрь", "října", "rijna", "říjen", "października", "pazdziernika"),
            ("november", "nov", "novembre", "noviembre", "novembro", "ноября", "ноябрь", "listopadu", "listopad", "listopada"),
            ("december", "dec", "dezember", "décembre", "decembre", "diciembre", "dicembre", "dezembro", "декабря", "декабрь", "prosince", "prosinec", "grudnia"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True)) + r")\.?"
# "8 July 2016", "8. července 2016", "8 de julho de 2016"
_DMY = re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?:de\s+)?{_MONTH}\s+(?:de\s+)?(?P<year>(?:19|20)\d\d)\b", re.I)
_MDY = re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.I)
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b")
_DOTTED = re.compile(r"\b(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>(?:19|20)\d\d)\b")
_SLASHED = re.compile(r"^\s*(?P<first>\d{1,2})/(?P<second>\d{1,2})/(?P<year>(?:19|20)\d\d)\b")
# JavaScript's Date.toString() and RFC 2822: "Tue Nov 19 2019 03:05:46 GMT+0000", "Tue, 19 Nov 2019 03:05:46 +0000"
_WRITTEN_STAMP = re.compile(
    rf"^\s*(?:[A-Za-z]{{3}},?\s+)?(?:{_MONTH}\s+(?P<day>\d{{1,2}})|(?P<day2>\d{{1,2}})\s+{_MONTH.replace('month', 'month2')})"
    r"\s+(?P<year>(?:19|20)\d\d)\s+(?P<time>\d\d:\d\d:\d\d)\s*(?:GMT|UTC)?\s*(?P<tz>[+-]\d\d:?\d\d|Z)?",
    re.IGNORECASE,
)
_MONTH_YEAR = re.compile(rf"^\s*{_MONTH},?\s+(?P<year>(?:19|20)\d\d)\s*$", re.I)
_PARTIAL = re.compile(r"^\s*(?P<year>(?:19|20)\d\d)(?:-(?P<month>0[1-9]|1[0-2]))?\s*$")
# True: htmldate's extensive search from the start, not only after its fast mode (bench/metadata.py --ours).
EXTENSIVE_SEARCH = False
_ISO_FULL = re.compile(
    r"^\s*(?P<date>(?:19|20)\d\d-\d\d-\d\d)(?:[T ](?P<time>\d\d:\d\d(?::\d\d(?:\.\d+)?)?)(?P<tz>Z|[+-]\d\d:?\d\d)?)?"
)


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        value = date(year, month, day)
    except ValueError:
        return None
    if value.year < 1900 or value > date(2100, 1, 1):
        return None
    return value.isoformat()


def normalise_date(value: str | None) -> str | None:
    """A machine-readable date to "YYYY-MM-DD", or full ISO 8601 where it has a time; a year or a
    year and month alone ("2020", "2020-03") keep that precision."""
    if not value or not isinstance(value, str):
        return None
    partial = _PARTIAL.match(value)
    if partial:
        return "-".join(p for p in partial.groups() if p)
    month = _MONTH_YEAR.match(value)
    if month and MONTHS.get(month.group("month").lower().rstrip(".")):
        return f"{month.group('year')}-{MONTHS[month.group('month').lower().rstrip('.')]:02d}"
    match = _ISO_FULL.match(value)
    if match:
        day = _valid(*map(int, match.group("date").split("-")))
        if not day:
            return None
        if match.group("time"):
            tz = match.group("tz") or ""
            if tz and tz != "Z" and ":" not in tz:
                tz = f"{tz[:3]}:{tz[3:]}"
            moment = f"{day}T{match.group('time')}{tz}"
            try:
                datetime.fromisoformat(moment.replace("Z", "+00:00"))
            except ValueError:
                return day
            return moment
        return day
    stamp = _WRITTEN_STAMP.match(value)
    if stamp and (month := MONTHS.get((stamp.group("month") or stamp.group("month2")).lower().rstrip("."))):
        day = _valid(int(stamp.group("year")), month, int(stamp.group("day") or stamp.group("day2")))
        if day:
            return normalise_date(f"{day}T{stamp.group('time')}{stamp.group('tz') or ('Z' if 'GMT' in value or 'UTC' in value else '')}")
    slashed = _SLASHED.match(value)
    if slashed:  # 05/29/2007 or 29/05/2007: only where no reading as the other is possible
        first, second, year = (int(g) for g in slashed.groups())
        if (first > 12) == (second > 12):
            return None
        return _valid(year, min(first, second), max(first, second))
    return find_date_in_text(value)


def date_start(text: str) -> int | None:
    """Where the first date written for people begins in `text`, or None."""
    starts = [m.start() for pattern in (_ISO, _MDY, _DMY, _DOTTED) if (m := pattern.search(text))]
    return min(starts) if starts else None


def dates_in_text(text: str | None) -> list[str]:
    """Every date written for people in `text` ("July 8, 2016", "8 July 2016", "08.07.2016", "2016-07-08"),
    by form in that order, then by place."""
    found = []
    for pattern in (_ISO, _MDY, _DMY, _DOTTED):
        for match in pattern.finditer(text or ""):
            month = match.group("month")
            number = MONTHS.get(month.lower().rstrip(".")) if not month.isdigit() else int(month)
            day = number and _valid(int(match.group("year")), number, int(match.group("day")))
            if day:
                found.append(day)
    return found


def find_date_in_text(text: str | None) -> str | None:
    """The first date written for people ("July 8, 2016", "8 July 2016", "08.07.2016", "2016-07-08")."""
    return next(iter(dates_in_text(text)), None)


def page_date(root, explicit: list[str], url: str | None) -> str | None:
    """The page's original publication date, found by htmldate, at the precision the page gives.

    `explicit`: the dates the page's metadata states (normalised, most explicit first). Where one
    falls on htmldate's day it is kept as written: a timestamp keeps its time, and a year or a
    month that htmldate completed with a first day stays a year or a month (no day is invented).

    htmldate's fast mode first (metadata, JSON-LD, the address, date elements). Its extensive search
    (free text and patterns over the whole page) runs only when the fast mode finds nothing or
    disagrees with every date the metadata states, and its answer counts for less: dates in link
    addresses are the linked pages' dates and are not searched, and a first of January or of a month
    that no metadata states is htmldate completing a bare year (often a copyright line) or month, so
    no date is better. Without any htmldate answer, the first explicit date.
    """
    if not explicit:  # the page's metadata states no date: the dates of its subject or its sources may mislead
        root = _without_subject_dates(root)
    fast = _htmldate(root, url, extensive=False)
    if fast and not explicit:
        return fast
    if fast and (stated := _agreeing(explicit, fast)):
        return _local_day(root, stated, url)
    found = _htmldate(_without_link_targets(root), url, extensive=True)
    if found and (stated := _agreeing(explicit, found)):
        return _local_day(root, stated, url)
    if fast:  # the metadata disagrees with both modes: the fast mode's find, as htmldate ranks it
        return fast
    if explicit:
        return explicit[0]
    return found if found and found[8:] != "01" else None


def dated_apart_from_revision(root, url: str | None, revision_names: tuple[str, ...],
                              revision_lines_of: Callable[..., list] | None = None) -> bool:
    """Whether the page dates itself by more than its modification metadata: htmldate's fast mode
    still finds a date (in the address, a <time> element, a visible date line) once the <meta>
    tags named `revision_names`, the JSON-LD (dateModified) and the short lines that
    `revision_lines_of` finds ("Page last reviewed: ...", as (element, text) pairs) are taken away."""
    from copy import deepcopy

    bare = deepcopy(root)
    for el in list(bare.iter("meta", "script")):
        if el.tag == "script":
            drop = "ld+json" in (el.get("type") or "")
        else:
            keys = (el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv") or "").lower()
            drop = any(key in revision_names for key in keys.split())
        if drop and el.getparent() is not None:
            el.getparent().remove(el)
    for el, _text in revision_lines_of(bare) if revision_lines_of else ():
        if el.getparent() is not None:
            el.getparent().remove(el)
    return _htmldate(bare, url, extensive=False) is not None


_LINE = 120  # characters: a line of its own


def _letters(root) -> list:
    """Every element under `root`, in document order, with the characters of its text that are not white
    space, each text node counted once (children before their parents): a deep page costs one pass, not one
    per level."""
    elements = [el for el in root.iter() if isinstance(el.tag, str)]
    counts: dict = {}
    for el in reversed(elements):
        total = len("".join((el.text or "").split()))
        for child in el:
            total += counts.get(child, 0) + len("".join((child.tail or "").split()))
        counts[el] = total
    return [(el, counts[el]) for el in elements]


def revision_lines(root, pattern: re.Pattern) -> list:
    """The page's short text elements (one line, such as "Page last reviewed: December 9, 2019") that
    `pattern` finds, with their text."""
    found = []
    for el, letters in _letters(root):
        if letters > _LINE or el.tag in ("script", "style", "head", "html", "body"):
            continue  # longer than a line, counted without building its text (a deep page's is long)
        text = " ".join(" ".join(el.itertext()).split())
        if len(text) <= _LINE and pattern.search(text) and not any(pattern.search(" ".join(c.itertext()))
                                                                 for c in el if isinstance(c.tag, str)):
            found.append((el, text))
    return found


def _htmldate(root, url: str | None, extensive: bool) -> str | None:
    from htmldate import find_date

    try:
        # the page's own metadata before a date in its address (a URL's day can be the day before)
        return find_date(root, extensive_search=extensive or EXTENSIVE_SEARCH, original_date=True, url=url,
                         deferred_url_extractor=True)
    except Exception:  # noqa: BLE001 - htmldate's own failure on odd markup means no date from it
        return None


# Microformats' dates of what a page is about, not of the page: a person's birthday (hCard "bday"), an event's
# start and end (hCalendar): Wikipedia's infobox marks Mozilla's founding "bday dtstart published updated".
_SUBJECT_CLASSES = frozenset(("bday", "dtstart", "dtend"))
# ... and the works an article cites, with their own dates and the dates they were retrieved: a <cite>, and
# the list of references it stands in.
_CLASS_WORDS = re.compile(r"\b(?:bday|dtstart|dtend|references)\b")


def _not_the_pages(root) -> tuple[list, list]:
    subject, cited = [], []
    for el in root.iter():
        if el.tag == "cite":
            cited.append(el)
            continue
        names = el.get("class")
        if names and _CLASS_WORDS.search(names):
            tokens = set(names.split())
            if tokens & _SUBJECT_CLASSES:
                subject.append(el)
            elif "references" in tokens:
                cited.append(el)
    return subject, cited


def _without_subject_dates(root):
    """`root`, or a copy without the dates that are not the page's where it has some: microformat dates
    of its subject (their class taken away) and the works it cites (taken away)."""
    if not any(_not_the_pages(root)):
        return root
    from copy import deepcopy

    copy = deepcopy(root)
    subject, cited = _not_the_pages(copy)
    for el in subject:
        el.attrib.pop("class", None)
    for el in cited:
        if el.getparent() is not None:
            el.getparent().remove(el)
    return copy


def _agreeing(explicit: list[str], found: str) -> str | None:
    """The first stated date on htmldate's day (a year or month it completed with a first day counts)."""
    for value in explicit:
        if value[:10] == found or (len(value) < 10 and found.startswith(value)):
            return value
    return None


def _without_link_targets(root):
    """A copy of the page without its links' addresses (a related story's date is in its link)."""
    from copy import deepcopy

    copy = deepcopy(root)
    for el in copy.iter("a"):
        el.attrib.pop("href", None)
    return copy


_UTC_TIME = re.compile(r"^\d{4}-\d\d-\d\dT(?P<hour>\d\d):\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]00:?00)?$")
_URL_DAY = re.compile(r"/((?:19|20)\d\d)/(\d\d)/(\d\d)/")
_DATE_CLASS = re.compile(r"date|time|publish|posted|byline|dateline", re.IGNORECASE)


def _local_day(root, value: str, url: str | None = None) -> str:
    """A timestamp in UTC (or without a zone) in the small hours is often the evening before where
    the article was published: where the page shows that day to its readers (a <time> element, a
    date line), or else its address carries it (/2019/11/18/), that day is the publication date."""
    match = _UTC_TIME.match(value)
    if not match or int(match.group("hour")) >= 12:
        return value
    day = date.fromisoformat(value[:10])
    before = (day - timedelta(days=1)).isoformat()
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag in ("meta", "script", "style", "link"):
            continue
        if el.tag == "time" or _DATE_CLASS.search(f"{el.get('class') or ''} {el.get('id') or ''}"):
            text = " ".join(" ".join(el.itertext()).split())
            if len(text) <= 120 and (shown := find_date_in_text(text)):
                return before if shown == before else value
    address = _URL_DAY.search(url or "")
    if address and "-".join(address.groups()) == before:
        return before
    return value
