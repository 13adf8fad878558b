"""ROLE finder: titles from the role lexicon extended over modifiers, nested titles and
commissions; a ROLE stops before an ORG head or a place («مدیرعامل | سازمان ...», «شهردار | منطقه ۹»);
a bare plural («شهرداران») or membership word without a body is not a ROLE."""
from __future__ import annotations

from pipeline.tag.lexindex import ZWNJ, word_key
from pipeline.tag.wordclass import COUNCIL_WORDS, MEMBERSHIP


BARE_PLURAL = set(word_key(w) for w in """
شهرداران استانداران فرمانداران بخشداران دهیاران مدیران معاونان معاونین کارشناسان نمایندگان مشاوران وزرا وزیران
وزرای فرماندهان رؤسا روسا رؤسای روسای رئیسان بازرسان سرپرستان دبیران مدیران+کل مدیران+عامل قضات سفرا سفیران
جانشینان دستیاران حسابرسان منشیان خزانه+داران سخنگویان اعضا اعضاء
""".replace("+", ZWNJ).split())


def find_roles(toks, occ, lx, spans):
    """Append ``("ROLE", i, j)`` token spans to ``spans`` and mark them in ``occ`` (tokens already taken stay out)."""
    n, i = len(toks), 0
    role, mod, org = lx["role"], lx["mod"], lx["org"]
    while i < n:
        if occ[i] or not toks[i].is_word:
            i += 1
            continue
        j = role.match(toks, i)
        if j == i:
            i += 1
            continue
        if any(occ[k] for k in range(i, j)):
            i += 1
            continue
        head_key = "".join(t.key for t in toks[i:j])
        # «انجمن شهرداران», «انجمن مدیران»: a role word right after an ORG head names the ORG
        if i > 0 and not occ[i - 1] and toks[i - 1].key in lx["org_words"]:
            i = j
            continue
        # a bare membership word is a ROLE only before a body («عضو هیئت‌مدیره», «اعضای شورای شهر»)
        if head_key in MEMBERSHIP and not (j < n and (org.match(toks, j) > j or toks[j].key in COUNCIL_WORDS)):
            i = j
            continue
        # extend over modifiers, nested role words, «و» between them, and commissions («رئیس کمیسیون عمران»)
        end = j
        while end < n and not occ[end]:
            t = toks[end]
            if t.key == "و" and end + 1 < n and not occ[end + 1]:
                k = mod.match(toks, end + 1)
                k2 = role.match(toks, end + 1)
                k = max(k, k2)
                if k > end + 1 and all(not occ[x] for x in range(end + 1, k)) and org.match(toks, end + 1) == end + 1:
                    end = k
                    continue
                break
            k = mod.match(toks, end)
            if k == end:
                k = role.match(toks, end)
                if k > end and "".join(x.key for x in toks[end:k]) in MEMBERSHIP:
                    k = end
            if k == end and t.key in (word_key("کمیسیون"), word_key("کمیته")):
                k = mod.match(toks, end + 1)
                k = k if k > end + 1 else end
            if k == end or any(occ[x] for x in range(end, k)):
                break
            end = k
        # council inside the role: a named place after it splits (membership) or leaves it to the ORG
        has_council = [x for x in range(i, end) if toks[x].key in COUNCIL_WORDS]
        if has_council and end < n and (occ[end] == "LOC" or (not occ[end] and lx["place"].match(toks, end) > end)):
            first = has_council[0]
            if "".join(t.key for t in toks[i:first]) not in MEMBERSHIP and first > i:
                end = first
        while end > j and toks[end - 1].key in ("و", word_key("امور"), word_key("در")):
            end -= 1  # a dangling «و» / «امور» is not part of the title
        # a bare plural («با فرمانداران», «مدیران») names people in general, not a position
        if end == j and head_key in BARE_PLURAL and not (j < n and (org.match(toks, j) > j or toks[j].key in COUNCIL_WORDS)):
            i = j
            continue
        if end > i:
            spans.append(("ROLE", i, end))
            for x in range(i, end):
                occ[x] = "ROLE"
        i = max(end, i + 1)
