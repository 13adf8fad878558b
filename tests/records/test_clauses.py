"""pipeline.records.clauses: finite-verb detection and clause splitting on hand-written sentences."""
from __future__ import annotations

import pytest

from pipeline.records.clauses import Clause, looks_finite, split_clauses
from pipeline.textkey import fold


def _texts(text: str, start: int = 0, end: int | None = None, **kw) -> list[str]:
    end = len(text) if end is None else end
    return [text[c.start:c.end] for c in split_clauses(text, start, end, **kw)]


@pytest.mark.parametrize("words, finite", [
    (["کار", "انجام", "شد"], True),            # listed auxiliary
    (["طرح", "اجرا", "می‌شود"], True),           # «می» + stem, ZWNJ
    (["طرح", "اجرا", "نمی‌شود"], True),          # negated «نمی»
    (["طرح", "اجرا", "مي", "شود"], True),         # older orthography: split «مي شود», Arabic ي
    (["پرداخت", "مي", "كند"], True),              # split affix, Arabic ي and ك
    (["ساخته", "است"], True),                   # listed «است»
    (["بازسازی", "شده", "اند"], True),           # participle + «اند»
    (["مدیران", "باید", "گزارش", "ارائه"], False),  # no verb at the end
    (["شهر"], False),
    (["خواهد"], True),
    ([], False),
])
def test_looks_finite(words, finite):
    assert looks_finite([fold(w) for w in words]) is finite


@pytest.mark.parametrize("word, finite", [
    # nouns that begin with «می»: no stem + personal ending after it
    ("میدان", False), ("میلیارد", False), ("میلیون", False), ("میزان", False), ("میانه", False),
    ("ميدان", False), ("ميليارد", False),                      # Arabic ي
    # «می/نمی» + stem + ending, with ZWNJ, glued or Arabic letters
    ("می‌دانیم", True), ("میدانند", True), ("مي‌دانند", True),   # «دان» with an ending is the verb
    ("می‌گوید", True), ("ميگويد", True), ("می‌نمایند", True), ("نمی‌افزاید", True),
    ("میکرد", True), ("نميكردند", True), ("می‌باشد", True), ("ميگردد", True), ("می‌توان", True),
])
def test_mi_prefix_needs_a_verb_stem(word, finite):
    assert looks_finite([fold(word)]) is finite


@pytest.mark.parametrize("words, finite", [
    (["در", "مي", "دان"], False),         # split «مي» before a bare stem: no personal ending
    (["اجرا", "مي", "شوند"], True),
    (["پرداخت", "نمي", "كنند"], True),
])
def test_split_mi_needs_a_verb_stem(words, finite):
    assert looks_finite([fold(w) for w in words]) is finite


def test_a_sentence_ending_in_a_square_name_is_not_cut_there():
    # «میدان» before «و» is not a verb: the list stays one clause
    text = "عملیات ساخت پل در خیابان آزادی و میدان انقلاب و بزرگراه شهید همت آغاز شد."
    assert _texts(text) == [text[:-1]]


def test_colon_cuts_and_marks_following_clause():
    text = "شهردار گفت: این طرح تا پایان سال اجرا می‌شود."
    cs = split_clauses(text, 0, len(text))
    assert [text[c.start:c.end] for c in cs] == ["شهردار گفت", "این طرح تا پایان سال اجرا می‌شود"]
    assert [c.after_colon for c in cs] == [False, True]
    assert all((c.sent_start, c.sent_end) == (0, len(text)) for c in cs)


def test_semicolon_is_a_hard_cut_without_colon_flag():
    text = "اعتبار طرح تامین شده است؛ عملیات اجرایی از هفته آینده آغاز می‌شود."
    cs = split_clauses(text, 0, len(text))
    assert [text[c.start:c.end] for c in cs] == ["اعتبار طرح تامین شده است",
                                                  "عملیات اجرایی از هفته آینده آغاز می‌شود"]
    assert [c.after_colon for c in cs] == [False, False]


@pytest.mark.parametrize("text, expected", [
    # «و» after a finite verb: two clauses
    ("پروژه پل تا پایان سال به پایان می‌رسد و مدیران باید گزارش آن را ارائه کنند.",
     ["پروژه پل تا پایان سال به پایان می‌رسد", "مدیران باید گزارش آن را ارائه کنند"]),
    # older orthography: Arabic ي/ك and a split «مي شود»
    ("این کار انجام مي شود و شهرداری هزینه آن را پرداخت مي کند.",
     ["این کار انجام مي شود", "شهرداری هزینه آن را پرداخت مي کند"]),
    ("ساختمان تخريب شد و مالك آن جريمه خواهد شد.",
     ["ساختمان تخريب شد", "مالك آن جريمه خواهد شد"]),
    # «اما» after a finite verb
    ("قرارداد امضا شده است اما پیمانکار هنوز کار را شروع نکرده است.",
     ["قرارداد امضا شده است", "پیمانکار هنوز کار را شروع نکرده است"]),
    # a list joined by «،» and «و» without a verb before them stays one clause
    ("رعایت اخلاق، امانتداری و صداقت از اصول کار است.",
     ["رعایت اخلاق، امانتداری و صداقت از اصول کار است"]),
    # «تا» is never a cut
    ("کارکنان موظف هستند تا گزارش ها را به موقع برسانند.",
     ["کارکنان موظف هستند تا گزارش ها را به موقع برسانند"]),
])
def test_soft_cuts(text, expected):
    assert _texts(text) == expected


def test_short_clause_joins_the_previous_one():
    text = "طرح آماده است، کار ادامه دارد."
    # «کار ادامه دارد» has 3 words < min_words=4: it joins the clause before it
    assert _texts(text) == ["طرح آماده است، کار ادامه دارد"]
    assert _texts(text, min_words=2) == ["طرح آماده است", "کار ادامه دارد"]


def test_short_clause_after_colon_is_not_joined():
    text = "وی افزود: کار تمام شد."
    cs = split_clauses(text, 0, len(text))
    assert [text[c.start:c.end] for c in cs] == ["وی افزود", "کار تمام شد"]
    assert cs[1].after_colon is True


def test_offsets_are_absolute_inside_a_longer_text():
    first = "جلسه برگزار شد. "
    sent = "ساختمان تخریب شد و مالک آن جریمه خواهد شد."
    text = first + sent + " پایان."
    s, e = len(first), len(first) + len(sent)
    cs = split_clauses(text, s, e)
    assert cs == [
        Clause(s, s + len("ساختمان تخریب شد"), s, e, False),
        Clause(s + len("ساختمان تخریب شد و "), e - 1, s, e, False),
    ]


def test_empty_and_punctuation_only_sentences_have_no_clauses():
    assert split_clauses("", 0, 0) == []
    assert split_clauses(" «» . ", 0, 6) == []
