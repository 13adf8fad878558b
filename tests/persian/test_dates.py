"""The public face of the date modules: one import for finding and resolving."""
from pipeline.persian import date_calendar, date_finder, date_resolve, dates


def test_dates_reexports_the_split_modules():
    assert dates.find_dates is date_finder.find_dates
    assert dates.resolve_date is date_resolve.resolve_date
    assert dates.parse_article_date is date_calendar.parse_article_date
    assert set(dates.__all__) == {"DateSpan", "DateValue", "find_dates", "parse_article_date", "resolve_date"}


def test_found_spans_resolve_against_the_article_date():
    text = "این پروژه دیروز و ۱۱ اسفند ۱۳۹۹ بازدید شد."
    values = [dates.resolve_date(d.text, "1399/12/12") for d in dates.find_dates(text)]
    assert [v.iso for v in values] == ["2021-03-01", "2021-03-01"]
    assert [v.relative for v in values] == [True, False]
