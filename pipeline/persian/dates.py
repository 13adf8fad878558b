"""Persian date and time expressions: find them (DATE spans) and resolve them.

:func:`find_dates` is a rule-based DATE span finder over normalized text. It knows
absolute Jalali, Gregorian and Hijri dates («۱۱ اسفند ۱۳۹۹», «اسفند ماه ۱۳۹۹»,
«۱۳۹۹/۱۲/۱۱», «سال ۹۸», «2025-10-23», «۲۰ جولای»), weekdays and parts of the day
(«شامگاه دوشنبه», «صبح امروز»), relative words («دیروز», «هفته آینده», «۲۴ ساعت
گذشته»), positions in a period («نیمه اول سال آینده», «پایان خرداد»), named
periods («دهه فجر امسال», «هفته دولت») and keeps the preposition of a deadline or
stretch («تا پایان سال», «طی یک ماه آینده», «ظرف دو هفته», «از ابتدای سال»).
Vague words («به‌زودی», «تاکنون», «در حال حاضر») are not dates.

:func:`resolve_date` turns one such expression into Gregorian/Jalali dates, using
the article date for relative expressions. All word lists live in
``pipeline/lexicons/date_*.tsv|txt``.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from functools import lru_cache

import jdatetime

from pipeline.lexicons import load_lexicon, load_table
from pipeline.textkey import (
    LETTER,
    NOT_LETTER_AFTER as E,
    NOT_LETTER_BEFORE as B,
    OPT_SEP as O,
    SEP as S,
    alternation,
    fold,
    key,
    phrase_pattern,
    table_column,
)
from pipeline.persian.numbers import cardinal_words, ordinal_words, parse_digits, parse_number, parse_ordinal

__all__ = ["DateSpan", "DateValue", "find_dates", "parse_article_date", "resolve_date"]


@dataclass(frozen=True)
class DateSpan:
    """A DATE expression ``text == source[start:end]``; ``kind`` names the rule that found it."""

    start: int
    end: int
    text: str
    kind: str


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


# --------------------------------------------------------------------------- lexicons


@dataclass(frozen=True)
class _Lex:
    months: dict[str, tuple[str, int, bool]]  # key -> (calendar, month, ambiguous)
    weekdays: dict[str, int]  # key -> Python weekday
    ambiguous_weekdays: frozenset[str]
    month_cues: frozenset[str]
    relative: dict[str, tuple[str, int | None]]  # key -> (unit, offset or None if vague)
    directions: dict[str, tuple[int, str, str]]  # key -> (sign, anchor, shape)
    positions: dict[str, str]
    preps: dict[str, str]
    calendars: dict[str, str]
    named: dict[str, tuple[tuple[int, int], tuple[int, int]] | None]
    day_parts: list[str]
    blockers: frozenset[str]


def _md(s: str) -> tuple[int, int] | None:
    if s in ("-", ""):
        return None
    m, d = s.split("/")
    return int(m), int(d)


@lru_cache(maxsize=1)
def _lex() -> _Lex:
    months = {}
    for name, cols in load_table("date_months").items():
        cal, num, amb = cols
        months[key(name)] = (cal, int(num), amb == "1")
    rel = {}
    for phrase, (unit, off) in load_table("date_relative").items():
        rel[key(phrase)] = (unit, None if off == "*" else int(off))
    named = {}
    for name, (a, b) in load_table("date_named_periods").items():
        sa, sb = _md(a), _md(b)
        named[key(name)] = (sa, sb) if sa and sb else None
    return _Lex(
        months=months,
        weekdays={key(k): int(v[0]) for k, v in load_table("date_weekdays").items()},
        ambiguous_weekdays=frozenset(key(k) for k, v in load_table("date_weekdays").items() if v[1] == "1"),
        month_cues=frozenset(key(w) for w in load_lexicon("date_month_cues")),
        relative=rel,
        directions={key(k): (int(v[0]), v[1], v[2]) for k, v in load_table("date_directions").items()},
        positions={key(k): v for k, v in load_table("date_positions").items()},
        preps={key(k): v for k, v in load_table("date_preps").items()},
        calendars={key(k): v for k, v in table_column(load_table("date_calendar_markers"), 1).items()},
        named=named,
        day_parts=load_lexicon("date_day_parts"),
        blockers=frozenset(key(w) for w in load_lexicon("date_weekday_blockers")),
    )


@dataclass(frozen=True)
class _Patterns:
    rules: tuple[tuple[str, re.Pattern], ...]
    prep_before: re.Pattern
    month: re.Pattern
    weekday: re.Pattern
    relative: re.Pattern
    named: re.Pattern
    position: re.Pattern
    calendar: re.Pattern
    nrel: re.Pattern
    within: re.Pattern
    day_month: re.Pattern
    year_after_sal: re.Pattern
    year4: re.Pattern


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    lex = _lex()
    month_rows = load_table("date_months")
    month_all = alternation(month_rows)
    month_safe = alternation(n for n, c in month_rows.items() if c[2] != "1")
    # after a position word a Jalali month name is a month even when it is also a word
    # («تا پایان آذر»); Gregorian «می» (May) stays out: it is also the verb prefix
    month_after_position = alternation(n for n, c in month_rows.items() if c[2] != "1" or c[0] == "jalali")
    mah = phrase_pattern("ماه")
    sal = phrase_pattern("سال")
    mali = phrase_pattern("مالی")
    rooz = phrase_pattern("روز")
    va = phrase_pattern("و")
    card = alternation(cardinal_words(), loose=True)
    numw = rf"(?:{card}(?:{S}{va}{S}{card})*)"
    ordw = rf"(?:(?:{card}{S}{va}{S})*{alternation(ordinal_words(31), loose=True)})"
    day = rf"(?:(?<![\d/.,])(?:[12]\d|3[01]|0?[1-9])(?![\d/.,]\d)(?:{O}(?:ام|م)(?!{LETTER}))?|{ordw}|{numw})"
    units = alternation(load_table("units"))
    year_digits = rf"(?<![\d/.,])(?:\d{{4}}|\d{{2}})(?![\d/.,]\d|\d)"
    rel_rows = load_table("date_relative")
    rel_all = alternation(rel_rows)
    rel_year = alternation(p for p, (u, off) in rel_rows.items() if u == "year" and off != "*")
    rel_week = alternation(p for p, (u, off) in rel_rows.items() if u in ("week",) and off != "*")
    rel_day = alternation(p for p, (u, off) in rel_rows.items() if u == "day" and off != "*")
    cal = alternation(load_table("date_calendar_markers"))
    weekday = alternation(load_table("date_weekdays"))
    daypart = alternation(lex.day_parts)
    named = alternation(load_table("date_named_periods"))
    # the ezafe «ی» after a final vowel belongs to the name («سال نوی میلادی»); after a
    # consonant it makes an adjective («مسافران نوروزی»), which is not a date
    named_vowel = alternation(n for n in load_table("date_named_periods") if key(n)[-1] in "اوی")
    position = alternation(load_table("date_positions"))
    direction = alternation(load_table("date_directions"))
    tunit_rows = load_table("date_time_units")
    tunit = alternation(tunit_rows)
    period = alternation(w for w, (_u, p) in tunit_rows.items() if p == "1")
    preps = alternation(load_table("date_preps"))
    within_bare = alternation(w for w, r in load_table("date_preps").items() if r == "within_bare")
    chand = alternation(load_lexicon("number_vague"))
    saat = phrase_pattern("ساعت")

    # «... ۱۳۹۹», «... سال ۱۳۹۹», «... سال جاری میلادی»; a bare 2-digit year must not be a count
    year_tail = (
        rf"(?:{S}(?:{sal}{S}(?:{mali}{S})?(?:{year_digits}|{numw})|{rel_year}|{phrase_pattern('جاری')}|(?:{year_digits})(?!{O}{units}{E})))?"
        rf"(?:{S}{cal}{E})?"
    )
    monthx = rf"(?:{month_all}(?:{O}{mah})?)"
    # a month name that may stand without a day: unambiguous, or followed by «ماه»
    monthx_safe = rf"(?:{month_safe}(?:{O}{mah})?|{month_all}{O}{mah})"
    wd_phrase = rf"(?:(?:{rooz}{S})?(?:{daypart}{S}(?:{rooz}{S})?)?{weekday}(?:{S}{daypart})?)"
    rules = [
        ("iso", rf"(?<![\d/.,-])(?:\d{{4}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}|\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{4}}|\d{{2}}/\d{{1,2}}/\d{{1,2}})(?![\d/.,-]?\d)"),
        ("day_month", rf"{B}(?:{wd_phrase}{S}(?:{rooz}{S})?)?{day}(?:{S}(?:{va}|تا|الی){S}{day})?{S}{monthx}{year_tail}{E}"),
        # «۱۸ ماه جاری», «سه‌شنبه ۱۸ ماه سال جاری»: a day of the current month
        ("day_this_month", rf"{B}(?:{wd_phrase}{S}(?:{rooz}{S})?)?{day}{S}{mah}{S}(?:{phrase_pattern('جاری')}|{rel_year}){E}"),
        ("month", rf"{B}(?:{monthx_safe}|{month_all}(?={S}(?:{sal}{S})?\d{{4}}))(?:{year_tail}){E}"),
        ("weekday", rf"{B}{wd_phrase}(?:{S}(?:{rel_week}|{rel_day}))?{E}"),
        ("year", rf"{B}{sal}{S}(?:{mali}{S})?(?:{year_digits}(?!{O}{units}{E})|{numw})(?:{S}{cal})?{E}"),
        ("year", rf"{year_digits}{S}{cal}{E}"),
        ("decade", rf"{B}{phrase_pattern('دهه')}{S}(?:\d0(?!\d)|{numw})(?:{S}{cal})?{E}"),
        ("relative", rf"{B}(?:{daypart}{S})?{rel_all}(?:{S}{daypart})?(?:{S}{cal})?{E}"),
        ("offset", rf"{B}(?:(?<![\d/.,])\d+(?![\d/.,]\d)|{numw}|{chand}){O}{tunit}{S}{direction}{E}"),
        # «ظرف دو هفته», «ظرف ۶ ماه آینده» (a direction word after the unit belongs to the span)
        ("within", rf"{B}{within_bare}{S}(?:(?<![\d/.,])\d+(?![\d/.,]\d)|{numw}|{chand}){O}{tunit}(?:{S}{direction})?{E}"),
        ("position", rf"{B}{position}{S}(?:{rel_all}|{named}|{month_after_position}(?:{O}{mah})?{year_tail}|{period}(?:{S}{mali})?(?:{S}(?:{year_digits}|{numw}|{direction}))?)(?:{S}{cal})?{E}"),
        ("named", rf"{B}(?:{alternation(['ایام', 'روزهای', 'روز'])}{S})?(?:{named}|{named_vowel}ی)(?:{S}(?:{rel_year}|(?:{sal}{S})?{year_digits}))?(?:{S}{cal})?{E}"),
        ("time", rf"{B}{saat}{S}(?:\d{{1,2}}(?::\d{{2}})?|{numw})(?:{S}{va}{S}(?:\d{{1,2}}|{numw}){S}{phrase_pattern('دقیقه')})?{S}{daypart}(?:{S}{rel_day})?{E}"),
        ("time", rf"{B}{saat}{S}\d{{1,2}}:\d{{2}}(?:{S}{daypart})?(?:{S}{rel_day})?{E}"),
    ]
    return _Patterns(
        rules=tuple((name, re.compile(src)) for name, src in rules),
        prep_before=re.compile(rf"{B}({preps}){S}\Z"),
        month=re.compile(rf"{B}({month_all}){E}|{B}({month_all}){O}{mah}{E}"),
        weekday=re.compile(rf"{B}({weekday}){E}"),
        relative=re.compile(rf"{B}({rel_all}){E}"),
        named=re.compile(rf"{B}({named}){E}|{B}({named})ی{E}"),
        position=re.compile(rf"^{O}({position}){S}"),
        calendar=re.compile(rf"{B}({cal}){E}"),
        nrel=re.compile(rf"((?<![\d/.,])\d+(?![\d/.,]\d)|{numw}|{chand}){O}({tunit}){S}({direction}){E}"),
        within=re.compile(rf"^{O}({preps}){S}"),
        day_month=re.compile(rf"({day})(?:{S}(?:{va}|تا|الی){S}({day}))?{S}({month_all})"),
        year_after_sal=re.compile(rf"{sal}{S}(?:{mali}{S})?({year_digits}|{numw}){E}"),
        year4=re.compile(rf"(?<![\d/.,])(\d{{4}}|\d{{2}})(?![\d/.,]?\d)"),
    )


# --------------------------------------------------------------------------- finder


def _valid(kind: str, text: str) -> bool:
    """Reject matches whose numbers cannot be a year or decade («سال ۵ هزار»)."""
    if kind == "year":
        m = _patterns().year_after_sal.search(fold(text))
        if m is None:
            return True  # «۱۳۹۹ شمسی» form: four digits already
        token = m.group(1)
        if token.isdigit():
            return len(token) == 2 or 1300 <= int(token) <= 1499 or 1900 <= int(token) <= 2100
        v = parse_number(token)  # a year in words: «هشتاد و هفت», «هزار و سیصد و نود»
        return v is not None and v == int(v) and (10 <= v <= 99 or 1300 <= v <= 1499)
    if kind == "decade":
        digits = re.findall(r"\d+", fold(text))
        if digits:
            return int(digits[0]) % 10 == 0
        words = re.sub(rf"^{phrase_pattern('دهه')}", "", fold(text)).strip()
        v = parse_number(words)
        return v is not None and 10 <= v <= 90 and v % 10 == 0
    return True


def find_dates(text: str) -> list[DateSpan]:
    """DATE spans of a normalized text, left to right, non-overlapping (longest wins)."""
    folded = fold(text)
    pats = _patterns()
    lex = _lex()
    cands: list[tuple[int, int, str]] = []
    for name, pat in pats.rules:
        for m in pat.finditer(folded):
            s, e = m.start(), m.end()
            while e > s and folded[e - 1] in " \u200c\t\n":
                e -= 1
            if e <= s or not _valid(name, folded[s:e]):
                continue
            if name == "weekday" and _blocked_weekday(folded, s, e, lex):
                continue
            if name == "month" and _lone_month(folded, s, e, lex):
                continue
            cands.append((s, e, name))
    cands.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    kept: list[tuple[int, int, str]] = []
    for s, e, name in cands:
        if kept and s < kept[-1][1]:
            continue
        kept.append((s, e, name))
    out: list[DateSpan] = []
    for s, e, name in kept:
        s = _attach_prep(folded, s, name, lex)
        if out and s < out[-1].end:
            s = out[-1].end
            while s < e and folded[s] in " \u200c":
                s += 1
        out.append(DateSpan(s, e, text[s:e], name))
    return out


def _word_before(folded: str, start: int) -> str:
    """Key of the word right before ``start`` ("" if punctuation or nothing is there)."""
    before = folded[max(0, start - 30):start].rstrip(" \t\u200c")
    m = re.search(rf"{LETTER}(?:[\u200c]*{LETTER})*$", before)
    return key(m.group(0)) if m else ""


def _blocked_weekday(folded: str, start: int, end: int, lex: _Lex) -> bool:
    """«نماز جمعه», «امام جمعه»; a lone ambiguous weekday («دوشنبه», also a city)."""
    if _word_before(folded, start) in lex.blockers:
        return True
    return key(folded[start:end]) in lex.ambiguous_weekdays


def _lone_month(folded: str, start: int, end: int, lex: _Lex) -> bool:
    """A month name alone is a date only after a cue word («در اسفند», «اواخر مهر»)."""
    if key(folded[start:end]) not in lex.months:
        return False
    return _word_before(folded, start) not in lex.month_cues


#: date kinds a deadline «تا» attaches to («تا پایان سال», «تا هفته آینده», «تا سال
#: ۱۴۰۰»); before a day and month it often ends a stretch of time instead («چهار دهه
#: تا سوم خرداد ۶۱») and stays outside
_DEADLINE_KINDS = frozenset({"position", "relative", "offset", "year", "named"})


def _attach_prep(folded: str, start: int, kind: str, lex: _Lex) -> int:
    """Extend a span leftwards over a deadline/stretch preposition it keeps."""
    m = _patterns().prep_before.search(folded[max(0, start - 20):start])
    if m is None:
        return start
    role = lex.preps.get(key(m.group(1)))
    body = key(folded[start:start + 40])
    vague = any(body.startswith(k) for k, (u, off) in lex.relative.items() if off is None)
    ok = (
        role == "deadline" and kind in _DEADLINE_KINDS
        or role in ("within", "within_bare") and (kind == "offset" or vague)
        or role == "since" and kind == "position"
    )
    return start - (len(folded[max(0, start - 20):start]) - m.start()) if ok else start


# --------------------------------------------------------------------------- resolution


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
    """(year, calendar) from a year token: 4 digits, 2 digits or words («هشتاد و هفت»)."""
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


@lru_cache(maxsize=1)
def _day_src() -> str:
    """Regex source of a day number: 1-31 in digits, ordinal or cardinal words."""
    card = alternation(cardinal_words(), loose=True)
    ordw = rf"(?:(?:{card}{S}و{S})*{alternation(ordinal_words(31), loose=True)})"
    return rf"(?:(?<!\d)(?:[12]\d|3[01]|0?[1-9])(?!\d)|{ordw}|{_numw_src()})"


@lru_cache(maxsize=1)
def _numw_src() -> str:
    card = alternation(cardinal_words(), loose=True)
    return rf"(?:{card}(?:{S}و{S}{card})*)"


def _unit_of(word: str) -> str | None:
    """day/week/month/... for a time-unit word (``date_time_units.tsv``)."""
    return {key(w): u for w, (u, _p) in load_table("date_time_units").items()}.get(key(word))


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
    if role in ("within", "within_bare"):
        if anchor is None:
            return _value(text, a, b, relative)
        return _value(text, min(anchor, a), max(anchor, b), True)
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

    # weekdays
    wm = pats.weekday.search(t)
    if wm:
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
    """The day («۱۱ اسفند»), days («دوم و سوم خرداد») or whole month in ``year``, or
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
