#!/usr/bin/env python3
"""Measure the record rules with perfect (gold) entities.

For every gold article: normalize the raw text, tokenize, place the gold entity texts
(in order, ignoring ZWNJ/space/letter-form differences) as spans of the normalized text,
run :func:`pipeline.records.assemble.build_records`, write predictions JSONL and score
them with ``shared/tools/score.py``.

    python scripts/eval_records_oracle.py                  # seeds + dev, score table
    python scripts/eval_records_oracle.py --show quotes    # also print per-article diffs
    python scripts/eval_records_oracle.py --tagger rules   # entities from a tagger instead of gold

Gold is only read here to measure; nothing from it goes into the project.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.document import Document  # noqa: E402
from pipeline.training.gold_spans import locate  # noqa: E402
from pipeline.records.assemble import build_records  # noqa: E402
from pipeline.tokenize import tokenize  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEFAULT_GOLD = [SHARED / "gold" / "seeds.jsonl", SHARED / "gold" / "dev.jsonl"]


def normalize(raw: str):
    """The project normalizer (its NormalizedText maps offsets back to the raw text)."""
    from pipeline.normalize import normalize as norm

    return norm(raw)


def build_doc(gold: dict, tagger=None) -> Document:
    """The gold article as a tokenized Document; entities from gold, or from ``tagger`` if given."""
    raw = gold["text"]
    nt = normalize(raw)
    text = nt.text
    doc = Document(id=str(gold["id"]), raw=raw, text=text, norm=nt, title=gold.get("title"),
                   date=gold.get("date"))
    tokenize(doc)
    if tagger is None:
        doc.entities = locate(text, gold.get("entities", []))
    else:
        tagger.tag(doc)
    return doc


def _load_tagger(name: str):
    if name == "rules":
        from pipeline.tag.standin import RuleTagger

        return RuleTagger()
    from pipeline.extract import Extractor

    return Extractor(model=name).tagger


def predict(doc: Document) -> dict:
    build_records(doc)
    dump = lambda xs: [x.model_dump(mode="json") for x in xs]  # noqa: E731
    return {"id": doc.id,
            "entities": [{"label": e.label, "text": e.text, "start": e.start, "end": e.end} for e in doc.entities],
            "officials": dump(doc.officials), "meetings": dump(doc.meetings), "commitments": dump(doc.commitments),
            "quotes": dump(doc.quotes), "figures": dump(doc.figures), "dates": dump(doc.dates)}


def _strip(rec: dict) -> dict:
    return {k: v for k, v in rec.items() if k != "evidence"}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", nargs="*", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--out", type=Path, default=Path("work") / "records_oracle")
    ap.add_argument("--show", nargs="*", default=[], help="record kinds to diff per article (officials quotes ...)")
    ap.add_argument("--only", default=None, help="only articles whose id contains this")
    ap.add_argument("--tagger", default=None, help="take entities from this tagger (a model path, or 'rules') "
                    "instead of gold: measures the rules under realistic entity noise")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    golds = [json.loads(line) for p in args.gold for line in open(p, encoding="utf-8") if line.strip()]
    if args.only:
        golds = [g for g in golds if args.only in str(g["id"])]
    tagger = None
    if args.tagger:
        tagger = _load_tagger(args.tagger)
    gold_path, pred_path = args.out / "gold.jsonl", args.out / "pred.jsonl"
    with open(gold_path, "w", encoding="utf-8") as gf, open(pred_path, "w", encoding="utf-8") as pf:
        for g in golds:
            gf.write(json.dumps(g, ensure_ascii=False) + "\n")
            pred = predict(build_doc(g, tagger))
            pf.write(json.dumps(pred, ensure_ascii=False) + "\n")
            for kind in args.show:
                print(f"===== {g['id']} {kind}")
                for r in g.get(kind, []):
                    print("  G", json.dumps(_strip(r), ensure_ascii=False))
                for r in pred.get(kind, []):
                    print("  P", json.dumps(_strip(r), ensure_ascii=False))
    res = subprocess.run([sys.executable, str(SHARED / "tools" / "score.py"), "--gold", str(gold_path),
                          "--pred", str(pred_path)], capture_output=True, text=True)
    print(res.stdout, end="")
    print(res.stderr, end="", file=sys.stderr)
    return res.returncode


if __name__ == "__main__":
    sys.exit(main())
