"""Officials on news of other outlets and older orthography: one table per error class of the
hand audit (sentences written for these tests), each in modern spelling, with Arabic ي/ك, and with
half-spaces written as spaces. The entity spans are given (or repaired by ``pipeline.tag.repair``,
as the ``repair`` stage does); the assertions read the official records: person, role, org."""
from __future__ import annotations

import pytest

from pipeline.document import Span
from pipeline.records.officials import find_officials
from pipeline.tag.repair import repair_entities
from pipeline.textkey import key

from .conftest import make_doc


def _arabic(s: str) -> str:
    return s.replace("ی", "ي").replace("ک", "ك")


def _split(s: str) -> str:
    return s.replace("\u200c", " ")


FORMS = pytest.mark.parametrize("form", [lambda s: s, _arabic, _split], ids=["persian", "arabic-yk", "split-zwnj"])


def _officials(text: str, ents: list[tuple[str, str]], form, repair: bool = False):
    """(person, role, org, location) keys of the officials of ``text`` written in ``form``."""
    text = form(text)
    doc = make_doc(text, [(lab, form(s)) for lab, s in ents])
    if repair:
        doc.entities = repair_entities(doc.text, list(doc.entities), [s.start for s in doc.sentences])
    return {(key(o.person), key(o.role or ""), key(o.org or ""), key(o.location or "")) for o in find_officials(doc)}


def _k(person: str, role: str | None, org: str | None = None, loc: str | None = None):
    return key(person), key(role or ""), key(org or ""), key(loc or "")


def _people(got) -> set[str]:
    return {p for p, _r, _o, _l in got}


# ---------------------------------------------------------------- holy names hold no office
HOLY = [
    # a title near «امام حسین (ع)» in a review of a film
    ("در این فیلم حر از فرمانده سپاه کوفه به یار امام حسین (ع) تبدیل می‌شود.",
     [("ROLE", "فرمانده"), ("ORG", "سپاه کوفه"), ("PER", "حسین")], "حسین"),
    # older text: the honorific without brackets, glued to the name span
    ("او از یک فرمانده مردد به سرباز امام‌حسین ع تبدیل شد.",
     [("ROLE", "فرمانده"), ("PER", "امام‌حسین ع")], "امام‌حسین"),
    # the formula written out, after a speech verb's subject
    ("حضرت علی علیه‌السلام، امیر مؤمنان گفت: عدالت اساس حکومت است.",
     [("PER", "علی"), ("ROLE", "امیر")], "علی"),
]


@FORMS
@pytest.mark.parametrize("text, ents, person", HOLY)
def test_a_holy_name_is_no_official(text, ents, person, form):
    got = _officials(text, ents, form, repair=True)
    assert key(form(person)) not in _people(got), got


HOLY_SPEAKERS = [
    ("امام حسین (ع) گفت: عزت در ایستادگی است.", [("PER", "امام حسین")], "امام حسین"),
    # Bijankhan-era text mirrors the brackets around the honorific
    ("امام علی ) ع ( گفت: عدالت اساس حکومت است.", [("PER", "امام علی")], "امام علی"),
    ("حضرت فاطمه سلام‌الله‌علیها گفت: همسایه را مقدم بدارید.", [("PER", "فاطمه")], "فاطمه"),
]


@FORMS
@pytest.mark.parametrize("text, ents, person", HOLY_SPEAKERS)
def test_a_holy_speaker_is_not_listed_without_a_title(text, ents, person, form):
    from dataclasses import replace

    from pipeline.records.official_model import shipped_model, using_model

    with using_model(replace(shipped_model(), untitled="speaker")):
        got = _officials(text, ents, form)
        # the same statement by an ordinary speaker is listed
        plain = _officials("کاوه نیکو گفت: عزت در ایستادگی است.", [("PER", "کاوه نیکو")], form)
    assert got == set(), got
    assert plain == {_k(form("کاوه نیکو"), None)}


# ---------------------------------------------------------------- a title that names a film or a book
WORKS = [
    ("ساخت فیلم سینمایی «سفیر» به کارگردانی فریبرز کاوه آغاز شد.",
     [("ROLE", "سفیر"), ("PER", "فریبرز کاوه")], "فریبرز کاوه"),
    ("سریال «آقای شهردار» ساخته مینا صدری از امشب پخش می‌شود.",
     [("ROLE", "شهردار"), ("PER", "مینا صدری")], "مینا صدری"),
]


@FORMS
@pytest.mark.parametrize("text, ents, person", WORKS)
def test_a_works_name_between_guillemets_is_no_title(text, ents, person, form):
    text_f = form(text)
    if "آقای" in text:
        # «آقای شهردار»: the ROLE is only part of the text between the guillemets: stays a ROLE
        doc = make_doc(text_f, [(lab, form(s)) for lab, s in ents])
        fixed = repair_entities(doc.text, list(doc.entities))
        assert any(e.label == "ROLE" for e in fixed)
        return
    got = _officials(text, ents, form, repair=True)
    assert all(r == "" for p, r, _o, _l in got if p == key(form(person))), got


def test_a_role_filling_its_guillemets_is_dropped_and_one_beside_them_kept():
    text = "فیلم «سفیر» را دیدیم و سفیر ایران، کاوه نیکو هم آمد."
    s1 = text.index("سفیر")
    s2 = text.index("سفیر", s1 + 1)
    ents = [Span("ROLE", s1, s1 + 4, "سفیر"), Span("ROLE", s2, s2 + 4, "سفیر")]
    fixed = repair_entities(text, ents)
    assert [(e.label, e.start) for e in fixed] == [("ROLE", s2)]


# ---------------------------------------------------------------- the holder of the very same title
@FORMS
def test_a_speaking_title_goes_to_who_holds_it_with_the_same_organization(form):
    text = ("رئیس اداره کل پارک‌های شهرداری یزد گفت: ده پارک شبانه‌روزی باز است.\n"
            "در این مراسم کاوه نیکو رئیس سابق واحد نگهبانی منطقه ۲ و لیلا صدری رئیس اداره کل پارک‌های شهرداری یزد حضور داشتند.")
    ents = [("ROLE", "رئیس"), ("ORG", "اداره کل پارک‌های شهرداری یزد"), ("PER", "کاوه نیکو"), ("ROLE", "رئیس"),
            ("PER", "لیلا صدری"), ("ROLE", "رئیس"), ("ORG", "اداره کل پارک‌های شهرداری یزد")]
    from pipeline.records.coref import analyze

    doc = make_doc(form(text), [(lab, form(s)) for lab, s in ents])
    co = analyze(doc)
    first = min(co.roles, key=lambda rm: rm.start)
    holder = co.by_role[first.start]
    assert holder.name == form("لیلا صدری")
    got = _officials(text, ents, form)
    assert _k(form("لیلا صدری"), form("رئیس"), form("اداره کل پارک‌های شهرداری یزد")) in got
    assert not any(p == key(form("کاوه نیکو")) and o for p, _r, o, _l in got), got


# ---------------------------------------------------------------- a relation is not a title
RELATIONS = [
    # «جانشین X»: X's successor
    ("نگرانی از معرفی دیرهنگام جانشین کاوه نیکو در وزارت کشور بالا گرفته است.",
     [("ROLE", "جانشین"), ("PER", "کاوه نیکو"), ("ORG", "وزارت کشور")], "کاوه نیکو", "جانشین"),
    # «X به عنوان جانشین وی»: the relation of someone named before
    ("پس از شایعه برکناری نیکو، نام لیلا صدری به عنوان جانشین وی مطرح شد.",
     [("PER", "نیکو"), ("PER", "لیلا صدری"), ("ROLE", "جانشین")], "لیلا صدری", "جانشین"),
    # «مشاور X»
    ("این پیام را مشاور کاوه نیکو به خبرنگاران داد.",
     [("ROLE", "مشاور"), ("PER", "کاوه نیکو")], "کاوه نیکو", "مشاور"),
]


@FORMS
@pytest.mark.parametrize("text, ents, person, role", RELATIONS)
def test_a_relation_to_a_person_is_no_title(text, ents, person, role, form):
    got = _officials(text, ents, form)
    assert not any(p == key(form(person)) and r == key(form(role)) for p, r, _o, _l in got), got


@FORMS
def test_a_scoped_title_before_a_name_is_still_the_names(form):
    text = "مشاور وزیر کشور، کاوه نیکو گفت: انتخابات به موقع برگزار می‌شود."
    got = _officials(text, [("ROLE", "مشاور"), ("ORG", "وزیر کشور"), ("PER", "کاوه نیکو")], form)
    assert any(p == key(form("کاوه نیکو")) and r == key(form("مشاور")) for p, r, _o, _l in got), got


# ---------------------------------------------------------------- a group title is no single person's
@FORMS
def test_a_group_title_far_from_a_name_is_not_that_persons(form):
    text = ("در این سکانس کاوه نیکو نمی‌تواند پاسخ دهد و دوربین چهره مشاوران رئیس‌جمهور را نشان می‌دهد.")
    got = _officials(text, [("PER", "کاوه نیکو"), ("ROLE", "مشاوران رئیس‌جمهور")], form)
    assert not any(r for p, r, _o, _l in got if p == key(form("کاوه نیکو"))), got


@FORMS
def test_a_group_title_shared_by_coordinated_names_stays(form):
    text = "کاوه نیکو و لیلا صدری اعضای شورای شهر یزد از پارک بازدید کردند."
    got = _officials(text, [("PER", "کاوه نیکو"), ("PER", "لیلا صدری"), ("ROLE", "اعضای"),
                            ("ORG", "شورای شهر یزد")], form)
    assert {p for p, r, _o, _l in got if r == key("عضو")} == {key(form("کاوه نیکو")), key(form("لیلا صدری"))}, got


# ---------------------------------------------------------------- two titles of two people
@FORMS
def test_a_second_title_before_the_next_name_is_that_names(form):
    text = "رئیس‌جمهور با حمایت کاوه نیکو، وزیر خارجه و مشاور امنیت ملی لیلا صدری سفر کرد."
    ents = [("ROLE", "رئیس‌جمهور"), ("PER", "کاوه نیکو"), ("ROLE", "وزیر خارجه و مشاور امنیت ملی"),
            ("PER", "لیلا صدری")]
    got = _officials(text, ents, form, repair=True)
    assert _k(form("کاوه نیکو"), form("وزیر خارجه")) in got, got
    assert _k(form("لیلا صدری"), form("مشاور امنیت ملی")) in got, got


@FORMS
def test_two_titles_before_one_name_stay_one_title(form):
    text = "دبیر و خزانه‌دار انجمن، کاوه نیکو گفت: گزارش مالی آماده است."
    ents = [("ROLE", "دبیر و خزانه‌دار"), ("ORG", "انجمن"), ("PER", "کاوه نیکو")]
    doc = make_doc(form(text), [(lab, form(s)) for lab, s in ents])
    fixed = repair_entities(doc.text, list(doc.entities))
    assert [e.text for e in fixed if e.label == "ROLE"] == [form("دبیر و خزانه‌دار")]


# ---------------------------------------------------------------- officials of a place: location, no org
PLACE_OFFICIALS = [
    ("استاندار فارس، کاوه نیکو گفت: باران خسارت زد.", [("ROLE", "استاندار"), ("ORG", "فارس"), ("PER", "کاوه نیکو")],
     "کاوه نیکو", "استاندار", "فارس"),
    ("لیلا صدری، شهردار تهران گفت: مترو تمدید شد.", [("PER", "لیلا صدری"), ("ROLE", "شهردار"), ("ORG", "تهران")],
     "لیلا صدری", "شهردار", "تهران"),
    ("کاوه نیکو فرماندار ری افزود: جاده باز است.", [("PER", "کاوه نیکو"), ("ROLE", "فرماندار"), ("LOC", "ری")],
     "کاوه نیکو", "فرماندار", "ری"),
]


@FORMS
@pytest.mark.parametrize("text, ents, person, role, loc", PLACE_OFFICIALS)
def test_a_place_official_has_a_location_and_no_org(text, ents, person, role, loc, form):
    got = _officials(text, ents, form, repair=True)
    assert _k(form(person), form(role), None, form(loc)) in got, got


# ---------------------------------------------------------------- names in lists
@FORMS
def test_a_list_number_is_not_part_of_the_name(form):
    text = "اعضای کمیسیون: ۲۰- کاوه نیکو نماینده یزد ۲۱- صدری نماینده تهران"
    ents = [("PER", "۲۰- کاوه نیکو"), ("ROLE", "نماینده"), ("LOC", "یزد"), ("PER", "۲۱- صدری"), ("ROLE", "نماینده"),
            ("LOC", "تهران")]
    got = _officials(text, ents, form, repair=True)
    assert _people(got) == {key(form("کاوه نیکو")), key(form("صدری"))}, got


# ---------------------------------------------------------------- issue bullets: names and titles
@FORMS
def test_a_second_title_joined_by_and_after_a_name(form):
    text = "کاوه نیکو، نماینده ولی‌فقیه در استان و امام جمعه اردبیل گفت: نماز عید برگزار می‌شود."
    ents = [("PER", "کاوه نیکو"), ("ROLE", "نماینده ولی‌فقیه"), ("ROLE", "امام جمعه"), ("LOC", "اردبیل")]
    got = _officials(text, ents, form)
    assert _k(form("کاوه نیکو"), form("امام جمعه"), None, form("اردبیل")) in got, got
    assert any(p == key(form("کاوه نیکو")) and r == key(form("نماینده ولی‌فقیه")) for p, r, _o, _l in got), got


@FORMS
def test_a_title_in_the_sentence_before_the_name(form):
    text = "شهردار یزد گفت: کار پل تمام شد.\nکاوه نیکو افزود: جاده هم ساخته می‌شود."
    got = _officials(text, [("ROLE", "شهردار"), ("LOC", "یزد"), ("PER", "کاوه نیکو")], form)
    assert _k(form("کاوه نیکو"), form("شهردار"), None, form("یزد")) in got, got


@FORMS
@pytest.mark.parametrize("full, short", [
    ("رضا حیات مقدم", "حیات مقدم"),       # a two-word surname, later without the given name
    ("حیات مقدم", "مقدم"),                # the two-word surname, later only its last word
    ("عبدالرضا رحمانی فضلی", "رحمانی"),   # its first word alone
])
def test_a_two_word_surname_in_either_part_is_one_person(full, short, form):
    text = f"{full}، استاندار خوزستان گفت: گندم خریداری شد.\n{short} افزود: انبارها پر است."
    got = _officials(text, [("PER", full), ("ROLE", "استاندار"), ("LOC", "خوزستان"), ("PER", short)], form)
    assert {p for p, _r, _o, _l in got} == {key(form(full))}, got


# ---------------------------------------------------------------- a name as the object of the title before it
@FORMS
def test_a_name_followed_by_ra_is_the_object_of_the_title_before_it(form):
    text = "وزیر فرهنگ، کاوه نیکو را برای معاونت مطبوعاتی انتخاب کرد."
    got = _officials(text, [("ROLE", "وزیر"), ("ORG", "فرهنگ"), ("PER", "کاوه نیکو")], form)
    assert not any(p == key(form("کاوه نیکو")) and r == key(form("وزیر")) for p, r, _o, _l in got), got


@FORMS
def test_a_title_before_a_name_in_apposition_is_still_the_names(form):
    text = "وزیر فرهنگ، کاوه نیکو گفت: نمایشگاه کتاب برگزار می‌شود."
    got = _officials(text, [("ROLE", "وزیر"), ("ORG", "فرهنگ"), ("PER", "کاوه نیکو")], form)
    assert _k(form("کاوه نیکو"), form("وزیر"), form("فرهنگ")) in got, got


# ---------------------------------------------------------------- one title cut two ways is one record
@FORMS
def test_one_title_split_two_ways_is_one_record(form):
    text = ("مدیر ورزش بانوان منطقه ۲۲ از ساخت زمین خبر داد.\n"
            "به گزارش ما، مدیر ورزش بانوان منطقه ۲۲ شهرداری تهران اظهار داشت: زمین‌ها شناسایی شد.\n"
            "لیلا صدری افزود: کار تا پایان سال تمام می‌شود.")
    ents = [("ROLE", "مدیر ورزش بانوان"), ("LOC", "منطقه ۲۲"), ("ROLE", "مدیر"),
            ("ORG", "ورزش بانوان منطقه ۲۲ شهرداری تهران"), ("PER", "لیلا صدری")]
    from pipeline.records.mentions import role_mentions
    from pipeline.records.officials import fields_of

    doc = make_doc(form(text), [(lab, form(s)) for lab, s in ents])
    roles = [(rm, rm.start) for rm in role_mentions(doc)]
    got = fields_of(roles)
    assert len(got) == 1, got
    assert key(got[0][1]) == key(form("ورزش بانوان منطقه ۲۲ شهرداری تهران"))


@FORMS
def test_a_bare_title_and_a_longer_one_stay_two_records(form):
    text = "کاوه نیکو نماینده ولی‌فقیه در استان است.\nنیکو، نماینده مردم یزد در مجلس خبرگان گفت: انتخابات آرام بود."
    ents = [("PER", "کاوه نیکو"), ("ROLE", "نماینده ولی‌فقیه"), ("PER", "نیکو"), ("ROLE", "نماینده")]
    from pipeline.records.mentions import role_mentions
    from pipeline.records.officials import fields_of

    doc = make_doc(form(text), [(lab, form(s)) for lab, s in ents])
    got = fields_of([(rm, rm.start) for rm in role_mentions(doc)])
    assert sorted(key(r) for r, _o, _l, _off in got) == sorted([key(form("نماینده ولی‌فقیه")), key(form("نماینده"))])


# ---------------------------------------------------------------- given names outside the hand list
@FORMS
@pytest.mark.parametrize("text, ents, person", [
    # a given name of the broad list only, tagged alone, its surname untagged, a title after them
    ("فرهود کاویانی، شهردار بم گفت: خیابان‌ها بازسازی شد.", [("PER", "فرهود"), ("ROLE", "شهردار"), ("LOC", "بم")],
     "فرهود کاویانی"),
    # the given name untagged, the surname tagged
    ("یلدا کاویانی، فرماندار بم گفت: مدارس باز است.", [("PER", "کاویانی"), ("ROLE", "فرماندار"), ("LOC", "بم")],
     "یلدا کاویانی"),
])
def test_a_given_name_of_the_broad_list_joins_its_surname(text, ents, person, form):
    got = _officials(text, ents, form, repair=True)
    assert _people(got) == {key(form(person))}, got


@FORMS
@pytest.mark.parametrize("text, span, name", [
    ("عصر ایران؛ مهرداد کاویانی- کسانی که با کتاب سر و کار دارند این مجله را می‌شناسند.",
     "مهرداد کاویانی-", "مهرداد کاویانی"),
    ("حسینی همچنین یادآور شد: کارخانه پس از افتتاح تعطیل شد.", "حسینی همچنین", "حسینی"),
    ("۳- سارا نیکو نماینده یزد", "۳- سارا نیکو", "سارا نیکو"),
])
def test_a_dash_a_number_or_a_connective_is_not_part_of_a_name(text, span, name, form):
    text, span = form(text), form(span)
    s = text.index(span)
    fixed = repair_entities(text, [Span("PER", s, s + len(span), span)])
    assert [e.text for e in fixed if e.label == "PER"] == [form(name)]
