"""Officials: named people with the title, organization and place the article gives them.

Which titles are a person's is decided by the learned linker of
:mod:`pipeline.records.official_model` (name–title pairs of the article, scored with the rule
links of :mod:`pipeline.records.coref` among the features). One record per (person, title,
scope) under the person's fullest name; a title stated with and without its organization is one
record. A named person with no title is listed only when the model says so (``untitled``:
``never``, ``speaker`` for people who are quoted, or ``model``: the learned untitled filter); the
shipped model's choice comes from cross-validation on the training articles.
"""
from __future__ import annotations

from pipeline.document import Document
from pipeline.records.coref import Referent, analyze, role_key, scopes_compatible
from pipeline.records.evidence import evidence
from pipeline.records.mentions import RoleMention
from pipeline.schema import Official
from pipeline.textkey import key


def _flat(role: str | None, org: str | None, loc: str | None) -> str:
    """A title with its scope as one word sequence («مدیر» + «ورزش بانوان منطقه ۲» and «مدیر ورزش
    بانوان» + «منطقه ۲» are the same words)."""
    return " ".join(key(w) for w in " ".join(x for x in (role, org or loc) if x).split())


def _same_words_prefix(a: str, b: str) -> bool:
    return a == b or a.startswith(b + " ") or b.startswith(a + " ")


def fields_of(roles: list[tuple[RoleMention, int]]) -> list[tuple[str | None, str | None, str | None, int]]:
    """(role, org, location, offset) per distinct title, merged by compatibility. One title with its
    scope cut in two ways (the same words split between title and scope at another place, or one the
    start of the other, both with a scope) is one: the fuller form stays. A bare title is merged only
    with the same title («نماینده» and «نماینده ولی‌فقیه» may be two offices)."""
    out: list[list] = []
    for rm, off in sorted(roles, key=lambda x: x[1]):
        role, org = rm.member_form()
        loc = rm.location if org == rm.org else None
        for rec in out:
            if role_key(rec[0]) == role_key(role) and scopes_compatible(rec[1], org) \
                    and scopes_compatible(rec[2], loc):
                rec[1] = rec[1] or org
                rec[2] = rec[2] or loc
                break
            fa, fb = _flat(*rec[:3]), _flat(role, org, loc)
            if (rec[1] or rec[2]) and (org or loc) and fa.split()[:1] == fb.split()[:1] and _same_words_prefix(fa, fb):
                if len(fb) > len(fa):
                    rec[:] = [role, org, loc, off]
                break
        else:
            out.append([role, org, loc, off])
    return [tuple(r) for r in out]


def official_fields(ref: Referent) -> list[tuple[str | None, str | None, str | None, int]]:
    """(role, org, location, offset) per distinct title the rules gave ``ref``."""
    return list(ref.memo("fields", ref.roles, lambda: fields_of(ref.roles)))


def find_officials(doc: Document) -> list[Official]:
    """All officials of ``doc`` (see the module docstring)."""
    from pipeline.records.official_model import linked_titles, listed_untitled

    co = analyze(doc)
    linked = linked_titles(doc, co)
    out: list[Official] = []
    for ref in co.referents:
        name = ref.name
        if not name:
            continue
        fields = fields_of(linked.get(ref.id, []))
        first = min(n.start for n in ref.names)
        if not fields:
            if listed_untitled(doc, co, ref):
                n0 = min(ref.names, key=lambda s: s.start)
                out.append(Official(person=name, role=None, org=None, location=None,
                                    evidence=evidence(doc, n0.start, n0.end)))
            continue
        for role, org, loc, off in fields:
            out.append(Official(person=name, role=role, org=org, location=loc,
                                evidence=evidence(doc, off if off >= 0 else first)))
    return out
