"""The ``dates`` record stage: one :class:`~pipeline.schema.DateRecord` per DATE entity, resolved.

Resolution (Jalali/Gregorian, relative to the article date) is
:func:`pipeline.persian.dates.resolve_date` (the Persian language module).
"""
from __future__ import annotations

from pipeline.document import Document
from pipeline.persian.dates import resolve_date
from pipeline.schema import DateRecord


def find_dates(doc: Document) -> list[DateRecord]:
    """The DATE entities of ``doc`` as DateRecords, in text order."""
    out = []
    for span in sorted(doc.entities, key=lambda e: e.start):
        if span.label != "DATE":
            continue
        res = resolve_date(span.text, doc.date)
        rs, re_ = doc.raw_span(span.start, span.end)
        out.append(DateRecord(text=span.text, iso=res.iso, iso_end=res.iso_end, jalali=res.jalali,
                              resolved=bool(res.resolved), relative=bool(res.relative), start=span.start,
                              end=span.end, raw_start=rs, raw_end=re_))
    return out
