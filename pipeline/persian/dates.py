"""Persian date and time expressions: find them (DATE spans) and resolve them.

:func:`find_dates` is a rule-based DATE span finder over normalized text. It knows
absolute Jalali, Gregorian and Hijri dates («۲۳ آبان ۱۴۰۱», «آبان ماه ۱۴۰۱»,
«۱۴۰۱/۰۸/۲۳», «سال ۹۸», «2024-03-17», «۸ اکتبر»), weekdays and parts of the day
(«شامگاه دوشنبه», «صبح امروز»), relative words («دیروز», «هفته آینده», «۲۴ ساعت
گذشته»), positions in a period («نیمه اول سال آینده», «پایان خرداد»), named
periods («دهه فجر امسال», «هفته دولت») and keeps the preposition of a deadline or
stretch («تا پایان سال», «طی یک ماه آینده», «ظرف دو هفته», «از ابتدای سال»).
Around these cores :mod:`pipeline.persian.date_grammar` builds the whole expression: occasions
(«هفته روابط عمومی», «بیستمین سالگرد تأسیس کتابخانه شهر»), head nouns («آستانه نوروز», «سه ماه
اول سال ۹۳»), ranges («از ۲۰ اسفند تا ششم فروردین») and appositions («دیروز پنجشنبه»).
Vague words («به‌زودی», «تاکنون», «در حال حاضر») are not dates.

:func:`resolve_date` turns one such expression into Gregorian/Jalali dates, using
the article date for relative expressions. All word lists live in
``pipeline/lexicons/date_*.tsv|txt``.

The work is split in four modules: :mod:`pipeline.persian.date_patterns` (lexicons and
regexes), :mod:`pipeline.persian.date_finder` (the spans), :mod:`pipeline.persian.date_grammar`
(the expression around them) and
:mod:`pipeline.persian.date_resolve` (the values); this module is their public face.
"""
from pipeline.persian.date_finder import DateSpan, find_dates
from pipeline.persian.date_resolve import DateValue, parse_article_date, resolve_date

__all__ = ["DateSpan", "DateValue", "find_dates", "parse_article_date", "resolve_date"]
