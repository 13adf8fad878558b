"""The records stage: run every rule module on a tagged Document and fill its record lists.

``build_records(doc)`` fills ``doc.officials``, ``doc.meetings``, ``doc.commitments``,
``doc.quotes`` and, when the figure/date parsers are installed
(``pipeline.records.figures.parse_figure``, ``pipeline.records.dates.resolve_date``),
``doc.figures`` and ``doc.dates`` from the FIG and DATE spans.
"""
from __future__ import annotations

import importlib
import importlib.util
from typing import Any

from pipeline.document import Document, Span
from pipeline.records.commitments import find_commitments
from pipeline.records.meetings import find_meetings
from pipeline.records.officials import find_officials
from pipeline.records.quotes import find_quotes
from pipeline.schema import DateRecord, Figure


def _optional(module: str, attr: str):
    """``module.attr`` if the module is installed; None if it is absent.

    A module that exists but fails to import (or lacks ``attr``) raises an ImportError
    that names it, rather than silently dropping figures or dates.
    """
    if importlib.util.find_spec(module) is None:
        return None
    try:
        mod = importlib.import_module(module)
    except Exception as e:  # pragma: no cover - depends on the other module's state
        raise ImportError(f"{module} is present but failed to import: {e}") from e
    fn = getattr(mod, attr, None)
    if fn is None:
        raise ImportError(f"{module} has no {attr}(); the records stage needs it for {module.rsplit('.', 1)[1]}")
    return fn


def _get(obj: Any, name: str, default: Any = None) -> Any:
    if obj is None:
        return default
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def _figure(doc: Document, span: Span, parse) -> Figure:
    parsed = parse(span.text)
    rs, re_ = doc.raw_span(span.start, span.end)
    value = _get(parsed, "value")
    kind = _get(parsed, "kind") or "other"
    if kind not in Figure.model_fields["kind"].annotation.__args__:  # type: ignore[union-attr]
        kind = "other"
    return Figure(text=span.text, value=float(value) if value is not None else None, unit=_get(parsed, "unit"),
                  kind=kind, approx=bool(_get(parsed, "approx", False)), start=span.start, end=span.end,
                  raw_start=rs, raw_end=re_)


def _date(doc: Document, span: Span, resolve) -> DateRecord:
    res = resolve(span.text, doc.date)
    rs, re_ = doc.raw_span(span.start, span.end)
    return DateRecord(text=span.text, iso=_get(res, "iso"), iso_end=_get(res, "iso_end"),
                      jalali=_get(res, "jalali"), resolved=bool(_get(res, "resolved", False)),
                      relative=bool(_get(res, "relative", False)), start=span.start, end=span.end,
                      raw_start=rs, raw_end=re_)


def build_records(doc: Document) -> Document:
    """Fill the record lists of ``doc`` (in place) and return it."""
    doc.officials = find_officials(doc)
    doc.meetings = find_meetings(doc)
    doc.commitments = find_commitments(doc)
    doc.quotes = find_quotes(doc)
    spans = sorted(doc.entities, key=lambda e: e.start)
    parse = _optional("pipeline.records.figures", "parse_figure")
    if parse is not None:
        doc.figures = [_figure(doc, s, parse) for s in spans if s.label == "FIG"]
    resolve = _optional("pipeline.records.dates", "resolve_date")
    if resolve is not None:
        doc.dates = [_date(doc, s, resolve) for s in spans if s.label == "DATE"]
    return doc
