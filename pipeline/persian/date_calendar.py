"""Jalali/Gregorian calendar arithmetic for date resolution: the article date parsed
(:func:`parse_article_date`), conversions, month shifts, the day/week/month/year around a
date, parts of a period, and the nearest year for a day and month written without one."""
from __future__ import annotations

import datetime as _dt
import re

import jdatetime

from pipeline.textkey import fold


def parse_article_date(s: str | None) -> _dt.date | None:
    """The article date as a Gregorian ``datetime.date``.

    Accepts Jalali «1399/12/11», «۱۳۹۹-۱۲-۱۱» (years before 1700 are Jalali) and
    ISO «2021-03-01» (a time part after the date is ignored). ``None`` or an empty
    string gives ``None``; anything else raises ``ValueError`` saying what to write.
    """
    if s is None or not str(s).strip():
        return None
    raw = str(s)
    t = fold(raw).strip()
    m = re.match(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])", t)
    if m is None:
        raise ValueError(
            f"article date {raw!r} is not a date: write a Jalali date like 1399/12/11 or an ISO date like 2021-03-01"
        )
    y, mo, d = (int(g) for g in m.groups())
    try:
        if y < 1700:
            return jdatetime.date(y, mo, d).togregorian()
        return _dt.date(y, mo, d)
    except ValueError as exc:
        raise ValueError(f"article date {raw!r} has no such day ({exc}); check the month and day") from None


def _j(d: _dt.date) -> jdatetime.date:
    return jdatetime.date.fromgregorian(date=d)


def _g(jy: int, jm: int, jd: int) -> _dt.date:
    return jdatetime.date(jy, jm, jd).togregorian()


def _jmonth_last(jy: int, jm: int) -> int:
    if jm <= 6:
        return 31
    if jm <= 11:
        return 30
    return 30 if jdatetime.date(jy, 1, 1).isleap() else 29


def _add_jmonths(d: _dt.date, months: int) -> _dt.date:
    j = _j(d)
    idx = j.year * 12 + (j.month - 1) + months
    jy, jm = divmod(idx, 12)
    jm += 1
    return _g(jy, jm, min(j.day, _jmonth_last(jy, jm)))


def _period_range(unit: str, offset: int, anchor: _dt.date) -> tuple[_dt.date, _dt.date]:
    """The Jalali day/week/month/year containing ``anchor`` shifted by ``offset`` units."""
    j = _j(anchor)
    if unit == "day":
        d = anchor + _dt.timedelta(days=offset)
        return d, d
    if unit == "week":  # Persian weeks run Saturday .. Friday
        sat = anchor - _dt.timedelta(days=(anchor.weekday() - 5) % 7) + _dt.timedelta(weeks=offset)
        return sat, sat + _dt.timedelta(days=6)
    if unit == "month":
        first = _add_jmonths(_g(j.year, j.month, 1), offset)
        jf = _j(first)
        return first, _g(jf.year, jf.month, _jmonth_last(jf.year, jf.month))
    y = j.year + offset
    return _g(y, 1, 1), _g(y, 12, _jmonth_last(y, 12))


def _part(rng: tuple[_dt.date, _dt.date], pos: str) -> tuple[_dt.date, _dt.date]:
    a, b = rng
    mid = a + (b - a) / 2
    if pos == "end":
        return b, b
    if pos == "start":
        return a, a
    if pos == "first_half":
        return a, mid
    if pos == "second_half":
        return mid + _dt.timedelta(days=1), b
    return mid, mid


def _shift(d: _dt.date, unit: str, n: int) -> _dt.date:
    if unit == "day":
        return d + _dt.timedelta(days=n)
    if unit == "week":
        return d + _dt.timedelta(weeks=n)
    if unit == "month":
        return _add_jmonths(d, n)
    if unit == "year":
        return _add_jmonths(d, 12 * n)
    if unit == "decade":
        return _add_jmonths(d, 120 * n)
    if unit == "century":
        return _add_jmonths(d, 1200 * n)
    if unit == "hour":
        return d + _dt.timedelta(days=int(n / 24))
    return d


#: a day and month without a year is taken in the year that puts it within this
#: window around the article date (news mostly reports the recent past)
_PAST_DAYS, _FUTURE_DAYS = 270, 90


def _nearest(make_range, anchor: _dt.date, base: int) -> tuple[_dt.date, _dt.date]:
    cands = []
    for y in (base - 1, base, base + 1):
        try:
            cands.append(make_range(y))
        except ValueError:
            continue
    if not cands:
        raise ValueError("no such day in any nearby year")
    inside = [r for r in cands if -_PAST_DAYS <= (r[0] - anchor).days <= _FUTURE_DAYS]
    return min(inside or cands, key=lambda r: abs((r[0] - anchor).days))
