"""The one object that flows through every stage: normalize -> tokenize -> tag -> records.

A :class:`Document` holds the raw input, the normalized text with its offset map back
to the raw text, the tokens and sentences, the entity spans, and the records that
the rule modules add. Stages take a Document and fill in their part; nothing is
copied between stages, and :func:`pipeline.schema.to_article` turns a finished
Document into the validated output line.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

LABELS = ("PER", "ROLE", "ORG", "LOC", "FIG", "DATE")


@dataclass(frozen=True)
class Span:
    """A labelled character span of the *normalized* text, ``[start, end)``."""

    label: str
    start: int
    end: int
    text: str
    score: float | None = None


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
    """

    id: str
    raw: str
    text: str = ""
    title: str | None = None
    date: str | None = None
    source: str | None = None
    tokens: list[Token] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Span] = field(default_factory=list)
    officials: list[Any] = field(default_factory=list)
    meetings: list[Any] = field(default_factory=list)
    commitments: list[Any] = field(default_factory=list)
    quotes: list[Any] = field(default_factory=list)
    figures: list[Any] = field(default_factory=list)
    dates: list[Any] = field(default_factory=list)
    norm: Any = None

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalized ``[start, end)`` to the raw ``[raw_start, raw_end)`` it came from."""
        if self.norm is not None:
            return self.norm.raw_span(start, end)
        return start, end

    def sentence_at(self, offset: int) -> Sentence | None:
        for sent in self.sentences:
            if sent.start <= offset < sent.end:
                return sent
        return None

    def entities_in(self, start: int, end: int, label: str | None = None) -> list[Span]:
        return [e for e in self.entities if e.start >= start and e.end <= end and (label is None or e.label == label)]
