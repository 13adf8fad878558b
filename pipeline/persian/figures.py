"""Figures (FIG): a number with its unit or counted noun, parsed into value/unit/kind/approx.

:func:`parse_figure` reads one figure text («حدود یک هزار و ۳۰۰ میلیارد تومان» ->
1.3e12, تومان, money, approx). :func:`find_figures` is a rule-based FIG span finder
over normalized text, built for precision (it also makes silver training data).

Conventions (ANNOTATION.md and the gold files):

* The span keeps approximators and the counted noun: «بیش از ۱۴ پیمانکار»,
  «۳۸ متری», «پنج‌نفره», «دو ایستگاه» (a demonstrative before it, «این دو
  ایستگاه», stays outside).
* ``value`` is a plain number; ریال and تومان stay distinct and are never converted.
  A range («۱۰ تا ۱۵ درصد») reports its lower bound with ``approx`` true; an
  approximator before the number («بیش از», «حدود», «بالغ بر», «تا», «زیر», ...;
  ``pipeline/lexicons/approximators.txt``) makes ``approx`` true.
* ``unit`` is the canonical unit of ``pipeline/lexicons/units.tsv`` or else the
  counted noun as written («مسئله», «ایستگاه»); adjectival suffixes are dropped from
  units («متری» -> متر, «نفره» -> نفر, «کلاسه» -> کلاس).
* ``kind``: money, percent, area, length, duration, population, count, other, from
  units.tsv. «متر» alone is length, «متر مربع» area. «نفر» is population from
  10,000 people up (residents: «۳۶۵ هزار نفر») and count below («سه نفر»). A
  scale word with no unit («۵ میلیارد», «بیش از ۲۶ میلیارد») is money with unit
  None: in municipal news a bare «میلیارد» is an amount of money (gold convention).
  An unknown counted noun is count; a number with no unit or noun is other.
* Not figures: the article «یک» before an ordinary noun («یک طرح»; «یک» with a
  unit such as «یک نفر», «یک میلیارد تومان» is one), vague amounts («ده‌ها»,
  «چند هزار»), ordinals, dates and years, numbers that label something
  («منطقه ۹», «ماده ۱۰۰»), phone and id numbers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.lexicons import load_lexicon, load_table
from pipeline.textkey import (
    LETTER,
    NOT_LETTER_AFTER,
    NOT_LETTER_BEFORE,
    OPT_SEP,
    alternation,
    fold,
    key,
)
from pipeline.persian.numbers import (
    NumberMatch,
    cardinal_words,
    find_number_matches,
    parse_number,
)
from pipeline.tokenize import Word, words

__all__ = ["FigureSpan", "FigureValue", "POPULATION_MIN", "find_figures", "parse_figure"]

#: «نفر» counts from this value up are population (residents, people served)
POPULATION_MIN = 10_000
#: a bare scale word at least this large means money («۵ میلیارد»)
MONEY_SCALE_MIN = 1_000_000
#: from this scale up the word after the number is not taken as a counted noun:
#: «۳ میلیارد اعتبار» is money, not 3e9 «اعتبار»s
OPEN_NOUN_SCALE_MAX = 1_000_000_000


@dataclass(frozen=True)
class FigureValue:
    """The parsed content of a figure text."""

    value: float | None
    unit: str | None
    kind: str
    approx: bool


@dataclass(frozen=True)
class FigureSpan:
    """A FIG span ``text == source[start:end]`` with its parsed fields."""

    start: int
    end: int
    text: str
    value: float | None
    unit: str | None
    kind: str
    approx: bool


@dataclass(frozen=True)
class _Unit:
    kind: str
    canonical: str


@dataclass(frozen=True)
class _Lex:
    units: dict[str, _Unit]
    unit_re: re.Pattern  # at a position: optional separator, unit, adjectival suffix
    approx_end_re: re.Pattern  # an approximator ending right before a position
    approx_start_re: re.Pattern  # an approximator at the start of a figure text
    range_keys: frozenset[str]
    label_nouns: frozenset[str]
    non_nouns: frozenset[str]
    light_verbs: frozenset[str]
    months: frozenset[str]
    weekdays: frozenset[str]
    glued_re: re.Pattern  # «پنج‌نفره», «دوطبقه», «سه‌ساله»


# space between a number and its unit or approximator: never a line break
_GAP = r"[ \t\u200c]*"
# adjectival suffixes a unit may carry: «متری», «هفته‌ای», «نفره», «هفته ای»
_SUFFIX = r"(?:\u200c?(?:ای|ی|ه)|\s(?=ای(?![^\W\d_]))ای)?"


@lru_cache(maxsize=1)
def _lex() -> _Lex:
    units: dict[str, _Unit] = {}
    for word, cols in load_table("units").items():
        vals = cols if isinstance(cols, list) else [cols]
        if not vals or not vals[0]:
            raise ValueError(f"units.tsv: {word!r} needs a kind column (word<TAB>kind[<TAB>canonical])")
        units[key(word)] = _Unit(vals[0], vals[1] if len(vals) > 1 and vals[1] else key_keep_space(word))
    unit_alt = alternation(load_table("units"))
    approx = alternation(load_lexicon("approximators"))
    small_cards = alternation(cardinal_words(("digit", "teen", "ten", "hundred")))
    months = frozenset(key(m) for m in load_table("date_months"))
    weekdays = frozenset(key(w) for w in load_table("date_weekdays"))
    return _Lex(
        units=units,
        unit_re=re.compile(rf"(?:{_GAP}|(?<=\d))(?P<unit>{unit_alt})(?P<suf>{_SUFFIX}){NOT_LETTER_AFTER}"),
        approx_end_re=re.compile(rf"{NOT_LETTER_BEFORE}(?P<a>{approx}){_GAP}\Z"),
        approx_start_re=re.compile(rf"^\s*(?P<a>{approx}){OPT_SEP}(?=\d|{LETTER})"),
        range_keys=frozenset(key(w) if key(w) else w for w in load_lexicon("range_connectors")),
        label_nouns=frozenset(key(w) for w in load_lexicon("fig_label_nouns")),
        non_nouns=frozenset(key(w) for w in load_lexicon("fig_non_nouns")),
        light_verbs=frozenset(key(w) for w in load_lexicon("fig_light_verbs")),
        months=months,
        weekdays=weekdays,
        glued_re=re.compile(
            rf"{NOT_LETTER_BEFORE}(?P<num>{small_cards})\u200c?(?P<unit>{unit_alt})(?P<suf>{_SUFFIX}){NOT_LETTER_AFTER}"
        ),
    )


def key_keep_space(word: str) -> str:
    """A unit as reported: folded, single spaces, no ZWNJ («متر مربع»)."""
    return re.sub(r"[\s\u200c]+", " ", fold(word)).strip()


def _noun_unit(word: str) -> str:
    """A counted noun as a unit, without the ezafe «ی» after a long vowel («۲۵۰ روستای» -> روستا)."""
    w = key_keep_space(word)
    if len(w) >= 4 and w.endswith("ی") and w[-2] in "او":
        return w[:-1]
    if w.endswith("\u200cی") or w.endswith(" ی"):
        return w[:-2]
    return w


def _unit_info(unit_text: str, value: float | None, after: str = "") -> tuple[str, str]:
    """(canonical unit, kind) for a matched unit word."""
    u = _lex().units[key(unit_text)]
    kind = u.kind
    if kind == "people":
        big = value is not None and value >= POPULATION_MIN
        kind = "population" if big or key(after[:6]) == "جمعیت" else "count"
    if u.canonical == "تن" and key(after[:3]) == "از":
        kind = "count"  # «۱۰ تن از مسئولان»: ten persons
    return u.canonical, kind


# --------------------------------------------------------------------------- parse_figure


def parse_figure(text: str) -> FigureValue:
    """Parse one figure text into value, unit, kind and approx.

    «بالغ بر ۴۳ میلیارد ریال» -> (4.3e10, "ریال", "money", True); «۳۸ متری» -> (38,
    "متر", "length", False); «دو برابر» -> (2, "برابر", "other", False); «۵ میلیارد»
    -> (5e9, None, "money", False). Text without a number gives value None.
    """
    lex = _lex()
    folded = fold(text)
    approx = False
    pos = 0
    m = lex.approx_start_re.match(folded)
    if m:
        approx, pos = True, m.end()
    rest, rest_f = text[pos:], folded[pos:]
    toks = words(rest)
    nums = find_number_matches(rest, toks)
    if not nums:
        g = lex.glued_re.search(rest_f)
        if g:
            value = parse_number(g.group("num"))
            unit, kind = _unit_info(g.group("unit"), value)
            return FigureValue(value, unit, kind, approx)
        return FigureValue(None, None, "other", approx)
    num = nums[0]
    value, end, scale = num.value, num.end, num.scale
    # range: «۱۰ تا ۱۵ درصد», «۱۰-۱۵ درصد»
    second = _range_partner(toks, nums, 0)
    if second is not None:
        approx, end, scale = True, second.end, max(scale, second.scale)
        value = _range_low(num, second)
    unit, kind = _after_number(rest, rest_f, end, value, scale, toks, num.last if second is None else second.last)
    return FigureValue(value, unit, kind, approx)


def _range_partner(toks: list[Word], nums: list[NumberMatch], i: int) -> NumberMatch | None:
    """The second number of a range starting with ``nums[i]``, if there is one."""
    if i + 1 >= len(nums):
        return None
    a, b = nums[i], nums[i + 1]
    between = toks[a.last + 1:b.first]
    if len(between) != 1:
        return None
    t = between[0]
    if (t.key if t.kind == "word" else t.text) not in _lex().range_keys:
        return None
    if b.value < a.value and b.scale == 0 and a.scale > 0:
        # «۱۰ هزار تا ۱۵» is unusual; «۵ تا ۱۰ میلیارد» puts the scale on both
        return None
    return b


def _range_low(a: NumberMatch, b: NumberMatch) -> float:
    """Lower bound of a range; a scale written once applies to both ends
    («۵ تا ۱۰ میلیارد» starts at 5e9, «۵۰۰ تا ۲ هزار» at 500)."""
    low = a.value
    if a.scale == 0 and b.scale > 0 and a.value * b.scale <= b.value:
        low = a.value * b.scale
    return min(low, b.value)


def _after_number(text: str, folded: str, end: int, value: float | None, scale: float,
                  toks: list[Word], last: int) -> tuple[str | None, str]:
    """(unit, kind) from what follows a number ending at ``end`` (used by parse_figure)."""
    lex = _lex()
    if end < len(folded) and folded[end:end + 2].strip()[:1] in ("%", "٪"):
        return "درصد", "percent"
    m = lex.unit_re.match(folded, end)
    if m:
        return _unit_info(m.group("unit"), value, folded[m.end():].lstrip())
    nxt = toks[last + 1] if last + 1 < len(toks) else None
    if nxt is not None and nxt.kind == "word" and _is_counted_noun(nxt, toks[last + 2] if last + 2 < len(toks) else None):
        return _noun_unit(nxt.text), "count"
    if scale >= MONEY_SCALE_MIN:
        return None, "money"
    return None, "other"


# --------------------------------------------------------------------------- find_figures


def _is_counted_noun(tok: Word, after: Word | None) -> bool:
    """Can ``tok`` be the noun a number counts («دو ایستگاه»)? Open class, so mostly exclusions."""
    lex = _lex()
    k = tok.key
    if len(k) < 2 or not re.fullmatch(r"[\u0621-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc\u06c0]+", k):
        return False
    if k in lex.non_nouns or k in lex.months or k in lex.weekdays:
        return False
    if parse_number(tok.text) is not None or k in _ordinal_like():
        return False
    if k.endswith(("ها", "های", "هایی", "ترین")) or k.startswith(("نمی", "می")) and "\u200c" in tok.text[:4]:
        return False
    if after is not None and after.kind == "word" and after.key in lex.light_verbs:
        return False
    return True


@lru_cache(maxsize=1)
def _ordinal_like() -> frozenset[str]:
    from pipeline.persian.numbers import ordinal_words

    return frozenset(ordinal_words())


def _clause_initial(folded: str, pos: int) -> bool:
    """Is ``pos`` at the start of a clause (after punctuation or a line start)? Such a
    «تا» means "so that", not "up to"."""
    before = folded[:pos].rstrip(" \t\u200c")
    return not before or before[-1] in "،,;؛:.!?؟\n«(\"-–"


def _year_like(m: NumberMatch) -> bool:
    """Four plain digits that read as a Jalali or Gregorian year («۱۴۰۱», «2021»)."""
    d = fold(m.digits)
    return len(d) == 4 and d.isdigit() and (1300 <= m.value <= 1499 or 1900 <= m.value <= 2100)


def _id_like(m: NumberMatch) -> bool:
    d = fold(m.digits)
    return bool(d) and d.isdigit() and (len(d) > 1 and d.startswith("0") or len(d) >= 7)


def _figure_span(text: str, folded: str, toks: list[Word], m: NumberMatch,
                 second: NumberMatch | None) -> tuple[int, int] | None:
    """(start, end) of the figure built on number ``m`` (and a range partner), or None."""
    lex = _lex()
    prev = toks[m.first - 1] if m.first > 0 else None
    # glued to a symbol: «۱۲-۳۴», «#۵», «+۹۸»
    if prev is not None and prev.end == m.start and prev.kind == "sym" and prev.text in "-/:+#":
        return None
    if _id_like(m):
        return None
    # a score «۳۹ بر ۳۵»: the second number counts nothing
    if prev is not None and prev.kind == "word" and prev.key == "بر" and m.first >= 2 and toks[m.first - 2].kind == "num":
        return None
    num_end, scale, last = m.end, m.scale, m.last
    if second is not None:
        num_end, scale, last = second.end, max(scale, second.scale), second.last
    end = None
    sign = folded[num_end:num_end + 2].strip(" \u200c")[:1]
    if sign in ("%", "٪"):
        end = folded.index(sign, num_end) + 1
    else:
        um = lex.unit_re.match(folded, num_end)
        if um:
            if m.value < 1 and _unit_kind_at(folded, num_end) in ("count", "people"):
                return None  # «نیم طبقه» is a mezzanine, not half of a counted thing
            end = um.end()
    if end is None:
        label = prev is not None and prev.kind == "word" and prev.key in lex.label_nouns
        if m.ambiguous or m.bare_one or label or _year_like(m) or m.value < 1:
            return None
        nxt = toks[last + 1] if last + 1 < len(toks) else None
        after = toks[last + 2] if last + 2 < len(toks) else None
        long_digits = len(fold(m.digits)) > 5  # «ردیف ۲۱۰۲۱۳ جدول»: an id, not a count
        if (scale < OPEN_NOUN_SCALE_MAX and not long_digits and nxt is not None and nxt.kind == "word"
                and "\n" not in text[num_end:nxt.start] and _is_counted_noun(nxt, after)):
            end = nxt.end
        elif scale >= MONEY_SCALE_MIN:
            end = num_end
        else:
            return None
    start = m.start
    a = lex.approx_end_re.search(folded, max(0, start - 30), start)
    if a and not (key(a.group("a")) == "تا" and _clause_initial(folded, a.start("a"))):
        start = a.start("a")
    return start, end


def find_figures(text: str, dates: list | None = None) -> list[FigureSpan]:
    """FIG spans of a normalized text, left to right, non-overlapping.

    A figure is a number (digits or words) with a unit from units.tsv, a scale word
    of money size, or a counted noun right after it, plus an approximator before
    it. Numbers inside DATE spans (see :func:`pipeline.persian.dates.find_dates`),
    labels («منطقه ۹»), years, ids, ordinals and vague amounts are skipped.
    ``dates``: the DATE spans of ``text`` (anything with ``start``/``end``) if already found,
    so the date finder runs once per text.
    """
    if dates is None:
        from pipeline.persian.dates import find_dates

        dates = find_dates(text)
    lex = _lex()
    folded = fold(text)
    toks = words(text)
    nums = find_number_matches(text, toks)
    dates = [(d.start, d.end) for d in dates]

    def in_date(s: int, e: int) -> bool:
        return any(s < de and ds < e for ds, de in dates)

    spans: list[tuple[int, int]] = []
    skip_until = -1
    for i, m in enumerate(nums):
        if m.start < skip_until or in_date(m.start, m.end):
            continue
        second = _range_partner(toks, nums, i)
        if second is not None and in_date(second.start, second.end):
            second = None
        if second is not None:
            skip_until = second.end
        span = _figure_span(text, folded, toks, m, second)
        if span is not None and not in_date(*span):
            spans.append(span)

    # glued forms: «پنج‌نفره», «دوطبقه», «سه‌ساله»
    for g in lex.glued_re.finditer(folded):
        if g.group("num") == "یک" or in_date(g.start(), g.end()):
            continue
        if any(s < g.end() and g.start() < e for s, e in spans):
            continue
        spans.append((g.start(), g.end()))

    out = []
    for s, e in sorted(spans):
        if out and s < out[-1].end:
            continue
        fv = parse_figure(text[s:e])
        if fv.value is None:
            continue
        out.append(FigureSpan(s, e, text[s:e], fv.value, fv.unit, fv.kind, fv.approx))
    return out


def _unit_kind_at(folded: str, pos: int) -> str | None:
    """Kind of the unit right after ``pos`` (None if there is none)."""
    um = _lex().unit_re.match(folded, pos)
    return _lex().units[key(um.group("unit"))].kind if um else None
