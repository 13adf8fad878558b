"""pipeline.records.attribution: speech events (subject + statement) on hand-built Documents."""
from __future__ import annotations

import pytest

from pipeline.document import Document
from pipeline.records.attribution import sentence_subjects, speech_events
from tests.records import conftest


def make_doc(text: str, entities: list[tuple[str, str]]) -> Document:
    return conftest.make_doc(text, entities, tokens=False)


def _events(text, ents):
    doc = make_doc(text, ents)
    return [(e.frame, e.colon, e.subject and (e.subject.kind, e.subject.text),
             e.statement and text[e.statement[0]:e.statement[1]]) for e in speech_events(doc)]


@pytest.mark.parametrize("text, ents, expected", [
    # colon: the statement is what follows it
    ("بهروز کیانی گفت: کار پل تا پایان سال تمام می‌شود.", [("PER", "بهروز کیانی")],
     [("say", True, ("PER", "بهروز کیانی"), "کار پل تا پایان سال تمام می‌شود.")]),
    # «گفت که ...» with a role phrase as subject
    ("شهردار کرج گفت که بودجه پروژه تامین شده است.", [("ROLE", "شهردار"), ("LOC", "کرج")],
     [("say", False, ("ROLE", "شهردار کرج"), "بودجه پروژه تامین شده است")]),
    # no colon, a finite clause follows the verb; older orthography (Arabic ي)
    ("بهروز کياني گفت بودجه پروژه تامين شده است.", [("PER", "بهروز کياني")],
     [("say", False, ("PER", "بهروز کياني"), "بودجه پروژه تامين شده است")]),
    # «X از ... خبر داد» with a pronoun subject
    ("وی از آغاز ساخت پل خبر داد.", [],
     [("from", False, ("PRON", "وی"), "آغاز ساخت پل")]),
    # «X بر ... تأکید کرد»: the statement starts after «بر»
    ("مریم احمدی بر لزوم ایمنی ساختمان ها تاکید کرد.", [("PER", "مریم احمدی")],
     [("say", False, ("PER", "مریم احمدی"), "لزوم ایمنی ساختمان ها")]),
    # belief verb: the statement follows «که»
    ("علی رضایی معتقد است که شهر به پارک نیاز دارد.", [("PER", "علی رضایی")],
     [("after", False, ("PER", "علی رضایی"), "شهر به پارک نیاز دارد")]),
    # «به گفته X، ...»
    ("به گفته بهروز کیانی، کار پل تا پایان سال تمام می‌شود.", [("PER", "بهروز کیانی")],
     [("according", False, ("PER", "بهروز کیانی"), "کار پل تا پایان سال تمام می‌شود")]),
    # a name after a preposition is never a subject; without a colon there is no event
    ("در دیدار با بهروز کیانی گفت که کار تمام شد.", [("PER", "بهروز کیانی")], []),
    # a speech verb inside «...» is not an event of this text
    ("مردم می‌گویند «شهردار گفت که کار تمام شد» و منتظرند.", [("ROLE", "شهردار")], []),
])
def test_speech_events(text, ents, expected):
    assert _events(text, ents) == expected


def _arabic(s: str) -> str:
    return s.replace("ی", "ي").replace("ک", "ك")


@pytest.mark.parametrize("form", [lambda s: s, _arabic], ids=["persian", "arabic-yk"])
@pytest.mark.parametrize("text, ents, subject, statement", [
    # a quotation right after the verb, no colon: it ends at its closing »
    ("او گفت «این کار را می‌کنیم» و رفت.", [], ("PRON", "او"), "این کار را می‌کنیم"),
    ("بهروز کیانی گفت «بودجه کم است».", [("PER", "بهروز کیانی")], ("PER", "بهروز کیانی"), "بودجه کم است"),
    # «گفت که «...»»; a full stop inside the quotation does not cut it
    ("مریم احمدی گفت که «پل تمام شد. جاده هم تمام می‌شود» و از جلسه بیرون رفت.", [("PER", "مریم احمدی")],
     ("PER", "مریم احمدی"), "پل تمام شد. جاده هم تمام می‌شود"),
    # nested guillemets stay inside
    ("وی گفت «نام طرح «باغ شهر» است» و ادامه داد.", [], ("PRON", "وی"), "نام طرح «باغ شهر» است"),
])
def test_quoted_statement_after_verb_stops_at_closing_quote(text, ents, subject, statement, form):
    ev = _events(form(text), [(lab, form(sub)) for lab, sub in ents])
    assert ev[0][2] == (subject[0], form(subject[1]))
    assert ev[0][3] == form(statement)


def test_colon_statement_runs_over_wrapped_lines_until_the_next_speaker():
    text = ("بهروز کیانی گفت:\nکار پل ادامه دارد و\nتا پایان سال تمام می‌شود.\n"
            "مریم احمدی گفت: بودجه آن تامین شده است.")
    ev = _events(text, [("PER", "بهروز کیانی"), ("PER", "مریم احمدی")])
    assert ev == [
        ("say", True, ("PER", "بهروز کیانی"), "کار پل ادامه دارد و\nتا پایان سال تمام می‌شود."),
        ("say", True, ("PER", "مریم احمدی"), "بودجه آن تامین شده است."),
    ]


def test_event_offsets_point_at_the_verb():
    text = "بهروز کیانی گفت: کار پل تمام می‌شود."
    (ev,) = speech_events(make_doc(text, [("PER", "بهروز کیانی")]))
    assert text[ev.verb_start:ev.verb_end] == "گفت"
    assert ev.sent_start == 0
    assert ev.subject.per is not None and ev.subject.per.text == "بهروز کیانی"


def test_sentence_subjects_are_clause_initial_names():
    text = "بهروز کیانی به کرج رفت. در دیدار با مریم احمدی صحبت شد. علی رضایی آمد."
    doc = make_doc(text, [("PER", "بهروز کیانی"), ("LOC", "کرج"), ("PER", "مریم احمدی"), ("PER", "علی رضایی")])
    assert [(m.kind, m.text) for m in sentence_subjects(doc)] == [("PER", "بهروز کیانی"), ("PER", "علی رضایی")]


@pytest.mark.parametrize("form", [lambda s: s, _arabic], ids=["persian", "arabic-yk"])
@pytest.mark.parametrize("text, ents, subject", [
    # the report prefix runs on into the name without a comma: the name is the subject
    ("به گزارش خبرگزاری فارس به نقل از دفتر فرماندار میبد کاوه نیکو در آیین افتتاح، "
     "این پروژه را مهم دانست.", [("ORG", "خبرگزاری فارس"), ("PER", "کاوه نیکو")], ("PER", "کاوه نیکو")),
    # a comma ends the prefix: the subject comes after it
    ("به گزارش خبرگزاری فارس از یزد، کاوه نیکو گفت: کار پل تمام شد.",
     [("ORG", "خبرگزاری فارس"), ("LOC", "یزد"), ("PER", "کاوه نیکو")], ("PER", "کاوه نیکو")),
])
def test_report_prefix_without_comma_before_the_name(text, ents, subject, form):
    ev = _events(form(text), [(lab, form(sub)) for lab, sub in ents])
    assert ev and ev[0][2] == (subject[0], form(subject[1]))


@pytest.mark.parametrize("form", [lambda s: s, _arabic], ids=["persian", "arabic-yk"])
@pytest.mark.parametrize("text, ents, subject", [
    # a demonstrative closes «این جلسه»: the title after it is the subject
    ("در ادامه این نشست نماینده مردم کرج هم گفت: کار ادامه دارد.", [("ROLE", "نماینده"), ("LOC", "کرج")],
     ("ROLE", "نماینده")),
    ("در همین نشست فرماندار شهرستان گفت: طرح آماده است.", [("ROLE", "فرماندار")], ("ROLE", "فرماندار")),
    # without the demonstrative «جلسه» governs the next noun: no subject
    ("در جلسه نماینده مردم کرج گفت: کار ادامه دارد.", [("ROLE", "نماینده"), ("LOC", "کرج")], None),
    # a preposition stays a preposition even after «این»-like words
    ("در این باره با فرماندار گفت: کار ادامه دارد.", [("ROLE", "فرماندار")], None),
])
def test_demonstrative_closes_the_noun_before_a_subject(text, ents, subject, form):
    text = form(text)
    ents = [(lab, form(s)) for lab, s in ents]
    events = speech_events(make_doc(text, ents))
    assert len(events) == 1
    got = events[0].subject
    if subject is None:
        assert got is None
    else:
        assert (got.kind, got.role.role) == (subject[0], form(subject[1]))
