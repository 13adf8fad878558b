"""pipeline.records.textutil: words, neighbouring words, verb checks, clause bounds, entity index."""
from __future__ import annotations

import pytest

from pipeline.document import Span
from pipeline.records.textutil import (
    PUNCT_GAP_RE, TIGHT_GAP_RE, EntityIndex, clause_bounds, ends_with_verb, has_finite_verb,
    next_word, prev_word, strip_span, word_keys, words,
)


def test_words_keep_zwnj_joined_words_and_absolute_offsets():
    t = "شهرداری‌ها و شهرداري ها، کار را انجام دادند."
    assert words(t) == [(0, 10, "شهرداری‌ها"), (11, 12, "و"), (13, 20, "شهرداري"), (21, 23, "ها"),
                        (25, 28, "کار"), (29, 31, "را"), (32, 37, "انجام"), (38, 43, "دادند")]
    assert words(t, 25, 37) == [(25, 28, "کار"), (29, 31, "را"), (32, 37, "انجام")]


def test_word_keys_fold_arabic_letters():
    assert word_keys("شهرداري كرج، ۱۴۰۲") == ["شهرداری", "کرج", "1402"]


@pytest.mark.parametrize("text, pos, expected", [
    ("کار شهر ، رفت", 7, (4, 7, "شهر")),
    ("کار شهر  ", 9, (4, 7, "شهر")),      # spaces between pos and the word are skipped
    ("کار شهر ، رفت", 9, None),           # punctuation in between
    ("", 0, None),
])
def test_prev_word(text, pos, expected):
    assert prev_word(text, pos) == expected


@pytest.mark.parametrize("text, pos, expected", [
    ("کار  شهر", 3, (5, 8, "شهر")),
    ("کار ، شهر", 3, None),
    ("کار", 3, None),
])
def test_next_word(text, pos, expected):
    assert next_word(text, pos) == expected


@pytest.mark.parametrize("gap, punct, tight", [
    ("، ", True, False),
    (" (", True, False),
    (" «", True, True),
    ("  ", True, True),
    (" در ", False, False),
])
def test_gap_patterns(gap, punct, tight):
    assert bool(PUNCT_GAP_RE.match(gap)) is punct
    assert bool(TIGHT_GAP_RE.match(gap)) is tight


@pytest.mark.parametrize("text, has, ends", [
    ("کار انجام مي شود", True, True),        # split affix, Arabic ي
    ("کار انجام نمی‌شود", True, True),
    ("پروژه به پایان رسید", True, True),
    ("کار تمام شد و", True, False),          # verb, but not the last word
    ("طرح خوب", False, False),
    ("", False, False),
])
def test_finite_verb_checks(text, has, ends):
    assert has_finite_verb(text) is has
    assert ends_with_verb(text) is ends


def _clause(text, anchor, min_words=5):
    s, e = clause_bounds(text, text.index(anchor), 0, len(text), min_words=min_words)
    return text[s:e]


def test_clause_bounds_cut_after_finite_verbs_and_join_short_clauses():
    t = "شهردار گفت طرح آماده است و کار آغاز می‌شود و مردم راضی هستند. پایان"
    # «کار آغاز می‌شود» (3 words) is shorter than 5 words: joined with the clause before it
    assert _clause(t, "کار") == "شهردار گفت طرح آماده است و کار آغاز می‌شود"
    assert _clause(t, "کار", min_words=3) == "کار آغاز می‌شود"
    assert _clause(t, "مردم", min_words=3) == "مردم راضی هستند"
    # a sentence end is never crossed when joining
    assert _clause(t, "پایان") == "پایان"


def test_clause_bounds_keep_decimal_point_and_split_old_orthography():
    t = "مبلغ ۱۲.۵ میلیارد ريال پرداخت مي شود، کار تمام شد"
    assert _clause(t, "مبلغ", min_words=2) == "مبلغ ۱۲.۵ میلیارد ريال پرداخت مي شود"
    assert _clause(t, "کار", min_words=2) == "کار تمام شد"


def test_clause_bounds_list_without_verb_is_one_clause():
    t = "رعایت اخلاق، امانتداری و صداقت از اصول کار است."
    assert _clause(t, "صداقت", min_words=1) == "رعایت اخلاق، امانتداری و صداقت از اصول کار است"


def test_strip_span():
    t = " «طرح تازه»، ."
    assert strip_span(t, 0, len(t)) == (2, 10)
    assert t[2:10] == "طرح تازه"


def _span(label, s, e):
    return Span(label, s, e, "x" * (e - s))


def test_entity_index_queries():
    a, b, c = _span("PER", 10, 20), _span("ORG", 0, 5), _span("LOC", 30, 40)
    idx = EntityIndex([a, b, c])
    assert idx.ents == [b, a, c]
    assert idx.within(0, 20) == [b, a]
    assert idx.within(1, 45) == [a, c]
    assert idx.within(11, 40) == [c]
    assert idx.ending_in(5, 20) == [b, a]
    assert idx.ending_in(21, 39) == []
    assert idx.covering(12) is a
    assert idx.covering(20) is None
    assert idx.covering(0) is b
    assert idx.first_from(6) is a
    assert idx.first_from(41) is None
    assert idx.index_of(c) == 2


@pytest.mark.parametrize("text, anchor, min_words, expected", [
    ("جلسه ساعت ۱۰:۳۰ برگزار شد و اعضا حضور داشتند", "جلسه", 2, "جلسه ساعت ۱۰:۳۰ برگزار شد"),  # «:» in a time
    ("جلسه: ساعت ۱۰ برگزار شد", "ساعت", 1, "ساعت ۱۰ برگزار شد"),                          # «:» after a word
])
def test_clause_bounds_colon_between_digits_is_not_a_cut(text, anchor, min_words, expected):
    assert _clause(text, anchor, min_words=min_words) == expected
