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


# --------------------------------------------------------------------------- common words never seen side by side
FREE_LINES = LINES + ["صدا بلند شد", "میان شهر", "صدام آمد"] * 3


@pytest.fixture(scope="module")
def free_model():
    model = BigramModel.train(FREE_LINES)
    return model, _lexicon(model, {})


def test_unseen_pair_of_common_words_needs_min_free(free_model):
    model, lex = free_model
    # «بلند» and «میان» are both seen 3+ times, never side by side
    assert GlueSplitter(model, lex, min_piece=2, margin=4.0, min_free=0).split("بلندمیان", "در", "گفت") is None
    assert GlueSplitter(model, lex, min_piece=2, margin=4.0, min_free=2).split("بلندمیان", "در", "گفت") == ("بلند", "میان")
    # too rare for a free split
    assert GlueSplitter(model, lex, min_piece=2, margin=4.0, min_free=50).split("بلندمیان", "در", "گفت") is None


@pytest.mark.parametrize("tok", ["صدامیان", "صدامان"])
def test_derived_word_is_never_freely_split(free_model, tok):
    # «صدام» + «یان»/«ان» (a surname or plural) also reads as «صدا» + «میان»/«مان»
    model, lex = free_model
    assert GlueSplitter(model, lex, min_piece=2, margin=4.0, min_free=2).split(tok, "آقای", "گفت") is None


def test_piece_is_looked_up_with_its_half_space():
    model = BigramModel.train(LINES + ["گزارش‌های شورا"] * 3)
    lex = _lexicon(model, {})
    restore = {"گزارشهای": "گزارش" + Z + "های"}.get
    sp = GlueSplitter(model, lex, min_piece=2, margin=4.0, restore=lambda w: restore(w, w))
    split = sp.split("درگزارشهای", "امسال", "شورا")
    assert split == ("در", "گزارش" + Z + "های")
    assert GlueSplitter.cut("درگزارشهای", split[0]) == 2
    assert GlueSplitter.cut("ab" + Z + "cd", "ab" + Z + "c") == 4
    # without the restorer the piece «گزارشهای» is unknown
    assert GlueSplitter(model, lex, min_piece=2, margin=4.0).split("درگزارشهای", "امسال", "شورا") is None


def test_clitic_margin_is_separate():
    model = BigramModel.train(LINES)
    lex = _lexicon(model, {})
    assert GlueSplitter(model, lex, min_piece=2, margin=4.0, clitic_margin=1000.0).split("وامسال", "شهردار", "در") is None
    assert GlueSplitter(model, lex, min_piece=2, margin=1000.0, clitic_margin=4.0).split("وامسال", "شهردار", "در") == ("و", "امسال")


def test_space_ratio_splits_a_token_seen_spaced_far_more_often():
    model = BigramModel.train(LINES)
    n = {w: model.count(w) for w in model.words if not w.startswith("<")}
    # «به‌طور» seen 3 times with a half-space, 40 times as «به طور»
    lex = Lexicon(n={**n, "به" + Z + "طور": 3}, h={}, b={"به" + Z + "طور": 40},
                  variants={"بهطور": ("به" + Z + "طور",), "بهروز": ("به" + Z + "روز",)},
                  verb_bodies=frozenset(), participles=frozenset(), ratio={})
    off = GlueSplitter(model, lex, min_piece=1, margin=0.0)
    on = GlueSplitter(model, lex, min_piece=1, margin=0.0, space_ratio=8.0)
    assert off.is_word("بهطور")  # a half-space case by default
    assert not on.is_word("بهطور")
    assert not GlueSplitter(model, lex, min_piece=1, margin=0.0, space_ratio=10.0).is_word("بهطور")  # 40 > 10 x 3
    assert GlueSplitter(model, lex, min_piece=1, margin=0.0, space_ratio=20.0).is_word("بهطور")  # 40 < 20 x 3
    # a given name keeps its half-space reading, never two words
    named = GlueSplitter(model, lex, min_piece=1, margin=0.0, space_ratio=8.0, names=frozenset({"بهروز"}))
    assert named.is_word("بهروز")


# ------------------------------------------------------------------ half-space case written as two words
# sentences written for these tests: «به طور» and «به‌طور» both occur, the
# spaced form more often; «می‌شود», «کتاب‌ها», «آنها» never stand as two words
SPACED_LINES = [
    "او به طور کامل گفت",
    "کار به طور کامل انجام شد",
    "شهردار به طور جدی گفت",
    "این به" + Z + "طور ویژه است",
    "کار انجام می" + Z + "شود",
    "کتاب" + Z + "ها رسید",
    "می شود",
    "کتاب ها",
] * 4


@pytest.fixture(scope="module")
def spaced_splitter():
    model = BigramModel.train(SPACED_LINES)
    n = {w: model.count(w) for w in model.words if not w.startswith("<")}
    variants = {"بهطور": ("به" + Z + "طور",), "میشود": ("می" + Z + "شود",), "کتابها": ("کتاب" + Z + "ها",)}
    lex = Lexicon(n=n, h={}, b={}, variants=variants, verb_bodies=frozenset(), participles=frozenset(), ratio={})
    return GlueSplitter(model, lex, min_piece=2, margin=4.0, space_margin=0.0, space_min=2)


@pytest.mark.parametrize(
    "tok, prev, nxt, expected",
    [
        ("بهطور", "او", "کامل", ("به", "طور")),  # «به طور کامل»: the spaced form in this context
        ("بهطور", "این", "ویژه", None),  # «به‌طور ویژه»: the half-spaced form in this context
        ("میشود", "انجام", "<s>", None),  # «می» + verb: never two words
        ("کتابها", "<s>", "رسید", None),  # a plural: never two words
    ],
)
def test_half_space_case_split_by_context(spaced_splitter, tok, prev, nxt, expected):
    assert spaced_splitter.split(tok, prev, nxt, spaced=True) == expected


def test_half_space_case_split_needs_the_spaced_text(spaced_splitter):
    # without ``spaced`` (a text that drops half-spaces) a half-space case is never split
    assert spaced_splitter.split("بهطور", "او", "کامل") is None
    assert spaced_splitter.spaced_readings("میشود") == ()
    assert spaced_splitter.spaced_readings("کتابها") == ()
    assert [r[1:] for r in spaced_splitter.spaced_readings("بهطور")] == [("به", "طور")]


# ``common_keep`` (off by default): a glued token whose two spellings are both
# in common use («ازجمله» and «از جمله», each 5+ times and >= the share of the
# two) is the writer's spelling, not a lost space; a token the model has
# rarely seen glued is still split
BOTH_WAYS_LINES = ["او ازجمله مدیران شهر بود"] * 5 + ["او از جمله مدیران شهر بود"] * 40 + ["او در این شهر بود"] * 10


@pytest.mark.parametrize("common_keep, tok, kept", [
    (0.1, "ازجمله", True),      # 5 glued / 40 spaced: both in common use (11%)
    (0.2, "ازجمله", False),     # but below a share of 0.2
    (None, "ازجمله", False),    # the option off: split like a lost space
    (0.1, "دراین", False),      # never seen glued: a lost space
])
def test_common_keep(common_keep, tok, kept):
    model = BigramModel.train(BOTH_WAYS_LINES)
    lex = _lexicon(model, {})
    g = GlueSplitter(model, lex, min_piece=2, margin=0.0, clitic_margin=0.0, common_keep=common_keep)
    got = g.split(tok, "او", "مدیران" if tok == "ازجمله" else "شهر")
    assert (got is None) is kept, got
