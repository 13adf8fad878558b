"""The one object that flows through every stage (see :mod:`pipeline.stages` for the stages).

A :class:`Document` holds

* ``raw``: the input text, and ``text``: the normalized text, with ``norm`` mapping offsets
  between them (:meth:`Document.raw_span`);
* ``flat``: ``text`` with hard line wraps turned into spaces (same length, same offsets), and
  ``tokens``/``sentences``: the one segmentation every stage uses (:mod:`pipeline.tokenize`);
* ``spans``: named span layers (``"dates"`` and ``"figures"``: the Persian DATE and FIG finders'
  spans with their parsed values, computed once and read by the rule finders; ``"model"``: the
  tagger's, ``"rules"``: the rule finders',
  ``"entities"``: the final entities, which are the output's ``entities`` and what every
  record stage reads);
* ``records``: record lists by name (``"officials"``, ``"meetings"`` ...).

Stages fill in their part in place; nothing is copied between stages, and
:func:`pipeline.stages.to_article` turns a finished Document into the validated output line.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace
from typing import Any

LABELS = ("PER", "ROLE", "ORG", "LOC", "FIG", "DATE")


@dataclass(frozen=True)
class Span:
    """A labelled character span of the *normalized* text, ``[start, end)``.

    ``value`` is what the finder parsed from exactly this text, kept so nobody parses it again:
    a :class:`~pipeline.persian.figures.FigureValue` on a rule FIG span, a
    :class:`~pipeline.persian.dates.DateValue` (resolved against the article date) on a rule
    DATE span, ``None`` when the finder parsed nothing (model spans). It does not take part
    in comparisons: two spans with the same label, offsets, text and score are equal.
    """

    label: str
    start: int
    end: int
    text: str
    score: float | None = None
    value: Any = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass
class Document:
    """An article on its way through the pipeline.

    ``norm`` is the :class:`~pipeline.normalize.NormalizedText` that produced ``text`` from
    ``raw``; it maps offsets back. Without it ``text`` is taken to be ``raw`` itself.
    ``output`` is set only on :meth:`flat_view` copies: the text the output (and evidence) indexes.
    """

    id: str
    raw: str
    text: str = ""
    title: str | None = None
    date: str | None = None
    source: str | None = None
    flat: str = ""
    tokens: list[Token] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    spans: dict[str, list[Span]] = field(default_factory=dict)
    records: dict[str, list[Any]] = field(default_factory=dict)
    norm: Any = None
    output: str | None = None

    @property
    def entities(self) -> list[Span]:
        """The final entity layer (``spans["entities"]``): the output's entities, read by the records."""
        return self.spans.get("entities", [])

    @entities.setter
    def entities(self, value: list[Span]) -> None:
        self.spans["entities"] = list(value)

    @property
    def output_text(self) -> str:
        """The text that output offsets (entities, evidence) index: ``text``, also on a flat view."""
        return self.text if self.output is None else self.output

    def flat_view(self) -> Document:
        """This document as the record rules read it: ``text`` is :attr:`flat` (hard line wraps are
        spaces, offsets unchanged) and entity texts follow it; records and evidence still index
        :attr:`output_text`. The view shares ``records`` with this document."""
        if not self.flat or self.flat == self.text:
            return self
        ents = [replace(e, text=self.flat[e.start:e.end]) if "\n" in e.text else e for e in self.entities]
        return replace(self, text=self.flat, spans={**self.spans, "entities": ents}, output=self.text)

    def __getattr__(self, name: str) -> Any:  # doc.officials == doc.records["officials"]
        records = self.__dict__.get("records")
        if records is not None and name in records:
            return records[name]
        raise AttributeError(f"Document has no attribute {name!r} (records so far: {sorted(records or {})})")

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalized ``[start, end)`` to the raw ``[raw_start, raw_end)`` it came from."""
        if self.norm is not None:
            return self.norm.raw_span(start, end)
        return start, end

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence that holds ``offset`` (binary search over the sentence starts)."""
        sents = self.sentences
        index = self.__dict__.get("_sentence_starts")
        if index is None or index[0] is not sents or index[1] != len(sents):
            index = (sents, len(sents), [s.start for s in sents])
            self.__dict__["_sentence_starts"] = index
        i = bisect.bisect_right(index[2], offset) - 1
        if i >= 0 and sents[i].start <= offset < sents[i].end:
            return sents[i]
        return None

    def entities_in(self, start: int, end: int, label: str | None = None) -> list[Span]:
        return [e for e in self.entities if e.start >= start and e.end <= end and (label is None or e.label == label)]
