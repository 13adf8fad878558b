"""Date lexicons and patterns: the word lists of ``pipeline/lexicons/date_*.tsv|txt`` compiled
into the regexes the date finder (:mod:`pipeline.persian.date_finder`) and the resolver
(:mod:`pipeline.persian.date_resolve`) share. Everything here runs on folded text
(:func:`pipeline.textkey.fold`), so both orthographies match."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.lexicons import load_lexicon, load_table
from pipeline.textkey import (
    LETTER,
    NOT_LETTER_AFTER as E,
    NOT_LETTER_BEFORE as B,
    OPT_SEP as O,
    SEP as S,
    alternation,
    key,
    phrase_pattern,
    table_column,
)
from pipeline.persian.numbers import cardinal_words, ordinal_words

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
    season: re.Pattern
    years: re.Pattern


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
    season = alternation(load_table("date_seasons"))
    num_any = rf"(?:(?<![\d/.,])\d+(?![\d/.,]\d)|{numw}|{chand})"
    sal_ha = rf"(?:{sal}{O}(?:های|ها))"

    # «... ۱۴۰۱», «... سال ۱۴۰۱», «... سال جاری میلادی»; a bare 2-digit year must not be a count
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
        # «ماه مهر», «ماه دی امسال»: after «ماه» an ambiguous Jalali month name is a month
        ("month", rf"{B}{mah}{S}{month_after_position}{year_tail}{E}"),
        # «تابستان سال ۹۳», «فصل زمستان», «در پاییز» (a lone season needs a cue word: see the finder)
        ("season", rf"{B}(?:{phrase_pattern('فصل')}{S})?{season}{year_tail}{E}"),
        # «بعد از ۲ ماه», «پس از سه سال»: counted from an event in the text
        ("offset", rf"{B}{alternation(['بعد از', 'پس از', 'قبل از', 'پیش از'])}{S}{num_any}{O}{tunit}{E}"),
        # «سال‌های ۱۳۷۷ تا ۱۳۸۶», «سال‌های ۸۶-۱۳۷۷»
        ("years", rf"{B}{sal_ha}{S}{year_digits}{O}(?:-|–|{S}(?:تا|الی|و){S}){O}{year_digits}{E}"),
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
        season=re.compile(rf"{B}({season}){E}"),
        years=re.compile(rf"{sal_ha}{S}({year_digits}){O}(?:-|–|{S}(?:تا|الی|و){S}){O}({year_digits})"),
    )


# --------------------------------------------------------------------------- finder


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
