"""Publication dates: normalising machine dates and finding a date line in visible text."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan", "januar", "janvier", "enero", "gennaio"),
            ("february", "feb", "februar", "février", "fevrier", "febrero", "febbraio"),
            ("march", "mar", "märz", "maerz", "mars", "marzo"),
            ("april", "apr", "avril", "abril", "aprile"),
            ("may", "mai", "mayo", "maggio"),
            ("june", "jun", "juni", "juin", "junio", "giugno"),
            ("july", "jul", "juli", "juillet", "julio", "luglio"),
            ("august", "aug", "août", "aout", "agosto"),
            ("september", "sep", "sept", "septembre", "septiembre", "settembre"),
            ("october", "oct", "oktober", "octobre", "octubre", "ottobre"),
            ("november", "nov", "novembre", "noviembre"),
            ("december", "dec", "dezember", "décembre", "decembre", "diciembre", "dicembre"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True)) + r")\.?"
_DMY = re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+{_MONTH}\s+(?P<year>(?:19|20)\d\d)\b", re.I)
_MDY = re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.I)
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b")
_DOTTED = re.compile(r"\b(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>(?:19|20)\d\d)\b")
_MONTH_YEAR = re.compile(rf"^\s*{_MONTH},?\s+(?P<year>(?:19|20)\d\d)\s*$", re.I)
_PARTIAL = re.compile(r"^\s*(?P<year>(?:19|20)\d\d)(?:-(?P<month>0[1-9]|1[0-2]))?\s*$")
# htmldate's extensive_search: on the dev pages of bench/metadata.py it found the right day for 2
# more AEB pages than its fast mode (63/64 against 61/64, one wrong day either way) for about
# 0.6 ms more a page.
EXTENSIVE_SEARCH = True
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
    return find_date_in_text(value)


def date_start(text: str) -> int | None:
    """Where the first date written for people begins in `text`, or None."""
    starts = [m.start() for pattern in (_ISO, _MDY, _DMY, _DOTTED) if (m := pattern.search(text))]
    return min(starts) if starts else None


def find_date_in_text(text: str | None) -> str | None:
    """The first date written for people ("July 8, 2016", "8 July 2016", "08.07.2016", "2016-07-08")."""
    if not text:
        return None
    for pattern in (_ISO, _MDY, _DMY, _DOTTED):
        for match in pattern.finditer(text):
            month = match.group("month")
            number = MONTHS.get(month.lower().rstrip(".")) if not month.isdigit() else int(month)
            if number:
                found = _valid(int(match.group("year")), number, int(match.group("day")))
                if found:
                    return found
    return None


def page_date(root, explicit: list[str], url: str | None) -> str | None:
    """The page's original publication date, found by htmldate, at the precision the page gives.

    `explicit`: the dates the page's metadata states (normalised, most explicit first). Where one
    falls on htmldate's day it is kept as written: a timestamp keeps its time, and a year or a
    month that htmldate completed with a first day stays a year or a month (no day is invented).
    Without an htmldate answer, the first explicit date.
    """
    from htmldate import find_date

    try:
        # the page's own metadata before a date in its address (a URL's day can be the day before)
        found = find_date(root, extensive_search=EXTENSIVE_SEARCH, original_date=True, url=url,
                          deferred_url_extractor=True)
    except Exception:  # noqa: BLE001 - htmldate's own failure on odd markup means no date from it
        found = None
    if not found:
        return explicit[0] if explicit else None
    for value in explicit:
        if value[:10] == found or (len(value) < 10 and found.startswith(value)):
            return _local_day(root, value)
    return found


_UTC_TIME = re.compile(r"^\d{4}-\d\d-\d\dT(?P<hour>\d\d):\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]00:?00)?$")
_DATE_CLASS = re.compile(r"date|time|publish|posted|byline|dateline", re.IGNORECASE)


def _local_day(root, value: str) -> str:
    """A timestamp in UTC (or without a zone) in the small hours is often the evening before where
    the article was published: where the page shows that day to its readers (a <time> element, a
    date line), the shown day is the publication date."""
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
    return value
