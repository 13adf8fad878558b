"""Training file for the distilled word-level student: NER data + teacher-labelled news + gold.

    python -m pipeline.training.encoder.student_data --ner work/ner/train.jsonl \
        --teacher-labels work/e5/distill.jsonl --gold ../shared/gold/train.jsonl \
        --holdout work/e5/run1/holdout_ids.txt --gold-repeat 6 --out work/e5/student_train.jsonl

then (word-level MuniTagger, starting from the shipped model)::

    python -m pipeline.training.train --train work/e5/student_train.jsonl \
        --init-from models/munitagger-fa --out work/e5/student --epochs 1 --lr 3e-4 --threads 1

The teacher's sentences enter with their argmax tags (the CRF student trains on tag
sequences) and, with ``--keep-probs``, with the teacher's per-word distributions, which
``train --soft-weight W`` adds as a KL term on the student's emissions. The held-out gold
articles are never written.
"""
from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from pipeline.training.encoder.data import gold_sentences, read_jsonl


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ner", required=True)
    ap.add_argument("--teacher-labels", required=True)
    ap.add_argument("--gold", default="../shared/gold/train.jsonl")
    ap.add_argument("--holdout", required=True, help="ids of gold articles to leave out (one per line)")
    ap.add_argument("--gold-repeat", type=int, default=6)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--keep-probs", action="store_true", help="keep the teacher's per-word distributions")
    args = ap.parse_args(argv)
    held = set(Path(args.holdout).read_text(encoding="utf-8").split())
    rows = [{"tokens": r["tokens"], "tags": r["tags"], "source": r.get("source", "ner")} for r in read_jsonl(args.ner)]
    for r in read_jsonl(args.teacher_labels):
        row = {"tokens": r["tokens"], "tags": r["tags"], "source": "teacher"}
        if args.keep_probs and r.get("probs"):
            row["probs"] = r["probs"]
        rows.append(row)
    gold = gold_sentences([a for a in read_jsonl(args.gold) if a["id"] not in held])
    rows += gold * args.gold_repeat
    random.Random(args.seed).shuffle(rows)
    with open(args.out, "w", encoding="utf-8") as fo:
        for r in rows:
            fo.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(json.dumps({"rows": len(rows), "gold_sentences": len(gold), "held_out_articles": len(held)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
