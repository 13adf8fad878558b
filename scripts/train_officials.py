#!/usr/bin/env python3
"""Train the official (name–title) linker on ../shared/gold/train.jsonl.

    python scripts/train_officials.py              # CV table (top settings), then train on all of train and save
    python scripts/train_officials.py --no-save    # only the CV table

Folds are article-level (articles sorted by id, fold = index mod 4), as in ``scripts/eval_records.py``.
Gold entities are placed in the normalized text (``pipeline/training/gold_spans.py``), so the model
does not depend on one tagger. C and the threshold are chosen by the best pooled official F1
(person+role) over the folds; the table also shows listing untitled speakers, which the shipped
model does not do (``untitled=never``). Seeds and dev are never read.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.eval_records import SHARED, gold_docs  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    from pipeline.records import official_model as om

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=om.MODEL_PATH)
    ap.add_argument("--no-save", action="store_true")
    args = ap.parse_args(argv)
    if not (SHARED / "gold" / "train.jsonl").exists():
        print("../shared/gold/train.jsonl is not present next to the checkout", file=sys.stderr)
        return 2
    docs = gold_docs("train")
    cv = om.cross_validate(docs)
    print(f"{'C':>5} {'threshold':>9} {'untitled':>8}  F1 (person+role, 4 folds, gold entities)")
    for (C, th, un), f in sorted(cv.items(), key=lambda kv: -kv[1])[:10]:
        print(f"{C:5.1f} {th:9.2f} {un:>8}  {f:.3f}")
    if args.no_save:
        return 0
    model = om.train_model(docs)
    model.card = ("official linker: logistic regression over name-title pair features (official_model.py), "
                  f"trained on train.jsonl ({len(docs)} articles, gold entities); C={model.meta['C']}, "
                  f"threshold={model.threshold} chosen by 4-fold CV inside train; untitled={model.untitled} "
                  "(people without a title are not listed)")
    model.save(args.out)
    print(f"saved {args.out} ({len(model.weights)} weights, threshold {model.threshold}, untitled {model.untitled})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
