"""Hand-built Documents for the record-rule tests: text plus entities found by substring."""
from __future__ import annotations

import pytest

from pipeline.document import Document, Span
from pipeline.tokenize import sentences_of, tokenize, unwrap_lines


def make_doc(text: str, entities: list[tuple[str, str]], doc_id: str = "t", tokens: bool = True) -> Document:
    """A Document whose entities are the given ``(label, substring)`` pairs.

    Substrings are searched in order, each after the previous one's start, so a repeated
    name is listed once per mention. ``tokens=False`` sets only the flat text and sentences
    (enough for rules that read text, sentences and entities) and skips the word tokenizer,
    which keeps such test files fast.
    """
    doc = Document(id=doc_id, raw=text, text=text)
    if tokens:
        tokenize(doc)
    else:
        doc.flat = unwrap_lines(text)
        doc.sentences = sentences_of(doc.flat)
    spans: list[Span] = []
    pos = 0
    for label, sub in entities:
        i = text.find(sub, pos)
        if i < 0:
            raise ValueError(f"entity {sub!r} not found after offset {pos}")
        spans.append(Span(label, i, i + len(sub), sub))
        pos = i + 1
    doc.entities = sorted(spans, key=lambda s: s.start)
    return doc


@pytest.fixture
def doc_of():
    return make_doc
