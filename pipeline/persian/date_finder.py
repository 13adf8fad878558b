"""The DATE span finder (:func:`find_dates`): rule patterns over folded text, longest match
wins, then the grammar of :mod:`pipeline.persian.date_grammar` (occasions, heads, ranges,
appositions), then a deadline/stretch/start preposition attached («تا پایان سال», «طی یک ماه
آینده», «از امروز»); weekdays that are names («نماز جمعه») and lone month or season words that
are ordinary words are left out."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.textkey import (
    LETTER,
    NOT_LETTER_BEFORE,
    OPT_SEP,
    alternation,
    fold,
    key,
    phrase_pattern,
)
from pipeline.lexicons import load_table, word_set
from pipeline.persian.numbers import parse_number
from pipeline.persian import date_grammar
from pipeline.persian.date_patterns import _Lex, _lex, _numw_src, _patterns

__all__ = ["DateSpan", "find_dates"]


@dataclass(frozen=True)
class DateSpan:
    """A DATE expression ``text == source[start:end]``; ``kind`` names the rule that found it."""

    start: int
    end: int
    text: str
    kind: str


def _valid(kind: str, text: str) -> bool:
    """Reject matches whose numbers cannot be a year or decade («سال ۵ هزار»)."""
    if kind == "year":
        m = _patterns().year_after_sal.search(fold(text))
        if m is None:
            return True  # «۱۳۹۹ شمسی» form: four digits already
        token = m.group(1)
        if token.isdigit():
            return len(token) == 2 or 1300 <= int(token) <= 1499 or 1900 <= int(token) <= 2100
        v = parse_number(token)  # a year in words: «نود و دو», «هزار و سیصد و نود»
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
            if name == "season" and _lone_season(folded, s, e):
                continue
            cands.append((s, e, name))
    cands.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    kept: list[tuple[int, int, str]] = []
    for s, e, name in cands:
        if kept and s < kept[-1][1]:
            continue
        kept.append((s, e, name))
    kept = date_grammar.occasions(folded, kept)
    kept = date_grammar.extend(folded, kept)
    kept = date_grammar.merge(folded, kept)
    kept = date_grammar.drop(folded, kept)
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
    before = _word_before(folded, start)
    if before in lex.blockers:
        return True
    # «فردا دوشنبه», «امروز دوشنبه»: after a day word the weekday is in apposition
    return key(folded[start:end]) in lex.ambiguous_weekdays and lex.relative.get(before, ("", None))[0] != "day"


def _lone_season(folded: str, start: int, end: int) -> bool:
    """A season name alone is a date only after a cue word («در تابستان», «اواخر پاییز»)."""
    if key(folded[start:end]) not in {key(k) for k in load_table("date_seasons")}:
        return False
    return _word_before(folded, start) not in _lex().month_cues


def _lone_month(folded: str, start: int, end: int, lex: _Lex) -> bool:
    """A month name alone is a date only after a cue word («در اسفند», «اواخر مهر»)."""
    if key(folded[start:end]) not in lex.months:
        return False
    if _word_before(folded, start) in lex.month_cues:
        return False
    # after a head noun: «روزهای پایانی شهریور»
    return date_grammar.grammar().head_before.search(folded, max(0, start - 40), start) is None


#: date kinds «از» (a start) attaches to: «از امروز», «از صبح فردا», «از روز دوشنبه ۱۶ مرداد»,
#: «از ابتدای سال»; not named occasions («استفاده از ایام نوروز») or vague stretches
_SINCE_KINDS = frozenset({"position", "relative", "weekday", "day_month", "day_this_month", "month", "year",
                          "decade", "time", "iso", "range", "season", "years", "offset"})


@lru_cache(maxsize=1)
def _duration_end() -> re.Pattern:
    """A number, or a number and a time unit, right before «تا»: «سه دهه تا پنجم آبان ۷۰» is a
    stretch that ends at the date, «۱۰ تا ۱۵ روز» a range of counts; «تا» then stays outside."""
    units = alternation(load_table("date_time_units"))
    return re.compile(rf"(?:(?<![\d/.,])\d+|{NOT_LETTER_BEFORE}{_numw_src()})(?:{OPT_SEP}{units})?[\s\u200c]+\Z")


def _since_blocked(folded: str, start: int) -> bool:
    """«پس از», «بیش از», «بهتر از», «یکی از»: this «از» does not start a period."""
    w = _word_before(folded, start)
    return w in word_set("date_since_blockers") or len(w) > 3 and w.endswith("تر")


def _attach_prep(folded: str, start: int, kind: str, lex: _Lex) -> int:
    """Extend a span leftwards over a deadline/stretch/start preposition it keeps."""
    window = folded[max(0, start - 20):start]
    m = _patterns().prep_before.search(window)
    if m is None:
        return start
    role = lex.preps.get(key(m.group(1)))
    pstart = start - len(window) + m.start()
    body = key(folded[start:start + 40])
    vague = any(body.startswith(k) for k, (u, off) in lex.relative.items() if off is None)
    if role in ("deadline", "before"):
        ok = _duration_end().search(folded, max(0, pstart - 40), pstart) is None
    elif role == "within_bare":
        ok = True
    elif role == "within":
        ok = kind == "offset" or vague
    elif role == "since":
        ok = (kind in _SINCE_KINDS and not vague or kind == "position") and not _since_blocked(folded, pstart)
    else:
        ok = False
    return pstart if ok else start
