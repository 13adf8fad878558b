"""What a reader yields: one :class:`InputItem` or one :class:`InputFailure` per input."""
from __future__ import annotations

from dataclasses import dataclass, field


class UsageError(ValueError):
    """The command line names something that cannot be read or written at all (exit status 2)."""


@dataclass(frozen=True)
class InputItem:
    id: str
    text: str
    location: str
    title: str | None = None
    date: str | None = None
    source: str | None = None
    #: things worth telling the user that did not stop the article (ignored fields, ...)
    warnings: tuple[str, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class InputFailure:
    location: str
    reason: str
    id: str | None = None


@dataclass(frozen=True)
class Columns:
    """Which field of a record (JSON object, CSV row, Parquet row) holds what."""

    text: str = "text"
    id: str = "id"
    date: str = "date"
    title: str = "title"
    source: str = "source"
