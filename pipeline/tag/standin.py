"""The lexicon stand-in tagger (``--model rules``): rule-based entities, not the product.

Useful as a baseline and where no model can be loaded; the shipped transformer
(``models/munitagger-fa``) is the default.
"""
from __future__ import annotations

from pipeline.document import Document


class RuleTagger:
    name = "rules"

    def tag(self, doc: Document) -> Document:
        from pipeline.tag.rules import rule_entities

        dates, figures = doc.spans.get("dates"), doc.spans.get("figures")  # the layers, when computed
        doc.entities = sorted(rule_entities(doc.text, dates=dates, figures=figures), key=lambda s: s.start)
        return doc

    def tag_many(self, docs: list[Document]) -> list[Document]:
        return [self.tag(d) for d in docs]
