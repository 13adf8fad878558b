"""The grammar around the DATE finder's base spans (:mod:`pipeline.persian.date_finder`).

The base rules find the core of a date («نوروز», «سال قبل», «۱۸ تا ۲۰ شهریور»); these steps
build the whole expression from it, each a class of Persian date syntax with its words in
``pipeline/lexicons/date_*.tsv|txt``:

* occasions: an occasion noun and the noun phrase it names («روز جهانی محیط زیست», «هفته
  روابط عمومی», «بیستمین سالگرد تأسیس کتابخانه شهر», «اعیاد قربان و غدیر»);
* heads written before a date («آستانه نوروز», «تعطیلات نوروز امسال», «مدت مشابه سال قبل»,
  «روز ۱۳ فروردین», «سه ماه اول سال ۹۳», «نخستین ساعات فردا») and a clock time («ساعت ۱۶ روز
  دوشنبه»); «یک روز قبل از آن» keeps its «از آن»;
* ranges («۸ دی تا پایان سال ۹۲», «از ۲۰ اسفند تا ششم فروردین») and appositions («فردا
  دوشنبه», «دیروز پنجشنبه», «عصر امروز یکشنبه ۱۶ مرداد») become one span;
* references that are not dates are dropped: «امروز» after a noun of the era («جامعه امروز»),
  «تا به امروز» (like «تاکنون»), «این هفته» referring back to a named week of the article, a
  named day that names an event («پیاده‌روی اربعین», «زائران اربعین»).

Everything works on folded text (:func:`pipeline.textkey.fold`) with spans as
``(start, end, kind)`` tuples; offsets are the same as in the original text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.lexicons import load_lexicon, load_table, word_set
from pipeline.persian.numbers import cardinal_words, ordinal_words
from pipeline.textkey import LETTER, NOT_LETTER_BEFORE as B, OPT_SEP as O, SEP as S, alternation, key, phrase_pattern

Cand = tuple[int, int, str]

#: kinds that can stand in apposition after another date («فردا دوشنبه», «امروز ۱۶ مرداد»)
_APPOSITIVE = frozenset({"weekday", "day_month", "day_this_month", "relative", "time", "iso", "month"})
#: kinds a date in apposition can follow
_APPOSITION_HOSTS = frozenset({"weekday", "day_month", "day_this_month", "relative", "time", "iso"})


@dataclass(frozen=True)
class _Grammar:
    heads: dict[str, str]
    head_before: re.Pattern
    first_n_before: re.Pattern
    count_before: re.Pattern
    part_start: re.Pattern
    clock_before: re.Pattern
    event_after: re.Pattern
    occasion: re.Pattern
    ordinal_before: re.Pattern
    number_before: re.Pattern
    occasions: dict[str, tuple[int, str]]
    occasion_words: frozenset[str]
    stops: frozenset[str]
    verbs: frozenset[str]
    light: frozenset[str]
    word: re.Pattern
    range_gap: re.Pattern
    bare_year_after: re.Pattern
    era: frozenset[str]
    groups: frozenset[str]
    light_form: re.Pattern
    months: frozenset[str]
    events: frozenset[str]
    ordinals: frozenset[str]


@lru_cache(maxsize=1)
def grammar() -> _Grammar:
    heads = {key(k): v for k, v in load_table("date_heads").items()}
    heads.update({key(k): v for k, v in load_table("date_positions").items()})
    head_alt = alternation([*load_table("date_heads"), *load_table("date_positions")])
    card = alternation(cardinal_words(), loose=True)
    numw = rf"(?:{card}(?:{S}و{S}{card})*)"
    num = rf"(?:(?<![\d/.,])\d+(?![\d/.,]\d)|{numw})"
    ordw = rf"(?:(?:{card}{S}و{S})*{alternation(ordinal_words(), loose=True)})"
    tunit = alternation(load_table("date_time_units"))
    saat = phrase_pattern("ساعت")
    occ_rows = load_table("date_occasions")
    occ_heads = [h for h in occ_rows if key(h) != "سالگی"]
    return _Grammar(
        heads=heads,
        head_before=re.compile(rf"{B}({head_alt}){S}\Z"),
        # «سه ماه اول», «شش ماهه نخست», «۹ ماه دوم»
        first_n_before=re.compile(
            rf"{B}({num}){O}({tunit})(?:ه)?{S}({alternation(['اول', 'نخست', 'دوم', 'پایانی', 'آخر'])}){S}\Z"),
        count_before=re.compile(rf"{B}({num}){O}({tunit})(?:ه)?{S}\Z"),
        part_start=re.compile(rf"{alternation(['اول', 'نخست', 'دوم', 'پایانی', 'آخر'])}{S}"),
        clock_before=re.compile(
            rf"{B}{saat}{S}(?:\d{{1,2}}(?::\d{{2}})?|{numw})(?:{S}و{S}(?:\d{{1,2}}|{numw}){S}{phrase_pattern('دقیقه')})?{S}\Z"),
        event_after=re.compile(rf"{S}از{S}{alternation(['آن', 'این'])}(?![\u200c]*{LETTER})"),
        # the head word alone (a scan for an ordinal or number before every head is slow): what
        # stands before it is read backwards from the head, see ``ordinal_before``/``number_before``
        occasion=re.compile(rf"{B}(?P<head>{alternation(occ_heads)})(?=[ \t])|(?P<sg>{phrase_pattern('سالگی')})(?=[ \t])"),
        ordinal_before=re.compile(rf"{B}{ordw}{S}\Z"),
        number_before=re.compile(rf"(?:(?<![\d/.,])\d+|{B}{numw}){O}\Z"),
        occasions={key(k): (int(v[0]), v[1]) for k, v in occ_rows.items()},
        occasion_words=word_set("date_occasion_words"),
        stops=word_set("date_np_stops"),
        verbs=word_set("finite_verbs"),
        light=word_set("fig_light_verbs"),
        word=re.compile(rf"[ \t\u200c]*({LETTER}(?:\u200c*{LETTER})*)"),
        range_gap=re.compile(r"\A[\s\u200c]*(?:تا|الی|لغایت|-|–)[\s\u200c]*\Z"),
        bare_year_after=re.compile(r"[\s\u200c]*(?:تا|الی|-|–)[\s\u200c]*(?<![\d/.,])(?:\d{4}|\d{2})(?![\d/.,]?\d)"),
        era=word_set("date_era_nouns"),
        groups=word_set("group_nouns"),
        months=frozenset(key(k) for k in load_table("date_months")),
        events=word_set("date_event_nouns"),
        light_form=re.compile(
            rf"(?:ن|می|نمی|ب)?{alternation(load_lexicon('date_light_verb_stems'))}"
            r"(?:م|ی|د|یم|ید|ند|ه|ن|ن?د|ه‌?است|ه‌?اند|ه‌?بود)?$"),
        ordinals=frozenset(key(w) for w in ordinal_words()),
    )


# --------------------------------------------------------------------------- occasions


def _words_after(folded: str, pos: int, limit: int) -> list[tuple[int, int, str]]:
    """Up to ``limit`` words right after ``pos`` separated by spaces only (no punctuation or digits)."""
    g = grammar()
    out = []
    while len(out) < limit:
        m = g.word.match(folded, pos)
        if m is None or "\n" in folded[pos:m.start(1)]:
            break
        out.append((m.start(1), m.end(1), m.group(1)))
        pos = m.end(1)
    return out


#: a function word glued to the next word with a ZWNJ («به‌صورت», «غیر‌قابل») or a plural
#: suffix after a ZWNJ («تیم‌های», «دستگاه‌ها»): a new phrase starts there
#: («تیم‌های», «دستگاه‌ها»), a comparative («باشکوه‌تر») or a subjunctive verb («بردارند»): a new
#: phrase starts there
_NEW_PHRASE = re.compile(r"^(?:به|با|در|بر|غیر)\u200c|^غیر|\u200cها(?:ی)?$|(?<=\w{3})\u200c?تر(?:ین)?$|^ب\w{3,}ند$")


def _is_stop(w: str, nxt: str | None) -> bool:
    g = grammar()
    k = key(w)
    if k in g.stops or k in g.verbs or k in g.light or k in g.groups or k.startswith("می") and len(k) > 4:
        return True
    if _NEW_PHRASE.search(w):
        return True
    if nxt is None:
        return False
    # a participle before an auxiliary («... رسیده است») is a verb
    if k.endswith("ه") and len(k) > 3 and key(nxt) in g.verbs:
        return True
    # the nominal of a compound verb: «برگزار شد», «نگاه کنید»
    return key(nxt) in g.light or g.light_form.match(key(nxt)) is not None


def _word_before_key(folded: str, start: int) -> str:
    m = re.search(rf"({LETTER}(?:\u200c*{LETTER})*|\d+)[ \t\u200c]+\Z", folded[max(0, start - 30):start])
    return key(m.group(1)) if m else ""


#: quantifiers and demonstratives: «سه روز کاری», «هر روز», «این هفته», «برخی ایام» are no occasion names
_NOT_BEFORE_OCCASION = frozenset(key(w) for w in (
    "هر این آن همین همان چند یک دو سه چهار پنج شش هفت هشت نه ده چندین برخی بعضی تمام همه سایر طول".split()))


def occasions(folded: str, cands: list[Cand]) -> list[Cand]:
    """``cands`` with occasion phrases added; an occasion that covers base spans replaces them."""
    g = grammar()
    out = list(cands)
    for m in g.occasion.finditer(folded):
        start, end = m.start(), m.end()
        if m.group("head"):
            head = key(m.group("head"))
            limit, policy = g.occasions[head]
            ordinal = None
            if head in ("سالگرد", "سالروز"):  # «سی و سومین سالگرد»
                ordinal = g.ordinal_before.search(folded, max(0, start - 40), start)
            if ordinal is not None:
                start = ordinal.start()
            else:
                before = _word_before_key(folded, start)
                if before in _NOT_BEFORE_OCCASION or before.isdigit() or before in g.era:
                    continue
        else:  # «چهل‌سالگی»: a number right before «سالگی»
            head, (limit, policy) = "سالگی", g.occasions["سالگی"]
            number = g.number_before.search(folded, max(0, start - 40), start)
            if number is None or number.start() == start:
                continue
            start = number.start()
        ws = _words_after(folded, end, 2 * limit + 1)
        np: list[tuple[int, int, str]] = []
        i = 0
        while i < len(ws) and sum(key(x[2]) != "و" for x in np) < limit:
            w = ws[i][2]
            nxt = ws[i + 1][2] if i + 1 < len(ws) else None
            if key(w) == "و" and policy == "coordinated" and np and nxt is not None and not _is_stop(nxt, None) \
                    and key(nxt) not in g.occasions:  # «اعیاد مبعث و غدیر» + «و هفته وحدت»
                np.append(ws[i])
                i += 1
                continue
            if _is_stop(w, nxt):
                break
            if not np and policy == "listed" and key(w) not in g.occasion_words:
                break
            np.append(ws[i])
            i += 1
            if key(w) in g.ordinals:  # an ordinal ends the phrase: «روز نخست», «دهه سوم (ماه) محرم»
                if len(np) == 1 and head == "هفته":  # «هفته سوم» (of a league) is a round, not a date
                    np.pop()
                rest = ws[i:i + 2]
                if rest and key(rest[0][2]) == "ماه" and len(rest) == 2:
                    np.extend(rest)
                elif rest and key(rest[0][2]) in g.months:
                    np.append(rest[0])
                break
        if np and key(np[-1][2]) == "و":
            np.pop()
        if not np:
            continue
        s, e = start, np[-1][1]
        # the phrase ends with a date it contains: «تعطیلات نوروز امسال» + «مسافران»; after a coordination
        # one more word may qualify the last name («ایام تاسوعا و عاشورای حسینی»)
        ends = [c[1] for c in out if s <= c[0] and c[0] < e and c[1] <= e]
        if ends and (policy != "coordinated" or sum(1 for w in np if w[0] >= max(ends)) > 1):
            e = max(ends)
        inside = [c for c in out if c[0] < e and s < c[1]]
        # a named period found by the base rules keeps its own end («تا دهه فجر» + «جهش ...»)
        if policy != "coordinated" and any(c[0] == s and c[2] == "named" for c in inside):
            continue
        if all(s <= c[0] and c[1] <= e for c in inside) and not any((c[0], c[1]) == (s, e) for c in inside):
            if any(c[2] not in ("named", "relative", "year", "month", "season", "decade", "occasion") for c in inside):
                continue
            out = [c for c in out if c not in inside] + [(s, e, "occasion")]
    return sorted(out, key=lambda c: c[0])


# --------------------------------------------------------------------------- heads and tails


def extend(folded: str, cands: list[Cand]) -> list[Cand]:
    """Spans extended leftwards over head nouns («آستانه نوروز»), «N ماه اول», a clock time, and
    rightwards over «از آن» after an event-relative offset («یک روز قبل از آن»)."""
    g = grammar()
    out: list[Cand] = []
    for s, e, kind in cands:
        floor = out[-1][1] if out else 0
        while True:
            window = folded[max(floor, s - 40):s]
            m = g.head_before.search(window) or g.first_n_before.search(window) or g.clock_before.search(window)
            if m is None and g.part_start.match(folded, s):  # «سه ماه» + «اول سال ۹۳»
                m = g.count_before.search(window)
            if m is None:
                break
            s = s - len(window) + m.start()
        if kind == "offset" and re.search(r"(?:قبل|بعد|پیش|پس)\Z", folded[s:e]):
            t = g.event_after.match(folded, e)
            if t is not None:
                e = t.end()
        out.append((s, e, kind))
    return out


# --------------------------------------------------------------------------- ranges, appositions


def merge(folded: str, cands: list[Cand]) -> list[Cand]:
    """Ranges («X تا Y») and appositions («فردا دوشنبه») of two date spans joined into one."""
    g = grammar()
    out: list[Cand] = []
    for s, e, kind in cands:
        if out:
            ps, pe, pk = out[-1]
            gap = folded[pe:s]
            if g.range_gap.match(gap) and "\n" not in gap:
                out[-1] = (ps, e, "range")
                continue
            if pe <= s and not gap.strip(" \t\u200c") and kind in _APPOSITIVE and pk in _APPOSITION_HOSTS:
                out[-1] = (ps, e, pk if pk != "time" else kind)
                continue
        out.append((s, e, kind))
    # «سال ۱۳۹۰ تا ۱۳۹۲»: a bare year after a year and a range connector
    res = []
    for s, e, kind in out:
        if kind == "year":
            m = g.bare_year_after.match(folded, e)
            if m is not None:
                e, kind = m.end(), "range"
        res.append((s, e, kind))
    return res


# --------------------------------------------------------------------------- references that are not dates


def drop(folded: str, cands: list[Cand]) -> list[Cand]:
    """Spans without the «امروز»/«این هفته» references that are not dates."""
    g = grammar()
    out: list[Cand] = []
    for s, e, kind in cands:
        k = key(folded[s:e])
        if k == "امروز":
            before = folded[max(0, s - 20):s]
            if re.search(rf"{B}تا{S}به{S}\Z", before) or _word_before_key(folded, s) in g.era:
                continue
        if kind in ("named", "occasion") and _word_before_key(folded, s) in g.events:
            continue  # «پیاده‌روی اربعین», «زائران اربعین»: the event's name
        if k in ("اینهفته", "ایندهه", "اینایام", "اینروز", "اینروزها"):
            head = k[3:].removesuffix("ها")
            if any(key(folded[ps:pe]).startswith(head) and pk in ("named", "occasion") for ps, pe, pk in out):
                continue
        out.append((s, e, kind))
    return out
