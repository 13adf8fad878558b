"""The date lexicons compiled into patterns: both orthographies, months that are also words."""
import pytest

from pipeline.persian.date_patterns import _lex, _patterns
from pipeline.textkey import fold, key


def test_month_table_marks_ambiguous_months():
    months = _lex().months
    assert months[key("اسفند")][:2] == ("jalali", 12)
    assert months[key("دی")][2] is True  # also «دی» the word: needs a cue
    assert months[key("فروردین")][2] is False


@pytest.mark.parametrize("text,month", [("۱۱ اسفند", "اسفند"), ("11 اسفند", "اسفند"), ("۵ ارديبهشت", "ارديبهشت")])
def test_day_month_pattern_in_both_orthographies(text, month):
    m = _patterns().day_month.search(fold(text))
    assert m is not None and m.group(3) == fold(month)


@pytest.mark.parametrize("text,found", [("سال ۱۴۰۲", "1402"), ("سال مالی 1399", "1399"), ("سال‌ها", None)])
def test_year_after_sal(text, found):
    m = _patterns().year_after_sal.search(fold(text))
    assert (m.group(1) if m else None) == found
