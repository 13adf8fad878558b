"""Half-space (ZWNJ) restoration."""

import re
from pathlib import Path

import pytest

from pipeline.normalize import Normalizer, normalize
from pipeline.normalize.zwnj import Lexicon, ZwnjRestorer, canonical_word, joins_next

from ._helpers import Z, z

_ROOT = Path(__file__).resolve().parents[2]
# ../shared next to the checkout (or next to the folder of worktrees)
SHARED = next((p / "shared" / "corpora" for p in (_ROOT.parent, _ROOT.parent.parent) if (p / "shared" / "corpora").is_dir()),
              _ROOT.parent / "shared" / "corpora")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("شهرداریها", "شهرداری|ها"),
        ("بهکار", "به|کار"),
        ("نایبرئیس", "نایب|رئیس"),
        ("خزانهدار", "خزانه|دار"),
        ("همافزایی", "هم|افزایی"),
        ("پنجنفره", "پنج|نفره"),
        ("میتواند", "می|تواند"),
        ("نمیتوانند", "نمی|توانند"),
        ("برمیگردد", "برمی|گردد"),
        ("برنامهریزی", "برنامه|ریزی"),
        ("برنامهریزیها", "برنامه|ریزی|ها"),
        ("چالشهای", "چالش|های"),
        ("دغدغهها", "دغدغه|ها"),
        ("شهرداریهاست", "شهرداری|هاست"),
        ("بیادعا", "بی|ادعا"),
        ("کتابها", "کتاب|ها"),
        ("ماهها", "ماه|ها"),
        ("خانهها", "خانه|ها"),
        ("گفتهاند", "گفته|اند"),
        ("داشتهایم", "داشته|ایم"),
        ("زندگیاش", "زندگی|اش"),
        # partially written: keep the existing ZWNJ, add the missing one
        ("برنامه|ریزیها", "برنامه|ریزی|ها"),
        # Arabic letters first, then restoration
        ("شهرداريها", "شهرداری|ها"),
        ("ميتواند", "می|تواند"),
    ],
)
def test_restores(text, expected):
    assert normalize(z(text)).text == z(expected)


@pytest.mark.parametrize(
    "word",
    [
        "تنها", "آنها", "اینها", "میهن", "بهار", "همسر", "بیمار", "بیمه", "نهاد", "میزها",
        "آرزوها", "نیروها", "بهترین", "بیشتر", "همچنین", "میدان", "میان", "میزان", "بنابراین",
        "الهام", "دیگر", "دفتر", "بستری", "تنهایی", "نهایی", "میلیون", "بیژن", "همدان", "منها",
        "شهردار", "شهرداری", "اینکه", "آنچه", "بیاید",
    ],
)
def test_leaves_joined_words(word):
    assert normalize(word).text == word


@pytest.mark.parametrize(
    "text, expected",
    [
        # older orthography: affixes split by spaces
        ("مي شود", "می|شود"),
        ("شهرداري ها", "شهرداری|ها"),
        ("بزرگ ترين", "بزرگ|ترین"),
        ("مي توانند برنامه ريزي كنند", "می|توانند برنامه|ریزی کنند"),
        ("فعاليت هاي شهرداري", "فعالیت|های شهرداری"),
    ],
)
def test_old_orthography(text, expected):
    assert normalize(text).text == z(expected)


def test_sentence():
    raw = "شهردار تهران گفت شهرداریها میتوانند در برنامهریزی نقش داشته باشند و تنها راه همافزایی است."
    assert normalize(raw).text == z(
        "شهردار تهران گفت شهرداری|ها می|توانند در برنامه|ریزی نقش داشته باشند و تنها راه هم|افزایی است."
    )


def test_restore_flag_off_keeps_hazm_separate_mi():
    n = Normalizer(restore_zwnj=False)
    assert n.normalize("میروم و کتابها").text == z("می|روم و کتابها")
    assert Normalizer(restore_zwnj=False, separate_mi=False).normalize("میروم").text == "میروم"


def test_no_zwnj_after_non_joining_letter():
    text = "آرزوها نیروهای دانشجوها کارها شهرها میزها دردها روزها گروهها درسها " * 3
    out = normalize(text).text
    for m in re.finditer(Z, out):
        assert joins_next(out[m.start() - 1]), out[m.start() - 5 : m.start() + 5]


@pytest.mark.parametrize(
    "tok, expected",
    [("|کتاب|", "کتاب"), ("کتاب||ها", "کتاب|ها"), ("نیرو|ها", "نیروها"), ("", ""), ("|", "")],
)
def test_canonical_word(tok, expected):
    assert canonical_word(z(tok)) == z(expected)


def test_lexicon_loads_with_counts_and_verb_bodies():
    lex = Lexicon.load()
    assert lex.n.get("می" + Z + "شود", 0) > 1000
    assert "تواند" in lex.verb_bodies


def test_restorer_is_lazy():
    r = ZwnjRestorer()
    assert r._lex is None
    r.restore_word("کتابها")
    assert r._lex is not None


def test_data_files_small():
    data = Path(__file__).resolve().parents[2] / "pipeline" / "normalize" / "data"
    assert sum(f.stat().st_size for f in data.iterdir()) < 5_000_000


@pytest.mark.skipif(not (SHARED / "fars_news_lm").is_dir(), reason="../shared/corpora (beside the checkout) not available")
def test_restoration_on_held_out_fars_sample():
    """A quick regression check on 30 of the 200 held-out Fars articles."""
    import importlib.util

    repo = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location("zb", repo / "benchmarks" / "zwnj_restoration.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    held = sorted(bench.build.fars_heldout_links(SHARED))[:30]
    docs = {link: text for link, text in bench.build.fars_articles(SHARED) if link in held}
    score = bench.Score()
    n = Normalizer()
    for text in docs.values():
        score.add(text, n.normalize(text.replace(Z, "")).text)
    assert score.words > 100
    assert score.restored / score.words > 0.85


# --------------------------------------------------------------------------- compounds and margins (hand-built lexicon)
def _restorer(n: dict[str, int], **kw) -> ZwnjRestorer:
    variants: dict[str, list[str]] = {}
    for f in n:
        if Z in f:
            variants.setdefault(f.replace(Z, ""), []).append(f)
    lex = Lexicon(n=n, h={}, b={}, variants={k: tuple(v) for k, v in variants.items()}, verb_bodies=frozenset(),
                  participles=frozenset(), ratio={"clitic": 0.03})
    kw.setdefault("junctions", False)  # the rules alone (the packaged junction model: test_junction.py)
    r = ZwnjRestorer(**kw)
    r._lex = lex
    return r


# words and compounds made up for these tests: «سازی» is mostly written after
# a half-space, «گاه» mostly joined
_N = {
    "مدرسه": 50, "اسکله": 40, "جاده": 60, "پل": 30, "سازی": 40, "دانش": 80, "گاه": 20, "کار": 90,
    "جاده" + Z + "سازی": 5, "پل" + Z + "سازی": 4, "کار" + Z + "سازی": 3, "خانه": 70, "خانه" + Z + "سازی": 6,
    "دانشگاه": 300, "کارگاه": 40, "خانهگاه": 0,
    "هم" + Z + "زمان": 10, "همزمان": 9, "زمان": 100,
}


@pytest.mark.parametrize(
    "word, expected",
    [
        ("مدرسهسازی", "مدرسه|سازی"),  # unseen joined; «سازی» a half-space head
        ("اسکلهسازی", "اسکله|سازی"),
        ("دانشگاه", "دانشگاه"),  # seen joined: stays
        ("پلگاه", "پلگاه"),  # «گاه» is not a half-space head; «پل» not ه-final
    ],
)
def test_compound_heads(word, expected):
    assert _restorer(dict(_N)).restore_word(word) == z(expected)


def test_head_shares_are_counted_from_forms():
    right, left, letter = _restorer(dict(_N)).lexicon.heads()
    assert right["سازی"] == 1.0  # four half-spaced forms, no joined one
    assert "گاه" not in right  # no half-spaced form at all


@pytest.mark.parametrize("margin, expected", [(1.5, "همزمان"), (1.0, "هم|زمان")])
def test_compound_margin(margin, expected):
    # 10 half-spaced vs 9 joined: the half-space wins only under a margin below 10/9
    assert _restorer(dict(_N), compound_margin=margin).restore_word("همزمان") == z(expected)


def test_compounds_need_both_words_known():
    assert _restorer(dict(_N)).restore_word("قلعهسازی") == "قلعهسازی"  # «قلعه» unseen


@pytest.mark.parametrize(
    "word, expected",
    [
        ("دفترچهها", "دفترچه|ها"),  # the plural needs no evidence beyond a stem seen twice
        ("دفترچهام", "دفترچهام"),  # a clitic on a stem seen twice: too little evidence
        ("نردبانها", "نردبان|ها"),
    ],
)
def test_min_evidence_spares_the_plural(word, expected):
    r = _restorer({"دفترچه": 2, "نردبان": 2})
    r.lexicon.ratio.update({"ha": 0.06, "clitic": 0.03})
    assert r.restore_word(word) == z(expected)
    r.min_evidence = 0.0
    r._cache.clear()
    assert Z in r.restore_word(word)  # without the threshold every reading is taken


@pytest.mark.parametrize("left, cls", [("پنجره", "ه-"), ("قبیله", "ه-"), ("کوه", "ه"), ("راه", "ه"), ("ده", "ه"), ("کتاب", "ب")])
def test_end_class(left, cls):
    from pipeline.normalize.zwnj import _end_class

    assert _end_class(left) == cls
