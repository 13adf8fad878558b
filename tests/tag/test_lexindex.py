"""Finder tokens, keys and the phrase index: spellings of one entry match alike."""
import pytest

from pipeline.tag.lexindex import PhraseIndex, all_word, tokenize_words, toks_from_words, word_key

Z = "\u200c"


@pytest.mark.parametrize("a,b", [
    ("نایب‌رئیس", "نايب رييس"), ("۱۲٬۵۰۰", "12500"), ("هیأت", "هيات"), ("شهرداری‌ها", "شهرداري ها"),
])
def test_word_key_joins_spellings(a, b):
    assert word_key(a) == word_key(b)


def test_finder_tokens_keep_symbols_apart():
    toks = tokenize_words("بودجه ۱۲٬۵۰۰ میلیارد، «ریال»")
    assert [(t.text, t.key, t.is_word) for t in toks] == [
        ("بودجه", "بودجه", True), ("۱۲٬۵۰۰", "12500", True), ("میلیارد", "میلیارد", True),
        ("،", "،", False), ("«", "«", False), ("ریال", "ریال", True), ("»", "»", False)]


@pytest.mark.parametrize("text,end", [
    ("نایب‌رئیس شورا", 1), ("نایب رئیس شورا", 2), ("نایبرئیس شورا", 1), ("نايب رييس شورا", 2),
    ("نایب شورا", 0),                     # a prefix of an entry is not a match
    ("رئیس شورا", 1),                      # the shorter entry
])
def test_phrase_index_matches_the_longest_entry_in_any_spelling(text, end):
    index = PhraseIndex(["نایب‌رئیس", "رئیس"])
    assert index.match(tokenize_words(text), 0) == end


def test_a_split_function_word_must_belong_to_the_entry():
    index = PhraseIndex(["وزیر", "آب و فاضلاب"])
    assert index.match(tokenize_words("و زیر"), 0) == 0              # «و زیر» is not «وزیر»
    assert index.match(tokenize_words("آب و فاضلاب"), 0) == 3        # «و» is a word of this entry


def test_list_commas_inside_an_entry_are_skipped():
    index = PhraseIndex(["وزیر بهداشت درمان"])
    assert index.match(tokenize_words("وزیر بهداشت، درمان"), 0) == 4


def test_pretokenized_words():
    toks = toks_from_words(["شهردار", "،", f"{Z}اش", "۱۲٫۵"])
    assert [t.is_word for t in toks] == [True, False, True, True]
    assert [t.start for t in toks] == [0, 7, 9, 13]  # offsets as if joined by single spaces
    assert not all_word("ـ") and not all_word("a b ")
