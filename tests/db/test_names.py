"""Name keys: honorifics, Arabic/Persian letter forms, ZWNJ or space, «surname، given»."""
import pytest

from pipeline.db.names import key, name_parts, org_key, place_key


@pytest.mark.parametrize("a, b", [
    ("کامران نیک‌پور", "کامران نیکپور"),                 # ZWNJ or nothing
    ("کامران نیک‌پور", "کامران نیک پور"),                # ZWNJ or space
    ("احمد زارعی", "احمد زارعي"),                        # Arabic ي
    ("مهندس احمد زارعی", "احمد زارعی"),                  # honorific
    ("آقای دکتر احمد زارعی", "احمد زارعی"),              # two honorifics
    ("حجت الاسلام سید حسن رئیسی", "حسن رییسی"),          # title + «سید», hamza seat
    ("زارعی، احمد", "احمد زارعی"),                       # surname first
    ("محمد رضا کريمي", "محمدرضا کریمی"),                 # split compound given name, old orthography
    ("مرتضى كاظمي", "مرتضی کاظمی"),                      # alef maqsura and Arabic kaf
])
def test_same_key(a, b):
    assert name_parts(a).key == name_parts(b).key


@pytest.mark.parametrize("a, b", [
    ("حسن رضایی", "حسین رضایی"),       # one letter apart: different people
    ("علی حسینی", "علی حسینی‌پور"),
    ("محمد کریمی", "محمدرضا کریمی"),
])
def test_different_key(a, b):
    assert name_parts(a).key != name_parts(b).key


def test_given_name_and_surname_split():
    p = name_parts("محمد رضا نیک‌پور")
    assert (p.given, p.surname) == ("محمدرضا", "نیکپور") and p.has_known_given
    q = name_parts("نیک‌پور")  # one word: a surname, no given name
    assert q.given == "" and q.surname == "نیکپور" and not q.has_known_given
    assert name_parts("آقای") is None and name_parts("") is None


def test_org_key():
    assert org_key("شورای اسلامی شهر یزد") == org_key("شوراي شهر يزد")
    assert org_key("شهرداری تبریز") != org_key("شهرداری تهران")
    assert key("شهرداري ها") == key("شهرداری‌ها")


def test_title_that_is_also_a_given_name():
    assert name_parts("امیر حسینی").key == "امیرحسینی"          # «امیر» as a given name
    assert name_parts("امیر مرتضی کاظمی").key == name_parts("مرتضی کاظمی").key  # «امیر» as a military title
    assert name_parts("امیر علی حسینی").key == name_parts("امیرعلی حسینی").key  # the compound given name wins


def test_place_key():
    assert place_key("شهر مشهد") == place_key("مشهد") == place_key("مشهد")
    assert place_key("شهرستان كاشان") == place_key("کاشان")
    assert place_key("شهر") == "شهر"  # nothing but the division word: kept
    assert place_key("شهرکرد") != place_key("کرد")  # a word starting with «شهر» is not a division
