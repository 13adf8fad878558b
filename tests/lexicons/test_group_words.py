"""Group words: the listed group nouns and the plural of any one-word title («فرماندهان»)."""
import pytest

from pipeline.lexicons import group_words
from pipeline.textkey import key


def _old(text: str) -> str:
    """Older orthography: Arabic ي/ك, ZWNJ written as a space."""
    return text.replace("ی", "ي").replace("ک", "ك").replace("\u200c", " ")


@pytest.mark.parametrize("old", [False, True])
@pytest.mark.parametrize("word,is_group", [
    # plurals of one-word titles: «ان», «ین», «گان» (نماینده -> نمایندگان)
    ("فرماندهان", True), ("نمایندگان", True), ("معاونین", True), ("بازرسان", True), ("مدیران", True),
    ("کارشناسان", True),
    # listed group nouns
    ("شهرداران", True), ("خبرنگاران", True),
    # not plurals of a title: an ordinal, common nouns in «ان», institutions in «ها»
    ("نخستین", False), ("پایان", False), ("میزبان", False), ("شهرداری‌ها", False), ("استان", False),
    # a title in the singular
    ("فرمانده", False), ("مدیر", False),
])
def test_plural_of_a_title_is_a_group_word(word, is_group, old):
    w = _old(word) if old else word
    assert (key(w) in group_words()) is is_group
