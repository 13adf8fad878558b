"""ORG finders: an ORG head with its name words («سازمان آتش‌نشانی و خدمات ایمنی»), keeping a contained
place («شهرداری قم»); bare institution words are not ORGs; and organizations known by name
without a head word («آموزش و پرورش», «صداوسیما»)."""
from __future__ import annotations

from pipeline.tag.lexindex import DIGITS, word_key
from pipeline.tag.wordclass import DISTRICT, mark, name_word_at, unmark


def find_orgs(toks, occ, lx, spans):
    """Append ``("ORG", i, j)`` spans for head-word organizations; a contained LOC span is absorbed."""
    n, i = len(toks), 0
    org, generic, role, given = lx["org"], lx["generic"], lx["role"], lx["given"]
    while i < n:
        if occ[i] or not toks[i].is_word:
            i += 1
            continue
        j = org.match(toks, i)
        if j == i or any(occ[x] for x in range(i, j)):
            i += 1
            continue
        prev = toks[i - 1].key if i else ""
        if prev in (word_key("این"), word_key("آن"), word_key("همین"), word_key("همان"), word_key("هر")):
            i = j
            continue
        head_key = "".join(t.key for t in toks[i:j])
        if head_key in _PLACE_BOUND:
            # «شهرداری قم», «استانداری زنجان», «شهرداری منطقه ۲»: only a place makes these a name
            end = j
            if end < n and toks[end].key in DISTRICT and end + 1 < n and DIGITS.match(toks[end + 1].key):
                end += 2
            while end < n and occ[end] == "LOC":
                end += 1
            if end > j:
                unmark(spans, occ, i, end)
                mark(spans, occ, "ORG", i, end)
                i = end
            else:
                i = j
            continue
        end, names = j, 0
        while end < n and end - i < 9:
            t = toks[end]
            if occ[end] == "LOC":
                # absorb the whole place span
                e2 = end
                while e2 < n and occ[e2] == "LOC":
                    e2 += 1
                end, names = e2, names + 1
                continue
            if occ[end]:
                break
            if t.key == "و":
                nxt = end + 1
                if nxt < n and not occ[nxt] and name_word_at(toks, nxt, lx) and org.match(toks, nxt) == nxt \
                        and role.match(toks, nxt) == nxt and given.match(toks, nxt) == nxt \
                        and (toks[nxt].key.endswith(("ها", "های")) or lx["mod"].match(toks, nxt) > nxt
                             or (toks[end - 1].key, toks[nxt].key) in _ORG_PAIRS):
                    end += 1
                    continue
                break
            if not name_word_at(toks, end, lx) or (role.match(toks, end) > end and end > j) or given.match(toks, end) > end \
                    or lx["honor"].match(toks, end) > end or lx["particle"].match(toks, end) > end:
                break
            k = org.match(toks, end)
            if k > end and head_key in _SUBUNIT and names == 0:
                end = k  # «روابط عمومی سازمان ...», «معاونت فنی و عمرانی شهرداری ارومیه»
                continue
            if k > end:
                # another head: ends this ORG if it starts its own named ORG, else part of the name
                if k < n and (occ[k] == "LOC" or (name_word_at(toks, k, lx) and not occ[k] and toks[k].key != "و")):
                    break
                end, names = k, names + 1
                continue
            end += 1
            names += 1
        while end > j and toks[end - 1].key == "و":
            end -= 1
        phrase = "".join(t.key for t in toks[i:end])
        name_keys = [t.key for t in toks[j:end] if t.is_word]
        is_generic = end == j or phrase in generic or all(k in generic or k in _GENERIC_TAIL for k in name_keys)
        if not is_generic:
            unmark(spans, occ, i, end)
            mark(spans, occ, "ORG", i, end)
            i = end
        else:
            i = j


_PLACE_BOUND = set(word_key(w) for w in "شهرداری استانداری فرمانداری بخشداری دهیاری".split())


_SUBUNIT = set(word_key(w) for w in ["روابط عمومی", "روابط‌عمومی", "دفتر منطقه‌ای"])


_ORG_PAIRS = {(word_key(a), word_key(b)) for a, b in (p.split("|") for p in """
راه|شهرسازی آب|فاضلاب صدا|سیما آموزش|پرورش ورزش|جوانان برنامه|بودجه میراث|گردشگری صنعت|معدن معدن|تجارت فرهنگ|ارشاد
تعاون|کار کار|رفاه علوم|تحقیقات تحقیقات|فناوری بهداشت|درمان درمان|آموزش امور|دارایی اقتصادی|دارایی نوسازی|بهسازی
حمل|نقل حمل‌ونقل|ترافیک آتش‌نشانی|خدمات پارک‌ها|فضای املاک|مستغلات بازیافت|تبدیل زیباسازی|منظر مسکن|شهرسازی
فنی|حرفه‌ای علمی|کاربردی صنایع|معادن""".split())}


_GENERIC_TAIL = set(word_key(w) for w in "اول دوم سوم چهارم پنجم ششم هفتم هشتم نهم دهم شهر اسلامی روستا مربوط مذکور یادشده فوق مربوطه".split())


def find_known_orgs(toks, occ, lx, spans):
    """Organizations named without a head word («آموزش و پرورش», «صداوسیما», «سپاه»)."""
    n, i, known = len(toks), 0, lx["known_org"]
    while i < n:
        j = known.match(toks, i) if not occ[i] and toks[i].is_word else i
        if j > i and not any(occ[x] for x in range(i, j)):
            mark(spans, occ, "ORG", i, j)
            i = j
        else:
            i += 1
