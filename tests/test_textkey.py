"""The one text key: spellings by different hands and eras compare equal, different words do not."""
import pytest

from pipeline.tag.rules import word_key
from pipeline.textkey import fold, key

SAME = [
    ("هیأت", "هیات"), ("هیئت", "هیات"),                      # hamza forms
    ("۱۴۰۲", "1402"), ("١٤٠٢", "1402"),                      # Persian / Arabic-Indic digits
    ("شهرداری‌ها", "شهرداري ها"), ("شهرداریها", "شهرداری ها"),  # ZWNJ / space / Arabic ي
    ("رئیس", "رییس"), ("نایب‌رئیس", "نايب رييس"),             # older orthography
    ("كاشان", "کاشان"), ("مَسئول", "مسئول"), ("شـهردار", "شهردار"),  # Arabic ک, diacritic, tatweel
    ("ﻻ", "لا"),                                              # presentation form (NFKC)
]
DIFFERENT = [("شهردار", "شهرداری"), ("رئیس", "رئیسه"), ("۱۴۰۲", "1403"), ("مدیر", "مدیران")]


@pytest.mark.parametrize("a,b", SAME)
def test_variants_share_one_key(a, b):
    assert key(a) == key(b)
    assert word_key(a) == word_key(b)  # the rule finders use the same key


@pytest.mark.parametrize("a,b", DIFFERENT)
def test_different_words_keep_different_keys(a, b):
    assert key(a) != key(b)


def test_fold_keeps_length_and_hamza():
    text = "مسئول هیأت ۱۲٬۵۰۰ ريال"
    assert len(fold(text)) == len(text)
    assert "ئ" in fold(text)  # output strings (figure units) are cut from the folded text
    assert fold(text).endswith("12,500 ریال")


def test_key_of_none_is_empty():
    assert key(None) == ""
