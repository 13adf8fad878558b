"""Older-orthography robustness: Arabic ي/ك, split affixes, Latin digits, hard line wraps.

The paragraphs are invented for these tests (names and places are made up).
"""
from __future__ import annotations

from pipeline.records.assemble import build_records, unwrap_lines
from pipeline.records.coref import scopes_compatible
from pipeline.persian.dates import find_dates
from pipeline.persian.figures import find_figures
from pipeline.tag.rules import rule_entities

WRAPPED = (
    "به گزارش خبرنگار ما، علی‌اکبر رستمی شهردار کرمان روز سه‌شنبه در جلسه شورای شهر\n"
    "گفت: شهرداری‌ها موظف هستند تا پایان سال جاری طرح‌های عمرانی نیمه‌تمام را به\n"
    "بهره‌برداری برسانند.\n"
    "وی افزود: برای این منظور ۱۵۰۰ میلیارد ریال اعتبار پیش‌بینی شده است."
)


def test_unwrap_lines_joins_mid_sentence_wraps_only():
    out = unwrap_lines(WRAPPED)
    assert len(out) == len(WRAPPED)
    lines = out.split("\n")
    # the two wraps inside the first sentence are gone, the sentence-final newline stays
    assert len(lines) == 2
    assert lines[0].endswith("برسانند.")
    assert lines[1].startswith("وی افزود")


def test_unwrap_lines_keeps_headline_and_verb_final_lines():
    text = ("افتتاح بزرگ‌ترین بوستان شهر در منطقه ۵\n"
            "مهدی صالحی مدیرعامل سازمان پارک‌ها با اشاره به اینکه بوستان تا پایان خرداد افتتاح می‌شود\n"
            "گفت که اعتبار آن از محل درآمدهای شهرداری تأمین شده است و کار ادامه دارد.")
    # the headline is short, and the second line ends with a finite verb: nothing to join
    assert unwrap_lines(text) == text
    prose = "الف " * 20 + "\nب " * 3
    assert unwrap_lines("کوتاه\n" + prose).startswith("کوتاه\n")


def test_commitment_and_quote_cross_hard_wraps(doc_of):
    doc = doc_of(WRAPPED, [("PER", "علی‌اکبر رستمی"), ("ROLE", "شهردار"), ("LOC", "کرمان"),
                           ("DATE", "روز سه‌شنبه"), ("DATE", "تا پایان سال جاری"),
                           ("FIG", "۱۵۰۰ میلیارد ریال")])
    build_records(doc)
    obligations = [c for c in doc.commitments if c.kind == "obligation"]
    assert len(obligations) == 1
    c = obligations[0]
    assert c.actor == "شهرداری‌ها"
    assert "برسانند" in c.content and c.content.startswith("شهرداری‌ها موظف")
    assert c.deadline == "تا پایان سال جاری"
    quote = next(q for q in doc.quotes if "موظف" in q.text)
    assert quote.speaker == "علی‌اکبر رستمی"
    assert "برسانند" in quote.text
    # offsets still point into the original (wrapped) text
    assert "\n" in doc.text[quote.evidence.start:quote.evidence.end] or quote.evidence is not None


def test_plural_institution_is_commitment_actor(doc_of):
    text = "وی گفت: بانک‌ها موظف هستند تسهیلات طرح‌های عمرانی را تا پایان سال پرداخت کنند."
    doc = doc_of(text, [("DATE", "تا پایان سال")])
    build_records(doc)
    assert [c.actor for c in doc.commitments] == ["بانک‌ها"]


def test_dates_and_figures_in_arabic_letters_and_latin_digits():
    text = "شهرداري ها بايد ظرف 6 ماه آينده 1500 ميليارد ريال را در 11 اسفند 1387 هزينه كنند."
    dates = [s.text for s in find_dates(text)]
    assert "ظرف 6 ماه آينده" in dates
    assert "11 اسفند 1387" in dates
    assert [s.text for s in find_figures(text)] == ["1500 ميليارد ريال"]


def test_common_words_are_not_given_names():
    for text in ("جان باختگان حادثه دیروز تشییع شدند.", "جو روانی بازار مسکن آرام است."):
        assert not [e for e in rule_entities(text) if e.label == "PER"], text


def test_scope_written_with_and_without_place_words():
    assert scopes_compatible("منطقه ۴ شهرداری تبریز", "منطقه ۴ تبریز")
    assert scopes_compatible("شهرستان راور", "راور")
    assert not scopes_compatible("منطقه ۴ تبریز", "منطقه ۲ مشهد")
    assert not scopes_compatible("شهرستان کرمان", "شهرستان رشت")
