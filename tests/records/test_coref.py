"""Coreference: names, surnames, pronouns, titles and «نیز» as a new speaker."""
import pytest

from pipeline.records.coref import analyze, names_match
from pipeline.records.quotes import find_quotes

from .conftest import make_doc


def test_names_match_surnames_zwnj_parts_and_typos():
    assert names_match("کاظمی", "احمد کاظمی")
    assert names_match("حسینی", "مهدی حسینی‌نژاد")
    assert names_match("سیدرضا امامی", "سیدرضا امامی")
    assert names_match("سمیرا رحیم زاده", "سمیره رحیم زاده")  # one-letter typo per word
    assert not names_match("کاظمی", "احمد کاظم‌زاده‌پور")
    assert not names_match("علی کاظمی", "احمد کاظمی")


def test_pronoun_refers_to_the_speaker_not_the_object():
    text = "احمد کاظمی در دیدار با نادر فرهادی گفت: همکاری ادامه دارد. وی افزود: بودجه تأمین شده است."
    doc = make_doc(text, [("PER", "احمد کاظمی"), ("PER", "نادر فرهادی")])
    qs = find_quotes(doc)
    assert [q.speaker for q in qs] == ["احمد کاظمی", "احمد کاظمی"]


def test_surname_resolves_to_full_name_and_later_sentence_subject_wins_for_pronoun():
    text = ("احمد کاظمی گفت: کار پروژه پیش می‌رود.\n"
            "همچنین لیلا صدری نیز از محله بازدید کرد.\n"
            "وی افزود: مشکل آب حل می‌شود.\n"
            "کاظمی تأکید کرد: بودجه کافی است.")
    doc = make_doc(text, [("PER", "احمد کاظمی"), ("PER", "لیلا صدری"), ("PER", "کاظمی")])
    qs = find_quotes(doc)
    assert [q.speaker for q in qs] == ["احمد کاظمی", "لیلا صدری", "احمد کاظمی"]


def test_title_subject_resolves_to_the_named_holder():
    text = ("رضا امیری، مدیرکل راه و شهرسازی استان گفت: جاده تمام شد.\n"
            "مدیرکل راه و شهرسازی استان افزود: پل نیز ساخته می‌شود.")
    doc = make_doc(text, [("PER", "رضا امیری"), ("ROLE", "مدیرکل"), ("ORG", "راه و شهرسازی استان"),
                          ("ROLE", "مدیرکل"), ("ORG", "راه و شهرسازی استان")])
    co = analyze(doc)
    assert [ref.name for _, ref in co.events] == ["رضا امیری", "رضا امیری"]


def test_also_marks_a_new_speaker_for_a_title():
    text = ("حسن ملکی، نماینده وزارت کشور گفت: طرح آماده است.\n"
            "معاون استاندار نیز در این نشست گفت: هماهنگی انجام شد.\n"
            "سعید توکلی افزود: گزارش هفتگی ارائه می‌شود.")
    doc = make_doc(text, [("PER", "حسن ملکی"), ("ROLE", "نماینده"), ("ORG", "وزارت کشور"),
                          ("ROLE", "معاون استاندار"), ("PER", "سعید توکلی")])
    qs = find_quotes(doc)
    assert [q.speaker for q in qs] == ["حسن ملکی", "سعید توکلی", "سعید توکلی"]


def _arabic(s: str) -> str:
    return s.replace("ی", "ي").replace("ک", "ك")



@pytest.mark.parametrize("form", [lambda s: s, _arabic], ids=["persian", "arabic-yk"])
@pytest.mark.parametrize("short, full, same", [
    ("نادری", "سید امیرنادری", True),          # a given name glued to the surname
    ("نوری", "حسن محمدنوری", True),
    ("نادری", "امیرنادری", False),              # one word only: nothing says it is a full name
    ("یری", "سید امیری", False),              # too short to be a surname
    ("نوری", "حسن کاظم‌پورنوری", False),      # what is left is not a given name
])
def test_surname_names_a_glued_given_name_and_surname(short, full, same, form):
    assert names_match(form(short), form(full)) is same


@pytest.mark.parametrize("form", [lambda s: s, _arabic], ids=["persian", "arabic-yk"])
@pytest.mark.parametrize("text, ents, speakers", [
    # «وی» is the speaker, not a person the speaker talked about (the name opens a sentence of the statement)
    ("مهدی نادری در جلسه شورا اظهار کرد: هرچند دوران شهیدان رجایی و باهنر کوتاه بود. رجایی الگوی ما است.\n"
     "وی افزود: پروژه‌ها افتتاح می‌شود.",
     [("PER", "مهدی نادری"), ("PER", "رجایی"), ("PER", "باهنر"), ("PER", "رجایی")],
     ["مهدی نادری", "مهدی نادری"]),
    # a speaker not tagged, a name inside the statement: «وی» does not go to that name
    ("فرماندار گفت: امام خمینی نگاه ویژه‌ای به شوراها داشت.\nوی تصریح کرد: شوراها نماد مردم‌سالاری است.",
     [("ROLE", "فرماندار"), ("PER", "خمینی")],
     ["فرماندار", "فرماندار"]),
])
def test_pronoun_skips_names_inside_statements(text, ents, speakers, form):
    doc = make_doc(form(text), [(lab, form(sub)) for lab, sub in ents])
    assert [q.speaker for q in find_quotes(doc)] == [form(s) for s in speakers]


@pytest.mark.parametrize("form", [lambda s: s, _arabic], ids=["persian", "arabic-yk"])
def test_title_subject_goes_to_the_new_name_that_goes_on_speaking(form):
    # a second story: the title speaks first, then a name not seen before goes on («افزود»)
    text = form("مهدی کاظمی گفت: مسابقات در تهران برگزار می‌شود.\n"
                "دبیر هیئت فوتبال یزد گفت: تیم‌های لیگ مشخص شدند.\n"
                "احمد نوری در ادامه نشست خبری افزود: شش تیم در لیگ هستند.")
    doc = make_doc(text, [("PER", form("مهدی کاظمی")), ("LOC", form("تهران")), ("ROLE", form("دبیر")),
                          ("ORG", form("هیئت فوتبال یزد")), ("PER", form("احمد نوری"))])
    assert [q.speaker for q in find_quotes(doc)] == [form("مهدی کاظمی"), form("احمد نوری"), form("احمد نوری")]


@pytest.mark.parametrize("form", [lambda s: s, _arabic], ids=["persian", "arabic-yk"])
def test_title_subject_stays_with_the_untitled_current_speaker(form):
    # the same speaker goes on under a title; the next name is the one already speaking
    text = form("مهدی کاظمی گفت: مسابقات در تهران برگزار می‌شود.\n"
                "دبیر هیئت فوتبال یزد افزود: تیم‌های لیگ مشخص شدند.\n"
                "کاظمی ادامه داد: شش تیم در لیگ هستند.")
    doc = make_doc(text, [("PER", form("مهدی کاظمی")), ("LOC", form("تهران")), ("ROLE", form("دبیر")),
                          ("ORG", form("هیئت فوتبال یزد")), ("PER", form("کاظمی"))])
    assert [q.speaker for q in find_quotes(doc)] == [form("مهدی کاظمی")] * 3


@pytest.mark.parametrize("form", [lambda s: s, _arabic], ids=["persian", "arabic-yk"])
@pytest.mark.parametrize("short, full, same", [
    # a surname of two words written split in one mention and joined in the other
    ("مهدی دلاورنیا", "مهدی دلاور نیا", True),
    ("دلاورنیا", "مهدی دلاور نیا", True),
    ("دلاور نیا", "مهدی دلاورنیا", True),
    ("کیانی پور", "حسن کیانی‌پور", True),
    # the end of a joined surname alone is another name; another given name is another person
    ("پور", "حسن کیانی‌پور", False),
    ("رضا دلاورنیا", "مهدی دلاور نیا", False),
])
def test_names_match_split_and_joined_surnames(short, full, same, form):
    assert names_match(form(short), form(full)) is same
