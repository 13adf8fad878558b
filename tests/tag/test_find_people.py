"""PER finder alone: given name + surname, honorifics outside, «سید» inside, repeated surnames."""
import pytest

from pipeline.tag.find_people import find_people
from tests.tag.finder_helpers import run_finder


def people(text, taken=()):
    return [t for lab, t in run_finder(find_people, text, taken) if lab == "PER"]


@pytest.mark.parametrize("text,expected", [
    ("مسعود کیانفر گفت", ["مسعود کیانفر"]),
    ("دکتر سید محمدحسین طباطبایی‌نژاد حضور یافت", ["سید محمدحسین طباطبایی‌نژاد"]),
    ("علی اکبری زاده گفت", ["علی اکبری زاده"]),                 # a split surname tail stays in
    ("آیت‌الله موسوی حضور داشت", ["موسوی"]),                 # honorific + surname only
    ("مسعود كيانفر گفت: كيانفر افزود", ["مسعود كيانفر", "كيانفر"]),  # Arabic ي; the surname recurs alone
    ("عباس کریمی گفت", ["عباس کریمی"]),    # names the labelled data tags as PER stay names
    ("امام خمینی فرمود", ["خمینی"]),
])
def test_people(text, expected):
    assert people(text) == expected


@pytest.mark.parametrize("text", [
    "محمد گفت",                          # a given name alone
    "مسعود می‌گوید",                      # the next word is a verb, not a surname
    "مسعود همکاری کرد",                   # «همکاری» is a non-name word (the finder itself does not check light verbs)
    "حسن شهرداران را دید",                # a plural is not a surname
    # words labelled data almost never tags as names (non_name_words.txt) are not surnames...
    "مقام رفیع قرآن را ستود",             # «رفیع» + «قرآن»
    "مقام رفيع قرآن را ستود",             # the same in Arabic ي
    "امام بزرگوار فرمود",                 # title + adjective
    "علی پیشرفت کرد",                     # given name + noun of a compound verb
    # ... nor given names
    "کسری بودجه شهرداری جبران شد",
    "كسري بودجه شهرداري جبران شد",        # Arabic ي/ك
])
def test_not_people(text):
    assert people(text) == []


def test_a_taken_word_is_not_a_surname():
    assert people("مسعود تهران", taken=[("LOC", "تهران")]) == []
