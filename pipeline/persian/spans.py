"""DATE and FIG spans of a text with their values, found once per document.

:func:`date_and_figure_spans` runs the date finder once, hands its spans to the figure finder
(numbers inside dates are not figures) and returns both as :class:`~pipeline.document.Span`
lists whose ``value`` holds what was parsed: a :class:`~pipeline.persian.figures.FigureValue`
for FIG, a :class:`~pipeline.persian.dates.DateValue` resolved against ``article_date`` for
DATE (``None`` when ``article_date`` cannot be read: the spans are still found, and the
``dates`` record stage reports the bad date). The ``dates_figures`` stage stores them as ``doc.spans["dates"]`` and
``doc.spans["figures"]``; the rule finders and the record stages read those layers.
"""
from __future__ import annotations

import datetime as _dt

from pipeline.document import Span
from pipeline.persian.dates import find_dates, parse_article_date, resolve_date
from pipeline.persian.figures import FigureValue, find_figures


def date_and_figure_spans(text: str, article_date: str | _dt.date | None = None) -> tuple[list[Span], list[Span]]:
    """``(dates, figures)``: the DATE and FIG spans of a normalized ``text``, each in text order."""
    found = find_dates(text)
    try:
        anchor = article_date if isinstance(article_date, _dt.date) else parse_article_date(article_date)
        values = [resolve_date(d.text, anchor) for d in found]
    except ValueError:  # an unreadable article date: entities need no values
        values = [None] * len(found)
    dates = [Span("DATE", d.start, d.end, d.text, value=v) for d, v in zip(found, values)]
    figures = [Span("FIG", f.start, f.end, f.text, value=FigureValue(f.value, f.unit, f.kind, f.approx))
               for f in find_figures(text, dates=found)]
    return dates, figures
