"""Persian number parsing: digits in any script, number words, mixes, fractions."""
import pytest

from pipeline.persian.numbers import find_numbers, parse_digits, parse_number, parse_ordinal


@pytest.mark.parametrize(
    "text, expected",
    [
        ("یک هزار و ۵۰۰ میلیارد", 1.5e12),
        ("۶ هزار و ۲۰۰", 6200),
        ("سیصد و شصت و پنج هزار", 365000),
        ("یک‌هزار و ۴۷", 1047),  # ZWNJ
        ("یک هزار و ۴۷", 1047),  # space
        ("یکهزار و 47", 1047),  # joined, Latin digits
        ("۱۲ هزار و ۵۰۰", 12500),
        ("دو و نیم میلیون", 2.5e6),
        ("یک میلیون و نیم", 1.5e6),
        ("هزار میلیارد", 1e12),
        ("3 ميليارد و 420 ميليون و 15 هزار و 208", 3420015208),  # Arabic ي, Latin digits
        ("هفتاد و دو ميليون", 72e6),
        ("يك هزار و سيصد", 1300),  # Arabic ي/ك
        ("٣٥", 35),  # Arabic-Indic digits
        ("۳۵", 35),
        ("35", 35),
        ("۲/۵", 2.5),
        ("۲.۵", 2.5),
        ("۲٫۵", 2.5),
        ("2/5", 2.5),
        ("۱۲,۵۰۰", 12500),
        ("۱۲٬۵۰۰", 12500),
        ("1.500.000", 1.5e6),
        ("12,500.5", 12500.5),
        ("نیم", 0.5),
        ("ربع", 0.25),
        ("دو سوم", 2 / 3),
        ("سه چهارم", 0.75),
        ("یک پنجم", 0.2),
        ("هفتصد و هفتاد و هفت", 777),
        ("دوازده", 12),
        ("صد", 100),
        ("یکصد و بیست", 120),
        ("پانصد", 500),
        ("نه", 9),
    ],
)
def test_parse_number(text, expected):
    assert parse_number(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    "text",
    ["دومین", "سوم", "نخستین", "بیست و پنجم", "۱۲ام", "صدها", "ده‌ها", "ده ها", "هزاران", "چند",
     "۱۳۹۹/۱۲/۱۱", "۵ و ۶", "", "   ", "شهرداری", "۲۰ درصد"],
)
def test_parse_number_rejects(text):
    assert parse_number(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [("۱۲۳", 123), ("1,234,567", 1234567), ("۰/۵", 0.5), ("12.5", 12.5), ("۱۳۹۹/۱۲/۱۱", None), ("abc", None)],
)
def test_parse_digits(text, expected):
    assert parse_digits(text) == (pytest.approx(expected) if expected is not None else None)


@pytest.mark.parametrize(
    "text, expected",
    [("دوم", 2), ("دومین", 2), ("سوم", 3), ("نخستین", 1), ("هفدهم", 17), ("بیست و پنجم", 25),
     ("سی‌ام", 30), ("سی و یکم", 31), ("۱۷ام", 17), ("دو", None)],
)
def test_parse_ordinal(text, expected):
    assert parse_ordinal(text) == expected


def test_find_numbers_maximal_spans():
    text = "نزدیک به یک هزار و ۷۰۰ میلیارد ریال برای ۵ و ۶ پروژه"
    found = [(text[s:e], v) for s, e, v in find_numbers(text)]
    assert found == [("یک هزار و ۷۰۰ میلیارد", 1.7e12), ("۵", 5), ("۶", 6)]


@pytest.mark.parametrize(
    "text",
    ["برای دومین بار", "ده‌ها پروژه", "صدها نفر", "چند هزار نفر", "بیست و پنجمین جلسه", "در ۱۳۹۹/۱۲/۱۱", "ساعت ۱۰:۳۰"],
)
def test_find_numbers_skips_ordinals_vague_and_dates(text):
    assert find_numbers(text) == []


def test_find_numbers_fraction_vs_ordinal():
    text = "دو سوم اعضا در جلسه دوم حاضر بودند"
    found = [(text[s:e], v) for s, e, v in find_numbers(text)]
    assert found == [("دو سوم", pytest.approx(2 / 3))]
