"""Entity-level strict F1 (seqeval, IOB2) of any tagger checkpoint on a BIO test file.

    python -m pipeline.training.evaluate --model models/munitagger-fa --data work/ner/peyma_test.jsonl

The data file holds ``{"tokens": [...], "tags": [...]}`` lines (``scripts/build_ner_data.py``
writes ``work/ner/peyma_test.jsonl`` and ``nsurl_test.jsonl`` from ../shared/corpora, with
the corpus labels mapped to ours: DAT/TIM -> DATE, MON/PCT -> FIG). Tagging runs through
the pipeline's own :class:`~pipeline.tag.tagger.Tagger` (same windows and decoding as
``munifacts extract``). Predicted labels the test corpus does not annotate at all (ROLE
for PEYMA) are dropped before scoring; everything else counts, including our FIG spans
for counts, which PEYMA does not mark (so FIG precision is a lower bound).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pipeline.document import Document
from pipeline.tokenize import Token


def sentence_docs(rows: list[dict]) -> list[Document]:
    docs = []
    for r in rows:
        toks, text = [], ""
        for t in r["tokens"]:
            if text:
                text += " "
            toks.append(Token(len(text), len(text) + len(t), t))
            text += t
        doc = Document(id="s", raw=text, text=text)
        doc.tokens = toks
        docs.append(doc)
    return docs


def bio_of(doc: Document) -> list[str]:
    tags = ["O"] * len(doc.tokens)
    starts = {t.start: i for i, t in enumerate(doc.tokens)}
    ends = {t.end: i for i, t in enumerate(doc.tokens)}
    for e in doc.entities:
        a, b = starts.get(e.start), ends.get(e.end)
        if a is None or b is None:
            continue
        tags[a] = f"B-{e.label}"
        for i in range(a + 1, b + 1):
            tags[i] = f"I-{e.label}"
    return tags


def evaluate(model: str, data: str | Path, limit: int | None = None, batch: int = 32,
             fig_kinds: tuple[str, ...] | None = None, combined: bool = False) -> dict:
    """Scores of ``model`` on ``data``; ``fig_kinds`` keeps only predicted FIG spans of those
    kinds (``("money", "percent")`` matches PEYMA's MON+PCT, which is all the FIG it marks)."""
    from seqeval.metrics import classification_report
    from seqeval.scheme import IOB2

    from pipeline.tag.tagger import Tagger

    with open(data, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()][:limit]
    if model == "rules":
        from pipeline.tag.standin import RuleTagger

        tagger = RuleTagger()
    else:
        tagger = Tagger.load(model)
    docs = sentence_docs(rows)
    for i in range(0, len(docs), batch):
        tagger.tag_many(docs[i:i + batch])
    if combined:
        from pipeline.tag.combine import combine
        from pipeline.tag.rules import rule_entities

        for d in docs:
            d.entities = combine(d.entities, rule_entities(d.text))
    if fig_kinds:
        from pipeline.persian.figures import parse_figure

        for d in docs:
            d.entities = [e for e in d.entities if e.label != "FIG" or parse_figure(e.text).kind in fig_kinds]
    present = {t[2:] for r in rows for t in r["tags"] if t != "O"}
    pred = [[t if t == "O" or t[2:] in present else "O" for t in bio_of(d)] for d in docs]
    gold = [r["tags"] for r in rows]
    rep = classification_report(gold, pred, mode="strict", scheme=IOB2, output_dict=True, zero_division=0)
    out = {"sentences": len(rows), "micro": {k: round(float(v), 4) for k, v in rep["micro avg"].items()}}
    out.update({lab: {k: round(float(v), 4) for k, v in vals.items()} for lab, vals in rep.items()
                if lab in ("PER", "ROLE", "ORG", "LOC", "FIG", "DATE")})
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pipeline.training.evaluate", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default=None,
                    help="checkpoint folder (default: the shipped model); 'rules' = the rule finder alone")
    ap.add_argument("--combined", action="store_true", help="score the pipeline's model + rules combination")
    ap.add_argument("--data", required=True)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--fig-kinds", default=None,
                    help="keep only predicted FIG of these kinds, e.g. money,percent for PEYMA (MON+PCT)")
    args = ap.parse_args(argv)
    from pipeline.extract import default_model

    if not Path(args.data).exists():
        print(f"no such file {args.data}: build it with scripts/build_ner_data.py", file=sys.stderr)
        return 2
    kinds = tuple(args.fig_kinds.split(",")) if args.fig_kinds else None
    res = evaluate(args.model or str(default_model()), args.data, args.limit, fig_kinds=kinds, combined=args.combined)
    print(json.dumps(res, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
