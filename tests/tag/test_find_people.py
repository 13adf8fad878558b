"""PER finder alone: given name + surname, honorifics outside, «سید» inside, repeated surnames."""
import pytest

from pipeline.tag.find_people import find_people
from tests.tag.finder_helpers import run_finder


def people(text, taken=()):
    return [t for lab, t in run_finder(find_people, text, taken) if lab == "PER"]


@pytest.mark.parametrize("text,expected", [
    ("مسعود نصرتی گفت", ["مسعود نصرتی"]),
    ("دکتر سید محمدحسین سیف‌السادات حضور یافت", ["سید محمدحسین سیف‌السادات"]),
    ("علی اکبری زاده گفت", ["علی اکبری زاده"]),                 # a split surname tail stays in
    ("آیت‌الله اعرافی حضور داشت", ["اعرافی"]),                 # honorific + surname only
    ("مسعود نصرتي گفت: نصرتي افزود", ["مسعود نصرتي", "نصرتي"]),  # Arabic ي; the surname recurs alone
])
def test_people(text, expected):
    assert people(text) == expected


@pytest.mark.parametrize("text", [
    "محمد گفت",                          # a given name alone
    "مسعود می‌گوید",                      # the next word is a verb, not a surname
    pytest.param("مسعود همکاری کرد", marks=pytest.mark.xfail(
        strict=True, reason="known limitation: the PER finder does not check for a light verb after the surname")),
    "حسن شهرداران را دید",                # a plural is not a surname
])
def test_not_people(text):
    assert people(text) == []


def test_a_taken_word_is_not_a_surname():
    assert people("مسعود تهران", taken=[("LOC", "تهران")]) == []
