"""Glued-word splitting (:mod:`pipeline.normalize.glue`) on a hand-built model
and lexicon: no packaged data involved."""

import pytest

from pipeline.normalize.context import BigramModel
from pipeline.normalize.glue import BOUND_PREFIXES, BOUND_SUFFIXES, CLITICS, GlueSplitter
from pipeline.normalize.zwnj import Lexicon

Z = "\u200c"

# Sentences written for these tests, repeated so that every word is frequent.
LINES = [
    "شهردار امسال در شهر تهران پارک جدید ساخت",
    "مدیر منطقه در احداث پارک کمک کرد",
    "رئیس شورا گفت که شهر به بودجه نیاز دارد",
    "او برای درمان بیماران به بیمارستان رفت",
    "این پروژه در این منطقه اجرا شد",
    "گزارش شورا",
    "رئیس شورا آمد",
    "آنها کار دارند",
    "کتاب بیکار نیست",
    "آرمان ما بزرگ است",
    "وام مسکن",
    "سال نو",
] * 3


def _lexicon(model: BigramModel, extra: dict[str, int]) -> Lexicon:
    n = {w: model.count(w) for w in model.words if not w.startswith("<")}
    n.update(extra)
    return Lexicon(n=n, h={}, b={}, variants={"بهطور": ("به" + Z + "طور",)}, verb_bodies=frozenset(),
                   participles=frozenset(), ratio={})


@pytest.fixture(scope="module")
def splitter():
    model = BigramModel.train(LINES)
    # glued forms seen in old text: «دراین» a little, far less than «در این»
    lex = _lexicon(model, {"دراین": 1, "درمان": model.count("درمان")})
    return GlueSplitter(model, lex, min_piece=2, margin=4.0)


@pytest.mark.parametrize(
    "tok, prev, nxt, expected",
    [
        # a clitic run into the next word
        ("وامسال", "شهردار", "در", ("و", "امسال")),
        ("دراحداث", "منطقه", "پارک", ("در", "احداث")),
        ("کهشهر", "گفت", "به", ("که", "شهر")),
        ("دراین", "پروژه", "منطقه", ("در", "این")),
        # two words seen side by side
        ("شهرتهران", "در", "پارک", ("شهر", "تهران")),
        # a heading run into the next line: «...دارند» ends lines, «رئیس» starts them
        ("دارندرئیس", "کار", "شورا", ("دارند", "رئیس")),
    ],
)
def test_must_split(splitter, tok, prev, nxt, expected):
    assert splitter.split(tok, prev, nxt) == expected


@pytest.mark.parametrize(
    "tok, prev, nxt",
    [
        ("درمان", "برای", "بیماران"),  # a word in its own right, «در مان» never seen
        ("بهطور", "و", "کامل"),  # a half-space case: «به‌طور»
        ("بودجهپارک", "این", "است"),  # «بودجه پارک» never seen side by side
        ("بیکار", "کتاب", "نیست"),  # «بی» is a bound prefix
        ("کتابها", "این", "است"),  # «ها» is a bound suffix
        ("شهر", "در", "تهران"),  # too short to hold two words
        ("ناشناختهنام", "در", "شهر"),  # pieces unknown
    ],
)
def test_must_never_split(splitter, tok, prev, nxt):
    assert splitter.split(tok, prev, nxt) is None


def test_margin_is_conservative():
    model = BigramModel.train(LINES)
    lex = _lexicon(model, {})
    eager = GlueSplitter(model, lex, min_piece=2, margin=0.0)
    strict = GlueSplitter(model, lex, min_piece=2, margin=500.0)
    assert eager.split("وامسال", "شهردار", "در") == ("و", "امسال")
    assert strict.split("وامسال", "شهردار", "در") is None


def test_frequent_whole_is_a_word():
    model = BigramModel.train(LINES)
    # «وامسال» seen as often as «و امسال»: a word, never split
    lex = _lexicon(model, {"وامسال": 50})
    assert GlueSplitter(model, lex, min_piece=2, margin=0.0).split("وامسال", "شهردار", "در") is None


def test_tables_are_disjoint():
    assert not (CLITICS & BOUND_PREFIXES)
    assert "ها" in BOUND_SUFFIXES and "شان" in BOUND_SUFFIXES
