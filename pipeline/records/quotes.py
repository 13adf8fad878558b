"""Quotes: one record per attributed statement, with the resolved speaker.

Statements come from :func:`pipeline.records.attribution.speech_events` (after a colon,
or reported in the main clause); speakers from :func:`pipeline.records.coref.analyze`
(«وی»، surnames, titles and headline-style subjects resolved to the person).
"""
from __future__ import annotations

from pipeline.document import Document
from pipeline.records.coref import analyze
from pipeline.records.evidence import evidence
from pipeline.records.official_model import title_holder
from pipeline.schema import Quote


def find_quotes(doc: Document) -> list[Quote]:
    """All quotes of ``doc`` in text order."""
    co = analyze(doc)
    out: list[Quote] = []
    for ev, ref in co.events:
        if ev.statement is None:
            continue
        s, e = ev.statement
        text = doc.text[s:e].strip()
        if not text:
            continue
        if ref is not None and not ref.names:
            ref = title_holder(doc, co, ref) or ref  # a titled speaker whose name the article gives elsewhere
        speaker = ref.display if ref is not None else None
        out.append(Quote(speaker=speaker, text=text, evidence=evidence(doc, min(ev.sent_start, s), e)))
    return out
