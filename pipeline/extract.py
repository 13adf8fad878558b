"""The library API: articles in, validated :class:`~pipeline.schema.Article` records out.

    from pipeline import Extractor
    ex = Extractor()                      # the shipped model in models/munitagger-fa
    for result in ex.run(items):          # items: InputItem (see pipeline.inputs)
        ...                               # an Article, or an InputError with the reason

The stages run on one :class:`~pipeline.document.Document` per article:
normalize -> tokenize -> tag (batched across articles) -> records -> schema.
Nothing here prints or exits; failures come back as ``InputError`` values.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from pipeline.document import Document
from pipeline.inputs import InputFailure, InputItem
from pipeline.schema import SCHEMA_VERSION, Article, Entity, InputError, ModelInfo
from pipeline.tokenize import tokenize

DEFAULT_MODEL = Path(__file__).resolve().parent.parent / "models" / "munitagger-fa"
MAX_CHARS = 1_000_000
MIN_PERSIAN_RATIO = 0.5


def default_model() -> Path:
    """``$MUNIFACTS_MODEL`` if set, else the model shipped in the repository's ``models/``."""
    return Path(os.environ.get("MUNIFACTS_MODEL", DEFAULT_MODEL))


class Extractor:
    """Runs the whole pipeline; construct once (loading the model takes a second), reuse."""

    def __init__(self, model: str | Path | None = None, max_chars: int = MAX_CHARS, batch_size: int = 16,
                 threads: int | None = None, entities: str = "combined"):
        """``entities``: ``"combined"`` (model + rule finders, see :mod:`pipeline.tagger.combine`)
        or ``"model"`` (the tagger's spans only)."""
        from pipeline.normalize import Normalizer

        if entities not in ("combined", "model"):
            raise ValueError(f"entities must be 'combined' or 'model', not {entities!r}")
        self.max_chars = max_chars
        self.batch_size = batch_size
        self.entities = entities
        self.normalizer = Normalizer()
        model = default_model() if model is None else model
        if str(model) == "rules":
            from pipeline.tagger.standin import RuleTagger

            self.tagger = RuleTagger()
            self.entities = "model"  # the stand-in's spans are already the rule spans
            self.model_info = ModelInfo(tagger="rules (lexicon stand-in, not the product)", version=SCHEMA_VERSION)
        else:
            from pipeline.tagger.tagger import Tagger

            self.tagger = Tagger.load(model, threads=threads)
            version = getattr(self.tagger.model.config, "munifacts_model_version", None) or "unversioned"
            self.model_info = ModelInfo(tagger=Path(str(model)).name or str(model), version=str(version))

    # ------------------------------------------------------------------ stages
    def prepare(self, item: InputItem) -> Document:
        """Normalize and tokenize one article; raises ValueError for unusable text."""
        from pipeline.normalize import persian_ratio

        if len(item.text) > self.max_chars:
            raise ValueError(f"article has {len(item.text):,} characters, more than the limit of "
                             f"{self.max_chars:,}; split it or raise --max-chars")
        ratio = persian_ratio(item.text)
        if ratio < MIN_PERSIAN_RATIO:
            raise ValueError(f"text is not Persian: only {ratio:.0%} of its letters are Persian/Arabic script "
                             f"(at least {MIN_PERSIAN_RATIO:.0%} needed)")
        nt = self.normalizer.normalize(item.text)
        doc = Document(id=item.id, raw=item.text, text=nt.text, title=item.title,
                       date=item.date, source=item.source, norm=nt)
        return tokenize(doc)

    def finish(self, doc: Document) -> Article:
        """Rule modules, then the typed output record (validated on construction)."""
        from pipeline.records.assemble import build_records

        if self.entities == "combined":
            from pipeline.tagger.combine import combine
            from pipeline.tagger.rules import rule_entities

            doc.entities = combine(doc.entities, rule_entities(doc.text))
        build_records(doc)
        entities = []
        for e in doc.entities:
            rs, re_ = doc.raw_span(e.start, e.end)
            entities.append(Entity(label=e.label, text=e.text, start=e.start, end=e.end, raw_start=rs, raw_end=re_,
                                   score=e.score))
        return Article(id=doc.id, title=doc.title, date=doc.date, source=doc.source, text=doc.text,
                       entities=entities, officials=doc.officials, meetings=doc.meetings,
                       commitments=doc.commitments, quotes=doc.quotes, figures=doc.figures, dates=doc.dates,
                       model=self.model_info)

    # ------------------------------------------------------------------ batch
    def run(self, items: Iterable[InputItem | InputFailure]) -> Iterator[Article | InputError]:
        """Yield one result per input, in input order."""
        pending: list[tuple[InputItem, Document]] = []
        for item in items:
            if isinstance(item, InputFailure):
                yield from self._flush(pending)
                pending = []
                yield InputError(source=item.location, id=item.id, reason=item.reason)
                continue
            try:
                doc = self.prepare(item)
            except ValueError as e:
                yield from self._flush(pending)
                pending = []
                yield InputError(source=item.location, id=item.id, reason=str(e))
                continue
            pending.append((item, doc))
            if len(pending) >= self.batch_size:
                yield from self._flush(pending)
                pending = []
        yield from self._flush(pending)

    def _flush(self, pending: list[tuple[InputItem, Document]]) -> Iterator[Article | InputError]:
        if not pending:
            return
        try:
            self.tagger.tag_many([d for _, d in pending])
        except Exception:  # one bad article must not sink the batch: retry one by one
            for item, doc in pending:
                yield from self._flush_one(item, doc)
            return
        for item, doc in pending:
            try:
                yield self.finish(doc)
            except Exception as e:  # noqa: BLE001 - recorded, the batch goes on
                yield InputError(source=item.location, id=item.id, reason=f"internal error: {type(e).__name__}: {e}")

    def _flush_one(self, item: InputItem, doc: Document) -> Iterator[Article | InputError]:
        try:
            self.tagger.tag(doc)
            yield self.finish(doc)
        except Exception as e:  # noqa: BLE001
            yield InputError(source=item.location, id=item.id, reason=f"internal error: {type(e).__name__}: {e}")

    def extract_text(self, text: str, doc_id: str = "text", date: str | None = None) -> Article:
        """Convenience for one string; raises ValueError on unusable text."""
        results = list(self.run([InputItem(id=doc_id, text=text, location="<text>", date=date)]))
        if isinstance(results[0], InputError):
            raise ValueError(results[0].reason)
        return results[0]
