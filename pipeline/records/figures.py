"""The ``figures`` record stage: one :class:`~pipeline.schema.Figure` per FIG entity, with its parsed value.

Values come from the ``dates_figures`` stage (``doc.spans["figures"]``: each FIG the Persian finder
parsed, with its value) when the entity is one of those spans, else from
:func:`pipeline.persian.figures.parse_figure` (the model's own FIG spans).
"""
from __future__ import annotations

from pipeline.document import Document
from pipeline.persian.figures import parse_figure
from pipeline.schema import Figure

_KINDS = Figure.model_fields["kind"].annotation.__args__  # type: ignore[union-attr]


def find_figures(doc: Document) -> list[Figure]:
    """The FIG entities of ``doc`` as Figure records, in text order."""
    out = []
    known = {(f.start, f.end): f.value for f in doc.spans.get("figures", []) if f.value is not None}
    for span in sorted(doc.entities, key=lambda e: e.start):
        if span.label != "FIG":
            continue
        parsed = known.get((span.start, span.end)) or parse_figure(span.text)
        rs, re_ = doc.raw_span(span.start, span.end)
        kind = parsed.kind if parsed.kind in _KINDS else "other"
        out.append(Figure(text=span.text, value=float(parsed.value) if parsed.value is not None else None,
                          unit=parsed.unit, kind=kind or "other", approx=bool(parsed.approx),
                          start=span.start, end=span.end, raw_start=rs, raw_end=re_))
    return out
