"""DATE spans of the date grammar through combine: the finder's span wins over the model's pieces
(a partial DATE, an ORG or LOC inside an occasion), FIG never overlaps it, and the FIG/DATE rule for
durations holds (a bounded stretch is DATE, a measured duration is FIG)."""
import pytest

from pipeline.document import Span
from pipeline.persian.spans import date_and_figure_spans
from pipeline.tag.combine import combine


def _model(text, pieces):
    out = []
    for label, piece in pieces:
        i = text.index(piece)
        out.append(Span(label, i, i + len(piece), piece))
    return out


def _entities(text, model_pieces=()):
    dates, figures = date_and_figure_spans(text, "1402/05/15")
    ents = combine(_model(text, model_pieces), list(dates) + list(figures))
    return [(e.label, e.text) for e in ents if e.label in ("DATE", "FIG", "ORG", "LOC")]


@pytest.mark.parametrize(
    "text, model, expected",
    [
        # prepositions: the model's bare date is replaced by the finder's span with its preposition
        ("ثبت نام از امروز آغاز می‌شود.", [("DATE", "امروز")], [("DATE", "از امروز")]),
        ("مدارس تا چهارشنبه هفته جاری تعطیل است.", [("DATE", "چهارشنبه هفته جاری")],
         [("DATE", "تا چهارشنبه هفته جاری")]),
        ("ايستگاه تا قبل از مهر ماه افتتاح مي‌شود.", [("DATE", "مهر ماه")], [("DATE", "تا قبل از مهر ماه")]),
        # ranges and appositions: one span, not two
        ("تخفیف از ۲۰ اسفند تا ششم فروردین است.", [("DATE", "۲۰ اسفند"), ("DATE", "ششم فروردین")],
         [("DATE", "از ۲۰ اسفند تا ششم فروردین")]),
        ("شهردار ديروز پنجشنبه گفت.", [("DATE", "ديروز")], [("DATE", "ديروز پنجشنبه")]),
        # heads: the model's inner date is part of the finder's span
        ("در تعطیلات نوروز امسال مسافران آمدند.", [("DATE", "نوروز امسال")], [("DATE", "تعطیلات نوروز امسال")]),
        ("در سه ماه اول سال ۹۵ چیزی نشد.", [("DATE", "سال ۹۵")], [("DATE", "سه ماه اول سال ۹۵")]),
        # occasions: an ORG/LOC the model finds inside the occasion's name does not survive
        ("آیین هفته روابط عمومی برگزار شد.", [("ORG", "روابط عمومی")], [("DATE", "هفته روابط عمومی")]),
        ("نمایشگاه هفته دولت برگزار شد.", [("ORG", "دولت")], [("DATE", "هفته دولت")]),
        ("به مناسبت بیستمین سالگرد تأسیس کتابخانه مرکزی یزد، جشن گرفتند.", [("LOC", "یزد")],
         [("DATE", "بیستمین سالگرد تأسیس کتابخانه مرکزی یزد")]),
        # durations: bounded -> DATE (no FIG inside); measured -> FIG
        ("باید طی ۱۰ روز آمار را اعلام کنند.", [], [("DATE", "طی ۱۰ روز")]),
        ("عملیات در مدت ۱۰ دقیقه انجام شد.", [], [("FIG", "۱۰ دقیقه")]),
        ("طرح بعد از ۲ ماه بررسی شد.", [], [("DATE", "بعد از ۲ ماه")]),
        # not dates: the model's span of another label is kept
        ("روزنامه همشهری از شهرداری تهران گزارش داد.", [("ORG", "روزنامه همشهری"), ("ORG", "شهرداری تهران")],
         [("ORG", "روزنامه همشهری"), ("ORG", "شهرداری تهران")]),
        ("گزارشی از شهرداری تهران منتشر شد.", [("ORG", "شهرداری تهران")], [("ORG", "شهرداری تهران")]),
    ],
)
def test_finder_date_spans_through_combine(text, model, expected):
    assert _entities(text, model) == expected


def test_values_ride_on_the_combined_span():
    text = "تخفیف از ۲۰ اسفند تا ششم فروردین است."
    dates, _ = date_and_figure_spans(text, "1402/05/15")
    (d,) = dates
    assert (d.value.jalali, d.value.iso_end) == ("1401-12-20", "2023-03-26")
