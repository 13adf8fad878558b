"""Word classes the rule finders share: function words, verbs and light verbs (a name word is
none of them), council/district/membership words, and marking spans on the token occupancy."""
from __future__ import annotations

import re

from pipeline.tag.lexindex import DIGITS, Tok, ZWNJ, word_key


STOP_WORDS = set(word_key(w) for w in """
و یا اما ولی که تا از به با در بر برای بی درباره روی زیر پس پیش بین میان طی طبق توسط جز غیر مثل همچون چون اگر
چه چرا کجا کی را رو هم نیز این آن اینجا آنجا همین همان چنین چنان هر همه همه‌ی برخی بعضی دیگر دیگری خود خویش
وی او ایشان آنان آنها اینها ما شما من تو آنها ها اینکه آنکه چنانچه زیرا هنوز باز بسیار خیلی کمی بیشتر کمتر
است هست نیست بود بودند باشد باشند شد شدند شده شود شوند کرد کردند کرده کند کنند کرده‌اند گفت گفته گفتند
افزود افزودند اظهار داشت داد دادند دارد دارند داشت داشتند کرد نمود نمودند خواهد خواهند گردید گردد گرفت گرفته
تاکید تأکید بیان خبر اشاره عنوان گزارش ادامه همچنین سپس ضمن پیرامون طبق براساس بنابراین بنا لذا ضمنا ضمناً
امروز دیروز فردا امسال پارسال اکنون حالا هنگام زمان سال ماه روز هفته صبح عصر شب ظهر
یک دو سه چهار پنج شش هفت هشت نه ده صد هزار میلیون میلیارد اول دوم سوم نخست
خواستار موظف مکلف نیازمند شامل دارای مورد جهت مانند درخصوص خصوص راستای بعنوان بهعنوان قالب
ضرورت لزوم اهمیت نحوه چگونگی موضوع مسئله مساله پروژه طرح برنامه جلسه نشست دیدار بازدید همایش مراسم
""".split())


VERB_PREFIX = re.compile(r"^(?:ن?می|ب|ن)?\u200c?")


def is_verbish(t: Tok) -> bool:
    txt = t.text
    if txt.startswith(("می" + ZWNJ, "نمی" + ZWNJ)):
        return True
    if ZWNJ in txt and word_key(txt.rsplit(ZWNJ, 1)[-1]) in LIGHT_VERBS:  # «تعیین‌شده», «برگزارشده»
        return True
    return t.key in STOP_WORDS


MEMBERSHIP = set(word_key(w) for w in "عضو اعضا اعضای اعضاء".split())


COUNCIL_WORDS = set(word_key(w) for w in "شورا شورای شوراهای کمیسیون کمیته هیئت هیات".split())


DISTRICT = set(word_key(w) for w in "منطقه ناحیه".split())
NUMBER_WORDS = set(word_key(w) for w in "یک دو سه چهار پنج شش هفت هشت نه ده یازده دوازده سیزده چهارده پانزده شانزده هفده هجده نوزده بیست".split())


#: the verbs of compound verbs («همکاری کنند», «حضور یافتند»): the noun before one is not a name word
LIGHT_VERBS = set(word_key(w) for w in """
کرد کردند کرده کردیم کند کنند کنیم کنید کن شد شدند شده شود شوند شویم نمود نمودند نموده نماید نمایند
داشت داشتند دارد دارند یافت یافتند یافته یابد یابند داد دادند داده دهد دهند گرفت گرفتند گرفته گیرد گیرند
گردید گردیدند گردد گردند رسید رسیدند رسد رسند زد زدند زند خواهد خواهند
""".split())


def is_name_word(t: Tok, lx, nxt: Tok | None = None) -> bool:
    """Could this token be part of a proper name (surname, org name word)?

    Not punctuation, digits, function words or verbs, and not the noun of a compound verb
    («همکاری کنند», «حضور یافتند»): a word followed by a light verb is not a name word.
    """
    if not t.is_word or DIGITS.match(t.key) or is_verbish(t):
        return False
    if nxt is not None and nxt.is_word and (nxt.key in LIGHT_VERBS or nxt.text.startswith(("می" + ZWNJ, "نمی" + ZWNJ))):
        return False
    return True


def name_word_at(toks, k, lx) -> bool:
    """:func:`is_name_word` for token ``k``, looking at the token after it."""
    return is_name_word(toks[k], lx, toks[k + 1] if k + 1 < len(toks) else None)


def mark(spans, occ, label, i, j):
    """Record ``(label, i, j)`` and mark tokens ``i..j-1`` as taken."""
    spans.append((label, i, j))
    for x in range(i, j):
        occ[x] = label


def unmark(spans, occ, i, j):
    """Remove spans lying inside [i, j) (a place absorbed by an ORG)."""
    keep = [s for s in spans if not (s[1] >= i and s[2] <= j)]
    spans[:] = keep
    for x in range(i, j):
        occ[x] = None
