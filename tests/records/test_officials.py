"""Officials: appositions, titles before names, parentheses, plural titles, headline titles."""
from pipeline.textkey import key
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


def test_names_only_in_passing_are_not_officials_but_speakers_are():
    text = "شعری از حافظ خوانده شد. نادر قاسمی گفت: این برنامه ادامه دارد."
    doc = make_doc(text, [("PER", "حافظ"), ("PER", "نادر قاسمی")])
    offs = find_officials(doc)
    assert [(o.person, o.role) for o in offs] == [("نادر قاسمی", None)]
