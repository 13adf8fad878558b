"""People and organizations resolved across articles.

Input: for each article, the person names as written (officials, participants, quote
speakers, PER entities) and the offices held in it. Output: one id per person, the
spelling of each mention mapped to it, and roles over time.

The rules, in order (a wrong merge is worse than a missed one, so every step only
merges when exactly one candidate is left):

1. Within an article, a name that is the trailing words of exactly one longer name
   («نیک‌پور» after «کامران نیک‌پور») is that person (``surname-in-article``). Two
   longer names sharing the surname leave it unresolved.
2. Across articles, names with a given name and a surname are one person when their
   keys are equal: honorifics and «سید» dropped, Arabic ي/ك and hamza forms unified,
   ZWNJ/space ignored, «surname، given» turned around (``full-name``).
3. A surname alone with no full name in its article joins the one person with that
   surname who held the same office in the same place or organization
   (``surname-by-role``); otherwise it stays a person of its own (``unresolved``).
"""
from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from pipeline.db.names import (DIVISIONS, NameParts, is_given_name, key, looks_like_title, name_parts, org_key, place_key,
                                tokens)


@dataclass
class ArticleNames:
    """What the resolver needs from one article."""

    article_id: str
    date: dt.date | None = None
    names: list[str] = field(default_factory=list)  # person names as written
    offices: list[tuple[str, str | None, str | None, str | None]] = field(default_factory=list)  # person, role, org, location
    orgs: list[str] = field(default_factory=list)  # organization names as written


@dataclass
class Person:
    person_id: int
    name: str
    variants: list[str]
    articles: set[str]
    first_date: dt.date | None
    last_date: dt.date | None
    full_name: bool = True  # False: a bare surname or given name that matched no one


@dataclass
class Resolution:
    people: list[Person]
    mentions: list[tuple[str, str, int, str]]  # article_id, name as written, person_id, how
    roles: list[dict]
    organizations: list[dict]
    org_mentions: list[tuple[str, str, int]]  # article_id, name as written, org_id


def _office_key(role, org, location) -> tuple[str, str, str]:
    return key(role), org_key(org), place_key(location)


def _office_text_key(role, org, location) -> str:
    """One key for an office however it is split between role, org and location:
    «رئیس» + «شورای اسلامی شهر مشهد» and «رئیس شورای اسلامی» + «شهر مشهد» share it."""
    toks = tokens(" ".join(x for x in (role, org, location) if x))
    keep = [t for i, t in enumerate(toks) if t not in DIVISIONS and not (t == "اسلامی" and i and toks[i - 1] == "شورای")]
    return "".join(keep)


def _compatible(a: tuple[str, str, str], b: tuple[str, str, str]) -> bool:
    """Same office (role key) in the same place or the same organization."""
    if not a[0] or a[0] != b[0]:
        return False
    return (bool(a[1]) and a[1] == b[1]) or (bool(a[2]) and a[2] == b[2])


def resolve(articles: list[ArticleNames]) -> Resolution:
    # cluster label for each (article, name): ("full", key) or ("single", article, name)
    label: dict[tuple[str, str], tuple] = {}
    how: dict[tuple[str, str], str] = {}
    parts: dict[str, NameParts | None] = {}
    pending: list[tuple[ArticleNames, str, NameParts]] = []  # surname-only names for step 3

    for art in articles:
        names = list(dict.fromkeys(n for n in art.names if n and n.strip() and not looks_like_title(n)))
        for n in names:
            parts.setdefault(n, name_parts(n))
        valid = [n for n in names if parts[n]]
        by_len = sorted(valid, key=lambda n: -len(parts[n].tokens))
        for n in by_len:
            p = parts[n]
            longer = {parts[f].key for f in valid
                      if parts[f].key != p.key and len(parts[f].tokens) > len(p.tokens) and p.key in parts[f].suffix_keys()}
            if not longer and len(p.tokens) == 1 and is_given_name(p.key):  # a given name alone («رضا»)
                longer = {parts[f].key for f in valid if parts[f].given == p.key and parts[f].surname}
            if not p.has_known_given and longer:  # step 1
                if len(longer) == 1:
                    label[(art.article_id, n)] = ("full", next(iter(longer)))
                    how[(art.article_id, n)] = "surname-in-article"
                else:
                    label[(art.article_id, n)] = ("single", art.article_id, p.key)
                    how[(art.article_id, n)] = "unresolved"
            elif p.given and p.surname:
                label[(art.article_id, n)] = ("full", p.key)
                how[(art.article_id, n)] = "full-name"
            else:
                pending.append((art, n, p))

    # full-name clusters and what they are known by
    by_id = {a.article_id: a for a in articles}
    surname_index: dict[str, set[str]] = defaultdict(set)
    for (aid, n), lab in label.items():
        p = parts[n]
        if lab[0] == "full" and how[(aid, n)] == "full-name" and p.has_known_given:
            surname_index[p.surname].add(p.key)
    # a two-word name with no known given name that is a known person's surname is a surname
    for (aid, n), lab in list(label.items()):
        p = parts[n]
        if how[(aid, n)] == "full-name" and not p.has_known_given and p.key in surname_index:
            pending.append((by_id[aid], n, p))
            del label[(aid, n)], how[(aid, n)]

    offices_of: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
    for art in articles:
        for person, role, org, loc in art.offices:
            lab = label.get((art.article_id, person))
            if lab and lab[0] == "full":
                offices_of[lab[1]].add(_office_key(role, org, loc))

    for art, n, p in pending:  # step 3
        # offices held under any spelling with the same key in this article («مهندس طاهرخانی» = «طاهرخانی»)
        mine = {_office_key(r, o, l) for person, r, o, l in art.offices
                if person == n or (parts.get(person) or name_parts(person) or p).key == p.key}
        cands = {k for k in surname_index.get(p.key, ()) if any(_compatible(m, o) for m in mine for o in offices_of[k])}
        if len(cands) == 1:
            label[(art.article_id, n)] = ("full", next(iter(cands)))
            how[(art.article_id, n)] = "surname-by-role"
        else:
            label[(art.article_id, n)] = ("single", art.article_id, p.key)
            how[(art.article_id, n)] = "unresolved"

    date_of = {a.article_id: a.date for a in articles}
    clusters: dict[tuple, list[tuple[str, str]]] = defaultdict(list)
    for (aid, n), lab in label.items():
        clusters[lab].append((aid, n))

    def _display(members):
        full = [n for _, n in members if how[(_, n)] == "full-name"] or [n for _, n in members]
        counts = Counter(full)
        return max(counts, key=lambda n: (counts[n], -n.count(" "), len(n), n))  # ties: «محمدعلی» over «محمد علی»

    def _dates(members):
        ds = sorted(d for d in (date_of[a] for a, _ in members) if d)
        return (ds[0], ds[-1]) if ds else (None, None)

    ordered = sorted(clusters.items(), key=lambda kv: (_dates(kv[1])[0] or dt.date.max, kv[0]))
    people, mentions, pid_of = [], [], {}
    for pid, (lab, members) in enumerate(ordered, 1):
        first, last = _dates(members)
        people.append(Person(pid, _display(members), sorted({n for _, n in members}), {a for a, _ in members}, first, last,
                             full_name=lab[0] == "full"))
        pid_of[lab] = pid
        for aid, n in sorted(members):
            mentions.append((aid, n, pid, how[(aid, n)]))

    # roles over time
    role_rows: dict[tuple, dict] = {}
    for art in articles:
        for person, role, org, loc in art.offices:
            lab = label.get((art.article_id, person))
            if lab is None or not role:
                continue
            k = (pid_of[lab], _office_text_key(role, org, loc))
            row = role_rows.setdefault(k, {"person_id": k[0], "spellings": Counter(), "articles": set(), "dates": []})
            row["spellings"][(role, org, loc)] += 1
            if art.article_id not in row["articles"]:
                row["articles"].add(art.article_id)
                if art.date:
                    row["dates"].append(art.date)
    # an office stated with less detail («شهردار», «سخنگوی شورا») joins the person's one office that
    # starts the same way and says more («شهردار تبریز», «سخنگوی شورای اسلامی شهر مشهد»)
    for k in sorted(role_rows, key=lambda k: len(k[1])):
        more = [m for m in role_rows if m[0] == k[0] and len(m[1]) > len(k[1]) and m[1].startswith(k[1])]
        if len(more) == 1:
            bare, into = role_rows.pop(k), role_rows[more[0]]
            new_articles = bare["articles"] - into["articles"]
            into["articles"] |= bare["articles"]
            into["dates"] += [date_of[a] for a in new_articles if date_of.get(a)]
            into["spellings"].update({s: 0 for s in bare["spellings"]})  # the fuller spelling is shown
    roles = []
    for row in role_rows.values():
        role, org, loc = row["spellings"].most_common(1)[0][0]
        ds = sorted(row["dates"])
        roles.append({"person_id": row["person_id"], "role": role, "org": org, "location": loc,
                      "first_date": ds[0] if ds else None, "last_date": ds[-1] if ds else None,
                      "n_articles": len(row["articles"]), "articles": "؛ ".join(sorted(row["articles"]))})
    roles.sort(key=lambda r: (r["person_id"], r["first_date"] or dt.date.max, r["role"]))

    orgs, org_mentions = _resolve_orgs(articles)
    return Resolution(people, mentions, roles, orgs, org_mentions)


def _resolve_orgs(articles: list[ArticleNames]) -> tuple[list[dict], list[tuple[str, str, int]]]:
    clusters: dict[str, list[tuple[str, str, dt.date | None]]] = defaultdict(list)
    for art in articles:
        for name in dict.fromkeys(o for o in art.orgs if o and o.strip()):
            k = org_key(name)
            if k:
                clusters[k].append((art.article_id, name, art.date))
    out, mentions = [], []
    for oid, (k, members) in enumerate(sorted(clusters.items(), key=lambda kv: kv[0]), 1):
        counts = Counter(n for _, n, _ in members)
        ds = sorted(d for _, _, d in members if d)
        out.append({"org_id": oid, "name": max(counts, key=lambda n: (counts[n], n)),
                    "variants": "؛ ".join(sorted(counts)), "n_articles": len({a for a, _, _ in members}),
                    "first_date": ds[0] if ds else None, "last_date": ds[-1] if ds else None})
        mentions.extend((a, n, oid) for a, n, _ in members)
    return out, mentions
