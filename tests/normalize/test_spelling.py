"""The spelling-in-context model (pipeline/normalize/spelling.py): «X‌های» /
«Xه‌ای» chosen from the words around them.  ``|`` stands for a ZWNJ."""

import math

import pytest

from pipeline.normalize import Normalizer
from pipeline.normalize.spelling import (
    INDEF,
    LEFT,
    NEAR,
    PLURAL,
    RIGHT,
    SpellingModel,
    different_readings,
    reading_class,
    reading_pair,
    window_features,
)

from ._helpers import both, z


@pytest.mark.parametrize(
    "a, b, expected",
    [
        ("حرف|های", "حرفه|ای", True),  # the half-space in two places: two words
        ("زمین|های", "زمینه|ای", True),
        ("آن|ها", "آنها", False),  # joined or not: house style
        ("هم|زمان", "همزمان", False),
        ("کتاب|خانه|ها", "کتاب|خانه", False),  # one placement contains the other
    ],
)
def test_different_readings(a, b, expected):
    assert different_readings(z(a), z(b)) is expected


@pytest.mark.parametrize(
    "word, expected",
    [("حرف|های", PLURAL), ("زمینه|ای", INDEF), ("خانه|ای", INDEF), ("ها", None), ("سال|ها", None), ("نامه", None)],
)
def test_reading_class(word, expected):
    assert reading_class(z(word)) == expected


@pytest.mark.parametrize(
    "letters, expected",
    [
        ("حرفهای", ("حرف|های", "حرفه|ای")),
        ("گوشهای", ("گوش|های", "گوشه|ای")),
        ("کوچهای", ("کوچ|های", "کوچه|ای")),
        ("شهرهای", None),  # «ر» does not join: no visible half-space, no plural reading to write
        ("های", None),
        ("حرف|های", None),  # a half-space already written is kept
    ],
)
def test_reading_pair(letters, expected):
    got = reading_pair(z(letters))
    assert got == (None if expected is None else tuple(z(x) for x in expected))


def test_window_features():
    f = window_features(["او", "در", "این"], ["که", "گفت", "شد", "دیگر"])
    assert f == [LEFT + "این", RIGHT + "که", NEAR + "او", NEAR + "در", NEAR + "گفت", NEAR + "شد"]
    assert window_features([], []) == []


def _toy_model():
    """Hand-made counts: «حرف‌های» is seen before «مردم», «حرفه‌ای» after «ورزشکار»;
    the pooled indefinite class is seen before «برای»."""
    plural, indef = z("حرف|های"), z("حرفه|ای")
    entries = {
        plural: (10, 20, 4, {RIGHT + "مردم": 8}),
        indef: (10, 20, 4, {LEFT + "ورزشکار": 8}),
        INDEF: (100, 200, 20, {RIGHT + "برای": 60}),
        PLURAL: (100, 200, 20, {RIGHT + "مردم": 20}),
    }
    return SpellingModel(entries, 0.7, lambda w: 1e-4), plural, indef


def test_neighbours_move_the_choice():
    m, plural, indef = _toy_model()
    assert m.score(plural, []) == pytest.approx(m.score(indef, []))  # equal counts, no context
    assert m.score(plural, [RIGHT + "مردم"]) > m.score(indef, [RIGHT + "مردم"]) + 2
    assert m.score(indef, [LEFT + "ورزشکار"]) > m.score(plural, [LEFT + "ورزشکار"]) + 2


def test_unseen_spelling_backs_off_to_its_reading_class():
    m, _, _ = _toy_model()
    a, b = z("گوشه|ای"), z("گوش|های")  # no line of their own
    assert m.score(a, [RIGHT + "برای"], prior=1.0) > m.score(b, [RIGHT + "برای"], prior=1.0) + 2
    assert m.score(a, [], prior=1.0) == 0.0  # log prior only
    assert m.score(a, []) == -math.inf  # no count and no prior given


def test_sets_exclude_the_pooled_classes():
    m, plural, indef = _toy_model()
    assert set(m.spellings("حرفهای")) == {plural, indef}
    assert m.spellings("های") == ()


# --------------------------------------------------------------------------- with the packaged model
# «X‌های» (a plural) or «Xه‌ای» (a word in «ه» + «ای») from the words around
# them; each sentence written for this test
READINGS = [
    ("او یک ورزشکار حرفهای است", "او یک ورزشکار حرفه|ای است"),
    ("به حرفهای مردم گوش داد", "به حرف|های مردم گوش داد"),
    ("یک تیم حرفهای ساخت", "یک تیم حرفه|ای ساخت"),
    ("زمینهای کشاورزی آب ندارد", "زمین|های کشاورزی آب ندارد"),
    ("این کار زمینهای برای همکاری فراهم کرد", "این کار زمینه|ای برای همکاری فراهم کرد"),
    ("یک خانهای کوچک خرید", "یک خانه|ای کوچک خرید"),
    ("دستهای از مردم آمدند", "دسته|ای از مردم آمدند"),
    ("با دستهای خالی برگشت", "با دست|های خالی برگشت"),
    ("نقشهای برای شهر کشید", "نقشه|ای برای شهر کشید"),
    ("نقشهای مهمی دارند", "نقش|های مهمی دارند"),
    # decided by the spelling model: the bigram model alone writes «X‌های» here
    ("یک محلهای برای بازی کودکان ساختند", "یک محله|ای برای بازی کودکان ساختند"),
    ("شهرداری محلهای برای بازی ندارد", "شهرداری محله|ای برای بازی ندارد"),
    ("برنامه تجهیزات پیشرفتهای برای بیمارستان خرید", "برنامه تجهیزات پیشرفته|ای برای بیمارستان خرید"),
]
BY_THE_SPELLING_MODEL = READINGS[-3:]


@pytest.fixture(scope="module")
def without_model():
    return Normalizer(reading_margin=None)


@pytest.fixture(scope="module")
def with_model():
    return Normalizer()


@pytest.mark.parametrize("text, expected", both(READINGS))
def test_reading_chosen_from_context(with_model, text, expected):
    assert with_model.normalize(text).text == z(expected)


@pytest.mark.parametrize("text, expected", both(BY_THE_SPELLING_MODEL))
def test_the_spelling_model_makes_these_choices(without_model, text, expected):
    assert without_model.normalize(text).text != z(expected)


def test_offsets_stay_exact(with_model):
    raw = "يك محلهاي براي بازي كودكان ساختند"
    nt = with_model.normalize(raw)
    i = nt.text.index("محله")
    word = nt.text[i : nt.text.index(" ", i)]
    assert word == z("محله|ای")
    assert nt.raw_slice(i, i + len(word)) == "محلهاي"


def test_a_large_margin_switches_it_off():
    n = Normalizer(reading_margin=1e9)
    off = Normalizer(reading_margin=None)
    for text, _ in READINGS:
        assert n.normalize(text).text == off.normalize(text).text
