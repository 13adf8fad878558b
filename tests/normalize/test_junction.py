"""The junction model (half-space or joined inside a word never seen), with the
packaged data, in both orthographies (modern Persian letters and the Arabic
«ي»/«ك» of older archives).  Every word and sentence here was made up for
these tests.  ``|`` stands for a ZWNJ.
"""

import re

import pytest

from pipeline.normalize import Normalizer, normalize
from pipeline.normalize.junction import (
    JunctionStats,
    affix_class,
    candidate_junctions,
    end_class,
    junction_features,
    junction_model_available,
)
from pipeline.normalize.zwnj import DATA_DIR

from ._helpers import Z, arabic, both, canonical, z

pytestmark = pytest.mark.skipif(not junction_model_available(DATA_DIR), reason="junction model not built")


def both_single(words):
    return both([(w, None) for w in words])


# --------------------------------------------------------------------------- classes
@pytest.mark.parametrize(
    "right, cls",
    [("ها", "ha"), ("هایشان", "ha"), ("ترین", "tar"), ("تر", "tar"), ("ای", "clitic"), ("اش", "clitic"), ("شان", "clitic"),
     ("مان", "clitic"), ("زاده", "name"), ("نژاد", "name"), ("آبادی", "name"), ("گری", "gar"), ("سازی", "w"), ("کتاب", "w")],
)
def test_affix_class(right, cls):
    assert affix_class(right) == cls


@pytest.mark.parametrize("left, cls", [("پنجره", "ه-"), ("کوچه", "ه-"), ("راه", "ه"), ("کوه", "ه"), ("شهرداری", "ی"), ("پارک", "ک")])
def test_end_class(left, cls):
    assert end_class(left) == cls


def _known(p):
    return p in {"کتاب", "خانه", "پارک", "بان", "شهر", "گردی", "کوچه", "سازی"}


@pytest.mark.parametrize(
    "word, must, never",
    [
        ("کتابها", {4}, set()),  # before a plural
        ("میروند", {2}, set()),  # after «می»
        ("برمیگردند", {4}, set()),  # after a preverb + «می»
        ("پارکبان", {4}, set()),  # two known pieces
        ("کوچهسازی", {4}, set()),
        ("شهردار", set(), {3}),  # «دار» is no known piece here
        ("دردها", set(), {3}),  # never after a letter that does not join («د»)
        ("کارگرها", set(), {4}),  # after «ر»: a half-space would be invisible
    ],
)
def test_candidate_junctions(word, must, never):
    got = set(candidate_junctions(word, _known))
    assert must <= got
    assert not (never & got)


def test_own_type_is_taken_out_of_the_shares():
    stats = JunctionStats({"R:بان": (2, 1), "L:پارک": (2, 2), "E:ک": (10, 10)})
    score = {"پارک": 50, "بان": 20}.get
    unseen = junction_features("پارکبان", 4, lambda p: score(p, 0), lambda a, b: 0, stats)
    as_own = junction_features("پارکبان", 4, lambda p: score(p, 0), lambda a, b: 0, stats, own=True)
    assert "sr=3" in unseen  # 2 of 3 types half-spaced: 4 * 2/3 rounds to 3
    assert "sr=na" in as_own  # 1 + 1 left: too few types to give a share
    assert [f for f in unseen if not f.startswith(("sr", "sl", "se", "rg,sr", "sr,sl", "rg,se"))] == [
        f for f in as_own if not f.startswith(("sr", "sl", "se", "rg,sr", "sr,sl", "rg,se"))]


# --------------------------------------------------------------------------- decisions
# words never seen in any spelling: the junction model puts the half-space, the
# lexicon's rules alone leave them joined
MODEL_HALF_SPACE = [
    ("انجمن پنبهکاران استان", "انجمن پنبه|کاران استان"),
    ("گروه زبالهگردها", "گروه زباله|گردها"),
    ("گروه پارکبانان شهر", "گروه پارک|بانان شهر"),
    ("طرح محلهگردی نوروز", "طرح محله|گردی نوروز"),
    ("هزینه آبرسانیشان زیاد بود", "هزینه آبرسانی|شان زیاد بود"),
    ("آقای قنداننژاد گفت", "آقای قندان|نژاد گفت"),
    ("شهرگردیها ادامه دارد", "شهرگردی|ها ادامه دارد"),
]

# never seen; the model and the rules agree on a half-space
HALF_SPACE = [
    ("مراسم کوچهنشینان محله", "مراسم کوچه|نشینان محله"),
    ("کارگاه تندیسسازی شهرداری", "کارگاه تندیس|سازی شهرداری"),
    ("نصب ترافیکشکن در خیابان", "نصب ترافیک|شکن در خیابان"),
    ("عملیات یخزدایی معابر", "عملیات یخ|زدایی معابر"),
    ("انجمن دوچرخهسواران شهر", "انجمن دوچرخه|سواران شهر"),
]

# never seen, and must stay joined: surnames and adjectives in «ی/یان»,
# made-up names (a candidate junction exists in each)
STAY_JOINED = ["خانواده کاسپینیان", "جشن مهرگانی", "نشان سیمرغی", "محله بهارستانی", "آقای کارتیمر", "خاندان شهریاریان",
               "خاندان سبزواریان", "خانواده کشمیریان"]


@pytest.mark.parametrize("text, expected", both(MODEL_HALF_SPACE))
def test_model_puts_half_space_in_unseen_word(text, expected):
    assert normalize(text).text == z(expected)
    rules_only = Normalizer(zwnj_options={"junctions": False}).normalize(text).text
    assert rules_only != z(expected)


@pytest.mark.parametrize("text, expected", both(HALF_SPACE))
def test_unseen_compound_gets_half_space(text, expected):
    assert normalize(text).text == z(expected)


@pytest.mark.parametrize("text, _", both_single(STAY_JOINED))
def test_unseen_word_stays_joined(text, _):
    assert Z not in normalize(text).text


@pytest.mark.parametrize("text, _", both([(t, None) for t, _ in MODEL_HALF_SPACE + HALF_SPACE]))
def test_offsets_exact(text, _):
    nt = normalize(text)
    for m in re.finditer(r"\S+", nt.text):
        assert canonical(nt.raw_slice(m.start(), m.end())) == canonical(m.group())


def test_glued_words_still_split():
    # the splitter reads pieces without the junction model: two glued words
    # are not taken for one compound with a half-space
    assert normalize("در کنار خیابانپارک").text == "در کنار خیابان پارک"
    assert normalize("شهردار وامسال گفت").text == "شهردار و امسال گفت"


def test_half_space_already_written_stays():
    assert normalize(z("تیم پل|سازان رسید")).text == z("تیم پل|سازان رسید")  # the model alone would not put it


def test_threshold_is_an_option():
    strict = Normalizer(zwnj_options={"junction_add": 1.01})
    assert strict.normalize("طرح محلهگردی نوروز").text == "طرح محلهگردی نوروز"


# the junction model acts only where the writer drops half-spaces
@pytest.mark.parametrize(
    "text, expected",
    both(
        [
            # a lost half-space elsewhere («میشود»): the writer drops them
            ("طرح محلهگردی نوروز اجرا میشود", "طرح محله|گردی نوروز اجرا می|شود"),
            ("طرح محلهگردی در پارکهای بزرگ", "طرح محله|گردی در پارک|های بزرگ"),
            # no evidence either way: the model acts
            ("طرح محلهگردی نوروز", "طرح محله|گردی نوروز"),
            # half-spaces written as spaces («می شود», «شهر ها»): joined on purpose
            ("طرح محلهگردی نوروز اجرا می شود", "طرح محلهگردی نوروز اجرا می|شود"),
            ("طرح محلهگردی در بوستان های شهر", "طرح محلهگردی در بوستان|های شهر"),
            # half-spaces written: joined on purpose
            ("طرح محلهگردی نوروز اجرا می|شود", "طرح محلهگردی نوروز اجرا می|شود"),
        ]
    ),
)
def test_junction_model_only_where_half_spaces_are_lost(text, expected):
    assert normalize(z(text)).text == z(expected)


def test_gate_can_be_switched_off():
    assert Normalizer(junction_gate=False).normalize("طرح محلهگردی نوروز اجرا می شود").text == z("طرح محله|گردی نوروز اجرا می|شود")


# «(ن)می» + letters that are no verb body of the lexicon: names and nouns that
# begin with «می» stay joined (``junction_mi_verbs``); the model alone would put a
# half-space after «می»
MI_NOT_A_VERB = ["آقای میرسلیمان گفت", "آقای میرحسینیان گفت", "تیم میزبانان", "آقای میکولایف گفت"]
# «(ن)می» + a verb body: the half-space stays
MI_VERB = [("آنها میتپند", "آنها می|تپند"), ("مردم میخروشند", "مردم می|خروشند"), ("آنها برمیخیزند", "آنها برمی|خیزند"),
           ("آنها نمیپذیرند", "آنها نمی|پذیرند"), ("کارها میچرخد", "کارها می|چرخد"),
           # a verb with the next word run into it keeps its half-space
           ("این کار انجام میشودسپس مدیر آمد", "این کار انجام می|شودسپس مدیر آمد")]


@pytest.mark.parametrize("text, _", both_single(MI_NOT_A_VERB))
def test_no_half_space_after_mi_before_no_verb(text, _):
    assert Z not in normalize(text).text
    assert Z in Normalizer(zwnj_options={"junction_mi_verbs": False}).normalize(text).text


@pytest.mark.parametrize("text, expected", both(MI_VERB))
def test_half_space_after_mi_before_a_verb(text, expected):
    assert normalize(text).text == z(expected)
