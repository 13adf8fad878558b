#!/usr/bin/env python3
"""Train the official (name–title) linker on ../shared/gold/train.jsonl.

    python scripts/train_officials.py              # CV table (top settings), then train on all of train and save
    python scripts/train_officials.py --no-save    # only the CV table

Folds are article-level (articles sorted by id, fold = index mod 4), as in ``scripts/eval_records.py``.
The model learns from the gold entities placed in the normalized text (``pipeline/training/gold_spans.py``)
and from the shipped tagger's entities of the same articles (``munifacts extract``, cached by
``scripts/eval_records.py`` in ``--cache``), so it also sees titles whose holder the rules miss on
tagged text; the CV table is measured on the tagger's entities. C and the threshold are chosen by the best pooled official F1
(person+role) over the folds, and so is how named people without a title are listed: ``never``,
every quoted one (``speaker``), or by the learned untitled filter (``model``: a second logistic
regression over how and where the person speaks and is named, ``untitled_features``). Seeds and
dev are never read.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.eval_records import DEFAULT_CACHE, SHARED, gold_docs, tag, tagged_docs, with_tags  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    from pipeline.records import official_model as om

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=om.MODEL_PATH)
    ap.add_argument("--no-save", action="store_true")
    ap.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="where the tagged gold articles are kept")
    ap.add_argument("--gold-only", action="store_true", help="learn from the gold entities only (the earlier model)")
    args = ap.parse_args(argv)
    if not (SHARED / "gold" / "train.jsonl").exists():
        print("../shared/gold/train.jsonl is not present next to the checkout", file=sys.stderr)
        return 2
    docs = gold_docs("train")
    if not args.gold_only:
        docs = with_tags(docs, tagged_docs(tag("train", args.cache, False, None)))
    cv = om.cross_validate(docs)
    print(f"{'C':>5} {'threshold':>9} {'untitled':>8}  F1 (person+role, 4 folds, "
          f"{'gold' if args.gold_only else 'tagged'} entities)")
    for (C, th, un), f in sorted(cv.items(), key=lambda kv: -kv[1])[:10]:
        print(f"{C:5.1f} {th:9.2f} {un:>8}  {f:.3f}")
    if args.no_save:
        return 0
    model = om.train_model(docs)
    model.card = ("official linker: logistic regression over name-title pair features (official_model.py), "
                  f"trained on train.jsonl ({len(docs)} articles, gold "
                  f"{'entities' if args.gold_only else 'and shipped-tagger entities'}); C={model.meta['C']}, "
                  f"threshold={model.threshold} and untitled={model.untitled} chosen by 4-fold CV inside train "
                  + {"never": "(people without a title are not listed)",
                     "speaker": "(quoted people without a title are listed)",
                     "model": "(people without a title are listed by the learned untitled filter, "
                              f"{len(model.untitled_weights)} weights)"}[model.untitled])
    model.save(args.out)
    print(f"saved {args.out} ({len(model.weights)} weights, threshold {model.threshold}, untitled {model.untitled})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
