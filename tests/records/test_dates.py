"""The dates record stage: the article date is read once, also from noisy metadata."""
import datetime as dt

import pytest

from pipeline.records.dates import article_anchor, find_dates

from .conftest import make_doc


@pytest.mark.parametrize("field,expected", [
    ("1399/12/11", dt.date(2021, 3, 1)),
    ("۱۳:۵۴\n      ۱۴۰۲-۵-۱۵", dt.date(2023, 8, 6)),   # a time before the date, as scraped
    ("2021-03-01 10:00", dt.date(2021, 3, 1)),
    ("دیروز", None),                                  # no date inside: relative dates stay unresolved
    (None, None),
])
def test_article_anchor(field, expected):
    assert article_anchor(field) == expected


def test_noisy_article_date_does_not_fail_the_records():
    doc = make_doc("جلسه شورا صبح امروز برگزار شد.", [("DATE", "صبح امروز")])
    doc.date = "۱۳:۵۴\n ۱۴۰۲-۵-۱۵"
    (d,) = find_dates(doc)
    assert d.resolved and d.iso == "2023-08-06"
    doc.date = "بدون تاریخ"
    (d,) = find_dates(doc)
    assert not d.resolved
