"""LOC finder: districts («منطقه ۴ تبریز»), typed places («استان زنجان», «بزرگراه چمران») and the
place gazetteer (words that are also common words need a place type before them)."""
from __future__ import annotations

from pipeline.tag.lexindex import DIGITS, word_key
from pipeline.tag.wordclass import COUNCIL_WORDS, DISTRICT, NUMBER_WORDS, mark, name_word_at


# type words whose LOC needs a known place after them («استان زنجان»); other types take any name word
GAZ_TYPES = set(word_key(w) for w in "شهر شهرستان استان کشور بخش قاره دهستان".split())


def find_places(toks, occ, lx, spans):
    """Append ``("LOC", i, j)`` token spans to ``spans`` and mark them in ``occ``."""
    n, i = len(toks), 0
    place, place_any, ptype = lx["place"], lx["place_any"], lx["ptype"]
    while i < n:
        if occ[i] or not toks[i].is_word:
            i += 1
            continue
        t = toks[i]
        # «منطقه ۴ (شهرداری) تبریز», «ناحیه ۲»
        if t.key in DISTRICT and i + 1 < n and (DIGITS.match(toks[i + 1].key) or toks[i + 1].key in NUMBER_WORDS):
            end = i + 2
            if end < n and toks[end].key in (word_key("شهرداری"), word_key("شهر")) and end + 1 < n and place_any.match(toks, end + 1) > end + 1:
                end = place_any.match(toks, end + 1)
            elif end < n and place_any.match(toks, end) > end:
                end = place_any.match(toks, end)
            mark(spans, occ, "LOC", i, end)
            i = end
            continue
        # typed places: «استان زنجان», «پارک شقایق», «بزرگراه چمران»
        k = ptype.match(toks, i)
        if k > i and k < n and not occ[k]:
            prev = toks[i - 1].key if i else ""
            tkey = "".join(x.key for x in toks[i:k])
            after_council = prev in COUNCIL_WORDS or prev == word_key("اسلامی")
            g = place_any.match(toks, k)
            if tkey in GAZ_TYPES or tkey in DISTRICT:
                if g > k and not (after_council and tkey == word_key("شهر")):
                    mark(spans, occ, "LOC", i, g)
                    i = g
                    continue
            elif g > k:
                mark(spans, occ, "LOC", i, g)
                i = g
                continue
            else:
                end = k
                while end < n and end < k + 3 and not occ[end] and name_word_at(toks, end, lx) \
                        and lx["org"].match(toks, end) == end and lx["role"].match(toks, end) == end \
                        and ptype.match(toks, end) == end and toks[end].key != "و":
                    end += 1
                if end > k:
                    mark(spans, occ, "LOC", i, end)
                    i = end
                    continue
        # gazetteer
        g = place.match(toks, i)
        if g > i:
            mark(spans, occ, "LOC", i, g)
            i = g
            continue
        i += 1
