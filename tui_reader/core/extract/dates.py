"""Publication dates: normalising machine dates and finding a date line in visible text."""

from __future__ import annotations

import re
from datetime import date, datetime

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
    """A machine-readable date to "YYYY-MM-DD", or full ISO 8601 where it has a time."""
    if not value or not isinstance(value, str):
        return None
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
