"""Record rules under tagger noise: hand-built documents with deliberately imperfect entities.

Each test gives the spans a tagger typically gets slightly wrong and checks that the records
(run through :func:`build_records`, which repairs the spans first) come out right.
"""
import pytest

from pipeline.document import Span
from pipeline.textkey import key
from pipeline.records.assemble import build_records

from tests.records.conftest import make_doc


def _officials(doc):
    return {(key(o.person), key(o.role or "")) for o in build_records(doc).officials}


def test_given_name_tagged_alone_takes_its_surname_before_a_title():
    # PER covers only the given name; the surname «بهمنی» is untagged
    doc = make_doc("در این جلسه فرهاد بهمنی مدیرکل حمل و نقل استانداری گفت: طرح آماده است.",
                   [("PER", "فرهاد"), ("ROLE", "مدیرکل حمل و نقل"), ("ORG", "استانداری")])
    assert (key("فرهاد بهمنی"), key("مدیرکل حمل و نقل")) in _officials(doc)


def test_given_name_tagged_as_place_is_a_name_before_a_title():
    doc = make_doc("مریم توکلی عضو هیأت مدیره شرکت واحد گفت: خطوط جدید راه می‌افتد.",
                   [("LOC", "مریم"), ("ROLE", "عضو هیأت مدیره"), ("ORG", "شرکت واحد")])
    assert (key("مریم توکلی"), key("عضو هیأت مدیره")) in _officials(doc)


def test_untagged_given_name_before_a_surname_span():
    doc = make_doc("رضا کاظمی، شهردار بابل گفت: کار آغاز شد. سپس حسین کاظمی افزود: بودجه کم است.",
                   [("PER", "رضا کاظمی"), ("ROLE", "شهردار"), ("LOC", "بابل"), ("PER", "کاظمی")])
    speakers = [key(q.speaker or "") for q in build_records(doc).quotes]
    assert speakers == [key("رضا کاظمی"), key("حسین کاظمی")]


def test_two_adjacent_per_spans_are_one_name():
    doc = make_doc("در دیدار «جان اسمیت» با شهردار شیراز دو طرف بر همکاری تأکید کردند.",
                   [("PER", "جان"), ("PER", "اسمیت"), ("ROLE", "شهردار"), ("LOC", "شیراز")])
    meetings = build_records(doc).meetings
    names = [p.person for m in meetings for p in m.participants if p.person]
    assert key("جان اسمیت") in {key(n) for n in names}
    assert key("جان") not in {key(n) for n in names}


def test_partial_name_in_guillemets_is_completed():
    doc = make_doc("«آنا مولر» شهردار برلین در این نشست گفت: حمل و نقل عمومی رایگان می‌شود.",
                   [("PER", "مولر"), ("ROLE", "شهردار"), ("LOC", "برلین")])
    assert (key("آنا مولر"), key("شهردار")) in _officials(doc)


def test_untagged_name_in_guillemets_before_a_title():
    doc = make_doc("از جمله این افراد «کارلوس مندز» رئیس‌جمهور شیلی بود که با وزیر دیدار کرد.",
                   [("ROLE", "رئیس‌جمهور"), ("LOC", "شیلی"), ("ROLE", "وزیر")])
    assert (key("کارلوس مندز"), key("رئیس‌جمهور")) in _officials(doc)


def test_guillemet_concept_before_a_plural_title_is_not_a_name():
    doc = make_doc("برای هر شهر یک «بازرس ویژه منطقه» از مدیران ارشد وزارت نیرو تعیین شد.",
                   [("ROLE", "مدیران ارشد"), ("ORG", "وزارت نیرو")])
    assert not build_records(doc).officials


def test_lowercase_latin_word_is_not_a_person():
    doc = make_doc("date ۱۴۰۲-۰۵-۱۰ نشست شهرداران استان برگزار شد.",
                   [("PER", "date"), ("DATE", "۱۴۰۲-۰۵-۱۰")])
    assert not build_records(doc).officials


def test_lone_surname_subject_of_colon_speech_verb():
    text = ("معاون خدمات شهری منطقه ۴ شهرداری اصفهان گفت: پاکسازی انجام شد.\n"
            "نوروزی افزود: نیروهای بیشتری به کار گرفته می‌شوند.")
    doc = make_doc(text, [("ROLE", "معاون خدمات شهری"), ("ORG", "منطقه ۴ شهرداری اصفهان")])
    recs = build_records(doc)
    assert (key("نوروزی"), key("معاون خدمات شهری")) in {(key(o.person), key(o.role or "")) for o in recs.officials}


def test_pronoun_subject_of_speech_verb_is_not_a_surname():
    text = "شهردار یزد گفت: کار آغاز شد.\nوی افزود: بودجه تأمین است."
    doc = make_doc(text, [("ROLE", "شهردار"), ("LOC", "یزد")])
    assert not build_records(doc).officials


def test_role_swallowing_a_coordinated_group_title_is_split():
    text = "مدیرعامل سازمان عمران در دیدار با حسن رفیعی شهردار و اعضای شورای شهر نطنز گفت: کار آغاز می‌شود."
    doc = make_doc(text, [("ROLE", "مدیرعامل"), ("ORG", "سازمان عمران"), ("PER", "حسن رفیعی"),
                          ("ROLE", "شهردار و اعضای"), ("ORG", "شورای شهر نطنز")])
    recs = build_records(doc)
    assert (key("حسن رفیعی"), key("شهردار")) in {(key(o.person), key(o.role or "")) for o in recs.officials}
    groups = [p.group for m in recs.meetings for p in m.participants if p.group]
    assert key("اعضای شورای شهر نطنز") in {key(g) for g in groups}


def test_group_tagged_as_org_is_a_meeting_group():
    doc = make_doc("در نشست دهیاران بخش مرکزی گفت: راه‌های روستایی آسفالت می‌شود. این نشست را فرماندار برگزار کرد.",
                   [("ORG", "دهیاران بخش مرکزی"), ("ROLE", "فرماندار")])
    groups = [p.group for m in build_records(doc).meetings for p in m.participants if p.group]
    assert [key(g) for g in groups] == [key("دهیاران بخش مرکزی")]


def test_bare_group_title_runs_on_over_its_organization():
    doc = make_doc("شهردار کاشان در دیدار با نمایندگان اتاق بازرگانی کاشان گفت: سرمایه‌گذاری آسان می‌شود.",
                   [("ROLE", "شهردار"), ("LOC", "کاشان"), ("ROLE", "نمایندگان"), ("LOC", "کاشان")])
    groups = [p.group for m in build_records(doc).meetings for p in m.participants if p.group]
    assert key("نمایندگان اتاق بازرگانی کاشان") in {key(g) for g in groups}


def test_fig_cut_inside_a_grouped_number_takes_the_whole_number():
    from pipeline.tag.repair import repair_entities

    text = "هزینه این طرح ۱،۲۳۴،۵۶۷ ریال است."
    cut = text.index("۵۶۷")
    ents = repair_entities(text, [Span("FIG", cut, cut + len("۵۶۷ ریال"), "۵۶۷ ریال")])
    assert [text[e.start:e.end] for e in ents] == ["۱،۲۳۴،۵۶۷ ریال"]


@pytest.mark.parametrize("text,given,name", [
    ("علیرضا رزم‌آرا افزود: کار ادامه دارد.", "علیرضا", "علیرضا رزم‌آرا"),
    ("محمد اسلامی نیا گفت: طرح آماده است.", "محمد", "محمد اسلامی نیا"),
    ("محمد اسلامي نيا گفت: طرح آماده است.", "محمد", "محمد اسلامي نيا"),      # older orthography
])
def test_given_name_tagged_alone_takes_its_surname_before_a_speech_verb(text, given, name):
    from pipeline.tag.repair import repair_entities

    ents = repair_entities(text, [Span("PER", 0, len(given), given)])
    assert [text[e.start:e.end] for e in ents if e.label == "PER"] == [name]


def test_a_verb_after_a_given_name_is_not_a_surname():
    from pipeline.tag.repair import repair_entities

    text = "محمد گفت: طرح آماده است."
    ents = repair_entities(text, [Span("PER", 0, 4, "محمد")])
    assert [text[e.start:e.end] for e in ents if e.label == "PER"] == ["محمد"]


def _spans(text, pairs):
    out, pos = [], 0
    for label, sub in pairs:
        i = text.index(sub, pos)
        out.append(Span(label, i, i + len(sub), sub))
        pos = i + 1
    return out


def _arabic(s):
    return s.replace("ی", "ي").replace("ک", "ك")


SURNAME_AS_PLACE = [
    # given name PER + surname tagged LOC, then «را به عنوان» + title
    ("استاندار، حمید [اسماعیل توانا] را به عنوان فرماندار معرفی کرد.",
     [("PER", "حمید"), ("LOC", "اسماعیل توانا"), ("ROLE", "فرماندار")], "حمید اسماعیل توانا"),
    # given name PER + two-word surname tagged ORG, then a speech verb
    ("علیرضا رزم حسینی افزود: کار ادامه دارد.", [("PER", "علیرضا"), ("ORG", "رزم حسینی")], "علیرضا رزم حسینی"),
    # the whole name tagged LOC, a speech verb right after
    ("پیمان نارونی گفت: خیابان آسفالت شد.", [("LOC", "پیمان نارونی")], "پیمان نارونی"),
    # ... or a title after a comma
    ("کیوان توانگر، معاون شهردار گفت: کار تمام شد.", [("LOC", "کیوان توانگر"), ("ROLE", "معاون شهردار")], "کیوان توانگر"),
]

NOT_A_NAME = [
    # a known place after a name is the place the person speaks from
    ("علی رضایی در تهران گفت: کار تمام شد.", [("PER", "علی رضایی"), ("LOC", "تهران")]),
    # a given name followed by a known place: no speech verb or title right after the place
    ("رضا به کرمان رفت و حسین شیراز را دید.", [("PER", "رضا"), ("LOC", "کرمان"), ("PER", "حسین"), ("LOC", "شیراز")]),
    # an organization headed by an organization word stays an organization
    ("حسن شهرداری تبریز گفت: کار تمام شد.", [("PER", "حسن"), ("ORG", "شهرداری تبریز")]),
]


@pytest.mark.parametrize("form", [lambda s: s, _arabic], ids=["persian", "arabic-yk"])
@pytest.mark.parametrize("text, pairs, name", SURNAME_AS_PLACE)
def test_surname_tagged_as_place_or_org_joins_the_given_name(text, pairs, name, form):
    from pipeline.tag.repair import repair_entities

    text = form(text.replace("[", "").replace("]", ""))
    ents = repair_entities(text, _spans(text, [(lab, form(sub)) for lab, sub in pairs]))
    assert form(name) in [e.text for e in ents if e.label == "PER"]
    assert not [e for e in ents if e.label in ("LOC", "ORG") and e.text in form(name)]


@pytest.mark.parametrize("form", [lambda s: s, _arabic], ids=["persian", "arabic-yk"])
@pytest.mark.parametrize("text, pairs", NOT_A_NAME)
def test_places_and_organizations_after_a_name_stay(text, pairs, form):
    from pipeline.tag.repair import repair_entities

    text = form(text)
    spans = _spans(text, [(lab, form(sub)) for lab, sub in pairs])
    ents = repair_entities(text, spans)
    assert [(e.label, e.text) for e in ents if e.label in ("LOC", "ORG")] == \
        [(s.label, s.text) for s in spans if s.label in ("LOC", "ORG")]


def _split(s):
    return s.replace("\u200c", " ")


def _repaired(text, pairs, form):
    """``text`` in ``form`` and the entities ``repair_entities`` makes of its (label, substring) pairs."""
    from pipeline.tag.repair import repair_entities

    text = form(text)
    return text, repair_entities(text, _spans(text, [(lab, form(sub)) for lab, sub in pairs]))


#: an untagged title right before an ORG/LOC at a clause start: (text, spans, the ROLE text expected)
UNTAGGED_TITLES = [
    # a word of org_title_heads.txt (a title only before an organization), at a sentence start
    ("کارها رو به پایان است. مسئول کمیته اطلاع‌رسانی در شهرستان بانه اظهار داشت: برنامه آماده است.",
     [("ORG", "کمیته اطلاع‌رسانی"), ("LOC", "شهرستان بانه")], "مسئول"),
    # a title of roles.txt the tagger left out, opening its sentence
    ("مدارس باز می‌ماند. عضو کمیسیون آموزش مجلس اظهار داشت: کلاس‌ها برقرار است.",
     [("ORG", "کمیسیون آموزش مجلس")], "عضو"),
    # two title words of the list right after a name
    ("پیمان ساروی مسؤول واحد خبر شهرداری زاهدان گفت: ورودی شهر آسفالت شد.",
     [("PER", "پیمان ساروی"), ("ORG", "خبر شهرداری زاهدان")], "مسؤول واحد"),
    # after a comma
    ("به گفته وی، سرپرست مرکز بهداشت خبر داد: واکسن رسید.", [("ORG", "مرکز بهداشت")], "سرپرست"),
]

NOT_UNTAGGED_TITLES = [
    # «مسئول» as an adjective inside a clause, after another word
    ("افراد مسئول شهرداری تهران را نقد کردند.", [("ORG", "شهرداری تهران")]),
    # a title word after a preposition is no clause start
    ("نامه‌ای به مسئول کمیته امداد کرمان رسید.", [("ORG", "کمیته امداد کرمان")]),
    # more than the title fills the gap before the organization
    ("مسئول پیگیری پرونده‌های شهرداری قم گفت: بله.", [("ORG", "شهرداری قم")]),
]


@pytest.mark.parametrize("form", [lambda s: s, _arabic, _split], ids=["persian", "arabic-yk", "split-zwnj"])
@pytest.mark.parametrize("text, pairs, role", UNTAGGED_TITLES)
def test_untagged_title_before_an_organization_is_a_role(text, pairs, role, form):
    text, ents = _repaired(text, pairs, form)
    assert [e.text for e in ents if e.label == "ROLE"] == [form(role)]
    # the organization or place stays as it was
    assert {(lab, form(sub)) for lab, sub in pairs} <= {(e.label, e.text) for e in ents}


@pytest.mark.parametrize("form", [lambda s: s, _arabic, _split], ids=["persian", "arabic-yk", "split-zwnj"])
@pytest.mark.parametrize("text, pairs", NOT_UNTAGGED_TITLES)
def test_title_words_inside_a_clause_stay_untagged(text, pairs, form):
    text, ents = _repaired(text, pairs, form)
    assert not [e for e in ents if e.label == "ROLE"]


def test_untagged_title_speaks_for_the_named_person_in_the_next_sentence():
    text = ("مسئول کمیته اطلاع‌رسانی در شهرستان بانه اظهار داشت: برنامه‌ها آماده است. "
            "کریم ساعدی افزود: مردم دعوت شده‌اند.")
    doc = make_doc(text, [("ORG", "کمیته اطلاع‌رسانی"), ("LOC", "شهرستان بانه"), ("PER", "کریم ساعدی")])
    assert (key("کریم ساعدی"), key("مسئول")) in _officials(doc)


#: a sentence-opening LOC that is the subject of a speech verb: (text, spans, the PER expected)
SPEAKING_PLACES = [
    ("کار ادامه دارد. گلستانه‌پور با اشاره به اینکه سالن‌ها کم است، تصریح کرد: سالن نداریم.",
     [("LOC", "گلستانه‌پور")], "گلستانه‌پور"),
    # an organization after a preposition is no subject
    ("بهمنیار حیدری در گفت‌وگو با ایرنا علت حادثه را انحراف خودرو ذکر کرد.",
     [("LOC", "بهمنیار حیدری"), ("ORG", "ایرنا")], "بهمنیار حیدری"),
]

NOT_SPEAKING_PLACES = [
    # a known place
    ("تهران با اشاره به بودجه گفت: نه.", [("LOC", "تهران")]),
    # a place-type word
    ("بلوار کشاورزی در گزارش گفت: نه.", [("LOC", "بلوار کشاورزی")]),
    # a title between the place and the verb is the subject
    ("گلستانه‌پور به شهردار گفت: نه.", [("LOC", "گلستانه‌پور"), ("ROLE", "شهردار")]),
    # not the sentence's first words
    ("مردم در گلستانه‌پور گفتند: نه.", [("LOC", "گلستانه‌پور")]),
    # a pronoun is the subject
    ("گلستانه‌پور را وی دید و گفت: نه.", [("LOC", "گلستانه‌پور")]),
]


@pytest.mark.parametrize("form", [lambda s: s, _arabic, _split], ids=["persian", "arabic-yk", "split-zwnj"])
@pytest.mark.parametrize("text, pairs, name", SPEAKING_PLACES)
def test_a_place_that_speaks_is_a_name(text, pairs, name, form):
    text, ents = _repaired(text, pairs, form)
    assert form(name) in [e.text for e in ents if e.label == "PER"]
    assert form(name) not in [e.text for e in ents if e.label == "LOC"]


@pytest.mark.parametrize("form", [lambda s: s, _arabic, _split], ids=["persian", "arabic-yk", "split-zwnj"])
@pytest.mark.parametrize("text, pairs", NOT_SPEAKING_PLACES)
def test_places_that_do_not_speak_stay(text, pairs, form):
    text, ents = _repaired(text, pairs, form)
    assert [e for e in ents if e.label == "LOC"] and not [e for e in ents if e.label == "PER"]


#: brackets in a name, an organization or a place (older text mirrors them: «علی) ع (»):
#: (text, tagger spans, the spans of that label after repair)
BRACKETED = [
    # a bracketed honorific after a holy name: the name alone
    ("مراسم در جوار حرم امام رضا (ع) برگزار می‌شود.", [("PER", "رضا (ع)")], ("PER", ["رضا"])),
    ("سخن امام حسین [ع] را یادآوری کرد.", [("PER", "حسین [")], ("PER", ["حسین"])),
    # mirrored brackets of Bijankhan-era text
    ("در سخنان امیر مؤمنان علی) ع (بارها آمده است.", [("PER", "امیر مؤمنان علی) ع (")], ("PER", ["امیر مؤمنان علی"])),
    ("این دیدار در مسجد جامع) ره (انجام شد.", [("LOC", "مسجد جامع) ره (")], ("LOC", ["مسجد جامع"])),
    # a bracketed honorific or a bracket alone is no name
    ("امام (ره) بارها بر وحدت تأکید کرد.", [("PER", "(ره)")], ("PER", [])),
    ("حضرت (علیهاالسلام) الگوی زنان است.", [("PER", "(علیهاالسلام)")], ("PER", [])),
    ("کتاب او ص ۴۱ (دیباچه) را ببینید.", [("PER", "(")], ("PER", [])),
    # an abbreviation in brackets after an organization stays out of it
    ("سازمان حمل و نقل (سحن) کار را آغاز کرد.", [("ORG", "سازمان حمل و نقل (سحن)")], ("ORG", ["سازمان حمل و نقل"])),
    # no bracket: unchanged
    ("شهرداری کرج کار را آغاز کرد.", [("ORG", "شهرداری کرج")], ("ORG", ["شهرداری کرج"])),
]


@pytest.mark.parametrize("form", [lambda s: s, _arabic, _split], ids=["persian", "arabic-yk", "split-zwnj"])
@pytest.mark.parametrize("text, pairs, expected", BRACKETED)
def test_brackets_never_stay_in_a_name(text, pairs, expected, form):
    text, ents = _repaired(text, pairs, form)
    label, texts = expected
    assert [e.text for e in ents if e.label == label] == [form(t) for t in texts]


#: a guillemet a span opens and does not close: (text, tagger spans, the span after repair)
GUILLEMETS = [
    ("هفته‌نامه «نیوزویک» نوشت که کار تمام شد.", [("ORG", "هفته‌نامه «نیوزویک")], ("ORG", "هفته‌نامه «نیوزویک»")),
    ("به نوشته خبرگزاری «مهرگان»، شهردار استعفا داد.", [("ORG", "خبرگزاری «مهرگان")], ("ORG", "خبرگزاری «مهرگان»")),
    # a span ending on the opening guillemet loses it
    ("در روزنامه «کیهان» آمده است.", [("ORG", "روزنامه «")], ("ORG", "روزنامه")),
]


@pytest.mark.parametrize("form", [lambda s: s, _arabic, _split], ids=["persian", "arabic-yk", "split-zwnj"])
@pytest.mark.parametrize("text, pairs, expected", GUILLEMETS)
def test_unclosed_guillemet_in_an_organization(text, pairs, expected, form):
    text, ents = _repaired(text, pairs, form)
    label, want_text = expected
    assert [e.text for e in ents if e.label == label] == [form(want_text)]


#: a name in guillemets before a title, tagged as an organization or a place: (text, spans, name)
GUILLEMET_NAMES_TAGGED_ORG = [
    ("«اولگ کیپرنکو»، فرماندار منطقه اودسا اعلام کرد که حمله دفع شد.",
     [("ORG", "اولگ کیپرنکو"), ("ROLE", "فرماندار"), ("LOC", "منطقه اودسا")], "اولگ کیپرنکو"),
    ("«سرگی آکسیونف» رئیس شبه جزیره کریمه گفت: پدافند فعال شد.",
     [("LOC", "سرگی آکسیونف"), ("ROLE", "رئیس"), ("LOC", "شبه جزیره کریمه")], "سرگی آکسیونف"),
]

#: the same shape that stays: an organization or a known place in guillemets before a title
GUILLEMET_BODIES = [
    ("«شهرداری لیون» رئیس جدیدی برگزید.", [("ORG", "شهرداری لیون"), ("ROLE", "رئیس")]),
    ("«تهران» شهردار تازه‌ای دارد.", [("LOC", "تهران"), ("ROLE", "شهردار")]),
    ("«سازمان ملل» دبیرکل را مأمور کرد.", [("ORG", "سازمان ملل"), ("ROLE", "دبیرکل")]),
]


@pytest.mark.parametrize("form", [lambda s: s, _arabic, _split], ids=["persian", "arabic-yk", "split-zwnj"])
@pytest.mark.parametrize("text, pairs, name", GUILLEMET_NAMES_TAGGED_ORG)
def test_name_in_guillemets_tagged_org_before_a_title_is_a_person(text, pairs, name, form):
    text, ents = _repaired(text, pairs, form)
    assert form(name) in [e.text for e in ents if e.label == "PER"]
    assert form(name) not in [e.text for e in ents if e.label in ("ORG", "LOC")]


@pytest.mark.parametrize("form", [lambda s: s, _arabic, _split], ids=["persian", "arabic-yk", "split-zwnj"])
@pytest.mark.parametrize("text, pairs", GUILLEMET_BODIES)
def test_bodies_and_places_in_guillemets_stay(text, pairs, form):
    text, ents = _repaired(text, pairs, form)
    assert not [e for e in ents if e.label == "PER"]
    assert {(lab, form(sub)) for lab, sub in pairs} <= {(e.label, e.text) for e in ents}


#: an administrative area word and a known place tagged ORG: (text, spans, LOC expected or None when it stays ORG)
AREAS_TAGGED_ORG = [
    ("معاون عمرانی استانداری) استان قم: حسن نیکو", [("ORG", "استان قم")], "استان قم"),
    ("این طرح در شهرستان بانه اجرا شد.", [("ORG", "شهرستان بانه")], "شهرستان بانه"),
    ("مردم شهر یزد به پای صندوق رفتند.", [("ORG", "شهر یزد")], "شهر یزد"),
    # an organization with an area word stays one
    ("استانداری قم بیانیه داد.", [("ORG", "استانداری قم")], None),
    ("شورای شهر یزد تشکیل جلسه داد.", [("ORG", "شورای شهر یزد")], None),
    # an area word before a word that is no known place stays as tagged
    ("استان نیکوکاران کمک کرد.", [("ORG", "استان نیکوکاران")], None),
]


@pytest.mark.parametrize("form", [lambda s: s, _arabic, _split], ids=["persian", "arabic-yk", "split-zwnj"])
@pytest.mark.parametrize("text, pairs, loc", AREAS_TAGGED_ORG)
def test_area_word_and_known_place_tagged_org_is_a_place(text, pairs, loc, form):
    text, ents = _repaired(text, pairs, form)
    if loc is None:
        assert [(e.label, e.text) for e in ents] == [("ORG", form(pairs[0][1]))]
    else:
        assert [(e.label, e.text) for e in ents] == [("LOC", form(loc))]


#: a department title cut before «و»: (text, spans, the ROLE after repair)
TITLE_TAILS = [
    ("در این جلسه مهدی شریفی مدیرکل برنامه‌ریزی و سرمایه انسانی و محمد فیاضی گزارش دادند.",
     [("PER", "مهدی شریفی"), ("ROLE", "مدیرکل برنامه‌ریزی"), ("PER", "محمد فیاضی")],
     "مدیرکل برنامه‌ریزی و سرمایه انسانی"),
    ("محمد فیاضی مدیر کل هماهنگی، نظارت و کنترل معاونت امور مناطق شهرداری تهران گفت: کار تمام شد.",
     [("PER", "محمد فیاضی"), ("ROLE", "مدیر کل هماهنگی، نظارت"), ("ORG", "معاونت امور مناطق شهرداری تهران")],
     "مدیر کل هماهنگی، نظارت و کنترل"),
    # what follows «و» is a group, a second title, or nothing tagged: the title stays
    ("با حضور معاون عمرانی و کارشناسان شهرداری تهران برگزار شد.",
     [("ROLE", "معاون عمرانی"), ("ORG", "شهرداری تهران")], "معاون عمرانی"),
    ("معاون عمرانی و شهردار منطقه ۲ تهران گفت: کار آغاز شد.",
     [("ROLE", "معاون عمرانی"), ("ROLE", "شهردار"), ("LOC", "منطقه ۲ تهران")], "معاون عمرانی"),
    ("مدیرکل حمل و نقل و امروز صبح استاندار آمدند.",
     [("ROLE", "مدیرکل حمل و نقل"), ("ROLE", "استاندار")], "مدیرکل حمل و نقل"),
    # a one-word title never takes words after «و»
    ("سخنگو و نماینده مردم تهران گفت: بله.", [("ROLE", "سخنگو"), ("LOC", "تهران")], "سخنگو"),
]


@pytest.mark.parametrize("form", [lambda s: s, _arabic, _split], ids=["persian", "arabic-yk", "split-zwnj"])
@pytest.mark.parametrize("text, pairs, role", TITLE_TAILS)
def test_department_title_cut_before_and_takes_its_tail(text, pairs, role, form):
    text, ents = _repaired(text, pairs, form)
    assert [e.text for e in ents if e.label == "ROLE"][0] == form(role)


#: a sentence-opening untagged speaker, a connective, a colon speech verb: (text, spans, PER expected or None)
SPEAKERS_AFTER_CONNECTIVE = [
    ("شهردار یزد گفت: کار آغاز شد. نوروزی در ادامه افزود: بودجه تأمین است.",
     [("ROLE", "شهردار"), ("LOC", "یزد")], "نوروزی"),
    ("شهردار یزد گفت: کار آغاز شد. نوروزی همچنین گفت: پل هم ساخته می‌شود.",
     [("ROLE", "شهردار"), ("LOC", "یزد")], "نوروزی"),
    ("شهردار یزد گفت: کار آغاز شد. نوروزی در ادامه سخنان خود تصریح کرد: بودجه هست.",
     [("ROLE", "شهردار"), ("LOC", "یزد")], "نوروزی"),
    # a pronoun, a title or an institution word before the connective is no name
    ("شهردار یزد گفت: کار آغاز شد. وی در ادامه افزود: بودجه تأمین است.", [("ROLE", "شهردار"), ("LOC", "یزد")], None),
    ("کار آغاز شد. شهردار در ادامه افزود: بودجه تأمین است.", [("ROLE", "شهردار")], None),
    ("کار آغاز شد. سازمان همچنین اعلام کرد: بودجه تأمین است.", [], None),
    # no colon after the verb: not a speaker's line
    ("کار آغاز شد. نوروزی در ادامه افزود که بودجه هست.", [], None),
]


@pytest.mark.parametrize("form", [lambda s: s, _arabic, _split], ids=["persian", "arabic-yk", "split-zwnj"])
@pytest.mark.parametrize("text, pairs, name", SPEAKERS_AFTER_CONNECTIVE)
def test_speaker_surname_before_a_connective_and_a_colon_verb(text, pairs, name, form):
    from pipeline.tag.repair import repair_entities
    from pipeline.tokenize import sentences_of

    text = form(text)
    spans = _spans(text, [(lab, form(sub)) for lab, sub in pairs])
    ents = repair_entities(text, spans, [s.start for s in sentences_of(text)])
    pers = [e.text for e in ents if e.label == "PER"]
    assert pers == ([form(name)] if name else [])
