"""DATE and FIG spans found once, with their parsed values on the spans."""
import pytest

from pipeline.persian import spans as spans_mod
from pipeline.persian.dates import DateValue
from pipeline.persian.figures import FigureValue, parse_figure
from pipeline.persian.spans import date_and_figure_spans

TEXT = "شهردار گفت ۱۲ اسفند ۱۴۰۱ بودجه ۵۰۰ میلیارد تومانی و ۳۰ درصد پیشرفت تا پایان سال محقق می‌شود."
OLD = "شهردار گفت 12 اسفند 1401 بودجه 500 ميليارد تومانی و 30 درصد پيشرفت تا پايان سال محقق مي شود."


@pytest.mark.parametrize("text", [TEXT, OLD])
def test_dates_and_figures_with_values(text):
    dates, figures = date_and_figure_spans(text, "1401/12/15")
    assert [d.label for d in dates] == ["DATE", "DATE"] and [f.label for f in figures] == ["FIG", "FIG"]
    assert [text[s.start:s.end] for s in dates + figures] == [s.text for s in dates + figures]
    assert all(isinstance(d.value, DateValue) for d in dates)
    assert dates[0].value.jalali == "1401-12-12"
    assert dates[1].value.jalali == "1401-12-29"  # «تا پایان سال» against the article date
    assert all(isinstance(f.value, FigureValue) for f in figures)
    assert [f.value.value for f in figures] == [5e11, 30]
    assert [f.value for f in figures] == [parse_figure(f.text) for f in figures]  # the value is parse_figure's


def test_the_year_inside_a_date_is_not_a_figure():
    dates, figures = date_and_figure_spans("در سال ۱۴۰۲ تعداد ۱۲ ایستگاه ساخته شد.")
    assert [d.text for d in dates] == ["سال ۱۴۰۲"]
    assert [f.text for f in figures] == ["۱۲ ایستگاه"]


def test_the_date_finder_runs_once(monkeypatch):
    calls = []
    real = spans_mod.find_dates

    def counting(text):
        calls.append(text)
        return real(text)

    monkeypatch.setattr(spans_mod, "find_dates", counting)
    import pipeline.persian.dates as dates_mod

    monkeypatch.setattr(dates_mod, "find_dates", lambda text: pytest.fail("find_figures found the dates again"))
    date_and_figure_spans(TEXT)
    assert len(calls) == 1


def test_an_unreadable_article_date_leaves_values_empty_not_the_spans():
    dates, figures = date_and_figure_spans(TEXT, "۱۳:۵۴ دیروز")
    assert [d.text for d in dates] == ["۱۲ اسفند ۱۴۰۱", "تا پایان سال"]
    assert all(d.value is None for d in dates) and len(figures) == 2
