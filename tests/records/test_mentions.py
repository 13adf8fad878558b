"""pipeline.records.mentions: role mentions with their scope and name–title appositions.

Documents are hand-built (text + entity substrings, see conftest.make_doc); no tagger model.
"""
from __future__ import annotations

import pytest

from pipeline.document import Document
from pipeline.records.mentions import appositions, role_mentions
from tests.records import conftest


def make_doc(text: str, entities: list[tuple[str, str]]) -> Document:
    return conftest.make_doc(text, entities, tokens=False)


def _roles(doc):
    return [(m.role, m.org, m.location, doc.text[m.start:m.end], m.plural) for m in role_mentions(doc)]


def _apps(doc):
    return [(a.person.text, a.role.role, a.how) for a in appositions(doc)]


@pytest.mark.parametrize("text, ents, roles, apps", [
    # title after the name, with its organization
    ("مهدی کاظمی، مدیرعامل سازمان آتش‌نشانی گفت",
     [("PER", "مهدی کاظمی"), ("ROLE", "مدیرعامل"), ("ORG", "سازمان آتش‌نشانی")],
     [("مدیرعامل", "سازمان آتش‌نشانی", None, "مدیرعامل سازمان آتش‌نشانی", False)],
     [("مهدی کاظمی", "مدیرعامل", "after")]),
    # title before the name, with its place
    ("شهردار بابل، بهروز کیانی گفت",
     [("ROLE", "شهردار"), ("LOC", "بابل"), ("PER", "بهروز کیانی")],
     [("شهردار", None, "بابل", "شهردار بابل", False)],
     [("بهروز کیانی", "شهردار", "before")]),
    # older orthography (Arabic ي/ك) behaves the same
    ("شهردار كرج، محمد علوي گفت",
     [("ROLE", "شهردار"), ("LOC", "كرج"), ("PER", "محمد علوي")],
     [("شهردار", None, "كرج", "شهردار كرج", False)],
     [("محمد علوي", "شهردار", "before")]),
    # title in parentheses; no earlier ORG for the bare head «اتحادیه»
    ("سارا نیکو (نایب‌رئیس اتحادیه) گفت",
     [("PER", "سارا نیکو"), ("ROLE", "نایب‌رئیس")],
     [("نایب‌رئیس", None, None, "نایب‌رئیس", False)],
     [("سارا نیکو", "نایب‌رئیس", "paren")]),
    # the bare head «اتحادیه» refers back to the last ORG starting with it
    ("اتحادیه صنف نانوایان جلسه داشت. سارا نیکو (نایب‌رئیس اتحادیه) گفت",
     [("ORG", "اتحادیه صنف نانوایان"), ("PER", "سارا نیکو"), ("ROLE", "نایب‌رئیس")],
     [("نایب‌رئیس", "اتحادیه صنف نانوایان", None, "نایب‌رئیس اتحادیه", False)],
     [("سارا نیکو", "نایب‌رئیس", "paren")]),
    # «نماینده» + ORG + «در» LOC: the place the office covers
    ("نماینده سازمان بهزیستی در استان سمنان گفت",
     [("ROLE", "نماینده"), ("ORG", "سازمان بهزیستی"), ("LOC", "استان سمنان")],
     [("نماینده", "سازمان بهزیستی", "استان سمنان", "نماینده سازمان بهزیستی در استان سمنان", False)],
     []),
    # a plural title distributes over coordinated names
    ("علی رضایی و مریم احمدی اعضای شورای شهر کرج گفتند",
     [("PER", "علی رضایی"), ("PER", "مریم احمدی"), ("ROLE", "اعضای شورای شهر"), ("LOC", "کرج")],
     [("اعضای شورای شهر", None, "کرج", "اعضای شورای شهر کرج", True)],
     [("علی رضایی", "اعضای شورای شهر", "coord"), ("مریم احمدی", "اعضای شورای شهر", "after")]),
    # a second title joined by «و» is the same person's
    ("علی رضایی، شهردار کرج و رئیس اتحادیه شهرداری‌ها گفت",
     [("PER", "علی رضایی"), ("ROLE", "شهردار"), ("LOC", "کرج"), ("ROLE", "رئیس"), ("ORG", "اتحادیه شهرداری‌ها")],
     [("شهردار", None, "کرج", "شهردار کرج", False),
      ("رئیس", "اتحادیه شهرداری‌ها", None, "رئیس اتحادیه شهرداری‌ها", False)],
     [("علی رضایی", "شهردار", "after"), ("علی رضایی", "رئیس", "second")]),
    # ... unless a name follows the second title: then it is that name's
    ("علی رضایی، شهردار کرج و مدیرعامل سازمان پارک‌ها، حسن کریمی گفتند",
     [("PER", "علی رضایی"), ("ROLE", "شهردار"), ("LOC", "کرج"), ("ROLE", "مدیرعامل"), ("ORG", "سازمان پارک‌ها"),
      ("PER", "حسن کریمی")],
     [("شهردار", None, "کرج", "شهردار کرج", False),
      ("مدیرعامل", "سازمان پارک‌ها", None, "مدیرعامل سازمان پارک‌ها", False)],
     [("علی رضایی", "شهردار", "after"), ("حسن کریمی", "مدیرعامل", "before")]),
    # the place distributes over a bare first title; a plural title before no name links nobody
    ("شهردار و اعضای شورای شهر بابل آمدند",
     [("ROLE", "شهردار"), ("ROLE", "اعضای شورای شهر"), ("LOC", "بابل")],
     [("شهردار", None, "بابل", "شهردار", False), ("اعضای شورای شهر", None, "بابل", "اعضای شورای شهر بابل", True)],
     []),
    # a line break separates a title from the name
    ("شهردار\nبهروز کیانی گفت",
     [("ROLE", "شهردار"), ("PER", "بهروز کیانی")],
     [("شهردار", None, None, "شهردار", False)],
     []),
    # a word between title and name: no apposition
    ("شهردار گفت که بهروز کیانی آمد",
     [("ROLE", "شهردار"), ("PER", "بهروز کیانی")],
     [("شهردار", None, None, "شهردار", False)],
     []),
])
def test_roles_and_appositions(text, ents, roles, apps):
    doc = make_doc(text, ents)
    assert _roles(doc) == roles
    assert _apps(doc) == apps


def test_member_form_of_a_plural_council_title():
    doc = make_doc("علی رضایی و مریم احمدی اعضای شورای شهر کرج گفتند",
                   [("PER", "علی رضایی"), ("PER", "مریم احمدی"), ("ROLE", "اعضای شورای شهر"), ("LOC", "کرج")])
    (m,) = role_mentions(doc)
    assert m.member_form() == ("عضو", "شورای شهر کرج")
    assert m.scope == "کرج"


def test_member_form_of_a_singular_title_is_unchanged():
    doc = make_doc("مهدی کاظمی، مدیرعامل سازمان آتش‌نشانی گفت",
                   [("PER", "مهدی کاظمی"), ("ROLE", "مدیرعامل"), ("ORG", "سازمان آتش‌نشانی")])
    (m,) = role_mentions(doc)
    assert m.member_form() == ("مدیرعامل", "سازمان آتش‌نشانی")
    assert m.scope == "سازمان آتش‌نشانی"


def test_appositions_accept_precomputed_roles():
    doc = make_doc("شهردار بابل، بهروز کیانی گفت", [("ROLE", "شهردار"), ("LOC", "بابل"), ("PER", "بهروز کیانی")])
    assert appositions(doc, roles=[]) == []
    (a,) = appositions(doc, roles=role_mentions(doc))
    assert (a.person.start, a.role.start, a.how) == (doc.text.index("بهروز"), 0, "before")


def _arabic(s: str) -> str:
    return s.replace("ی", "ي").replace("ک", "ك")


@pytest.mark.parametrize("form", [lambda s: s, _arabic, lambda s: s.replace("به عنوان", "به‌عنوان")],
                         ids=["persian", "arabic-yk", "joined-be"])
@pytest.mark.parametrize("text, ents, apps", [
    # «X را به عنوان ROLE ... منصوب کرد»
    ("استاندار، سارا نیکو را به عنوان فرماندار کاشان منصوب کرد.",
     [("ROLE", "استاندار"), ("PER", "سارا نیکو"), ("ROLE", "فرماندار"), ("LOC", "کاشان")],
     [("سارا نیکو", "فرماندار", "as")]),
    # «X به عنوان ROLE ... معرفی شد»
    ("در این مراسم حمید توانا به عنوان شهردار جدید معرفی شد.",
     [("PER", "حمید توانا"), ("ROLE", "شهردار")],
     [("حمید توانا", "شهردار", "as")]),
    # an ordinal between «به عنوان» and the title
    ("در این مراسم حمید توانا به عنوان نخستین شهردار شهر جدید معرفی شد.",
     [("PER", "حمید توانا"), ("ROLE", "شهردار")],
     [("حمید توانا", "شهردار", "as")]),
    ("حمید توانا به عنوان سومین فرماندار شهرستان منصوب شد.",
     [("PER", "حمید توانا"), ("ROLE", "فرماندار")],
     [("حمید توانا", "فرماندار", "as")]),
    # words between the name and «به عنوان»: not an apposition (the linker decides)
    ("حمید توانا پس از سال‌ها به عنوان شهردار کار کرد.",
     [("PER", "حمید توانا"), ("ROLE", "شهردار")],
     []),
])
def test_as_title_apposition(text, ents, apps, form):
    doc = make_doc(form(text), [(lab, form(sub)) for lab, sub in ents])
    assert _apps(doc) == [(form(p), form(r), h) for p, r, h in apps]


@pytest.mark.parametrize("form", [lambda s: s, _arabic], ids=["persian", "arabic-yk"])
@pytest.mark.parametrize("text, ents, apps", [
    # a group title right after one name is that name's object, not its title
    ("سارا نیکو اعضای ستاد نوروزی را خادمان مردم خواند.",
     [("PER", "سارا نیکو"), ("ROLE", "اعضای ستاد"), ("ORG", "ستاد نوروزی")],
     []),
    # coordinated names share it
    ("سارا نیکو و حمید توانا اعضای شورای شهر کاشان گفتند: کار ادامه دارد.",
     [("PER", "سارا نیکو"), ("PER", "حمید توانا"), ("ROLE", "اعضای شورای شهر"), ("LOC", "کاشان")],
     [("سارا نیکو", "اعضای شورای شهر", "coord"), ("حمید توانا", "اعضای شورای شهر", "after")]),
    # a singular title after one name stays an apposition
    ("سارا نیکو عضو شورای شهر کاشان گفت: کار ادامه دارد.",
     [("PER", "سارا نیکو"), ("ROLE", "عضو شورای شهر"), ("LOC", "کاشان")],
     [("سارا نیکو", "عضو شورای شهر", "after")]),
])
def test_group_title_after_a_single_name(text, ents, apps, form):
    doc = make_doc(form(text), [(lab, form(sub)) for lab, sub in ents])
    assert _apps(doc) == [(form(p), form(r), h) for p, r, h in apps]


@pytest.mark.parametrize("form", [lambda s: s, _arabic], ids=["persian", "arabic-yk"])
@pytest.mark.parametrize("text, ents, apps", [
    # a second title after a few more words of the first title's phrase and «و»
    ("آیت‌الله حسن نیکو نماینده ولی‌فقیه در استان و امام جمعه کاشان سخنرانی کرد.",
     [("PER", "حسن نیکو"), ("ROLE", "نماینده"), ("ROLE", "امام جمعه"), ("LOC", "کاشان")],
     [("حسن نیکو", "نماینده", "after"), ("حسن نیکو", "امام جمعه", "second")]),
    # a finite verb in between ends the first title's phrase: the next title is someone else's
    ("حسن نیکو نماینده استان گفت و شهردار کاشان پاسخ داد.",
     [("PER", "حسن نیکو"), ("ROLE", "نماینده"), ("ROLE", "شهردار"), ("LOC", "کاشان")],
     [("حسن نیکو", "نماینده", "after")]),
    # too many words between: not a second title
    ("حسن نیکو نماینده مردم شهر در دوره‌های پیشین مجلس و شهردار کاشان آمدند.",
     [("PER", "حسن نیکو"), ("ROLE", "نماینده"), ("ROLE", "شهردار"), ("LOC", "کاشان")],
     [("حسن نیکو", "نماینده", "after")]),
])
def test_second_title_after_the_first_titles_phrase(text, ents, apps, form):
    doc = make_doc(form(text), [(lab, form(sub)) for lab, sub in ents])
    assert _apps(doc) == [(form(p), form(r), h) for p, r, h in apps]
