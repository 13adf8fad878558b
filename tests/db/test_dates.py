"""Article dates and date filters: Jalali or ISO, day, month or year, Persian or Latin digits."""
import datetime as dt

import pytest

from pipeline.db.dates import date_range, jalali, parse_date

D = dt.date


@pytest.mark.parametrize("text, first, last", [
    ("1403/08/15", D(2024, 11, 5), D(2024, 11, 5)),
    ("۱۴۰۳/۰۸/۱۵", D(2024, 11, 5), D(2024, 11, 5)),          # Persian digits
    ("١٤٠٣-٠٨-١٥", D(2024, 11, 5), D(2024, 11, 5)),          # Arabic-Indic digits, dashes
    ("1403/12", D(2025, 2, 19), D(2025, 3, 20)),              # Esfand of a leap year: 30 days
    ("1402", D(2023, 3, 21), D(2024, 3, 19)),
    ("2024-02", D(2024, 2, 1), D(2024, 2, 29)),
    ("2024-11-05T08:30", D(2024, 11, 5), D(2024, 11, 5)),     # time part ignored
])
def test_date_range(text, first, last):
    assert date_range(text) == (first, last)


@pytest.mark.parametrize("bad", ["دیروز", "1403/13/01", "1403/07/31", "05/11/2024"])
def test_bad_dates_say_what_to_write(bad):
    with pytest.raises(ValueError, match="1403/08/15|no such day"):
        date_range(bad)


def test_article_date():
    assert parse_date(None) is None and parse_date(" ") is None
    assert jalali(parse_date("2024-11-05")) == "1403/08/15"
    with pytest.raises(ValueError, match="not a single day"):
        parse_date("1403/08")
