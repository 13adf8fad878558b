"""The records stage: run every rule module on a tagged Document and fill its record lists.

``build_records(doc)`` fills ``doc.officials``, ``doc.meetings``, ``doc.commitments``,
``doc.quotes`` and, when the figure/date parsers are installed
(``pipeline.records.figures.parse_figure``, ``pipeline.records.dates.resolve_date``),
``doc.figures`` and ``doc.dates`` from the FIG and DATE spans.
"""
from __future__ import annotations

import dataclasses
import importlib
import importlib.util
import re
from typing import Any

from pipeline.document import Document, Span
from pipeline.records.commitments import find_commitments
from pipeline.records.meetings import find_meetings
from pipeline.records.officials import find_officials
from pipeline.records.quotes import find_quotes
from pipeline.records.repair import repair_entities
from pipeline.schema import DateRecord, Figure
from pipeline.records.textutil import ends_with_verb
from pipeline.tokenize import sentences_of

#: a line that ends with one of these (after trailing spaces) ends its sentence
_LINE_TERMINAL = ".!?؟…:؛»\"')]*"
#: a next line that starts a list item / hashtag / bullet is never a continuation
_CONTINUES = re.compile(r"[\s\u200c]*(?:و|که|تا|اما|ولی|یا)[\s\u200c]")
_ITEM_START = re.compile(r"[\s\u200c]*(?:[#•*\-–—]|[0-9\u06f0-\u06f9]+[-.)]\s)")


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


def unwrap_lines(text: str) -> str:
    """``text`` with hard line wraps (a newline in the middle of a sentence) turned into spaces.

    Same length as ``text``, so every offset stays valid. Older sources wrap lines at a fixed
    width («... با جواد اصغری شهردار\\nمنطقه ۹ ...»); the record rules treat a newline as a
    sentence end. A newline (or a blank line) is a wrap when the line before it is long for
    this text (at least 60% of its longest line, and 40+ characters) and does not end with
    sentence punctuation or a finite verb, and the next line is not a list item. A single candidate that is
    the first line is taken as a headline and kept.
    """
    if "\n" not in text:
        return text
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    width = max((len(text[a:b].strip()) for a, b in lines), default=0)
    cands: list[tuple[int, int]] = []  # (newline run start, end)
    for idx, (a, b) in enumerate(lines[:-1]):
        line = text[a:b].strip()
        na = lines[idx + 1][0]
        gap = text[b:na]
        if gap.count("\n") > 2 or gap.strip(" \t\u200c\n"):
            continue
        if len(line) < max(40, 0.6 * width) or line[-1] in _LINE_TERMINAL or _ITEM_START.match(text, na):
            continue
        # a line that ends with a finite verb ends its sentence, unless the next line goes on with a conjunction
        if ends_with_verb(line) and not _CONTINUES.match(text, na):
            continue
        cands.append((b, na))
    if not cands or (len(cands) == 1 and cands[0][0] == lines[0][1]):
        return text
    out = list(text)
    for a, b in cands:
        for k in range(a, b):
            if out[k] == "\n":
                out[k] = " "
    return "".join(out)


def _unwrapped(doc: Document) -> Document:
    """A view of ``doc`` whose text has hard line wraps removed (same offsets) and whose entities are
    repaired (:func:`pipeline.records.repair.repair_entities`), or ``doc`` itself."""
    text = unwrap_lines(doc.text)
    if text == doc.text:
        ents = repair_entities(text, list(doc.entities))
        return doc if ents == sorted(doc.entities, key=lambda e: (e.start, e.end)) \
            else dataclasses.replace(doc, entities=ents)
    ents = [dataclasses.replace(e, text=text[e.start:e.end]) if "\n" in e.text else e for e in doc.entities]
    return dataclasses.replace(doc, text=text, sentences=sentences_of(text), entities=repair_entities(text, ents))


def build_records(doc: Document) -> Document:
    """Fill the record lists of ``doc`` (in place) and return it.

    The rules run on :func:`unwrap_lines` of the text (hard-wrapped older articles), with
    the same offsets, so evidence and raw spans still point into ``doc``.
    """
    view = _unwrapped(doc)
    doc.officials = find_officials(view)
    doc.meetings = find_meetings(view)
    doc.commitments = find_commitments(view)
    doc.quotes = find_quotes(view)
    spans = sorted(doc.entities, key=lambda e: e.start)
    parse = _optional("pipeline.records.figures", "parse_figure")
    if parse is not None:
        doc.figures = [_figure(doc, s, parse) for s in spans if s.label == "FIG"]
    resolve = _optional("pipeline.records.dates", "resolve_date")
    if resolve is not None:
        doc.dates = [_date(doc, s, resolve) for s in spans if s.label == "DATE"]
    return doc
