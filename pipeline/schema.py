"""The output schema: one validated JSON line per article.

Field names follow ``ANNOTATION.md`` (``entities``, ``officials``, ``meetings``,
``commitments``, ``quotes``, ``figures``). Every line is built through
:class:`Article`, so a typo or a wrong type fails before anything is written.
Bump :data:`SCHEMA_VERSION` on any change a reader would notice.
"""
from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.1"

EntityLabel = Literal["PER", "ROLE", "ORG", "LOC", "FIG", "DATE"]
CommitmentKind = Literal["agreement", "decision", "obligation", "promise", "plan"]
FigureKind = Literal["money", "percent", "area", "length", "population", "count", "duration", "other"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Evidence(_Strict):
    """The sentence that supports a record, with normalized and raw offsets."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    raw_start: int = Field(ge=0)
    raw_end: int = Field(ge=0)


class Entity(_Strict):
    label: EntityLabel
    text: str
    start: int = Field(ge=0, description="offset in the normalized text")
    end: int = Field(ge=0)
    raw_start: int = Field(ge=0, description="offset in the raw input text")
    raw_end: int = Field(ge=0)
    score: float | None = None


class Official(_Strict):
    person: str
    role: str | None = None
    org: str | None = None
    location: str | None = None
    evidence: Evidence | None = None


class Participant(_Strict):
    """A named or unnamed official (person/role/org), or a group («اعضای شورای شهر»)."""

    person: str | None = None
    role: str | None = None
    org: str | None = None
    group: str | None = None


class Meeting(_Strict):
    kind: str
    participants: list[Participant] = []
    organizations: list[str] = []
    location: str | None = None
    date: str | None = None
    topic: str | None = None
    evidence: Evidence | None = None


class Commitment(_Strict):
    kind: CommitmentKind
    actor: str | None = None
    counterparty: str | None = None
    content: str
    deadline: str | None = None
    figures: list[str] = []
    evidence: Evidence | None = None


class Quote(_Strict):
    speaker: str | None = None
    text: str
    evidence: Evidence | None = None


class Figure(_Strict):
    text: str
    value: float | None = None
    unit: str | None = None
    kind: FigureKind = "other"
    approx: bool = False
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    raw_start: int = Field(ge=0)
    raw_end: int = Field(ge=0)


class DateRecord(_Strict):
    text: str
    iso: str | None = None
    iso_end: str | None = None
    jalali: str | None = None
    resolved: bool = False
    relative: bool = False
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    raw_start: int = Field(ge=0)
    raw_end: int = Field(ge=0)


class ModelInfo(_Strict):
    tagger: str
    version: str


class Article(_Strict):
    schema_version: str = SCHEMA_VERSION
    id: str
    title: str | None = None
    date: str | None = None
    source: str | None = None
    text: str
    entities: list[Entity] = []
    officials: list[Official] = []
    meetings: list[Meeting] = []
    commitments: list[Commitment] = []
    quotes: list[Quote] = []
    figures: list[Figure] = []
    dates: list[DateRecord] = []
    extensions: dict[str, list[Any]] = Field(default_factory=dict,
                                             description="records of third-party stages, by stage record name")
    model: ModelInfo


class InputError(_Strict):
    """One line of the errors file: an input that could not be processed, and why."""

    source: str = Field(description="file path, with :line for JSONL inputs")
    id: str | None = None
    reason: str


def article_json_schema() -> dict:
    """The JSON Schema of an output line (for docs and downstream validators)."""
    return Article.model_json_schema()
