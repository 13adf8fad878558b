"""The library API: articles in, validated :class:`~pipeline.schema.Article` records out.

    from pipeline import Extractor
    ex = Extractor()                              # the default stages, the shipped model
    ex = Extractor(without=["records"])           # entities only
    ex = Extractor(without=["meetings", "quotes"])
    for result in ex.run(items):                  # items: InputItem (see pipeline.inputs)
        ...                                       # an Article, or an InputError with the reason

The stages (:mod:`pipeline.stages`, :mod:`pipeline.registry`) run on one
:class:`~pipeline.document.Document` per article, a batched stage (the tagger) on up to
``batch_size`` documents at once. Nothing here prints or exits; failures come back as
``InputError`` values.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from pipeline.document import Document
from pipeline.inputs import InputFailure, InputItem
from pipeline.registry import PipelineError, Settings, check, expand, load_plugins
from pipeline.schema import SCHEMA_VERSION, Article, Entity, InputError, ModelInfo
from pipeline.stages import DEFAULT_MODEL, DEFAULT_STAGES, RejectedInput, default_model

__all__ = ["Extractor", "to_article", "default_model", "DEFAULT_MODEL", "DEFAULT_STAGES", "PipelineError"]

MAX_CHARS = 1_000_000
#: record names with a field of their own in the output; others go to ``Article.extensions``
SCHEMA_RECORDS = ("officials", "meetings", "commitments", "quotes", "figures", "dates")


def to_article(doc: Document, model_info: ModelInfo) -> Article:
    """The validated output line for a finished Document."""
    entities = []
    for e in doc.entities:
        rs, re_ = doc.raw_span(e.start, e.end)
        entities.append(Entity(label=e.label, text=e.text, start=e.start, end=e.end, raw_start=rs, raw_end=re_,
                               score=e.score))
    named = {k: v for k, v in doc.records.items() if k in SCHEMA_RECORDS}
    extensions = {k: v for k, v in doc.records.items() if k not in SCHEMA_RECORDS}
    return Article(id=doc.id, title=doc.title, date=doc.date, source=doc.source, text=doc.text,
                   entities=entities, model=model_info, extensions=extensions, **named)


def stage_groups(components: list) -> list[list]:
    """Consecutive stages grouped for :meth:`Extractor._run_batch`: a batched stage (``pipe``) alone,
    runs of per-document stages together."""
    groups: list[list] = []
    for c in components:
        if getattr(c, "pipe", None) is not None or not groups or getattr(groups[-1][0], "pipe", None) is not None:
            groups.append([c])
        else:
            groups[-1].append(c)
    return groups


class Extractor:
    """Runs a pipeline of registered stages; construct once (loading the model takes a second), reuse."""

    def __init__(self, model: str | Path | None = None, max_chars: int = MAX_CHARS, batch_size: int = 16,
                 threads: int | None = None, entities: str = "combined", stages: Sequence[str] | None = None,
                 without: Sequence[str] = (), int8: bool = False):
        """``stages``: stage names in order (default :data:`~pipeline.stages.DEFAULT_STAGES`; ``records``
        stands for the six record stages); ``without``: names to leave out. ``entities="model"`` leaves
        out the ``rules`` and ``combine`` stages (the tagger's spans, repaired). ``model="rules"``: the
        lexicon stand-in tagger, whose spans already are the rule spans. ``int8``: the tagger's linear layers
        quantized at load time (faster, slightly different tags). Raises
        :class:`~pipeline.registry.PipelineError` for a pipeline that cannot run."""
        if entities not in ("combined", "model"):
            raise ValueError(f"entities must be 'combined' or 'model', not {entities!r}")
        load_plugins()
        names = expand(stages if stages is not None else DEFAULT_STAGES)
        drop = expand(without)
        unknown = [n for n in drop if n not in names]
        if unknown:
            raise PipelineError(f"cannot leave out {', '.join(map(repr, unknown))}: not in the pipeline "
                                f"({', '.join(names)})")
        if entities == "model" or str(model) == "rules":
            drop = [*drop, "rules", "combine"]
        names = [n for n in names if n not in drop]
        self.stage_names = names
        self.batch_size = batch_size
        settings = Settings(model=model, threads=threads, max_chars=max_chars, int8=int8)
        self.stages = [(spec.name, spec.make(settings)) for spec in check(names)]
        self._groups = stage_groups([c for _n, c in self.stages])
        tag = dict(self.stages).get("tag")
        self.tagger = getattr(tag, "tagger", None)
        self.model_info = getattr(tag, "model_info", None) or ModelInfo(tagger="none", version=SCHEMA_VERSION)

    # ------------------------------------------------------------------ batch
    def run(self, items: Iterable[InputItem | InputFailure]) -> Iterator[Article | InputError]:
        """Yield one result per input, in input order."""
        batch: list[InputItem | InputFailure] = []
        for item in items:
            batch.append(item)
            if len(batch) >= self.batch_size:
                yield from self._run_batch(batch)
                batch = []
        yield from self._run_batch(batch)

    def _run_batch(self, batch: list[InputItem | InputFailure]) -> Iterator[Article | InputError]:
        results: list[Article | InputError | Document] = []
        live: list[int] = []
        for k, item in enumerate(batch):
            if isinstance(item, InputFailure):
                results.append(InputError(source=item.location, id=item.id, reason=item.reason))
            else:
                results.append(Document(id=item.id, raw=item.text, title=item.title, date=item.date,
                                        source=item.source))
                live.append(k)
        for group in self._groups:
            if len(group) == 1 and getattr(group[0], "pipe", None) is not None and len(live) > 1:
                try:
                    group[0].pipe([results[k] for k in live])
                    continue
                except Exception:  # noqa: BLE001 - one bad article must not sink the batch: retry one by one
                    pass
            # per-document stages run one document at a time through the whole run of stages, so the
            # per-article caches of the record rules (coreference, cue matches) are hit, not evicted
            for k in list(live):
                for component in group:
                    try:
                        component(results[k])
                    except Exception as e:  # noqa: BLE001 - recorded, the batch goes on
                        item = batch[k]
                        reason = str(e) if isinstance(e, RejectedInput) else f"internal error: {type(e).__name__}: {e}"
                        results[k] = InputError(source=item.location, id=item.id, reason=reason)
                        live.remove(k)
                        break
        for k in live:
            try:
                results[k] = to_article(results[k], self.model_info)
            except Exception as e:  # noqa: BLE001
                results[k] = InputError(source=batch[k].location, id=batch[k].id,
                                        reason=f"internal error: {type(e).__name__}: {e}")
        yield from results

    def extract_text(self, text: str, doc_id: str = "text", date: str | None = None) -> Article:
        """Convenience for one string; raises ValueError on unusable text."""
        results = list(self.run([InputItem(id=doc_id, text=text, location="<text>", date=date)]))
        if isinstance(results[0], InputError):
            raise ValueError(results[0].reason)
        return results[0]
