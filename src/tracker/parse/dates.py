"""Reading dates and periods as data files write them (SPEC §1.4)."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache

from tracker.messages import Localized, Reason, message

_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_SPAN = re.compile(r"^(\d{4})\s*[-–—~]\s*(\d{4})$")
_YEAR = re.compile(r"^\d{4}$")
MIN_YEAR, MAX_YEAR = 1900, 2200


class DateError(Reason, ValueError):
    """A date or period that cannot be read; the message says how to write it (by catalogue
    key: :meth:`localized` gives it in both languages)."""


def _year(value: int) -> int:
    if not MIN_YEAR <= value <= MAX_YEAR:
        raise DateError.of("date.year_range", year=value, low=MIN_YEAR, high=MAX_YEAR)
    return value


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def parse_as_of(raw: object) -> dt.date:
    """An outcome date: a date, a year (Dec 31) or ``"YYYY-MM"`` (the month's last day)."""
    if type(raw) is dt.date and MIN_YEAR <= raw.year <= MAX_YEAR:  # nearly every outcome
        return raw
    if isinstance(raw, dt.date):  # a year typed short (0023-01-01) is refused, not read
        day = raw.date() if isinstance(raw, dt.datetime) else raw
        _year(day.year)
        return day
    if isinstance(raw, int) and not isinstance(raw, bool):
        return dt.date(_year(raw), 12, 31)
    if isinstance(raw, str):
        text = raw.strip()
        try:
            if _YEAR.match(text):
                return dt.date(_year(int(text)), 12, 31)
            if m := _MONTH.match(text):
                return month_end(_year(int(m[1])), int(m[2]))
            if m := _DAY.match(text):
                return dt.date(_year(int(m[1])), int(m[2]), int(m[3]))
        except ValueError as exc:
            if isinstance(exc, DateError):
                raise
            raise DateError.of("date.not_calendar", raw=raw, detail=_why(text, exc)) from None
    raise DateError.of("date.unreadable", raw=repr(raw))


def _why(text: str, exc: ValueError) -> Localized:
    """Why year-month(-day) ``text`` is no date: Python's words, and ours in Chinese."""
    parts = [int(part) for part in text.split("-")]
    key = "date.bad_month" if not 1 <= parts[1] <= 12 else "date.bad_day"
    return Localized(message(key, "zh", {"year": parts[0], "month": parts[1]}), str(exc))


def parse_period(raw: object) -> tuple[dt.date, dt.date]:
    """A period: a year (``2022``) or a span of years (``"2021-2025"``), ends inclusive."""
    if type(raw) is int or type(raw) is str:  # exact types: True is not the year 1
        return _known_period(raw)
    return _period(raw)


@lru_cache(maxsize=256)  # a dataset's goals share a few periods
def _known_period(raw: int | str) -> tuple[dt.date, dt.date]:
    return _period(raw)


def _period(raw: object) -> tuple[dt.date, dt.date]:
    if isinstance(raw, int) and not isinstance(raw, bool):
        year = _year(raw)
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if isinstance(raw, str):
        text = raw.strip()
        if _YEAR.match(text):
            return _period(int(text))
        if m := _SPAN.match(text):
            first, last = _year(int(m[1])), _year(int(m[2]))
            if first > last:
                raise DateError.of("date.period_backwards", raw=raw)
            return dt.date(first, 1, 1), dt.date(last, 12, 31)
    raise DateError.of("date.period_unreadable", raw=repr(raw))
