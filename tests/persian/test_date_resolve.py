"""Resolving one DATE expression against a fixed article date."""
import pytest

from pipeline.persian.date_resolve import DateValue, resolve_date

ARTICLE = "1399/12/11"  # = 2021-03-01, a Monday


@pytest.mark.parametrize(
    "text, iso, iso_end, jalali, relative",
    [
        ("۱۱ اسفند ۱۳۹۹", "2021-03-01", None, "1399-12-11", False),
        ("۱۳۹۹/۱۲/۱۱", "2021-03-01", None, "1399-12-11", False),
        ("2024-03-17", "2024-03-17", None, "1402-12-27", False),
        ("سال ۹۸", "2019-03-21", "2020-03-19", "1398-01-01", False),
        ("اسفند ماه ۱۳۹۹", "2021-02-19", "2021-03-20", "1399-12-01", False),
        ("امروز", "2021-03-01", None, "1399-12-11", True),
        ("صبح امروز", "2021-03-01", None, "1399-12-11", True),
        ("دیروز", "2021-02-28", None, "1399-12-10", True),
        ("شامگاه دوشنبه", "2021-03-01", None, "1399-12-11", True),
        ("عصر یکشنبه", "2021-02-28", None, "1399-12-10", True),
        ("تا پایان سال", "2021-03-20", None, "1399-12-30", True),
        ("طی یک ماه آینده", "2021-03-01", "2021-03-31", "1399-12-11", True),
        ("ظرف دو هفته", "2021-03-01", "2021-03-15", "1399-12-11", True),
        ("هفته آینده", "2021-03-06", "2021-03-12", "1399-12-16", True),
        ("دوشنبه هفته آینده", "2021-03-08", None, "1399-12-18", True),
        ("سال آینده", "2021-03-21", "2022-03-20", "1400-01-01", True),
        ("تا پایان سال ۱۴۰۲", "2024-03-19", None, "1402-12-29", False),
        ("۱۷ مرداد ماه", "2020-08-07", None, "1399-05-17", True),
        ("۱۸ ماه جاری", "2021-03-08", None, "1399-12-18", True),
        ("دو سال پیش", "2019-03-02", None, "1397-12-11", True),
        ("در طول یک سال گذشته", "2020-03-01", "2021-03-01", "1398-12-11", True),
        ("از ابتدای سال", "2020-03-20", "2021-03-01", "1399-01-01", True),
        ("دهه فجر امسال", "2021-01-31", "2021-02-10", "1399-11-12", True),
        ("روز جمعه 8 اکتبر سال جاری میلادی", "2021-10-08", None, "1400-07-16", True),
        ("تا پايان سال نود و دو", "2014-03-20", None, "1392-12-29", False),
    ],
)
def test_resolve_date(text, iso, iso_end, jalali, relative):
    v = resolve_date(text, ARTICLE)
    assert (v.iso, v.iso_end, v.jalali, v.resolved, v.relative) == (iso, iso_end, jalali, True, relative)


def test_resolve_relative_without_article_date():
    v = resolve_date("صبح امروز", None)
    assert v == DateValue(text="صبح امروز", resolved=False, relative=True)


def test_resolve_absolute_without_article_date():
    assert resolve_date("۱۱ اسفند ۱۳۹۹").iso == "2021-03-01"


def test_resolve_vague_is_unresolved():
    v = resolve_date("طی هفته‌های اخیر", ARTICLE)
    assert not v.resolved and v.text == "طی هفته‌های اخیر"


def test_article_date_as_a_date_object_equals_the_string():
    import datetime as dt

    assert resolve_date("دیروز", dt.date(2021, 3, 1)) == resolve_date("دیروز", ARTICLE)
