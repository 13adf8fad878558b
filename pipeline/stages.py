"""The built-in stages, in the order the default pipeline runs them.

    normalize -> tokenize -> dates_figures -> tag (batched) -> rules -> combine -> repair
              -> officials, meetings, commitments, quotes, figures, dates

Each stage is registered with :func:`pipeline.registry.stage`; its module is imported when the
stage is first built, so ``import pipeline`` stays light (no torch, no spaCy).
``records`` names the six record stages together (``--without records``: entities only).
"""
from __future__ import annotations

from pathlib import Path

from pipeline.document import Document
from pipeline.registry import Settings, stage

DEFAULT_STAGES = ("normalize", "tokenize", "dates_figures", "tag", "rules", "combine", "repair",
                  "officials", "meetings", "commitments", "quotes", "figures", "dates")
MIN_PERSIAN_RATIO = 0.5


class RejectedInput(ValueError):
    """The article cannot be processed (too long, not Persian); reported as an input error."""


@stage("normalize", assigns=("text",), factory=True)
def make_normalize(settings: Settings):
    """Check the input (length, script) and normalize it; ``doc.norm`` maps offsets back to ``raw``."""
    from pipeline.normalize import Normalizer, persian_ratio

    normalizer = Normalizer()

    def normalize(doc: Document) -> Document:
        if len(doc.raw) > settings.max_chars:
            raise RejectedInput(f"article has {len(doc.raw):,} characters, more than the limit of "
                                f"{settings.max_chars:,}; split it or raise --max-chars")
        ratio = persian_ratio(doc.raw)
        if ratio < MIN_PERSIAN_RATIO:
            raise RejectedInput(f"text is not Persian: only {ratio:.0%} of its letters are Persian/Arabic script "
                                f"(at least {MIN_PERSIAN_RATIO:.0%} needed)")
        doc.norm = normalizer.normalize(doc.raw)
        doc.text = doc.norm.text
        return doc

    return normalize


@stage("tokenize", requires=("text",), assigns=("tokens", "sentences"))
def tokenize(doc: Document) -> Document:
    """Tokens, the unwrapped text and sentences (:func:`pipeline.tokenize.tokenize`)."""
    from pipeline.tokenize import tokenize as _tokenize

    return _tokenize(doc)


@stage("dates_figures", requires=("text",), assigns=("spans.dates", "spans.figures"))
def dates_figures(doc: Document) -> Document:
    """DATE and FIG spans with their values, found once (:mod:`pipeline.persian.spans`): the dates
    resolved against the article date, the figures parsed."""
    from pipeline.persian.spans import date_and_figure_spans

    doc.spans["dates"], doc.spans["figures"] = date_and_figure_spans(doc.text, doc.date)
    return doc


class TagStage:
    """The tagger as a stage: ``spans["model"]`` (and, until combined, ``entities``), batched by :meth:`pipe`."""

    def __init__(self, tagger, model_info):
        self.tagger = tagger
        self.model_info = model_info

    def __call__(self, doc: Document) -> Document:
        return self.pipe([doc])[0]

    def pipe(self, docs: list[Document]) -> list[Document]:
        self.tagger.tag_many(docs)
        for doc in docs:
            doc.spans["model"] = list(doc.entities)
        return docs


@stage("tag", requires=("tokens",), assigns=("spans.model", "entities"), factory=True)
def make_tag(settings: Settings) -> TagStage:
    """The token-classification model (``settings.model``; ``"rules"``: the lexicon stand-in)."""
    from pipeline.schema import SCHEMA_VERSION, ModelInfo

    model = settings.model if settings.model is not None else default_model()
    if str(model) == "rules":
        from pipeline.tag.standin import RuleTagger

        return TagStage(RuleTagger(), ModelInfo(tagger="rules (lexicon stand-in, not the product)",
                                                version=SCHEMA_VERSION))
    from pipeline.tag.tagger import Tagger

    tagger = Tagger.load(model, threads=settings.threads, int8=settings.int8)
    version = getattr(tagger.model.config, "munifacts_model_version", None) or "unversioned"
    name = Path(str(model)).name or str(model)
    return TagStage(tagger, ModelInfo(tagger=f"{name} (int8)" if settings.int8 else name, version=str(version)))


@stage("rules", requires=("text", "spans.dates", "spans.figures"), assigns=("spans.rules",))
def rules(doc: Document) -> Document:
    """Rule finders: lexicon PER/ROLE/ORG/LOC over the FIG/DATE layers (:mod:`pipeline.tag.rules`)."""
    from pipeline.tag.rules import rule_entities

    doc.spans["rules"] = rule_entities(doc.text, dates=doc.spans["dates"], figures=doc.spans["figures"])
    return doc


@stage("combine", requires=("spans.model", "spans.rules"), assigns=("entities",))
def combine(doc: Document) -> Document:
    """Model and rule spans merged into the entities (:mod:`pipeline.tag.combine`)."""
    from pipeline.tag.combine import combine as _combine

    doc.entities = _combine(doc.spans["model"], doc.spans["rules"])
    return doc


@stage("repair", requires=("entities", "sentences"), assigns=("entities",))
def repair(doc: Document) -> Document:
    """Entity repairs for common tagger slips (:mod:`pipeline.tag.repair`), read on the unwrapped text."""
    from pipeline.tag.repair import repair_document

    return repair_document(doc)


def _record_stage(name: str, module: str, func: str, flat: bool, requires=("entities", "sentences")):
    def run(doc: Document) -> Document:
        import importlib

        find = getattr(importlib.import_module(module), func)
        doc.records[name] = find(doc.flat_view() if flat else doc)
        return doc

    run.__doc__ = f"``records[{name!r}]`` from :func:`{module}.{func}`."
    stage(name, requires=requires, assigns=(f"records.{name}",), group="records")(run)


_record_stage("officials", "pipeline.records.officials", "find_officials", flat=True)
_record_stage("meetings", "pipeline.records.meetings", "find_meetings", flat=True)
_record_stage("commitments", "pipeline.records.commitments", "find_commitments", flat=True)
_record_stage("quotes", "pipeline.records.quotes", "find_quotes", flat=True)
_record_stage("figures", "pipeline.records.figures", "find_figures", flat=False, requires=("entities",))
_record_stage("dates", "pipeline.records.dates", "find_dates", flat=False, requires=("entities",))


DEFAULT_MODEL = Path(__file__).resolve().parent.parent / "models" / "munitagger-fa"


def default_model() -> Path:
    """``$MUNIFACTS_MODEL`` if set, else the model shipped in the repository's ``models/``."""
    import os

    return Path(os.environ.get("MUNIFACTS_MODEL", DEFAULT_MODEL))
