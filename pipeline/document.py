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

    ``to_raw`` has ``len(text) + 1`` entries: ``to_raw[i]`` is the offset in ``raw`` of
    normalized character ``i`` and ``to_raw[len(text)] == len(raw)``.
    """

    id: str
    raw: str
    text: str = ""
    to_raw: tuple[int, ...] = ()
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
    norm: Any = None  # the NormalizedText that produced ``text``, when there is one

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalized ``[start, end)`` to the raw ``[raw_start, raw_end)`` it came from."""
        if self.norm is not None:
            return self.norm.raw_span(start, end)
        if not self.to_raw:
            return start, end
        if start >= end:
            pos = self.to_raw[min(start, len(self.text))]
            return pos, pos
        raw_start = self.to_raw[start]
        # the raw end is where the raw source of the last char ends: the start of the next
        # normalized char's source, but never before the last char's own start + 1.
        raw_end = max(self.to_raw[end], self.to_raw[end - 1] + 1)
        return raw_start, raw_end

    def sentence_at(self, offset: int) -> Sentence | None:
        for sent in self.sentences:
            if sent.start <= offset < sent.end:
                return sent
        return None

    def entities_in(self, start: int, end: int, label: str | None = None) -> list[Span]:
        return [e for e in self.entities if e.start >= start and e.end <= end and (label is None or e.label == label)]
