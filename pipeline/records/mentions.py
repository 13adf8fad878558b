"""Role phrases and name–title appositions, from the entity spans of a Document.

A :class:`RoleMention` is a ROLE span plus the organization/place it belongs to
(«مدیرعامل» + «سازمان همیاری ...», «شهردار» + «منطقه ۹ مشهد», «نماینده» + ORG + «در» LOC).
:func:`appositions` links PER spans to role mentions written next to them:

* after the name: «محمد سنجری، مدیرعامل سازمان ...», «عبدالقادر آسوبار (نایب‌رئیس اتحادیه)»,
  «X از مقامات ارشد حزب ... و بنیان‌گذار ...»;
* before the name: «شهردار رشتخوار، علی احمدپور», «مدیرعامل سازمان X علی احمدی»;
* coordinated names share a plural title: «X و Y اعضای شورای شهر» -> both «عضو».

Nothing here depends on exact ROLE boundaries beyond "the title is a span of its own".
"""
from __future__ import annotations

from dataclasses import dataclass

from pipeline.document import Document, Span
from pipeline.textkey import fold, key
from pipeline.records.cues import word_set
from pipeline.records.textutil import PUNCT_GAP_RE, TIGHT_GAP_RE, next_word, sorted_entities, words


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
    how: str  # "after" | "before" | "paren" | "coord"


def _is_plural_role(text: str) -> bool:
    ws = text.split()
    return bool(ws) and key(ws[0]) in word_set("group_nouns")


def role_mentions(doc: Document) -> list[RoleMention]:
    """One :class:`RoleMention` per ROLE span, in text order."""
    ents = sorted_entities(doc)
    text = doc.text
    heads = word_set("institution_heads")
    out: list[RoleMention] = []
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
            if w is not None and key(w[2]) in heads and not any(e.start <= w[0] < e.end for e in ents):
                # «نایب‌رئیس اتحادیه»: the bare head refers back to the last ORG starting with it
                head = key(w[2])
                prev_orgs = [e for e in ents if e.label == "ORG" and e.end <= r.start
                             and key(e.text.split()[0]) == head]
                if prev_orgs:
                    org = prev_orgs[-1].text
                    end = w[1]
        out.append(RoleMention(r, r.text, org, loc, r.start, end, _is_plural_role(r.text)))
    # «شهردار و اعضای شورای شهر رشتخوار»: the place distributes over a bare first title
    fixed: list[RoleMention] = []
    for j, m in enumerate(out):
        if m.org is None and m.location is None and j + 1 < len(out):
            n = out[j + 1]
            if key(text[m.end:n.start]) == "و" and n.location and not n.org:
                m = RoleMention(m.span, m.role, None, n.location, m.start, m.end, m.plural)
        fixed.append(m)
    return fixed


def _gap_is_filler(text: str, s: int, e: int, ents: list[Span]) -> bool:
    """«از مقامات ارشد حزب دموکرات و»: filler words and ORG/LOC spans only, starting with «از»."""
    gap = text[s:e]
    if "\n" in gap or len(gap) > 120:
        return False
    fillers = word_set("apposition_fillers")
    ws = words(text, s, e)
    if not ws or key(ws[0][2]) != "از":
        return False
    for ws_, we_, w in ws:
        if any(x.start <= ws_ < x.end and x.label in ("ORG", "LOC") for x in ents):
            continue
        if key(w) not in fillers:
            return False
    return True


def appositions(doc: Document, roles: list[RoleMention] | None = None) -> list[Apposition]:
    """Name–title pairs written next to each other (see the module docstring)."""
    roles = role_mentions(doc) if roles is None else roles
    ents = sorted_entities(doc)
    text = doc.text
    by_start = {m.start: m for m in roles}
    pers = [e for e in ents if e.label == "PER"]
    out: list[Apposition] = []
    claimed: set[int] = set()
    attached: set[int] = set()
    # 1) title after the name
    for p in pers:
        idx = ents.index(p)
        nxt = ents[idx + 1] if idx + 1 < len(ents) else None
        if nxt is None:
            continue
        cand = None
        how = "after"
        gap = text[p.end:nxt.start]
        if nxt.label == "ROLE" and PUNCT_GAP_RE.match(gap) and "\n" not in gap and gap.count("،") + gap.count(",") <= 1:
            cand = by_start.get(nxt.start)
            how = "paren" if "(" in gap else "after"
        else:
            # loose: «X از مقامات ارشد ORG و ROLE ...»
            for later in ents[idx + 1: idx + 4]:
                if later.label == "PER":
                    break
                if later.label == "ROLE" and _gap_is_filler(text, p.end, later.start, ents):
                    cand = by_start.get(later.start)
                    break
        if cand is not None:
            out.append(Apposition(p, cand, how))
            claimed.add(cand.start)
            attached.add(p.start)
    # 2) title before the name: «شهردار رشتخوار، علی احمدپور»
    for p in pers:
        if p.start in attached:
            continue
        prev = [m for m in roles if m.end <= p.start and m.start not in claimed]
        if not prev:
            continue
        m = prev[-1]
        gap = text[m.end:p.start]
        if PUNCT_GAP_RE.match(gap) and "\n" not in gap and "(" not in gap and not m.plural \
                and not any(e.start >= m.end and e.end <= p.start for e in ents):
            out.append(Apposition(p, m, "before"))
            claimed.add(m.start)
            attached.add(p.start)
    # 3) «X و Y اعضای ...»: a plural title distributes over coordinated names
    extra: list[Apposition] = []
    for a in out:
        if not a.role.plural:
            continue
        idx = pers.index(a.person)
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
