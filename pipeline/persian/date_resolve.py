"""Date resolution: one DATE expression -> Gregorian/Jalali dates (:func:`resolve_date`),
relative expressions anchored on the article date (:func:`parse_article_date`)."""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.lexicons import load_table
from pipeline.textkey import (
    OPT_SEP as O,
    SEP as S,
    alternation,
    fold,
    key,
    phrase_pattern,
)
from pipeline.persian.numbers import parse_digits, parse_number, parse_ordinal
from pipeline.persian.date_calendar import _g, _j, _jmonth_last, _nearest, _part, _period_range, _shift, parse_article_date
from pipeline.persian import date_grammar
from pipeline.persian.date_patterns import _day_src, _lex, _numw_src, _patterns

__all__ = ["DateValue", "parse_article_date", "resolve_date"]


@dataclass(frozen=True)
class DateValue:
    """A resolved date expression.

    ``iso`` is a Gregorian ``YYYY-MM-DD`` (a point, or the start of a range),
    ``iso_end`` the end of a range (``None`` for a point), ``jalali`` the Jalali
    ``YYYY-MM-DD`` of ``iso``. ``relative`` is true when the expression needs the
    article date («امروز», «تا پایان سال», a day and month without a year);
    ``resolved`` is false when no date could be computed (then ``text`` keeps the words).
    For a deadline («تا پایان سال») ``iso``/``iso_end`` are the deadline itself; for a
    stretch («طی یک ماه آینده», «از ابتدای سال») they are its start and end.
    """

    text: str
    iso: str | None = None
    iso_end: str | None = None
    jalali: str | None = None
    resolved: bool = False
    relative: bool = False


# --------------------------------------------------------------------------- resolution


def _value(text: str, start: _dt.date | None, end: _dt.date | None = None, relative: bool = False) -> DateValue:
    if start is None:
        return DateValue(text=text, relative=relative)
    j = _j(start)
    return DateValue(
        text=text,
        iso=start.isoformat(),
        iso_end=end.isoformat() if end is not None and end != start else None,
        jalali=f"{j.year:04d}-{j.month:02d}-{j.day:02d}",
        resolved=True,
        relative=relative,
    )


def _year_value(token: str, calendar: str | None, anchor: _dt.date | None) -> tuple[int, str] | None:
    """(year, calendar) from a year token: 4 digits, 2 digits or words («نود و دو»)."""
    v = parse_number(token)
    if v is None or v != int(v):
        return None
    y = int(v)
    if y >= 1900 and y <= 2100:
        return y, calendar or "gregorian"
    if 1300 <= y <= 1499:
        return y, calendar or "jalali"
    if 1400 <= y <= 1500 and calendar == "hijri":
        return y, "hijri"
    if 0 <= y <= 99:
        if calendar == "gregorian":
            return (2000 + y if y < 50 else 1900 + y), "gregorian"
        if anchor is not None:
            ay = _j(anchor).year
            cands = [c * 100 + y for c in (13, 14)]
            return min(cands, key=lambda c: abs(c - ay)), "jalali"
        return (1400 + y if y < 50 else 1300 + y), "jalali"
    return None


def resolve_date(text: str, article_date: str | _dt.date | None = None) -> DateValue:
    """Resolve one DATE expression (as found by :func:`find_dates`).

    ``article_date`` (Jalali «1399/12/11», ISO «2021-03-01», or a ``datetime.date``)
    anchors relative expressions; without it they come back unresolved with
    ``relative=True``. Absolute dates never need it. Hijri dates and lunar named
    periods are returned unresolved.
    """
    anchor = article_date if isinstance(article_date, _dt.date) else parse_article_date(article_date)
    try:
        return _resolve(text, anchor)
    except (ValueError, OverflowError):
        return DateValue(text=text)


def _resolve(text: str, anchor: _dt.date | None) -> DateValue:
    """The grammar of :mod:`pipeline.persian.date_grammar` undone: a range resolves its two ends,
    a head noun («آستانه», «روزهای پایانی», «سه ماه اول») takes its part of the date after it."""
    pats = _patterns()
    t = fold(text).strip()
    role = None
    m = pats.within.match(t)
    if m:
        role = _lex().preps.get(key(m.group(1)))
        t = t[m.end():]
    m = pats.years.fullmatch(t)
    if m:  # «سال‌های ۱۳۷۷ تا ۱۳۸۶», «سال‌های ۸۶-۱۳۷۷»
        ys = [int(m.group(1)), int(m.group(2))]
        full = [y for y in ys if y >= 1000]
        ys = [y if y >= 1000 or not full else full[0] // 100 * 100 + y for y in ys]
        vals = [_year_value(str(y), None, anchor) for y in ys]
        if any(v is None for v in vals) or vals[0][1] != vals[1][1] or vals[0][1] != "jalali":
            return DateValue(text=text)
        a, b = sorted(v[0] for v in vals)
        return _value(text, _g(a, 1, 1), _g(b, 12, _jmonth_last(b, 12)), False)
    r = _resolve_range(text, t, role, anchor)
    if r is not None:
        return r
    h = _resolve_heads(text, t, role, anchor)
    if h is not None:
        return h
    return _resolve_simple(text, anchor)


_RANGE_RE = re.compile(rf"^(.+?)(?:{S}(?:تا|الی|لغایت){S}|{O}[-–]{O})(.+)$")


def _dates_of(v: DateValue) -> tuple[_dt.date, _dt.date]:
    a = _dt.date.fromisoformat(v.iso)
    return a, _dt.date.fromisoformat(v.iso_end) if v.iso_end else a


def _resolve_range(text: str, t: str, role: str | None, anchor: _dt.date | None) -> DateValue | None:
    """«۸ دی تا پایان سال ۹۲», «از ۲۰ اسفند تا ششم فروردین»: from the start of the first end to
    the end of the second; a first end without a year takes the year that puts it before the second."""
    m = _RANGE_RE.match(t)
    if m is None:
        return None
    left, right = m.group(1), m.group(2)
    vr = _resolve(right, anchor)
    vl = _resolve(left, anchor)
    if not vl.resolved and not vl.relative or not vr.resolved and not vr.relative:
        return None  # not two dates: «۱۸ تا ۲۰ شهریور» is a day range of one month
    if not (vl.resolved and vr.resolved):
        return DateValue(text=text, relative=True)
    relative = vl.relative or vr.relative
    if vl.relative and not vr.relative and _patterns().month.search(left):
        vl = _resolve(left, _dates_of(vr)[1])
        relative = False
    a, b = _dates_of(vl)[0], _dates_of(vr)[1]
    if b < a:
        return DateValue(text=text, relative=relative)
    return _value(text, a, b, relative)


@lru_cache(maxsize=1)
def _head_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern, dict[str, str]]:
    g = date_grammar.grammar()
    heads = alternation([*load_table("date_heads"), *load_table("date_positions")])
    first_n = re.compile(rf"^({_numw_src()}|\d+){O}({alternation(load_table('date_time_units'))})(?:ه)?{S}"
                         rf"({alternation(['اول', 'نخست', 'دوم', 'پایانی', 'آخر'])}){S}")
    clock = re.compile(rf"^{phrase_pattern('ساعت')}{S}(?:\d{{1,2}}(?::\d{{2}})?|{_numw_src()})"
                       rf"(?:{S}و{S}(?:\d{{1,2}}|{_numw_src()}){S}{phrase_pattern('دقیقه')})?{S}")
    return re.compile(rf"^({heads}){S}"), first_n, clock, g.heads


def _resolve_heads(text: str, t: str, role: str | None, anchor: _dt.date | None) -> DateValue | None:
    head_re, first_n, clock, parts_of = _head_patterns()
    pats = _patterns()
    parts: list[tuple] = []
    while True:
        if pats.relative.match(t) or pats.weekday.match(t) and not t.startswith("روز"):
            break  # «روز گذشته», «شب ...» written as one relative phrase
        m = head_re.match(t)
        if m and t[m.end():].strip():
            parts.append(("part", parts_of.get(key(m.group(1)), "whole")))
            t = t[m.end():]
            continue
        m = first_n.match(t)
        if m and t[m.end():].strip():
            n = parse_number(m.group(1))
            which = {"اول": "first", "نخست": "first", "دوم": "second"}.get(key(m.group(3)), "last")
            unit = _unit_of(m.group(2))
            if n is None or unit is None:
                return DateValue(text=text)
            parts.append((which, int(n), unit))
            t = t[m.end():]
            continue
        m = clock.match(t)
        if m and t[m.end():].strip():
            t = t[m.end():]
            parts.append(("part", "whole"))
            continue
        break
    if not parts:
        return None
    v = _resolve(t, anchor)
    if not v.resolved:
        return DateValue(text=text, relative=v.relative)
    a, b = _dates_of(v)
    one = _dt.timedelta(days=1)
    for p in reversed(parts):
        if p[0] == "part":
            if p[1] != "whole":
                a, b = _part((a, b), p[1])
        elif p[0] == "first":
            a, b = a, min(b, _shift(a, p[2], p[1]) - one)
        elif p[0] == "second":
            a, b = _shift(a, p[2], p[1]), min(b, _shift(a, p[2], 2 * p[1]) - one)
        else:
            a, b = max(a, _shift(b + one, p[2], -p[1])), b
    return _with_role(text, role, a, b, v.relative, anchor)


def _resolve_simple(text: str, anchor: _dt.date | None) -> DateValue:
    lex, pats = _lex(), _patterns()
    t = fold(text).strip()
    role = None
    m = pats.within.match(t)
    if m:
        role = lex.preps.get(key(m.group(1)))
        t = t[m.end():]
    cal_m = pats.calendar.search(t)
    calendar = lex.calendars.get(key(cal_m.group(1))) if cal_m else None

    # numeric dates
    m = re.search(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})|(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})|(\d{2})/(\d{1,2})/(\d{1,2})", t)
    if m:
        if m.group(1):
            y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        elif m.group(4):
            d, mo, y = int(m.group(4)), int(m.group(5)), int(m.group(6))
        else:
            y, mo, d = int(m.group(7)) + (1400 if int(m.group(7)) < 50 else 1300), int(m.group(8)), int(m.group(9))
        day = _g(y, mo, d) if y < 1700 else _dt.date(y, mo, d)
        return _with_role(text, role, day, day, False, anchor)

    # «N روز/ماه/سال گذشته|آینده|پیش|دیگر»
    m = pats.nrel.search(t)
    if m:
        return _resolve_offset(text, m, role, anchor)

    # «ظرف دو هفته»
    if role == "within_bare":
        m = re.search(rf"((?<![\d/.,])\d+|{_numw_src()}){O}({alternation(load_table('date_time_units'))})", t)
        if m:
            n = parse_number(m.group(1))
            unit = _unit_of(m.group(2))
            if n is None or anchor is None or unit is None:
                return DateValue(text=text, relative=True)
            return _value(text, anchor, _shift(anchor, unit, int(n)), True)

    # «۱۸ ماه جاری»
    m = re.match(rf"^(?:.*?{S})?({_day_src()}){S}{phrase_pattern('ماه')}{S}", t)
    if m and not pats.month.search(t):
        day = _day_value(m.group(1))
        if day is None or anchor is None:
            return DateValue(text=text, relative=True)
        j = _j(anchor)
        d = _g(j.year, j.month, day)
        return _with_role(text, role, d, d, True, anchor)

    pos_m = pats.position.match(t)
    pos = lex.positions.get(key(pos_m.group(1))) if pos_m else None
    body = t[pos_m.end():] if pos_m else t

    rng, relative = _resolve_body(body, calendar, anchor)
    if rng is None:
        return DateValue(text=text, relative=relative)
    if pos is not None:
        rng = _part(rng, pos)
    return _with_role(text, role, rng[0], rng[1], relative, anchor)


def _unit_of(word: str) -> str | None:
    """day/week/month/... for a time-unit word (``date_time_units.tsv``)."""
    return {key(w): u for w, (u, _p) in load_table("date_time_units").items()}.get(key(word))


def _resolve_offset(text: str, m: re.Match, role: str | None, anchor: _dt.date | None) -> DateValue:
    n = parse_number(m.group(1))
    unit = _unit_of(m.group(2))
    sign, where, shape = _lex().directions[key(m.group(3))]
    if n is None or unit is None or where != "article" or anchor is None:
        return DateValue(text=text, relative=True)
    other = _shift(anchor, unit, int(sign * n))
    if role in ("within", "within_bare") or shape == "stretch":
        a, b = sorted((anchor, other))
        return _value(text, a, b, True)
    return _value(text, other, None, True)


def _with_role(text: str, role: str | None, a: _dt.date, b: _dt.date, relative: bool, anchor: _dt.date | None) -> DateValue:
    if role == "deadline":
        return _value(text, b, None, relative)
    if role == "since":
        if anchor is None or anchor <= a:
            return _value(text, a, b, relative)
        return _value(text, a, anchor, True)
    if role == "before":  # «تا قبل از مهر»: the day before the date
        return _value(text, a - _dt.timedelta(days=1), None, relative)
    # «طی روزهای ۱۸ تا ۲۰ شهریور», «طی سال ۹۸»: the date itself (stretches counted from the
    # article date, «طی یک ماه آینده», are resolved in :func:`_resolve_offset`)
    return _value(text, a, b, relative)


def _resolve_body(t: str, calendar: str | None, anchor: _dt.date | None) -> tuple[tuple[_dt.date, _dt.date] | None, bool]:
    """(Gregorian range, needs-anchor) of a date body without its preposition/position."""
    lex, pats = _lex(), _patterns()
    year_m = pats.year_after_sal.search(t)
    rel_m = pats.relative.search(t)
    rel = lex.relative.get(key(rel_m.group(1))) if rel_m else None
    month_m = pats.month.search(t)

    # explicit or relative year
    year: tuple[int, str] | None = None
    relative = False
    if year_m:
        year = _year_value(year_m.group(1), calendar, anchor)
    if month_m and year is None:
        tail = t[month_m.end():]
        ym = pats.year4.search(tail)
        if ym and not tail[: ym.start()].strip(" \u200c").replace("ماه", "").strip(" \u200c"):
            year = _year_value(ym.group(1), calendar, anchor)
    if year is None and rel is not None and rel[0] == "year" and rel[1] is not None:
        if anchor is None:
            return None, True
        if calendar == "gregorian" or month_m and lex.months[key(month_m.group(1) or month_m.group(2))][0] == "gregorian":
            year = (anchor.year + rel[1], "gregorian")
        else:
            year = (_j(anchor).year + rel[1], "jalali")
        relative = True

    if month_m:
        mkey = key(month_m.group(1) or month_m.group(2))
        cal, mon, _amb = lex.months[mkey]
        if cal == "hijri":
            return None, False
        day = day_end = None
        dm = pats.day_month.search(t)
        if dm:
            day = _day_value(dm.group(1))
            if dm.group(2):
                day_end = _day_value(dm.group(2))
        if year is None:
            if anchor is None:
                return None, True
            relative = True
            return _month_in_year(cal, mon, day, day_end, anchor=anchor), relative
        y, ycal = year
        if ycal != cal:
            return None, relative
        return _month_in_year(cal, mon, day, day_end, year=y), relative

    # named periods
    nm = pats.named.search(t)
    if nm:
        span = lex.named.get(key(nm.group(1) or nm.group(2)))
        if span is None:
            return None, False
        (m1, d1), (m2, d2) = span
        def make_range(y: int) -> tuple[_dt.date, _dt.date]:
            return _g(y, m1, d1), _g(y if (m2, d2) >= (m1, d1) else y + 1, m2, d2)

        if year is None:
            if anchor is None:
                return None, True
            return _nearest(make_range, anchor, _j(anchor).year), True
        if year[1] != "jalali":
            return None, relative
        return make_range(year[0]), relative

    # seasons: «تابستان سال ۹۳», «زمستان امسال»
    sm = pats.season.search(t)
    if sm:
        first = int(load_table("date_seasons")[_season_name(sm.group(1))])

        def season_range(y: int) -> tuple[_dt.date, _dt.date]:
            return _g(y, first, 1), _g(y, first + 2, _jmonth_last(y, first + 2))

        if year is None:
            if anchor is None:
                return None, True
            return _nearest(season_range, anchor, _j(anchor).year), True
        if year[1] != "jalali":
            return None, relative
        return season_range(year[0]), relative

    # weekdays («دیروز پنجشنبه», «فردا دوشنبه»: the day word fixes the date)
    wm = pats.weekday.search(t)
    if wm and not (rel is not None and rel[0] == "day" and rel[1] is not None):
        if anchor is None:
            return None, True
        wd = lex.weekdays[key(wm.group(1))]
        week = rel[1] if rel is not None and rel[0] == "week" else None
        if week is None or rel[1] is None:
            d = anchor - _dt.timedelta(days=(anchor.weekday() - wd) % 7)
        else:
            sat, _ = _period_range("week", week, anchor)
            d = sat + _dt.timedelta(days=(wd - 5) % 7)
        return (d, d), True

    if year is not None and (year_m or pats.year4.search(t)):
        y, ycal = year
        if ycal == "jalali":
            return (_g(y, 1, 1), _g(y, 12, _jmonth_last(y, 12))), relative
        if ycal == "gregorian":
            return (_dt.date(y, 1, 1), _dt.date(y, 12, 31)), relative
        return None, relative

    if rel is not None:
        unit, off = rel
        if off is None or anchor is None:
            return None, True
        return _period_range(unit, off, anchor), True

    # a bare period after a position word: «پایان سال», «ابتدای ماه»
    pk = key(t)
    unit = {"سال": "year", "ماه": "month", "هفته": "week", "سالمالی": "year"}.get(pk)
    if unit is not None:
        if anchor is None:
            return None, True
        return _period_range(unit, 0, anchor), True
    return None, False


def _season_name(word: str) -> str:
    return {key(k): k for k in load_table("date_seasons")}[key(word)]


def _day_value(s: str) -> int | None:
    v = parse_ordinal(s)
    if v is None:
        n = parse_number(s)
        if n is None:
            n = parse_digits(re.sub(r"[^\d]", "", fold(s)) or "x")
        v = int(n) if n is not None and n == int(n) else None
    return v if v is not None and 1 <= v <= 31 else None


def _month_in_year(
    cal: str, mon: int, day: int | None, day_end: int | None = None, year: int | None = None, anchor: _dt.date | None = None
) -> tuple[_dt.date, _dt.date]:
    """The day («۲۳ آبان»), days («چهارم و پنجم مهر») or whole month in ``year``, or
    without a year in the year that puts it nearest the article date (see :func:`_nearest`)."""

    def make_range(y: int) -> tuple[_dt.date, _dt.date]:
        date = _g if cal == "jalali" else _dt.date
        if day is not None:
            return date(y, mon, day), date(y, mon, day_end if day_end and day_end > day else day)
        if cal == "jalali":
            return _g(y, mon, 1), _g(y, mon, _jmonth_last(y, mon))
        last = _dt.date(y + (mon == 12), mon % 12 + 1, 1) - _dt.timedelta(days=1)
        return _dt.date(y, mon, 1), last

    if year is not None:
        return make_range(year)
    assert anchor is not None
    return _nearest(make_range, anchor, _j(anchor).year if cal == "jalali" else anchor.year)

