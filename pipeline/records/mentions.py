"""Role phrases and name–title appositions, from the entity spans of a Document.

A :class:`RoleMention` is a ROLE span plus the organization/place it belongs to
(«مدیرعامل» + «سازمان آتش‌نشانی ...», «شهردار» + «منطقه ۲ کرج», «نماینده» + ORG + «در» LOC).
:func:`appositions` links PER spans to role mentions written next to them:

* after the name: «مهدی کاظمی، مدیرعامل سازمان ...», «سارا نیکو (نایب‌رئیس اتحادیه)»; a second title
  joined by «و» is the same person's («X، شهردار کرج و رئیس اتحادیه ...»);
* after the name and «(را) به عنوان»: «رضا امینی را به عنوان شهردار بابل منصوب کرد»;
* before the name: «شهردار بابل، رضا امینی», «مدیرعامل سازمان X علی احمدی» (a bare word of a
  relation, relational_titles.txt, right before a name is the name's relation: «جانشین جنتی»; a
  name followed by «را» is the object of the title before it: «وزیر ...، X را ... انتخاب کرد»);
* coordinated names share a plural title: «X و Y اعضای شورای شهر» -> both «عضو».

Nothing here depends on exact ROLE boundaries beyond "the title is a span of its own".
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from pipeline.document import Document, Span
from pipeline.textkey import fold, key
from pipeline.records.cues import word_set
from pipeline.records.textutil import PUNCT_GAP_RE, TIGHT_GAP_RE, next_word, sorted_entities, words


#: «(را) به عنوان» between a name and a title: an appointment or introduction
#: (an ordinal may come before the title: «به عنوان نخستین فرماندار ...»)
AS_TITLE_GAP_RE = re.compile(r"^[ \t\u200c]+(?:را[ \t\u200c]+)?به[ \t\u200c]*عنوان[ \t\u200c]+"
                             r"(?:(?:اولین|نخستین|آخرین|[^\W\d_]{2,}مین)[ \t\u200c]+)?"
                             r"(?P<one_of>یکی[ \t\u200c]+از[ \t\u200c]+)?$")


_SPACE_ONLY_RE = re.compile(r"^[ \t\u200c]+$")


@dataclass(frozen=True)
class RoleMention:
    """A title with its scope: ``role`` (ROLE text), ``org``/``location`` (ORG/LOC texts)."""

    span: Span
    role: str
    org: str | None
    location: str | None
    start: int
    end: int
    plural: bool = False

    def member_form(self) -> tuple[str, str | None]:
        """For «اعضای شورای شهر» + «تهران» attached to one person: («عضو», «شورای شهر تهران»)."""
        ws = self.role.split()
        if self.plural and ws and key(ws[0]) in ("اعضای", "اعضا"):
            rest = " ".join(ws[1:])
            scope = " ".join(x for x in (rest, self.org or self.location) if x) or None
            return "عضو", scope
        return self.role, self.org

    @property
    def scope(self) -> str | None:
        return self.org or self.location


@dataclass(frozen=True)
class Apposition:
    person: Span
    role: RoleMention
    how: str  # "after" | "as" | "before" | "paren" | "second" | "coord"


def relation_of_other(text: str, rm: RoleMention, per_starts: set[int]) -> bool:
    """A bare word of a relation (relational_titles.txt, no organization or place) followed by a
    pronoun or a name with only spaces between: someone else's relation («جانشین وی», «جانشین
    جنتی»), no title of anyone."""
    if rm.org or rm.location or key(rm.role) not in word_set("relational_titles"):
        return False
    w = next_word(text, rm.end)
    if w is None:
        return False
    return w[0] in per_starts or key(w[2]) in word_set("pronouns") or key(w[2]) == "خود"


def _is_plural_role(text: str) -> bool:
    ws = text.split()
    return bool(ws) and key(ws[0]) in word_set("group_nouns")


def role_mentions(doc: Document) -> list[RoleMention]:
    """One :class:`RoleMention` per ROLE span, in text order."""
    ents = sorted_entities(doc)
    text = doc.text
    heads = word_set("institution_heads")
    out: list[RoleMention] = []
    covered: set[int] | None = None  # offsets inside an entity (built on first use)
    ent_starts = [e.start for e in ents]
    orgs_by_head: dict[str, list[int]] | None = None  # ORG indexes in ``ents`` by their first word
    for i, r in enumerate(ents):
        if r.label != "ROLE":
            continue
        org = loc = None
        end = r.end
        nxt = ents[i + 1] if i + 1 < len(ents) else None
        if nxt is not None and nxt.label in ("ORG", "LOC") and TIGHT_GAP_RE.match(text[r.end:nxt.start]) \
                and "\n" not in text[r.end:nxt.start]:
            if nxt.label == "ORG":
                org = nxt.text
            else:
                loc = nxt.text
            end = nxt.end
            # «نماینده سازمان ... در استان سمنان»: the place the office covers
            nxt2 = ents[i + 2] if i + 2 < len(ents) else None
            if org and nxt2 is not None and nxt2.label == "LOC" and key(text[nxt.end:nxt2.start]) == "در":
                loc = nxt2.text
                end = nxt2.end
        else:
            w = next_word(text, r.end)
            if covered is None and w is not None and key(w[2]) in heads:
                covered = {k for e in ents for k in range(e.start, e.end)}
            if w is not None and key(w[2]) in heads and w[0] not in covered:
                # «نایب‌رئیس اتحادیه»: the bare head refers back to the last ORG starting with it
                head = key(w[2])
                if orgs_by_head is None:
                    orgs_by_head = {}
                    for j, e in enumerate(ents):
                        if e.label == "ORG" and e.text.split():
                            orgs_by_head.setdefault(key(e.text.split()[0]), []).append(j)
                # the last such ORG ending by the title (ents are in start order: only those starting before it)
                cands = orgs_by_head.get(head, [])
                k = bisect.bisect_left(cands, bisect.bisect_left(ent_starts, r.start)) - 1
                while k >= 0 and ents[cands[k]].end > r.start:
                    k -= 1
                if k >= 0:
                    org = ents[cands[k]].text
                    end = w[1]
        out.append(RoleMention(r, r.text, org, loc, r.start, end, _is_plural_role(r.text)))
    # «فرماندار و اعضای شورای شهر ساری»: the place distributes over a bare first title
    fixed: list[RoleMention] = []
    for j, m in enumerate(out):
        if m.org is None and m.location is None and j + 1 < len(out):
            n = out[j + 1]
            if key(text[m.end:n.start]) == "و" and n.location and not n.org:
                m = RoleMention(m.span, m.role, None, n.location, m.start, m.end, m.plural)
        fixed.append(m)
    return fixed


#: words of a title's own phrase that may stand between it and «و» + a second title
#: («نماینده فقید ولی‌فقیه در استان و امام جمعه ...»): at most this many
TITLE_TAIL_WORDS = 4


def _title_tail_and(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is «و», or a few more words of the first title's phrase and then «و»
    (no punctuation, no finite verb: «... در استان و»)."""
    from pipeline.records.clauses import looks_finite

    gap = fold(text[start:end])
    if key(gap) == "و":
        return True
    ws = gap.split()
    if len(ws) < 2 or ws[-1] != "و" or len(ws) - 1 > TITLE_TAIL_WORDS:
        return False
    if any(not w.replace("\u200c", "").isalpha() for w in ws[:-1]):
        return False
    return not any(looks_finite(ws[:k]) for k in range(1, len(ws)))


def _second_title(text: str, ents: list[Span], starts: list[int], first: RoleMention,
                  by_start: dict[int, RoleMention]) -> RoleMention | None:
    """«X، شهردار کرج و رئیس اتحادیه ...»: a title joined by «و» to a name's title is the same person's
    second title, unless a name follows it (then it is that name's title)."""
    i = bisect.bisect_left(starts, first.end)
    after = ents[i:i + 1]
    if not after or after[0].label != "ROLE" or not _title_tail_and(text, first.end, after[0].start):
        return None
    second = by_start.get(after[0].start)
    if second is None or second.plural:  # «بخشدار و اعضای شورا»: a group, not a second title
        return None
    j = bisect.bisect_left(starts, second.end)
    nxt = ents[j:j + 1]
    if nxt and nxt[0].label == "PER" and PUNCT_GAP_RE.match(text[second.end:nxt[0].start]):
        return None
    return second


def _coordinated(text: str, pers: list[Span], per_starts: list[int], p: Span) -> bool:
    """Whether name ``p`` is joined by «و» or a comma to the name before it («X و Y اعضای ...»)."""
    i = bisect.bisect_left(per_starts, p.start)
    if i == 0:
        return False
    sep = fold(text[pers[i - 1].end:p.start]).strip(" \u200c«»")
    return sep in ("و", "،", ",")


def appositions(doc: Document, roles: list[RoleMention] | None = None) -> list[Apposition]:
    """Name–title pairs written next to each other (see the module docstring)."""
    roles = role_mentions(doc) if roles is None else roles
    ents = sorted_entities(doc)
    text = doc.text
    by_start = {m.start: m for m in roles}
    pers = [e for e in ents if e.label == "PER"]
    per_starts = [e.start for e in pers]
    per_start_set = set(per_starts)
    out: list[Apposition] = []
    claimed: set[int] = set()
    attached: set[int] = set()
    # 1) title after the name
    where = {id(e): i for i, e in enumerate(ents)}
    starts = [e.start for e in ents]
    for p in pers:
        idx = where[id(p)]
        nxt = ents[idx + 1] if idx + 1 < len(ents) else None
        if nxt is None:
            continue
        cand = None
        how = "after"
        one_of = False
        gap = text[p.end:nxt.start]
        if nxt.label == "ROLE" and PUNCT_GAP_RE.match(gap) and "\n" not in gap and gap.count("،") + gap.count(",") <= 1:
            cand = by_start.get(nxt.start)
            how = "paren" if "(" in gap else "after"
        elif nxt.label == "ROLE" and (am := AS_TITLE_GAP_RE.match(fold(gap))):
            cand = by_start.get(nxt.start)  # «X (را) به عنوان مدیرعامل ... معرفی/منصوب کرد»
            how = "as"
            one_of = am.group("one_of") is not None  # «X به عنوان یکی از نمایندگان ...»: one member
        if cand is not None and relation_of_other(text, cand, per_start_set):
            cand = None  # «X به عنوان جانشین وی»: the relation of someone else, not a title
        if cand is not None and cand.plural and not one_of and not _coordinated(text, pers, per_starts, p):
            cand = None  # «X اعضای ستاد را ... برشمرد»: a group title is no single person's
        if cand is not None:
            out.append(Apposition(p, cand, how))
            claimed.add(cand.start)
            attached.add(p.start)
            second = _second_title(text, ents, starts, cand, by_start)
            if second is not None:
                out.append(Apposition(p, second, "second"))
                claimed.add(second.start)
    # 2) title before the name: «شهردار بابل، رضا امینی»
    role_starts = [m.start for m in roles]
    roles_sorted = all(a <= b for a, b in zip(role_starts, role_starts[1:]))
    for p in pers:
        if p.start in attached:
            continue
        m = None
        if roles_sorted:  # the last unclaimed title ending by the name: only titles starting before it
            k = bisect.bisect_right(role_starts, p.start) - 1
            while k >= 0 and (roles[k].end > p.start or roles[k].start in claimed):
                k -= 1
            m = roles[k] if k >= 0 else None
        else:
            prev = [x for x in roles if x.end <= p.start and x.start not in claimed]
            m = prev[-1] if prev else None
        if m is None:
            continue
        gap = text[m.end:p.start]
        if relation_of_other(text, m, per_start_set):
            continue  # «جانشین جنتی»: the successor of the person named, not their title
        w = next_word(text, p.end)
        if w is not None and key(w[2]) == "را":
            continue  # «وزیر ...، X را برای معاونت انتخاب کرد»: the title acts on X, X is its object
        if PUNCT_GAP_RE.match(gap) and "\n" not in gap and "(" not in gap and not m.plural \
                and not any(e.end <= p.start for e in ents[bisect.bisect_left(starts, m.end):
                                                          bisect.bisect_right(starts, p.start)]):
            out.append(Apposition(p, m, "before"))
            claimed.add(m.start)
            attached.add(p.start)
    # 3) «X و Y اعضای ...»: a plural title distributes over coordinated names
    per_pos = {id(e): i for i, e in enumerate(pers)}
    extra: list[Apposition] = []
    for a in out:
        if not a.role.plural:
            continue
        idx = per_pos[id(a.person)]
        j = idx
        while j > 0:
            q = pers[j - 1]
            sep = fold(text[q.end:pers[j].start]).strip(" \u200c«»")
            if sep not in ("و", "،", ","):
                break
            if q.start not in attached:
                extra.append(Apposition(q, a.role, "coord"))
                attached.add(q.start)
            j -= 1
    out.extend(extra)
    out.sort(key=lambda a: a.person.start)
    return out
