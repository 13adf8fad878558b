"""Evidence builder: the sentence(s) of ``doc`` that support a record, with raw offsets.

The evidence text is always ``doc.output_text[start:end]`` (the output's own text, line breaks
included), also when the rules read a :meth:`~pipeline.document.Document.flat_view`.
"""
from __future__ import annotations

import bisect

from pipeline.document import Document
from pipeline.schema import Evidence


_INDEX: list = [None, 0, None]  # the last document's sentences, their length, and their index


def _sentence_index(doc: Document) -> tuple[list[int], list[int], int]:
    sents = doc.sentences
    if _INDEX[0] is not sents or _INDEX[1] != len(sents):
        order = sorted(range(len(sents)), key=lambda i: sents[i].start)
        longest = max((s.end - s.start for s in sents), default=0)
        _INDEX[:] = [sents, len(sents), ([sents[i].start for i in order], order, longest)]
    return _INDEX[2]


def evidence(doc: Document, start: int, end: int | None = None) -> Evidence:
    """Evidence for the text ``[start, end)``: widened to the sentences that cover it.

    Falls back to the span itself when the document has no sentences there.
    """
    end = start + 1 if end is None or end <= start else end
    s0, e0 = start, end
    starts, order, longest = _sentence_index(doc)
    # sentences that overlap [start, end): they start before ``end`` and less than ``longest`` before ``start``
    for i in order[bisect.bisect_right(starts, start - longest):bisect.bisect_left(starts, end)]:
        sent = doc.sentences[i]
        if sent.end > start and sent.start < end:
            s0 = min(s0, sent.start)
            e0 = max(e0, sent.end)
    s0, e0 = max(0, s0), min(len(doc.output_text), e0)
    raw_start, raw_end = doc.raw_span(s0, e0)
    return Evidence(text=doc.output_text[s0:e0], start=s0, end=e0, raw_start=raw_start, raw_end=raw_end)
