"""Officials: appositions, titles before names, parentheses, plural titles, headline titles."""
from dataclasses import replace

import pytest

from pipeline.textkey import key
from pipeline.records.official_model import shipped_model, using_model
from pipeline.records.officials import find_officials

from .conftest import make_doc


def _by_person(offs):
    return {key(o.person): o for o in offs}


def test_apposition_after_name_with_organization():
    doc = make_doc("رضا کریمی، مدیرعامل سازمان آتش‌نشانی شیراز گفت: ناوگان نو شده است.",
                   [("PER", "رضا کریمی"), ("ROLE", "مدیرعامل"), ("ORG", "سازمان آتش‌نشانی شیراز")])
    offs = find_officials(doc)
    assert len(offs) == 1
    o = offs[0]
    assert (o.person, o.role, o.org, o.location) == ("رضا کریمی", "مدیرعامل", "سازمان آتش‌نشانی شیراز", None)
    assert o.evidence is not None and "رضا کریمی" in o.evidence.text


def test_title_before_name_gives_location():
    doc = make_doc("شهردار کرمان، حسین نادری در این مراسم گفت: کار پل تمام شد.",
                   [("ROLE", "شهردار"), ("LOC", "کرمان"), ("PER", "حسین نادری")])
    (o,) = find_officials(doc)
    assert (o.person, o.role, o.location, o.org) == ("حسین نادری", "شهردار", "کرمان", None)


def test_parentheses_and_bare_institution_word():
    text = ("نشست اتحادیه دهیاران فارس برگزار شد. در این نشست مریم احمدی (نایب‌رئیس اتحادیه) و "
            "کاوه نوری (خزانه‌دار اتحادیه) نظرات خود را گفتند.")
    doc = make_doc(text, [("ORG", "اتحادیه دهیاران فارس"), ("PER", "مریم احمدی"), ("ROLE", "نایب‌رئیس"),
                          ("PER", "کاوه نوری"), ("ROLE", "خزانه‌دار")])
    offs = _by_person(find_officials(doc))
    assert offs[key("مریم احمدی")].role == "نایب‌رئیس"
    assert offs[key("مریم احمدی")].org == "اتحادیه دهیاران فارس"
    assert offs[key("کاوه نوری")].role == "خزانه‌دار"


def test_plural_title_distributes_over_coordinated_names():
    doc = make_doc("علی رضایی و حسن موسوی اعضای شورای شهر یزد از بازار بازدید کردند.",
                   [("PER", "علی رضایی"), ("PER", "حسن موسوی"), ("ROLE", "اعضای شورای شهر"), ("LOC", "یزد")])
    offs = _by_person(find_officials(doc))
    for name in ("علی رضایی", "حسن موسوی"):
        assert offs[key(name)].role == "عضو"
        assert key(offs[key(name)].org) == key("شورای شهر یزد")


def test_headline_title_is_linked_to_the_next_named_speaker():
    text = ("شهردار زنجان گفت: دو پارک تازه ساخته می‌شود.\n"
            "به گزارش خبرنگار ما، امیر صالحی صبح امروز در جلسه شورای شهر اظهار کرد: کار پارک‌ها آغاز شده است.")
    doc = make_doc(text, [("ROLE", "شهردار"), ("LOC", "زنجان"), ("PER", "امیر صالحی"), ("DATE", "صبح امروز")])
    (o,) = find_officials(doc)
    assert (o.person, o.role, o.location) == ("امیر صالحی", "شهردار", "زنجان")


def test_one_record_per_title_under_the_fullest_name():
    text = ("محمد باقری، فرماندار بم گفت: جاده تعریض می‌شود. باقری افزود: فرماندار بم پیگیر است. "
            "فرماندار بم ادامه داد: اعتبار آن تأمین شده است.")
    doc = make_doc(text, [("PER", "محمد باقری"), ("ROLE", "فرماندار"), ("LOC", "بم"), ("PER", "باقری"),
                          ("ROLE", "فرماندار"), ("LOC", "بم"), ("ROLE", "فرماندار"), ("LOC", "بم")])
    offs = find_officials(doc)
    assert [(o.person, o.role) for o in offs] == [("محمد باقری", "فرماندار")]


def test_names_only_in_passing_are_not_officials_and_untitled_speakers_only_by_the_model():
    text = "شعری از حافظ خوانده شد. نادر قاسمی گفت: این برنامه ادامه دارد."
    doc = make_doc(text, [("PER", "حافظ"), ("PER", "نادر قاسمی")])
    # the shipped untitled filter may list the speaker the report opens with, never the poet named in passing
    assert key("حافظ") not in {key(o.person) for o in find_officials(doc)}
    with using_model(replace(shipped_model(), untitled="never")):
        assert find_officials(doc) == []


def test_untitled_speakers_are_listed_when_the_model_says_so():
    text = "شعری از حافظ خوانده شد. نادر قاسمی گفت: این برنامه ادامه دارد."
    doc = make_doc(text, [("PER", "حافظ"), ("PER", "نادر قاسمی")])
    m = shipped_model()
    with using_model(replace(m, untitled="speaker")):
        offs = find_officials(doc)
    assert [(o.person, o.role) for o in offs] == [("نادر قاسمی", None)]


def _arabic(s: str) -> str:
    return s.replace("ی", "ي").replace("ک", "ك")


def _split(s: str) -> str:
    return s.replace("\u200c", " ")


LINKS = [
    # «X به عنوان ROLE ... معرفی شد»: the title after «به عنوان» is the person's
    ("در این مراسم رضا کاظمی به عنوان مدیرعامل سازمان پارک‌ها معرفی شد.",
     [("PER", "رضا کاظمی"), ("ROLE", "مدیرعامل"), ("ORG", "سازمان پارک‌ها")],
     {("رضا کاظمی", "مدیرعامل")}),
    # «استاندار ...، X را به عنوان ROLE ... منصوب کرد»: the appointer's title is not the appointee's
    ("استاندار یزد با صدور حکمی، مهدی نوری را به عنوان فرماندار میبد منصوب کرد.",
     [("ROLE", "استاندار"), ("LOC", "یزد"), ("PER", "مهدی نوری"), ("ROLE", "فرماندار"), ("LOC", "میبد")],
     {("مهدی نوری", "فرماندار")}),
    # two people, each with a title written next to the name
    ("سارا امینی، معاون شهردار کرج و علی پاکزاد، رئیس شورای شهر کرج در این جلسه حضور داشتند.",
     [("PER", "سارا امینی"), ("ROLE", "معاون شهردار"), ("LOC", "کرج"), ("PER", "علی پاکزاد"),
      ("ROLE", "رئیس شورای شهر"), ("LOC", "کرج")],
     {("سارا امینی", "معاون شهردار"), ("علی پاکزاد", "رئیس شورای شهر")}),
    # a second title joined by «و»: two records for one person
    ("کاوه نیکو، شهردار اراک و رئیس اتحادیه شهرداری‌ها گفت: بودجه کافی نیست.",
     [("PER", "کاوه نیکو"), ("ROLE", "شهردار"), ("LOC", "اراک"), ("ROLE", "رئیس"), ("ORG", "اتحادیه شهرداری‌ها")],
     {("کاوه نیکو", "شهردار"), ("کاوه نیکو", "رئیس")}),
    # a second title that speaks between the person's own statements is the person's too
    ("کاوه نیکو، شهردار اراک گفت: پل ساخته شد.\nرئیس ستاد بحران استان مرکزی گفت: خیابان‌ها باز شد.\n"
     "نیکو افزود: بودجه کافی است.",
     [("PER", "کاوه نیکو"), ("ROLE", "شهردار"), ("LOC", "اراک"), ("ROLE", "رئیس"),
      ("ORG", "ستاد بحران استان مرکزی"), ("PER", "نیکو")],
     {("کاوه نیکو", "شهردار"), ("کاوه نیکو", "رئیس")}),
    # «X به عنوان یکی از GROUP»: one member of a group title, with the group's own wording
    ("مصطفی نوری به عنوان یکی از نمایندگان ویژه رئیس‌جمهور در جلسه حضور یافت.",
     [("PER", "مصطفی نوری"), ("ROLE", "نمایندگان ویژه رئیس‌جمهور")],
     {("مصطفی نوری", "نمایندگان ویژه رئیس‌جمهور")}),
    # ... and a council's members give «عضو»
    ("لیلا صدری را به عنوان یکی از اعضای شورای شهر کرج معرفی کردند.",
     [("PER", "لیلا صدری"), ("ROLE", "اعضای شورای شهر"), ("LOC", "کرج")],
     {("لیلا صدری", "عضو")}),
    # a holy name with «(ع)» and a name in passing get no title and no record
    ("در سالروز میلاد امام حسین (ع) شهردار ساری گفت: جشن برگزار می‌شود.",
     [("PER", "حسین"), ("ROLE", "شهردار"), ("LOC", "ساری")],
     set()),
]


@pytest.mark.parametrize("form", [lambda s: s, _arabic, _split], ids=["persian", "arabic-yk", "split-zwnj"])
@pytest.mark.parametrize("text, ents, expected", LINKS)
def test_linker_gives_titles_to_the_right_people(text, ents, expected, form):
    doc = make_doc(form(text), [(lab, form(sub)) for lab, sub in ents])
    got = {(key(o.person), key(o.role)) for o in find_officials(doc)}
    assert got == {(key(form(p)), key(form(r))) for p, r in expected}
