"""LOC finder alone: districts, typed places, the gazetteer, place names that are also words."""
import pytest

from pipeline.tag.find_places import find_places
from tests.tag.finder_helpers import run_finder


@pytest.mark.parametrize("text,expected", [
    ("شهردار منطقه ۴ تبریز گفت", ["منطقه ۴ تبریز"]),
    ("شهردار منطقه 4 تبریز گفت", ["منطقه 4 تبریز"]),                # ASCII digits
    ("در ناحیه دو کار شد", ["ناحیه دو"]),                          # a number word
    ("در استان سمنان و بزرگراه چمران", ["استان سمنان", "بزرگراه چمران"]),
    ("پارک شقایق افتتاح شد", ["پارک شقایق"]),
    ("پارک شقايق افتتاح شد", ["پارک شقايق"]),               # Arabic ک/ی, affix split by a space
    ("این طرح در شاهرود اجرا شد", ["شاهرود"]),
])
def test_places(text, expected):
    assert [t for lab, t in run_finder(find_places, text)] == expected
    assert all(lab == "LOC" for lab, _t in run_finder(find_places, text))


@pytest.mark.parametrize("text", [
    "نور امید در دل مردم",              # «نور» is a town and a word: alone it is the word
    "فصل بهار آغاز شد",                 # «بهار» likewise
    "استان باید تصمیم بگیرد",            # a type word without a name
    "منطقه آزاد شد",                    # a district word without a number
])
def test_not_places(text):
    assert run_finder(find_places, text) == []


def test_ambiguous_place_after_its_type_word():
    assert run_finder(find_places, "شهرستان نور و شهر بهار") == [("LOC", "شهرستان نور"), ("LOC", "شهر بهار")]


def test_taken_tokens_are_left_alone():
    assert run_finder(find_places, "در استان سمنان", taken=[("ORG", "استان سمنان")]) == []
