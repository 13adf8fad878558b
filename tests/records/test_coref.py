"""Coreference: names, surnames, pronouns, titles and «نیز» as a new speaker."""
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
