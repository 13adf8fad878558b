"""Meetings: event frames, merging repeated mentions, participants, groups, generic uses."""
from pipeline.textkey import key
from pipeline.records.meetings import find_meetings

from .conftest import make_doc


def _people(m):
    return [p.person or p.group or p.org for p in m.participants]


def test_visit_mentioned_twice_is_one_meeting_with_both_sides():
    text = ("ناصر کرمی، استاندار گیلان صبح امروز در دیدار با مینا شریفی شهردار رشت در رشت گفت: "
            "همکاری ادامه دارد.\nدر این دیدار شریفی گفت: طرح‌ها آماده است.")
    doc = make_doc(text, [("PER", "ناصر کرمی"), ("ROLE", "استاندار"), ("LOC", "گیلان"), ("DATE", "صبح امروز"),
                          ("PER", "مینا شریفی"), ("ROLE", "شهردار"), ("LOC", "رشت"), ("LOC", "رشت"),
                          ("PER", "شریفی")])
    (m,) = find_meetings(doc)
    assert m.kind == "دیدار"
    assert set(_people(m)) == {"ناصر کرمی", "مینا شریفی"}
    assert m.date == "صبح امروز"
    assert m.location == "رشت"


def test_generic_and_plural_uses_are_not_meetings():
    text = "آرش نیکو گفت: برگزاری جلسات متعدد بدون نتیجه مفید نیست و تعداد بازدید از سایت بالا رفته است."
    doc = make_doc(text, [("PER", "آرش نیکو")])
    assert find_meetings(doc) == []


def test_session_with_topic_unnamed_official_and_groups():
    text = ("جلسه شورای ترافیک شهر قزوین با موضوع ساماندهی پایانه‌ها با حضور مدیرکل حمل‌ونقل استانداری قزوین و "
            "جمعی از رانندگان تاکسی برگزار شد.")
    doc = make_doc(text, [("ORG", "شورای ترافیک شهر قزوین"), ("ROLE", "مدیرکل حمل‌ونقل"),
                          ("ORG", "استانداری قزوین")])
    (m,) = find_meetings(doc)
    assert m.kind == "جلسه"
    assert key(m.topic) == key("ساماندهی پایانه‌ها")
    unnamed = [p for p in m.participants if p.person is None and p.role]
    assert unnamed and unnamed[0].org == "استانداری قزوین"
    assert any(p.group and p.group.startswith("جمعی از رانندگان") for p in m.participants)
    assert "شورای ترافیک شهر قزوین" in m.organizations


def test_main_meeting_collects_the_speakers_that_follow():
    text = ("ششمین گردهمایی دهیاران استان ایلام در ایلام برگزار شد.\n"
            "مهدی راد، معاون استاندار گفت: دهیاری‌ها نوسازی می‌شوند.\n"
            "سارا کیانی، مدیرکل امور روستایی نیز گفت: آموزش‌ها ادامه دارد.")
    doc = make_doc(text, [("LOC", "استان ایلام"), ("LOC", "ایلام"), ("PER", "مهدی راد"), ("ROLE", "معاون استاندار"),
                          ("PER", "سارا کیانی"), ("ROLE", "مدیرکل امور روستایی")])
    (m,) = find_meetings(doc)
    assert m.kind == "گردهمایی"
    names = _people(m)
    assert "مهدی راد" in names and "سارا کیانی" in names
    assert any(p.group and p.group.startswith("دهیاران") for p in m.participants)


def test_two_different_meetings_stay_apart():
    text = ("وزیر نیرو ایران در دیدار با وزیر انرژی ترکیه درباره برق گفت‌وگو کرد.\n"
            "وزیر راه ایران با سفیر ژاپن در تهران دیدار کرد.")
    doc = make_doc(text, [("ROLE", "وزیر نیرو"), ("LOC", "ایران"), ("ROLE", "وزیر انرژی"), ("LOC", "ترکیه"),
                          ("ROLE", "وزیر راه"), ("LOC", "ایران"), ("ROLE", "سفیر"), ("LOC", "ژاپن"), ("LOC", "تهران")])
    ms = find_meetings(doc)
    assert len(ms) == 2
    assert {p.org for p in ms[0].participants} == {"ایران", "ترکیه"}
    assert {p.org for p in ms[1].participants} == {"ایران", "ژاپن"}
