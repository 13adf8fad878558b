"""Run the entity repairs and every record stage on one tagged Document (tests and scripts).

The product runs the same stages through :class:`pipeline.extract.Extractor`; this helper is for
hand-built documents that already have ``text``, ``tokens``/``sentences`` and entities.
"""
from __future__ import annotations

from pipeline.document import Document
from pipeline.registry import REGISTRY, load_plugins
from pipeline.tokenize import tokenize, unwrap_lines

__all__ = ["build_records", "unwrap_lines"]

RECORD_STAGES = ("officials", "meetings", "commitments", "quotes", "figures", "dates")


def build_records(doc: Document, repair: bool = True) -> Document:
    """Fill ``doc.records`` (in place; ``doc.officials`` ... read them) and return ``doc``."""
    load_plugins()
    if not doc.flat:
        entities = doc.entities
        tokenize(doc)
        doc.entities = entities
    for name in (("repair",) if repair else ()) + RECORD_STAGES:
        REGISTRY[name].make(None)(doc)
    return doc
