"""Officials: named people with the title, organization and place the article gives them.

One record per (person, title, scope) under the person's fullest name; a title stated
with and without its organization is one record. Named people with no title get a
record with ``role=None`` when they take part in the story (speakers, people in a
meeting sentence, «با حضور X»), not when they are only mentioned in passing.
"""
from __future__ import annotations

from pipeline.document import Document
from pipeline.textkey import fold, key
from pipeline.records.coref import Referent, analyze, role_key, scopes_compatible
from pipeline.lexicons.matcher import cue_classes
from pipeline.records.evidence import evidence
from pipeline.records.textutil import prev_word
from pipeline.schema import Official


def _in_story(doc: Document, ref: Referent) -> bool:
    if ref.speaker:
        return True
    cues = cue_classes()
    for n in ref.names:
        sent = doc.sentence_at(n.start)
        if sent is not None and cues.search(doc.text, "meeting.noun", sent.start, sent.end) is not None:
            return True
        pw = prev_word(doc.text, n.start)
        if pw is not None and key(pw[2]) in ("حضور", "همراهی", "ریاست"):
            return True
    return False


def official_fields(ref: Referent) -> list[tuple[str | None, str | None, str | None, int]]:
    """(role, org, location, offset) per distinct title of ``ref``, merged by compatibility."""
    out: list[list] = []
    for rm, off in sorted(ref.roles, key=lambda x: x[1]):
        role, org = rm.member_form()
        loc = rm.location if org == rm.org else None
        for rec in out:
            if role_key(rec[0]) == role_key(role) and scopes_compatible(rec[1], org) \
                    and scopes_compatible(rec[2], loc):
                rec[1] = rec[1] or org
                rec[2] = rec[2] or loc
                break
        else:
            out.append([role, org, loc, off])
    return [tuple(r) for r in out]


def find_officials(doc: Document) -> list[Official]:
    """All officials of ``doc`` (see the module docstring)."""
    co = analyze(doc)
    out: list[Official] = []
    for ref in co.referents:
        name = ref.name
        if not name:
            continue
        fields = official_fields(ref)
        first = min(n.start for n in ref.names)
        if not fields:
            if not _in_story(doc, ref):
                continue
            n0 = min(ref.names, key=lambda s: s.start)
            out.append(Official(person=name, role=None, org=None, location=None,
                                evidence=evidence(doc, n0.start, n0.end)))
            continue
        for role, org, loc, off in fields:
            out.append(Official(person=name, role=role, org=org, location=loc,
                                evidence=evidence(doc, off if off >= 0 else first)))
    return out
