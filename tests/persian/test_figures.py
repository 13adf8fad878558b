"""Figure parsing (value/unit/kind/approx) and the rule-based FIG span finder."""
import pytest

from pipeline.persian.figures import FigureValue, find_figures, parse_figure


@pytest.mark.parametrize(
    "text, value, unit, kind, approx",
    [
        ("۳۰۰ میلیون تومان", 3e8, "تومان", "money", False),
        ("۱،۲۳۴،۵۶۷ ریال", 1234567, "ریال", "money", False),    # Arabic comma as the thousands mark
        ("12.500.000 تومان", 12500000, "تومان", "money", False),  # dots as thousands marks
        ("۱۲٬۵۰۰٬۰۰۰ تومان", 12500000, "تومان", "money", False),
        ("بالغ بر ۴۳ میلیارد ریال", 4.3e10, "ریال", "money", True),
        ("بالغ بر43 ميليارد ريال", 4.3e10, "ریال", "money", True),  # older orthography, no space
        ("حدود یک هزار و ۳۰۰ میلیارد تومان", 1.3e12, "تومان", "money", True),
        ("۵ میلیارد", 5e9, None, "money", False),
        ("هزار دلاری", 1000, "دلار", "money", False),
        ("بیش از ۸۰ درصد", 80, "درصد", "percent", True),
        ("۵ درصدی", 5, "درصد", "percent", False),
        ("۲۰٪", 20, "درصد", "percent", False),
        ("۲۰ در صد", 20, "درصد", "percent", False),  # split spelling
        ("۱۰ تا ۱۵ درصد", 10, "درصد", "percent", True),  # range: lower bound
        ("تا ۱۱ درصد", 11, "درصد", "percent", True),
        ("۵ تا ۱۰ میلیارد تومان", 5e9, "تومان", "money", True),  # the scale applies to both ends
        ("۵۰۰ تا ۲ هزار نفر", 500, "نفر", "count", True),
        ("۱۴ هزار هکتار", 14000, "هکتار", "area", False),
        ("۱۲ متر مربع", 12, "متر مربع", "area", False),
        ("۳۸ متری", 38, "متر", "length", False),
        ("کمتر از ۱۶ متر", 16, "متر", "length", True),
        ("۳۶۵ هزار نفر", 365000, "نفر", "population", False),
        ("سه نفر", 3, "نفر", "count", False),
        ("۴ هزار نفری", 4000, "نفر", "count", False),
        ("پنج‌نفره", 5, "نفر", "count", False),
        ("پنجنفره", 5, "نفر", "count", False),  # ZWNJ dropped
        ("دو ایستگاه", 2, "ایستگاه", "count", False),
        ("هشت کلاسه", 8, "کلاس", "count", False),
        ("۲۵۰ روستای", 250, "روستا", "count", False),
        ("هشت سال", 8, "سال", "duration", False),
        ("چهار دهه", 4, "دهه", "duration", False),
        ("۴ هفته‌ای", 4, "هفته", "duration", False),
        ("۴ هفته ای", 4, "هفته", "duration", False),  # split affix
        ("ربع قرن", 0.25, "قرن", "duration", False),
        ("دو برابر", 2, "برابر", "other", False),
        ("۹ هزار تن", 9000, "تن", "other", False),
        ("۱۰ تن از مسئولان", 10, "تن", "count", False),
        ("زير 300 متر", 300, "متر", "length", True),
    ],
)
def test_parse_figure(text, value, unit, kind, approx):
    fv = parse_figure(text)
    assert fv == FigureValue(pytest.approx(value), unit, kind, approx)


def test_parse_figure_without_number():
    assert parse_figure("چند پروژه").value is None


def _spans(text):
    return [f.text for f in find_figures(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("این دو پروژه با اعتبار حدود ۳۲ میلیارد ریال ساخته شد.", ["دو پروژه", "حدود ۳۲ میلیارد ریال"]),
        ("بیش از ۱۴ پیمانکار در این نمایشگاه حضور دارند.", ["بیش از ۱۴ پیمانکار"]),
        ("گروهی پنج‌نفره برای این کار تشکیل شد.", ["پنج‌نفره"]),
        ("یک سالن ۳۸ متری در طبقه دوم ساخته می‌شود.", ["۳۸ متری"]),
        ("جمعیت این شهر بالای ۸۰ هزار نفر است.", ["بالای ۸۰ هزار نفر"]),
        ("قيمت نان 10 تا 15 درصد افزايش مي يابد.", ["10 تا 15 درصد"]),
        ("اعتبار این طرح ۳ میلیارد و ۴۲۰ میلیون تومان است.", ["۳ میلیارد و ۴۲۰ میلیون تومان"]),
        ("برای این کار یک نفر و شش دستگاه اختصاص یافت.", ["یک نفر", "شش دستگاه"]),
        ("هزینه ساخت ایستگاه ۴ میلیارد تومان است.", ["۴ میلیارد تومان"]),
        ("فرماندار گفت ۳ میلیارد اعتبار تخصیص یافته است.", ["۳ میلیارد"]),
    ],
)
def test_find_figures(text, expected):
    assert _spans(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "یک طرح جدید در شورا تصویب شد.",  # the article «یک»
        "ده‌ها پروژه و صدها نفر در این طرح مشارکت دارند.",  # vague amounts
        "برای دومین بار نشست برگزار شد.",  # ordinal
        "این نشست در ۲۳ آبان ۱۴۰۱ برگزار شد.",  # date
        "در سال ۱۳۹۹ این طرح آغاز شد.",  # year
        "شهردار منطقه ۴ تبریز گفت.",  # label
        "بر اساس ماده ۱۰۰ قانون شهرداری‌ها رای صادر شد.",  # label
        "با شماره ۰۹۱۲۳۴۵۶۷۸۹ تماس بگیرید.",  # phone
        "نه تنها شهرداری بلکه شورا هم موافق است.",  # «نه» = not
        "در طول یک سال گذشته کارهای زیادی انجام شد.",  # a DATE, not a duration figure
        "ساعت ۱۰ صبح جلسه آغاز شد.",  # time
        "تیم میزبان با نتیجه ۳۹ بر ۳۵ پیروز شد.",  # score
        "همکاری‌های دو جانبه بررسی شد.",  # adjective compound
        "این طرح دوباره بررسی می‌شود.",  # «دوباره» is not «دو بار»
        "تعداد بازدید: ۵۰۴\n\nموسسه آموزش",  # the noun is on the next line
    ],
)
def test_find_figures_negatives(text):
    assert _spans(text) == []


def test_find_figures_fields_and_offsets():
    text = "در این منطقه بالغ بر245 هزار نفر زندگی می‌کنند."
    [fig] = find_figures(text)
    assert text[fig.start:fig.end] == fig.text == "بالغ بر245 هزار نفر"
    assert (fig.value, fig.unit, fig.kind, fig.approx) == (245000, "نفر", "population", True)


@pytest.mark.parametrize("sentence,fig", [
    ("هزینه این طرح ۱،۲۳۴،۵۶۷ ریال است.", "۱،۲۳۴،۵۶۷ ریال"),
    ("بودجه 12.500.000 تومان تعیین شد.", "12.500.000 تومان"),
    ("بودجه ۱۲.۵۰۰.۰۰۰ تومان تعیين شد.", "۱۲.۵۰۰.۰۰۰ تومان"),
])
def test_grouped_numbers_are_one_figure(sentence, fig):
    assert [sentence[f.start:f.end] for f in find_figures(sentence)] == [fig]


def test_dotted_date_is_not_a_figure():
    assert find_figures("در تاریخ 1399.12.11 جلسه برگزار شد.") == []


@pytest.mark.parametrize("sentence, fig, value", [
    # «N گانه» counts its parts (as «پنج‌نفره» counts people)
    ("شهرداری مناطق ۶ گانه را بازسازی کرد.", "۶ گانه", 6),
    ("طرح‌های هفت گانه اجرا شد.", "هفت گانه", 7),
    ("كميسيون‌هاي 3 گانه تشكيل شد.", "3 گانه", 3),                 # older orthography, ASCII digits
    ("شهرداري مناطق ٦ گانه را بازسازي كرد.", "٦ گانه", 6),           # Arabic-Indic digit
])
def test_n_part_adjective_is_a_count(sentence, fig, value):
    found = find_figures(sentence)
    assert [sentence[f.start:f.end] for f in found] == [fig]
    assert found[0].value == value
