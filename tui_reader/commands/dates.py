"""Dates as people read them in command output ("14 Mar 2024"); JSON output keeps ISO 8601."""

from __future__ import annotations

import datetime


def human_date(value: str | None) -> str:
    """`2024-03-14T18:42:00+00:00` -> "14 Mar 2024"; a year or year-month stays as it is; text that
    is not an ISO date is returned unchanged."""
    if not value:
        return ""
    try:
        day = datetime.date.fromisoformat(value[:10])
    except ValueError:
        return value
    return f"{day.day} {day:%b %Y}"
