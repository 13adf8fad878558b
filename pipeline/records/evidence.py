"""Evidence builder: the sentence(s) of ``doc`` that support a record, with raw offsets.

The evidence text is always ``doc.output_text[start:end]`` (the output's own text, line breaks
included), also when the rules read a :meth:`~pipeline.document.Document.flat_view`.
"""
from __future__ import annotations

from pipeline.document import Document
from pipeline.schema import Evidence


def evidence(doc: Document, start: int, end: int | None = None) -> Evidence:
    """Evidence for the text ``[start, end)``: widened to the sentences that cover it.

    Falls back to the span itself when the document has no sentences there.
    """
    end = start + 1 if end is None or end <= start else end
    s0, e0 = start, end
    for sent in doc.sentences:
        if sent.end > start and sent.start < end:
            s0 = min(s0, sent.start)
            e0 = max(e0, sent.end)
    s0, e0 = max(0, s0), min(len(doc.output_text), e0)
    raw_start, raw_end = doc.raw_span(s0, e0)
    return Evidence(text=doc.output_text[s0:e0], start=s0, end=e0, raw_start=raw_start, raw_end=raw_end)
