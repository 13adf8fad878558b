"""The speed-ups of the normalizer keep its output: caches (piece spellings,
word-pair joins, the pieces of a token asked twice), the pre-test of a piece's
letters before its spelling look-up, and context tokens read once.

Texts are written for these tests.  What is asserted are properties (the
same output cold and warm, the same output as a reference without the
pre-test, offsets mapping back to the raw text), never outputs of the code
itself."""

import re

import pytest

from pipeline.normalize import Normalizer
from pipeline.normalize.context import BigramModel
from pipeline.normalize.glue import CLITICS, GlueSplitter
from pipeline.normalize.zwnj import Lexicon

from ._helpers import arabic, canonical

Z = "\u200c"

TEXTS = [
    # glued clitics, a glued pair, lost half-spaces, a name, numbers
    "شهردارتهران امروزدرجلسه شورا گفت: پروژههای عمرانی وامسال دراحداث پارکها پیش میرود.\n"
    "بهگزارش خبرنگار ما، رئیس شورا بهطور کلی از ۱۲ طرح خبر داد و گفت که بودجه ۱۲،۵۰۰ میلیارد ریال است.",
    # half-spaces written as spaces, a name with «زاده», a word pair joined by the spacing rules
    "کتاب ها و شهرداری ها در این منطقه کار می کنند. محمد حسن زاده در تهران زاده شد.\n"
    "برنامه ریزی شهری و کلان شهرها؛ خیابانپارک و میدانآزادی.",
    # a heading run into the next sentence, a repeated letter, a hashtag
    "اخبار شهری دارندرئیس سازمان گفت سلاممممم #مشهدبیمه_همتا ازجمله درواقع براساس",
]


def _runs(s: str) -> str:
    return re.sub(r"(.)\1+", r"\1", s)


def _case_ids():
    return [f"fa:{i}" for i in range(len(TEXTS))] + [f"ar:{i}" for i in range(len(TEXTS))]


ALL_TEXTS = TEXTS + [arabic(t) for t in TEXTS]


@pytest.fixture(scope="module")
def normalizer():
    return Normalizer()


@pytest.mark.parametrize("raw", ALL_TEXTS, ids=_case_ids())
def test_cold_and_warm_output_identical(normalizer, raw):
    """A fresh normalizer, one whose caches are full of other text, and the
    same text normalized twice give the same text and the same offsets."""
    warm = normalizer
    for other in ALL_TEXTS:
        warm.normalize(other)
    fresh = Normalizer().normalize(raw)
    again = warm.normalize(raw)
    assert fresh.text == again.text
    assert fresh.to_raw == again.to_raw
    assert fresh._raw_ends == again._raw_ends


@pytest.mark.parametrize("raw", ALL_TEXTS, ids=_case_ids())
def test_offsets_map_back_to_raw(normalizer, raw):
    """Every normalized word maps back to raw text with the same letters."""
    res = normalizer.normalize(raw)
    assert res.to_raw[len(res.text)] == len(raw)
    assert list(res.to_raw) == sorted(res.to_raw)
    i = 0
    for word in res.text.split():
        start = res.text.index(word, i)
        end = start + len(word)
        # letters repeated 3+ times are shortened («سلاممممم»): compare runs
        assert _runs(canonical(res.raw_slice(start, end))) == _runs(canonical(word))
        i = end


@pytest.mark.parametrize("raw", ALL_TEXTS, ids=_case_ids())
def test_context_tokens_reused_only_when_unchanged(raw):
    """Restoring half-spaces with the tokens the glued-word step handed over
    gives what reading the tokens again gives."""
    a = Normalizer()
    b = Normalizer()
    b._split_glued = lambda t, spaced=False, f=b._split_glued: (f(t, spaced=spaced), None)[1]  # never hand tokens over
    ra, rb = a.normalize(raw), b.normalize(raw)
    assert ra.text == rb.text and ra.to_raw == rb.to_raw


# ---------------------------------------------------------------- pieces pre-test
LINES = [
    "شهردار امسال در شهر تهران پارک جدید ساخت",
    "مدیر منطقه در احداث پارک کمک کرد",
    "ساختمان" + Z + "های شهر در این منطقه",
    "رئیس شورا گفت که شهر به بودجه نیاز دارد",
    "پارک" + Z + "ها و خیابان" + Z + "ها",
] * 12


def _reference_pieces(g: GlueSplitter, tok: str) -> list[tuple[str, str]]:
    """The splitter's piece search as first written: the spelling of both
    pieces looked up for every cut, the tests in their first order."""
    found = []
    for i in range(1, len(tok)):
        a, b = tok[:i], tok[i:]
        if len(b) < 2 or (len(a) < 2 and a not in CLITICS) or Z in (a[-1], b[0]):
            continue
        if len(tok) < 4 and a not in CLITICS:
            continue
        from pipeline.normalize.glue import BOUND_PREFIXES, BOUND_SUFFIXES

        if b in BOUND_SUFFIXES or a in BOUND_PREFIXES:
            continue
        a, b = g._form(a), g._form(b)
        if a in CLITICS and g._word_plus_suffix(a, b):
            continue
        if a not in CLITICS and g.model.pair_count(a, b) < g.min_pair and not g._run_in(a, b) and not g._free(a, b, tok):
            continue
        if a in CLITICS:
            if g._freq(b) >= g.clitic_min_piece:
                found.append((a, b))
        elif g._known(a) and g._known(b):
            found.append((a, b))
    return found


@pytest.fixture(scope="module")
def splitter():
    model = BigramModel.train(LINES)
    n = {w: model.count(w) for w in model.words if not w.startswith("<")}
    variants = {}
    for w in n:
        if Z in w:
            variants.setdefault(w.replace(Z, ""), []).append(w)
    lex = Lexicon(n=n, h={}, b={}, variants=variants, verb_bodies=frozenset(), participles=frozenset(), ratio={})
    return GlueSplitter(model, lex, min_piece=3, clitic_min_piece=3, min_free=5)


@pytest.mark.parametrize("tok", [
    "شهردارامسال", "درشهر", "دراحداث", "پارکجدید", "ساختمانهایشهر", "ساختمانهای", "وپارکها", "درپارکها",
    "شهرتهران", "خیابانهاپارک", "بهبودجه", "کهشهر", "تهرانزز", "ززتهران", "درز", "مدیرمنطقه",
])
def test_pieces_match_the_reference(splitter, tok):
    assert splitter._find_pieces(tok) == _reference_pieces(splitter, tok)
    # asked twice (is_word then candidates): the same pieces, and a copy
    first = splitter._pieces(tok)
    first.append(("x", "y"))
    assert splitter._pieces(tok) == _reference_pieces(splitter, tok)


@pytest.mark.parametrize("piece,expected", [
    ("تهران", True),            # counted
    ("ساختمانهای", True),       # counted with a half-space
    ("پارکها", True),           # a counted stem + a plural suffix
    ("تهرانتر", True),          # a counted stem + a comparative suffix
    ("ززز", False),             # letters of no counted word
    ("تهرانزز", False),
])
def test_may_count_is_a_necessary_condition(splitter, piece, expected):
    assert splitter._may_count(piece) is expected
    if not expected:
        assert splitter._freq(splitter._form(piece)) == 0
