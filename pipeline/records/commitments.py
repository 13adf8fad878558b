"""Commitments: agreements, decisions, obligations, promises and plans stated in an article.

Each cue of ``commitment_cues.tsv`` found in the text gives the clause around it
(:func:`pipeline.records.textutil.clause_bounds`, kept inside the quote or sentence it
belongs to, and after «اینکه» when the cue sits in a «با بیان اینکه ...» clause). One
commitment per clause; when a clause has several cues the kind is chosen in the order
agreement > decision > promise > obligation > plan. Cues that overlap a phrase of
``commitment_exclude.txt`` (predictions such as «خواهد داشت», «با برنامه‌ریزی») and
clauses that only refer to something («به ... اشاره کرد») are skipped; a clause that
repeats an earlier commitment (a lead repeated in the body) is dropped.

Fields: ``actor`` is the organization or person named in the clause before the cue,
else the speaker for promises, plans and decisions; ``counterparty`` the ORG/PER after
«با» in the clause; ``deadline`` the first DATE span of the clause; ``figures`` its FIG spans.
"""
from __future__ import annotations

import re

from pipeline.document import Document, Span
from pipeline.textkey import fold, key
from pipeline.records.coref import analyze
from pipeline.records.cues import lexicon_cues, word_set
from pipeline.records.evidence import evidence
from pipeline.records.textutil import clause_bounds, prev_word, sorted_entities, strip_span, words
from pipeline.schema import Commitment

KIND_ORDER = ("agreement", "decision", "promise", "obligation", "plan")
_THAT_RE = re.compile(r"(?:این[\s\u200c]*که|اینکه)[\s\u200c]+")
_REFERENCE_RE = re.compile(r"اشاره[\s\u200c]+(?:کرد|کردند|نمود|داشت)")


def _word_set(text: str) -> set[str]:
    return {key(w) for _, _, w in words(text)} - {""}


def _overlap(a: str, b: str) -> float:
    sa, sb = _word_set(a), _word_set(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / min(len(sa), len(sb))


def _region(doc: Document, pos: int, statements: list[tuple[int, int]]) -> tuple[int, int]:
    sent = doc.sentence_at(pos)
    lo, hi = (sent.start, sent.end) if sent else (0, len(doc.text))
    for s, e in statements:
        if s <= pos < e:
            lo, hi = max(lo, s), min(hi, e) if e > pos else hi
            break
    return lo, hi


def _actor(doc: Document, ents: list[Span], cs: int, cue_start: int, sources: frozenset[str]) -> str | None:
    groups = word_set("group_nouns")
    head = words(doc.text, cs, cue_start)[:3]
    limit = head[-1][1] if head else cs
    for e in ents:
        if cs <= e.start < limit and e.end <= cue_start and e.label in ("ORG", "PER"):
            if e.label == "ORG" and any(key(e.text).startswith(s) for s in sources):
                continue
            return e.text
    generic = word_set("generic_orgs")
    plural_bodies = {k for k in generic if k.endswith(("ها", "های"))} | {k + p for k in generic for p in ("ها", "های")}
    for ws, we, w in words(doc.text, cs, cue_start)[:3]:
        # a group of people («باغداران») or of institutions («شهرداری‌ها», «دستگاه‌های اجرایی»)
        if key(w) in groups or key(w) in plural_bodies:
            return w
    return None


def find_commitments(doc: Document) -> list[Commitment]:
    """All commitments of ``doc`` in text order (see the module docstring)."""
    co = analyze(doc)
    text = doc.text
    ft = fold(text)
    ents = sorted_entities(doc)
    sources = word_set("news_sources")
    exclusions = list(lexicon_cues("commitment_exclude").finditer(ft, folded=True))
    statements = sorted(ev.statement for ev, _ in co.events if ev.statement is not None)
    found: dict[tuple[int, int], dict] = {}
    for cm in lexicon_cues("commitment_cues.tsv").finditer(ft, folded=True):
        if any(x.start < cm.end and cm.start < x.end for x in exclusions):
            continue
        lo, hi = _region(doc, cm.start, statements)
        cs, ce = clause_bounds(text, cm.start, lo, hi)
        # «با بیان اینکه X باید ...، گفت»: the commitment starts after «اینکه»
        for m in _THAT_RE.finditer(ft, cs, cm.start):
            cs = m.end()
        cs, ce = strip_span(text, cs, ce)
        if ce <= cs or _REFERENCE_RE.search(ft, cs, ce):
            continue
        kind = cm.label or "plan"
        slot = found.get((cs, ce))
        if slot is not None:
            if KIND_ORDER.index(kind) < KIND_ORDER.index(slot["kind"]):
                slot["kind"], slot["cue"] = kind, cm
            continue
        found[(cs, ce)] = {"kind": kind, "cue": cm}
    out: list[Commitment] = []
    for (cs, ce), slot in sorted(found.items()):
        content = text[cs:ce]
        if any(_overlap(content, c.content) >= 0.8 and len(_word_set(content)) > 3 for c in out):
            continue
        cm = slot["cue"]
        kind = slot["kind"]
        actor = _actor(doc, ents, cs, cm.start, sources)
        if actor is None and kind in ("promise", "plan", "decision"):
            ref = co.speaker_at(cm.start)
            actor = ref.display if ref is not None else None
        counterparty = None
        for e in ents:
            if cs <= e.start and e.end <= ce and e.label in ("ORG", "PER") and e.start > cm.start - 200:
                pw = prev_word(text, e.start)
                if pw is not None and key(pw[2]) == "با" and e.text != actor:
                    counterparty = e.text
                    break
        inside = [e for e in ents if cs <= e.start and e.end <= ce]
        deadline = next((e.text for e in inside if e.label == "DATE"), None)
        figures = [e.text for e in inside if e.label == "FIG"]
        out.append(Commitment(kind=kind, actor=actor, counterparty=counterparty, content=content,
                              deadline=deadline, figures=figures, evidence=evidence(doc, cs, ce)))
    return out
