"""PER finder: a given name (after an optional honorific, which stays outside, and name
particles such as «سید», which stay inside) followed by a surname word; surnames found so are
then tagged where they recur alone («سنجری افزود»)."""
from __future__ import annotations

from pipeline.tag.lexindex import word_key
from pipeline.tag.wordclass import is_name_word, mark


SURNAME_TAILS = set(word_key(w) for w in "پور زاده نژاد فر نیا راد کیا دوست آبادی وند لو زادگان منش".split())


def find_people(toks, occ, lx, spans):
    """Append ``("PER", i, j)`` spans: given name + surname, then lone repeats of the surnames found."""
    n, i = len(toks), 0
    given, particle, honor = lx["given"], lx["particle"], lx["honor"]
    surnames: set[str] = set()

    def blocked(k):
        t = toks[k]
        return (occ[k] or not is_name_word(t, lx) or lx["role"].match(toks, k) > k or lx["org"].match(toks, k) > k
                or lx["ptype"].match(toks, k) > k or honor.match(toks, k) > k or lx["place"].match(toks, k) > k
                or t.key in lx["role_words"] or t.key.endswith(("ها", "های")) or t.key in lx["generic"]
                or t.key in lx["non_name"])

    while i < n:
        if occ[i] or not toks[i].is_word:
            i += 1
            continue
        start = i
        h = honor.match(toks, i)
        if h > i:  # honorific stays outside
            start = h
        p = particle.match(toks, start) if start < n else start
        g_start = p
        g = given.match(toks, g_start) if g_start < n else g_start
        if g > g_start:
            g2 = given.match(toks, g) if g < n else g
            if g2 > g and g2 < n and not blocked(g2):
                g = g2  # «محمد حسین کاظمی‌نیا»
            if g < n and not blocked(g):
                end = g + 1
                if end < n and toks[end].key in SURNAME_TAILS:
                    end += 1
                span_start = start if p > start else g_start
                if any(occ[x] for x in range(span_start, end)):
                    i += 1
                    continue
                mark(spans, occ, "PER", span_start, end)
                surnames.add("".join(t.key for t in toks[g:end]))
                i = end
                continue
        if h > i and h < n and not blocked(h) and given.match(toks, h) == h:
            end = h + 1
            if end < n and toks[end].key in SURNAME_TAILS:
                end += 1
            mark(spans, occ, "PER", h, end)
            surnames.add("".join(t.key for t in toks[h:end]))
            i = end
            continue
        i += 1
    # bare surnames repeated later in the text («سنجری افزود»)
    if surnames:
        for k in range(n):
            if not occ[k] and toks[k].is_word and toks[k].key in surnames and len(toks[k].key) > 2:
                mark(spans, occ, "PER", k, k + 1)
