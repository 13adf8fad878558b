"""The ``dates`` record stage: one :class:`~pipeline.schema.DateRecord` per DATE entity, resolved.

Resolution (Jalali/Gregorian, relative to the article date) is
:func:`pipeline.persian.dates.resolve_date` (the Persian language module). The article date is
read once per article (:func:`article_anchor`): news metadata often carries a time beside the
date («۱۳:۵۴ ۱۴۰۲-۵-۱۵»), and a date field that holds no usable date leaves relative dates
unresolved instead of failing the article's records. A DATE that the ``dates_figures`` stage already
resolved (``doc.spans["dates"]``) keeps that value.
"""
from __future__ import annotations

import datetime as _dt
import re

from pipeline.document import Document
from pipeline.persian.dates import parse_article_date, resolve_date
from pipeline.schema import DateRecord
from pipeline.textkey import fold

_DATE_IN = re.compile(r"(?<!\d)\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?!\d)")


def article_anchor(date: str | None) -> _dt.date | None:
    """The article date as a ``datetime.date``: the field itself, else the one date written inside it
    (beside a time or other metadata), else None (relative dates then stay unresolved)."""
    try:
        return parse_article_date(date)
    except ValueError:
        found = _DATE_IN.findall(fold(str(date)))
        if len(found) == 1:
            try:
                return parse_article_date(found[0])
            except ValueError:
                return None
        return None


def find_dates(doc: Document) -> list[DateRecord]:
    """The DATE entities of ``doc`` as DateRecords, in text order."""
    out = []
    anchor = article_anchor(doc.date)
    known = {(d.start, d.end): d.value for d in doc.spans.get("dates", []) if d.value is not None}
    for span in sorted(doc.entities, key=lambda e: e.start):
        if span.label != "DATE":
            continue
        res = known.get((span.start, span.end)) or resolve_date(span.text, anchor)
        rs, re_ = doc.raw_span(span.start, span.end)
        out.append(DateRecord(text=span.text, iso=res.iso, iso_end=res.iso_end, jalali=res.jalali,
                              resolved=bool(res.resolved), relative=bool(res.relative), start=span.start,
                              end=span.end, raw_start=rs, raw_end=re_))
    return out
