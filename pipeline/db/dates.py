"""Article dates and date filters, Jalali or ISO.

``parse_date("1403/08/15")`` and ``parse_date("2024-11-05")`` give Gregorian dates; years
before 1700 are Jalali. Filters also accept a month or a year («1403/08», «2024»):
``since`` takes its first day, ``until`` its last.
"""
from __future__ import annotations

import datetime as dt
import re

import jdatetime

_DIGITS = str.maketrans({**{chr(0x06F0 + i): str(i) for i in range(10)}, **{chr(0x0660 + i): str(i) for i in range(10)}})
_DATE = re.compile(r"^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?:$|[T\s])")


def _bounds(y: int, m: int | None, d: int | None) -> tuple[dt.date, dt.date]:
    if y < 1700:
        if m is None:
            return jdatetime.date(y, 1, 1).togregorian(), jdatetime.date(y + 1, 1, 1).togregorian() - dt.timedelta(1)
        if d is None:
            nxt = jdatetime.date(y + (m == 12), m % 12 + 1, 1)
            return jdatetime.date(y, m, 1).togregorian(), nxt.togregorian() - dt.timedelta(1)
        day = jdatetime.date(y, m, d).togregorian()
        return day, day
    if m is None:
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    if d is None:
        nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
        return dt.date(y, m, 1), nxt - dt.timedelta(1)
    day = dt.date(y, m, d)
    return day, day


def date_range(text: str) -> tuple[dt.date, dt.date]:
    """First and last day of a date, month or year written in Jalali or ISO (ValueError otherwise)."""
    t = str(text).translate(_DIGITS).strip()
    m = _DATE.match(t)
    if not m:
        raise ValueError(f"{text!r} is not a date: write Jalali 1403/08/15 (or 1403/08, 1403) or ISO 2024-11-05")
    y, mo, d = (int(g) if g else None for g in m.groups())
    try:
        return _bounds(y, mo, d)
    except ValueError as e:
        raise ValueError(f"{text!r} has no such day ({e}); check the month and day") from None


def parse_date(text: str | None) -> dt.date | None:
    """An article's date field as a Gregorian date (None when empty; ValueError when not a date)."""
    if text is None or not str(text).strip():
        return None
    start, end = date_range(text)
    if start != end:
        raise ValueError(f"article date {text!r} is not a single day: write 1403/08/15 or 2024-11-05")
    return start


_ANY_DATE = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")


def find_date(text: str | None) -> dt.date | None:
    """The first Jalali or ISO date written anywhere in a noisy date field («۱۳:۵۴ ۱۴۰۲-۵-۱۵»), or None."""
    if not text:
        return None
    for m in _ANY_DATE.finditer(str(text).translate(_DIGITS)):
        y, mo, d = (int(g) for g in m.groups())
        try:
            return _bounds(y, mo, d)[0]
        except ValueError:
            continue
    return None


def jalali(d: dt.date | None) -> str | None:
    return jdatetime.date.fromgregorian(date=d).strftime("%Y/%m/%d") if d else None
