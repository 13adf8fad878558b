"""pipeline.normalize.tracked: TrackedText edit semantics (raw intervals per character)."""
from __future__ import annotations

import re

import pytest

from pipeline.normalize.tracked import TrackedText


def _state(t: TrackedText):
    return t.text, t.starts, t.ends


def test_fresh_text_maps_each_char_onto_itself():
    t = TrackedText("شهر")
    assert _state(t) == ("شهر", [0, 1, 2], [1, 2, 3])
    assert t.raw_len == 3


def test_translate_keeps_offsets():
    t = TrackedText("كرجي")
    t.translate({ord("ك"): "ک", ord("ي"): "ی"})
    assert _state(t) == ("کرجی", [0, 1, 2, 3], [1, 2, 3, 4])


def test_one_char_substitution_maps_onto_its_source():
    t = TrackedText("abc")
    t.apply([(1, 2, "X")])
    assert _state(t) == ("aXc", [0, 1, 2], [1, 2, 3])


def test_ligature_expansion_maps_every_letter_onto_the_ligature():
    t = TrackedText("۵\ufdfc.")
    t.sub("\ufdfc", "ریال")
    assert _state(t) == ("۵ریال.", [0, 1, 1, 1, 1, 2], [1, 2, 2, 2, 2, 3])


def test_multi_char_replacement_spans_the_replaced_region():
    t = TrackedText("a   b")
    t.sub(r" {2,}", " ")
    assert _state(t) == ("a b", [0, 1, 4], [1, 4, 5])


@pytest.mark.parametrize("text, edit, expected", [
    ("ab", (1, 1, " "), ("a b", [0, 1, 1], [1, 1, 2])),     # inside: empty interval at the next char
    ("ab", (0, 0, "«"), ("«ab", [0, 0, 1], [0, 1, 2])),     # at the start
    ("ab", (2, 2, "!"), ("ab!", [0, 1, 2], [1, 2, 2])),     # at the end: after the previous char
    ("", (0, 0, "x"), ("x", [0], [0])),                      # into an empty text
])
def test_insertions(text, edit, expected):
    t = TrackedText(text)
    t.apply([edit])
    assert _state(t) == expected


def test_deletion_leaves_a_gap_or_is_absorbed():
    raw = "کتابِ خوب"  # kasra at index 4
    gap = TrackedText(raw)
    gap.sub("\u0650", "")
    assert _state(gap) == ("کتاب خوب", [0, 1, 2, 3, 5, 6, 7, 8], [1, 2, 3, 4, 6, 7, 8, 9])
    absorbed = TrackedText(raw)
    absorbed.sub("\u0650", "", absorb=True)
    assert absorbed.text == "کتاب خوب"
    assert absorbed.ends[:4] == [1, 2, 3, 5]  # «ب» now covers the kasra
    assert absorbed.starts == gap.starts


def test_absorb_at_text_start_has_no_previous_char():
    t = TrackedText("\u0640ab")
    t.sub("\u0640", "", absorb=True)
    assert _state(t) == ("ab", [1, 2], [2, 3])


def test_noop_edits_change_nothing():
    t = TrackedText("abc")
    before = (t.starts, t.ends)
    t.apply([(0, 1, "a"), (2, 3, "c")])
    assert t.text == "abc"
    assert t.starts is before[0] and t.ends is before[1]  # not even rebuilt


def test_overlapping_edits_are_rejected():
    t = TrackedText("abcd")
    with pytest.raises(ValueError, match="overlapping edit at 1"):
        t.apply([(0, 2, "x"), (1, 3, "y")])


def test_sub_with_function_can_skip_matches():
    t = TrackedText("مي رود و مي شود")
    t.sub(re.compile("ي"), lambda m: "ی" if m.start() > 5 else None)
    assert t.text == "مي رود و می شود"
    assert t.starts == list(range(len(t.text)))


def test_sub_edits_applies_several_edits_per_match_in_order():
    t = TrackedText("x(y)z")
    # each parenthesis pair becomes guillemets, as two separate one-char edits
    t.sub_edits(r"\(([^)]*)\)", lambda m: [(m.end() - 1, m.end(), "»"), (m.start(), m.start() + 1, "«")])
    assert _state(t) == ("x«y»z", [0, 1, 2, 3, 4], [1, 2, 3, 4, 5])


def test_edits_compose_back_to_the_raw_input():
    raw = "ساختمان  هاي   شهر"
    t = TrackedText(raw)
    t.translate({ord("ي"): "ی"})
    t.sub(r" {2,}", " ")
    t.sub(r"(?<=ن) (?=های)", "\u200c")
    assert t.text == "ساختمان\u200cهای شهر"
    t.check()
    i = t.text.index("شهر")
    assert raw[t.starts[i]:t.ends[i + 2]] == "شهر"
    j = t.text.index("\u200c")
    assert (t.starts[j], t.ends[j]) == (7, 9)  # the ZWNJ stands for the two spaces


def test_check_catches_broken_invariants():
    with pytest.raises(AssertionError):
        TrackedText("ab", starts=[1, 0], ends=[2, 1]).check()
    with pytest.raises(AssertionError):
        TrackedText("ab", starts=[0, 1], ends=[1, 5], raw_len=2).check()
    with pytest.raises(AssertionError):
        TrackedText("ab", starts=[0], ends=[1]).check()
