"""Shared word classes: what can be a name word, and marking spans on the token occupancy."""
import pytest

from pipeline.tag.lexindex import finder_lexicons, tokenize_words
from pipeline.tag.wordclass import is_verbish, mark, name_word_at, unmark


def _word_at(text, k):
    toks = tokenize_words(text)
    return name_word_at(toks, k, finder_lexicons())


@pytest.mark.parametrize("text,k,expected", [
    ("کیانفر گفت", 0, True),
    ("همکاری کنند", 0, False),            # the noun of a compound verb
    ("همكاري كنند", 0, False),            # ... in Arabic letters
    ("حضور می‌یابند", 0, False),           # followed by a verb with «می‌»
    ("۱۲ نفر", 0, False),                 # digits
    ("، گفت", 0, False),                  # punctuation
    ("و کیانفر", 0, False),                # a function word
])
def test_name_words(text, k, expected):
    assert _word_at(text, k) is expected


@pytest.mark.parametrize("word,expected", [("می‌گوید", True), ("برگزار‌شده", True), ("است", True), ("توکلی", False)])
def test_verbish(word, expected):
    assert is_verbish(tokenize_words(word)[0]) is expected


def test_mark_and_unmark():
    spans, occ = [("LOC", 3, 4)], [None] * 6
    occ[3] = "LOC"
    mark(spans, occ, "ROLE", 0, 2)
    assert occ[:4] == ["ROLE", "ROLE", None, "LOC"]
    unmark(spans, occ, 2, 5)  # a place absorbed by an ORG: spans inside go, spans outside stay
    assert spans == [("ROLE", 0, 2)] and occ[3] is None and occ[0] == "ROLE"
