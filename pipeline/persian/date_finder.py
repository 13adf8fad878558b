"""The DATE span finder (:func:`find_dates`): rule patterns over folded text, longest match
wins, a deadline/stretch preposition attached («تا پایان سال», «طی یک ماه آینده»); weekdays
that are names («نماز جمعه») and lone month words that are ordinary words are left out."""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.textkey import (
    LETTER,
    fold,
    key,
    phrase_pattern,
)
from pipeline.persian.numbers import parse_number
from pipeline.persian.date_patterns import _Lex, _lex, _patterns

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
