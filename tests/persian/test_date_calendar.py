"""Calendar arithmetic: the article date in its written forms, Jalali month lengths and shifts."""
import datetime as dt

import pytest

from pipeline.persian.date_calendar import _add_jmonths, _jmonth_last, _nearest, _part, parse_article_date


@pytest.mark.parametrize(
    "s, expected",
    [("1399/12/11", dt.date(2021, 3, 1)), ("۱۳۹۹-۱۲-۱۱", dt.date(2021, 3, 1)), ("2021-03-01", dt.date(2021, 3, 1)),
     ("2021-03-01T10:00:00", dt.date(2021, 3, 1)), (None, None), ("", None)],
)
def test_parse_article_date(s, expected):
    assert parse_article_date(s) == expected


@pytest.mark.parametrize("s", ["yesterday", "1399/13/40", "11 اسفند"])
def test_parse_article_date_errors(s):
    with pytest.raises(ValueError, match="1399/12/11|month and day"):
        parse_article_date(s)


@pytest.mark.parametrize("jy,jm,last", [(1399, 12, 30), (1400, 12, 29), (1402, 1, 31), (1402, 7, 30)])
def test_jalali_month_length(jy, jm, last):
    assert _jmonth_last(jy, jm) == last  # 1399 is a Jalali leap year, 1400 is not


def test_month_shift_clamps_to_the_month_end():
    start = dt.date(2023, 9, 22)  # 31 Shahrivar 1402
    assert _add_jmonths(start, 1) == dt.date(2023, 10, 22)  # 30 Mehr: Mehr has 30 days
    assert _add_jmonths(start, -6) == dt.date(2023, 3, 20)  # 29 Esfand 1401: not a leap year


def test_part_of_a_period():
    rng = (dt.date(2021, 3, 21), dt.date(2022, 3, 20))
    assert _part(rng, "end") == (rng[1], rng[1])
    assert _part(rng, "start") == (rng[0], rng[0])
    first, second = _part(rng, "first_half"), _part(rng, "second_half")
    assert first[0] == rng[0] and second[1] == rng[1] and second[0] == first[1] + dt.timedelta(days=1)


def test_nearest_year_prefers_the_recent_past():
    anchor = dt.date(2021, 3, 1)

    def make(y):  # 1 January of year y
        return dt.date(y, 1, 1), dt.date(y, 1, 1)

    assert _nearest(make, anchor, 2021) == (dt.date(2021, 1, 1), dt.date(2021, 1, 1))
    # a day months ahead of the article (beyond the future window) is read as last year's
    def make_dec(y):
        return dt.date(y, 12, 1), dt.date(y, 12, 1)

    assert _nearest(make_dec, anchor, 2021) == (dt.date(2020, 12, 1), dt.date(2020, 12, 1))
