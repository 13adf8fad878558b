"""The stage registry: every pipeline step is a named, registered stage.

A stage is a callable on one :class:`~pipeline.document.Document` that fills in what it
*assigns* from what it *requires* (spaCy's ``@Language.factory`` with ``requires``/``assigns``
and Stanza's processor ``PROVIDES``/``REQUIRES`` are the models). Register one with::

    from pipeline.registry import stage

    @stage("shout", requires=("entities",), assigns=("records.shouts",))
    def shout(doc):
        doc.records["shouts"] = [e.text for e in doc.entities if e.label == "PER"]
        return doc

or, when it needs setup (a model to load), register a *factory* that gets the
:class:`Settings` and returns the callable (``factory=True``). A callable with a ``pipe(docs)``
method is run on batches of documents (the tagger does this). Third-party packages register
stages from the entry point group ``munifacts.stages`` (each entry point names a module or
object whose import registers its stages).

Names a stage can require or assign: ``text``, ``tokens``, ``sentences``, ``spans.<layer>``,
``entities`` (the final layer) and ``records.<name>``; ``raw`` is there from the start.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

ENTRY_POINT_GROUP = "munifacts.stages"
#: what every document has before the first stage
GIVEN = ("raw",)


class PipelineError(ValueError):
    """A pipeline that cannot run (unknown stage, missing requirement); the message says how to fix it."""


@dataclass
class Settings:
    """What factories may read: the model to load, torch threads, the article size limit."""

    model: str | Path | None = None
    threads: int | None = None
    max_chars: int = 1_000_000
    int8: bool = False  # the tagger's linear layers quantized at load time
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class StageSpec:
    name: str
    make: Callable[[Settings], Callable]
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    doc: str


REGISTRY: dict[str, StageSpec] = {}
#: group names usable in ``without=`` / ``--without`` (e.g. ``records``: every record stage)
GROUPS: dict[str, tuple[str, ...]] = {}


def stage(name: str, *, requires: Iterable[str] = (), assigns: Iterable[str] = (), factory: bool = False,
          group: str | None = None):
    """Register a stage (a function of one Document) or, with ``factory=True``, a factory
    ``(Settings) -> callable``. Re-registering a name replaces the earlier stage."""

    def register(obj):
        make = obj if factory else (lambda settings, _fn=obj: _fn)
        REGISTRY[name] = StageSpec(name, make, tuple(requires), tuple(assigns), (obj.__doc__ or "").strip())
        if group is not None:
            GROUPS[group] = tuple(dict.fromkeys((*GROUPS.get(group, ()), name)))
        return obj

    return register


_loaded = False


def load_plugins() -> None:
    """Import the built-in stages and every ``munifacts.stages`` entry point (once)."""
    global _loaded
    if _loaded:
        return
    _loaded = True
    import pipeline.stages  # noqa: F401  (registers the built-in stages)

    for ep in entry_points(group=ENTRY_POINT_GROUP):
        ep.load()


def providers(what: str) -> list[str]:
    return [s.name for s in REGISTRY.values() if what in s.assigns]


def expand(names: Iterable[str]) -> list[str]:
    """Stage names with group names (``records``) replaced by their stages."""
    out: list[str] = []
    for n in names:
        out.extend(GROUPS.get(n, (n,)))
    return out


def check(names: Sequence[str]) -> list[StageSpec]:
    """The specs of ``names`` in order; raises :class:`PipelineError` for an unknown stage or a
    requirement that no earlier stage assigns (naming the stage that would provide it)."""
    load_plugins()
    specs: list[StageSpec] = []
    have = set(GIVEN)
    for n in names:
        if n not in REGISTRY:
            raise PipelineError(f"unknown stage {n!r}; known stages: {', '.join(sorted(REGISTRY))} "
                                f"(third-party stages register through the {ENTRY_POINT_GROUP!r} entry points)")
        spec = REGISTRY[n]
        for req in spec.requires:
            if req not in have:
                by = [p for p in providers(req) if p != n]
                hint = f"add {' or '.join(repr(p) for p in by)} before it" if by else "no registered stage assigns it"
                raise PipelineError(f"stage {n!r} requires {req!r}, which no earlier stage assigns: {hint}")
        have.update(spec.assigns)
        specs.append(spec)
    return specs
