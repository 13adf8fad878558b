"""pipeline.records.cues: CueSet matching on folded text (spelling variants, gaps, suffixes, overlaps)."""
from __future__ import annotations

import pytest

from pipeline.records.cues import CueMatch, CueSet, folded_text

CUES = CueSet({"مقرر شد": "decision", "می شود": "pass", "تصمیم ... گرفته شد": "decided", "توافق*": "agree"})


def _found(cs, text, **kw):
    return [(text[m.start:m.end], m.label) for m in cs.finditer(text, **kw)]


@pytest.mark.parametrize("text, expected", [
    ("و مقرر  شد که", [("مقرر  شد", "decision")]),                      # two spaces
    ("کار انجام می‌شود", [("می‌شود", "pass")]),                           # ZWNJ
    ("کار انجام میشود", [("میشود", "pass")]),                             # glued
    ("کار انجام مي شود", [("مي شود", "pass")]),                           # older orthography, split
    ("توافقات و توافق‌ها انجام شد", [("توافقات", "agree"), ("توافق‌ها", "agree")]),  # «*» suffixes
    ("مقرر شدند", []),                                                    # no plural without plural=True
    ("نامقرر شد", []),                                                    # not inside a word
    ("هیچ نشانه‌ای نیست", []),
])
def test_spelling_variants_and_word_boundaries(text, expected):
    assert _found(CUES, text) == expected


def test_gap_is_kept_and_never_crosses_a_sentence_end():
    text = "تصمیم ساخت پل گرفته شد"
    (m,) = CUES.finditer(text)
    assert (m.start, m.end, m.label) == (0, len(text), "decided")
    assert text[m.gap[0]:m.gap[1]] == "ساخت پل"
    assert _found(CUES, "تصمیم ساخت پل. گرفته شد") == []


def test_plural_ending():
    cs = CueSet(["گفت", "کرد"], plural=True)
    assert _found(cs, "آنها گفتند و کردند و گفتگو") == [("گفتند", None), ("کردند", None)]


def test_longest_match_wins_on_overlap():
    cs = CueSet({"شد": "short", "مقرر شد": "long"})
    assert _found(cs, "مقرر شد و شد") == [("مقرر شد", "long"), ("شد", "short")]


def test_start_bounds_the_search_and_offsets_stay_absolute():
    text = "مقرر شد و مقرر شد"
    assert [(m.start, m.end) for m in CUES.finditer(text, start=3)] == [(10, 17)]
    assert [(m.start, m.end) for m in CUES.finditer(text, end=9)] == [(0, 7)]


def test_search_returns_the_first_match_or_none():
    assert CUES.search("هیچ") is None
    assert CUES.search("ابتدا مقرر شد") == CueMatch(6, 13, "مقرر شد", "decision", None)


def test_blank_entries_are_ignored_and_labels_default_to_none():
    cs = CueSet(["", "  ", "شد"])
    assert [c for c, _, _ in cs.entries] == ["شد"]
    assert cs.search("کار شد").label is None


def test_folded_input_is_used_as_is():
    text = "مي شود"
    assert _found(CUES, folded_text(text), folded=True) == [("می شود", "pass")]
    assert folded_text("كيك ۱۲") == "کیک 12"
