"""Verb inflection patterns: tense, person and polarity from the two stems, in both orthographies."""
import pytest

from pipeline.persian.verbforms import compiled, verb_form


def old(text: str) -> str:
    """Older orthography: Arabic ي/ك and affixes split by a space instead of a ZWNJ."""
    return text.replace("ی", "ي").replace("ک", "ك").replace("\u200c", " ")


def fold_letters(text: str) -> str:
    return text.replace("ي", "ی").replace("ك", "ک")


FORMS = [
    # (past stem, present stem, written form, tense, person, plural, negated)
    ("کرد", "کن", "کرد", "past", 3, False, False),
    ("کرد", "کن", "کردیم", "past", 1, True, False),
    ("کرد", "کن", "نکردند", "past", 3, True, True),
    ("کرد", "کن", "می‌کرد", "past", 3, False, False),
    ("کرد", "کن", "می‌کنیم", "present", 1, True, False),
    ("کرد", "کن", "نمی‌کنند", "present", 3, True, True),
    ("کرد", "کن", "کنند", "subjunctive", 3, True, False),
    ("کرد", "کن", "خواهیم کرد", "future", 1, True, False),
    ("کرد", "کن", "نخواهد کرد", "future", 3, False, True),
    ("کرد", "کن", "کرده‌اند", "perfect", 3, True, False),
    ("کرد", "کن", "کرده است", "perfect", 3, False, False),
    ("شد", "شو", "می‌شود", "present", 3, False, False),
    ("شد", "شو", "خواهد شد", "future", 3, False, False),
    ("شد", "شو", "شوند", "subjunctive", 3, True, False),
    ("گفت", "گو", "می‌گوید", "present", 3, False, False),
    ("گفت", "گو", "می‌گوییم", "present", 1, True, False),
    ("گفت", "گو", "گفتند", "past", 3, True, False),
    ("رسید", "رس", "می‌رسد", "present", 3, False, False),
    ("داشت", "دار", "داریم", "present", 1, True, False),   # «داشتن» takes no «می» in the present
]


@pytest.mark.parametrize("orth", [lambda s: s, old], ids=["modern", "old"])
@pytest.mark.parametrize("past,present,form,tense,person,plural,negated", FORMS)
def test_forms(orth, past, present, form, tense, person, plural, negated):
    written = fold_letters(orth(form))  # matching runs on folded letters; spaces stay as written
    m = compiled(past, present).fullmatch(written)
    assert m is not None, written
    vf = verb_form(m, vowel_stem=present.endswith(("ا", "و")))
    assert (vf.tense, vf.person, vf.plural, vf.negated) == (tense, person, plural, negated)


@pytest.mark.parametrize("past,present,word", [
    ("کرد", "کن", "کردار"),      # a noun that starts with the stem
    ("گفت", "گو", "گفتگو"),
])
def test_other_words_are_not_verb_forms(past, present, word):
    assert compiled(past, present).fullmatch(word) is None


def test_no_match_inside_a_longer_word():
    assert compiled("کرد", "کن").search("کردستان") is None


@pytest.mark.parametrize("orth", [lambda s: s, old, lambda s: s.replace("\u200c", "")], ids=["modern", "old", "glued"])
@pytest.mark.parametrize("past,present,form,progressive,hypothetical", [
    ("کرد", "کن", "می‌کرد", True, False),          # a past with «می»: ongoing or habitual
    ("شد", "شو", "نمی‌شدند", True, False),
    ("کرد", "کن", "کرد", False, False),
    ("خواست", "خواه", "خواسته باشد", False, True),  # a perfect with a subjunctive auxiliary: a supposition
    ("کرد", "کن", "کرده باشند", False, True),
    ("کرد", "کن", "کرده است", False, False),
    ("شد", "شو", "می‌شود", False, False),
])
def test_progressive_and_hypothetical(orth, past, present, form, progressive, hypothetical):
    m = compiled(past, present).fullmatch(fold_letters(orth(form)))
    assert m is not None
    vf = verb_form(m)
    assert (vf.progressive, vf.hypothetical) == (progressive, hypothetical)
